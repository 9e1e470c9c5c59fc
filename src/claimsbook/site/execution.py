"""Executing chapters: only the stale ones, several at a time, into Jupyter Book's cache.

Jupyter Book (myst-nb, ``execute_notebooks: cache``) executes a notebook whose code
cells it has no cached outputs for, one after another, and misses changes to data
and to the package. ``make book`` therefore brings the cache up to date before it
starts Sphinx (:func:`bring_up_to_date`), and Sphinx only reads it:

* a chapter is stale when :func:`claimsbook.site.dependencies.stale_reason` says so
  (its code, a module it imported or a data file it read changed) or when the
  cache holds no execution of its current code;
* stale chapters run concurrently, as many as there are cores, longest first (by
  their last recorded run time), each in its own kernel, once for every edition
  (kernels compute; each edition renders, see :mod:`claimsbook.core.views`);
* each executed notebook goes into the jupyter-cache under the key myst-nb looks
  up, so the builds read it from there (and the tests check it there), and a copy
  goes to ``_build/executed/`` (CI uploads them when a chapter fails).

The same pool runs papermill executions with parameters (:func:`run_papermill_jobs`)
for the tests and ``make snapshot``. ``python -m claimsbook.site.execution book`` is
``make book``: it skips everything when no input of the build changed; an
:func:`execution_lock` keeps a build and a test session from executing a chapter twice.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import dependencies
from ..core import datapackage, i18n, settings
from ..core.paths import build_dir, chart_data_dir, ledger_dir, project_root

# Where executed copies of the book's chapters are kept (tests, CI artefacts).
EXECUTED_DIR = "executed"
# myst-nb's default cache folder under Jupyter Book (``nb_execution_cache_path``).
CACHE_DIR = ".jupyter_cache"
DEFAULT_TIMEOUT = 600


def workers(jobs: int | None = None) -> int:
    """As many kernels at once as there are cores (``CLAIMSBOOK_JOBS`` overrides)."""
    if jobs:
        return jobs
    configured = settings.jobs()
    if configured:
        return configured
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


@functools.cache
def _env_kernel_manager_class() -> type:
    """A kernel manager that starts its kernel with extra environment variables.

    Kernels started in threads of one process cannot each get their own
    ``os.environ``; this passes the variables to the kernel process instead.
    (Defined on first use: ``make book`` must start fast when nothing changed.)"""
    from jupyter_client.manager import KernelManager
    from traitlets import Dict

    class EnvKernelManager(KernelManager):
        extra_env = Dict(default_value={}, help="variables added to the kernel's environment")

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            kw["env"] = {**(kw.get("env") or settings.environment()), **self.extra_env}
            if not settings.verbose():  # the kernel's transport warnings, not the cells'
                kw.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_pre_start_kernel(**kw)

    return EnvKernelManager


def kernel_manager(kernel_name: str, env: Mapping[str, str]) -> Any:
    return _env_kernel_manager_class()(kernel_name=kernel_name, extra_env=dict(env))


def output_env(ledger: Path, charts: Path, lang: str = i18n.ENGLISH) -> dict[str, str]:
    """Where a chapter's kernel writes its verdicts and its chart data, and the language
    of what it writes itself (its outputs are views, rendered by each edition)."""
    return {
        settings.LEDGER_DIR_ENV: str(ledger),
        settings.CHART_DATA_DIR_ENV: str(charts),
        settings.ROOT_ENV: str(project_root()),
        settings.PREVIEWS_ENV: "0",  # the book renders the views; no one reads previews
        i18n.LANG_ENV: lang,
    }


def run_parallel(
    task: Callable[[Any], Any], items: Sequence[Any], jobs: int | None = None
) -> list[Any]:
    """``task`` over ``items`` in threads (each task drives its own kernel process,
    so threads suffice); results in the order of ``items``."""
    if not items:
        return []
    with ThreadPoolExecutor(max_workers=min(workers(jobs), len(items))) as pool:
        return list(pool.map(task, items))


# --- the book's chapters -----------------------------------------------------------------


@dataclass
class Execution:
    chapter: str
    notebook: Path
    reason: str
    seconds: float = 0.0
    error: str | None = None
    executed: Any = None  # the executed nbformat.NotebookNode


@dataclass
class Plan:
    """Which chapters are stale and why; what ran, and how long the pool took."""

    stale: dict[str, str] = field(default_factory=dict)
    runs: list[Execution] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def failed(self) -> list[Execution]:
        return [run for run in self.runs if run.error is not None]


def chapter_notebooks(root: Path | None = None) -> dict[str, Path]:
    root = root or project_root()
    return {path.stem: path for path in sorted((root / "chapters").glob("*.ipynb"))}


def _get_cache(cache_path: Path) -> Any:
    from jupyter_cache import get_cache

    return get_cache(str(cache_path))


def default_cache_path() -> Path:
    """The one cache of the chapters' executions, which every edition renders."""
    return build_dir() / CACHE_DIR


def kernel_ledger_dir() -> Path:
    """Where the book's kernels write their verdicts (English: the verdicts every other
    edition renders come from the views of the same execution)."""
    return settings.ledger_dir_override() or ledger_dir(i18n.ENGLISH)


def kernel_chart_data_dir() -> Path:
    return settings.chart_data_dir_override() or chart_data_dir(i18n.ENGLISH)


def notebook_hash(cache: Any, notebook: Path) -> str:
    """The key jupyter-cache (and so myst-nb) files the notebook's outputs under:
    its code cells and kernel, not its prose."""
    import nbformat

    _, key = cache.create_hashed_notebook(nbformat.read(notebook, as_version=4))
    return str(key)


def cached_record(cache: Any, notebook: Path) -> Any:
    import nbformat

    try:
        return cache.match_cache_notebook(nbformat.read(notebook, as_version=4))
    except KeyError:
        return None


def cached_identities(notebooks: Mapping[str, Path], cache_path: Path) -> dict[str, str]:
    """key -> which cached execution of the notebook is current ("" for none)."""
    cache = _get_cache(cache_path)
    identities = {}
    for key, notebook in notebooks.items():
        record = cached_record(cache, notebook)
        identities[key] = "" if record is None else f"{record.pk}@{record.created.isoformat()}"
    return identities


def find_stale(
    notebooks: Mapping[str, Path], cache_path: Path, ledger: Path | None = None
) -> dict[str, str]:
    """chapter -> why it must execute, for every chapter that must. A chapter that never
    ran is known stale at once: kernels start sooner on a clean build."""
    deps = dependencies
    folder = ledger or kernel_ledger_dir()
    stale = {}
    cache = None
    for chapter, notebook in notebooks.items():
        if deps.read_dependencies(chapter, folder) is None:
            stale[chapter] = "no verdicts recorded from an earlier run"
            continue
        cache = cache or _get_cache(cache_path)
        reason = deps.stale_reason(chapter, notebook_hash(cache, notebook), folder)
        if reason is None and cached_record(cache, notebook) is None:
            reason = "no cached execution of its current code"
        if reason is not None:
            stale[chapter] = reason
    return stale


def _last_seconds(chapter: str, ledger: Path) -> float:
    deps = dependencies.read_dependencies(chapter, ledger) or {}
    return float(deps.get("seconds", 0.0))


def _execute_one(run: Execution, env: Mapping[str, str], timeout: int) -> Execution:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    notebook = nbformat.read(run.notebook, as_version=4)
    kernel = kernel_manager(
        notebook.metadata.get("kernelspec", {}).get("name", "python3"), env)
    # No timing in cell metadata: jupyter-cache hashes cell metadata, and the executed
    # notebook must be filed under the key of the notebook as committed.
    client = NotebookClient(notebook, km=kernel, timeout=timeout, allow_errors=False,
                            record_timing=False,
                            resources={"metadata": {"path": str(run.notebook.parent)}})
    start = time.perf_counter()
    try:
        # The client shuts down only kernels it made itself; this one is ours to end.
        client.execute(cleanup_kc=True)
    except (CellExecutionError, CellTimeoutError) as error:
        run.error = f"{type(error).__name__}: {error}"
    run.seconds = time.perf_counter() - start
    run.executed = notebook
    return run


def execute_chapters(
    notebooks: Mapping[str, Path],
    stale: Mapping[str, str],
    cache_path: Path,
    *,
    jobs: int | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    log: Callable[[str], None] = print,
    ledger: Path | None = None,
    charts: Path | None = None,
) -> Plan:
    """Execute the ``stale`` chapters concurrently and file each success in the cache;
    their verdicts go to ``ledger`` and chart data to ``charts`` (default: the book's,
    or where ``CLAIMSBOOK_LEDGER_DIR``/``CLAIMSBOOK_CHART_DATA_DIR`` point)."""
    import nbformat
    from jupyter_cache.base import CacheBundleIn

    ledger, charts = ledger or kernel_ledger_dir(), charts or kernel_chart_data_dir()
    ledger.mkdir(parents=True, exist_ok=True)
    env = output_env(ledger, charts)
    edition = ""
    # Longest first: with two cores, a long chapter started last finishes alone.
    order = sorted(stale, key=lambda c: -_last_seconds(c, ledger))
    runs = [Execution(c, notebooks[c], stale[c]) for c in order]
    for run in runs:
        log(f"[claimsbook] {run.chapter}{edition}: {run.reason}; executing")
    start = time.perf_counter()
    done = run_parallel(lambda run: _execute_one(run, env, timeout), runs, jobs)
    plan = Plan(stale=dict(stale), runs=done, wall_seconds=time.perf_counter() - start)

    cache = _get_cache(cache_path)
    copies = build_dir() / EXECUTED_DIR
    copies.mkdir(parents=True, exist_ok=True)
    for run in done:
        nbformat.write(run.executed, copies / f"{run.chapter}.ipynb")
        if run.error is not None:
            log(f"[claimsbook] {run.chapter}{edition}: FAILED after {run.seconds:.2f} s")
            continue
        uri = str(run.notebook)
        expected = notebook_hash(cache, run.notebook)
        if cache.create_hashed_notebook(run.executed)[1] != expected:
            raise RuntimeError(f"{run.chapter}: its executed copy would not match its code in "
                               "the cache (did the execution change cell metadata?)")
        record = cache.cache_notebook_bundle(
            CacheBundleIn(run.executed, uri, data={"execution_seconds": run.seconds}),
            check_validity=False, overwrite=True)
        for old in cache.list_cache_records():  # one record per chapter: the current one
            if old.uri == uri and old.pk != record.pk:
                cache.remove_cache(old.pk)
        deps = dependencies.read_dependencies(run.chapter, ledger) or {}
        deps.update(notebook=expected, seconds=round(run.seconds, 2))
        dependencies.deps_path(run.chapter, ledger).write_text(
            json.dumps(deps, indent=2) + "\n", encoding="utf-8")
        log(f"[claimsbook] {run.chapter}{edition}: executed in {run.seconds:.2f} s")
    if done:
        total = sum(run.seconds for run in done)
        log(f"[claimsbook] executed {len(done)} chapter(s) with {min(workers(jobs), len(done))} "
            f"worker(s) in {plan.wall_seconds:.2f} s (sum of executions {total:.2f} s)")
    return plan


LOCK_FILE = ".executing.lock"


@contextlib.contextmanager
def execution_lock(folder: Path | None = None) -> Iterator[None]:
    """Held while chapters are checked and executed into the book's cache: a build and
    a test session (or make book's early start and Sphinx) never execute the same
    chapter twice at once; the second waits, then finds it current."""
    import fcntl

    folder = folder or build_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK_FILE).open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def bring_up_to_date(
    notebooks: Mapping[str, Path] | None = None,
    cache_path: Path | None = None,
    *,
    jobs: int | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    log: Callable[[str], None] = print,
    ledger: Path | None = None,
    charts: Path | None = None,
) -> Plan:
    """Execute every stale chapter once, in parallel, so that the cache, ledger folder
    and ``executed`` folder hold a current execution of each (every edition renders
    the same); a no-op when none is."""
    notebooks = notebooks if notebooks is not None else chapter_notebooks()
    cache_path = cache_path or default_cache_path()
    with execution_lock():
        stale = find_stale(notebooks, cache_path, ledger)
        return execute_chapters(notebooks, stale, cache_path, jobs=jobs, timeout=timeout,
                                log=log, ledger=ledger, charts=charts)


def executed_notebook(chapter: str, cache_path: Path | None = None) -> Any:
    """The cached execution of a chapter's current code (what the book shows)."""
    cache = _get_cache(cache_path or default_cache_path())
    record = cached_record(cache, chapter_notebooks()[chapter])
    if record is None:
        raise LookupError(f"{chapter} has no cached execution of its current code")
    return cache.get_cache_bundle(record.pk).nb


# --- papermill runs with parameters ---------------------------------------------------


@dataclass(frozen=True)
class PapermillJob:
    chapter: str
    parameters: dict[str, Any]
    out_dir: Path
    label: str
    # Fixed per job, never taken from the caller's environment at the time the kernel
    # starts: the parameter sets' expectations are English.
    lang: str = i18n.ENGLISH


@dataclass
class PapermillResult:
    job: PapermillJob
    output: Path
    error: BaseException | None = None


# The first cell of a run in a kernel that ran a chapter before: an empty namespace
# and this run's output folders (claimsbook reads them from the environment per call).
RESET_CELL = ("%reset -f\nimport os\nos.environ.update({env!r})\n"
              "from claimsbook.core import settings as _settings\n_settings.refresh()")


def run_papermill(job: PapermillJob, km: Any = None) -> PapermillResult:
    """One chapter through papermill with ``job.parameters``; its verdicts go to
    ``out_dir/ledger`` and its chart data to ``out_dir/chart-data``, never the book's.
    Given a running kernel (``km``), the run starts by emptying its namespace and
    pointing it at this run's folders, and leaves the kernel running for the next."""
    import nbformat
    import papermill

    from ..core.paths import chapter_notebook

    notebook = chapter_notebook(job.chapter)
    job.out_dir.mkdir(parents=True, exist_ok=True)
    output = job.out_dir / f"{job.chapter}.{job.label}.ipynb"
    env = output_env(job.out_dir / "ledger", job.out_dir / "chart-data", job.lang)
    source: Any = str(notebook)
    owned = km is None
    if owned:
        km = kernel_manager("python3", env)
    else:
        source = nbformat.read(str(notebook), as_version=4)
        reset = nbformat.v4.new_code_cell(RESET_CELL.format(env=env))
        reset.metadata["tags"] = ["claimsbook-reset"]
        source.cells.insert(0, reset)
    try:
        papermill.execute_notebook(
            source, str(output), parameters=job.parameters, cwd=str(notebook.parent),
            progress_bar=False, kernel_name="python3", km=km)
    except papermill.PapermillExecutionError as error:
        return PapermillResult(job, output, error)
    finally:
        # papermill leaves a kernel it was handed running; end the one this run started.
        if owned and km.has_kernel:
            km.shutdown_kernel(now=True)
    return PapermillResult(job, output)


def _run_on_one_kernel(batch: list[PapermillJob]) -> list[PapermillResult]:
    """Several runs, one after another, in one kernel: each saves the kernel's start and
    the chapter's imports (about two CPU-seconds a run)."""
    km = kernel_manager("python3", {"CLAIMSBOOK_ROOT": str(project_root())})
    try:
        return [run_papermill(job, km) for job in batch]
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)


def run_papermill_jobs(jobs: Iterable[PapermillJob], workers_: int | None = None
                       ) -> list[PapermillResult]:
    """Several papermill runs at once: one warm kernel per core, each running its share
    of the jobs in turn; results in the order of the jobs."""
    jobs = list(jobs)
    if not jobs:
        return []
    n = min(workers(workers_), len(jobs))
    ordered = sorted(range(len(jobs)), key=lambda i: jobs[i].chapter)
    batches = [[jobs[i] for i in ordered[k::n]] for k in range(n)]
    by_job: dict[int, PapermillResult] = {}
    for batch, results in zip(batches, run_parallel(_run_on_one_kernel, batches, n)):
        for job, result in zip(batch, results):
            by_job[id(job)] = result
    return [by_job[id(job)] for job in jobs]


# --- make book ------------------------------------------------------------------------

# Folders that hold the build's outputs or tools, never its inputs.
NOT_INPUTS = {".git", ".venv", "_build", "__pycache__", ".pytest_cache", ".mypy_cache",
              ".ipynb_checkpoints", "node_modules"}
BOOK_COMMAND = ["build", ".", "-n", "-W", "--keep-going"]
STAMP = "book-inputs.sha256"


def input_digest(root: Path) -> str:
    """One digest of everything a build could read: every file of the checkout outside
    build outputs (names and bytes), the interpreter and every installed distribution's
    version. Equal digests mean a rebuild would produce the same site."""
    import importlib.metadata

    digest = hashlib.sha256(sys.version.encode())
    versions = sorted(f"{d.metadata['Name']}=={d.version}"
                      for d in importlib.metadata.distributions())
    digest.update("\n".join(versions).encode())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in NOT_INPUTS and not d.endswith(".egg-info"))
        for name in sorted(files):
            path = Path(folder) / name
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for key, value in settings.overrides().items():  # settings change the outputs
        digest.update(f"{key}={value}".encode())
    # The corrections log is computed from the git history of the ledger snapshot.
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    digest.update(head.stdout.strip().encode() if head.returncode == 0 else b"no git")
    return digest.hexdigest()


def missing_outputs(root: Path) -> list[str]:
    """The build's own outputs that are not there: each edition's pages and the verdicts
    of each of its chapters (deleting one must not leave the book "up to date")."""
    from . import editions

    expected = []
    for lang in i18n.LANGUAGES:
        expected.append(editions.html_dir(lang) / "index.html")
        expected += [ledger_dir(lang) / f"{chapter}.csv" for chapter in chapter_notebooks(root)]
    return [str(path.relative_to(root)) for path in expected if not path.is_file()]


def book(root: Path | None = None, force: bool = False, every_page: bool = False) -> int:
    """``make book``: build both editions of the site unless nothing they read changed
    since the last successful build (then Jupyter Book, which would re-read its
    environment and re-check every page to conclude the same, is not started at all).

    The stale chapters execute first, once, sharing the cores; then the two Jupyter Book
    builds (one Sphinx process per edition, side by side) render the same executions."""
    from . import editions, translations

    root = root or project_root()
    out = root / "_build"
    stamp = out / STAMP
    digest = input_digest(root)
    missing = missing_outputs(root)
    if not force and not missing and stamp.is_file() and stamp.read_text().strip() == digest:
        print("the book is up to date: no input changed since the last build")
        return 0
    if missing and stamp.is_file():
        print(f"[claimsbook] rebuilding: {missing[0]} is missing", flush=True)
    stamp.unlink(missing_ok=True)
    try:  # once, before any kernel starts: a bad input stops here with one line
        for name in datapackage.resource_names():
            datapackage.load_table(name)
        for catalog in sorted((root / "locales").rglob("*.po")):
            i18n.check_catalog(catalog)
    except (datapackage.DataPackageError, i18n.CatalogError) as error:
        print(f"[claimsbook] cannot build: {error}", flush=True)
        return 1
    translations.compile_pages(editions.compiled_locales_dir())
    left = translations.problems()
    if left:  # the Chinese pages show the English of these; the tests refuse them
        kinds = {kind: sum(p.kind == kind for p in left) for kind in ("untranslated", "fuzzy")}
        print(f"[claimsbook] Chinese edition: {kinds['untranslated']} untranslated and "
              f"{kinds['fuzzy']} fuzzy message(s), shown in English; "
              "`claimsbook translations check` lists them", flush=True)
    # The stale chapters first, on every core: both editions render the same executions.
    plan = bring_up_to_date(log=lambda message: print(message, flush=True))
    if plan.failed:
        for run in plan.failed:
            print(f"[claimsbook] {run.chapter} failed (executed copy: "
                  f"_build/{EXECUTED_DIR}/{run.chapter}.ipynb): {_last_line(run.error)}",
                  flush=True)
        return 1
    extra = [*BOOK_COMMAND[2:], *(["--all"] if every_page else [])]
    logs = {lang: None if settings.verbose() else out / "logs" / f"sphinx-{lang}.log"
            for lang in i18n.LANGUAGES}
    started = time.perf_counter()
    builds = {lang: editions.start_build(lang, root, extra, logs[lang])
              for lang in i18n.LANGUAGES}
    codes = {}
    for lang, build in builds.items():
        codes[lang] = build.wait()
        print(f"[claimsbook] Sphinx, {lang} edition: "
              f"{'done' if codes[lang] == 0 else 'FAILED'} "
              f"({time.perf_counter() - started:.0f} s since start)", flush=True)
    failed = [lang for lang, code in codes.items() if code != 0]
    if failed:
        for lang in failed:
            log = logs[lang]
            if log is not None:
                print(editions.log_excerpt(log), flush=True)
                print(f"[claimsbook] full log: {log.relative_to(root)} (or make book V=1)",
                      flush=True)
        print(f"[claimsbook] the build of the {', '.join(failed)} edition failed", flush=True)
        return 1
    for lang in i18n.LANGUAGES:
        editions.publish_edition(lang)
    stamp.write_text(digest + "\n")
    return 0


def _last_line(error: str | None) -> str:
    """The root cause of a failed cell: the last line of its traceback that says something."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", error or "")  # tracebacks come coloured
    lines = [line.strip() for line in plain.splitlines() if line.strip()]
    named = [line for line in lines if re.match(r"^[A-Za-z_.]*(Error|Exception)\b", line)]
    return (named or lines or ["unknown error"])[-1]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m claimsbook.site.execution",
                                     description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("book", help="build the site unless no input changed")
    build.add_argument("--force", action="store_true", help="run Jupyter Book regardless")
    build.add_argument("--all", action="store_true", dest="every_page",
                       help="re-write every page (Jupyter Book's --all); implies --force")
    sub.add_parser("chapters", help="execute the stale chapters into the cache")
    args = parser.parse_args(argv)
    if args.command == "book":
        return book(force=args.force or args.every_page, every_page=args.every_page)
    plan = bring_up_to_date()
    return 1 if plan.failed else 0


if __name__ == "__main__":
    sys.exit(main())
