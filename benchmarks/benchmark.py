"""Measure the build, in one run, on a throw-away copy of the repository.

Prints: clean build time, no-change rebuild time and their ratio, rebuild time
after editing one data file (and which chapters re-executed), per-notebook
execution time, and the transferred size of each page: every response Chromium
receives while it opens the page from 127.0.0.1 (HTML, scripts, styles, fonts,
images, data), as served (uncompressed) and as gzip would send it. Not a test:
numbers vary by machine.

    python benchmarks/benchmark.py [--keep]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimsbook.build.site import chromium, content_pages, serve

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
EXECUTED = re.compile(r"(\S+\.ipynb): Executed notebook in ([\d.]+) seconds")
# Edited by the data-change measurement: a free-text column of a table that one
# chapter reads, so that chapter re-executes but no verdict moves.
EDITED_TABLE = Path("data") / "second-hand" / "stages.csv"
EDITED_COLUMN = "note"


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
    column = rows[0].index(EDITED_COLUMN)
    rows[1][column] += " (edited by the benchmark)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    subprocess.run([str(Path(sys.executable).parent / "claimsbook"), "datapackage", "--update"],
                   cwd=workdir, check=True, capture_output=True)


def _sizes(request) -> tuple[int, int]:
    """Body bytes as served, and as gzip would send them (the body itself is gone
    when the page navigated away, e.g. a redirect page: then as served)."""
    served = request.sizes()["responseBodySize"]
    try:
        return served, len(gzip.compress(request.response().body(), 6))
    except Exception:  # noqa: BLE001 - Playwright raises a bare Error for a discarded body
        return served, served


def page_weights(site: Path) -> list[tuple[str, int, int, int]]:
    """(page, requests, bytes as served, bytes gzipped) for every content page,
    from the responses Chromium receives while loading it with an empty cache."""
    rows = []
    with serve(site) as base, chromium() as browser:
        for path in content_pages(site):
            context = browser.new_context()  # a fresh cache for every page
            page = context.new_page()
            finished: list[tuple[int, int]] = []
            page.on("requestfinished", lambda request: finished.append(_sizes(request)))
            page.goto(f"{base}/{path}", wait_until="networkidle")
            context.close()
            served = sum(size for size, _ in finished)
            zipped = sum(size for _, size in finished)
            rows.append((path, len(finished), served, zipped))
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
        print("\nPage weight: everything Chromium fetches to show the page, empty cache")
        print(f"  {'page':40s} {'requests':>8s} {'served':>10s} {'gzipped':>10s}")
        for name, requests, served, zipped in page_weights(workdir / "_build" / "html"):
            print(f"  {name:40s} {requests:8d} {served / 1024:6.0f} KiB {zipped / 1024:6.0f} KiB")
    finally:
        if args.keep:
            print(f"\nkept {workdir}")
        else:
            shutil.rmtree(workdir.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
