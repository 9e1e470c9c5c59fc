"""Chapter 02 (months behind): the chapter's tables, with headers and cells in the reader's
language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ...core.chapter import styled_table
from ...core.i18n import _, data_text, is_chinese
from .model import COLUMN_LABELS, SUPPORT_WORDS, SWEEP_LABELS
from .words import metric_key


def lag_now_table(now: pd.DataFrame) -> Any:
    """The :func:`lag_now` table for readers: dates as days, months to one decimal."""
    shown = now[["metric", "date", "lag_months", "censored", "follower_model", "reached",
                 "leader_model"]].copy()
    shown["metric"] = shown["metric"].map(metric_key)
    for column in ("date", "reached"):
        shown[column] = pd.to_datetime(shown[column]).dt.strftime("%Y-%m-%d")
    shown = shown.round({"lag_months": 1})
    return styled_table(_yes_no(shown, "censored"), labels=_labels(shown.columns))


def _labels(columns: Iterable[str]) -> dict[str, str]:
    labels = {**COLUMN_LABELS, **SWEEP_LABELS}
    return {c: _(labels[c]) for c in columns if c in labels}


def _month_cells(frame: pd.DataFrame) -> pd.DataFrame:
    if "metric" in frame.columns:
        frame = frame.assign(metric=frame["metric"].map(metric_key))
    if "early_date" not in frame.columns:
        return frame
    return frame.assign(early_date=pd.to_datetime(frame["early_date"]).dt.strftime("%Y-%m"))


def sweep_table(frame: pd.DataFrame) -> Any:
    """The :func:`sweep` table for readers: months of the early date, values to one
    decimal, headers and yes/no words in the reader's language."""
    shown = _month_cells(frame).round(1)
    for column in SWEEP_LABELS:
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: _(SUPPORT_WORDS.get(str(v), str(v))))
    return styled_table(_yes_no(shown, "early_censored"), labels=_labels(shown.columns))


def closing_table(frame: pd.DataFrame) -> Any:
    """The closing note's lags per metric, as :func:`sweep_table` shows them."""
    shown = _month_cells(frame).round(1)
    return styled_table(_yes_no(shown, "early_censored"), labels=_labels(shown.columns))


def figures_table(frame: pd.DataFrame) -> Any:
    """Rows of the reported-figures table, with their text cells in the reader's language."""
    shown = frame if isinstance(frame.index, pd.RangeIndex) else frame.reset_index()
    shown = shown.reset_index(drop=True)
    for column in ("subject", "period", "definition"):
        if column in shown.columns:
            shown[column] = shown[column].map(lambda v: data_text(v) if isinstance(v, str) else v)
    return styled_table(shown, labels=_labels(shown.columns))


def _yes_no(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A boolean column as yes/no in the reader's language (English: what the table
    always wrote for booleans)."""
    if column not in frame.columns or not is_chinese():
        return frame
    return frame.assign(**{column: frame[column].map(
        lambda v: (_("yes") if v else _("no")) if isinstance(v, bool | np.bool_) else v)})
