"""Test-wide settings, and the notebook tier's executions started early.

Executions under test never write into the book's _build, except the book's own
chapter executions, which the notebook tier brings up to date exactly as make book
does (after make book: nothing to do).

The notebook tier needs every parameter set executed once. Those papermill runs
start in the background as soon as collection finds a notebook test, so that they
run while the browser, data and unit tiers use the processor less than fully;
the notebook tests wait for them through the fixtures below.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
BAD_VALUE = "¿not a valid value?"
IMPOSSIBLE_DATE = "arena_start=2025-13-01"
_started: dict[str, Future] = {}
# Two: the parameter sets (the longest, on a kernel per core) need not wait for the
# book's executions to be checked.
_background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="notebook-tier")


def pytest_configure(config) -> None:
    # Under _build (not published): CI uploads it when a test fails, with the executed
    # notebooks of every parameter set. One session's worth is kept.
    runs = ROOT / "_build" / "test-runs"
    shutil.rmtree(runs, ignore_errors=True)
    runs.mkdir(parents=True)
    scratch = Path(tempfile.mkdtemp(prefix="session-", dir=runs))
    config.claimsbook_scratch = scratch
    os.environ["CLAIMSBOOK_ROOT"] = str(ROOT)
    # Kernels started by tests inherit these: their verdicts and chart data stay out
    # of the book.
    os.environ["CLAIMSBOOK_LEDGER_DIR"] = str(scratch / "ledger")
    os.environ["CLAIMSBOOK_CHART_DATA_DIR"] = str(scratch / "chart-data")
    os.environ.setdefault("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts and ends with the settings of the environment: the settings are
    read once per context, so a test that changes the environment re-reads them, and
    this puts them back after its monkeypatch is undone."""
    from claimsbook.core import settings

    settings.refresh()
    yield
    settings.refresh()


def first_parameter(chapter: str) -> str:
    import papermill

    return next(iter(papermill.inspect_notebook(str(ROOT / "chapters" / f"{chapter}.ipynb"))))


def _book_executions():
    """Each chapter's execution in the book's cache, made current if it was stale (by
    make book's own tasks, in a process of their own: unit tests switch the settings of
    this one while this runs in the background)."""
    import subprocess
    import sys

    from claimsbook.site import execution

    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMSBOOK_")}
    done = subprocess.run([sys.executable, "-m", "claimsbook.site.cli", "book", "--chapters"],
                          cwd=ROOT, env={**env, "CLAIMSBOOK_ROOT": str(ROOT)},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"executing the chapters failed:\n{done.stdout}{done.stderr}")
    cache = ROOT / "_build" / execution.CACHE_DIR
    return {chapter: execution.executed_notebook(chapter, cache)
            for chapter in execution.chapter_notebooks(ROOT)}


def _papermill_runs(out: Path):
    """Every parameter set, one bad value per chapter and one impossible date, run
    concurrently (as many kernels as cores), each once."""
    from claimsbook.site import execution, parameter_sets as sets

    chapters = sorted(execution.chapter_notebooks(ROOT))
    jobs = sets.parameter_set_jobs(out)
    jobs += [sets.PapermillJob(c, {first_parameter(c): BAD_VALUE}, out / f"{c}.bad", "bad")
             for c in chapters]
    # The defaults with the kernel set to Chinese: its outputs must be the book's own.
    jobs += [sets.PapermillJob(c, {}, out / f"{c}.kernel-zh", "kernel-zh", lang="zh_CN")
             for c in chapters]
    # A date YAML cannot build, passed on as typed (see sets.parse_assignment).
    jobs.append(sets.PapermillJob(
        "01-ai-index", dict([sets.parse_assignment(IMPOSSIBLE_DATE)]), out / "date", "bad-date"))
    return {(r.job.chapter, r.job.label): r for r in sets.run_papermill_jobs(jobs)}


def pytest_collection_finish(session) -> None:
    if not any(item.get_closest_marker("notebook") for item in session.items):
        return
    # The parameter sets first (the longest), and beside them the check that the book's
    # executions (what make book filled the cache with) are current.
    _started["runs"] = _background.submit(
        _papermill_runs, session.config.claimsbook_scratch / "runs")
    _started["book"] = _background.submit(_book_executions)


def _result(key: str, build):
    if key not in _started:  # a notebook test selected in a way collection missed
        _started[key] = _background.submit(build)
    return _started[key].result()


@pytest.fixture(scope="session")
def book_executions(request):
    return _result("book", _book_executions)


@pytest.fixture(scope="session")
def papermill_runs(request):
    return _result("runs", lambda: _papermill_runs(request.config.claimsbook_scratch / "runs"))


def pytest_sessionstart(session) -> None:
    session.config.claimsbook_started = time.perf_counter()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    seconds = time.perf_counter() - config.claimsbook_started
    terminalreporter.write_line(
        f"test time: {seconds:.1f} s (the tests alone; make test builds the book first)")


def pytest_unconfigure(config) -> None:
    _background.shutdown(wait=True, cancel_futures=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Each phase's report on the item, so that fixtures can react to a failed test
    # (the browser tier keeps a screenshot of what it saw).
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
