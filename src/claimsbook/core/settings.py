"""The book's settings, in one object: the one place that reads the process environment.

Every setting a run can change (the reader's language, the book's root, where a run
writes its verdicts and chart data, how many kernels run at once, the site's public
address, whether charts get a static drawing) is a field of :class:`Settings`, read
from the environment once per context and changed for a block with :func:`use`, so
that a reader of any other module sees a setting, not an environment variable. The
build passes settings to chapter kernels in their environment (:func:`overrides`
names the variables). This module imports nothing from the book, so every layer may
use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

LANG_ENV = "CLAIMSBOOK_LANG"
ROOT_ENV = "CLAIMSBOOK_ROOT"
LEDGER_DIR_ENV = "CLAIMSBOOK_LEDGER_DIR"
CHART_DATA_DIR_ENV = "CLAIMSBOOK_CHART_DATA_DIR"
JOBS_ENV = "CLAIMSBOOK_JOBS"
BASE_URL_ENV = "CLAIMSBOOK_BASE_URL"
STATIC_CHARTS_ENV = "CLAIMSBOOK_STATIC_CHARTS"
VERBOSE_ENV = "CLAIMSBOOK_VERBOSE"
PREVIEWS_ENV = "CLAIMSBOOK_PREVIEWS"
PREFIX = "CLAIMSBOOK_"

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
# The folder of each edition in the published site, relative to the site root.
EDITION_FOLDER = {ENGLISH: "", CHINESE: "zh"}


@dataclass(frozen=True)
class Settings:
    """Everything a run can change, in one object: read from the environment once (a
    kernel gets its settings from the build that started it), held in a context
    variable, changed for a block of code with :func:`use`."""

    language: str = ENGLISH
    root: Path | None = None
    ledger_dir: Path | None = None
    chart_data_dir: Path | None = None
    jobs: int | None = None
    base_url: str = ""
    static_charts: bool = True
    verbose: bool = False
    # Whether a kernel also shows its tables, cards and charts (in English) for a reader
    # of the notebook itself; the book's and the tests' executions need only the views.
    previews: bool = True

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def path(name: str) -> Path | None:
            return Path(env[name]).resolve() if env.get(name) else None

        return cls(
            language=env.get(LANG_ENV) or ENGLISH,
            root=path(ROOT_ENV), ledger_dir=path(LEDGER_DIR_ENV),
            chart_data_dir=path(CHART_DATA_DIR_ENV),
            jobs=max(1, int(env[JOBS_ENV])) if env.get(JOBS_ENV) else None,
            base_url=env.get(BASE_URL_ENV, ""),
            static_charts=env.get(STATIC_CHARTS_ENV, "") != "0",
            verbose=env.get(VERBOSE_ENV, "") not in ("", "0"),
            previews=env.get(PREVIEWS_ENV, "") != "0")


_CURRENT: ContextVar[Settings | None] = ContextVar("claimsbook_settings", default=None)


def current() -> Settings:
    """This context's settings (read from the environment on first use)."""
    found = _CURRENT.get()
    if found is None:
        found = Settings.from_environment()
        _CURRENT.set(found)
    return found


def refresh() -> Settings:
    """Read the environment again (a kernel reused for another run, whose build changed
    the variables)."""
    _CURRENT.set(Settings.from_environment())
    return current()


@contextmanager
def use(**changes: Any) -> Iterator[Settings]:
    """Run a block with some settings changed: ``with settings.use(language="zh_CN"):``."""
    token = _CURRENT.set(replace(current(), **changes))
    try:
        yield current()
    finally:
        _CURRENT.reset(token)


def language_setting() -> str:
    """The language asked for (checked by :func:`claimsbook.core.i18n.language`)."""
    return current().language


def root_override() -> Path | None:
    return current().root


def ledger_dir_override() -> Path | None:
    return current().ledger_dir


def chart_data_dir_override() -> Path | None:
    return current().chart_data_dir


def jobs() -> int | None:
    return current().jobs


def base_url_override() -> str:
    return current().base_url


def static_charts() -> bool:
    return current().static_charts


def previews() -> bool:
    return current().previews


def verbose() -> bool:
    """Whether the build shows every tool's own output (kernels' warnings, Sphinx's
    log), not just one line per stage and chapter."""
    return current().verbose


def overrides() -> dict[str, str]:
    """Every setting this process was given that changes the book's outputs, as the
    variables that carry it (the build's input digest includes them)."""
    return {key: value for key, value in sorted(os.environ.items())
            if key.startswith(PREFIX) and key != VERBOSE_ENV}


def environment(**changes: str) -> Mapping[str, str]:
    """This process's environment with ``changes``, for a child process (a kernel,
    a Sphinx build) that should run with other settings."""
    return {**os.environ, **changes}
