"""Arithmetic for the commercialisation chapter (BOC Research 2025, sections 一 and 二).

Small pure functions: currency conversion with the ECB's reference rates (shipped
with the ``currency_converter`` package), blended API prices, price ratios, Elo
win probabilities, growth multiples and the levels they imply, totals implied by
shares, and consistency checks of tables.

Conventions
-----------
* Prices are per million tokens. A *blended* price for an input share ``s``
  (0-1) of the tokens is ``s * input + (1 - s) * output``.
* ``growth_pct`` is a percentage change: +29 % means the new level is 1.29 times
  the old one, so the implied earlier level is ``new / (1 + pct / 100)``.
* The ECB publishes euro reference rates on TARGET business days. The CNY per USD
  cross rate on a day is ``(CNY per EUR) / (USD per EUR)``. When the requested day
  has no fixing (weekend, holiday) the latest earlier fixing is used, and its date
  is reported; no rate is interpolated.
"""

from __future__ import annotations

# The arithmetic the chapter's notebook and tests call through this module.
from ...core.arithmetic import (  # noqa: F401
    growth_multiple, growth_pct, implied_earlier, implied_total, ratio,
)
from .values import CN_MODEL, GPT4O, US_LIST, US_MODEL  # noqa: F401
from .words import (  # noqa: F401
    BOARD_NAMES,
    COUNTRY_NAMES,
    LICENCE_CLASSES,
    _word,
)
from .analysis import (  # noqa: F401
    ELO_SCALE,
    MAX_LOOKBACK_DAYS,
    PARAMETERS,
    PRICE_LISTS,
    Rate,
    TABLE_HEADERS,
    _converter,
    arena_drift,
    best_by,
    blended_price,
    choose_rate,
    ecb_rate,
    elo_win_probability,
    form_value,
    licence_class,
    mau_by_form,
    names_or_none,
    open_table_consistency,
    price_ratios,
    price_table,
    rate_date_text,
    score_comparison,
    sensitivity,
    shares_sum,
    to_usd,
)
from .values import (  # noqa: F401
    DIRECTIONS,
    DIRECTION_WORDS,
    FUTURESEARCH_ARR,
    LMARENA_FIGURES,
    PROVIDER_NAMES,
    REVENUE_CHANNELS,
    _SHORT,
    _fig,
    _price_row,
    capture_comparison,
    direction_word,
    multiple_figure,
    price_figures,
    provider_name,
    ratio_figures,
    reference_figures,
    revenue_share_sum,
    share_figure,
)
from .figures import (  # noqa: F401
    FIXED_RATES,
    HEADLINE_WORDS,
    RATE_DATES,
    SENSITIVITY_SHARES,
    TOKEN_SERIES,
    _growth_rows,
    arena_chart,
    arena_facts,
    arena_figure,
    arena_figure_text,
    growth_chart,
    growth_figure_text,
    growth_multiples,
    headline_sentence,
    mau_chart,
    mau_figure,
    mau_figure_text,
    price_chart,
    price_chart_notes,
    price_figure,
    sensitivity_rates,
    sensitivity_shown,
    sensitivity_summary,
    top_mean,
)

# What the chapter's notebook reads, beyond claimsbook.core and its own ledger (claims,
# sources, its checks): data resources and the package's modules. A notebook test
# compares it with what an execution records (tests/notebooks/test_chapters.py).
CHAPTER = "03-commercialisation"
READS = (
    "commercialisation-api-prices",
    "commercialisation-arena-leaderboard",
    "commercialisation-arena-history-matches",
    "commercialisation-questmobile-mau",
    "commercialisation-reference-figures",
    "ai-index-report-figures",
)
USES = ("claimsbook.chapters.commercialisation",)
