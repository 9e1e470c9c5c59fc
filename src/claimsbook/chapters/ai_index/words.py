"""Chapter 01 (AI Index): names, periods and headers in the reader's language, and the
report's own figures by row."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from ...core.i18n import _, data_text, is_chinese
from ...core.numbers import fmt_day, fmt_month
from .model import REGION_NAMES


def _day(when: object) -> str:
    """A date in a label: ISO in English (as the English edition writes it),
    2025年2月14日 in Chinese."""
    stamp = pd.Timestamp(when)
    return fmt_day(stamp) if is_chinese() else f"{stamp:%Y-%m-%d}"


def _period(text: object) -> str:
    """A period of the data (``2023``, ``2022-11``, ``2025-02-14``) in a sentence: as
    written in English, as 2023年 / 2022年11月 / 2025年2月14日 in Chinese."""
    text = str(text)
    if not is_chinese():
        return text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return fmt_day(text)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return fmt_month(pd.Timestamp(text))
    if re.fullmatch(r"\d{4}", text):
        return f"{text}年"
    return data_text(text)


def _span(start: object, end: object) -> str:
    """A period from ``start`` to ``end`` (``2022-11/2024-10`` in English)."""
    # Translators: a period from {start} to {end}, e.g. 2022年11月至2024年10月
    return _("{start}/{end}").format(start=_period(start), end=_period(end))


def _region(name: str) -> str:
    return _(REGION_NAMES[name]) if name in REGION_NAMES else name


def _unit(unit: str) -> str:
    """A computed value's unit: unchanged in English; in Chinese the unit word
    :func:`claimsbook.core.numbers.fmt_amount` writes after the number."""
    return _(unit) if is_chinese() else unit


def _display(frame: pd.DataFrame, headers: Mapping[str, str]) -> pd.DataFrame:
    """A table for the reader: in Chinese its columns carry the translated ``headers``
    (column -> header; the English edition keeps the column names, which ``table``
    turns into headers)."""
    if not is_chinese():
        return frame
    return frame.rename(columns=dict(headers))


def _internal(frame: pd.DataFrame, headers: Mapping[str, str]) -> pd.DataFrame:
    """The inverse of :func:`_display`: the column names the computation uses."""
    if not is_chinese():
        return frame
    return frame.rename(columns={text: column for column, text in headers.items()})


def _bench_headers() -> dict[str, str]:
    return {"benchmark": _("Benchmark"), "year": _("End of year"),
            "gap_pp": _("US lead (percentage points)"),
            "min_relative_gap_percent": _("Relative gap, at least (%)")}


def _snapshot_headers(top_k: int) -> dict[str, str]:
    return {"date": _("Leaderboard date"), "rating": _("Rating scale"),
            "us-china": _("US vs China (%)"), "closed-open": _("Closed vs open weights (%)"),
            f"top1-top{top_k}": _("Top 1 vs top {k} (%)").format(k=top_k),
            "top1-top2": _("Top 1 vs top 2 (%)"),
            "top US model": _("Top US model"), "top Chinese model": _("Top Chinese model")}


def _gap_kind(kind: str) -> str:
    """A gap's key (``us-china``, ``top1-top10`` …) as a Chinese table shows it."""
    words = {"us-china": _("US vs China (%)"), "closed-open": _("Closed vs open weights (%)"),
             "top1-top2": _("Top 1 vs top 2 (%)")}
    if kind in words:
        return words[kind]
    return _("Top 1 vs top {k} (%)").format(k=kind.split("top")[-1])


def report_value(fig: pd.DataFrame, key: str) -> float:
    """A figure of the report (``report_figures.csv`` indexed by ``figure_id``)."""
    return float(fig.loc[key, "value"])


def _where(fig: pd.DataFrame, *keys: str) -> str:
    return _("; ").join(dict.fromkeys(data_text(str(fig.loc[k, "location"])) for k in keys))


def month_span(start: str, end: str) -> int:
    """Whole months from the month of ``start`` to the month of ``end`` (``YYYY-MM``)."""
    return (pd.Period(end, "M") - pd.Period(start, "M")).n
