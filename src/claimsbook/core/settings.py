"""The book's settings: the one place that reads the process environment.

Every setting a run can change (the reader's language, the book's root, where a run
writes its verdicts and chart data, how many kernels run at once, the site's public
address, whether charts get a static drawing) is a function here, named for what it
sets, so that a reader of any other module sees a setting, not an environment
variable. The build passes settings to chapter kernels in their environment
(:func:`overrides` names the variables); nothing else reads it. This module imports
nothing from the book, so every layer may use it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

LANG_ENV = "CLAIMSBOOK_LANG"
ROOT_ENV = "CLAIMSBOOK_ROOT"
LEDGER_DIR_ENV = "CLAIMSBOOK_LEDGER_DIR"
CHART_DATA_DIR_ENV = "CLAIMSBOOK_CHART_DATA_DIR"
JOBS_ENV = "CLAIMSBOOK_JOBS"
BASE_URL_ENV = "CLAIMSBOOK_BASE_URL"
STATIC_CHARTS_ENV = "CLAIMSBOOK_STATIC_CHARTS"
VERBOSE_ENV = "CLAIMSBOOK_VERBOSE"
PREFIX = "CLAIMSBOOK_"

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
# The folder of each edition in the published site, relative to the site root.
EDITION_FOLDER = {ENGLISH: "", CHINESE: "zh"}


def _get(name: str) -> str:
    return os.environ.get(name, "")


def language_setting() -> str:
    """The language asked for (checked by :func:`claimsbook.core.i18n.language`)."""
    return _get(LANG_ENV) or ENGLISH


def root_override() -> Path | None:
    value = _get(ROOT_ENV)
    return Path(value).resolve() if value else None


def ledger_dir_override() -> Path | None:
    value = _get(LEDGER_DIR_ENV)
    return Path(value).resolve() if value else None


def chart_data_dir_override() -> Path | None:
    value = _get(CHART_DATA_DIR_ENV)
    return Path(value).resolve() if value else None


def jobs() -> int | None:
    value = _get(JOBS_ENV)
    return max(1, int(value)) if value else None


def base_url_override() -> str:
    return _get(BASE_URL_ENV)


def static_charts() -> bool:
    return _get(STATIC_CHARTS_ENV) != "0"


def verbose() -> bool:
    """Whether the build shows every tool's own output (kernels' warnings, Sphinx's
    log), not just one line per stage and chapter."""
    return _get(VERBOSE_ENV) not in ("", "0")


def overrides() -> dict[str, str]:
    """Every setting this process was given that changes the book's outputs, as the
    variables that carry it (the build's input digest includes them)."""
    return {key: value for key, value in sorted(os.environ.items())
            if key.startswith(PREFIX) and key != VERBOSE_ENV}


def environment(**changes: str) -> Mapping[str, str]:
    """This process's environment with ``changes``, for a child process (a kernel,
    a Sphinx build) that should run with other settings."""
    return {**os.environ, **changes}
