"""Number formatting shared by verdict reasons, claim cards and prose."""

from __future__ import annotations

import math

SIGNIFICANT_DIGITS = 4


def fmt_number(value: float | int | None, significant: int = SIGNIFICANT_DIGITS) -> str:
    """About ``significant`` significant digits, thousands separated, no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if value == 0:
        return "0"
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt_number(value)


# Units whose values are calendar labels, written as such: 2018, never "2,018".
CALENDAR_UNITS = ("year",)


def fmt_amount(value: float, unit: str) -> str:
    """A value with its unit, as cards and reasons show it."""
    if unit in CALENDAR_UNITS and float(value).is_integer():
        return f"{int(value)} {unit}"
    return f"{fmt_number(value)} {unit}".rstrip() if unit else fmt_number(value)
