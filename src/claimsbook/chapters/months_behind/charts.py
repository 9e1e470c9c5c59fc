"""Chapter 02 (months behind): the chapter's charts: the frontier of each country, open
weights, and the what-if chart of the lag by metric and tolerance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from ...core.charts import country_scale
from ...core.i18n import N_, _, is_chinese
from .analysis import lag_long
from .lags import LagRules
from .model import OVER_A_YEAR, UNDER_THREE_MONTHS
from .words import country_name, metric_key, metric_name

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
