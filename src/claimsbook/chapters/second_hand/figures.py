"""Chapter 04 (second-hand e-commerce): the market, scenario and what-if charts, and the
chapter's summary values."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from ...core.charts import tooltip
from ...core.i18n import N_, _, data_text, is_chinese
from ...core.numbers import fmt_amount, fmt_number
from .analysis import Scenario, scenario
from .model import (
    ESTIMATE_KINDS,
    MARKER_SIZE,
    MONEY_UNIT,
    PER_BILLION,
    PER_TRILLION,
    SCOPE_WORDS,
    SENSITIVITY_GROWTHS_PCT,
    SERIES_NAMES,
    _word,
)


def scenario_values(scen: Scenario, estimate: pd.Series) -> dict[str, Any]:
    """The scenario's numbers for prose, in trillion and billion yuan."""
    projected = "projected" in str(estimate.get("note", ""))
    return {
        "gmv_growth_pct": scen.gmv_growth_pct, "elasticity": scen.elasticity,
        "base_year": scen.base_year, "retail_tn": scen.retail_sales / PER_TRILLION,
        "market_label": _word(SERIES_NAMES, estimate["series"]),
        "market_bn": scen.market_size / PER_BILLION, "market_year": scen.market_year,
        "market_caveat": (_(" (a figure the article reporting it, {source_id}, "
                            "calls projected)").format(source_id=estimate["source_id"])
                          if projected else ""),
        "retail_growth": scen.retail_growth_pct,
        "retail_growth_exact": scen.retail_growth_pct_exact,
        "retail_change_bn": scen.retail_change / PER_BILLION,
        "extra_gmv_bn": scen.extra_gmv / PER_BILLION, "per_yuan": scen.retail_per_extra_yuan,
        # In Chinese, the billions again as Chinese prose writes them: 亿元 (text).
        **({"market_yi": fmt_amount(scen.market_size, MONEY_UNIT),
            "retail_change_yi": fmt_amount(scen.retail_change, MONEY_UNIT),
            "extra_gmv_yi": fmt_amount(scen.extra_gmv, MONEY_UNIT),
            "retail_yi": fmt_amount(scen.retail_sales, MONEY_UNIT)} if is_chinese() else {}),
    }


def per_yuan_values(per_yuan: pd.DataFrame) -> dict[str, Any]:
    """Range of retail sales per extra yuan of GMV over all series and the online ones."""
    online = per_yuan[per_yuan["comparable_group"] == _word(SCOPE_WORDS, "online")]
    ratio = "retail_per_extra_yuan"
    return {"per_yuan_min": float(per_yuan[ratio].min()),
            "per_yuan_max": float(per_yuan[ratio].max()),
            "per_yuan_online_min": float(online[ratio].min()),
            "per_yuan_online_max": float(online[ratio].max()),
            "online_series": _(", ").join(online["series"])}


def growth_gap_values(check: pd.DataFrame, retail: pd.DataFrame) -> dict[str, Any]:
    """The year whose published growth differs most from the ratio of the levels."""
    worst = check.loc[check["difference_pp"].abs().idxmax()]
    year = int(worst["year"])
    return {"max_gap": abs(float(worst["difference_pp"])), "max_gap_year": year,
            "max_gap_rounding": float(worst["rounding_pp"]),
            # How the copy printed that year's level, in the reader's language.
            "max_gap_reported_as": data_text(str(retail.set_index("year").loc[year,
                                                                             "reported_as"]))}


COLUMN_LEGEND = alt.Legend(direction="vertical", labelLimit=260)


def market_figure(market: pd.DataFrame, offline_value: float) -> dict[str, Any]:
    """Market-size estimates by series, with the article's offline figure as a rule."""
    half = market["period"].astype(str).str.contains("H")
    # In Chinese the chart counts in 亿元, the unit of the table and of Chinese sources.
    per_unit = 1.0 if is_chinese() else PER_BILLION
    kind = market["kind"]
    if is_chinese():
        kind = kind.map(lambda v: _word(ESTIMATE_KINDS, v))
    ctx = market.assign(value_bn_yuan=market["value_100m_yuan"] / per_unit,
                        point=kind.str.cat(half.map({True: _(" (half year)"),
                                                     False: ""})))
    ctx["series"] = ctx["series"].map(lambda v: _word(SERIES_NAMES, v))
    ctx = ctx[["estimate_id", "series", "producer", "comparable_group", "year", "period",
               "point", "value_bn_yuan", "source_id"]]
    rule_data = pd.DataFrame([{"value_bn_yuan": offline_value / per_unit,
                               "label": _("Article: offline circulation (CRGTA, year not "
                                          "stated)")}])
    first, last = int(ctx["year"].min()), int(ctx["year"].max())

    def span(group: str) -> str:
        values = ctx.loc[ctx["comparable_group"] == group, "value_bn_yuan"]
        if is_chinese():
            return _("{low} and {high} billion").format(
                low=fmt_amount(values.min(), MONEY_UNIT), high=fmt_amount(values.max(), MONEY_UNIT))
        return f"{fmt_number(values.min())} and {fmt_number(values.max())} billion"

    description = _("Estimates of the second-hand market by series and year in billion yuan; "
                    "online series lie between {online}, whole-market series between "
                    "{whole} (forecasts included); a dashed line marks the article's "
                    "{offline} billion offline figure.").format(
        online=span("online"), whole=span("whole market"),
        offline=(fmt_amount(offline_value, MONEY_UNIT) if is_chinese()
                 else fmt_number(offline_value / PER_BILLION)))
    if is_chinese():
        ctx["comparable_group"] = ctx["comparable_group"].map(lambda v: _word(SCOPE_WORDS, v))
        ctx["producer"] = ctx["producer"].map(lambda v: data_text(str(v)))
    # Translators: the Chinese chart counts in 亿元: say 亿元 wherever this says billion yuan.
    y = alt.Y("value_bn_yuan:Q", title=_("Market size (billion yuan)"))
    dots = alt.Chart(ctx).mark_line(point=True).encode(
        x=alt.X("year:Q", title=_("Year"), scale=alt.Scale(domain=[first - 1, last + 1]),
                axis=alt.Axis(format="d")),
        # The legends side by side, each a column: the series' names in one row are wider
        # than the chart.
        y=y, color=alt.Color("series:N", title=_("Series"), legend=COLUMN_LEGEND),
        strokeDash=alt.StrokeDash("comparable_group:N", title=_("Scope"), legend=COLUMN_LEGEND),
        shape=alt.Shape("point:N", title=_("Kind"), legend=COLUMN_LEGEND), detail="point:N",
        tooltip=[tooltip("producer:N", N_("Producer")), tooltip("comparable_group:N", N_("Scope")),
                 tooltip("period:N", N_("Period")), tooltip("point:N", N_("Kind")),
                 alt.Tooltip("value_bn_yuan:Q", title=_("Billion yuan"), format=",.1f"),
                 tooltip("source_id:N", N_("Source"))])
    rule = alt.Chart(rule_data).mark_rule(strokeDash=[4, 4], color="black").encode(
        y=y, tooltip=[tooltip("label:N", N_("Marker")),
                      alt.Tooltip("value_bn_yuan:Q", title=_("Billion yuan"))])

    return dict(
        chart=dots + rule, chart_id="market-size",
        title=_("Online and whole-market estimates of China's second-hand market differ "
                "several-fold: scope, not growth"),
        source=_("100ec.cn, iiMedia, CRGTA, Tsinghua IEEE/Frost & Sullivan, MobData as reported "
                 "by People's Daily, The Beijing Lens, Teller Report, China Daily, SHINE, "
                 "iChongqing, ww01.net"),
        description=description,
        data=ctx)


def summary_values(summary: pd.DataFrame) -> dict[str, int]:
    """Distinct statements by headline (``Chapter.finish()``), for the closing prose."""
    counts = {str(h): int(n) for h, n in zip(summary["headline"], summary["claims"],
                                             strict=True)}
    return {"n_claims": sum(counts.values()),
            "n_holds": counts.get("holds", 0) + counts.get("roughly holds", 0),
            "n_faithful": counts.get("faithful, unconfirmed", 0),
            "n_unverifiable": counts.get("unverifiable", 0),
            "n_other": counts.get("garbled", 0) + counts.get("contradicted", 0)}


WHAT_IF_ELASTICITIES: tuple[float, ...] = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5)


RETAIL_MEASURE = N_("Change in retail sales")


GMV_MEASURE = N_("Extra second-hand GMV")


def scenario_what_if(retail: pd.DataFrame, market: pd.DataFrame, scen: Scenario
                     ) -> pd.DataFrame:
    """The scenario at every elasticity of :data:`WHAT_IF_ELASTICITIES` (and the
    page's), every market series and every GMV growth of the sensitivity chart: the
    retail-sales change and the extra second-hand GMV, in billion yuan (in Chinese: in
    亿元, the column keeping its name), long form."""
    per_unit = 1.0 if is_chinese() else PER_BILLION
    rows = []
    series_with_data = [str(s) for s in pd.unique(market["series"])]
    for e in sorted({*WHAT_IF_ELASTICITIES, scen.elasticity}):
        for series in series_with_data:
            for g in SENSITIVITY_GROWTHS_PCT:
                s = scenario(retail, market, gmv_growth_pct=g, elasticity=e,
                             base_year=scen.base_year, market_series=series)
                common = {"elasticity": e, "market_series": series,
                          "series_name": _word(SERIES_NAMES, series), "gmv_growth_pct": g,
                          "market_year": s.market_year,
                          "retail_per_extra_yuan": s.retail_per_extra_yuan}
                rows.append({**common, "measure": _(RETAIL_MEASURE),
                             "bn_yuan": s.retail_change / per_unit})
                rows.append({**common, "measure": _(GMV_MEASURE),
                             "bn_yuan": s.extra_gmv / per_unit})
    return pd.DataFrame(rows)


def scenario_what_if_figure(scen: Scenario, grid: pd.DataFrame) -> dict[str, Any]:
    """Retail-sales change beside the extra second-hand GMV that causes it, for the
    elasticity and market series the reader picks (the page's preselected and its
    scenario marked): keyword arguments for ``Chapter.figure``."""
    elasticities = sorted(float(e) for e in grid["elasticity"].unique())
    series = [str(s) for s in pd.unique(grid["market_series"])]
    elasticity = alt.param(
        name="elasticity", value=scen.elasticity,
        bind=alt.binding_select(options=elasticities, labels=[f"{e:g}" for e in elasticities],
                                name=_("Elasticity (this page: {elasticity:g}) ").format(
                                    elasticity=scen.elasticity)))
    market = alt.param(
        name="market", value=scen.market_series,
        bind=alt.binding_select(options=series, labels=[_word(SERIES_NAMES, s) for s in series],
                                name=_("Market-size series (this page: {series}) ").format(
                                    series=_word(SERIES_NAMES, scen.market_series))))
    # In Chinese the grid counts in 亿元 (scenario_what_if).
    per_unit = 1.0 if is_chinese() else PER_BILLION
    x = alt.X("gmv_growth_pct:Q", title=_("Growth of second-hand e-commerce GMV (%)"))
    # Translators: the Chinese chart counts in 亿元: say 亿元 wherever this says billion yuan.
    y = alt.Y("bn_yuan:Q", title=_("Billion yuan ({year} levels)").format(year=scen.base_year))
    lines = alt.Chart(grid).mark_line(point=True).encode(
        x=x, y=y, color=alt.Color("measure:N", title=_("Measure")),
        tooltip=[alt.Tooltip("measure:N", title=_("Measure")),
                 alt.Tooltip("elasticity:Q", title=_("Elasticity")),
                 alt.Tooltip("series_name:N", title=_("Market series")),
                 alt.Tooltip("gmv_growth_pct:Q", title=_("GMV growth (%)")),
                 alt.Tooltip("bn_yuan:Q", title=_("Billion yuan"), format=",.0f"),
                 alt.Tooltip("retail_per_extra_yuan:Q",
                             title=_("Retail yuan per extra GMV yuan"), format=".1f")],
    ).add_params(elasticity, market).transform_filter(
        (alt.datum.elasticity == elasticity) & (alt.datum.market_series == market))
    point = pd.DataFrame([{"gmv_growth_pct": scen.gmv_growth_pct,
                           "bn_yuan": scen.retail_change / per_unit,
                           "label": _("this page's scenario")}])
    mark = alt.Chart(point).mark_point(size=MARKER_SIZE, shape="diamond", filled=True,
                                       color="black").encode(
        x=x, y=y, tooltip=[alt.Tooltip("label:N", title=_("Marker")),
                           alt.Tooltip("bn_yuan:Q", title=_("Retail change (bn yuan)"),
                                       format=",.0f")])
    change = (fmt_amount(scen.retail_change, MONEY_UNIT) if is_chinese()
              else f"{scen.retail_change / PER_BILLION:,.0f} bn yuan")
    return dict(
        chart=lines + mark, chart_id="elasticity-scenario",
        title=_("At elasticity {elasticity:g}, {growth:g} % more second-hand GMV goes with "
                "{change} more retail sales ({per_yuan:.1f} yuan per extra yuan of "
                "second-hand GMV)").format(
            elasticity=scen.elasticity, growth=scen.gmv_growth_pct, change=change,
            per_yuan=scen.retail_per_extra_yuan),
        source=_("NBS retail sales {year}; elasticity from the CASS / China Market "
                 "Society report (as reported by 中国经营报 and Xinhuanet); market-size series "
                 "in data/second-hand/market_size.csv; linear reading").format(
            year=scen.base_year),
        description=_("Two lines against the growth of second-hand e-commerce GMV: the change "
                      "in national retail sales the elasticity implies, and the extra "
                      "second-hand GMV itself, both in billion yuan; menus choose the "
                      "elasticity and the market-size series, and the diamond marks this "
                      "page's scenario."),
        data=grid)
