"""Building the book: a few doit tasks, each run only when what it reads changed.

``make book`` hands these tasks to doit (its record of inputs is ``_build/doit.json``):

* ``inputs``: every data table and catalog checked once, before any kernel starts, and
  the pages' catalogs compiled;
* ``chapter:<id>``: one chapter executed into Jupyter Book's cache, under the key myst-nb
  looks up, when its notebook, a data resource it declares (``READS`` of its package), a
  module it declares (``USES``), ``claimsbook.core`` or an installed package changed.
  Chapters run side by side, one per core; kernels compute and each edition renders
  (:mod:`claimsbook.core.views`);
* ``edition:<lang>``: one Jupyter Book build per edition, which only reads the cache; it
  runs when any file of the checkout, a chapter's execution, the installed packages or the
  git history (the corrections log) changed.

Parameter sets run through papermill instead (:mod:`.parameter_sets`).
"""

from __future__ import annotations

import ast
import contextlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core import datapackage, i18n, settings
from ..core.paths import build_dir, chart_data_dir, ledger_dir, project_root

EXECUTED_DIR = "executed"  # executed copies of the chapters (CI uploads them on failure)
CACHE_DIR = ".jupyter_cache"  # myst-nb's cache folder under Jupyter Book
TIMEOUT = 600
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Chapters execute side by side in threads; their cache writes take turns. Two chapters
# finishing together used jupyter-cache's database and files at once, and one failed now and
# then ("Notebook file does not exist for cache record").
CACHE_WRITES = threading.Lock()


def workers(jobs: int | None = None) -> int:
    """As many kernels at once as there are cores (``CLAIMSBOOK_JOBS`` overrides)."""
    return jobs or settings.jobs() or len(os.sched_getaffinity(0))


def output_env(ledger: Path, charts: Path, lang: str = i18n.ENGLISH) -> dict[str, str]:
    """Where a kernel writes its verdicts and chart data, and its language."""
    return {settings.LEDGER_DIR_ENV: str(ledger), settings.CHART_DATA_DIR_ENV: str(charts),
            settings.ROOT_ENV: str(project_root()), i18n.LANG_ENV: lang,
            settings.PREVIEWS_ENV: "0"}  # the book renders the views; no one reads previews


def quiet() -> dict[str, Any]:
    """A kernel's transport warnings, not its cells' output, go nowhere unless verbose."""
    return {} if settings.verbose() else {"stderr": subprocess.DEVNULL}


# --- the book's chapters ------------------------------------------------------------------


def chapter_notebooks(root: Path | None = None) -> dict[str, Path]:
    root = root or project_root()
    return {path.stem: path for path in sorted((root / "chapters").glob("*.ipynb"))}


def default_cache_path() -> Path:
    return build_dir() / CACHE_DIR


def _cache(path: Path | None = None) -> Any:
    from jupyter_cache import get_cache

    return get_cache(str(path or default_cache_path()))


def cached_record(cache: Any, notebook: Path) -> Any:
    import nbformat

    try:
        return cache.match_cache_notebook(nbformat.read(notebook, as_version=4))
    except KeyError:
        return None


def cached_identities(notebooks: dict[str, Path], cache_path: Path) -> dict[str, str]:
    """key -> which cached execution of the notebook is current ("" for none)."""
    cache = _cache(cache_path)
    records = {key: cached_record(cache, notebook) for key, notebook in notebooks.items()}
    return {key: "" if r is None else f"{r.pk}@{r.created.isoformat()}"
            for key, r in records.items()}


def executed_notebook(chapter: str, cache_path: Path | None = None) -> Any:
    """The cached execution of a chapter's current code (what the book shows)."""
    cache = _cache(cache_path)
    record = cached_record(cache, chapter_notebooks()[chapter])
    if record is None:
        raise LookupError(f"{chapter} has no cached execution of its current code")
    return cache.get_cache_bundle(record.pk).nb


def declared_inputs(chapter: str, root: Path) -> list[Path]:
    """The files a chapter's execution reads, from its package's ``READS`` and ``USES``
    (a notebook test holds them to what an execution records): its notebook, its data
    resources and ledger tables, and the modules of ``claimsbook.core`` and its own."""
    declared: dict[str, Any] = {}
    for init in (PACKAGE_DIR / "chapters").glob("*/__init__.py"):
        names = {node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
                 for node in ast.parse(init.read_text(encoding="utf-8")).body
                 if isinstance(node, ast.Assign) and len(node.targets) == 1 and getattr(
                     node.targets[0], "id", "") in ("CHAPTER", "READS", "USES")}
        if names.get("CHAPTER") == chapter:
            declared = names
    if not declared:
        raise SystemExit(f"no chapter package declares CHAPTER = {chapter!r}")
    resources = {r["name"]: r["path"] for r in datapackage.load_descriptor()["resources"]}
    tables = [*declared["READS"], "claims", "sources", f"{chapter.split('-', 1)[1]}-checks"]
    files = [root / "chapters" / f"{chapter}.ipynb", *(root / "data" / resources[t] for t in tables)]
    for module in ("claimsbook.core", *declared["USES"]):
        path = PACKAGE_DIR.joinpath(*module.split(".")[1:])
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    return files


def execute_chapter(chapter: str, notebook: Path, ledger: Path, charts: Path) -> Any:
    """Execute one chapter and file it in the cache; a failure is one line."""
    import nbformat
    from doit.exceptions import TaskFailed
    from jupyter_cache.base import CacheBundleIn
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    executed = nbformat.read(notebook, as_version=4)
    # No timing in cell metadata: jupyter-cache hashes it, and the executed notebook must
    # be filed under the key of the notebook as committed.
    # The kernel is killed, not asked to shut down, once the last cell ran: its state is
    # not needed, and a graceful shutdown now and then waited about 3 s for it to exit.
    client = NotebookClient(executed, timeout=TIMEOUT, record_timing=False,
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(notebook.parent)}})
    start, error = time.perf_counter(), None
    try:
        client.execute(cleanup_kc=True, env=dict(settings.environment(**output_env(ledger, charts))),
                       **quiet())
    except (CellExecutionError, CellTimeoutError) as failure:
        error = failure
    # A failed execution is kept beside the last good one (CI uploads the folder).
    copy = build_dir() / EXECUTED_DIR / f"{chapter}{'.failed' if error else ''}.ipynb"
    copy.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(executed, copy)
    if error is not None:
        return TaskFailed(f"{_last_line(str(error))} (executed copy: "
                          f"{copy.relative_to(project_root())})")
    copy.with_suffix(".failed.ipynb").unlink(missing_ok=True)
    seconds = time.perf_counter() - start
    with CACHE_WRITES:
        cache = _cache()
        record = cache.cache_notebook_bundle(
            CacheBundleIn(executed, str(notebook), data={"execution_seconds": seconds}),
            check_validity=False, overwrite=True)
        for old in cache.list_cache_records():  # one record per chapter: the current one
            if old.uri == str(notebook) and old.pk != record.pk:
                cache.remove_cache(old.pk)
    return None


def _last_line(error: str) -> str:
    """The root cause of a failed cell: the last line of its traceback that names it."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", error)  # tracebacks come coloured
    lines = [line.strip() for line in plain.splitlines() if line.strip()]
    named = [line for line in lines if re.match(r"^[A-Za-z_.]*(Error|Exception)\b", line)]
    return (named or lines or ["unknown error"])[-1]


# --- make book ----------------------------------------------------------------------------


def check_inputs(root: Path) -> Any:
    """Every table (its checksum, header and the descriptor's certificate: Frictionless ran
    when they were recorded) and catalog, once, before any kernel starts; then the pages'
    catalogs compiled for Sphinx."""
    from doit.exceptions import TaskFailed

    from . import editions, translations

    try:
        datapackage.check_certified()
        for catalog in sorted((root / "locales").rglob("*.po")):
            i18n.check_catalog(catalog)
    except (datapackage.DataPackageError, i18n.CatalogError) as error:
        return TaskFailed(f"cannot build: {error}")
    translations.compile_pages(editions.compiled_locales_dir())
    if left := translations.problems():  # shown in English; the tests refuse them
        print(f"[claimsbook] Chinese edition: {len(left)} untranslated or fuzzy message(s), "
              "shown in English; `claimsbook translations check` lists them", file=sys.stderr)
    return None


def build_edition(lang: str, root: Path, every_page: bool) -> Any:
    from doit.exceptions import TaskFailed

    from . import editions

    problem = editions.build(lang, root, every_page)
    return TaskFailed(problem) if problem else None


def book_inputs(root: Path) -> list[str]:
    """Every file of the checkout that git would track (outputs and tools are ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=root, capture_output=True, text=True, check=True).stdout
    return sorted(str(root / name) for name in listed.split("\0") if (root / name).is_file())


def tasks(root: Path, every_page: bool = False, force: bool = False) -> dict[str, Any]:
    """The build as doit tasks (a task loader's namespace); ``force`` runs both editions'
    builds whatever changed, and executes no chapter that is current."""
    from doit.tools import config_changed

    from . import editions

    runtime = sorted(f"{d.metadata['Name']}=={d.version}"
                     for d in importlib.metadata.distributions())
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    chapters = chapter_notebooks(root)
    ledger = settings.ledger_dir_override() or ledger_dir(i18n.ENGLISH)
    charts = settings.chart_data_dir_override() or chart_data_dir(i18n.ENGLISH)
    executed = [str(build_dir() / EXECUTED_DIR / f"{c}.ipynb") for c in chapters]
    catalogs = [str(p) for p in sorted((root / "locales").rglob("*.po"))]

    def task_inputs() -> dict[str, Any]:
        data = [str(p) for p in sorted((root / "data").rglob("*")) if p.is_file()]
        return {"actions": [(check_inputs, [root])], "file_dep": data + catalogs,
                "doc": "data and catalogs checked"}

    def task_chapter() -> Iterator[dict[str, Any]]:
        for chapter, notebook in chapters.items():
            yield {"name": chapter, "task_dep": ["inputs"],
                   "actions": [(execute_chapter, [chapter, notebook, ledger, charts])],
                   "file_dep": [str(p) for p in declared_inputs(chapter, root)],
                   "targets": [str(ledger / f"{chapter}.csv"),
                               str(build_dir() / EXECUTED_DIR / f"{chapter}.ipynb")],
                   "uptodate": [config_changed(" ".join(runtime)),
                                (default_cache_path() / "global.db").is_file()]}

    def task_edition() -> Iterator[dict[str, Any]]:
        fingerprint = {"packages": runtime, "head": head.stdout.strip(),
                       "settings": settings.overrides()}
        for lang in i18n.LANGUAGES:
            own = [ledger_dir(lang) / f"{c}.csv" for c in chapters] if lang != i18n.ENGLISH \
                else []
            yield {"name": lang, "task_dep": ["inputs"],
                   "actions": [(build_edition, [lang, root, every_page])],
                   "file_dep": book_inputs(root) + executed,
                   "targets": [str(editions.html_dir(lang) / "index.html"), *map(str, own)],
                   "uptodate": [config_changed(json.dumps(fingerprint, sort_keys=True)),
                                not force]}

    return {"task_inputs": task_inputs, "task_chapter": task_chapter,
            "task_edition": task_edition}


@contextlib.contextmanager
def execution_lock() -> Iterator[None]:
    """A build and a test session never run the build's tasks at once (the second waits,
    then finds them done)."""
    import fcntl

    build_dir().mkdir(parents=True, exist_ok=True)
    with (build_dir() / ".executing.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def run(targets: list[str], every_page: bool = False, force: bool = False) -> int:
    """Run the build's tasks (``targets``: all, or e.g. ``["chapter"]``) with doit."""
    from doit.cmd_base import ModuleTaskLoader
    from doit.doit_cmd import DoitMain

    from .progress import Reporter

    root = project_root()
    namespace = {**tasks(root, every_page, force),
                 "DOIT_CONFIG": {"dep_file": str(build_dir() / "doit.json"), "backend": "json",
                                 "reporter": Reporter, "num_process": workers(),
                                 "par_type": "thread", "verbosity": 2 if settings.verbose() else 1}}
    with execution_lock():
        return DoitMain(ModuleTaskLoader(namespace)).run(["run", *targets])
