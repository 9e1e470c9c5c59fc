"""Chapter 02 (months behind): names and labels in the reader's language: metrics,
countries, model sets, dates."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ...core.i18n import N_, _
from ...core.numbers import fmt_day
from .model import METRIC_KEYS, METRIC_NAMES, METRIC_UNITS, METRICS, MODEL_SET_NAMES

EPOCH_SOURCE = "epoch-benchmarking-hub"


ARENA_SOURCE = "arena-history"


POST_SOURCE = "okeeper-2025-08-20"


QWQ_MODEL = "QwQ-32B-Preview"


LLAMA_405B_MODELS: tuple[str, ...] = ("Meta-Llama-3.1-405B-Instruct-bf16",
                                      "Meta-Llama-3.1-405B-Instruct-fp8")


R1_0528 = "DeepSeek-R1-0528"


# Rows of the reported-figures table the labs section quotes, by the prose name.
LAB_FIGURES: dict[str, str] = {
    "ds_total_params": "deepseek-r1-total-params",
    "ds_active_params": "deepseek-r1-active-params",
    "boc_r1_0528": "boc-fig6-aai-deepseek-r1-0528",
    "cnyes_r1_0528": "cnyes-aa-deepseek-r1-0528",
    "cnyes_first": "cnyes-aa-deepseek-llm-67b",
    "kr_qwen3": "36kr-aa-qwen3-235b-a22b",
    "chosun_r1_0528": "chosun-aa-deepseek-r1-0528",
    "aa_o3": "aa-leaderboard-o3",
    "aa_gemini_pro": "aa-leaderboard-gemini-2-5-pro",
}


def metric_name(metric: str) -> str:
    """The metric's name without its unit: "Epoch Capabilities Index"."""
    return _(METRIC_NAMES[metric])


def metric_label(metric: str) -> str:
    """The metric's name with its unit: "Epoch Capabilities Index (ECI points)"."""
    return _(METRICS[metric])


def metric_key(metric: str) -> str:
    """The metric as tables, legends and lists show it: its key in English."""
    return _(METRIC_KEYS[metric]) if metric in METRIC_KEYS else metric


def metric_unit(metric: str) -> str:
    return _(METRIC_UNITS[metric])


def country_name(country: str) -> str:
    """A country group (:data:`GROUPS`) in the reader's language."""
    return _(country)


def model_set_name(model_set: str) -> str:
    return _(MODEL_SET_NAMES[model_set])


def metric_list(metrics: Iterable[str]) -> str:
    """Metric keys for prose, "eci, mmlu", or "none"."""
    return _(", ").join(metric_key(m) for m in metrics) or _("none")


def tolerance_list(tolerances: Iterable[float]) -> str:
    """Score tolerances for prose: "0, 1, 2, 5"."""
    return _(", ").join(f"{t:g}" for t in tolerances)


def day_text(when: object, *, missing: str = N_("no date")) -> str:
    """A day for prose in the reader's convention (:func:`fmt_day`): 1 June 2023,
    2023年6月1日."""
    if when is None or pd.isna(when):
        return _(missing)
    return fmt_day(pd.Timestamp(str(when)))


def _value(value: object) -> float | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    return float(value)  # type: ignore[arg-type]
