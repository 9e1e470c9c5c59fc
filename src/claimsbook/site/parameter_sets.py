"""Parameter sets: a chapter run through papermill with other parameters, its outputs
kept apart from the book's.

Named sets are ``chapters/params/<chapter>.<name>.yaml``; ``claimsbook run`` and
``make run`` take one, or ``name=value`` assignments read as YAML. Runs go to warm
kernels, one per core (:func:`run_papermill_jobs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core import i18n, params, settings
from ..core.paths import chapter_notebook, chapters_dir
from .execution import output_env, quiet, workers


def parameter_sets(chapter: str) -> dict[str, Path]:
    """Named parameter sets: ``chapters/params/<chapter>.<name>.yaml``."""
    return {
        path.name[len(chapter) + 1 : -len(".yaml")]: path
        for path in sorted((chapters_dir() / "params").glob(f"{chapter}.*.yaml"))
    }


def load_parameter_set(chapter: str, name: str) -> dict[str, Any]:
    sets = parameter_sets(chapter)
    if name not in sets:
        raise SystemExit(
            f"no parameter set {name!r} for {chapter}; sets: {', '.join(sets) or 'none'}"
        )
    try:
        values = load_yaml(sets[name].read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SystemExit(f"{sets[name]}{where}: not valid YAML ({problem})") from None
    if not isinstance(values, dict):
        raise SystemExit(f"{sets[name]} must hold a mapping of parameter names to values")
    return values


class _PlainYamlLoader(yaml.SafeLoader):
    """YAML without implicit dates: ``2025-13-01`` stays the string the user typed, so
    the chapter's own check names it, instead of YAML failing to build a date."""


_PlainYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_PlainYamlLoader)  # noqa: S506 - a SafeLoader subclass


def parse_assignment(text: str) -> tuple[str, Any]:
    """``name=value`` with the value read as YAML (numbers, lists; dates stay strings).
    A value that is not YAML stops with one line naming the parameter and the value."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise SystemExit(f"-p expects name=value, got {text!r}")
    try:
        value = load_yaml(raw)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SystemExit(
            f"parameter {name.strip()!r} = {raw.strip()!r} is not allowed: expected a YAML "
            f"value (a number, a date YYYY-MM-DD, a word, true/false or a [list]); "
            f"YAML says: {problem}") from None
    return name.strip(), value


def split_assignments(text: str | None) -> list[str]:
    """``"a=1; b=[China, United States]"`` -> ``["a=1", "b=[China, United States]"]``:
    one string for make's ``SET``, whose values may hold spaces."""
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def run_chapter(
    chapter: str, parameters: dict[str, Any], out_dir: Path, label: str = "custom"
) -> Path:
    """Execute a chapter with papermill into ``out_dir``; its verdicts go to
    ``out_dir/ledger`` and its chart data to ``out_dir/chart-data``, never into the book.
    A failing cell raises papermill's ``PapermillExecutionError``."""
    check_parameter_names(chapter, parameters)
    job = PapermillJob(chapter, parameters, out_dir, label)
    result = run_papermill_jobs([job])[0]
    if result.error is not None:
        raise result.error
    return result.output


def check_parameter_names(chapter: str, parameters: dict[str, Any]) -> None:
    """Refuse a name the chapter does not declare, before any kernel starts."""
    import papermill

    try:
        params.check_names(papermill.inspect_notebook(str(chapter_notebook(chapter))), parameters)
    except params.ParameterError as error:
        raise SystemExit(f"{chapter}: {error}") from None


@dataclass(frozen=True)
class PapermillJob:
    chapter: str
    parameters: dict[str, Any]
    out_dir: Path
    label: str
    lang: str = i18n.ENGLISH  # fixed per job: the parameter sets' expectations are English


@dataclass
class PapermillResult:
    job: PapermillJob
    output: Path
    error: BaseException | None = None


# Each run's first cell: an empty namespace and this run's settings (the kernel ran others).
RESET_CELL = ("%reset -f\nimport os\nos.environ.update({env!r})\n"
              "from claimsbook.core import settings as _settings\n_settings.refresh()")


def run_papermill(job: PapermillJob, km: Any) -> PapermillResult:
    """One chapter through papermill in the running kernel ``km``; its verdicts go to
    ``out_dir/ledger`` and its chart data to ``out_dir/chart-data``, never the book's."""
    import nbformat
    import papermill

    notebook = chapter_notebook(job.chapter)
    job.out_dir.mkdir(parents=True, exist_ok=True)
    output = job.out_dir / f"{job.chapter}.{job.label}.ipynb"
    env = output_env(job.out_dir / "ledger", job.out_dir / "chart-data", job.lang)
    source = nbformat.read(str(notebook), as_version=4)
    reset = nbformat.v4.new_code_cell(RESET_CELL.format(env=env))
    reset.metadata["tags"] = ["claimsbook-reset"]
    source.cells.insert(0, reset)
    try:
        # Written once, at the end: papermill's default rewrites the whole notebook after
        # every cell (the notebook tier spent a third of its time serialising them).
        papermill.execute_notebook(source, str(output), parameters=job.parameters,
                                   cwd=str(notebook.parent), progress_bar=False,
                                   kernel_name="python3", km=km,
                                   request_save_on_cell_execute=False)
    except papermill.PapermillExecutionError as error:
        return PapermillResult(job, output, error)
    return PapermillResult(job, output)


def _run_on_one_kernel(batch: list[PapermillJob]) -> list[PapermillResult]:
    """Runs one after another in one kernel: each saves a kernel's start and the
    chapter's imports (about two CPU-seconds a run)."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(env=dict(settings.environment()), **quiet())
    try:
        return [run_papermill(job, km) for job in batch]
    finally:
        km.shutdown_kernel(now=True)


def run_papermill_jobs(jobs: Iterable[PapermillJob], workers_: int | None = None
                       ) -> list[PapermillResult]:
    """Papermill runs, one warm kernel per core each running its share in turn (threads:
    each drives its own kernel process); results in the order of the jobs."""
    jobs = list(jobs)
    n = min(workers(workers_), len(jobs))
    if not n:
        return []
    ordered = sorted(jobs, key=lambda job: job.chapter)
    batches = [ordered[k::n] for k in range(n)]
    with ThreadPoolExecutor(max_workers=n) as pool:
        done = {id(r.job): r for results in pool.map(_run_on_one_kernel, batches)
                for r in results}
    return [done[id(job)] for job in jobs]


def parameter_set_jobs(out_dir: Path) -> list[PapermillJob]:
    """One papermill run per named parameter set of every chapter."""
    return [
        PapermillJob(chapter, load_parameter_set(chapter, name),
                               out_dir / f"{chapter}.{name}", name)
        for chapter in sorted(p.stem for p in chapters_dir().glob("*.ipynb"))
        for name in parameter_sets(chapter)
    ]
