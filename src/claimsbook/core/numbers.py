"""Number and date formatting shared by verdict reasons, claim cards and prose, in the
reader's language (:mod:`claimsbook.core.i18n`).

Chinese follows the sources' own conventions: large amounts in 万 and 亿 (and 万亿),
percentage points as 个百分点, years as 2018年 and months as 2025年4月.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from .i18n import _, data_text, is_chinese

SIGNIFICANT_DIGITS = 4
MISSING = {"en": "n/a", "zh": "无"}


def fmt_number(value: float | int | None, significant: int = SIGNIFICANT_DIGITS,
               grouped: bool = True) -> str:
    """About ``significant`` significant digits, thousands separated (unless not
    ``grouped``), no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING["zh" if is_chinese() else "en"]
    if value == 0:
        return "0"
    return _plain(value, significant, grouped=grouped)


def fmt_signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt_number(value)


# Units whose values are calendar labels, written as such: 2018, never "2,018".
CALENDAR_UNITS = ("year",)
# Units of durations the book estimates, shown no finer than a tenth: a lag of 6.407
# months is 6.4 months (STYLE.md rule 6); the value itself is judged unrounded.
DURATION_UNITS = ("months",)
# Unit words that scale the value; in Chinese the scaled amount is written in 万/亿.
MAGNITUDES = {"10k": 1e4, "thousand": 1e3, "million": 1e6, "100 million": 1e8,
              "billion": 1e9, "trillion": 1e12}
MAGNITUDE_UNIT = re.compile(
    r"^(?P<magnitude>100 million|10k|thousand|million|billion|trillion)\b\s*(?P<rest>.*)$")
CHINESE_STEPS = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def fmt_amount(value: float, unit: str, direction_in_words: bool = True) -> str:
    """A value with its unit, as cards and reasons show it; a missing value says so,
    without a unit ("无", not "无个月"). In Chinese a signed difference says its sign in
    words unless told not to (a bound: 超过5个模型（与上一年相比的变化）)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING["zh" if is_chinese() else "en"]
    if (point := _series_point(value, unit)) is not None:
        return point
    if unit in DURATION_UNITS:  # a lag in months to a tenth (6.4, not 6.407; 0.8, not 0.76)
        value = round(value, 1 if abs(value) >= 0.1 else 2)
    if is_chinese():
        return _amount_zh(value, unit, direction_in_words)
    if unit in CALENDAR_UNITS and float(value).is_integer():
        return str(int(value))  # "2024", not "2,024 year"
    if unit in RANK_UNITS and float(value).is_integer():
        return _ordinal(int(value))
    return f"{fmt_number(value)} {unit}".rstrip() if unit else fmt_number(value)


def _ordinal(n: int) -> str:
    """2nd, 11th, 23rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join_zh(number: str, unit: str) -> str:
    """No space before a Chinese unit or a per cent sign; one before a Latin one."""
    if not unit:
        return number
    return f"{number}{unit}" if CJK.match(unit) or unit.startswith("%") else f"{number} {unit}"


# Units whose values are ranks: 第2名 in Chinese.
RANK_UNITS = ("rank",)
# Units whose value is a point of a calendar or a series, written as one (8 April 2025 /
# 2025年4月8日, May 2025 / 2025年5月, 6th TPU generation / 第六代TPU); the difference
# of two such values is in days, months or generations (:func:`gap_unit`).
DAY_OF = re.compile(r"^day of (?P<month>[A-Z][a-z]+) (?P<year>\d{4})$")
MONTH_OF = re.compile(r"^month of (?P<year>\d{4})$")
GENERATION = re.compile(r"\bgeneration$")
CHINESE_NUMERALS = dict(enumerate("零一二三四五六七八九十"))


def _series_point(value: float, unit: str) -> str | None:
    if not float(value).is_integer():
        return None
    n = int(value)
    if found := DAY_OF.match(unit):
        try:
            day = datetime.strptime(f"{n} {found['month']} {found['year']}", "%d %B %Y")
        except ValueError:
            raise ValueError(f"{n} is not a day of {found['month']} {found['year']}") from None
        return fmt_day(day)
    if found := MONTH_OF.match(unit):
        if not 1 <= n <= 12:
            raise ValueError(f"{n} is not a month of {found['year']} (1 to 12)")
        return fmt_month(date(int(found["year"]), n, 1))
    if GENERATION.search(unit):
        if is_chinese():
            return f"第{CHINESE_NUMERALS.get(n, n)}{data_text(unit)}"
        return f"{_ordinal(n)} {unit}"
    return None


def gap_unit(unit: str) -> str:
    """The unit of a difference of two values in ``unit``: days between two days."""
    if DAY_OF.match(unit):
        return _("days")
    if MONTH_OF.match(unit):
        return _("months")
    if GENERATION.search(unit):
        return _("generations")
    if (difference := signed_difference(unit)) is not None:  # a gap has no direction
        return difference[0]
    return unit


def split_scale(unit: str) -> tuple[float, str]:
    """A unit's Western scale word as a factor, and the rest: "million users" ->
    (1e6, "users"); a unit without one -> (1.0, unit)."""
    found = MAGNITUDE_UNIT.match(unit)
    return (MAGNITUDES[found["magnitude"]], found["rest"]) if found else (1.0, unit)


def unit_parts(unit: str) -> list[str]:
    """The units of a sentence's parts ("million merchants; million items"), or the one unit."""
    return [part.strip() for part in unit.split(";")]


# Units of a signed difference, named by their note: Chinese says the sign in words
# (STYLE.md rule 7), the relation first: 比上一年减少37个模型, 差距缩小7.471个百分点,
# 中国比美国少25个模型; a bound at zero is the relation alone (说法称比上一年减少).
DIFFERENCE_NOTE = re.compile(r"^(?P<unit>.+?)\s*\((?P<note>[^()]+)\)$")
DIFFERENCES_ZH = {  # note -> (relation, falling word, rising word)
    "change from the year before": ("比上一年", "减少", "增加"),
    "change in the gap": ("差距", "缩小", "扩大"),
    "China less United States": ("中国比美国", "少", "多"),
    "United States less China": ("美国比中国", "少", "多"),
    "growth": ("", "下降", "增长"),
    "lead": ("", "落后", "领先"),
    "change in the lead": ("领先优势", "缩小", "扩大"),
    "change in growth": ("增速", "放缓", "加快"),
}


def signed_difference(unit: str) -> tuple[str, tuple[str, str, str]] | None:
    """A signed difference's own unit and its words, or None for any other unit."""
    found = DIFFERENCE_NOTE.match(unit)
    if found and found["note"] in DIFFERENCES_ZH:
        return found["unit"], DIFFERENCES_ZH[found["note"]]
    return None


def bound_zh(comparison: str, value: float, unit: str) -> str | None:
    """A claim's bound at zero on a signed difference, in words ("比上一年减少" for
    "less than 0 models (change from the year before)"); None where there is none."""
    difference = signed_difference(unit)
    if difference is None or value != 0 or comparison not in ("<", ">"):
        return None
    relation, falling, rising = difference[1]
    return relation + (falling if comparison == "<" else rising)


def _amount_zh(value: float, unit: str, direction_in_words: bool = True) -> str:
    difference = signed_difference(unit) if direction_in_words else None
    if difference is not None and value != 0:
        own_unit, (relation, falling, rising) = difference
        return relation + (falling if value < 0 else rising) + _amount_zh(abs(value), own_unit)
    if unit in CALENDAR_UNITS and float(value).is_integer():
        return f"{int(value)}年"
    if unit in RANK_UNITS and float(value).is_integer():
        return f"第{int(value)}名"
    # 万/亿 from ten thousand up, whatever scale word the unit had; no separator below.
    scale, rest = split_scale(unit)
    return _join_zh(fmt_scaled_zh(value * scale), data_text(rest))


def fmt_scaled_zh(amount: float, significant: int = SIGNIFICANT_DIGITS) -> str:
    """An amount in Chinese scale words, by the newsroom's convention: 1.5亿, 6145亿,
    3.2万亿, 8000万, 5520; never a thousands separator. ``amount`` is in units (yuan,
    users, tokens); it is rounded to ``significant`` digits before its scale word is
    chosen, so 99,995,000 is 1亿, not 10000万."""
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        return MISSING["zh"]
    if amount == 0:
        return "0"
    rounded = float(f"{amount:.{significant}g}")
    for step, word in CHINESE_STEPS:
        if abs(rounded) >= step:
            return _plain(rounded / step, significant) + word
    return _plain(rounded, significant)


def _plain(value: float, significant: int, grouped: bool = False) -> str:
    """``value`` to ``significant`` digits, no trailing zeros; thousands separated only
    when ``grouped`` (an amount in 万/亿 has none)."""
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:{',' if grouped else ''}.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_range_zh(low: float, high: float) -> str:
    """A range of amounts: 1.5亿至2亿 (each with its own scale word: 8000万至1.2亿)."""
    return f"{fmt_scaled_zh(low)}至{fmt_scaled_zh(high)}"


# Formats of values in the Chinese edition's prose, for a value the English gives in
# millions, billions...: {glue:text}`mau:zh-million` reads 1.5亿 where the English has
# {glue:text}`mau:.0f` million (the translation types no scale word of its own).
PROSE_SCALES = {"zh-units": 1.0, "zh-thousand": 1e3, "zh-million": 1e6,
                "zh-hundred-million": 1e8,  # a value the data gives in 亿 (10755 -> 1.076万亿)
                "zh-billion": 1e9, "zh-trillion": 1e12}


def is_chinese_scale(spec: str) -> bool:
    """Whether a prose format spec is one of the Chinese scales (``zh-million``, ``zh-units.2``)."""
    return spec.partition(".")[0] in PROSE_SCALES


def fmt_prose(value: object, spec: str) -> str:
    """A value pasted into prose with a format spec: Python's, or a Chinese scale, with
    as many significant digits as it says after a dot (``zh-million.2``: 约450万 for a
    rough 4.543 million) or else four."""
    scale, _, significant = spec.partition(".")
    if is_chinese_scale(spec):
        if not isinstance(value, int | float):
            raise ValueError(f"{spec} formats a number, not {type(value).__name__} {value!r}")
        amount = float(value) * PROSE_SCALES[scale]
        if significant:
            return fmt_scaled_zh(amount, int(significant))
        # An amount given in millions or billions is rounded like any other (1407万, not
        # 14072000). A count (given in units) is exact: every digit it has, in 万/亿 like
        # the rounded amounts beside it, as statistical communiqués write counts (14.074万,
        # not 14.07万; see locales/zh_CN/STYLE.md, rule 5).
        if scale != "zh-units":
            return fmt_scaled_zh(amount)
        digits = len(str(int(abs(amount))).rstrip("0")) if float(amount).is_integer() else 0
        return fmt_scaled_zh(amount, max(SIGNIFICANT_DIGITS, digits))
    return format(value, spec)


def fmt_month(when: date | datetime | str) -> str:
    """``April 2025`` / ``2025年4月``."""
    stamp = _as_date(when)
    return f"{stamp.year}年{stamp.month}月" if is_chinese() else stamp.strftime("%B %Y")


def fmt_day(when: date | datetime | str) -> str:
    """``1 April 2025`` / ``2025年4月1日``."""
    stamp = _as_date(when)
    if is_chinese():
        return f"{stamp.year}年{stamp.month}月{stamp.day}日"
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


def fmt_date_label(when: date | datetime | str) -> str:
    """A date a parameter or a data row gives: as the English edition labels it
    (``2022-12-31``), and as Chinese prose writes a date (``2022年12月31日``)."""
    stamp = _as_date(when)
    return f"{stamp.year}年{stamp.month}月{stamp.day}日" if is_chinese() else stamp.isoformat()


_ISO_PERIOD = re.compile(r"(?<![\w-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\w-])")


def period_text(period: str) -> str:
    """A figure's period as the reader's edition writes it: English keeps the data's
    label (2025-06-30, 2024-01/2025-02); Chinese writes 2025年6月30日, 2024年1月至2025年2月."""
    if not is_chinese():
        return period
    if re.fullmatch(r"\d{4}", period.strip()):  # a year: 2023年
        return f"{period.strip()}年"
    ends = period.strip().split("/")
    if len(ends) == 2 and all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", end) for end in ends):
        return "至".join(period_text(end) for end in ends)  # 2024年1月至2025年2月
    return _ISO_PERIOD.sub(lambda m: f"{m[1]}年{int(m[2])}月" + (f"{int(m[3])}日" if m[3] else ""),
                           data_text(period))


def _as_date(when: date | datetime | str) -> date:
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):
        return when
    return datetime.fromisoformat(str(when)[:10]).date()
