"""Chapter 02 (months behind): the chapter's choices and constants: metrics, countries,
model sets, the claim's thresholds and the parameters a reader may change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...core import params
from ...core.geography import OTHER, REGIONS
from ...core.i18n import N_

GROUPS: tuple[str, ...] = (*REGIONS, OTHER, "Multinational")


COUNTRY_CHOICES: tuple[str, ...] = REGIONS


# Each metric with its unit, as the prose names it (translated where shown: metric_label).
METRICS: dict[str, str] = {
    "eci": N_("Epoch Capabilities Index (ECI points)"),
    "mmlu": N_("MMLU (percent correct)"),
    "math-level-5": N_("MATH level 5 (percent correct)"),
    "gpqa-diamond": N_("GPQA Diamond (percent correct)"),
    "arena": N_("Chatbot Arena rating (rating points, leaderboard of 2025-03-26)"),
}


# The same names without their unit (metric_name).
METRIC_NAMES: dict[str, str] = {
    "eci": N_("Epoch Capabilities Index"),
    "mmlu": N_("MMLU"),
    "math-level-5": N_("MATH level 5"),
    "gpqa-diamond": N_("GPQA Diamond"),
    "arena": N_("Chatbot Arena rating"),
}


# The metrics' keys as tables, legends and glued sentences show them. English shows the
# key itself (it is also the parameter's value); a translation may give a short name.
METRIC_KEYS: dict[str, str] = {
    # Translators: short name of a metric in tables, legends and lists (English: its key).
    "eci": N_("eci"),
    # Translators: short name of a metric in tables, legends and lists (English: its key).
    "mmlu": N_("mmlu"),
    # Translators: short name of a metric in tables, legends and lists (English: its key).
    "math-level-5": N_("math-level-5"),
    # Translators: short name of a metric in tables, legends and lists (English: its key).
    "gpqa-diamond": N_("gpqa-diamond"),
    # Translators: short name of a metric in tables, legends and lists (English: its key).
    "arena": N_("arena"),
}


METRIC_UNITS: dict[str, str] = {
    "eci": N_("ECI points"),
    "mmlu": N_("percentage points"),
    "math-level-5": N_("percentage points"),
    "gpqa-diamond": N_("percentage points"),
    "arena": N_("rating points"),
}


# The country groups as a reader sees them (country_name); the data keep the English.
COUNTRY_NAMES: tuple[str, ...] = (
    N_("United States"), N_("China"), N_("Europe"), N_("Other"), N_("Multinational"),
    # Translators: the country as the object of a sentence ("China first rose above …").
    N_("the United States"))


MODEL_SET_NAMES: dict[str, str] = {
    # Translators: the model set that keeps every model.
    "all": N_("all"),
    # Translators: the model set that keeps only models with open weights.
    "open-weights": N_("open-weights"),
}


MODEL_SETS: tuple[str, ...] = ("all", "open-weights")


Q2_2025_END = pd.Timestamp("2025-06-30")


Q2_2025_MONTHS = (pd.Timestamp("2025-04-30"), pd.Timestamp("2025-05-31"), Q2_2025_END)


OVER_A_YEAR = 12.0


UNDER_THREE_MONTHS = 3.0


# Score tolerances of the sensitivity sweep, in each metric's own unit.
SWEEP_TOLERANCES: tuple[float, ...] = (0.0, 1.0, 2.0, 5.0)


# Headers of the sweep table: the lags are on proxy metrics, so they are context for the
# claim, not evidence for or against it.
SWEEP_LABELS: dict[str, str] = {
    "supports_over_a_year": N_("Proxy lag over a year early on"),
    "supports_under_three_months": N_("Proxy lag under three months in Q2 2025"),
}


# Headers of the other columns of the sweep and closing tables (the English is what
# core.chapter.header would make of the column name).
COLUMN_LABELS: dict[str, str] = {
    "metric": N_("Metric"),
    "tolerance": N_("Tolerance"),
    "early_date": N_("Early date"),
    "early_lag_months": N_("Early lag months"),
    "early_censored": N_("Early censored"),
    "q2_2025_lag_months": N_("Q2 2025 lag months"),
    "q2_2025_mean_months": N_("Q2 2025 mean months"),
    "figure_id": N_("Figure id"),
    "subject": N_("Subject"),
    "value": N_("Value"),
    "period": N_("Period"),
    "definition": N_("Definition"),
    "date": N_("Date"),
    "lag_months": N_("Lag months"),
    "censored": N_("Censored"),
    "follower_model": N_("Follower's best model"),
    "reached": N_("Leader reached it on"),
    "leader_model": N_("Leader's model then"),
}


# Words of the sweep's verdict columns (the table keeps them in English for the code).
SUPPORT_WORDS: dict[str, str] = {"yes": N_("yes"), "no": N_("no"),
                                 "cannot tell": N_("cannot tell")}


@dataclass(frozen=True)
class CountryPair:
    """Two different countries, leader first: ``[leader, follower]``."""

    allowed: tuple[str, ...] = COUNTRY_CHOICES

    def __call__(self, name: str, value: Any) -> tuple[str, str]:
        listing = ", ".join(repr(a) for a in self.allowed)
        ok = (
            not isinstance(value, str)
            and isinstance(value, Sequence)
            and len(value) == 2
            and all(v in self.allowed for v in value)
            and value[0] != value[1]
        )
        if not ok:
            raise params.ParameterError(
                f"parameter {name!r} = {value!r} is not allowed: expected two different "
                f"countries [leader, follower] drawn from {listing}"
            )
        return str(value[0]), str(value[1])


PARAMETERS: params.Spec = {
    "metric": params.OneOf(tuple(METRICS)),
    "countries": CountryPair(),
    "start_date": params.Date("2022-06-30", "2024-12-31"),
    "end_date": params.Date("2025-06-30", "2026-03-31"),
    "early_by": params.Date("2022-12-31", "2024-06-30"),
    "tolerance": params.Number(0, 50),
    "model_set": params.OneOf(MODEL_SETS),
    "min_models": params.Number(1, 20, integer=True),
}


# early_by closes the window that opens at start_date; end_date is always later.
ORDER = (params.Before("start_date", "early_by"),)
