"""Chapter 04 (second-hand e-commerce): the elasticity scenario, the retail-sales
consistency check, growth arithmetic, shares and the stages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ...core import params
from ...core.arithmetic import growth_pct, implied_earlier
from ...core.i18n import N_, _, data_text, is_chinese
from .model import (
    ESTIMATE_KINDS,
    MAX_ELASTICITY,
    SCOPE_WORDS,
    SERIES_NAMES,
    GrowthPct,
    YearIn,
    _word,
)


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


HUNDRED_MILLION_YUAN = "100m yuan"  # the money rows: in 亿元, the unit NBS publishes


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
        rows: list[tuple[str, float | str, str]] = [
            (_("Base year (NBS retail sales)"), str(self.base_year), _("year")),
            (_("Retail sales of consumer goods"), self.retail_sales, HUNDRED_MILLION_YUAN),
            (_("Elasticity assumed"), self.elasticity, _("% per 1 %")),
            (_("Second-hand GMV growth assumed"), self.gmv_growth_pct, "%"),
            (_("Retail-sales growth (linear)"), self.retail_growth_pct, "%"),
            (_("Retail-sales growth (constant elasticity)"), self.retail_growth_pct_exact, "%"),
            (_("Retail-sales change (linear)"), self.retail_change, HUNDRED_MILLION_YUAN),
            (_("Second-hand market ({series}, {year})").format(
                series=_word(SERIES_NAMES, self.market_series), year=self.market_year),
             self.market_size, HUNDRED_MILLION_YUAN),
            (_("Extra second-hand GMV"), self.extra_gmv, HUNDRED_MILLION_YUAN),
            (_("Retail sales per extra yuan of GMV"), self.retail_per_extra_yuan, _("yuan")),
        ]
        if is_chinese():  # 48.79万亿元, not 487,895亿元: the amount in its own scale word
            from ...core.numbers import fmt_scaled_zh

            # One cell (4879亿元): a unit column of 元 beside 4879亿 splits the amount.
            rows = [(name, fmt_scaled_zh(value * 1e8) + "元", "")
                    if unit == HUNDRED_MILLION_YUAN and isinstance(value, float | int)
                    else (name, value, unit) for name, value, unit in rows]
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
                "series": _word(SERIES_NAMES, series),
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


def implied_previous_range(
    level: float, growth_pct: float, level_tol: float, growth_tol: float
) -> tuple[float, float]:
    """Lowest and highest previous level consistent with the rounding of both
    figures (level ± level_tol, growth ± growth_tol)."""
    low = implied_earlier(level - level_tol, growth_pct + growth_tol)
    high = implied_earlier(level + level_tol, growth_pct - growth_tol)
    return low, high


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


# The platforms table: in Chinese an amount is one cell, in 万/亿 with its currency
# (2000亿元, not "200 | 十亿 | CNY"); the English keeps value, unit and currency apart.
PLATFORM_COLUMNS = ["platform", "market", "model", "metric", "value", "unit", "currency",
                    "period", "source_id"]
CURRENCY_WORDS = {"CNY": "元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "": ""}


def platform_table(platforms: pd.DataFrame) -> pd.DataFrame:
    shown = platforms[PLATFORM_COLUMNS].copy()
    if not is_chinese():
        return shown
    from ...core.numbers import fmt_scaled_zh

    scale = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "": 1.0}

    def text(value: object) -> str:
        return "" if pd.isna(value) else str(value)

    def amount(row: pd.Series) -> str:
        currency = CURRENCY_WORDS.get(text(row["currency"]), text(row["currency"]))
        unit = text(row["unit"])
        if unit not in scale:
            return f"{row['value']} {data_text(unit)}{currency}"
        return fmt_scaled_zh(float(row["value"]) * scale[unit]) + currency

    shown["amount"] = shown.apply(amount, axis=1)
    shown = shown.rename(columns={"model": "business_model"})  # not an AI model: 经营模式
    return shown[["platform", "market", "business_model", "metric", "amount", "period",
                  "source_id"]]
