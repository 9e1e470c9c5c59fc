"""How many months behind? Model tables per metric, country classes and lag summaries.

The chapter "02-months-behind" re-derives the Artificial Analysis estimate that the
US lead over China shrank from over a year (late 2022) to under three months
(Q2 2025). The lag itself comes from :mod:`claimsbook.chapters.lag`; this module turns the
tidy extracts into one model table per metric, applies the chapter's choices
(which models count, how much data a date needs) and summarises the lag at the
two dates the claim names.

Conventions:

* A metric's table has columns ``model``, ``organization``, ``country`` (one of
  :data:`GROUPS`), ``date`` (release date, or first leaderboard listing for the
  arena), ``score`` and ``open_weights`` (boolean, NA when unknown).
* ``coverage_end`` of a metric is the last date its data can speak for: the arena
  snapshot date, or the newest release in an Epoch table. Lags after it are NaN.
* A lag is *censored* when the leader's frontier reaches the follower's level on
  the first date the leader has any model in the data: the data cannot look
  further back, so the lag is only a lower bound.
"""

from __future__ import annotations

from .model import (  # noqa: F401
    COLUMN_LABELS,
    COUNTRY_CHOICES,
    COUNTRY_NAMES,
    CountryPair,
    GROUPS,
    METRICS,
    METRIC_KEYS,
    METRIC_NAMES,
    METRIC_UNITS,
    MODEL_SETS,
    MODEL_SET_NAMES,
    ORDER,
    OVER_A_YEAR,
    PARAMETERS,
    Q2_2025_END,
    Q2_2025_MONTHS,
    SUPPORT_WORDS,
    SWEEP_LABELS,
    SWEEP_TOLERANCES,
    UNDER_THREE_MONTHS,
)
from .words import (  # noqa: F401
    ARENA_SOURCE,
    EPOCH_SOURCE,
    LAB_FIGURES,
    LLAMA_405B_MODELS,
    POST_SOURCE,
    QWQ_MODEL,
    R1_0528,
    _value,
    country_name,
    day_text,
    metric_key,
    metric_label,
    metric_list,
    metric_name,
    metric_unit,
    model_set_name,
    tolerance_list,
)
from .lags import (  # noqa: F401
    LagRules,
    Summary,
    _empty_lags,
    _supports,
    arena_models,
    classify_country,
    coverage_end,
    describe_lead,
    epoch_models,
    first_overtaking,
    frontier_steps,
    is_open_weights,
    lag_segments,
    lag_table,
    lead_changes,
    select_models,
    summarise,
    sweep,
)
from ...core.arithmetic import months_between  # noqa: F401
from .analysis import (  # noqa: F401
    FALL_LOW_WINDOW,
    FALL_PEAK_WINDOW,
    LAG_NOW_COLUMNS,
    LagPath,
    MAX_NAMED_RELEASES,
    _extreme,
    _frontier_model,
    _join,
    build_tables,
    describe_coverage,
    describe_fall,
    describe_path,
    first_dates,
    first_release,
    frontier_raises,
    lag_fall,
    lag_long,
    lag_now,
    lag_now_glue,
    lag_now_sentence,
    lag_now_values,
    lag_path,
    release_of,
    score_margin,
)
from .values import (  # noqa: F401
    APP_BAR_MILLIONS,
    BIG_FIRM_APPS,
    DeepSeekSpan,
    FIRST_RELEASE_BASE_YEAR,
    NAMED_CHINESE_LABS,
    OPEN_LEAD_WINDOW,
    POST_DATE,
    R1_RELEASE,
    arena_margin_value,
    days_led,
    deepseek_span,
    firms_over_bar,
    index_ratio_value,
    lag_values,
    margin_phrase,
    named_labs_with_open_weights,
    open_lead_values,
)
from .text import (  # noqa: F401
    UserFigures,
    coverage_sentence,
    fall_sentence,
    lag_chart_title,
    month_text,
    open_lead_title,
)
from .charts import (  # noqa: F401
    ALL_METRICS,
    LAG_WHAT_IF_DESCRIPTION,
    SOURCE_EPOCH,
    SOURCE_EPOCH_ARENA,
    _country_colours,
    _day_format,
    _shown_countries,
    _shown_flags,
    _time_axis,
    chart_source,
    frontier_chart,
    frontier_description,
    frontier_title,
    lag_what_if,
    lag_what_if_chart,
    lag_what_if_description,
    open_weights_chart,
    open_weights_description,
)
from .tables import (  # noqa: F401
    _labels,
    _month_cells,
    _yes_no,
    closing_table,
    figures_table,
    lag_now_table,
    sweep_table,
)

# What the chapter's notebook reads, beyond claimsbook.core and its own ledger (claims,
# sources, its checks): data resources and the package's modules. A notebook test
# compares it with what an execution records (tests/notebooks/test_chapters.py).
CHAPTER = "02-months-behind"
READS = (
    "months-behind-epoch-benchmarks",
    "months-behind-arena-models",
    "months-behind-reported-figures",
    "organisations",
    "regions",
)
USES = ("claimsbook.chapters.months_behind", "claimsbook.chapters.lag")
