"""How many months behind? Model tables per metric, country classes and lag summaries.

The chapter "02-months-behind" re-derives the Artificial Analysis estimate that the
US lead over China shrank from over a year (late 2022) to under three months
(Q2 2025). The lag itself comes from :mod:`claimsbook.chapters.lag`; this module turns the
tidy extracts into one model table per metric, applies the chapter's choices
(which models count, how much data a date needs) and summarises the lag at the
two dates the claim names.

Conventions:

* A metric's table has columns ``model``, ``organization``, ``country`` (one of
  :data:`GROUPS`), ``date`` (release date, or first leaderboard listing for the
  arena), ``score`` and ``open_weights`` (boolean, NA when unknown).
* ``coverage_end`` of a metric is the last date its data can speak for: the arena
  snapshot date, or the newest release in an Epoch table. Lags after it are NaN.
* A lag is *censored* when the leader's frontier reaches the follower's level on
  the first date the leader has any model in the data: the data cannot look
  further back, so the lag is only a lower bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ..core import params
from ..core.geography import OTHER, REGIONS, region_of
from ..core.charts import country_scale
from ..core.chapter import table
from ..core.i18n import N_, _, data_text, is_chinese, ngettext
from ..core.ledger import Computed
from ..core.numbers import fmt_day, fmt_month
from .lag import DAYS_PER_MONTH, Frontier, frontier, lag_series, monthly_dates

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
# The two dates the headline claim names: "late 2022" and "Q2 2025".
LATE_2022 = pd.Timestamp("2022-12-31")
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


@dataclass(frozen=True)
class LagRules:
    """Who is compared with whom, and how strictly: the choices that every lag of
    the chapter shares (leader, follower, score tolerance, models a date needs)."""

    leader: str
    follower: str
    tolerance: float = 0.0
    min_models: int = 1

    def lags(self, models: pd.DataFrame, dates: Iterable[object],
             data_end: pd.Timestamp | None = None) -> pd.DataFrame:
        """:func:`lag_table` of ``models`` at ``dates`` under these rules."""
        return lag_table(models, leader=self.leader, follower=self.follower, dates=dates,
                         tolerance=self.tolerance, min_models=self.min_models,
                         data_end=data_end)

    def with_tolerance(self, tolerance: float) -> LagRules:
        return replace(self, tolerance=float(tolerance))


def classify_country(raw: object) -> str:
    """Group an Epoch country string ("United States of America", "China",
    "Germany,United States of America", ...) into one of :data:`GROUPS`.

    Each comma-separated country maps to its region by the book's one rule
    (:func:`claimsbook.core.geography.region_of`); a row whose countries
    fall in more than one group is "Multinational"; missing is "Other"."""
    if raw is None or raw is pd.NA or (isinstance(raw, float) and np.isnan(raw)):
        return "Other"
    parts = [p.strip() for p in str(raw).split(",") if p.strip()]
    groups = {region_of(p) for p in parts}
    if not groups:
        return "Other"
    return groups.pop() if len(groups) == 1 else "Multinational"


def is_open_weights(accessibility: object) -> object:
    """True for Epoch's "Open weights (...)" classes, False for any other stated
    access, NA when the accessibility is unknown."""
    if accessibility is None or accessibility is pd.NA or (
        isinstance(accessibility, float) and np.isnan(accessibility)
    ):
        return pd.NA
    return str(accessibility).startswith("Open weights")


def epoch_models(benchmarks: pd.DataFrame, metric: str) -> pd.DataFrame:
    """One metric's rows of the Epoch extract as a model table (see module doc)."""
    if metric not in METRICS or metric == "arena":
        raise ValueError(f"metric {metric!r} is not an Epoch metric; choose from "
                         f"{[m for m in METRICS if m != 'arena']}")
    rows = benchmarks[benchmarks["metric"] == metric]
    return pd.DataFrame(
        {
            "model": rows["model_version"].astype(str).to_numpy(),
            "organization": rows["organization"].astype(str).to_numpy(),
            "country": [classify_country(c) for c in rows["country"]],
            "date": pd.to_datetime(rows["release_date"]).to_numpy(),
            "score": rows["score"].astype(float).to_numpy(),
            "open_weights": pd.array(
                [is_open_weights(a) for a in rows["accessibility"]], dtype="boolean"
            ),
        }
    )


def arena_models(arena: pd.DataFrame, organisations: pd.DataFrame) -> pd.DataFrame:
    """The arena extract as a model table; the country comes from the organisation
    table, and an organisation missing from it raises ValueError."""
    mapping = dict(zip(organisations["organization"].astype(str),
                       organisations["country"].astype(str)))
    missing = sorted(set(arena["organization"].astype(str)) - set(mapping))
    if missing:
        raise ValueError(f"organisations without a country in the mapping: {missing}")
    return pd.DataFrame(
        {
            "model": arena["model"].astype(str).to_numpy(),
            "organization": arena["organization"].astype(str).to_numpy(),
            "country": [mapping[o] for o in arena["organization"].astype(str)],
            "date": pd.to_datetime(arena["first_listed"]).to_numpy(),
            "score": arena["rating"].astype(float).to_numpy(),
            "open_weights": pd.array(arena["open_weights"], dtype="boolean"),
        }
    )


def coverage_end(models: pd.DataFrame, snapshot: object | None = None) -> pd.Timestamp:
    """Last date the metric's data speak for: ``snapshot`` if given, else the
    newest model's date."""
    if snapshot is not None:
        return pd.Timestamp(snapshot)
    return pd.Timestamp(models["date"].max())


def select_models(models: pd.DataFrame, model_set: str) -> pd.DataFrame:
    """``all`` keeps every model; ``open-weights`` keeps models known to have open
    weights (unknown access is dropped)."""
    if model_set not in MODEL_SETS:
        raise ValueError(f"model_set {model_set!r} is not one of {MODEL_SETS}")
    if model_set == "all":
        return models.reset_index(drop=True)
    keep = models["open_weights"].fillna(False).astype(bool)
    return models[keep.to_numpy()].reset_index(drop=True)


def lag_table(
    models: pd.DataFrame,
    *,
    leader: str,
    follower: str,
    dates: Iterable[object],
    tolerance: float = 0.0,
    min_models: int = 1,
    data_end: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """:func:`claimsbook.chapters.lag.lag_series` plus the chapter's rules.

    Adds ``n_leader`` and ``n_follower`` (models of each country released on or
    before the date), ``reached`` (the date the frontier that is behind was first
    matched) and ``censored``. A date where either country has fewer than
    ``min_models`` models gets NaN lag and status ``"too-few-models"``; a date after
    ``data_end`` gets NaN and ``"beyond-data"``.
    """
    when = pd.DatetimeIndex(pd.to_datetime(list(dates)))
    for name in (leader, follower):
        if not (models["country"] == name).any():
            return _empty_lags(when, f"no-{'leader' if name == leader else 'follower'}-data")
    out = lag_series(models, leader=leader, follower=follower, dates=when,
                     tolerance=tolerance)
    dates_l = np.sort(models.loc[models["country"] == leader, "date"].to_numpy())
    dates_f = np.sort(models.loc[models["country"] == follower, "date"].to_numpy())
    t = out["date"].to_numpy()
    out["n_leader"] = np.searchsorted(dates_l, t, side="right")
    out["n_follower"] = np.searchsorted(dates_f, t, side="right")
    offset = pd.to_timedelta(out["lag_days"].abs(), unit="D")
    out["reached"] = out["date"] - offset
    first_l, first_f = pd.Timestamp(dates_l[0]), pd.Timestamp(dates_f[0])
    behind_first = np.where(out["lag_days"] >= 0, first_l, first_f)
    out["censored"] = out["lag_days"].notna() & (out["reached"] == behind_first)
    few = (out["n_leader"] < min_models) | (out["n_follower"] < min_models)
    out.loc[few, "status"] = "too-few-models"
    if data_end is not None:
        out.loc[out["date"] > data_end, "status"] = "beyond-data"
    blank = out["status"].isin(["too-few-models", "beyond-data"])
    out.loc[blank, ["lag_days", "lag_months"]] = np.nan
    out.loc[blank, "censored"] = False
    out.loc[blank, "reached"] = pd.NaT
    return out


def _empty_lags(when: pd.DatetimeIndex, status: str) -> pd.DataFrame:
    n = len(when)
    return pd.DataFrame(
        {
            "date": when, "leader_best": np.nan, "follower_best": np.nan,
            "lag_days": np.nan, "lag_months": np.nan, "status": status,
            "n_leader": 0, "n_follower": 0, "reached": pd.NaT, "censored": [False] * n,
        }
    )


@dataclass(frozen=True)
class Summary:
    """The lag at the two dates of the claim, for one metric and one set of choices."""

    metric: str
    tolerance: float
    early_date: pd.Timestamp | None
    early_lag: float
    early_censored: bool
    q2_lag: float
    q2_mean: float

    def early_check_value(self) -> float | None:
        """The value to check "> 12 months" against: the early lag, or None when a
        censored (lower-bound) lag stays below the threshold and so cannot decide."""
        if np.isnan(self.early_lag):
            return None
        if self.early_censored and self.early_lag <= OVER_A_YEAR:
            return None
        return self.early_lag

    def q2_check_value(self) -> float | None:
        """The lag at the end of Q2 2025 (None if not measurable)."""
        return None if np.isnan(self.q2_lag) else self.q2_lag

    def as_row(self) -> dict[str, object]:
        return {
            "metric": self.metric,
            "tolerance": self.tolerance,
            "early_date": self.early_date,
            "early_lag_months": self.early_lag,
            "early_censored": self.early_censored,
            "q2_2025_lag_months": self.q2_lag,
            "q2_2025_mean_months": self.q2_mean,
            "supports_over_a_year": _supports(self.early_check_value(), OVER_A_YEAR, ">"),
            "supports_under_three_months": _supports(
                self.q2_check_value(), UNDER_THREE_MONTHS, "<"
            ),
        }


def _supports(value: float | None, threshold: float, comparison: str) -> str:
    if value is None:
        return "cannot tell"
    holds = value > threshold if comparison == ">" else value < threshold
    return "yes" if holds else "no"


def summarise(
    models: pd.DataFrame,
    rules: LagRules,
    *,
    metric: str,
    start: object,
    early_by: object,
    data_end: pd.Timestamp | None = None,
) -> Summary:
    """Lag at the first month-end from ``start`` to ``early_by`` where it can be
    measured (the "late 2022" end of the claim; the data hold no Chinese model
    before mid-2023) and at the end of Q2 2025, plus the mean over Q2's three
    month-ends (NaN if any of them cannot be measured)."""
    early = rules.lags(models, monthly_dates(start, early_by), data_end)
    measurable = early[early["lag_months"].notna()]
    if measurable.empty:
        early_date, early_lag, censored = None, float("nan"), False
    else:
        first = measurable.iloc[0]
        early_date = pd.Timestamp(first["date"])
        early_lag, censored = float(first["lag_months"]), bool(first["censored"])
    q2 = rules.lags(models, Q2_2025_MONTHS, data_end)
    q2_values = q2["lag_months"].to_numpy(dtype=float)
    return Summary(
        metric=metric,
        tolerance=rules.tolerance,
        early_date=early_date,
        early_lag=early_lag,
        early_censored=censored,
        q2_lag=float(q2_values[-1]),
        q2_mean=float(np.mean(q2_values)) if not np.isnan(q2_values).any() else float("nan"),
    )


def sweep(
    tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]],
    tolerances: Sequence[float],
    rules: LagRules,
    *,
    start: object,
    early_by: object,
) -> pd.DataFrame:
    """:func:`summarise` for every metric (name -> (models, data_end)) and tolerance
    (replacing the rules' own), one row each."""
    rows = []
    for metric, (models, data_end) in tables.items():
        for tol in tolerances:
            summary = summarise(models, rules.with_tolerance(tol), metric=metric, start=start,
                                early_by=early_by, data_end=data_end)
            rows.append(summary.as_row())
    return pd.DataFrame(rows)


def frontier_steps(models: pd.DataFrame, countries: Sequence[str], end: object) -> pd.DataFrame:
    """Each country's frontier as step points (date, country, score, model), with a
    last point at ``end`` so the step line runs to the chart's edge."""
    parts = []
    for country in countries:
        rows = models[models["country"] == country]
        if rows.empty:
            continue
        front = frontier(rows)
        tail = front.iloc[[-1]].assign(date=pd.Timestamp(end), model=front["model"].iloc[-1])
        parts.append(pd.concat([front, tail]).assign(country=country))
    if not parts:
        return pd.DataFrame(columns=["date", "score", "model", "country"])
    return pd.concat(parts, ignore_index=True)[["date", "country", "score", "model"]]


def lag_segments(lags: pd.DataFrame) -> pd.DataFrame:
    """Horizontal segments that draw the lag on the frontier chart: from the date
    the leader first reached the follower's level (``reached``) to the evaluation
    date, at the follower's best score. Only dates with a non-negative lag."""
    rows = lags[lags["lag_months"].notna() & (lags["lag_days"] >= 0)]
    return pd.DataFrame(
        {
            "reached": rows["reached"].to_numpy(),
            "date": rows["date"].to_numpy(),
            "score": rows["follower_best"].to_numpy(),
            "lag_months": rows["lag_months"].round(1).to_numpy(),
            "censored": rows["censored"].to_numpy(),
        }
    )


def months_between(start: object, end: object) -> float:
    """Months (365.25/12 days) from ``start`` to ``end``."""
    return float((pd.Timestamp(end) - pd.Timestamp(start)) / pd.Timedelta(days=1)) / DAYS_PER_MONTH


def first_overtaking(models: pd.DataFrame, leader: str, follower: str) -> pd.Timestamp | None:
    """First date on which the follower's best model so far rose strictly above the
    leader's (None if never): the follower's first row of :func:`lead_changes`."""
    changes = lead_changes(models, leader, follower)
    taken = changes.loc[changes["leader"] == follower, "date"]
    return pd.Timestamp(taken.iloc[0]) if len(taken) else None


def lead_changes(models: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """Every date on which the country whose best model so far is higher changes:
    ``date``, ``leader``, ``model`` (the release that took the lead), ``score`` and
    ``rival_score``. A tie leaves the lead where it was; the first row is the first
    date on which both countries have a model."""
    fronts = {c: frontier(models[models["country"] == c]) for c in (first, second)}
    if any(f.empty for f in fronts.values()):
        return pd.DataFrame(columns=["date", "leader", "model", "score", "rival_score"])
    curves = {c: Frontier.from_table(f) for c, f in fronts.items()}
    start = max(f["date"].iloc[0] for f in fronts.values())
    dates = sorted({d for f in fronts.values() for d in f["date"] if d >= start})
    rows: list[dict[str, object]] = []
    holder: str | None = None
    for when in dates:
        best = {c: curves[c].best_at(when) for c in (first, second)}
        if best[first] == best[second]:
            continue
        leader = first if best[first] > best[second] else second
        if leader == holder:
            continue
        rival = second if leader == first else first
        upto = fronts[leader][fronts[leader]["date"] <= when]
        rows.append({"date": pd.Timestamp(when), "leader": leader,
                     "model": upto["model"].iloc[-1], "score": best[leader],
                     "rival_score": best[rival]})
        holder = leader
    return pd.DataFrame(rows, columns=["date", "leader", "model", "score", "rival_score"])


def describe_lead(changes: pd.DataFrame, follower: str, rival: str) -> str:
    """One clause on when ``follower`` first led ``rival``, how often the lead
    changed hands afterwards, and who holds it at the end of the data."""
    taken = changes[changes["leader"] == follower]
    if taken.empty:
        return _("{follower} never rose above {rival}").format(
            follower=_(follower), rival=_(rival))
    first = taken.iloc[0]
    later = changes[changes["date"] > first["date"]]
    text = _("{follower} first rose above {rival} on {date} ({model})").format(
        follower=_(follower), rival=_(rival), date=day_text(first["date"]),
        model=first["model"])
    if later.empty:
        return _("{text} and has led since").format(text=text)
    last = changes.iloc[-1]
    swaps = ngettext("the lead changed hands {n} more time",
                     "the lead changed hands {n} more times", len(later)).format(n=len(later))
    if last["leader"] == follower:
        return _("{text}; {swaps}, and {follower} has held it since {date} ({model})").format(
            text=text, swaps=swaps, follower=_(follower), date=day_text(last["date"]),
            model=last["model"])
    return _("{text}; {swaps}, and {leader} holds it at the end of the data ({model})").format(
        text=text, swaps=swaps, leader=_(str(last["leader"])), model=last["model"])


def build_tables(
    epoch: pd.DataFrame, arena: pd.DataFrame, organisations: pd.DataFrame, model_set: str = "all"
) -> dict[str, tuple[pd.DataFrame, pd.Timestamp]]:
    """Every metric's model table (after the model-set filter) with its coverage end:
    the newest release for Epoch tables, the leaderboard date for the arena."""
    tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]] = {}
    for metric in METRICS:
        if metric == "arena":
            models = arena_models(arena, organisations)
            end = coverage_end(models, arena["rating_date"].max())
        else:
            models = epoch_models(epoch, metric)
            end = coverage_end(models)
        tables[metric] = (select_models(models, model_set), end)
    return tables


def lag_long(
    tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]],
    rules: LagRules,
    *,
    start: object,
    end: object,
) -> pd.DataFrame:
    """Monthly lag series of every metric, stacked: metric, date, lag_months,
    censored, status (measurable dates only)."""
    dates = monthly_dates(start, end)
    parts = []
    for metric, (models, data_end) in tables.items():
        lags = rules.lags(models, dates, data_end)
        lags = lags[lags["lag_months"].notna()]
        parts.append(pd.DataFrame({
            "metric": metric,
            "date": lags["date"].to_numpy(),
            "lag_months": lags["lag_months"].round(2).to_numpy(),
            "censored": lags["censored"].to_numpy(),
            "status": lags["status"].to_numpy(),
        }))
    return pd.concat(parts, ignore_index=True)


# Windows of the fall that every metric can be asked about: the longest lag in the
# second half of 2024 against the shortest from December 2024 to March 2025 (month
# ends, both inclusive). December belongs to both, so a metric whose lag was
# already short in December shows no fall rather than an invented one.
FALL_PEAK_WINDOW: tuple[str, str] = ("2024-07-01", "2024-12-31")
FALL_LOW_WINDOW: tuple[str, str] = ("2024-12-01", "2025-03-31")


def first_dates(tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]], country: str) -> pd.DataFrame:
    """Per metric (name -> (models, data_end)): the date of ``country``'s earliest
    model in the table (release date, or first listing for the arena); NaT if the
    country has none. Columns ``metric``, ``first_date``."""
    rows = []
    for metric, (models, _end) in tables.items():
        dates = models.loc[models["country"] == country, "date"]
        rows.append({"metric": metric,
                     "first_date": pd.Timestamp(dates.min()) if len(dates) else pd.NaT})
    return pd.DataFrame(rows, columns=["metric", "first_date"])


def _extreme(rows: pd.DataFrame, largest: bool) -> tuple[float, pd.Timestamp | None]:
    """Lag and date of the longest (or shortest) lag in ``rows``; the earliest date on
    a tie; (NaN, None) when ``rows`` is empty."""
    if rows.empty:
        return float("nan"), None
    ordered = rows.sort_values(["lag_months", "date"], ascending=[not largest, True])
    top = ordered.iloc[0]
    return float(top["lag_months"]), pd.Timestamp(top["date"])


def lag_fall(long: pd.DataFrame, peak_window: tuple[object, object] = FALL_PEAK_WINDOW,
             low_window: tuple[object, object] = FALL_LOW_WINDOW) -> pd.DataFrame:
    """For every metric of a :func:`lag_long` table: the longest lag in
    ``peak_window`` and the shortest in ``low_window`` (both inclusive), their dates,
    ``fall`` (peak minus low; NaN when either window has no measurable month) and
    ``fell`` (True when the lag fell, i.e. the low comes after the peak and is
    shorter; NA when it cannot be told)."""
    rows = []
    for metric in pd.unique(long["metric"]):
        series = long[long["metric"] == metric]
        peak_rows = series[series["date"].between(pd.Timestamp(peak_window[0]),
                                                  pd.Timestamp(peak_window[1]))]
        low_rows = series[series["date"].between(pd.Timestamp(low_window[0]),
                                                 pd.Timestamp(low_window[1]))]
        peak, peak_date = _extreme(peak_rows, largest=True)
        low, low_date = _extreme(low_rows, largest=False)
        known = peak_date is not None and low_date is not None
        fell: object = pd.NA
        if peak_date is not None and low_date is not None:
            fell = bool(low_date > peak_date and low < peak)
        rows.append({"metric": metric, "peak_months": peak, "peak_date": peak_date,
                     "low_months": low, "low_date": low_date,
                     "fall_months": peak - low if known else float("nan"), "fell": fell})
    columns = ["metric", "peak_months", "peak_date", "low_months", "low_date", "fall_months",
               "fell"]
    return pd.DataFrame(rows, columns=columns)


def describe_fall(fall: pd.DataFrame) -> str:
    """One sentence on :func:`lag_fall`: on how many of the metrics with data in both
    windows the lag fell, with each metric's peak and low."""
    known = fall[fall["fell"].notna()]
    if known.empty:
        return _("no metric has a measurable lag in both periods")

    def item(row: pd.Series) -> str:
        return _("{metric} {peak} months ({peak_month}) to {low} ({low_month})").format(
            metric=metric_key(row["metric"]), peak=f"{row['peak_months']:.1f}",
            peak_month=fmt_month(row["peak_date"]), low=f"{row['low_months']:.1f}",
            low_month=fmt_month(row["low_date"]))

    def items(rows: pd.DataFrame) -> str:
        return _("; ").join(item(r) for _i, r in rows.iterrows())

    fell = known[known["fell"].astype(bool)]
    held = known[~known["fell"].astype(bool)]
    n = len(known)
    if held.empty:
        if n > 1:
            return _("on all {n} metrics with a measurable lag in both periods the lag fell: "
                     "{items}").format(n=n, items=items(fell))
        return _("on the one metric with a measurable lag in both periods the lag fell: "
                 "{items}").format(items=items(fell))
    if fell.empty:
        return _("the lag fell on {fell} of the {n} metrics with a measurable lag in both "
                 "periods and did not fall on {held}").format(fell=len(fell), n=n,
                                                              held=items(held))
    return _("the lag fell on {fell} of the {n} metrics with a measurable lag in both periods "
             "({fell_items}) and did not fall on {held}").format(
        fell=len(fell), n=n, fell_items=items(fell), held=items(held))


def _join(names: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    names = list(names)
    if len(names) == 1:
        return names[0]
    return _("{names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])


def describe_coverage(closing: pd.DataFrame) -> str:
    """Which metrics of a :func:`sweep` table (one tolerance) measure both ends of the
    claim (an early lag and a Q2 2025 lag), and whether their early value is only a
    lower bound."""
    both = closing[closing["early_lag_months"].notna() & closing["q2_2025_lag_months"].notna()]
    if both.empty:
        return _("no metric measures both ends of the claim")
    names = _join([metric_key(m) for m in both["metric"]])
    if len(both) == len(closing):
        text = _("every metric measures both ends of the claim")
    elif len(both) == 1:
        text = _("only {names} measures both ends of the claim").format(names=names)
    else:
        text = _("only {names} measure both ends of the claim").format(names=names)
    censored = both[both["early_censored"].astype(bool)]
    if censored.empty:
        return text
    if len(both) == 1:
        return _("{text}, and its early value is only a lower bound").format(text=text)
    return _("{text}, and the early value is only a lower bound on {names}").format(
        text=text, names=_join([metric_key(m) for m in censored["metric"]]))


# The lag today: each metric measured on the last date its data speak for.
LAG_NOW_COLUMNS: list[str] = [
    "metric", "date", "lag_months", "censored", "status", "follower_best", "follower_model",
    "leader_best", "reached", "leader_model",
]


def _frontier_model(models: pd.DataFrame, country: str, score: float,
                    on: object | None = None) -> str:
    """The model whose release set ``country``'s frontier at ``score`` (on ``on``, if
    given); "" when there is none."""
    if np.isnan(score):
        return ""
    front = frontier(models[models["country"] == country])
    rows = front[front["score"] == score]
    if on is not None:
        rows = front[front["date"] == pd.Timestamp(on)]
    return str(rows["model"].iloc[0]) if len(rows) else ""


def lag_now(tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]], rules: LagRules) -> pd.DataFrame:
    """Every metric's lag on its own coverage end (the newest release in an Epoch
    table, the leaderboard date for the arena): where the lag stands at the end of
    the data the book holds. Adds the models that make the two frontiers: the
    follower's best (``follower_model``) and the leader's model that first reached
    it (``leader_model`` on ``reached``; when the follower is ahead, the follower's
    model that first passed the leader)."""
    rows = []
    for metric, (models, data_end) in tables.items():
        out = rules.lags(models, [data_end], data_end).iloc[0]
        lag = float(out["lag_months"])
        ahead = not np.isnan(lag) and float(out["lag_days"]) < 0
        reached = out["reached"] if not np.isnan(lag) else pd.NaT
        rows.append({
            "metric": metric, "date": pd.Timestamp(data_end), "lag_months": lag,
            "censored": bool(out["censored"]), "status": str(out["status"]),
            "follower_best": float(out["follower_best"]),
            "follower_model": _frontier_model(models, rules.follower,
                                              float(out["follower_best"])),
            "leader_best": float(out["leader_best"]), "reached": reached,
            "leader_model": "" if pd.isna(reached) else _frontier_model(
                models, rules.follower if ahead else rules.leader, float("inf"), reached),
        })
    return pd.DataFrame(rows, columns=LAG_NOW_COLUMNS)


def lag_now_values(now: pd.DataFrame, rules: LagRules, model_set: str) -> list[Computed]:
    """``lag-latest-<metric>`` for every row of :func:`lag_now`: the lag on the last
    date the metric's data speak for, a proxy for the claim's lag (context only)."""
    values = []
    for row in now.to_dict("records"):
        metric = str(row["metric"])
        what = _("lag of {follower} behind {leader} recomputed on {metric} at the end of its "
                 "data (tolerance {tolerance}, model set {model_set})").format(
            follower=country_name(rules.follower), leader=country_name(rules.leader),
            metric=metric_name(metric), tolerance=f"{rules.tolerance:g}",
            model_set=model_set_name(model_set))
        if bool(row["censored"]):
            what = _("{what}, a lower bound").format(what=what)
        values.append(Computed(
            f"lag-latest-{metric}", _value(row["lag_months"]), "months", what,
            source_id=ARENA_SOURCE if metric == "arena" else EPOCH_SOURCE,
            period=f"{pd.Timestamp(row['date']):%Y-%m-%d}"))
    return values


def lag_now_sentence(row: pd.Series, leader: str, follower: str) -> str:
    """One metric's row of :func:`lag_now` as a sentence: the lag, the date, and the
    models that make it."""
    if np.isnan(row["lag_months"]):
        return _("{metric}, {date}: the lag cannot be measured at the end of its data").format(
            metric=metric_name(str(row["metric"])), date=day_text(row["date"]))
    said = dict(metric=metric_name(str(row["metric"])), date=day_text(row["date"]),
                months=f"{abs(row['lag_months']):.1f}", follower=country_name(follower),
                # Translators: the country as the object of a sentence
                leader=_("the United States") if leader == "United States"
                else country_name(leader),
                model=row["follower_model"], rival=row["leader_model"],
                reached=day_text(row["reached"]))
    if row["lag_months"] < 0:
        return _("{metric}, {date}: {follower} is ahead; its frontier first reached "
                 "the current best of {leader} on {reached} ({rival}), {months} months "
                 "earlier").format(**said)
    return _("{metric}, {date}: {follower}'s best model ({model}) matches what "
             "{leader} had reached on {reached} ({rival}), a lag of {months} months").format(
        **said)


def lag_now_glue(now: pd.DataFrame, leader: str, follower: str) -> dict[str, object]:
    """Values the page glues from :func:`lag_now`, per metric key ``m`` (dashes as
    underscores): ``now_m`` (months), ``now_m_date`` and ``now_m_text`` (a sentence)."""
    glued: dict[str, object] = {}
    for row in now.to_dict("records"):
        key = "now_" + str(row["metric"]).replace("-", "_")
        glued[key] = float(row["lag_months"])
        glued[f"{key}_date"] = day_text(row["date"])
        glued[f"{key}_text"] = lag_now_sentence(pd.Series(row), leader, follower)
    return glued


def lag_now_table(now: pd.DataFrame) -> Any:
    """The :func:`lag_now` table for readers: dates as days, months to one decimal."""
    shown = now[["metric", "date", "lag_months", "censored", "follower_model", "reached",
                 "leader_model"]].copy()
    shown["metric"] = shown["metric"].map(metric_key)
    for column in ("date", "reached"):
        shown[column] = pd.to_datetime(shown[column]).dt.strftime("%Y-%m-%d")
    shown = shown.round({"lag_months": 1})
    return table(_yes_no(shown, "censored"), labels=_labels(shown.columns))


# describe_path names at most this many releases; more are summarised by count.
MAX_NAMED_RELEASES = 4


@dataclass(frozen=True)
class LagPath:
    """The shape of one metric's monthly lag up to a date: its longest value, the
    shortest value after that, and the value at the date itself."""

    peak: float
    peak_date: pd.Timestamp | None
    low: float
    low_date: pd.Timestamp | None
    end: float
    end_date: pd.Timestamp


def lag_path(series: pd.DataFrame, end: object = Q2_2025_END) -> LagPath:
    """:class:`LagPath` of one metric's rows of a :func:`lag_long` table, using the
    months up to ``end``; NaN values (and None dates) where there is no data."""
    end = pd.Timestamp(end)
    rows = series[series["date"] <= end]
    peak, peak_date = _extreme(rows, largest=True)
    after = rows[rows["date"] > peak_date] if peak_date is not None else rows.iloc[0:0]
    low, low_date = _extreme(after, largest=False)
    at_end = rows.loc[rows["date"] == end, "lag_months"]
    return LagPath(peak, peak_date, low, low_date,
                   float(at_end.iloc[0]) if len(at_end) else float("nan"), end)


def frontier_raises(models: pd.DataFrame, country: str, after: object, until: object) -> list[str]:
    """Models of ``country`` that raised its frontier on a date in (``after``, ``until``],
    in release order."""
    front = frontier(models[models["country"] == country])
    keep = (front["date"] > pd.Timestamp(after)) & (front["date"] <= pd.Timestamp(until))
    return [str(m) for m in front.loc[keep, "model"]]


def describe_path(path: LagPath, follower: str, raises: Sequence[str]) -> str:
    """A sentence on a :class:`LagPath`: the peak, what cut it (``raises``: the
    follower's releases between peak and low) and where the lag stood at the end."""
    if path.peak_date is None:
        return _("there is no measurable lag to describe")
    text = _("longest in {month}, at {months} months").format(
        month=fmt_month(path.peak_date), months=f"{path.peak:.1f}")
    if path.low_date is None or not path.low < path.peak:
        return _("{text}, and stood at {months} months on {date}").format(
            text=text, months=f"{path.end:.1f}", date=day_text(path.end_date))
    if len(raises) > MAX_NAMED_RELEASES:
        by = _(" ({n} of them, from {first} to {last})").format(
            n=len(raises), first=raises[0], last=raises[-1])
    else:
        by = _(" ({models})").format(models=_(", ").join(raises)) if raises else ""
    text = _("{text}; {follower}'s releases{by} then cut it to its minimum, {months} months "
             "in {month}").format(text=text, follower=_(follower), by=by,
                                  months=f"{path.low:.1f}", month=fmt_month(path.low_date))
    if np.isnan(path.end):
        return _("{text}; it cannot be measured on {date}").format(
            text=text, date=day_text(path.end_date))
    if path.end > path.low:
        return _("{text}, after which it grew again, to {months} months on {date}").format(
            text=text, months=f"{path.end:.1f}", date=day_text(path.end_date))
    return _("{text}, where it still stood on {date}").format(
        text=text, date=day_text(path.end_date))


def score_margin(models: pd.DataFrame, model: str, rivals: Sequence[str]) -> float:
    """Score of ``model`` minus the best score among ``rivals`` (several entries of
    one model, e.g. two precisions); KeyError naming any model not found."""
    scores = models.groupby("model")["score"].max()
    missing = [m for m in (model, *rivals) if m not in scores.index]
    if missing:
        raise KeyError(f"models not in the table: {missing}")
    return float(scores[model] - scores[list(rivals)].max())


def first_release(models: pd.DataFrame, organization_contains: str) -> pd.Series:
    """The earliest-released model whose organisation contains the given text
    (ties: the best score)."""
    pool = models[models["organization"].str.contains(organization_contains, regex=False)]
    if pool.empty:
        raise KeyError(f"no model of an organisation containing {organization_contains!r}")
    return pool.sort_values(["date", "score"], ascending=[True, False]).iloc[0]


def release_of(models: pd.DataFrame, model: str) -> pd.Timestamp:
    """Release (or first-listed) date of ``model``."""
    rows = models[models["model"] == model]
    if rows.empty:
        raise KeyError(f"model {model!r} not in the table")
    return pd.Timestamp(rows["date"].min())


# Values the chapter's checks reference (data/months-behind/checks.csv). Their labels
# say in words what each value measures; no number in them is typed.

EPOCH_SOURCE = "epoch-benchmarking-hub"
ARENA_SOURCE = "arena-history"
POST_SOURCE = "okeeper-2025-08-20"
QWQ_MODEL = "QwQ-32B-Preview"
LLAMA_405B_MODELS: tuple[str, ...] = ("Meta-Llama-3.1-405B-Instruct-bf16",
                                      "Meta-Llama-3.1-405B-Instruct-fp8")
R1_0528 = "DeepSeek-R1-0528"
# Rows of the reported-figures table the labs section quotes, by the prose name.
LAB_FIGURES: dict[str, str] = {
    "ds_total_params": "deepseek-r1-total-params",
    "ds_active_params": "deepseek-r1-active-params",
    "boc_r1_0528": "boc-fig6-aai-deepseek-r1-0528",
    "cnyes_r1_0528": "cnyes-aa-deepseek-r1-0528",
    "cnyes_first": "cnyes-aa-deepseek-llm-67b",
    "kr_qwen3": "36kr-aa-qwen3-235b-a22b",
    "chosun_r1_0528": "chosun-aa-deepseek-r1-0528",
    "aa_o3": "aa-leaderboard-o3",
    "aa_gemini_pro": "aa-leaderboard-gemini-2-5-pro",
}


def metric_name(metric: str) -> str:
    """The metric's name without its unit: "Epoch Capabilities Index"."""
    return _(METRIC_NAMES[metric])


def metric_label(metric: str) -> str:
    """The metric's name with its unit: "Epoch Capabilities Index (ECI points)"."""
    return _(METRICS[metric])


def metric_key(metric: str) -> str:
    """The metric as tables, legends and lists show it: its key in English."""
    return _(METRIC_KEYS[metric]) if metric in METRIC_KEYS else metric


def metric_unit(metric: str) -> str:
    return _(METRIC_UNITS[metric])


def country_name(country: str) -> str:
    """A country group (:data:`GROUPS`) in the reader's language."""
    return _(country)


def model_set_name(model_set: str) -> str:
    return _(MODEL_SET_NAMES[model_set])


def metric_list(metrics: Iterable[str]) -> str:
    """Metric keys for prose, "eci, mmlu", or "none"."""
    return _(", ").join(metric_key(m) for m in metrics) or _("none")


def tolerance_list(tolerances: Iterable[float]) -> str:
    """Score tolerances for prose: "0, 1, 2, 5"."""
    return _(", ").join(f"{t:g}" for t in tolerances)


def day_text(when: object, *, missing: str = N_("no date")) -> str:
    """A day for prose: "01 June 2023" in English (the chapter's own form), the
    reader's convention (:func:`fmt_day`) otherwise."""
    if when is None or pd.isna(when):
        return _(missing)
    stamp = pd.Timestamp(str(when))
    return fmt_day(stamp) if is_chinese() else f"{stamp:%d %B %Y}"


def _value(value: object) -> float | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]


def lag_values(closing: pd.DataFrame, rules: LagRules, model_set: str) -> list[Computed]:
    """For every metric of a one-tolerance :func:`sweep` table: the first measurable
    lag (``lag-early-<metric>``) and the lag at the end of Q2 2025
    (``lag-q2-2025-<metric>``), in months. They are recomputations on proxy metrics,
    which the checks show as context only."""
    values = []
    for row in closing.to_dict("records"):
        metric = str(row["metric"])
        source = ARENA_SOURCE if metric == "arena" else EPOCH_SOURCE
        what = _("lag of {follower} behind {leader} recomputed on {metric} (tolerance "
                 "{tolerance}, model set {model_set})").format(
            follower=country_name(rules.follower), leader=country_name(rules.leader),
            metric=metric_name(metric), tolerance=f"{float(row['tolerance']):g}",
            model_set=model_set_name(model_set))
        early = _value(row["early_lag_months"])
        early_date = row["early_date"]
        if early is None or early_date is None or pd.isna(early_date):
            early_label = _("{what}: no measurable month in the early window").format(what=what)
            period = ""
        elif bool(row["early_censored"]):
            early_label = _("{what}, first measurable month-end, a lower bound").format(
                what=what)
            period = f"{pd.Timestamp(early_date):%Y-%m-%d}"
        else:
            early_label = _("{what}, first measurable month-end").format(what=what)
            period = f"{pd.Timestamp(early_date):%Y-%m-%d}"
        values.append(Computed(f"lag-early-{metric}", early, "months", early_label,
                               source_id=source, period=period))
        q2 = _value(row["q2_2025_lag_months"])
        q2_label = what if q2 is not None else _("{what}: no data for this date").format(
            what=what)
        values.append(Computed(f"lag-q2-2025-{metric}", q2, "months", q2_label,
                               source_id=source, period=f"{Q2_2025_END:%Y-%m-%d}"))
    return values


def arena_margin_value(models: pd.DataFrame, rating_date: object) -> Computed:
    """QwQ-32B-Preview's arena rating minus the better Llama 3.1 405B entry's
    (``qwq-arena-margin``): chat preference, another metric than the claim's."""
    margin = score_margin(models, QWQ_MODEL, LLAMA_405B_MODELS)
    return Computed(
        "qwq-arena-margin", margin, "rating points",
        _("Chatbot Arena rating of {model} minus the better Llama 3.1 405B Instruct entry "
          "(chat preference, not Artificial Analysis's index)").format(model=QWQ_MODEL),
        source_id=ARENA_SOURCE, period=_("leaderboard of {date}").format(
            date=f"{pd.Timestamp(str(rating_date)):%Y-%m-%d}"))


def index_ratio_value(later: float, earlier: float) -> Computed:
    """The post's own R1-0528 index value over its value for DeepSeek's first model
    (``deepseek-index-ratio``): arithmetic on the claim's own figures."""
    return Computed(
        "deepseek-index-ratio", later / earlier, "times",
        _("ratio of the post's own index values, {later} for R1-0528 over {earlier} for "
          "DeepSeek's first model").format(later=f"{later:g}", earlier=f"{earlier:g}"),
        source_id=POST_SOURCE)


# The window of the post's "since then China's open models have kept the lead": from
# QwQ-32B-Preview's month to the end of the report's quarter.
OPEN_LEAD_WINDOW: tuple[str, str] = ("2024-11-01", "2025-06-30")
R1_RELEASE = pd.Timestamp("2025-01-20")


def days_led(changes: pd.DataFrame, country: str, start: object, end: object) -> float:
    """Days from ``start`` to ``end`` (both midnight) on which ``country`` held the lead
    in a :func:`lead_changes` table (the lead held before ``start`` carries in)."""
    first, last = pd.Timestamp(str(start)), pd.Timestamp(str(end))
    if changes.empty:
        return 0.0
    ordered = changes.sort_values("date")
    before = ordered[ordered["date"] <= first]
    holder = str(before["leader"].iloc[-1]) if len(before) else None
    total, since = 0.0, first
    inside = ordered[(ordered["date"] > first) & (ordered["date"] < last)]
    for when, leader in zip(inside["date"], inside["leader"]):
        if holder == country:
            total += (pd.Timestamp(when) - since) / pd.Timedelta(days=1)
        holder, since = str(leader), pd.Timestamp(when)
    if holder == country:
        total += (last - since) / pd.Timedelta(days=1)
    return total


def open_lead_values(open_models: pd.DataFrame, leader: str, follower: str) -> list[Computed]:
    """Context for the post's open-weights sentence, on the ECI's open-weights models:
    ``open-us-ahead-days-eci`` (days in :data:`OPEN_LEAD_WINDOW` on which ``leader``'s
    best open model was ahead) and ``open-margin-eci-before-r1`` /
    ``open-margin-eci-after-r1`` (``follower``'s best minus ``leader``'s, the day before
    DeepSeek-R1's release and on it)."""
    changes = lead_changes(open_models, leader, follower)
    days = days_led(changes, leader, *OPEN_LEAD_WINDOW)
    curves = {c: Frontier.from_table(frontier(open_models[open_models["country"] == c]))
              for c in (leader, follower)}

    def margin(when: pd.Timestamp) -> float:
        return curves[follower].best_at(when) - curves[leader].best_at(when)

    window = f"{OPEN_LEAD_WINDOW[0]}/{OPEN_LEAD_WINDOW[1]}"
    said = dict(leader=_("the United States") if leader == "United States"
                else country_name(leader), follower=country_name(follower))
    return [
        Computed("open-us-ahead-days-eci", days, "days",
                 _("days on which the best open-weights model of {leader} stood above the "
                   "best of {follower} on the Epoch Capabilities Index").format(**said),
                 source_id=EPOCH_SOURCE, period=window),
        Computed("open-margin-eci-before-r1", margin(R1_RELEASE - pd.Timedelta(days=1)),
                 "ECI points",
                 _("margin of the best open-weights model of {follower} over the best of "
                   "{leader} on the Epoch Capabilities Index, the day before DeepSeek-R1's "
                   "release").format(**said),
                 source_id=EPOCH_SOURCE, period=f"{R1_RELEASE - pd.Timedelta(days=1):%Y-%m-%d}"),
        Computed("open-margin-eci-after-r1", margin(R1_RELEASE), "ECI points",
                 _("margin of the best open-weights model of {follower} over the best of "
                   "{leader} on the Epoch Capabilities Index, on DeepSeek-R1's release "
                   "day").format(**said),
                 source_id=EPOCH_SOURCE, period=f"{R1_RELEASE:%Y-%m-%d}"),
    ]


# The Chinese labs the post names (section 四), as Epoch's organisation names begin.
NAMED_CHINESE_LABS: tuple[str, ...] = (
    "Alibaba", "ByteDance", "Huawei", "Tencent", "Baidu", "DeepSeek", "Moonshot", "Zhipu",
    "StepFun")


POST_DATE = pd.Timestamp("2025-08-20")


def named_labs_with_open_weights(benchmarks: pd.DataFrame, by: object = POST_DATE,
                                 labs: Sequence[str] = NAMED_CHINESE_LABS) -> Computed:
    """``named-cn-labs-open-in-epoch``: how many of ``labs`` have a model with open
    weights released on or before ``by`` in the Epoch extract. Epoch's tables hold only
    benchmarked models, so a lab missing here may still have released open weights."""
    rows = benchmarks[pd.to_datetime(benchmarks["release_date"]) <= pd.Timestamp(by)]
    open_rows = rows[rows["accessibility"].fillna("").astype(str).str.startswith("Open weights")]
    organisations = open_rows["organization"].fillna("").astype(str)
    found = [lab for lab in labs if organisations.str.contains(lab, regex=False).any()]
    return Computed(
        "named-cn-labs-open-in-epoch", float(len(found)), "labs",
        _("of the {n} Chinese labs the post names, those with an open-weights model in Epoch "
          "AI's benchmark tables ({found}); a lab without one there may still have released "
          "open weights").format(n=len(labs), found=", ".join(found) or _("none")),
        source_id=EPOCH_SOURCE, period=_("up to {date}").format(
            date=f"{pd.Timestamp(by):%Y-%m-%d}"))


# The big tech firms the post names that QuestMobile's June 2025 table (Bank of China
# Research, figure 15) covers, each with its rows in the reported-figures table.
BIG_FIRM_APPS: dict[str, tuple[str, ...]] = {
    "Baidu": ("boc-fig15-baidu-ai-plugin",),
    "Alibaba": ("boc-fig15-tongyi-app", "boc-fig15-quark-search", "boc-fig15-tongyi-web"),
    "Tencent": ("boc-fig15-wechat-ai-search", "qm-yuanbao-mau-2025q2"),
    "ByteDance": ("boc-fig15-douyin-ai-search", "boc-fig15-doubao-app", "boc-fig15-doubao-web"),
}
APP_BAR_MILLIONS = 100.0


def firms_over_bar(figures: pd.DataFrame, firms: dict[str, tuple[str, ...]] = BIG_FIRM_APPS,
                   bar: float = APP_BAR_MILLIONS) -> Computed:
    """``big-firms-largest-app-over-bar``: how many ``firms`` have an AI application above
    ``bar`` million monthly active users, judging each firm by its largest row of
    ``figures`` (the reported-figures table indexed by figure_id)."""
    largest = {firm: max(float(figures.loc[fid, "value"]) for fid in rows)
               for firm, rows in firms.items()}
    above = [firm for firm, value in largest.items() if value > bar]
    below = [firm for firm in firms if firm not in above]
    return Computed(
        "big-firms-largest-app-over-bar", float(len(above)), "firms",
        _("of the {n} big tech firms the post names that QuestMobile's June 2025 table covers, "
          "those whose largest AI application there has more than {bar} million monthly "
          "active users (below: {below})").format(
            n=len(firms), bar=f"{bar:g}", below=", ".join(below) or _("none")),
        source_id="boc-research-2025", location=_("figure 15 (QuestMobile)"), period="2025-06")


# The year the post dates DeepSeek's first release in: months are counted from its January.
FIRST_RELEASE_BASE_YEAR = 2023


@dataclass(frozen=True)
class DeepSeekSpan:
    """DeepSeek's first model in Epoch's ECI table and the months to R1-0528."""

    first_model: str
    first_date: pd.Timestamp
    r1_date: pd.Timestamp
    months: float
    first_eci: float
    r1_eci: float

    def computed(self) -> list[Computed]:
        """``deepseek-first-to-r1-0528``: the span on Epoch's release dates; and
        ``deepseek-first-release-month``: the month of DeepSeek's first release, counted
        from January 2023 (so 11 is November 2023 and 13 January 2024)."""
        first_month = (self.first_date.year - FIRST_RELEASE_BASE_YEAR) * 12 + self.first_date.month
        location = _("Epoch Capabilities Index table, release dates")
        return [
            Computed(
                "deepseek-first-to-r1-0528", self.months, "months",
                _("months from the release of {first_model} ({first_date}), DeepSeek's first "
                  "model in Epoch AI's ECI table, to {r1} ({r1_date})").format(
                    first_model=self.first_model, first_date=f"{self.first_date:%Y-%m-%d}",
                    r1=R1_0528, r1_date=f"{self.r1_date:%Y-%m-%d}"),
                source_id=EPOCH_SOURCE, location=location),
            Computed(
                "deepseek-first-release-month", float(first_month),
                f"month of {FIRST_RELEASE_BASE_YEAR}",
                _("month of the release of {first_model} ({first_date}), DeepSeek's first "
                  "model in Epoch AI's ECI table, counted from January {year}").format(
                    first_model=self.first_model, first_date=f"{self.first_date:%Y-%m-%d}",
                    year=FIRST_RELEASE_BASE_YEAR),
                source_id=EPOCH_SOURCE, location=location,
                period=f"{self.first_date:%Y-%m}"),
        ]


def deepseek_span(eci: pd.DataFrame) -> DeepSeekSpan:
    """:class:`DeepSeekSpan` from an ECI model table (:func:`epoch_models`)."""
    first = first_release(eci, "DeepSeek")
    r1_date = release_of(eci, R1_0528)
    best = eci.groupby("model")["score"].max()
    return DeepSeekSpan(str(first["model"]), pd.Timestamp(first["date"]), r1_date,
                        months_between(first["date"], r1_date),
                        float(best[first["model"]]), float(best[R1_0528]))


def month_text(when: object, *, missing: str = N_("no month")) -> str:
    """A month for prose (:func:`fmt_month`), or ``missing`` when there is none."""
    if when is None or pd.isna(when):
        return _(missing)
    return fmt_month(pd.Timestamp(str(when)))


def coverage_sentence(closing: pd.DataFrame) -> str:
    """:func:`describe_coverage` as a sentence, adding that the shrinking story cannot
    be traced end to end when no metric has an uncensored early lag and a Q2 lag."""
    text = describe_coverage(closing)
    both = closing[closing["early_lag_months"].notna() & closing["q2_2025_lag_months"].notna()]
    if not (~both["early_censored"].astype(bool)).any():
        text = _("{text}, so the story of a lag that shrank from late 2022 to Q2 2025 cannot be "
                 "traced end to end in these data").format(text=text)
    return text[:1].upper() + text[1:]


def fall_sentence(long: pd.DataFrame) -> str:
    """The fall of the lag between :data:`FALL_PEAK_WINDOW` and :data:`FALL_LOW_WINDOW`,
    as a sentence."""
    return _("Comparing the longest lag from {peak_from} to {peak_to} with the shortest from "
             "{low_from} to {low_to}, {fall}").format(
        peak_from=month_text(FALL_PEAK_WINDOW[0]), peak_to=month_text(FALL_PEAK_WINDOW[1]),
        low_from=month_text(FALL_LOW_WINDOW[0]), low_to=month_text(FALL_LOW_WINDOW[1]),
        fall=describe_fall(lag_fall(long)))


def lag_chart_title(at_q2: pd.DataFrame) -> str:
    """Title of the lag-per-metric chart, from the lags at the end of Q2 2025."""
    n_under = int((at_q2["lag_months"] < UNDER_THREE_MONTHS).sum())
    return _("At the end of Q2 2025 the lag is under three months on {n_under} of "
             "{n} metrics with data").format(n_under=n_under, n=len(at_q2))


def open_lead_title(first_lead: object) -> str:
    return _("On the ECI, China's best open-weights model first passed the US's in "
             "{month}").format(month=month_text(first_lead))


@dataclass(frozen=True)
class UserFigures:
    """The post's MAU figures beside QuestMobile's counts by product form, for prose."""

    values: dict[str, float]

    @classmethod
    def build(cls, figures: pd.DataFrame, reported: dict[str, float]) -> UserFigures:
        """``figures``: the reported-figures table indexed by figure_id; ``reported``:
        the post's values keyed tongyi_mau, doubao_mau, kimi_mau."""
        rows = {"tongyi_app": "boc-fig15-tongyi-app", "tongyi_web": "boc-fig15-tongyi-web",
                "doubao_app": "boc-fig15-doubao-app", "doubao_web": "boc-fig15-doubao-web",
                "quark": "boc-fig15-quark-search", "qm_kimi": "qm-kimi-mau-2025q2"}
        v = {name: float(figures.loc[fid, "value"]) for name, fid in rows.items()}
        v.update({f"okeeper_{k}": float(x) for k, x in reported.items()})
        v["tongyi_times"] = v["okeeper_tongyi_mau"] / v["tongyi_app"]
        v["tongyi_family"] = v["tongyi_app"] + v["tongyi_web"] + v["quark"]
        v["kimi_pct"] = 100 * v["qm_kimi"] / v["okeeper_kimi_mau"]
        return cls(v)


# Charts of the chapter. They only encode tables built above; titles that state a
# finding are given by the notebook, which knows the finding, from the functions below.

# Source lines of the chapter's charts.
SOURCE_EPOCH = N_("Epoch AI, Data on AI Benchmarking (CC-BY-4.0)")
SOURCE_EPOCH_ARENA = N_("Epoch AI, Data on AI Benchmarking (CC-BY-4.0); LMArena leaderboard "
                        "history")


def chart_source(with_arena: bool = True) -> str:
    return _(SOURCE_EPOCH_ARENA) if with_arena else _(SOURCE_EPOCH)


def frontier_title(leader: str, follower: str, metric: str) -> str:
    return _("{leader} and {follower} frontiers on {metric}").format(
        leader=country_name(leader), follower=country_name(follower),
        metric=metric_name(metric))


def frontier_description(leader: str, follower: str) -> str:
    return _("Step lines: the best score of {leader} and {follower} models released so far. "
             "Dashed horizontal segments, one per quarter end: how far back the leader had "
             "already reached the follower's level; their length is the lag.").format(
        leader=country_name(leader), follower=country_name(follower))


def open_weights_description(story: str) -> str:
    """The open-weights chart's description, ending with :func:`describe_lead`'s clause."""
    return _("Best ECI score among open-weights models released so far, United States and "
             "China. {story}.").format(story=story[:1].upper() + story[1:])


def _shown_countries(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its country names in the reader's language (a chart's copy: the
    data behind the chart keep the English)."""
    if not is_chinese() or frame.empty:
        return frame
    return frame.assign(country=frame["country"].map(country_name))


def _shown_flags(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``frame`` with a boolean column as yes/no words in Chinese (English charts keep
    Vega's true/false, as they always showed)."""
    if not is_chinese() or frame.empty:
        return frame
    words = {True: _("yes"), False: _("no")}
    return frame.assign(**{column: frame[column].map(lambda v: words.get(bool(v), v))})


def _time_axis() -> Any:
    """Dates on a time axis as Chinese readers write them (English keeps Vega's own)."""
    return alt.Axis(format="%Y年%-m月") if is_chinese() else alt.Undefined


def _day_format() -> Any:
    """The format of a date in a tooltip (English keeps Vega's own)."""
    return "%Y年%-m月%-d日" if is_chinese() else alt.Undefined


def _country_colours(countries: Sequence[str]) -> alt.Scale:
    """:func:`country_scale` with the names shown in the reader's language."""
    scale = country_scale(list(countries))
    return alt.Scale(domain=[country_name(c) for c in countries], range=scale.range)


def frontier_chart(steps: pd.DataFrame, segments: pd.DataFrame, *, unit: str,
                   countries: Sequence[str]) -> alt.LayerChart:
    """Each country's frontier as a step line, with one dashed segment per
    evaluation date whose length is the lag (``unit`` in the reader's language:
    :func:`metric_unit`)."""
    y_title = _("Best score so far ({unit})").format(unit=unit)
    release = _("Release date")
    country = _("Country")
    lines = alt.Chart(_shown_countries(steps)).mark_line(interpolate="step-after").encode(
        x=alt.X("date:T", title=release, axis=_time_axis()),
        y=alt.Y("score:Q", title=y_title, scale=alt.Scale(zero=False)),
        color=alt.Color("country:N", scale=_country_colours(countries), title=country),
        tooltip=[alt.Tooltip("country:N", title=country), alt.Tooltip("model:N", title=_("Model")),
                 alt.Tooltip("date:T", title=_("Released"), format=_day_format()),
                 alt.Tooltip("score:Q", format=".1f", title=_("Score"))])
    # x and x2 carry the same title so that the shared axis shows it once.
    lag_rules = alt.Chart(_shown_flags(segments, "censored")).mark_rule(
        strokeDash=[4, 3], color="#444444").encode(
        x=alt.X("reached:T", title=release, axis=_time_axis()),
        x2=alt.X2("date:T", title=release),
        y=alt.Y("score:Q", title=y_title),
        tooltip=[alt.Tooltip("date:T", title=_("Evaluated at"), format=_day_format()),
                 alt.Tooltip("lag_months:Q", title=_("Lag (months)")),
                 alt.Tooltip("reached:T", title=_("Leader reached this level"),
                             format=_day_format()),
                 alt.Tooltip("censored:N", title=_("Lower bound only"))])
    return lines + lag_rules



def open_weights_chart(steps: pd.DataFrame) -> alt.Chart:
    """Best open-weights ECI so far, United States and China."""
    countries = ["United States", "China"]
    country = _("Country")
    return alt.Chart(_shown_countries(steps)).mark_line(
        interpolate="step-after", point=True).encode(
        x=alt.X("date:T", title=_("Release date"), axis=_time_axis()),
        y=alt.Y("score:Q", title=_("Best open-weights model so far (ECI points)"),
                scale=alt.Scale(zero=False)),
        color=alt.Color("country:N", scale=_country_colours(countries), title=country),
        tooltip=[alt.Tooltip("country:N", title=country), alt.Tooltip("model:N", title=_("Model")),
                 alt.Tooltip("date:T", title=_("Released"), format=_day_format()),
                 alt.Tooltip("score:Q", format=".1f", title=_("ECI"))])


# --- what-if: the lag by metric and tolerance, chosen by the reader -----------------

# Translators: the option of the what-if chart's metric menu that shows every metric.
ALL_METRICS = N_("all metrics")
LAG_WHAT_IF_DESCRIPTION = N_(
    "Monthly lag, in months, of the follower's best model behind the leader's, one line per "
    "metric, the page's metric thicker; menus choose the metric and the score tolerance among "
    "the values computed for this page. Dashed lines at a year and at three months mark the two "
    "values of the claim. Negative values mean the follower is ahead.")


def lag_what_if_description() -> str:
    return _(LAG_WHAT_IF_DESCRIPTION)


def lag_what_if(
    tables: dict[str, tuple[pd.DataFrame, pd.Timestamp]],
    rules: LagRules,
    tolerances: Sequence[float],
    *,
    start: object,
    end: object,
) -> pd.DataFrame:
    """:func:`lag_long` at every tolerance of ``tolerances`` and the page's own, stacked
    with a ``tolerance`` column: what the reader's controls choose from."""
    chosen = sorted({*map(float, tolerances), float(rules.tolerance)})
    return pd.concat(
        [lag_long(tables, rules.with_tolerance(t), start=start, end=end).assign(tolerance=t)
         for t in chosen], ignore_index=True)


def lag_what_if_chart(frame: pd.DataFrame, rules: LagRules, *, page_metric: str
                      ) -> alt.LayerChart:
    """The monthly lag per metric, with a menu for the metric and one for the score
    tolerance (each listing the values computed at build time, the page's defaults
    preselected and named); the page's metric is drawn thicker."""
    tolerances = sorted(float(t) for t in frame["tolerance"].unique())
    if is_chinese():  # the metrics by their shown names (English: the keys, as always)
        frame = frame.assign(metric=frame["metric"].map(metric_key))
        page_metric = metric_key(page_metric)
    metrics = [str(m) for m in pd.unique(frame["metric"])]
    all_metrics = _(ALL_METRICS)
    tolerance = alt.param(
        name="tolerance", value=float(rules.tolerance),
        bind=alt.binding_select(
            options=tolerances, labels=[f"{t:g}" for t in tolerances],
            name=_("Score tolerance (this page: {tolerance}) ").format(
                tolerance=f"{rules.tolerance:g}")))
    metric = alt.param(
        name="metric", value=all_metrics,
        bind=alt.binding_select(options=[all_metrics, *metrics],
                                name=_("Metric (this page: {metric}) ").format(
                                    metric=page_metric)))
    y = alt.Y("lag_months:Q", title=_("Lag of {follower} behind {leader} (months)").format(
        follower=country_name(rules.follower), leader=country_name(rules.leader)))
    month_end = _("Month end")
    series = alt.Chart(_shown_flags(frame, "censored")).mark_line(point=True).encode(
        x=alt.X("date:T", title=month_end, axis=_time_axis()), y=y,
        color=alt.Color("metric:N", title=_("Metric")),
        strokeWidth=alt.condition(alt.datum.metric == page_metric, alt.value(3.5),
                                  alt.value(1.5)),
        tooltip=[alt.Tooltip("metric:N", title=_("Metric")),
                 alt.Tooltip("tolerance:Q", title=_("Tolerance")),
                 alt.Tooltip("date:T", title=month_end, format=_day_format()),
                 alt.Tooltip("lag_months:Q", format=".1f", title=_("Lag (months)")),
                 alt.Tooltip("censored:N", title=_("Lower bound only"))],
    ).add_params(tolerance, metric).transform_filter(
        (alt.datum.tolerance == tolerance)
        & ((metric == all_metrics) | (alt.datum.metric == metric)))
    marks = pd.DataFrame({
        "lag_months": [OVER_A_YEAR, UNDER_THREE_MONTHS],
        "label": [_("claimed for late 2022: over a year"),
                  _("claimed for Q2 2025: under three months")],
    })
    thresholds = alt.Chart(marks).mark_rule(strokeDash=[6, 4], color="#555555").encode(
        y=y, tooltip=[alt.Tooltip("label:N", title=_("Threshold"))])
    labels = alt.Chart(marks).mark_text(align="left", dx=4, dy=-6, color="#555555").encode(
        x=alt.value(0), y=y, text="label:N")
    return series + thresholds + labels


# --- tables of the chapter, headers and words in the reader's language -----------------


def _labels(columns: Iterable[str]) -> dict[str, str]:
    labels = {**COLUMN_LABELS, **SWEEP_LABELS}
    return {c: _(labels[c]) for c in columns if c in labels}


def _month_cells(frame: pd.DataFrame) -> pd.DataFrame:
    if "metric" in frame.columns:
        frame = frame.assign(metric=frame["metric"].map(metric_key))
    if "early_date" not in frame.columns:
        return frame
    return frame.assign(early_date=pd.to_datetime(frame["early_date"]).dt.strftime("%Y-%m"))


def sweep_table(frame: pd.DataFrame) -> Any:
    """The :func:`sweep` table for readers: months of the early date, values to one
    decimal, headers and yes/no words in the reader's language."""
    shown = _month_cells(frame).round(1)
    for column in SWEEP_LABELS:
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: _(SUPPORT_WORDS.get(str(v), str(v))))
    return table(_yes_no(shown, "early_censored"), labels=_labels(shown.columns))


def closing_table(frame: pd.DataFrame) -> Any:
    """The closing note's lags per metric, as :func:`sweep_table` shows them."""
    shown = _month_cells(frame).round(1)
    return table(_yes_no(shown, "early_censored"), labels=_labels(shown.columns))


def figures_table(frame: pd.DataFrame) -> Any:
    """Rows of the reported-figures table, with their text cells in the reader's language."""
    shown = frame if isinstance(frame.index, pd.RangeIndex) else frame.reset_index()
    shown = shown.reset_index(drop=True)
    for column in ("subject", "period", "definition"):
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: data_text(v) if isinstance(v, str) else v)
    return table(shown, labels=_labels(shown.columns))


def _yes_no(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A boolean column as yes/no in the reader's language (English: what the table
    always wrote for booleans)."""
    if column not in frame.columns or not is_chinese():
        return frame
    return frame.assign(**{column: frame[column].map(
        lambda v: (_("yes") if v else _("no")) if isinstance(v, bool | np.bool_) else v)})
