"""Second-hand e-commerce and consumption (chapter 04-second-hand).

The CASS / China Market Society report (April 2025) says that a 1 % rise in a
city's idle second-hand e-commerce transaction value (GMV) goes with a 0.1 %
rise in total retail sales of consumer goods. This module turns that elasticity
into yuan with national retail sales from the National Bureau of Statistics
(NBS), and holds the small pieces of arithmetic the chapter shows: a previous
year's level implied by a growth rate (and its inverse, growth between two
levels), lower bounds of cohort shares, the share of users an AI product reaches,
and the development-stage timeline.

How each claim is judged is data (``data/second-hand/checks.csv``). The values
those checks reference are built here as :class:`~claimsbook.core.ledger.Computed`
with a label written from the data (:meth:`Offline.computed`,
:func:`stage_computed`); the chapter records them before it shows the cards. The
chart builders return keyword arguments for ``Chapter.figure``, with titles and
descriptions written from the computed values.

Units: money in 100 million yuan (亿元, the unit NBS publishes) unless a name
says otherwise; growth rates and shares in percent.

The scenario in formulas, with elasticity ``e``, GMV growth ``g`` (%), retail
sales ``R`` and second-hand GMV ``G`` of the base year:

* linear reading (what "1 % → 0.1 %" says): retail growth = ``e * g`` %;
* constant-elasticity reading: retail growth = ``((1 + g/100) ** e - 1) * 100`` %;
* retail change (linear) = ``R * e * g / 100``; extra GMV = ``G * g / 100``;
* retail sales per extra yuan of GMV = ``e * R / G`` (independent of ``g``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ..core import params
from ..core.arithmetic import growth_pct, implied_earlier
from ..core.i18n import N_, _, data_text, is_chinese
from ..core.ledger import Claim, Computed
from ..core.numbers import fmt_amount, fmt_number
from ..core.params import ParameterError

#: Years for which the book records NBS retail sales (data/second-hand/retail_sales.csv).
RETAIL_YEARS: tuple[int, ...] = tuple(range(2015, 2025))
#: Market-size series the scenario can use as its denominator (see market_size.csv).
MARKET_SERIES: tuple[str, ...] = (
    "crgta-ecommerce", "iimedia", "100ec", "crgta-total", "tsinghua-fs", "mobdata"
)
#: Largest elasticity the calculator accepts: above 1 retail sales (80 times the
#: size of the second-hand market) would grow faster than second-hand GMV itself.
MAX_ELASTICITY = 1.0
MAX_GROWTH_PCT = 1000.0


def _tip(shorthand: str, title: str, **kwargs: Any) -> str | alt.Tooltip:
    """A tooltip field: in English as before (the field's own name shows, or
    ``kwargs``' title), in Chinese titled with the translation of ``title``."""
    if is_chinese():
        return alt.Tooltip(shorthand, **{**kwargs, "title": _(title)})
    return alt.Tooltip(shorthand, **kwargs) if kwargs else shorthand


def _fail(name: str, value: object, allowed: str) -> ParameterError:
    return ParameterError(f"parameter {name!r} = {value!r} is not allowed: expected {allowed}")


@dataclass(frozen=True)
class GrowthPct:
    """A growth rate in percent strictly above -100 (a fall of 100 % or more leaves
    nothing to grow from) and at most ``maximum``."""

    maximum: float = MAX_GROWTH_PCT

    def __call__(self, name: str, value: Any) -> float:
        allowed = f"a growth rate in % greater than -100 and at most {self.maximum:g}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(name, value, allowed)
        if not math.isfinite(value) or not -100 < value <= self.maximum:
            raise _fail(name, value, allowed)
        return float(value)


@dataclass(frozen=True)
class YearIn:
    """A calendar year (integer) out of a fixed set."""

    allowed: tuple[int, ...]

    def __call__(self, name: str, value: Any) -> int:
        listing = f"one of the years with NBS retail sales: {', '.join(map(str, self.allowed))}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(name, value, listing)
        if value != int(value) or int(value) not in self.allowed:
            raise _fail(name, value, listing)
        return int(value)


PARAMETERS: params.Spec = {
    "gmv_growth_pct": GrowthPct(),
    "elasticity": params.Number(0.0, MAX_ELASTICITY),
    "base_year": YearIn(RETAIL_YEARS),
    "market_series": params.OneOf(MARKET_SERIES),
}


# --- elasticity scenario ------------------------------------------------------


def validate_scenario(elasticity: float, gmv_growth_pct: float) -> None:
    """Raise :class:`ParameterError` (a ValueError) for inputs the scenario cannot use."""
    params.Number(0.0, MAX_ELASTICITY)("elasticity", elasticity)
    GrowthPct()("gmv_growth_pct", gmv_growth_pct)


def retail_growth_pct(elasticity: float, gmv_growth_pct: float, *, exact: bool = False) -> float:
    """Retail-sales growth (%) implied by GMV growth ``gmv_growth_pct`` (%).

    ``exact=False`` is the linear reading ``e * g``; ``exact=True`` the
    constant-elasticity reading ``(1 + g/100) ** e - 1``."""
    validate_scenario(elasticity, gmv_growth_pct)
    if exact:
        return ((1 + gmv_growth_pct / 100) ** elasticity - 1) * 100
    return elasticity * gmv_growth_pct


def retail_change(
    retail_sales: float, elasticity: float, gmv_growth_pct: float, *, exact: bool = False
) -> float:
    """Change in retail sales, in the unit of ``retail_sales``."""
    if retail_sales < 0:
        raise ValueError(f"retail_sales = {retail_sales!r} must be >= 0")
    return retail_sales * retail_growth_pct(elasticity, gmv_growth_pct, exact=exact) / 100


def retail_per_extra_yuan(elasticity: float, retail_sales: float, market_size: float) -> float:
    """Yuan of retail sales that go with one extra yuan of second-hand GMV when the
    elasticity is applied to national totals: ``e * R / G`` (marginal, linear)."""
    validate_scenario(elasticity, 0.0)
    if market_size <= 0:
        raise ValueError(f"market_size = {market_size!r} must be > 0")
    return elasticity * retail_sales / market_size


def retail_sales_for(retail: pd.DataFrame, base_year: int) -> float:
    """NBS retail sales (亿元) of ``base_year``; ParameterError for a year not in the table."""
    years = tuple(int(y) for y in retail["year"])
    YearIn(years)("base_year", base_year)
    row = retail.loc[retail["year"] == base_year]
    return float(row["value_100m_yuan"].iloc[0])


def pick_market_estimate(market: pd.DataFrame, series: str, year: int) -> pd.Series:
    """The full-year estimate of ``series`` closest to ``year`` (an estimate before a
    forecast, then the earlier year on a tie). Half-year figures are never used."""
    params.OneOf(tuple(sorted(set(market["series"]))))("market_series", series)
    rows = market.loc[(market["series"] == series) & ~market["period"].str.contains("H")]
    if rows.empty:
        raise ValueError(f"series {series!r} has no full-year estimate")
    ranked = rows.assign(
        _gap=(rows["year"] - year).abs(), _fc=(rows["kind"] == "forecast").astype(int)
    ).sort_values(["_gap", "_fc", "year"])
    return ranked.drop(columns=["_gap", "_fc"]).iloc[0]


@dataclass(frozen=True)
class Scenario:
    """The elasticity scenario in numbers (money in 亿元)."""

    base_year: int
    elasticity: float
    gmv_growth_pct: float
    retail_sales: float
    retail_growth_pct: float
    retail_growth_pct_exact: float
    retail_change: float
    market_series: str
    market_year: int
    market_size: float
    extra_gmv: float
    retail_per_extra_yuan: float

    def table(self) -> pd.DataFrame:
        """The scenario's inputs and results as a two-column table for display."""
        rows = [
            (_("Base year (NBS retail sales)"), str(self.base_year), _("year")),
            (_("Retail sales of consumer goods"), self.retail_sales, "亿元"),
            (_("Elasticity assumed"), self.elasticity, _("% per 1 %")),
            (_("Second-hand GMV growth assumed"), self.gmv_growth_pct, "%"),
            (_("Retail-sales growth (linear)"), self.retail_growth_pct, "%"),
            (_("Retail-sales growth (constant elasticity)"), self.retail_growth_pct_exact, "%"),
            (_("Retail-sales change (linear)"), self.retail_change, "亿元"),
            (_("Second-hand market ({series}, {year})").format(series=self.market_series,
                                                               year=self.market_year),
             self.market_size, "亿元"),
            (_("Extra second-hand GMV"), self.extra_gmv, "亿元"),
            (_("Retail sales per extra yuan of GMV"), self.retail_per_extra_yuan, _("yuan")),
        ]
        return pd.DataFrame(rows, columns=["quantity", "value", "unit"])


def scenario(
    retail: pd.DataFrame,
    market: pd.DataFrame,
    *,
    gmv_growth_pct: float,
    elasticity: float,
    base_year: int,
    market_series: str,
) -> Scenario:
    """Apply the elasticity nationally: NBS retail sales of ``base_year`` and the
    ``market_series`` estimate closest to that year."""
    validate_scenario(elasticity, gmv_growth_pct)
    sales = retail_sales_for(retail, base_year)
    estimate = pick_market_estimate(market, market_series, base_year)
    size = float(estimate["value_100m_yuan"])
    return Scenario(
        base_year=base_year,
        elasticity=elasticity,
        gmv_growth_pct=gmv_growth_pct,
        retail_sales=sales,
        retail_growth_pct=retail_growth_pct(elasticity, gmv_growth_pct),
        retail_growth_pct_exact=retail_growth_pct(elasticity, gmv_growth_pct, exact=True),
        retail_change=retail_change(sales, elasticity, gmv_growth_pct),
        market_series=market_series,
        market_year=int(estimate["year"]),
        market_size=size,
        extra_gmv=size * gmv_growth_pct / 100,
        retail_per_extra_yuan=retail_per_extra_yuan(elasticity, sales, size),
    )


def sensitivity(
    retail_sales: float, elasticities: Iterable[float], growths: Iterable[float]
) -> pd.DataFrame:
    """Retail-sales change (亿元, linear) for each elasticity × GMV growth pair: a
    tidy table with columns elasticity, gmv_growth_pct, retail_growth_pct,
    retail_change_100m_yuan."""
    rows = [
        {
            "elasticity": e,
            "gmv_growth_pct": g,
            "retail_growth_pct": retail_growth_pct(e, g),
            "retail_change_100m_yuan": retail_change(retail_sales, e, g),
        }
        for e in elasticities
        for g in growths
    ]
    return pd.DataFrame(rows)


def per_yuan_by_series(
    retail: pd.DataFrame, market: pd.DataFrame, elasticity: float, base_year: int
) -> pd.DataFrame:
    """Retail sales per extra yuan of GMV with each market series as denominator."""
    sales = retail_sales_for(retail, base_year)
    rows = []
    for series in sorted(set(market["series"])):
        est = pick_market_estimate(market, series, base_year)
        rows.append(
            {
                "series": series,
                "comparable_group": _word(SCOPE_WORDS, est["comparable_group"]),
                "market_year": int(est["year"]),
                "kind": _word(ESTIMATE_KINDS, est["kind"]),
                "market_size_100m_yuan": float(est["value_100m_yuan"]),
                "retail_per_extra_yuan": retail_per_extra_yuan(
                    elasticity, sales, float(est["value_100m_yuan"])
                ),
            }
        )
    return pd.DataFrame(rows)


# --- retail sales consistency ----------------------------------------------------


_MONEY_UNITS_100M_YUAN = {"trillion yuan": 1e4, "billion yuan": 10.0, "亿元": 1.0}


def half_unit_100m_yuan(reported_as: str) -> float:
    """Half a unit of the last digit a copy prints, in 亿元: the most its rounding can
    move the level. "38.1 trillion yuan" -> 500; "41,164.9 billion yuan" -> 0.5;
    "332,316 亿元" -> 0.5. ValueError for a form it does not know."""
    match = re.fullmatch(r"\s*([\d,]+)(?:\.(\d+))?\s*(trillion yuan|billion yuan|亿元)\s*",
                         str(reported_as))
    if match is None:
        raise ValueError(f"reported_as = {reported_as!r}: expected a number followed by one of "
                         f"{list(_MONEY_UNITS_100M_YUAN)}")
    decimals = len(match.group(2) or "")
    return 0.5 * 10.0 ** -decimals * _MONEY_UNITS_100M_YUAN[match.group(3)]


def growth_check(retail: pd.DataFrame) -> pd.DataFrame:
    """Published growth against the ratio of consecutive published levels (both in
    %). They differ where NBS revised a level (e.g. 2019) or a copy rounded it.

    With a ``reported_as`` column, ``rounding_pp`` bounds how much the rounding of
    the two copies can move the ratio: ``100 * (h / P + L * h_prev / P**2)`` for level
    ``L`` and previous level ``P`` rounded by half-units ``h`` and ``h_prev``."""
    keep = ["year", "value_100m_yuan", "growth_pct"]
    keep += ["reported_as"] if "reported_as" in retail else []
    frame = retail.sort_values("year")[keep].copy()
    previous = frame["value_100m_yuan"].shift(1)
    consecutive = frame["year"].diff() == 1
    frame["ratio_growth_pct"] = growth_pct(frame["value_100m_yuan"], previous).where(consecutive)
    frame["difference_pp"] = frame["ratio_growth_pct"] - frame["growth_pct"]
    if "reported_as" in frame:
        half = frame["reported_as"].map(half_unit_100m_yuan)
        bound = 100 * (half / previous + frame["value_100m_yuan"] * half.shift(1) / previous**2)
        frame["rounding_pp"] = bound.where(consecutive)
        frame = frame.drop(columns="reported_as")
    return frame.reset_index(drop=True)


# --- growth arithmetic ---------------------------------------------------------
# growth_pct and implied_earlier come from core.arithmetic, shared with chapter 03.


def implied_previous_range(
    level: float, growth_pct: float, level_tol: float, growth_tol: float
) -> tuple[float, float]:
    """Lowest and highest previous level consistent with the rounding of both
    figures (level ± level_tol, growth ± growth_tol)."""
    low = implied_earlier(level - level_tol, growth_pct + growth_tol)
    high = implied_earlier(level + level_tol, growth_pct - growth_tol)
    return low, high


# --- shares ----------------------------------------------------------------------


def share_pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``."""
    if whole <= 0:
        raise ValueError(f"whole = {whole!r} must be > 0")
    if part < 0:
        raise ValueError(f"part = {part!r} must be >= 0")
    return 100 * part / whole


@dataclass(frozen=True)
class CohortBounds:
    """What "more than x %" statements about cohorts allow.

    ``lower`` maps each cohort to its stated lower bound. When the cohorts do not
    overlap (``nested=False``), their combined share is at least the sum of the
    bounds and each cohort is at most 100 % minus the others' bounds; when one
    contains the other (``nested=True``) the combined share is at least the larger
    bound and each is at most 100 %."""

    lower: Mapping[str, float]
    nested: bool = False

    def __post_init__(self) -> None:
        for name, value in self.lower.items():
            if not 0 <= value <= 100:
                raise ValueError(f"share of {name!r} = {value!r} must be within 0-100 %")
        if not self.nested and sum(self.lower.values()) > 100:
            raise ValueError(
                f"lower bounds {dict(self.lower)} add up to more than 100 % for disjoint cohorts"
            )

    def combined_lower(self) -> float:
        values = list(self.lower.values())
        return max(values) if self.nested else sum(values)

    def upper(self, cohort: str) -> float:
        if self.nested:
            return 100.0
        return 100.0 - sum(v for k, v in self.lower.items() if k != cohort)

    def table(self) -> pd.DataFrame:
        """One row per cohort: lower bound, upper bound, width of the unknown range."""
        rows = [
            {"cohort": c, "lower_pct": lo, "upper_pct": self.upper(c),
             "unknown_pp": self.upper(c) - lo}
            for c, lo in self.lower.items()
        ]
        return pd.DataFrame(rows)


# --- stages ---------------------------------------------------------------------


def stage_gaps(stages: pd.DataFrame) -> pd.DataFrame:
    """For stages sorted by start year: the gap in years between one stage's end and
    the next one's start (1 = contiguous, >1 = a gap, <1 = an overlap)."""
    frame = stages.sort_values("start_year").reset_index(drop=True)
    rows = []
    for before, after in zip(frame.itertuples(), frame.iloc[1:].itertuples(), strict=False):
        rows.append(
            {
                "from_stage": _stage_name(before),
                "to_stage": _stage_name(after),
                "end_year": int(before.end_year),
                "next_start_year": int(after.start_year),
                "gap_years": int(after.start_year) - int(before.end_year),
            }
        )
    return pd.DataFrame(rows)


def _stage_name(row: Any) -> str:
    """A stage's name in the reader's language (in Chinese the table's own stage_zh)."""
    if is_chinese() and isinstance(getattr(row, "stage_zh", None), str) and row.stage_zh:
        return str(row.stage_zh)
    return data_text(str(row.stage))


def timeline(stages: pd.DataFrame) -> pd.DataFrame:
    """Stages as bars for a chart: a stage from ``start`` to ``end`` covers
    ``[start, end + 1)`` so that adjacent stages touch; an unknown end is drawn to
    the start year + 1 and flagged."""
    frame = stages.copy()
    frame["end_known"] = frame["end_year"].notna()
    end = frame["end_year"].fillna(frame["start_year"]).astype(int)
    frame["bar_start"] = frame["start_year"].astype(int)
    frame["bar_end"] = end + 1
    frame["years"] = frame["bar_end"] - frame["bar_start"]
    return frame


def count_distinct(values: Sequence[object]) -> int:
    """How many distinct items a list names."""
    return len(set(values))


# The headers ``core.chapter.table`` gives the columns of this chapter's tables (scenario,
# retail per extra yuan, growth check, stage gaps, platforms), marked for the catalog.
TABLE_HEADERS = (
    N_("Quantity"), N_("Value"), N_("Unit"), N_("Series"), N_("Comparable group"),
    N_("Market year"), N_("Kind"), N_("Market size 100m yuan"), N_("Retail per extra yuan"),
    N_("Year"), N_("Value 100m yuan"), N_("Growth %"), N_("Ratio growth %"),
    N_("Difference pp"), N_("Rounding pp"), N_("Copy"), N_("Source id"), N_("From stage"),
    N_("To stage"), N_("End year"), N_("Next start year"), N_("Gap years"), N_("Platform"),
    N_("Market"), N_("Model"), N_("Metric"), N_("Currency"), N_("Period"))


# --- values the checks reference (data/second-hand/checks.csv) --------------------
# Each is a Computed: what it measures is written here from the data, never typed.

#: 1 billion yuan and 1 trillion yuan in 亿元 (100 million yuan).
PER_BILLION = 10.0
PER_TRILLION = 1e4
#: The unit data/claims.csv gives money in for this chapter.
MONEY_UNIT = "100 million yuan"
ARTICLE = "zgjyb-2025-04"
EVERBRIGHT_LAUNCH = "everbright-launch"
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
        tooltip=[_tip("who:N", N_("Source")), _tip("stage:N", N_("Stage")),
                 _tip("stage_zh:N", N_("Stage (Chinese)")),
                 _tip("start_year:Q", N_("Start year"), format="d"),
                 _tip("end_label:N", N_("End year"))])
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


# --- scenario: values for prose and the sensitivity chart ---------------------------

#: Elasticities and GMV growth rates (%) of the sensitivity chart; the page's own
#: elasticity is added to the first.
SENSITIVITY_ELASTICITIES: tuple[float, ...] = (0.05, 0.1, 0.2)
SENSITIVITY_GROWTHS_PCT: tuple[float, ...] = (-20, -10, 0, 10, 20, 30, 50)
BAR_HEIGHT = 22
MARKER_SIZE = 180


def scenario_values(scen: Scenario, estimate: pd.Series) -> dict[str, Any]:
    """The scenario's numbers for prose, in trillion and billion yuan."""
    projected = "projected" in str(estimate.get("note", ""))
    return {
        "gmv_growth_pct": scen.gmv_growth_pct, "elasticity": scen.elasticity,
        "base_year": scen.base_year, "retail_tn": scen.retail_sales / PER_TRILLION,
        "market_label": _("{producer}, {scope}").format(
            producer=estimate["producer"], scope=data_text(str(estimate["scope"]))),
        "market_bn": scen.market_size / PER_BILLION, "market_year": scen.market_year,
        "market_caveat": (_(" (a figure the article reporting it, `{source_id}`, "
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
            "max_gap_reported_as": str(retail.set_index("year").loc[year, "reported_as"])}


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
        ctx["producer"] = ctx["producer"].map(lambda v: _word(PRODUCER_NAMES, v))
    # Translators: the Chinese chart counts in 亿元: say 亿元 wherever this says billion yuan.
    y = alt.Y("value_bn_yuan:Q", title=_("Market size (billion yuan)"))
    dots = alt.Chart(ctx).mark_line(point=True).encode(
        x=alt.X("year:Q", title=_("Year"), scale=alt.Scale(domain=[first - 1, last + 1]),
                axis=alt.Axis(format="d")),
        y=y, color=alt.Color("series:N", title=_("Series")),
        strokeDash=alt.StrokeDash("comparable_group:N", title=_("Scope")),
        shape=alt.Shape("point:N", title=_("Kind")), detail="point:N",
        tooltip=[_tip("producer:N", N_("Producer")), _tip("comparable_group:N", N_("Scope")),
                 _tip("period:N", N_("Period")), _tip("point:N", N_("Kind")),
                 alt.Tooltip("value_bn_yuan:Q", title=_("Billion yuan"), format=",.1f"),
                 _tip("source_id:N", N_("Source"))])
    rule = alt.Chart(rule_data).mark_rule(strokeDash=[4, 4], color="black").encode(
        y=y, tooltip=[_tip("label:N", N_("Marker")),
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


# Words of the market-size table's kind and comparable_group columns.
ESTIMATE_KINDS = {"estimate": N_("estimate"), "forecast": N_("forecast")}
# Producers the market-size table names in English only.
PRODUCER_NAMES = {"Tsinghua IEEE and Frost & Sullivan": N_("Tsinghua IEEE and Frost & Sullivan")}
SCOPE_WORDS = {"online": N_("online"), "whole market": N_("whole market"),
               "including used cars": N_("including used cars")}


def _word(words: Mapping[str, str], value: object) -> str:
    return _(words[str(value)]) if str(value) in words else str(value)


# --- Xianyu ------------------------------------------------------------------------

DAYS_PER_MONTH = 365.25 / 12
USER_METRICS = ("registered users", "user accounts", "monthly active users", "daily active users")
# Translators: the age cohorts born 1995-99 and 2000-09.
POST95, POST00 = N_("post-95s (95后)"), N_("post-00s (00后)")


def months_between(start: str, end: str) -> float:
    """Months from ``start`` to ``end`` (``YYYY-MM`` or dates), on average month lengths."""
    return (pd.Timestamp(end) - pd.Timestamp(start)).days / DAYS_PER_MONTH


def xianyu_values(xianyu: pd.DataFrame, ai_users: float) -> dict[str, float]:
    """Xianyu's user counts over time and the share the AI claim is of them, for prose.
    ``xianyu`` is indexed by figure_id; ``ai_users`` is the article's AI figure."""
    then, now = xianyu.loc["users-2023-05"], xianyu.loc["users-2025-03"]
    months = months_between(str(then["date"]), str(now["date"]))
    users_then, users_now = float(then["value"]), float(now["value"])
    mau = float(xianyu.loc["mau-2024-04", "value"])
    return {"months_gap": months, "users_then": users_then, "users_now": users_now,
            "users_per_month": (users_now - users_then) / months,
            "listings_then": float(xianyu.loc["listings-2024-04", "value"]),
            "dau": float(xianyu.loc["dau-2023", "value"]), "mau": mau,
            "ai_users_later": float(xianyu.loc["ai-users-2025-11", "value"]),
            "ai_share": share_pct(ai_users, users_now), "ai_share_mau": share_pct(ai_users, mau)}


def users_figure(xianyu: pd.DataFrame) -> dict[str, Any]:
    """Xianyu's user counts by date and measure (``xianyu`` indexed by figure_id)."""
    users = xianyu.reset_index()
    users = users[users["metric"].isin(USER_METRICS)]
    users = users.assign(bound=users["comparison"].map({">": _("more than (lower bound)"),
                                                        "=": _("about")}))[
        ["figure_id", "metric", "value", "comparison", "bound", "date", "source_id"]]
    if is_chinese():
        users["metric"] = users["metric"].map(lambda v: data_text(str(v)))
    chart = alt.Chart(users).mark_point(filled=True, size=MARKER_SIZE).encode(
        x=alt.X("date:T", title=_("Date")), y=alt.Y("value:Q", title=_("Users (million)")),
        color=alt.Color("metric:N", title=_("Measure")),
        shape=alt.Shape("bound:N", title=_("Stated as")),
        tooltip=[_tip("metric:N", N_("Measure")), _tip("date:N", N_("Date")),
                 alt.Tooltip("value:Q", title=_("Million")), _tip("bound:N", N_("Stated as")),
                 _tip("source_id:N", N_("Source"))])
    registered = float(xianyu.loc["users-2025-03", "value"])
    mau = float(xianyu.loc["mau-2024-04", "value"])
    if is_chinese():
        listing = "；".join(
            _("{metric} {value} million{more} ({date})").format(
                metric=r.metric, value=fmt_amount(r.value, "million"), date=r.date,
                more=_(" or more") if r.comparison == ">" else "")
            for r in users.itertuples())
    else:
        listing = "; ".join(f"{r.metric} {fmt_number(r.value)} million"
                            f"{' or more' if r.comparison == '>' else ''} ({r.date})"
                            for r in users.itertuples())
    registered_text = (fmt_amount(registered, "million") if is_chinese()
                       else fmt_number(registered))
    return dict(
        chart=chart, chart_id="xianyu-users",
        title=_("Xianyu's registered users passed {registered} million; its monthly "
                "actives, counted a year earlier, were {share:.0f} % of that "
                "number").format(registered=registered_text, share=share_pct(mau, registered)),
        source=_("中国市场监管报 2025-03-25; China Daily via Hangzhou 2024-03-08; QuestMobile via "
                 "information.bz 2024-08-05"),
        description=_("Xianyu user counts by date, in millions: {listing}.").format(
            listing=listing),
        data=users)


def cohort_bounds(post95: float, post00: float) -> tuple[CohortBounds, CohortBounds]:
    """The two readings of the age floors: disjoint cohorts, and 95后 containing 00后."""
    floors = {POST95: post95, POST00: post00}
    return CohortBounds(floors), CohortBounds(floors, nested=True)


def cohort_values(post95: float, post00: float, xianyu: pd.DataFrame) -> dict[str, Any]:
    """Floors, ceilings and the other age shares Xianyu released, for prose."""
    disjoint, nested = cohort_bounds(post95, post00)
    together = float(xianyu.loc["post95-00-2025-12", "value"])
    return {"combined": disjoint.combined_lower(), "nested_floor": nested.combined_lower(),
            "upper95": disjoint.upper(POST95), "upper00": disjoint.upper(POST00),
            "post95_dau": float(xianyu.loc["post95-dau-2023", "value"]),
            "post95_cd": float(xianyu.loc["post95-2025", "value"]),
            "post95_2024": float(xianyu.loc["post95-2024-04", "value"]),
            "post00_2024": float(xianyu.loc["post00-2024-04", "value"]),
            "post95_00": together,
            "post95_00_vs_floor": (_("above") if together > disjoint.combined_lower()
                                   else _("not above"))}


OTHER_AGE_SHARES = {
    "post95-dau-2023": POST95, "post95-2025": POST95, "post95-2024-04": POST95,
    "post00-2024-04": POST00,
}


def age_bounds_figure(post95: float, post00: float, xianyu: pd.DataFrame) -> dict[str, Any]:
    """The range each "more than" age share leaves open, with the other shares Xianyu
    released as diamonds."""
    disjoint, _nested = cohort_bounds(post95, post00)
    ranges = disjoint.table()
    others = pd.DataFrame([
        {"cohort": cohort, "value_pct": float(xianyu.loc[fid, "value"]),
         "what": _("{metric}, {date} ({source_id})").format(
             metric=data_text(str(xianyu.loc[fid, "metric"])), date=xianyu.loc[fid, "date"],
             source_id=xianyu.loc[fid, "source_id"])}
        for fid, cohort in OTHER_AGE_SHARES.items()])
    if is_chinese():
        ranges["cohort"] = ranges["cohort"].map(_)
        others["cohort"] = others["cohort"].map(_)
    x_title = _("Share of Xianyu users (%)")
    cohort_title = _("Cohort")
    base = alt.Chart(ranges)
    possible = base.mark_bar(opacity=0.25, color="#c8102e").encode(
        x=alt.X("lower_pct:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
        x2=alt.X2("upper_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[_tip("cohort:N", N_("Cohort")),
                 alt.Tooltip("lower_pct:Q", title=_("Stated floor (%)")),
                 alt.Tooltip("upper_pct:Q",
                             title=_("Highest possible if cohorts are disjoint (%)"))])
    floor = base.mark_bar(color="#c8102e").encode(
        x=alt.X("lower_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[_tip("cohort:N", N_("Cohort")),
                 alt.Tooltip("lower_pct:Q", title=_("Stated: more than (%)"))])
    dots = alt.Chart(others).mark_point(shape="diamond", size=MARKER_SIZE, filled=True,
                                        color="black").encode(
        x=alt.X("value_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[_tip("what:N", N_("Release")), alt.Tooltip("value_pct:Q", title="%")])
    plot_data = pd.concat([ranges.assign(kind="range"), others.assign(kind="other release")],
                          ignore_index=True)
    shown = _("; ").join(_("{what}: {value} %").format(what=r.what, value=fmt_number(r.value_pct))
                         for r in others.itertuples())
    return dict(
        chart=possible + floor + dots, chart_id="xianyu-age-bounds",
        title=_("'More than {post95:g} %' and 'more than {post00:g} %' are floors: the true "
                "shares can lie anywhere in the light bars").format(post95=post95,
                                                                   post00=post00),
        source=_("中国经营报 April 2025 (floors); People's Daily (Xinhua) 2024-04-09, "
                 "information.bz 2024-08-05 and China Daily 2025 (diamonds)"),
        description=_("Solid bars show the stated floors, {post95:g} % for post-95s and "
                      "{post00:g} % for post-00s; light bars extend to the highest share "
                      "possible if the cohorts do not overlap ({upper95:g} % and {upper00:g} %); "
                      "diamonds mark other shares Xianyu released: {shown}.").format(
            post95=post95, post00=post00, upper95=disjoint.upper(POST95),
            upper00=disjoint.upper(POST00), shown=shown),
        data=plot_data)


# --- summary -------------------------------------------------------------------------


def summary_values(summary: pd.DataFrame) -> dict[str, int]:
    """Distinct statements by headline (``Chapter.finish()``), for the closing prose."""
    counts = {str(h): int(n) for h, n in zip(summary["headline"], summary["claims"],
                                             strict=True)}
    return {"n_claims": sum(counts.values()),
            "n_holds": counts.get("holds", 0) + counts.get("roughly holds", 0),
            "n_faithful": counts.get("faithful, unconfirmed", 0),
            "n_unverifiable": counts.get("unverifiable", 0),
            "n_other": counts.get("garbled", 0) + counts.get("contradicted", 0)}


# --- what-if: the scenario by elasticity and market series, chosen by the reader ----

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
                common = {"elasticity": e, "market_series": series, "gmv_growth_pct": g,
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
        bind=alt.binding_select(options=series,
                                name=_("Market-size series (this page: {series}) ").format(
                                    series=scen.market_series)))
    # In Chinese the grid counts in 亿元 (scenario_what_if).
    per_unit = 1.0 if is_chinese() else PER_BILLION
    x = alt.X("gmv_growth_pct:Q", title=_("Growth of second-hand e-commerce GMV (%)"))
    # Translators: the Chinese chart counts in 亿元: say 亿元 wherever this says billion yuan.
    y = alt.Y("bn_yuan:Q", title=_("Billion yuan ({year} levels)").format(year=scen.base_year))
    lines = alt.Chart(grid).mark_line(point=True).encode(
        x=x, y=y, color=alt.Color("measure:N", title=_("Measure")),
        tooltip=[alt.Tooltip("measure:N", title=_("Measure")),
                 alt.Tooltip("elasticity:Q", title=_("Elasticity")),
                 alt.Tooltip("market_series:N", title=_("Market series")),
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
