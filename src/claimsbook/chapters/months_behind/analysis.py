"""Chapter 02 (months behind): what the lags say: the tables per metric, the fall of the
lag, lead changes in open weights, the lag today, and sentences that describe them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.i18n import _
from ...core.ledger import Computed
from ...core.numbers import fmt_month
from ..lag import frontier, monthly_dates
from .lags import LagRules, arena_models, coverage_end, epoch_models, select_models
from .model import METRICS, Q2_2025_END
from .words import (
    ARENA_SOURCE,
    EPOCH_SOURCE,
    _value,
    country_name,
    day_text,
    metric_key,
    metric_name,
    model_set_name,
)


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
                 "periods and did not fall on {held_items}").format(
                     fell=len(fell), n=n, held_items=items(held))
    return _("the lag fell on {fell} of the {n} metrics with a measurable lag in both periods "
             "({fell_items}) and did not fall on {held_items}").format(
        fell=len(fell), n=n, fell_items=items(fell), held_items=items(held))


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
