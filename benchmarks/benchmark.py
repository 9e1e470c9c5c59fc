"""Measure the build, in one run, on a throw-away copy of the repository.

Prints the three build ratios of issue 10, each measured in this run:

* clean build ÷ (Σ chapter execution ÷ cores + the build's non-execution time),
  target ≤ 1.15; Σ is measured by executing the chapters one after another
  (CLAIMSBOOK_JOBS=1) before the clean build; the non-execution time is that of a
  build that reads and writes every page (``jupyter-book build --all``) but executes
  nothing, every chapter being current in the cache;
* no-change rebuild ÷ clean build, target ≤ 5 %;
* which chapters re-execute after editing one chapter's domain module (a comment
  appended to ``src/claimsbook/chapters/second_hand/values.py`` in the copy): only
  04-second-hand, once (every edition renders the same execution);
* what the Chinese edition adds to a clean build: the English edition alone (its
  chapters executed, then Jupyter Book on ``_config.yml``, from nothing) against both
  editions from nothing, target ≤ 40 %;
* which chapters re-execute after editing a translation (a ``.po`` file): none.

Σ counts each chapter once (one execution serves both editions); the non-execution
time is that of the two editions' Sphinx builds, which run side by side.

Then: rebuild time after editing one data file, per-notebook execution time, and the
transferred size of each page: every response Chromium receives while it opens the
page from 127.0.0.1 (HTML, scripts, styles, fonts, images, data), as served
(uncompressed) and as gzip would send it. Not a test: numbers vary by machine.

    python benchmarks/benchmark.py [--keep]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimsbook.site.execution import workers
from claimsbook.site.site import chromium, content_pages, serve

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.egg-info")
# "01-ai-index: executed in" (English edition) or "01-ai-index (zh_CN): executed in".
EXECUTED = re.compile(r"\[claimsbook\] (\S+(?: \(\w+\))?): executed in ([\d.]+) s")
POOL = re.compile(r"\[claimsbook\] executed \d+ chapter\(s\) with (\d+) worker\(s\) in ([\d.]+) s")
# Edited by the data-change measurement: a free-text column of a table that one
# chapter reads, so that chapter re-executes but no verdict moves.
EDITED_TABLE = Path("data") / "second-hand" / "stages.csv"
EDITED_COLUMN = "note"
# Edited by the module-change measurement: one chapter's own module.
EDITED_MODULE = Path("src") / "claimsbook" / "chapters" / "second_hand" / "values.py"
# Edited by the translation-change measurement: the package's Chinese catalog.
EDITED_CATALOG = Path("locales") / "zh_CN" / "LC_MESSAGES" / "claimsbook.po"
BIN = Path(sys.executable).parent


def _env(workdir: Path, **extra: str) -> dict[str, str]:
    """The copy's own package first on the path (the virtual environment's editable
    install points at the original checkout), for the build and its kernels."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMSBOOK_")}
    env["PYTHONPATH"] = os.pathsep.join([str(workdir / "src"), env.get("PYTHONPATH", "")])
    env.setdefault("JUPYTER_PATH", str(BIN.parent / "share" / "jupyter"))
    env.update(extra)
    return env


def _run(command: list[str], workdir: Path, **extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True,
                          env=_env(workdir, **extra))
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {workdir}:\n{done.stdout[-3000:]}\n"
                 f"{done.stderr[-3000:]}")
    return elapsed, done.stdout + done.stderr


def build(workdir: Path) -> tuple[float, str]:
    """``make book``'s command (without the virtual-environment step)."""
    return _run([str(BIN / "python"), "-m", "claimsbook.site.cli", "book"], workdir)


def jupyter_book(workdir: Path, *extra: str) -> tuple[float, str]:
    """Both editions' Jupyter Book builds, without make book's no-input-changed shortcut
    (``--all``: every page read and written again)."""
    return _run([str(BIN / "python"), "-m", "claimsbook.site.cli", "book", "--force",
                 *extra], workdir)


def serial_execution(workdir: Path) -> dict[str, float]:
    """Each chapter executed alone, one after another; the build's outputs are then
    removed so that the clean build starts from nothing."""
    _, log = _run([str(BIN / "python"), "-m", "claimsbook.site.cli", "book", "--chapters"],
                  workdir, CLAIMSBOOK_JOBS="1")
    shutil.rmtree(workdir / "_build")
    return executed(log)


def english_only_clean(workdir: Path) -> float:
    """The English edition alone, from nothing, the way make book builds it: the stale
    chapters executed in parallel, then Jupyter Book on ``_config.yml``; the build's
    outputs are removed after."""
    shutil.rmtree(workdir / "_build", ignore_errors=True)
    executing, _ = _run([str(BIN / "python"), "-m", "claimsbook.site.cli", "book", "--chapters"],
                        workdir)
    sphinx, _ = _run([str(BIN / "jupyter-book"), "build", ".", "-n", "-W", "--keep-going"],
                     workdir)
    shutil.rmtree(workdir / "_build")
    return executing + sphinx


def edit_one_translation(workdir: Path) -> None:
    with (workdir / EDITED_CATALOG).open("a", encoding="utf-8") as handle:
        handle.write("\n# edited by the benchmark (a comment: no message changes)\n")


def executed(log: str) -> dict[str, float]:
    return {name: float(seconds) for name, seconds in EXECUTED.findall(log)}


def pool_seconds(log: str) -> float:
    return sum(float(seconds) for _, seconds in POOL.findall(log))


def edit_one_module(workdir: Path) -> None:
    with (workdir / EDITED_MODULE).open("a", encoding="utf-8") as handle:
        handle.write("\n# edited by the benchmark (a comment: no behaviour changes)\n")


def edit_one_data_file(workdir: Path) -> None:
    path = workdir / EDITED_TABLE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index(EDITED_COLUMN)
    rows[1][column] += " (edited by the benchmark)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    _run([str(BIN / "python"), "-m", "claimsbook.site.cli", "datapackage", "--update"], workdir)


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
    # A clone, for the git history the corrections log reads, then the working tree's
    # files over it, so that uncommitted changes are measured too.
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(workdir)], check=True)
    shutil.copytree(ROOT, workdir, ignore=IGNORE, dirs_exist_ok=True)
    cores = workers()
    load_before = f"{os.getloadavg()[0]:.2f}"
    try:
        serial = serial_execution(workdir)
        english_only = english_only_clean(workdir)
        clean, clean_log = build(workdir)
        unchanged, unchanged_log = build(workdir)
        raw_unchanged, _ = jupyter_book(workdir)
        every_page, every_page_log = jupyter_book(workdir, "--all")
        if executed(every_page_log):
            sys.exit(f"the --all build executed {', '.join(executed(every_page_log))}: "
                     "its time is not the build's non-execution time")
        edit_one_module(workdir)
        after_module, module_log = build(workdir)
        edit_one_data_file(workdir)
        after_edit, edit_log = build(workdir)
        edit_one_translation(workdir)
        after_translation, translation_log = build(workdir)

        sigma = sum(serial.values())
        pool = pool_seconds(clean_log)
        outside = every_page
        ideal = sigma / cores + outside
        reran_module = sorted(executed(module_log))
        print(f"Build ratios (one run each, this machine, {cores} cores; load average "
              f"{load_before} before, {os.getloadavg()[0]:.2f} after: other work on the "
              "machine slows concurrent kernels)")
        print(f"  clean build / (sum of chapter executions / cores + non-execution time)"
              f" = {clean:.1f} / ({sigma:.1f} / {cores} + {outside:.1f}) = {clean / ideal:.2f}"
              f"   [target <= 1.15]")
        print(f"  no-change rebuild / clean build = {unchanged:.2f} / {clean:.1f} = "
              f"{unchanged / clean:.1%}   [target <= 5 %]")
        print(f"  after editing {EDITED_MODULE}: re-executed "
              f"{', '.join(reran_module) or 'none'}   [target: 04-second-hand only, once]"
              f"  ({after_module:.1f} s)")
        print(f"  both editions / English alone, clean = {clean:.1f} / {english_only:.1f} = "
              f"+{clean / english_only - 1:.0%}   [target <= +40 %]")
        print(f"  after editing {EDITED_CATALOG}: re-executed "
              f"{', '.join(executed(translation_log)) or 'none'}   [target: none]"
              f"  ({after_translation:.1f} s)")
        print("\nBuild times")
        print(f"  clean build               {clean:8.1f} s   (its parallel execution, which "
              f"overlaps Jupyter Book's start: {pool:.1f} s)")
        print(f"  every page, no execution  {every_page:8.1f} s   (both editions' Jupyter Book "
              "builds with --all, side by side)")
        print(f"  no-change rebuild         {unchanged:8.2f} s   (make book: no input changed)")
        print(f"  no-change jupyter-book    {raw_unchanged:8.2f} s   (Jupyter Book run anyway)")
        reran = ", ".join(executed(edit_log)) or "none"
        print(f"  after editing {EDITED_TABLE}  {after_edit:8.1f} s   re-executed: {reran}")
        print(f"  notebooks executed in the no-change rebuild: "
              f"{', '.join(executed(unchanged_log)) or 'none'}")
        print("\nPer-notebook execution time: alone (serial) and in the clean build's pool")
        pooled = executed(clean_log)
        for name, seconds in sorted(serial.items()):
            print(f"  {name:40s} {seconds:6.1f} s   {pooled.get(name, float('nan')):6.1f} s")
        print(f"  {'sum':40s} {sigma:6.1f} s   {sum(pooled.values()):6.1f} s")
        print("\nPage weight: everything Chromium fetches to show the page, empty cache")
        print(f"  {'page':40s} {'requests':>8s} {'served':>10s} {'gzipped':>10s}")
        for name, requests, served, zipped in page_weights(workdir / "_build" / "html"):
            print(f"  {name:40s} {requests:8d} {served / 1024:6.0f} KiB {zipped / 1024:6.0f} KiB")
    except SystemExit:
        # A failed step keeps the copy: its Sphinx logs (_build/logs) say what happened.
        args.keep = True
        raise
    finally:
        if args.keep:
            print(f"\nkept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
