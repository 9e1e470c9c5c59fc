"""Unit tests for claimsbook.chapters.months_behind; expected values worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from claimsbook.chapters import months_behind as mb
from claimsbook.chapters.lag import DAYS_PER_MONTH
from claimsbook.core.params import ParameterError, validate
from claimsbook.core import settings


def models(*rows: tuple[str, str, float, str, object]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["country", "date", "score", "model", "open_weights"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["organization"] = frame["model"]
    frame["open_weights"] = pd.array(frame["open_weights"], dtype="boolean")
    return frame


@pytest.fixture
def toy() -> pd.DataFrame:
    # US: 50 on 2023-01-01 (first US model), 60 on 2023-07-01.
    # CN: 50 on 2023-06-01, 60 on 2024-01-01 (open), 70 on 2024-03-01 (open).
    return models(
        ("United States", "2023-01-01", 50, "us-a", False),
        ("United States", "2023-07-01", 60, "us-b", True),
        ("China", "2023-06-01", 50, "cn-a", pd.NA),
        ("China", "2024-01-01", 60, "cn-b", True),
        ("China", "2024-03-01", 70, "cn-c", True),
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("United States of America", "United States"),
        ("China", "China"),
        ("Hong Kong,China", "China"),
        ("France", "Europe"),
        ("Germany,United States of America", "Multinational"),
        ("United States of America,China", "Multinational"),
        ("United Arab Emirates", "Other"),
        (None, "Other"),
        (float("nan"), "Other"),
    ],
)
def test_classify_country(raw: object, expected: str) -> None:
    assert mb.classify_country(raw) == expected


def test_is_open_weights() -> None:
    assert mb.is_open_weights("Open weights (restricted use)") is True
    assert mb.is_open_weights("API access") is False
    assert mb.is_open_weights(pd.NA) is pd.NA


def test_select_models_open_weights_drops_unknown(toy: pd.DataFrame) -> None:
    out = mb.select_models(toy, "open-weights")
    assert list(out["model"]) == ["us-b", "cn-b", "cn-c"]
    assert len(mb.select_models(toy, "all")) == 5
    with pytest.raises(ValueError, match="model_set"):
        mb.select_models(toy, "closed")


def test_lag_table_censored_min_models_and_beyond_data(toy: pd.DataFrame) -> None:
    dates = ["2023-06-30", "2023-12-31", "2024-01-31", "2024-03-31"]
    out = mb.lag_table(toy, leader="United States", follower="China", dates=dates,
                       data_end=pd.Timestamp("2024-02-29"))
    # 2023-06-30: CN best 50, reached by the US on 2023-01-01 = its first model -> censored.
    assert out.loc[0, "lag_days"] == 180  # Jan 1 -> Jun 30, 2023
    assert bool(out.loc[0, "censored"]) is True
    # 2023-12-31: CN best 50 still; lag 364 days, still censored.
    assert out.loc[1, "lag_days"] == 364
    # 2024-01-31: CN best 60 reached by US on 2023-07-01: 214 days, not censored.
    assert out.loc[2, "lag_days"] == 214
    assert bool(out.loc[2, "censored"]) is False
    assert out.loc[2, "reached"] == pd.Timestamp("2023-07-01")
    # 2024-03-31 is after data_end.
    assert out.loc[3, "status"] == "beyond-data"
    assert math.isnan(out.loc[3, "lag_months"])
    # With two models required, China has only one until 2024-01-01.
    few = mb.lag_table(toy, leader="United States", follower="China", dates=dates, min_models=2)
    assert list(few["status"][:2]) == ["too-few-models", "too-few-models"]
    assert few.loc[2, "lag_days"] == 214
    assert list(few["n_follower"]) == [1, 1, 2, 3]


def test_lag_table_follower_ahead_is_negative(toy: pd.DataFrame) -> None:
    # 2024-03-31: CN best 70 > US best 60; CN first reached 60 on 2024-01-01: -90 days.
    out = mb.lag_table(toy, leader="United States", follower="China", dates=["2024-03-31"])
    assert out.loc[0, "lag_days"] == -90
    assert out.loc[0, "status"] == "follower-ahead"
    assert bool(out.loc[0, "censored"]) is False


def test_lag_table_country_without_models(toy: pd.DataFrame) -> None:
    out = mb.lag_table(toy, leader="Europe", follower="China", dates=["2024-01-31"])
    assert out.loc[0, "status"] == "no-leader-data"
    assert math.isnan(out.loc[0, "lag_months"])


def test_summarise_and_check_values(toy: pd.DataFrame) -> None:
    s = mb.summarise(toy, mb.LagRules("United States", "China"), metric="eci",
                     start="2022-12-31", early_by="2023-12-31")
    # First measurable month end is 2023-06-30: 180 days, censored lower bound.
    assert s.early_date == pd.Timestamp("2023-06-30")
    assert s.early_lag == pytest.approx(180 / DAYS_PER_MONTH)
    assert s.early_censored
    assert s.early_check_value() is None  # lower bound 5.9 months cannot decide "> 12"
    # Q2 2025: CN 70 ahead of US 60 since 2024-03-01; CN reached 60 on 2024-01-01.
    # 2025-06-30 - 2024-01-01 = 546 days -> -546 days.
    assert s.q2_lag == pytest.approx(-546 / DAYS_PER_MONTH)
    assert s.q2_check_value() == pytest.approx(-546 / DAYS_PER_MONTH)
    row = s.as_row()
    assert row["supports_over_a_year"] == "cannot tell"
    assert row["supports_under_three_months"] == "yes"


def test_censored_lower_bound_above_threshold_is_used() -> None:
    s = mb.Summary("mmlu", 0.0, pd.Timestamp("2023-06-30"), 17.0, True, float("nan"), float("nan"))
    assert s.early_check_value() == 17.0
    assert s.q2_check_value() is None
    assert s.as_row()["supports_over_a_year"] == "yes"
    assert s.as_row()["supports_under_three_months"] == "cannot tell"


def test_sweep_has_one_row_per_metric_and_tolerance(toy: pd.DataFrame) -> None:
    out = mb.sweep({"eci": (toy, None), "mmlu": (toy, pd.Timestamp("2024-12-31"))}, (0, 5),
                   mb.LagRules("United States", "China", tolerance=2.0), start="2022-12-31",
                   early_by="2023-12-31")
    assert len(out) == 4
    assert sorted(out["tolerance"].unique()) == [0.0, 5.0]  # the sweep's, not the rules' 2.0
    assert out.loc[out["metric"] == "mmlu", "q2_2025_lag_months"].isna().all()
    # Tolerance 5: at 2025-06-30 US 60 >= 70 - 5? no, so follower ahead; CN reached 60 - 5 = 55
    # on 2024-01-01 -> same -546 days.
    eci5 = out[(out["metric"] == "eci") & (out["tolerance"] == 5)].iloc[0]
    assert eci5["q2_2025_lag_months"] == pytest.approx(-546 / DAYS_PER_MONTH)


def test_score_margin_and_first_overtaking(toy: pd.DataFrame) -> None:
    assert mb.score_margin(toy, "cn-c", ["us-a", "us-b"]) == 10.0
    with pytest.raises(KeyError, match="missing"):
        mb.score_margin(toy, "missing", ["us-a"])
    # CN frontier: 50 (2023-06-01, US best then 50: not above), 60 (2024-01-01, US 60: not
    # above), 70 (2024-03-01, above) -> 2024-03-01.
    assert mb.first_overtaking(toy, "United States", "China") == pd.Timestamp("2024-03-01")
    # Reversed roles: US 60 on 2023-07-01 rises above China's 50 then.
    assert mb.first_overtaking(toy, "China", "United States") == pd.Timestamp("2023-07-01")
    # A follower that never rises above the leader gives None.
    assert mb.first_overtaking(toy[toy["model"] != "cn-c"], "United States", "China") is None


def test_months_between_and_releases(toy: pd.DataFrame) -> None:
    assert mb.months_between("2023-11-02", "2025-05-28") == pytest.approx(573 / DAYS_PER_MONTH)
    assert mb.first_release(toy, "cn-")["model"] == "cn-a"
    assert mb.release_of(toy, "cn-b") == pd.Timestamp("2024-01-01")


def test_frontier_steps_and_segments(toy: pd.DataFrame) -> None:
    steps = mb.frontier_steps(toy, ["United States", "China"], "2024-06-30")
    us = steps[steps["country"] == "United States"]
    assert list(us["score"]) == [50, 60, 60]
    assert us["date"].iloc[-1] == pd.Timestamp("2024-06-30")
    lags = mb.lag_table(toy, leader="United States", follower="China",
                        dates=["2024-01-31", "2024-03-31"])
    seg = mb.lag_segments(lags)
    assert len(seg) == 1  # the negative lag has no segment
    assert seg.iloc[0]["reached"] == pd.Timestamp("2023-07-01")


def test_arena_models_needs_every_organisation() -> None:
    arena = pd.DataFrame({"model": ["a"], "organization": ["Nowhere Labs"], "first_listed": ["2024-01-01"],
                          "rating": [1200.0], "open_weights": [True]})
    orgs = pd.DataFrame({"organization": ["OpenAI"], "country": ["United States"]})
    with pytest.raises(ValueError, match="Nowhere Labs"):
        mb.arena_models(arena, orgs)


def test_parameters_accept_defaults_and_refuse_bad_values() -> None:
    good = {"metric": "eci", "countries": ["United States", "China"], "start_date": "2022-12-31",
            "end_date": "2025-12-31", "early_by": "2023-06-30", "tolerance": 0.0,
            "model_set": "all", "min_models": 1}
    p = validate(mb.PARAMETERS, good)
    assert p["countries"] == ("United States", "China")
    with pytest.raises(ParameterError, match="'countries'"):
        validate(mb.PARAMETERS, {**good, "countries": ["China", "China"]})
    with pytest.raises(ParameterError, match="'countries'"):
        validate(mb.PARAMETERS, {**good, "countries": "China"})
    with pytest.raises(ParameterError, match="'metric'"):
        validate(mb.PARAMETERS, {**good, "metric": "elo"})
    with pytest.raises(ParameterError, match="'min_models'"):
        validate(mb.PARAMETERS, {**good, "min_models": 0})


def test_lead_changes_and_their_description(toy: pd.DataFrame) -> None:
    changes = mb.lead_changes(toy, "United States", "China")
    # Both countries have a model from 2023-06-01 (a tie at 50: nobody leads); the US
    # takes the lead with 60 on 2023-07-01; CN ties at 60 on 2024-01-01 (no change)
    # and leads with 70 from 2024-03-01.
    assert list(changes["leader"]) == ["United States", "China"]
    assert list(changes["date"]) == [pd.Timestamp("2023-07-01"), pd.Timestamp("2024-03-01")]
    assert changes.iloc[1]["model"] == "cn-c" and changes.iloc[1]["rival_score"] == 60
    lead = "China's best open-weights model (cn-c) first rose above that of the US on 1 March 2024"
    assert mb.describe_lead(changes, "China", "the US") == f"{lead} and has led since"
    assert mb.describe_lead(changes.iloc[:1], "China", "the US") == (
        "China's best open-weights model never rose above that of the US")
    swapped = pd.concat([changes, pd.DataFrame([{"date": pd.Timestamp("2024-05-01"),
                                                  "leader": "United States", "model": "us-x",
                                                  "score": 80, "rival_score": 70}])])
    assert mb.describe_lead(swapped, "China", "the US") == (
        f"{lead}; the lead changed hands 1 more time, "
        "and United States holds it at the end of the data (us-x)")


def long_table(metric: str, values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"metric": metric, "date": pd.to_datetime(list(values)),
                         "lag_months": list(values.values()), "censored": False, "status": "level"})


def test_first_dates_per_metric(toy: pd.DataFrame) -> None:
    tables = {"eci": (toy, None), "mmlu": (toy[toy["country"] != "China"], None)}
    out = mb.first_dates(tables, "China")
    assert list(out["metric"]) == ["eci", "mmlu"]
    assert out.loc[0, "first_date"] == pd.Timestamp("2023-06-01")
    assert pd.isna(out.loc[1, "first_date"])


def test_lag_fall_peak_low_and_description() -> None:
    long = pd.concat([
        # Peak 9 in Sept 2024 (window Jul-Dec), low 2 in Jan 2025 (window Dec-Mar): fell 7.
        long_table("a", {"2024-06-30": 20, "2024-09-30": 9, "2024-12-31": 4,
                         "2025-01-31": 2, "2025-03-31": 5}),
        # Rises through both windows: peak 6 in Dec, low 6 in Dec (same month): no fall.
        long_table("b", {"2024-08-31": 3, "2024-12-31": 6, "2025-01-31": 7}),
        # No month in the low window: cannot tell.
        long_table("c", {"2024-08-31": 3}),
    ])
    fall = mb.lag_fall(long)
    a = fall[fall["metric"] == "a"].iloc[0]
    assert (a["peak_months"], a["peak_date"]) == (9, pd.Timestamp("2024-09-30"))
    assert (a["low_months"], a["low_date"]) == (2, pd.Timestamp("2025-01-31"))
    assert a["fall_months"] == 7 and bool(a["fell"]) is True
    b = fall[fall["metric"] == "b"].iloc[0]
    assert b["fall_months"] == 0 and bool(b["fell"]) is False
    c = fall[fall["metric"] == "c"].iloc[0]
    assert pd.isna(c["fell"]) and math.isnan(c["fall_months"])
    assert mb.describe_fall(fall) == (
        "the lag fell on 1 of the 2 metrics with a measurable lag in both periods "
        "(a 9.0 months (September 2024) to 2.0 (January 2025)) "
        "and did not fall on b 6.0 months (December 2024) to 6.0 (December 2024)")
    assert mb.describe_fall(fall[fall["metric"] == "a"]) == (
        "on the one metric with a measurable lag in both periods the lag fell: "
        "a 9.0 months (September 2024) to 2.0 (January 2025)")
    assert mb.describe_fall(fall[fall["metric"] == "c"]) == (
        "no metric has a measurable lag in both periods")


def test_lag_path_frontier_raises_and_description(toy: pd.DataFrame) -> None:
    series = long_table("eci", {"2024-06-30": 5, "2024-08-31": 17, "2025-01-31": 1.5,
                                "2025-06-30": 6.4, "2025-09-30": 30})
    path = mb.lag_path(series)  # months after Q2 2025 are ignored
    assert (path.peak, path.peak_date) == (17, pd.Timestamp("2024-08-31"))
    assert (path.low, path.low_date) == (1.5, pd.Timestamp("2025-01-31"))
    assert path.end == 6.4
    # China's frontier rose with cn-b (2024-01-01) and cn-c (2024-03-01).
    assert mb.frontier_raises(toy, "China", "2023-12-31", "2024-03-01") == ["cn-b", "cn-c"]
    assert mb.frontier_raises(toy, "China", "2024-01-01", "2024-02-29") == []
    assert mb.describe_path(path, "China", ["x", "y"]) == (
        "longest in August 2024, at 17.0 months; China's releases (x, y) then cut it to its "
        "minimum, 1.5 months in January 2025, after which it grew again, to 6.4 months on "
        "30 June 2025")
    assert "(5 of them, from a to e) then cut it" in mb.describe_path(path, "China", list("abcde"))
    flat = mb.lag_path(long_table("eci", {"2025-05-31": 3, "2025-06-30": 2}))
    assert mb.describe_path(flat, "China", []) == (
        "longest in May 2025, at 3.0 months; China's releases then cut it to its minimum, "
        "2.0 months in June 2025, where it still stood on 30 June 2025")


def test_describe_coverage() -> None:
    closing = pd.DataFrame({"metric": ["eci", "mmlu", "arena"],
                            "early_lag_months": [8.0, 17.0, float("nan")],
                            "early_censored": [True, True, False],
                            "q2_2025_lag_months": [6.4, float("nan"), float("nan")]})
    assert mb.describe_coverage(closing) == (
        "only eci measures both ends of the claim, and its early value is only a lower bound")
    closing.loc[1, "q2_2025_lag_months"] = 2.0
    assert mb.describe_coverage(closing) == (
        "only eci and mmlu measure both ends of the claim, and the early value is only a lower "
        "bound on eci and mmlu")
    assert mb.describe_coverage(closing.iloc[:1].assign(early_censored=False)) == (
        "every metric measures both ends of the claim")
    assert mb.describe_coverage(closing.iloc[2:]) == "no metric measures both ends of the claim"


def test_lag_values_label_proxies_and_missing_dates() -> None:
    closing = pd.DataFrame({"metric": ["eci", "arena"], "tolerance": [0.0, 0.0],
                            "early_date": [pd.Timestamp("2023-06-30"), pd.NaT],
                            "early_lag_months": [8.0, float("nan")],
                            "early_censored": [True, False],
                            "q2_2025_lag_months": [6.4, float("nan")]})
    values = {v.key: v for v in mb.lag_values(closing, mb.LagRules("United States", "China"), "all")}
    assert sorted(values) == ["lag-early-arena", "lag-early-eci", "lag-q2-2025-arena",
                              "lag-q2-2025-eci"]
    early = values["lag-early-eci"]
    assert early.value == 8.0 and early.unit == "months" and early.period == "2023-06-30"
    assert early.label == ("lag of China behind United States recomputed on Epoch Capabilities "
                           "Index (tolerance 0, model set all), first measurable month-end, "
                           "a lower bound")
    assert early.source_id == mb.EPOCH_SOURCE
    assert values["lag-early-arena"].value is None
    assert "no measurable month" in values["lag-early-arena"].label
    assert values["lag-q2-2025-arena"].source_id == mb.ARENA_SOURCE
    assert values["lag-q2-2025-arena"].label.endswith("no data for this date")
    assert values["lag-q2-2025-eci"].period == "2025-06-30"


def test_values_for_the_labs_and_open_weights_checks() -> None:
    ratio = mb.index_ratio_value(68.0, 20.0)
    assert ratio.key == "deepseek-index-ratio" and ratio.value == pytest.approx(3.4)
    assert "68 for R1-0528 over 20" in ratio.label and ratio.source_id == mb.POST_SOURCE
    eci = models(("China", "2023-11-02", 10, "deepseek-coder-33b-base", True),
                 ("China", "2025-05-28", 40, mb.R1_0528, True))
    eci["organization"] = "DeepSeek"
    span = mb.deepseek_span(eci)
    assert span.first_model == "deepseek-coder-33b-base"
    assert span.months == pytest.approx(573 / DAYS_PER_MONTH)
    assert (span.first_eci, span.r1_eci) == (10.0, 40.0)
    computed, month = span.computed()
    assert computed.key == "deepseek-first-to-r1-0528" and computed.unit == "months"
    assert "(2023-11-02)" in computed.label and "(2025-05-28)" in computed.label
    assert month.key == "deepseek-first-release-month" and month.value == 11.0
    assert month.unit == "month of 2023" and month.period == "2023-11"
    arena = models(("China", "2024-11-28", 1250, mb.QWQ_MODEL, True),
                   ("United States", "2024-07-23", 1330, mb.LLAMA_405B_MODELS[0], True),
                   ("United States", "2024-07-23", 1340, mb.LLAMA_405B_MODELS[1], True))
    margin = mb.arena_margin_value(arena, "2025-03-26")
    assert margin.value == -90.0 and margin.period == "leaderboard of 2025-03-26"


def test_sentences_titles_and_user_figures() -> None:
    assert mb.month_text(pd.NaT) == "no month"
    assert mb.day_text("2024-03-01") == "1 March 2024"
    assert mb.day_text(pd.NaT) == "no date"
    assert mb.lag_chart_title(pd.DataFrame({"lag_months": [2.0, 6.0, 1.0]})) == (
        "At the end of Q2 2025 the lag is under three months on 2 of 3 metrics with data")
    assert mb.open_lead_title(None).endswith("in no month")
    closing = pd.DataFrame({"metric": ["eci"], "early_lag_months": [8.0],
                            "early_censored": [True], "q2_2025_lag_months": [6.4]})
    assert mb.coverage_sentence(closing) == (
        "Every metric measures both ends of the claim, and its early value is only a lower "
        "bound, so the story of a lag that shrank from late 2022 to Q2 2025 cannot be traced "
        "end to end in these data")
    long = pd.DataFrame({"metric": "eci", "date": pd.to_datetime(["2024-09-30", "2025-02-28"]),
                         "lag_months": [9.0, 4.0]})
    assert mb.fall_sentence(long).startswith(
        "Comparing the longest lag from July 2024 to December 2024 with the shortest from "
        "December 2024 to March 2025, on the one metric")
    figures = pd.DataFrame({"value": [2.0, 3.0, 100.0, 10.0, 15.0, 12.5]}, index=[
        "boc-fig15-tongyi-app", "boc-fig15-tongyi-web", "boc-fig15-doubao-app",
        "boc-fig15-doubao-web", "boc-fig15-quark-search", "qm-kimi-mau-2025q2"])
    users = mb.UserFigures.build(figures, {"tongyi_mau": 150.0, "doubao_mau": 110.0,
                                           "kimi_mau": 25.0}).values
    assert users["tongyi_times"] == 75.0 and users["tongyi_family"] == 20.0
    assert users["kimi_pct"] == 50.0 and users["okeeper_doubao_mau"] == 110.0


CJK = r"[\u4e00-\u9fff]"


def _english_words(text: str, allowed: set[str]) -> list[str]:
    """Latin words of ``text`` that are not names the Chinese edition keeps."""
    import re

    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text) if w not in allowed]


def test_chinese_narratives(toy: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    """With CLAIMSBOOK_LANG=zh_CN the chapter's glued sentences, labels and titles are
    Chinese: dates as 2024年3月1日, country names and connecting words translated, only
    model and metric identifiers left in Latin letters."""
    import re

    monkeypatch.setenv("CLAIMSBOOK_LANG", "zh_CN")
    settings.refresh()  # the settings are read once; re-read them
    changes = mb.lead_changes(toy, "United States", "China")
    lead = mb.describe_lead(changes, "China", "the United States")
    assert lead == "中国最佳开放权重模型（cn-c）于2024年3月1日首次超过美国最佳开放权重模型，此后一直领先"
    swapped = pd.concat([changes, pd.DataFrame([{"date": pd.Timestamp("2024-05-01"),
                                                  "leader": "United States", "model": "us-x",
                                                  "score": 80, "rival_score": 70}])])
    assert mb.describe_lead(swapped, "China", "the United States") == (
        "中国最佳开放权重模型（cn-c）于2024年3月1日首次超过美国最佳开放权重模型；此后领先地位又易手1次，数据截止时由美国领先（us-x）")
    path = mb.lag_path(long_table("eci", {"2024-06-30": 5, "2024-08-31": 17, "2025-01-31": 1.5,
                                          "2025-06-30": 6.4}))
    text = mb.describe_path(path, "China", ["x", "y"])
    assert "2024年8月" in text and "2025年6月30日" in text and "个月" in text
    assert _english_words(text, set()) == []
    closing = pd.DataFrame({"metric": ["eci", "mmlu"], "early_lag_months": [8.0, 17.0],
                            "early_censored": [True, True], "q2_2025_lag_months": [6.4, 2.0]})
    sentences = [mb.coverage_sentence(closing),
                 mb.lag_chart_title(pd.DataFrame({"lag_months": [1.0, 5.0]})),
                 mb.open_lead_title("2024-11-30"),
                 mb.frontier_title("United States", "China", "mmlu"),
                 mb.frontier_description("United States", "China"),
                 mb.lag_what_if_description(), mb.day_text("2023-06-01"),
                 mb.metric_label("eci"), mb.chart_source()]
    for sentence in sentences:
        assert re.search(CJK, sentence), sentence
        assert _english_words(sentence, {"eci", "mmlu", "MMLU", "ECI", "Epoch", "AI", "Data",
                                         "on", "Benchmarking", "CC-BY-", "LMArena", "Chatbot",
                                         "Arena"}) == [], sentence
    assert mb.day_text("2023-06-01") == "2023年6月1日"
    assert mb.metric_list([]) == "无" and mb.metric_list(["eci", "arena"]) == "ECI、Chatbot Arena"


def test_lag_now_at_each_metrics_data_end(toy: pd.DataFrame) -> None:
    rules = mb.LagRules("United States", "China")
    tables = {"eci": (toy, pd.Timestamp("2024-02-29")), "mmlu": (toy, pd.Timestamp("2024-03-31"))}
    now = mb.lag_now(tables, rules)
    # 2024-02-29: CN best 60 (cn-b), first reached by the US on 2023-07-01 (us-b): 243 days.
    eci = now.iloc[0]
    assert eci["lag_months"] == pytest.approx(243 / DAYS_PER_MONTH)
    assert (eci["follower_model"], eci["leader_model"]) == ("cn-b", "us-b")
    assert eci["reached"] == pd.Timestamp("2023-07-01")
    assert bool(eci["censored"]) is False
    # 2024-03-31: CN 70 is ahead of the US's 60, which CN first reached on 2024-01-01 (cn-b).
    mmlu = now.iloc[1]
    assert mmlu["lag_months"] == pytest.approx(-90 / DAYS_PER_MONTH)
    assert (mmlu["status"], mmlu["leader_model"]) == ("follower-ahead", "cn-b")
    values = {v.key: v for v in mb.lag_now_values(now, rules, "all")}
    assert values["lag-latest-eci"].value == pytest.approx(243 / DAYS_PER_MONTH)
    assert values["lag-latest-eci"].period == "2024-02-29"
    assert "end of its data" in values["lag-latest-mmlu"].label
    text = mb.lag_now_sentence(eci, "United States", "China")
    assert "cn-b" in text and "us-b" in text and "8.0 months" in text
    assert "China is ahead" in mb.lag_now_sentence(mmlu, "United States", "China")


def test_lag_now_glue_and_table(toy: pd.DataFrame) -> None:
    rules = mb.LagRules("United States", "China")
    now = mb.lag_now({"math-level-5": (toy, pd.Timestamp("2024-02-29"))}, rules)
    glued = mb.lag_now_glue(now, "United States", "China")
    assert set(glued) == {"now_math_level_5", "now_math_level_5_date", "now_math_level_5_text"}
    assert glued["now_math_level_5"] == pytest.approx(243 / DAYS_PER_MONTH)
    assert glued["now_math_level_5_date"] == "29 February 2024"
    html = mb.lag_now_table(now).to_html()
    assert "2023-07-01" in html and "us-b" in html and "Leader reached it on" in html


def test_days_led_and_open_lead_values(toy: pd.DataFrame) -> None:
    changes = mb.lead_changes(toy, "United States", "China")
    # The US leads from 2023-07-01 (60 > 50); China's 60 on 2024-01-01 only ties, which
    # keeps the lead where it was, so the US holds it until cn-c (70) on 2024-03-01.
    assert list(changes["leader"]) == ["United States", "China"]
    assert mb.days_led(changes, "United States", "2024-01-01", "2024-12-31") == 60
    assert mb.days_led(changes, "China", "2024-01-01", "2024-12-31") == 305
    values = {v.key: v.value for v in mb.open_lead_values(toy, "United States", "China")}
    # Window 2024-11-01 to 2025-06-30: China leads throughout; at R1's release (2025-01-20)
    # the margin is 70 - 60 on both days.
    assert values["open-us-ahead-days-eci"] == 0
    assert values["open-margin-eci-before-r1"] == values["open-margin-eci-after-r1"] == 10


def test_named_labs_with_open_weights() -> None:
    bench = pd.DataFrame({
        "organization": ["Alibaba", "DeepSeek", "Baidu", "Moonshot"],
        "release_date": ["2024-01-01", "2025-01-20", "2025-01-01", "2025-09-01"],
        "accessibility": ["Open weights (restricted use)", "Open weights (unrestricted)",
                          "API access", "Open weights (restricted use)"],
    })
    value = mb.named_labs_with_open_weights(bench, "2025-08-20")
    assert value.value == 2  # Baidu's is API-only, Moonshot's comes after the date
    assert "Alibaba, DeepSeek" in value.label


def test_firms_over_bar() -> None:
    figures = pd.DataFrame({"value": [150.0, 20.0, 99.0, 101.0]},
                           index=pd.Index(["a1", "a2", "b1", "c1"], name="figure_id"))
    value = mb.firms_over_bar(figures, {"A": ("a1", "a2"), "B": ("b1",), "C": ("c1",)})
    assert value.value == 2  # A by its largest row, C; B stays below the bar
    assert "(below: B)" in value.label
