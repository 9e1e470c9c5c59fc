"""Measure the build, in one run, on a throw-away copy of the repository.

Prints: clean build time, no-change rebuild time and their ratio, rebuild time
after editing one data file (and which chapters re-executed), per-notebook
execution time, and the transferred size of each page (HTML plus the local
scripts, styles and images it loads). Not a test: numbers vary by machine.

    python benchmarks/benchmark.py [--keep]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
EXECUTED = re.compile(r"(\S+\.ipynb): Executed notebook in ([\d.]+) seconds")
# Edited by the data-change measurement: a free-text column, so no verdict moves.
EDITED_TABLE = Path("data") / "sources.csv"


def build(workdir: Path) -> tuple[float, str]:
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "-n", "-W",
               "--keep-going"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed in {workdir}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return elapsed, done.stdout + done.stderr


def executed(log: str) -> dict[str, float]:
    return {Path(name).name: float(seconds) for name, seconds in EXECUTED.findall(log)}


def edit_one_data_file(workdir: Path) -> None:
    path = workdir / EDITED_TABLE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][-1] = rows[1][-1] + " (edited by the benchmark)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    subprocess.run([str(Path(sys.executable).parent / "claimsbook"), "datapackage", "--update"],
                   cwd=workdir, check=True, capture_output=True)


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.assets.append(values["src"] or "")
        elif tag == "link" and values.get("rel") in ("stylesheet", "preload") and values.get("href"):
            self.assets.append(values["href"] or "")
        elif tag == "img" and values.get("src"):
            self.assets.append(values["src"] or "")


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.parts or page.name in ("genindex.html", "search.html"):
            continue
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        total = page.stat().st_size
        for asset in parser.assets:
            if "://" in asset or asset.startswith("data:"):
                continue
            target = (page.parent / asset.split("?")[0].split("#")[0]).resolve()
            if target.is_file():
                total += target.stat().st_size
        rows.append((str(page.relative_to(site)), page.stat().st_size, total))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="claimsbook-bench-")) / "book"
    shutil.copytree(ROOT, workdir, ignore=IGNORE)
    try:
        clean, clean_log = build(workdir)
        unchanged, unchanged_log = build(workdir)
        edit_one_data_file(workdir)
        after_edit, edit_log = build(workdir)
        print("Build times (one run each, this machine)")
        print(f"  clean build               {clean:8.1f} s")
        print(f"  no-change rebuild         {unchanged:8.1f} s   "
              f"(clean / no-change = {clean / unchanged:.1f}x)")
        reran = ", ".join(executed(edit_log)) or "none"
        print(f"  after editing {EDITED_TABLE}  {after_edit:8.1f} s   re-executed: {reran}")
        print(f"  notebooks executed in the no-change rebuild: "
              f"{', '.join(executed(unchanged_log)) or 'none'}")
        print("\nPer-notebook execution time (clean build)")
        for name, seconds in sorted(executed(clean_log).items()):
            print(f"  {name:40s} {seconds:6.1f} s")
        print("\nPage weight (HTML / HTML plus local scripts, styles, images)")
        for name, html_bytes, total in page_weights(workdir / "_build" / "html"):
            print(f"  {name:40s} {html_bytes / 1024:8.0f} KiB {total / 1024:8.0f} KiB")
    finally:
        if args.keep:
            print(f"\nkept {workdir}")
        else:
            shutil.rmtree(workdir.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
