"""Chapter 01 (AI Index): the chapter's parameters, benchmarks, sources and the constants
its checks and prose rely on."""

from __future__ import annotations

from ...core import params
from ...core.i18n import N_

BENCHMARKS: tuple[str, ...] = ("MMLU", "MMMU", "MATH", "HumanEval")


MAPPINGS: tuple[str, ...] = ("country", "country_industry")


SNAPSHOT_RULES: tuple[str, ...] = ("last-in-month", "first-in-month", "on-or-before")


ATTRIBUTION_RULES: tuple[str, ...] = ("any", "first", "sole", "fractional")


# papermill parameters of the chapter (see chapters/01-ai-index.ipynb)
PARAMETERS: params.Spec = {
    "arena_start": params.Date("2023-05-08", "2025-03-26"),
    "arena_end": params.Date("2023-05-08", "2025-03-26"),
    "snapshot_rule": params.OneOf(SNAPSHOT_RULES),
    "country_mapping": params.OneOf(MAPPINGS),
    "benchmarks": params.SubsetOf(BENCHMARKS),
    "attribution": params.OneOf(ATTRIBUTION_RULES),
    "top_k": params.Number(2, 20, integer=True),
}


ORDER = (params.Before("arena_start", "arena_end"),)


REPORT = "aiindex-2025"


ARENA_SOURCE = "arena-history"


NOTABLE_SOURCE = "epoch-notable-models"


HUB_SOURCE = "epoch-benchmarking-hub"


# The Benchmarking Hub's own evaluations among the metrics the book extracts (its MMLU
# scores are others' published results; its capabilities index combines both kinds),
# with their names.
OWN_RUN_METRICS: dict[str, str] = {"gpqa-diamond": "GPQA Diamond", "math-level-5": "MATH Level 5"}


ARENA_SCORE = "arena-score"


YEARS: tuple[int, int] = (2023, 2024)


NOTABLE_YEAR = 2024


NOTABLE_FIRST_YEAR = 2015


REPORT_TOP_K = 10


SWITCH_DATES: tuple[str, str] = ("2024-03-26", "2024-03-27")


SENSITIVITY_MONTHS: tuple[str, ...] = ("2024-01", "2025-02", "2025-03")


EARLY_2025_MONTHS: tuple[str, ...] = ("2025-01", "2025-02")


COST_MODELS: tuple[str, ...] = ("GPT-4", "Grok-2", "Llama 3.1-405B", "Mistral Large", "DeepSeek-V3")


# The ten models the report names as the top ten of the Chatbot Arena "as of January
# 2025" (fig. 2.2.7, p. 107), from first to tenth: its top-1 vs top-10 gap is recounted
# on exactly these (rule 11 of "How we judge").
REPORT_TOP10_MODELS: tuple[str, ...] = (
    "Gemini-Exp-1206", "ChatGPT-4o-latest (2024-11-20)", "Gemini-2.0-Flash-Thinking-Exp-1219",
    "Gemini-2.0-Flash-Exp", "o1-2024-12-17", "o1-preview", "DeepSeek-V3", "o1-mini",
    "Step-2-16K-Exp", "Gemini-1.5-Pro-002")


REPORT_TOP10_MONTH = "2025-01"


# Translated where shown, with _() (the language is read per call).
RULE_TEXT: dict[str, str] = {
    "any": N_("any listed country counts (the report's rule)"),
    "first": N_("first-listed country only"),
    "sole": N_("single-region models only"),
    "fractional": N_("split equally between listed countries"),
}


GAP_WORDS: dict[str, str] = {
    # Translators: completes "relative gap between …"
    "us-china": N_("the top US and the top Chinese model"),
    # Translators: completes "relative gap between …"
    "closed-open": N_("the top closed-weight and the top open-weight model"),
    # Translators: completes "relative gap between …"
    "top1-top2": N_("the first- and the second-ranked model"),
}


# Region names as the Chinese edition shows them (the data keep the English names).
REGION_NAMES: dict[str, str] = {
    "United States": N_("United States"), "China": N_("China"), "Europe": N_("Europe"),
    "Other": N_("Other"),
}


# The rating a leaderboard of the history holds, in words (Chinese edition).
RATING_WORDS: dict[str, str] = {"online-elo": N_("online Elo"), "arena-score": N_("Arena score")}
