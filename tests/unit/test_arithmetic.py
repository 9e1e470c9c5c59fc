"""The shared growth and ratio arithmetic, on hand-worked values."""

import math

import pandas as pd
import pytest

from claimsbook.core import arithmetic as ar
from claimsbook.core.geography import region_of


def test_growth_and_its_inverse():
    assert ar.growth_pct(140.17, 131) == pytest.approx(7.0, abs=1e-3)
    assert ar.implied_earlier(5520, 15) == pytest.approx(4800.0)
    assert ar.growth_pct(ar.implied_earlier(5520, 15), 5520) == pytest.approx(-100 * 15 / 115)
    assert list(ar.growth_pct(pd.Series([110.0, 90.0]), pd.Series([100.0, 100.0]))) == \
        pytest.approx([10.0, -10.0])
    with pytest.raises(ValueError, match="leaves nothing"):
        ar.implied_earlier(1, -100)


def test_ratios_falls_and_totals():
    assert ar.fold_change(20, 0.07) == pytest.approx(285.714, abs=1e-3)
    assert ar.percent_fall(20, 0.07) == pytest.approx(99.65)
    assert ar.growth_multiple(16.4, 4.0) == pytest.approx(4.1)
    assert math.isnan(ar.ratio(1, 0)) and math.isnan(ar.ratio(float("nan"), 2))
    assert ar.implied_total(30, 60) == pytest.approx(50)
    with pytest.raises(ValueError):
        ar.implied_total(1, 0)


def test_one_region_rule_for_the_book():
    assert region_of("Hong Kong") == "China"
    assert region_of("United States of America") == "United States"
    assert region_of("Switzerland") == "Europe" and region_of("Israel") == "Other"
