"""Unit tests for claimsbook.chapters.second_hand: hand-worked values."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from claimsbook.core import params
from claimsbook.chapters import second_hand as sh
from claimsbook.core.ledger import Claim
from claimsbook.core.params import ParameterError
from claimsbook.core import settings

RETAIL = pd.DataFrame(
    {"year": [2023, 2024], "value_100m_yuan": [471495.0, 487895.0], "growth_pct": [7.2, 3.5]}
)
MARKET = pd.DataFrame(
    {
        "series": ["a", "a", "a", "b"],
        "comparable_group": ["online"] * 4,
        "year": [2020, 2022, 2022, 2025],
        "period": ["2020", "2022-H1", "2022", "2025"],
        "kind": ["estimate", "estimate", "forecast", "forecast"],
        "value_100m_yuan": [4000.0, 2000.0, 5000.0, 30000.0],
    }
)


def test_linear_response():
    # 10 % more GMV at elasticity 0.1 -> 1 % more retail sales.
    assert sh.retail_growth_pct(0.1, 10) == pytest.approx(1.0)
    # 1 % of 487,895 亿元 = 4,878.95 亿元.
    assert sh.retail_change(487895, 0.1, 10) == pytest.approx(4878.95)


def test_constant_elasticity_response():
    # 1.1 ** 0.1 = 1.009577... -> 0.9577 %
    assert sh.retail_growth_pct(0.1, 10, exact=True) == pytest.approx(0.95765, abs=1e-4)
    # halving GMV at elasticity 1 halves retail sales in the exact reading
    assert sh.retail_growth_pct(1.0, -50, exact=True) == pytest.approx(-50.0)


def test_zero_elasticity_means_no_response():
    assert sh.retail_change(487895, 0.0, 50) == 0.0


def test_per_extra_yuan():
    # 0.1 * 487,895 / 6,144.9 = 7.9398...
    assert sh.retail_per_extra_yuan(0.1, 487895, 6144.9) == pytest.approx(7.93983, abs=1e-4)
    with pytest.raises(ValueError, match="market_size"):
        sh.retail_per_extra_yuan(0.1, 487895, 0)


@pytest.mark.parametrize(
    ("elasticity", "growth", "fragment"),
    [(-0.1, 10, "'elasticity' = -0.1"), (0.1, -100, "'gmv_growth_pct' = -100"),
     (0.1, -150, "greater than -100"), (1.5, 10, "from 0.0 to 1.0")],
)
def test_bad_scenario_inputs(elasticity, growth, fragment):
    with pytest.raises(ParameterError, match=fragment):
        sh.retail_growth_pct(elasticity, growth)


def test_parameter_spec_rejects_unknown_year_and_series():
    good = {"gmv_growth_pct": 10.0, "elasticity": 0.1, "base_year": 2024,
            "market_series": "crgta-ecommerce"}
    assert params.validate(sh.PARAMETERS, good)["base_year"] == 2024
    with pytest.raises(ParameterError, match=r"'base_year' = 2030 .*2015, 2016"):
        params.validate(sh.PARAMETERS, {**good, "base_year": 2030})
    with pytest.raises(ParameterError, match="'base_year' = '2024'"):
        params.validate(sh.PARAMETERS, {**good, "base_year": "2024"})
    with pytest.raises(ParameterError, match="market_series"):
        params.validate(sh.PARAMETERS, {**good, "market_series": "nbs"})
    with pytest.raises(ParameterError, match="gmv_growth_pct"):
        params.validate(sh.PARAMETERS, {**good, "gmv_growth_pct": True})


def test_retail_sales_for_unknown_year():
    assert sh.retail_sales_for(RETAIL, 2023) == 471495.0
    with pytest.raises(ParameterError, match="2019"):
        sh.retail_sales_for(RETAIL, 2019)


def test_pick_market_estimate_prefers_full_year_estimate_and_nearest():
    # 2022 H1 is skipped; for 2021 the 2020 estimate and the 2022 forecast are one
    # year away each: the estimate wins.
    assert sh.pick_market_estimate(MARKET, "a", 2021)["value_100m_yuan"] == 4000.0
    assert sh.pick_market_estimate(MARKET, "a", 2023)["value_100m_yuan"] == 5000.0
    with pytest.raises(ParameterError, match="market_series"):
        sh.pick_market_estimate(MARKET, "zzz", 2023)


def test_scenario_end_to_end():
    s = sh.scenario(RETAIL, MARKET, gmv_growth_pct=20, elasticity=0.2, base_year=2024,
                    market_series="a")
    assert s.market_year == 2022 and s.market_size == 5000.0
    assert s.retail_growth_pct == pytest.approx(4.0)
    assert s.retail_change == pytest.approx(19515.8)
    assert s.extra_gmv == pytest.approx(1000.0)
    # 0.2 * 487,895 / 5,000 = 19.5158; also retail_change / extra_gmv
    assert s.retail_per_extra_yuan == pytest.approx(19.5158)
    assert s.retail_per_extra_yuan == pytest.approx(s.retail_change / s.extra_gmv)
    assert len(s.table()) == 10


def test_sensitivity_grid():
    grid = sh.sensitivity(100000, [0.05, 0.1], [10, 20])
    assert len(grid) == 4
    row = grid[(grid.elasticity == 0.05) & (grid.gmv_growth_pct == 20)].iloc[0]
    assert row.retail_change_100m_yuan == pytest.approx(1000.0)


def test_growth_check():
    frame = sh.growth_check(RETAIL)
    assert math.isnan(frame.loc[0, "ratio_growth_pct"])
    # 487,895 / 471,495 - 1 = 3.4783 %; published 3.5 -> -0.0217 pp
    assert frame.loc[1, "ratio_growth_pct"] == pytest.approx(3.47830, abs=1e-4)
    assert frame.loc[1, "difference_pp"] == pytest.approx(-0.02170, abs=1e-4)


def test_implied_earlier():
    assert sh.implied_earlier(5520, 15) == pytest.approx(4800.0)
    low, high = sh.implied_previous_range(5520, 15, 0.5, 0.5)
    # 5519.5 / 1.155 = 4778.79; 5520.5 / 1.145 = 4821.40
    assert low == pytest.approx(4778.79, abs=0.01)
    assert high == pytest.approx(4821.40, abs=0.01)
    with pytest.raises(ValueError, match="leaves nothing to grow from"):
        sh.implied_earlier(5520, -100)


def test_share_pct():
    # 20.2 million of 600 million = 3.3667 %
    assert sh.share_pct(20.2, 600) == pytest.approx(3.36667, abs=1e-5)
    with pytest.raises(ValueError, match="whole"):
        sh.share_pct(1, 0)


def test_cohort_bounds_disjoint_and_nested():
    disjoint = sh.CohortBounds({"post-95s": 40, "post-00s": 20})
    assert disjoint.combined_lower() == 60
    assert disjoint.upper("post-95s") == 80
    assert disjoint.upper("post-00s") == 60
    table = disjoint.table()
    assert list(table["unknown_pp"]) == [40, 40]
    nested = sh.CohortBounds({"post-95s": 40, "post-00s": 20}, nested=True)
    assert nested.combined_lower() == 40
    assert nested.upper("post-00s") == 100
    with pytest.raises(ValueError, match="more than 100"):
        sh.CohortBounds({"a": 70, "b": 40})


def test_stage_gaps_and_timeline():
    stages = pd.DataFrame(
        {"stage": ["x", "y", "z"], "start_year": [2002, 2018, 2021],
         "end_year": pd.array([2017, 2020, pd.NA], dtype="Int64")}
    )
    gaps = sh.stage_gaps(stages.iloc[:2])
    assert list(gaps["gap_years"]) == [1]
    bars = sh.timeline(stages)
    assert list(bars["bar_end"]) == [2018, 2021, 2022]
    assert list(bars["end_known"]) == [True, True, False]
    assert list(bars["years"]) == [16, 3, 1]


def test_count_distinct():
    assert sh.count_distinct(["a", "b", "a"]) == 2


def test_half_unit_and_rounding_bound():
    assert sh.half_unit_100m_yuan("38.1 trillion yuan") == pytest.approx(500)
    assert sh.half_unit_100m_yuan("30.09 trillion yuan") == pytest.approx(50)
    assert sh.half_unit_100m_yuan("41,164.9 billion yuan") == pytest.approx(0.5)
    assert sh.half_unit_100m_yuan("332,316 亿元") == pytest.approx(0.5)
    with pytest.raises(ValueError, match="reported_as"):
        sh.half_unit_100m_yuan("about 38 trillion")
    retail = pd.DataFrame({"year": [2017, 2018], "value_100m_yuan": [366262.0, 381000.0],
                           "growth_pct": [10.2, 9.0],
                           "reported_as": ["366,262 亿元", "38.1 trillion yuan"]})
    frame = sh.growth_check(retail)
    assert "reported_as" not in frame
    # 100 * (500 / 366262 + 381000 * 0.5 / 366262**2) = 0.13651 + 0.00014 = 0.13665
    assert frame.loc[1, "rounding_pp"] == pytest.approx(0.13665, abs=1e-5)
    assert math.isnan(frame.loc[0, "rounding_pp"])
    assert "rounding_pp" not in sh.growth_check(RETAIL)


# --- growth helpers: one pair, each the inverse of the other --------------------------


def test_growth_pct_and_implied_previous_are_inverses():
    assert sh.growth_pct(5520.0, 4800.0) == pytest.approx(15.0)
    assert sh.growth_pct(sh.implied_earlier(5520, 15), 5520) == pytest.approx(-100 * 15 / 115)
    series = sh.growth_pct(pd.Series([110.0, 99.0]), pd.Series([100.0, 110.0]))
    assert list(series.round(6)) == [10.0, -10.0]


# --- values the checks reference -------------------------------------------------------

CRGTA = pd.DataFrame({
    "estimate_id": ["t23", "t24", "o24"],
    "series": ["crgta-total", "crgta-total", "crgta-ecommerce"],
    "producer": ["CRGTA"] * 3, "scope": ["all", "all", "online"],
    "comparable_group": ["whole market", "whole market", "online"],
    "year": [2023, 2024, 2024], "period": ["2023", "2024", "2024"],
    "kind": ["estimate"] * 3, "value_100m_yuan": [13200.0, 16900.0, 6144.9],
    "source_id": ["ic-1", "ic-2", "ic-2"], "location": ["p1", "p3", "p3"], "note": ["", "", ""],
})


def _claim(cid: str, value: float, tolerance: float, unit: str) -> Claim:
    return Claim(claim_id=cid, chapter="04-second-hand", section="market-size",
                 source_id="zgjyb-2025-04", location="article 2, para. 2", claim="x",
                 reported_as="", reported_value=value, unit=unit, comparison="=",
                 tolerance=tolerance, period="not stated")


def test_offline_builds_the_context_values():
    off = sh.offline(_claim("v", 5520, 0.5, "100 million yuan"), _claim("g", 15, 0.5, "%"), CRGTA)
    assert off.year == 2024
    # 16,900 - 6,144.9 = 10,755.1 亿元
    assert off.non_online == pytest.approx(10755.1)
    residual, previous = off.computed()
    assert residual.key == "crgta-non-online-2024" and residual.value == pytest.approx(10755.1)
    assert residual.source_id == "ic-2" and "2024" in residual.label
    assert previous.key == "offline-previous-implied" and previous.value == pytest.approx(4800.0)
    assert previous.location == "article 2, para. 2" and "4,779" in previous.label
    values = off.glue_values()
    assert values["crgta_ratio"] == pytest.approx(10755.1 / 5520)
    assert values["crgta_total_tn"] == pytest.approx(1.69)
    assert values["rep_offline_bn"] == pytest.approx(552.0)


STAGES = pd.DataFrame({
    "stage_id": ["a1", "a2", "a3", "everbright-exploration", "everbright-launch",
                 "everbright-rapid"],
    "stage": ["exploration", "market launch", "rapid development"] * 2,
    "stage_zh": ["探索期", "市场启动期", "高速发展期"] * 2,
    "start_year": [2002, 2018, 2021, 2002, 2018, 2021],
    "end_year": pd.array([2017, 2020, 2025, 2017, 2020, pd.NA], dtype="Int64"),
    "source_id": ["zgjyb-2025-04"] * 3 + ["everbright-2021-11-24"] * 3,
    "location": ["para. 2"] * 3 + ["section 1.1"] * 3, "note": [""] * 6,
})


def test_stage_values_and_computed():
    values = sh.stage_values(STAGES)
    # The fixture's Everbright rows date five of the article's six years, all the same.
    assert values == {"s1": 2002, "e1": 2017, "s2": 2018, "e2": 2020, "s3": 2021, "e3": 2025,
                      "eb_start": 2018, "eb_matched": 5, "eb_compared": 5}
    computed = {c.key: c for c in sh.stage_computed(STAGES)}
    assert set(computed) == {
        "everbright-exploration-start", "everbright-exploration-end", "everbright-launch-start",
        "everbright-launch-end", "everbright-rapid-start", "everbright-stage-count",
        "article-stage-count"}
    launch = computed["everbright-launch-start"]
    assert launch.value == 2018 and launch.source_id == "everbright-2021-11-24"
    assert "市场启动期" in launch.label and launch.location == "section 1.1"
    assert computed["everbright-exploration-end"].value == 2017
    assert computed["everbright-stage-count"].value == 3
    assert computed["article-stage-count"].value == 3
    assert sh.stage_matches(STAGES) == (5, 5)
    figure = sh.stage_figure(STAGES)
    assert "All 5" in figure["title"]
    assert "exploration stage 2002-2017" in figure["description"]
    assert "rapid development stage 2021-?" in figure["description"]
    assert set(figure["data"]["who"]) == {"中国经营报 (article)", "Everbright / Analysys"}
    partial = STAGES.assign(end_year=pd.array([2017, 2020, 2025, 2016, 2020, pd.NA],
                                              dtype="Int64"))
    assert sh.stage_matches(partial) == (4, 5)
    assert "4 of the article's 5" in sh.stage_figure(partial)["title"]


def test_scenario_values_and_what_if_figure():
    market = MARKET.assign(producer="p", scope="s", source_id="src", note="")
    s = sh.scenario(RETAIL, market, gmv_growth_pct=10, elasticity=0.1, base_year=2024,
                    market_series="a")
    est = sh.pick_market_estimate(market, "a", 2024)
    values = sh.scenario_values(s, est)
    assert values["retail_tn"] == pytest.approx(48.7895)
    assert values["retail_change_bn"] == pytest.approx(487.895)
    assert values["market_caveat"] == ""
    grid = sh.scenario_what_if(RETAIL, market, s)
    assert set(grid["elasticity"]) == {*sh.WHAT_IF_ELASTICITIES, 0.1}
    at_page = grid[(grid["elasticity"] == 0.1) & (grid["market_series"] == "a")
                   & (grid["gmv_growth_pct"] == 10)].set_index("measure")["bn_yuan"]
    # 10 % of 48.79 trillion yuan of retail sales x 0.1 = 487.9 bn yuan
    assert at_page[sh.RETAIL_MEASURE] == pytest.approx(487.895)
    figure = sh.scenario_what_if_figure(s, grid)
    assert "488 bn yuan" in figure["title"]
    spec = figure["chart"].to_dict()
    params = {p["name"]: p for view in [spec, *spec["layer"]] for p in view.get("params", [])}
    assert params["elasticity"]["value"] == 0.1 and params["market"]["value"] == "a"
    assert "this page: 0.1" in params["elasticity"]["bind"]["name"]


XIANYU = pd.DataFrame({
    "figure_id": ["users-2023-05", "users-2025-03", "mau-2024-04", "listings-2024-04",
                  "dau-2023", "ai-users-2025-11", "post95-dau-2023", "post95-2025",
                  "post95-2024-04", "post00-2024-04", "post95-00-2025-12"],
    "metric": ["user accounts", "registered users", "monthly active users",
               "new idle listings per day", "daily active users", "AI users",
               "share of DAU post-95", "share post-95", "share post-95", "share post-00",
               "share post-95 and post-00"],
    "value": [500, 600, 162, 4, 36.68, 45, 43, 60, 43, 22, 65],
    "comparison": ["=", ">", "=", "=", "=", "=", "=", "=", "=", "=", "="],
    "date": ["2023-05", "2025-03", "2024-04", "2024-04", "2023", "2025-11", "2023", "2025-03",
             "2024-04", "2024-04", "2025-12"],
    "source_id": ["s"] * 11,
}).set_index("figure_id")


def test_xianyu_values_and_users_figure():
    values = sh.xianyu_values(XIANYU, 20.2)
    # 2023-05-01 to 2025-03-01: 670 days = 22.01 months
    assert values["months_gap"] == pytest.approx(670 / (365.25 / 12))
    assert values["users_per_month"] == pytest.approx(100 / values["months_gap"])
    assert values["ai_share"] == pytest.approx(3.36667, abs=1e-5)
    figure = sh.users_figure(XIANYU)
    assert "passed 600 million" in figure["title"] and "27 %" in figure["title"]
    assert set(figure["data"]["figure_id"]) == {"users-2023-05", "users-2025-03", "mau-2024-04",
                                                 "dau-2023"}


def test_cohort_values_and_age_figure():
    values = sh.cohort_values(40, 20, XIANYU)
    assert values["combined"] == 60 and values["nested_floor"] == 40
    assert values["upper95"] == 80 and values["upper00"] == 60
    assert values["post95_00_vs_floor"] == "above"
    figure = sh.age_bounds_figure(40, 20, XIANYU)
    assert "'More than 40 %' and 'more than 20 %'" in figure["title"]
    assert "(80 % and 60 %)" in figure["description"]


def test_summary_values():
    summary = pd.DataFrame({"headline": ["holds", "roughly holds", "garbled", "contradicted",
                                         "faithful, unconfirmed", "unverifiable"],
                            "claims": [2, 0, 0, 0, 4, 12]})
    assert sh.summary_values(summary) == {"n_claims": 18, "n_holds": 2, "n_faithful": 4,
                                          "n_unverifiable": 12, "n_other": 0}


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_chinese_labels_titles_and_what_if_menus(monkeypatch):
    """With CLAIMSBOOK_LANG=zh_CN the module writes Chinese: a Computed label, the scenario
    table, chart titles and the what-if chart's menus; money in 亿元."""
    monkeypatch.setenv("CLAIMSBOOK_LANG", "zh_CN")
    settings.refresh()  # the settings are read once; re-read them
    computed = {c.key: c for c in sh.stage_computed(STAGES)}
    label = computed["everbright-launch-start"].label
    assert label.startswith("光大证券") and "市场启动期" in label
    assert not re.search(r"[A-Za-z]{4,}", label.replace("Analysys", ""))
    assert CJK.search(computed["article-stage-count"].label)
    off = sh.offline(_claim("v", 5520, 0.5, "100 million yuan"), _claim("g", 15, 0.5, "%"), CRGTA)
    assert "亿" in off.computed()[1].label and CJK.search(off.computed()[0].label)
    market = MARKET.assign(producer="p", scope="s", source_id="src", note="",
                           series=MARKET["series"].map({"a": "iimedia", "b": "100ec"}))
    s = sh.scenario(RETAIL, market, gmv_growth_pct=10, elasticity=0.1, base_year=2024,
                    market_series="iimedia")
    assert s.table()["quantity"].map(lambda q: bool(CJK.search(q))).all()
    values = sh.scenario_values(s, sh.pick_market_estimate(market, "iimedia", 2024))
    assert values["retail_change_yi"].startswith("4879亿")   # 487.9 bn yuan: no separator at 亿
    assert values["market_label"] == "艾媒咨询" and "retail_change_bn" in values
    figure = sh.scenario_what_if_figure(s, sh.scenario_what_if(RETAIL, market, s))
    assert figure["title"].startswith("弹性为0.1时") and "亿" in figure["title"]
    spec = figure["chart"].to_dict()
    params = {p["name"]: p for view in [spec, *spec["layer"]] for p in view.get("params", [])}
    assert params["elasticity"]["bind"]["name"].startswith("弹性（本页：0.1）")
    assert params["market"]["bind"]["name"].startswith("市场规模序列")
    assert CJK.search(sh.stage_figure(STAGES)["title"])
    assert sh.cohort_values(40, 20, XIANYU)["post95_00_vs_floor"] == "高于"
    assert CJK.search(sh.age_bounds_figure(40, 20, XIANYU)["description"])


def test_english_is_the_default(monkeypatch):
    monkeypatch.delenv("CLAIMSBOOK_LANG", raising=False)
    label = {c.key: c for c in sh.stage_computed(STAGES)}["everbright-launch-start"].label
    assert label == ("Start of the market launch stage (市场启动期) in Everbright Securities' "
                     "stage scheme (Analysys AMC model)")
    market = MARKET.assign(producer="p", scope="s", source_id="src", note="")
    s = sh.scenario(RETAIL, market, gmv_growth_pct=10, elasticity=0.1, base_year=2024,
                    market_series="a")
    values = sh.scenario_values(s, sh.pick_market_estimate(market, "a", 2024))
    assert not any(key.endswith("_yi") for key in values)   # Chinese-only glue


def test_tables_name_a_market_series_not_its_id():
    """Ids (crgta-ecommerce) are the parameter's values; readers get the series' name."""
    market = MARKET.assign(series=MARKET["series"].map({"a": "crgta-ecommerce", "b": "iimedia"}))
    per_yuan = sh.per_yuan_by_series(RETAIL, market, 0.2, 2024)
    assert list(per_yuan["series"]) == ["CRGTA e-commerce", "iiMedia"]
    s = sh.scenario(RETAIL, market, gmv_growth_pct=20, elasticity=0.2, base_year=2024,
                    market_series="crgta-ecommerce")
    assert "Second-hand market (CRGTA e-commerce, 2022)" in set(s.table()["quantity"])
    with settings.use(language="zh_CN"):
        table = s.table()
    assert "二手市场规模（中国旧货业协会二手电商口径，2022年）" in set(table["quantity"])
    assert "100m yuan" not in set(table["unit"])  # the money rows in 万/亿 with 元, one cell
    assert any(str(v).endswith("亿元") for v in table["value"])
