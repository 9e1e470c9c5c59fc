"""Chapter 01 (AI Index): the chapter's charts: benchmark gaps, the Arena gaps, notable
models and inference prices."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from ...core.arithmetic import fold_change
from ...core.charts import country_scale, tooltip
from ...core.geography import REGIONS
from ...core.i18n import N_, _, data_text, is_chinese, ngettext
from ...core.numbers import fmt_month
from .analysis import _bench_data, gap_series, months_behind_dates
from .model import RATING_WORDS, SENSITIVITY_MONTHS, SWITCH_DATES, YEARS
from .values import fmt
from .words import _day, _internal, _period, _region, month_span, report_value

CHART_REPORT = N_("AI Index 2025")


ARENA_SWITCH = N_("online Elo → Arena score")


# Keys: the gaps' names in the data; each is shown translated (_()).
GAP_COLOURS: dict[str, str] = {N_("US vs China"): "#c8102e",
                               N_("Closed vs open weights"): "#2a9d8f"}


GAP_KEYS: dict[str, tuple[str, str]] = {
    "US vs China": ("arena-uscn-2024-01", "arena-uscn-2025-02"),
    "Closed vs open weights": ("arena-closedopen-2024-01", "arena-closedopen-2025-02"),
}


ChartSpec = tuple[alt.TopLevelMixin, dict[str, object]]


def benchmark_chart(bench: pd.DataFrame, fig: pd.DataFrame) -> ChartSpec:
    """Slope chart of the report's US-China benchmark gaps (pp)."""
    bench = _bench_data(bench)
    chart = alt.Chart(bench).mark_line(point=alt.OverlayMarkDef(size=80)).encode(
        x=alt.X("year:O", title=_("End of year")),
        y=alt.Y("gap_pp:Q", title=_("US lead over China (percentage points)")),
        color=alt.Color("benchmark:N", title=_("Benchmark")),
        tooltip=[tooltip("benchmark", N_("Benchmark")), tooltip("year", N_("End of year")),
                 alt.Tooltip("gap_pp:Q", title=_("Gap (pp)")),
                 alt.Tooltip("min_relative_gap_percent:Q", title=_("Relative gap, at least (%)"))],
    )
    first, last = YEARS
    wide = bench.pivot(index="benchmark", columns="year", values="gap_pp")
    fell = bool((wide[last] < wide[first]).all())
    title = (_("The US lead shrank on every benchmark between {first} and {last}") if fell else
             _("The US lead did not shrink on every benchmark between {first} and {last}")
             ).format(first=first, last=last)
    key = f"gap-mmlu-{first}"
    return chart, dict(
        chart_id="benchmark-gaps", title=title,
        source=_report_source(fig, key),
        description=_("Slope chart of the gap in percentage points between the top US and top "
                      "Chinese model on each selected benchmark at the end of {first} and "
                      "{last}.").format(first=first, last=last),
        data=bench)


# Dates on a Chinese chart (d3-time-format): 2025年2月, 2025年2月14日.
MONTH_FORMAT_ZH = "%Y年%-m月"


DAY_FORMAT_ZH = "%Y年%-m月%-d日"


def _date_x(title: str) -> alt.X:
    """A time axis: the English edition's as it was; Chinese month labels (2024年4月)
    in the Chinese edition, where Vega would write English month names."""
    if not is_chinese():
        return alt.X("date:T", title=title)
    return alt.X("date:T", title=title, axis=alt.Axis(format=MONTH_FORMAT_ZH))


def _report_source(fig: pd.DataFrame, key: str, extra: str = "") -> str:
    """The AI Index and a figure's place in it, as a chart's source line."""
    where = data_text(str(fig.loc[key, "location"]))
    # Translators: a chart's source: the report, then the place in it (ch. 2, p. 96 …)
    return _("{report}, {where}").format(report=_(CHART_REPORT), where=where) + extra


def arena_chart(annotated: pd.DataFrame, fig: pd.DataFrame, top_k: int) -> ChartSpec:
    """Step lines of the recomputed US-China and closed-open gaps, with the report's
    values as diamonds and the switch from online Elo to Arena score as a rule."""
    series = gap_series(annotated, top_k)
    series = series[series.gap.isin(list(GAP_KEYS))]
    plot = series[["date", "gap", "gap_percent", "leader_model", "follower_model",
                   "rating_kind"]].copy()
    plot["gap_percent"] = plot["gap_percent"].round(2)
    claimed = pd.DataFrame([
        {"date": pd.Timestamp(str(fig.loc[k, "period"])), "gap": gap,
         "gap_percent": report_value(fig, k),
         "label": _("reported {value} %").format(value=fmt(report_value(fig, k)))}
        for gap, keys in GAP_KEYS.items() for k in keys])
    first, last = plot.date.min(), plot.date.max()
    end_period = str(fig.loc[GAP_KEYS["US vs China"][1], "period"])
    in_month = plot[plot.date.dt.strftime("%Y-%m") == end_period]
    both = in_month.groupby("date").gap_percent.max()
    low = float(both.min()) if not both.empty else float("nan")
    # The rating scales in words ("online Elo", not online-elo), in every edition.
    plot["rating_kind"] = plot["rating_kind"].map(lambda r: _(RATING_WORDS.get(str(r), str(r))))
    if is_chinese():  # the gaps' names as the reader reads them
        plot["gap"] = plot["gap"].map(_)
        claimed["gap"] = claimed["gap"].map(_)
    scale = alt.Scale(domain=[_(g) for g in GAP_COLOURS], range=list(GAP_COLOURS.values()))
    x = _date_x(_("Leaderboard date"))
    y = alt.Y("gap_percent:Q", title=_("Lead of the top model (% of the follower's score)"))
    lines = alt.Chart(plot).mark_line(interpolate="step-after").encode(
        x=x, y=y, color=alt.Color("gap:N", scale=scale, title=_("Gap")),
        tooltip=[tooltip(alt.Tooltip("date:T"), N_("Leaderboard date"), DAY_FORMAT_ZH),
                 tooltip("gap", N_("Gap")),
                 alt.Tooltip("gap_percent:Q", title=_("Gap (%)")),
                 tooltip("leader_model", N_("Leading model")),
                 tooltip("follower_model", N_("Following model")),
                 tooltip("rating_kind", N_("Rating scale"))])
    points = alt.Chart(claimed).mark_point(shape="diamond", size=120, filled=True,
                                           color="black").encode(
        x=x, y=y, tooltip=[tooltip("gap", N_("Gap")), tooltip("label", N_("Report")),
                           tooltip(alt.Tooltip("date:T", title=_("Month")), N_("Month"),
                                MONTH_FORMAT_ZH)])
    switch = pd.DataFrame({"date": [pd.Timestamp(SWITCH_DATES[1])], "what": [_(ARENA_SWITCH)]})
    rule = alt.Chart(switch).mark_rule(strokeDash=[4, 4], color="#555").encode(
        x=x, tooltip=[tooltip("what", N_("Change of rating"))])
    title = _("On the Arena, the US and closed-model leads were both down to {value} % "
              "in {month}").format(value=fmt(low), month=fmt_month(pd.Timestamp(end_period)))
    return lines + points + rule, dict(
        chart_id="arena-gaps", title=title,
        source=_("LMSYS/LMArena leaderboard history (jasontrigg0/chatbot-arena-history); "
                 "reported points: {report}").format(
            report=_report_source(fig, GAP_KEYS["US vs China"][1])),
        description=_("Step lines of the relative Arena-score gap between the top US and top "
                      "Chinese model and between the top closed and top open-weight model, "
                      "{first} to {last}; black diamonds mark the values the report gives; a "
                      "dashed rule marks the switch from online Elo to Arena score on "
                      "{switch}.").format(first=_month_key(first), last=_month_key(last),
                                          switch=_period(SWITCH_DATES[1])),
        data=plot)


def _month_key(when: pd.Timestamp) -> str:
    """``2024-01`` in English (as the English edition writes it), 2024年1月 in Chinese."""
    return fmt_month(when) if is_chinese() else f"{when:%Y-%m}"


def notable_chart(counts: pd.DataFrame, newest: pd.Timestamp) -> ChartSpec:
    plot = counts[counts.region.isin(list(REGIONS))].copy()
    last = int(plot.year.max())
    prev = plot[plot.year == last - 1].set_index("region")["models"]
    now = plot[plot.year == last].set_index("region")["models"]
    fewer = all(now.get(r, 0.0) < prev.get(r, 0.0) for r in REGIONS)
    lead = str(now.idxmax()) if not now.empty else "—"
    lead = _("The United States") if lead == "United States" else _region(lead)
    title = _("{lead} still produces the most notable models").format(lead=lead) + (
        _(", but all three regions made fewer in {year}").format(year=last) if fewer else "")
    scale = country_scale(list(REGIONS))
    if is_chinese():  # the regions by their Chinese names, each in its fixed colour
        plot["region"] = plot["region"].map(_region)
        scale = alt.Scale(domain=[_region(r) for r in REGIONS], range=scale.range)
    chart = alt.Chart(plot).mark_line(point=True).encode(
        x=alt.X("year:O", title=_("Publication year")),
        y=alt.Y("models:Q", title=_("Notable models (count)")),
        color=alt.Color("region:N", scale=scale, title=_("Country or region")),
        tooltip=[tooltip("year", N_("Publication year")), tooltip("region", N_("Country or region")),
                 tooltip(alt.Tooltip("models:Q", format=".1f"), N_("Notable models"))])
    return chart, dict(
        chart_id="notable-models", title=title,
        source=_("Epoch AI, Notable AI Models (CC-BY-4.0), our copy: newest entry {newest}, "
                 "download date unknown").format(newest=_day(newest)),
        description=_("Lines of notable AI models per publication year, {first} to {last}, "
                      "for the United States, China and Europe under the chosen attribution "
                      "rule.").format(first=int(plot.year.min()), last=last),
        data=plot)


def inference_chart(fig: pd.DataFrame) -> ChartSpec:
    old, new = "inference-price-2022-11", "inference-price-2024-10"
    years = pd.DataFrame({
        "date": [pd.Timestamp(str(fig.loc[k, "period"])) for k in (old, new)],
        "usd_per_mtok": [report_value(fig, old), report_value(fig, new)],
        "model": [data_text(str(fig.loc[old, "quantity"])), data_text(str(fig.loc[new, "note"]))]})
    chart = alt.Chart(years).mark_line(point=alt.OverlayMarkDef(size=90)).encode(
        x=_date_x(_("Month")),
        y=alt.Y("usd_per_mtok:Q", scale=alt.Scale(type="log"),
                title=_("Price (USD per million tokens, log scale)")),
        tooltip=[tooltip(alt.Tooltip("date:T", format="%Y-%m"), N_("Month"), MONTH_FORMAT_ZH),
                 tooltip("model", N_("Model")),
                 alt.Tooltip("usd_per_mtok:Q", title=_("USD per million tokens"))])
    fold = fold_change(report_value(fig, old), report_value(fig, new))
    months = month_span(str(fig.loc[old, "period"]), str(fig.loc[new, "period"]))
    return chart, dict(
        chart_id="inference-cost",
        title=ngettext("GPT-3.5-level inference became about {fold} times cheaper in {n} month",
                       "GPT-3.5-level inference became about {fold} times cheaper in {n} months",
                       months).format(fold=f"{fold:.0f}", n=months),
        source=_report_source(fig, new, _(", from Epoch AI and Artificial Analysis")),
        description=_("Two points on a logarithmic price axis: {old_price} US dollars per "
                      "million tokens in {old} and {new_price} dollars in {new}.").format(
            old_price=fmt(report_value(fig, old)), old=_period(fig.loc[old, "period"]),
            new_price=fmt(report_value(fig, new)), new=_period(fig.loc[new, "period"])),
        data=years)


def sensitivity_dates(dates: Sequence[pd.Timestamp]) -> list[pd.Timestamp]:
    """The leaderboards the sensitivity table shows: every one in the claimed months,
    and the two either side of the switch from online Elo to Arena score."""
    chosen = months_behind_dates(dates, SENSITIVITY_MONTHS)
    chosen += [pd.Timestamp(d) for d in SWITCH_DATES]
    return sorted(set(chosen))


def switch_gaps(sens: pd.DataFrame) -> tuple[float, float]:
    """The US-China gap on the last online-Elo and the first Arena-score leaderboard."""
    sens = _internal(sens, {"date": _("Leaderboard date"), "us-china": _("US vs China (%)")})
    before, after = (float(sens.loc[sens.date == d, "us-china"].iloc[0]) for d in SWITCH_DATES)
    return before, after
