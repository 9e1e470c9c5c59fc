"""Chapter 04 (second-hand e-commerce): the values the chapter records for its checks
(Computed): market estimates, offline trade, stages, the scenario."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ...core.arithmetic import implied_earlier
from ...core.charts import tooltip
from ...core.i18n import N_, _, is_chinese
from ...core.ledger import Claim, Computed
from ...core.numbers import fmt_amount, fmt_number
from .analysis import _stage_name, count_distinct, implied_previous_range, timeline
from .model import (
    ARTICLE,
    BAR_HEIGHT,
    EVERBRIGHT_LAUNCH,
    MONEY_UNIT,
    PER_BILLION,
    PER_TRILLION,
)

CRGTA_TOTAL, CRGTA_ONLINE = "crgta-total", "crgta-ecommerce"


def _estimate(market: pd.DataFrame, series: str, year: int) -> pd.Series:
    rows = market.loc[(market["series"] == series) & (market["year"] == year)
                      & ~market["period"].astype(str).str.contains("H")]
    if rows.empty:
        raise ValueError(f"market_size has no full-year {series!r} estimate for {year}")
    return rows.iloc[0]


def crgta_latest_year(market: pd.DataFrame) -> int:
    """The latest year for which CRGTA gives both its total and its e-commerce figure."""
    years = (set(market.loc[market["series"] == CRGTA_TOTAL, "year"])
             & set(market.loc[market["series"] == CRGTA_ONLINE, "year"]))
    if not years:
        raise ValueError("market_size has no year with both CRGTA series")
    return int(max(years))


@dataclass(frozen=True)
class Offline:
    """The article's offline figures (CRGTA, year not stated) beside CRGTA's published
    totals. Money in 亿元."""

    value: float
    growth_pct: float
    previous: float
    previous_low: float
    previous_high: float
    year: int
    crgta_total: float
    crgta_online: float
    source_id: str
    location: str
    claim_location: str

    @property
    def non_online(self) -> float:
        return self.crgta_total - self.crgta_online

    def computed(self) -> list[Computed]:
        return [
            Computed(
                f"crgta-non-online-{self.year}", self.non_online, MONEY_UNIT,
                _("CRGTA's {year} total for second-hand goods less its {year} e-commerce "
                  "figure: a residual of another scope, not an offline figure CRGTA "
                  "published").format(year=self.year),
                source_id=self.source_id, location=self.location, period=str(self.year)),
            Computed(
                "offline-previous-implied", self.previous, MONEY_UNIT,
                _("Previous year's offline value implied by the article's own level and growth "
                  "(from {low} to {high} with their rounding): arithmetic on the claim's "
                  "figures").format(low=_amount_100m(self.previous_low),
                                    high=_amount_100m(self.previous_high)),
                source_id=ARTICLE, location=self.claim_location),
        ]

    def glue_values(self) -> dict[str, float | str]:
        values: dict[str, float | str] = {
            "prev_level": self.previous, "prev_low": self.previous_low,
            "prev_high": self.previous_high, "crgta_nononline": self.non_online,
            "crgta_ratio": self.non_online / self.value,
            "crgta_total_tn": self.crgta_total / PER_TRILLION,
            "crgta_online_bn": self.crgta_online / PER_BILLION,
            "rep_offline_bn": self.value / PER_BILLION, "crgta_year": self.year,
        }
        if is_chinese():  # the billions again, as Chinese prose writes them: 亿元 (text)
            values.update(crgta_online_yi=fmt_amount(self.crgta_online, MONEY_UNIT),
                          rep_offline_yi=fmt_amount(self.value, MONEY_UNIT),
                          crgta_total_yi=fmt_amount(self.crgta_total, MONEY_UNIT))
        return values


def _amount_100m(value: float) -> str:
    """An amount in 亿元 as the book writes it: the bare number in English (the unit is
    the claim's), 亿元 in Chinese."""
    return fmt_amount(value, MONEY_UNIT) if is_chinese() else fmt_number(value)


def offline(value: Claim, growth: Claim, market: pd.DataFrame) -> Offline:
    """The previous level the article's two offline claims imply (with the rounding
    their tolerances allow), and CRGTA's latest total and e-commerce figures."""
    level, rate = value.reported_value, growth.reported_value
    low, high = implied_previous_range(level, rate, value.tolerance, growth.tolerance)
    year = crgta_latest_year(market)
    total, online = _estimate(market, CRGTA_TOTAL, year), _estimate(market, CRGTA_ONLINE, year)
    return Offline(value=level, growth_pct=rate, previous=implied_earlier(level, rate),
                   previous_low=low, previous_high=high, year=year,
                   crgta_total=float(total["value_100m_yuan"]),
                   crgta_online=float(online["value_100m_yuan"]),
                   source_id=str(total["source_id"]), location=str(total["location"]),
                   claim_location=value.location)


def article_stages(stages: pd.DataFrame) -> pd.DataFrame:
    """The article's stages, in order."""
    return (stages[stages["source_id"] == ARTICLE].sort_values("start_year")
            .reset_index(drop=True))


#: Short keys of the stages, for ``computed/everbright-<key>-start`` and ``-end``.
STAGE_KEYS = {"exploration": "exploration", "market launch": "launch",
              "rapid development": "rapid"}


def everbright_stages(stages: pd.DataFrame) -> pd.DataFrame:
    """Everbright Securities' stages (its application of Analysys's AMC model), in order."""
    eb = stages[stages["stage_id"].astype(str).str.startswith("everbright-")]
    return eb.sort_values("start_year").reset_index(drop=True)


def stage_computed(stages: pd.DataFrame) -> list[Computed]:
    """Everbright's start and end year of each stage it dates (independent of the
    article's text, and most likely where its years come from), the number of stages
    Everbright dates, and the number of stages the article's own list names (which
    cannot confirm itself)."""
    eb = everbright_stages(stages)
    art = article_stages(stages)
    values: list[Computed] = []
    for row in eb.itertuples():
        key = STAGE_KEYS[str(row.stage)]
        for edge, year in (("start", row.start_year), ("end", row.end_year)):
            if pd.isna(year):
                continue
            label = (_("Start of the {stage} stage ({stage_zh}) in Everbright Securities' "
                       "stage scheme (Analysys AMC model)") if edge == "start" else
                     _("End of the {stage} stage ({stage_zh}) in Everbright Securities' "
                       "stage scheme (Analysys AMC model)"))
            values.append(Computed(
                f"everbright-{key}-{edge}", float(year), "year",
                label.format(stage=_stage_name(row), stage_zh=row.stage_zh),
                source_id=str(row.source_id), location=str(row.location)))
    values.append(Computed(
        "everbright-stage-count", float(count_distinct(list(eb["stage"]))), "stages",
        _("Stages Everbright Securities dates in its scheme (the first three of the four "
          "stages of Analysys's AMC model; the fourth, application maturity, is not dated)"),
        source_id=str(eb["source_id"].iloc[0]), location=str(eb["location"].iloc[0])))
    values.append(Computed(
        "article-stage-count", float(count_distinct(list(art["stage"]))), "stages",
        _("Stages in the article's own list"), source_id=ARTICLE,
        location=str(art["location"].iloc[0])))
    return values


def stage_values(stages: pd.DataFrame) -> dict[str, int]:
    """Start and end years of the article's stages (s1, e1, ...), Everbright's
    market-launch start, and how many of the article's years Everbright's scheme gives
    (eb_matched of eb_compared), for prose."""
    values: dict[str, int] = {}
    for number, row in enumerate(article_stages(stages).itertuples(), start=1):
        values[f"s{number}"] = int(row.start_year)
        values[f"e{number}"] = int(row.end_year)
    values["eb_start"] = int(stages.set_index("stage_id").loc[EVERBRIGHT_LAUNCH, "start_year"])
    values["eb_matched"], values["eb_compared"] = stage_matches(stages)
    return values


def stage_figure(stages: pd.DataFrame) -> dict[str, Any]:
    """The stage timeline chart, as keyword arguments for ``Chapter.figure``."""
    art = article_stages(stages)
    eb_start = stage_values(stages)["eb_start"]
    bars = timeline(stages)
    bars["who"] = bars["source_id"].map({ARTICLE: _("中国经营报 (article)")}).fillna(
        _("Everbright / Analysys"))
    bars["end_label"] = bars["end_year"].astype("string").fillna(_("not stated"))
    stage_order = list(art["stage"])
    if is_chinese():
        bars["stage"] = [_stage_name(r) for r in bars.itertuples()]
        stage_order = [_stage_name(r) for r in art.itertuples()]
    bars = bars[["stage", "stage_zh", "who", "start_year", "end_label", "bar_start", "bar_end",
                 "end_known"]]
    first, last = int(bars["bar_start"].min()), int(bars["bar_end"].max())
    chart = alt.Chart(bars).mark_bar(height=BAR_HEIGHT).encode(
        x=alt.X("bar_start:Q", title=_("Year"), scale=alt.Scale(domain=[first - 2, last + 2]),
                axis=alt.Axis(format="d")),
        x2=alt.X2("bar_end:Q", title=_("Year")),
        y=alt.Y("who:N", title=_("Source")),
        color=alt.Color("stage:N", title=_("Stage"), sort=stage_order),
        opacity=alt.Opacity("end_known:N", title=_("End year stated"), legend=None),
        tooltip=[tooltip("who:N", N_("Source")), tooltip("stage:N", N_("Stage")),
                 tooltip("stage_zh:N", N_("Stage (Chinese)")),
                 tooltip("start_year:Q", N_("Start year"), format="d"),
                 tooltip("end_label:N", N_("End year"))])
    matched, compared = stage_matches(stages)
    eb = everbright_stages(stages)
    eb_year = int(eb["start_year"].min())
    if compared and matched == compared:
        title = _("All {compared} of the article's stage years are those of Everbright's "
                  "{first}-{last} scheme (Analysys model)").format(
            compared=compared, first=eb_year, last=int(eb["end_year"].max()))
    else:
        title = _("{matched} of the article's {compared} stage years match Everbright's scheme "
                  "(Analysys model)").format(matched=matched, compared=compared)
    span = _("{stage} stage {start}-{end}")
    return dict(
        chart=chart, chart_id="stage-timeline", title=title,
        source=_("中国经营报, April 2025; Everbright Securities (Analysys AMC model), report of "
                 "2021-11-24, read in republished copies"),
        description=_("Timeline bars: the article's {article}; below, Everbright's {everbright} "
                      "(market launch from {launch}).").format(
            article=_(", ").join(span.format(stage=_stage_name(r),
                                             start=int(r.start_year), end=int(r.end_year))
                                 for r in art.itertuples()),
            everbright=_(", ").join(span.format(
                stage=_stage_name(r), start=int(r.start_year),
                end="?" if pd.isna(r.end_year) else f"{int(r.end_year)}")
                for r in eb.itertuples()),
            launch=eb_start),
        data=bars)


def stage_matches(stages: pd.DataFrame) -> tuple[int, int]:
    """How many of the article's start and end years Everbright's scheme gives for the
    same stage, out of how many it dates at all."""
    art = article_stages(stages).set_index("stage")
    eb = everbright_stages(stages).set_index("stage")
    matched = compared = 0
    for stage in art.index.intersection(eb.index):
        for column in ("start_year", "end_year"):
            if pd.isna(eb.loc[stage, column]):
                continue
            compared += 1
            matched += int(eb.loc[stage, column]) == int(art.loc[stage, column])
    return matched, compared
