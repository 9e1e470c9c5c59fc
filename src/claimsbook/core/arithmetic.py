"""The growth and ratio arithmetic every chapter uses, written once.

Levels may be numbers or aligned pandas Series where noted."""

from __future__ import annotations

import math
from typing import TypeVar

import pandas as pd

Level = TypeVar("Level", float, pd.Series)

# An average month, for spans in fractional months (a lag of 6.4 months).
DAYS_PER_MONTH: float = 365.25 / 12


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``; NaN when either is missing or the denominator is 0."""
    if denominator is None or numerator is None:
        return math.nan
    if any(isinstance(v, float) and math.isnan(v) for v in (numerator, denominator)):
        return math.nan
    if denominator == 0:
        return math.nan
    return numerator / denominator


def growth_multiple(later: float, earlier: float) -> float:
    """How many times ``earlier`` the ``later`` level is."""
    return ratio(later, earlier)


def fold_change(before: float, after: float) -> float:
    """How many times smaller ``after`` is than ``before`` (``before / after``)."""
    if after == 0:
        raise ValueError("fold change undefined to zero")
    return before / after


def growth_pct(later: Level, earlier: Level) -> Level:
    """The percentage change from ``earlier`` to ``later``: ``(later / earlier - 1) * 100``
    (+7 % for 131 -> 140.17; numbers or aligned Series)."""
    return (later / earlier - 1) * 100


def percent_fall(before: float, after: float) -> float:
    """Fall from ``before`` to ``after`` in per cent of ``before`` (positive = fell)."""
    if before == 0:
        raise ValueError("percent fall undefined from zero")
    return 100.0 * (before - after) / before


def implied_earlier(level: float, growth: float) -> float:
    """The earlier level that a later ``level`` and its growth (%) imply:
    ``level / (1 + growth/100)``, the inverse of :func:`growth_pct`."""
    if growth <= -100:
        raise ValueError(f"growth of {growth} % leaves nothing to grow from")
    return level / (1 + growth / 100)


def implied_total(part: float, share_pct: float) -> float:
    """The total of which ``part`` is ``share_pct`` %."""
    if share_pct <= 0:
        raise ValueError(f"share must be positive, got {share_pct}")
    return part / (share_pct / 100)


def months_between(start: object, end: object) -> float:
    """Months from ``start`` to ``end`` (dates or ``YYYY-MM``), on average month lengths."""
    return float((pd.Timestamp(end) - pd.Timestamp(start)) / pd.Timedelta(days=1)) / DAYS_PER_MONTH


def calendar_months(start: str, end: str) -> int:
    """Whole calendar months from one YYYY-MM month to a later one ("2024-04" to
    "2025-06": 14), for a span a source states in months (a chapter's lag in fractional
    months is another measure)."""
    first, last = pd.Period(start, freq="M"), pd.Period(end, freq="M")
    if last < first:
        raise ValueError(f"{end} is before {start}")
    return (last - first).n
