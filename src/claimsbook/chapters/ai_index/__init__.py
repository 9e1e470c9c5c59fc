"""Logic of chapter 01-ai-index: the Stanford AI Index 2025 figures, recomputed.

Conventions used throughout:

* A *relative gap* between two scores ``a`` (the leader) and ``b`` is
  ``100 * (a - b) / b`` per cent: how much higher the leader's score is than the
  follower's. This is how the AI Index states its Chatbot Arena gaps (e.g. Google
  1,385 vs DeepSeek 1,362 -> 1.69 %).
* A *percentage-point gap* is a plain difference of two percentages (benchmark
  accuracies). Turning it into per cent needs the follower's score as the base:
  :func:`pp_to_percent`.
* A leaderboard *snapshot* is one published leaderboard date; the history is a set
  of snapshots, and a claimed month is matched to a snapshot by a rule
  (:func:`pick_snapshot`).
"""

from __future__ import annotations

# The arithmetic the chapter's notebook and tests call through this module.
from ...core.arithmetic import fold_change, percent_fall  # noqa: F401
from .model import (  # noqa: F401
    ARENA_SCORE,
    ARENA_SOURCE,
    ATTRIBUTION_RULES,
    BENCHMARKS,
    COST_MODELS,
    EARLY_2025_MONTHS,
    GAP_WORDS,
    HUB_SOURCE,
    MAPPINGS,
    NOTABLE_FIRST_YEAR,
    NOTABLE_SOURCE,
    NOTABLE_YEAR,
    ORDER,
    OWN_RUN_METRICS,
    PARAMETERS,
    RATING_WORDS,
    REGION_NAMES,
    REPORT,
    REPORT_TOP10_MODELS,
    REPORT_TOP10_MONTH,
    REPORT_TOP_K,
    RULE_TEXT,
    SENSITIVITY_MONTHS,
    SNAPSHOT_RULES,
    SWITCH_DATES,
    YEARS,
)
from .analysis import (  # noqa: F401
    _bench_data,
    annotate,
    attribute,
    benchmark_table,
    best_of,
    comparison_side,
    count_by_region,
    frontier_lead,
    gap_series,
    gaps_on,
    group_gap,
    increase,
    industry_share,
    Lead,
    min_relative_gap,
    months_behind_dates,
    pick_snapshot,
    pp_to_percent,
    rank_gap,
    relative_gap,
    relative_gap_given_leader,
    snapshot_dates,
    snapshot_table,
    top_scores,
)
from .words import (  # noqa: F401
    _bench_headers,
    _day,
    _display,
    _gap_kind,
    _internal,
    _period,
    _region,
    _snapshot_headers,
    _span,
    _unit,
    _where,
    month_span,
    report_value,
)
from .values import (  # noqa: F401
    NAMED_CN_COMPANIES,
    OWN_RUN_SLUGS,
    _num,
    _rank_gap_percent,
    adoption_values,
    agreed_change,
    arena_value,
    arena_values,
    benchmark_values,
    cost_values,
    europe_rank_value,
    fmt,
    gap_change_value,
    gap_of,
    named_companies_value,
    notable_values,
    own_run_values,
    own_run_windows,
    us_lead_value,
    report_top10_value,
    research_values,
    uscn_change_value,
)
from .charts import (  # noqa: F401
    ARENA_SWITCH,
    CHART_REPORT,
    ChartSpec,
    DAY_FORMAT_ZH,
    GAP_COLOURS,
    GAP_KEYS,
    MONTH_FORMAT_ZH,
    _date_x,
    _month_key,
    _report_source,
    arena_chart,
    benchmark_chart,
    inference_chart,
    notable_chart,
    sensitivity_dates,
    switch_gaps,
)
from .tables import (  # noqa: F401
    _display_rules,
    _rule_headers,
    _rules_data,
    epoch_costs,
    notable_tables,
)
from .prose import (  # noqa: F401
    REPORTED_GLUE,
    REPORT_GLUE,
    adoption_prose,
    arena_prose,
    benchmark_prose,
    cost_prose,
    gap_table,
    notable_prose,
    own_run_prose,
    report_glue,
    research_prose,
)

# What the chapter's notebook reads, beyond claimsbook.core and its own ledger (claims,
# sources, its checks): data resources and the package's modules. A notebook test
# compares it with what an execution records (tests/notebooks/test_chapters.py).
CHAPTER = "01-ai-index"
READS = (
    "ai-index-report-figures",
    "ai-index-arena-history",
    "ai-index-arena-licences",
    "ai-index-notable-models",
    "ai-index-report-text-counts",
    "months-behind-epoch-benchmarks",
    "organisations",
    "regions",
)
USES = ("claimsbook.chapters.ai_index",)
