"""Where the book's files live, found from the repository root."""

from __future__ import annotations

import functools
from pathlib import Path

from . import settings

ROOT_MARKER = Path("data") / "datapackage.json"


def project_root(start: Path | None = None) -> Path:
    """The repository root: ``$CLAIMSBOOK_ROOT``, else the nearest folder upwards
    from ``start`` (default: the working directory), else the package's checkout,
    that holds ``data/datapackage.json``."""
    override = settings.root_override()
    if override is not None:
        return override
    return _root_above(str(start or Path.cwd()))


@functools.lru_cache(maxsize=64)
def _root_above(start: str) -> Path:
    """The search itself, once per folder: a page's rendering asks for the root tens of
    thousands of times (every translated message finds its catalog through it)."""
    here = Path(start).resolve()
    for candidate in (here, *here.parents):
        if (candidate / ROOT_MARKER).is_file():
            return candidate
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / ROOT_MARKER).is_file():
        return checkout
    raise FileNotFoundError(
        f"cannot find the book's root: no {ROOT_MARKER} above {here}; "
        "run from inside the repository or set CLAIMSBOOK_ROOT"
    )


def chapters_dir() -> Path:
    return project_root() / "chapters"


def chapter_notebook(chapter: str) -> Path:
    """A chapter's notebook; an unknown chapter stops with the chapters there are."""
    path = chapters_dir() / f"{chapter}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in chapters_dir().glob("*.ipynb"))
        raise SystemExit(f"no chapter {chapter!r}; chapters: {', '.join(known)}")
    return path


def data_dir() -> Path:
    return project_root() / "data"


def build_dir() -> Path:
    return project_root() / "_build"


# Jupyter Book's own output folder under the folder it is told to build into.
EDITION_OUTPUT = "_build"


def edition_build_dir(lang: str | None = None) -> Path:
    """The build folder of one edition (default: the language of this process): the
    English edition builds in ``_build``, every other one in ``_build/<folder>/_build``
    (Jupyter Book's layout under ``--path-output _build/<folder>``), each with its own
    executions, verdicts and chart data."""
    chosen = lang or settings.language_setting()
    if chosen not in settings.EDITION_FOLDER:
        raise ValueError(f"{settings.LANG_ENV}={chosen!r} is not a language of the book; "
                         f"allowed: {list(settings.LANGUAGES)}")
    folder = settings.EDITION_FOLDER[chosen]
    return build_dir() / folder / EDITION_OUTPUT if folder else build_dir()


def ledger_dir(lang: str | None = None) -> Path:
    """Where chapters write their verdicts: ``$CLAIMSBOOK_LEDGER_DIR`` (tests and
    ad-hoc runs point it elsewhere), else the edition's ``ledger`` folder."""
    override = settings.ledger_dir_override()
    return override if override and lang is None else edition_build_dir(lang) / "ledger"


def chart_data_dir(lang: str | None = None) -> Path:
    """Where chapters write the CSV behind each chart; the Sphinx extension
    publishes it as ``chart-data/`` in the site."""
    override = settings.chart_data_dir_override()
    return override if override and lang is None else edition_build_dir(lang) / "chart-data"
