"""Hand-worked checks of the commercialisation arithmetic."""
import datetime as dt
import math

import pandas as pd
import pytest

from claimsbook.chapters import commercialisation as cm
from claimsbook.core import params
from claimsbook.core import settings


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


# --- values the checks reference ---------------------------------------------------------

def _price_table():
    rows = [
        ("gpt-4.5-preview-in", "gpt-4.5-preview", "OpenAI", "openai-2025", "input", 75, "USD"),
        ("gpt-4.5-preview-out", "gpt-4.5-preview", "OpenAI", "openai-2025", "output", 150, "USD"),
        ("gpt-4o-in", "gpt-4o", "OpenAI", "openai-2025", "input", 2.5, "USD"),
        ("gpt-4o-out", "gpt-4o", "OpenAI", "openai-2025", "output", 10, "USD"),
    ]
    for price_list, (i, o, cur) in {"cn-2025": (2.4, 9.6, "CNY"), "cn-2024-09": (20, 60, "CNY"),
                                    "cn-2024-05": (40, 120, "CNY"), "intl": (1.6, 6.4, "USD")}.items():
        rows += [(f"qwen-max-{price_list}-in", "qwen-max", "Alibaba Cloud", price_list, "input", i, cur),
                 (f"qwen-max-{price_list}-out", "qwen-max", "Alibaba Cloud", price_list, "output", o, cur)]
    frame = pd.DataFrame(rows, columns=["price_id", "model", "provider", "price_list", "direction",
                                        "price", "currency"])
    return frame.assign(unit="per million tokens", price_list_date="2025", source_id="s",
                        location="l")


def test_price_figures_carry_currency_unit_and_list():
    figures = {c.key: c for c in cm.price_figures(_price_table())}
    assert figures["price-qwen-max-cn-2025-in"].value == 2.4
    assert figures["price-qwen-max-cn-2025-in"].unit == "CNY per million tokens"
    assert "(Chinese mainland 2025 list)" in figures["price-qwen-max-cn-2025-in"].label


def test_ratio_figures_for_gpt4o_and_every_qwen_list():
    rate = cm.choose_rate("2025-09-01", 8.0)
    figures = {c.key: c.value for c in cm.ratio_figures(_price_table(), rate=rate, input_share=0.5,
                                                        chosen_list="intl")}
    assert figures["gpt45-over-gpt4o-input"] == pytest.approx(30)    # 75 / 2.5
    assert figures["gpt45-over-gpt4o-output"] == pytest.approx(15)   # 150 / 10
    # 2.4 CNY at 8 CNY/USD = 0.3 USD -> 75 / 0.3 = 250; 9.6 / 8 = 1.2 -> 150 / 1.2 = 125
    assert figures["price-gap-input-cn-2025"] == pytest.approx(250)
    assert figures["price-gap-output-cn-2025"] == pytest.approx(125)
    assert figures["price-gap-input-intl"] == pytest.approx(75 / 1.6)
    assert {k for k in figures if k.startswith("price-gap-input-")} == {
        f"price-gap-input-{name}" for name in cm.PRICE_LISTS}


def _reference():
    rows = [
        ("fda-ai-devices-2023", "Devices", 221, "devices", "2023"),
        ("fda-ai-devices-2015", "Devices", 6, "devices", "2015"),
        ("fda-ai-devices-2023-aiindex", "Devices (AI Index)", 223, "devices", "2023"),
        ("fda-ai-devices-2015-aiindex", "Devices (AI Index)", 6, "devices", "2015"),
        ("google-tokens-2024-05", "Tokens", 9.7, "t", "2024-05"),
        ("google-tokens-2025-05", "Tokens", 480, "t", "2025-05"),
        ("google-tokens-2025-07", "Tokens", 980, "t", "2025-07"),
        ("google-tokens-2025-06-hassabis", "Tokens", 1000, "t", "2025-06"),
        ("doubao-tokens-2025-09", "Doubao tokens", 30, "t/day", "2025-09"),
        ("doubao-growth-may-sep-2025", "Growth", 80, "percent", "2025-05/2025-09"),
        ("doubao-tokens-force-2025-06", "Doubao tokens", 16.4, "t/day", "2025-06"),
        ("doubao-tokens-2024-12", "Doubao tokens", 4, "t/day", "2024-12"),
        ("chatgpt-paying-subs-2026", "Paying subscribers", 50, "million", "2026-02"),
        ("futuresearch-plus-arr-2024-06", "Plus", 1900, "million USD", "2024-06-12"),
        ("futuresearch-team-arr-2024-06", "Team", 290, "million USD", "2024-06-12"),
        ("futuresearch-enterprise-arr-2024-06", "Enterprise", 714, "million USD", "2024-06-12"),
        ("futuresearch-api-arr-2024-06", "API", 510, "million USD", "2024-06-12"),
        ("chatgpt-wau-2026", "Weekly users", 900, "million", "2026-02"),
    ]
    frame = pd.DataFrame(rows, columns=["figure_id", "quantity", "value", "unit", "period"])
    return frame.assign(source_id="s", location="l").set_index("figure_id")


def test_reference_figures_multiples_and_implied_levels():
    figures = {c.key: c for c in cm.reference_figures(_reference())}
    assert figures["fda-multiple-fda-list"].value == pytest.approx(221 / 6)       # 36.83
    assert figures["fda-multiple-aiindex"].value == pytest.approx(223 / 6)        # 37.17
    assert figures["google-multiple-12m"].value == pytest.approx(480 / 9.7)       # 49.48
    assert figures["google-multiple-may24-jul25"].period == "2024-05/2025-07"
    assert figures["google-growth-span-months"].value == 14  # April 2024 to June 2025
    assert figures["doubao-may-implied"].value == pytest.approx(30 / 1.8)         # 16.67
    assert figures["doubao-growth-since-dec24"].value == pytest.approx(310)     # 16.4 / 4
    assert figures["doubao-growth-since-dec24"].period == "2024-12/2025-06"
    assert figures["openai-arr-share-api-2024-06"].value == pytest.approx(100 * 510 / 3414)
    assert figures["openai-arr-share-subscriptions-2024-06"].value == pytest.approx(
        100 * 2190 / 3414)
    assert figures["openai-arr-share-enterprise-2024-06"].value == pytest.approx(100 * 714 / 3414)
    assert figures["chatgpt-paying-share-2026"].value == pytest.approx(100 * 50 / 900)
    assert "2023 over 2015" in figures["fda-multiple-fda-list"].label


def test_revenue_share_sum_and_headline_sentence():
    total = cm.revenue_share_sum({"api": 30, "subscription": 60, "enterprise": 10})
    assert total.value == 100 and total.key == "revenue-share-sum"
    summary = pd.DataFrame({"headline": ["holds", "garbled", "contradicted", "unverifiable"],
                            "claims": [2, 0, 1, 3]})
    assert cm.headline_sentence(summary) == (
        "Of the chapter's 6 distinct statements, 2 hold, 1 is contradicted and 3 are unverifiable.")


def test_capture_comparison_reads_the_model_from_the_quantity():
    board = pd.DataFrame({"model": ["A", "B"], "arena_score": [1400, 1390]})
    ref = pd.DataFrame({"figure_id": ["openlm-0701-a", "other"],
                        "quantity": ["openlm.ai Arena Elo of A", "x of B"], "value": [1403, 1]}
                       ).set_index("figure_id")
    out = cm.capture_comparison(board, ref)
    assert out.to_dict("records") == [{"model": "A", "figure6_score": 1400.0,
                                       "capture_score": 1403.0, "difference": 3.0}]


def test_growth_multiples_mark_the_report_only_series():
    reported = {"boc-doubao-growth-vs-dec": 310, "boc-doubao-growth-vs-apr": 29,
                "boc-alibaba-api-calls-growth": 100, "boc-deepseek-third-party-growth": 20}
    ref = _reference()
    extra = pd.DataFrame({"quantity": ["x"] * 3, "value": [0.12, 522, 100], "unit": "u",
                          "period": "p", "source_id": "s", "location": "l"},
                         index=["doubao-tokens-2024-05", "ai-phones-2027", "ai-phones-2024"])
    mult = cm.growth_multiples(pd.concat([ref, extra]), reported).set_index("series")
    assert mult.loc["Doubao tokens/day, Dec 2024 → May 2025 (+310 %)", "multiple"] == pytest.approx(4.1)
    assert mult.loc["Doubao tokens/day, May 2024 → Sep 2025", "multiple"] == pytest.approx(250)
    assert (mult["basis"] == "as reported by BOC only").sum() == 4


def test_arena_facts_gaps_and_filter_consistency():
    full = pd.DataFrame({
        "model": ["US-P", "CN-O", "US-O"], "arena_score": [1468, 1431, 1300],
        "country": ["United States", "China", "United States"],
        "licence_class": ["Proprietary", "Open weights", "Open weights"]})
    open_ = full[full["licence_class"] == "Open weights"]
    facts = cm.arena_facts(full, open_)
    assert facts["gap_top"] == 37 and facts["gap_class"] == 37     # 1468 - 1431
    assert facts["gap_open"] == 131                                  # 1431 - 1300
    assert facts["p_top"] == pytest.approx(55.305, abs=1e-3)
    assert facts["n_open_in_full"] == 2 and facts["n_open_cn_in_full"] == 1
    assert facts["cons_ok"] is True


def test_chinese_labels_sentences_and_charts(monkeypatch):
    """With CLAIMSBOOK_LANG=zh_CN the module writes Chinese: Computed labels, the headline
    sentence, chart titles; English stays the default."""
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    figures = {c.key: c for c in cm.price_figures(_price_table())}
    assert figures["price-qwen-max-cn-2025-in"].label == (
        "Alibaba Cloud's list price of qwen-max, input tokens (Chinese mainland 2025 list)")
    monkeypatch.setenv("CLAIMSBOOK_LANG", "zh_CN")
    settings.refresh()  # the settings are read once; re-read them
    label = {c.key: c for c in cm.price_figures(_price_table())}["price-qwen-max-cn-2025-in"].label
    assert label == "阿里云公布的qwen-max输入词元标价（中国内地2025年版价目表）"
    rate = cm.choose_rate("2025-09-01", 8.0)
    gaps = {c.key: c for c in cm.ratio_figures(_price_table(), rate=rate, input_share=0.5,
                                               chosen_list="intl")}
    assert "按每美元8.0000元" in gaps["price-gap-input-cn-2025"].label
    assert cjk.search(cm.revenue_share_sum({"api": 30, "subscription": 60}).label)
    summary = pd.DataFrame({"headline": ["holds", "contradicted"], "claims": [2, 1]})
    assert cm.headline_sentence(summary) == "本章共有3条不重复的陈述，其中2条成立，1条不成立。"
    assert cm.names_or_none([]) == "无" and cm.rate_date_text(rate) == "无（使用指定汇率）"
    text = cm.arena_figure_text(37, 20, 33)
    assert all(cjk.search(v) for v in text.values())


def test_the_headline_sentence_has_words_for_every_headline():
    """A headline without its words showed as its code ("2 partly holds") in the
    Chinese sentence."""
    from claimsbook.core.ledger import Headline

    assert set(cm.HEADLINE_WORDS) == {h.value for h in Headline}


def test_calendar_months_counts_whole_months_and_refuses_a_reversed_span() -> None:
    from claimsbook.core.arithmetic import calendar_months
    assert calendar_months("2024-04", "2025-06") == 14
    assert calendar_months("2024-04", "2025-04") == 12
    with pytest.raises(ValueError, match="before"):
        calendar_months("2025-06", "2024-04")
