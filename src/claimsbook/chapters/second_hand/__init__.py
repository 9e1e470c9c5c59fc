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

# The arithmetic the chapter's notebook and tests call through this module.
from ...core.arithmetic import growth_pct, implied_earlier  # noqa: F401
from .model import (  # noqa: F401
    ARTICLE,
    BAR_HEIGHT,
    ESTIMATE_KINDS,
    EVERBRIGHT_LAUNCH,
    GrowthPct,
    MARKER_SIZE,
    MARKET_SERIES,
    MAX_ELASTICITY,
    MAX_GROWTH_PCT,
    MONEY_UNIT,
    PARAMETERS,
    PER_BILLION,
    PER_TRILLION,
    RETAIL_YEARS,
    SCOPE_WORDS,
    SENSITIVITY_GROWTHS_PCT,
    YearIn,
    _fail,
    _word,
)
from .analysis import (  # noqa: F401
    CohortBounds,
    Scenario,
    TABLE_HEADERS,
    _MONEY_UNITS_100M_YUAN,
    _stage_name,
    count_distinct,
    growth_check,
    half_unit_100m_yuan,
    implied_previous_range,
    per_yuan_by_series,
    pick_market_estimate,
    retail_change,
    retail_growth_pct,
    retail_per_extra_yuan,
    retail_sales_for,
    scenario,
    sensitivity,
    share_pct,
    platform_table,
    stage_gaps,
    timeline,
    validate_scenario,
)
from .values import (  # noqa: F401
    Offline,
    STAGE_KEYS,
    _amount_100m,
    _estimate,
    article_stages,
    crgta_latest_year,
    everbright_stages,
    offline,
    stage_computed,
    stage_figure,
    stage_matches,
    stage_values,
)
from .figures import (  # noqa: F401
    GMV_MEASURE,
    RETAIL_MEASURE,
    WHAT_IF_ELASTICITIES,
    growth_gap_values,
    market_figure,
    per_yuan_values,
    scenario_values,
    scenario_what_if,
    scenario_what_if_figure,
    summary_values,
)
from .xianyu import (  # noqa: F401
    OTHER_AGE_SHARES,
    USER_METRICS,
    age_bounds_figure,
    cohort_bounds,
    cohort_values,
    users_figure,
    xianyu_values,
)

# What the chapter's notebook reads, beyond claimsbook.core and its own ledger (claims,
# sources, its checks): data resources and the package's modules. A notebook test
# compares it with what an execution records (tests/notebooks/test_chapters.py).
CHAPTER = "04-second-hand"
READS = (
    "second-hand-retail-sales",
    "second-hand-market-size",
    "second-hand-xianyu",
    "second-hand-platforms",
    "second-hand-stages",
    "second-hand-report-coverage",
)
USES = ("claimsbook.chapters.second_hand",)
