"""Chapter 04 (second-hand e-commerce): the parameters a reader may change, their checks,
and the constants the chapter's values and charts share."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...core import params
from ...core.i18n import N_, _
from ...core.params import ParameterError

#: Years for which the book records NBS retail sales (data/second-hand/retail_sales.csv).
RETAIL_YEARS: tuple[int, ...] = tuple(range(2015, 2025))


#: Market-size series the scenario can use as its denominator (see market_size.csv).
MARKET_SERIES: tuple[str, ...] = (
    "crgta-ecommerce", "iimedia", "100ec", "crgta-total", "tsinghua-fs", "mobdata"
)


#: Largest elasticity the calculator accepts: above 1 retail sales (80 times the
#: size of the second-hand market) would grow faster than second-hand GMV itself.
MAX_ELASTICITY = 1.0


MAX_GROWTH_PCT = 1000.0


def _fail(name: str, value: object, allowed: str) -> ParameterError:
    return ParameterError(f"parameter {name!r} = {value!r} is not allowed: expected {allowed}")


@dataclass(frozen=True)
class GrowthPct:
    """A growth rate in percent strictly above -100 (a fall of 100 % or more leaves
    nothing to grow from) and at most ``maximum``."""

    maximum: float = MAX_GROWTH_PCT

    def __call__(self, name: str, value: Any) -> float:
        allowed = f"a growth rate in % greater than -100 and at most {self.maximum:g}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(name, value, allowed)
        if not math.isfinite(value) or not -100 < value <= self.maximum:
            raise _fail(name, value, allowed)
        return float(value)


@dataclass(frozen=True)
class YearIn:
    """A calendar year (integer) out of a fixed set."""

    allowed: tuple[int, ...]

    def __call__(self, name: str, value: Any) -> int:
        listing = f"one of the years with NBS retail sales: {', '.join(map(str, self.allowed))}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(name, value, listing)
        if value != int(value) or int(value) not in self.allowed:
            raise _fail(name, value, listing)
        return int(value)


PARAMETERS: params.Spec = {
    "gmv_growth_pct": GrowthPct(),
    "elasticity": params.Number(0.0, MAX_ELASTICITY),
    "base_year": YearIn(RETAIL_YEARS),
    "market_series": params.OneOf(MARKET_SERIES),
}


#: 1 billion yuan and 1 trillion yuan in 亿元 (100 million yuan).
PER_BILLION = 10.0


PER_TRILLION = 1e4


#: The unit data/claims.csv gives money in for this chapter.
MONEY_UNIT = "100 million yuan"


ARTICLE = "zgjyb-2025-04"


EVERBRIGHT_LAUNCH = "everbright-launch"


SENSITIVITY_GROWTHS_PCT: tuple[float, ...] = (-20, -10, 0, 10, 20, 30, 50)


BAR_HEIGHT = 22


MARKER_SIZE = 180


# Words of the market-size table's kind and comparable_group columns.
ESTIMATE_KINDS = {"estimate": N_("estimate"), "forecast": N_("forecast")}


# Producers the market-size table names in English only.
SCOPE_WORDS = {"online": N_("online"), "whole market": N_("whole market"),
               "including used cars": N_("including used cars")}


# The market-size series by name (their ids are the values of the market_series parameter).
SERIES_NAMES = {"100ec": N_("100ec.cn"), "crgta-ecommerce": N_("CRGTA e-commerce"),
                "crgta-total": N_("CRGTA whole market"), "iimedia": N_("iiMedia"),
                "mobdata": N_("MobData"), "tsinghua-fs": N_("Tsinghua IEEE/Frost & Sullivan")}


def _word(words: Mapping[str, str], value: object) -> str:
    return _(words[str(value)]) if str(value) in words else str(value)
