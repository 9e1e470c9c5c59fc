"""Chapter 02 (months behind): the lag itself: models per metric, the frontier of each
country and the months the follower needs to reach the leader's level, per date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ...core.geography import region_of
from ...core.i18n import _, ngettext
from ..lag import Frontier, frontier, lag_series, monthly_dates
from .model import METRICS, MODEL_SETS, OVER_A_YEAR, Q2_2025_MONTHS, UNDER_THREE_MONTHS
from .words import day_text


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
    """One clause on when ``follower``'s best open-weights model first led ``rival``'s,
    how often the lead changed hands afterwards, and who holds it at the end of the data
    (``changes`` from the open-weights frontiers: :func:`lead_changes`)."""
    taken = changes[changes["leader"] == follower]
    if taken.empty:
        return _("{follower}'s best open-weights model never rose above that of {rival}").format(
            follower=_(follower), rival=_(rival))
    first = taken.iloc[0]
    later = changes[changes["date"] > first["date"]]
    text = _("{follower}'s best open-weights model ({model}) first rose above that of {rival} "
             "on {date}").format(
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
