"""Hand-worked checks of the commercialisation arithmetic."""
import datetime as dt
import math

import pandas as pd
import pytest

from claimsbook.chapters import commercialisation as cm
from claimsbook.core import params


def test_elo_win_probability():
    assert cm.elo_win_probability(0) == pytest.approx(0.5)
    # 400 points: 10 to 1 odds -> 10/11
    assert cm.elo_win_probability(400) == pytest.approx(10 / 11)
    assert cm.elo_win_probability(-400) == pytest.approx(1 / 11)
    # 37 points: 10**(-0.0925) = exp(-0.21299) = 0.80816 -> 1/1.80816 = 0.55305
    assert cm.elo_win_probability(37) == pytest.approx(0.55305, abs=1e-5)


def test_growth_and_implied_levels():
    assert cm.implied_earlier(16.4, 29) == pytest.approx(12.713, abs=1e-3)
    assert cm.implied_earlier(16.4, 310) == pytest.approx(4.0, abs=1e-9)
    assert cm.growth_multiple(980, 9.7) == pytest.approx(101.03, abs=0.01)
    assert cm.implied_total(522, 40) == pytest.approx(1305)
    assert cm.shares_sum([30, 60, 10]) == 100
    # 131 -> 140.52 million: 140.52 / 131 = 1.07267 -> +7.267 %
    assert cm.growth_pct(140.52, 131) == pytest.approx(7.267, abs=1e-3)
    assert cm.growth_pct(480, 9.7) == pytest.approx(4848.45, abs=0.01)
    with pytest.raises(ValueError):
        cm.implied_earlier(1, -100)
    with pytest.raises(ValueError):
        cm.implied_total(1, 0)


def test_blend_and_ratio():
    assert cm.blended_price(75, 150, 0.75) == pytest.approx(93.75)
    assert cm.blended_price(75, 150, 1) == 75
    assert cm.ratio(75, 2.5) == 30
    assert cm.ratio(150, 10) == 15
    assert math.isnan(cm.ratio(1, 0))
    with pytest.raises(ValueError):
        cm.blended_price(1, 2, 1.5)


def _prices():
    rows = [
        ("gpt-4.5-preview", "openai-2025", "input", 75, "USD"),
        ("gpt-4.5-preview", "openai-2025", "output", 150, "USD"),
        ("qwen-max", "cn-2025", "input", 2.4, "CNY"),
        ("qwen-max", "cn-2025", "output", 9.6, "CNY"),
        ("qwen-max", "intl", "input", 1.6, "USD"),
    ]
    return pd.DataFrame(rows, columns=["model", "price_list", "direction", "price", "currency"])


def test_price_ratios_with_explicit_rate():
    rate = cm.choose_rate("2025-09-01", 7.2)
    assert rate.rate_date is None and rate.cny_per_usd == 7.2
    r = cm.price_ratios(_prices(), us_model="gpt-4.5-preview", us_list="openai-2025",
                        cn_model="qwen-max", cn_list="cn-2025", rate=rate, input_share=0.75)
    assert r["input"] == pytest.approx(75 * 7.2 / 2.4)  # 225
    assert r["output"] == pytest.approx(150 * 7.2 / 9.6)  # 112.5
    # blended: (0.75*75 + 0.25*150) / ((0.75*2.4 + 0.25*9.6)/7.2) = 93.75 / 0.58333 = 160.71
    assert r["blended"] == pytest.approx(160.714, abs=1e-3)
    intl = cm.price_ratios(_prices(), us_model="gpt-4.5-preview", us_list="openai-2025",
                           cn_model="qwen-max", cn_list="intl", rate=rate, input_share=0.5)
    assert intl["input"] == pytest.approx(46.875)
    assert math.isnan(intl["output"]) and math.isnan(intl["blended"])


def test_ecb_rate_uses_real_fixing_and_reports_its_date():
    monday = cm.ecb_rate("2025-09-01")
    assert monday.rate_date == dt.date(2025, 9, 1)
    assert 6.5 < monday.cny_per_usd < 7.6
    sunday = cm.ecb_rate(dt.date(2025, 8, 31))
    assert sunday.rate_date == dt.date(2025, 8, 29)  # Friday's fixing, no interpolation
    with pytest.raises(ValueError):
        cm.ecb_rate("1990-01-01")


def test_to_usd_rejects_other_currencies():
    rate = cm.Rate(7.0, None, None, "test")
    assert cm.to_usd(14, "CNY", rate) == 2
    with pytest.raises(ValueError):
        cm.to_usd(1, "EUR", rate)


def test_licence_and_best_by():
    assert cm.licence_class("Proprietary") == "Proprietary"
    assert cm.licence_class("MIT") == "Open weights"
    t = pd.DataFrame({"model": ["a", "b", "c"], "country": ["US", "CN", "CN"],
                      "arena_score": [1400, 1390, 1395]})
    best = cm.best_by(t, "country").set_index("country")["model"]
    assert best["US"] == "a" and best["CN"] == "c"


def test_open_table_consistency():
    full = pd.DataFrame({"model": ["x", "y"], "arena_score": [1450, 1400]})
    open_ = pd.DataFrame({"model": ["y", "z", "w"], "arena_score": [1400, 1420, 1300]})
    out = cm.open_table_consistency(full, open_).set_index("model")
    assert out.loc["y", "in_full"] and out.loc["y", "same_score"]
    assert out.loc["z", "should_be_in_full"] and not out.loc["z", "in_full"]
    assert not out.loc["w", "should_be_in_full"]


def test_score_comparison_signs_and_missing_models():
    board = pd.DataFrame({"model": ["a", "b", "b"], "arena_score": [1468, 1429, 1429]})
    out = cm.score_comparison(board, {"a": 1457, "b": 1442}).set_index("model")
    assert out.loc["a", "difference"] == -11  # lower on the other board
    assert out.loc["b", "difference"] == 13
    assert len(out) == 2  # duplicated rows of figure 6 count once
    with pytest.raises(KeyError, match="c"):
        cm.score_comparison(board, {"c": 1400})


def test_parameters_reject_bad_values():
    good = {"conversion_date": "2025-09-01", "cny_per_usd": 0, "input_share": 0.75,
            "qwen_price_list": "cn-2025"}
    assert params.validate(cm.PARAMETERS, good)["qwen_price_list"] == "cn-2025"
    with pytest.raises(params.ParameterError, match="qwen_price_list"):
        params.validate(cm.PARAMETERS, {**good, "qwen_price_list": "us"})
    with pytest.raises(params.ParameterError, match="input_share"):
        params.validate(cm.PARAMETERS, {**good, "input_share": 1.5})
