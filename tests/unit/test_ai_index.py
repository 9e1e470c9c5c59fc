"""Unit tests for claimsbook.chapters.ai_index; expected values are worked out by hand."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from claimsbook.chapters import ai_index as ai
from claimsbook.core import params
from claimsbook.core import settings


def board(date: str, rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """rows: (model, organization, licence, rating)."""
    return pd.DataFrame(
        [{"date": date, "model_key": m.lower(), "model": m, "organization": o, "licence": lic,
          "rating": r, "rating_kind": "arena-score"} for m, o, lic, r in rows]
    )


ORGS = pd.DataFrame({"organization": ["Google", "DeepSeek", "Tsinghua", "Mistral"],
                     "country": ["United States", "China", "China", "Europe"],
                     "country_industry": ["United States", "China", "Excluded", "Europe"]})
LICS = pd.DataFrame({"licence": ["Proprietary", "MIT"], "licence_class": ["proprietary", "open-weights"]})


def test_relative_gap_matches_report_end_values() -> None:
    # (1385 - 1362) / 1362 = 23 / 1362 = 1.6887 %
    assert ai.relative_gap(1385, 1362) == pytest.approx(1.6887, abs=1e-4)


def test_pp_versus_percent() -> None:
    # 90 vs 72.5: 17.5 pp but 17.5 / 72.5 = 24.14 %
    assert ai.pp_to_percent(17.5, 72.5) == pytest.approx(24.1379, abs=1e-4)
    # lower bound: leader at 100, follower at 82.5 -> 17.5 / 82.5 = 21.21 %
    assert ai.min_relative_gap(17.5) == pytest.approx(21.2121, abs=1e-4)
    assert ai.min_relative_gap(0) == 0
    with pytest.raises(ValueError):
        ai.min_relative_gap(100)


def test_percent_fall_and_fold() -> None:
    # 20 -> 0.07: (20 - 0.07) / 20 = 99.65 %; 20 / 0.07 = 285.71x
    assert ai.percent_fall(20, 0.07) == pytest.approx(99.65)
    assert ai.fold_change(20, 0.07) == pytest.approx(285.714, abs=1e-3)
    assert ai.increase(102_000, 242_740) == 140_740


def test_pick_snapshot_rules() -> None:
    dates = pd.to_datetime(["2024-01-09", "2024-01-25", "2024-02-02"])
    assert ai.pick_snapshot(dates, "2024-01-15", "last-in-month") == pd.Timestamp("2024-01-25")
    assert ai.pick_snapshot(dates, "2024-01-15", "first-in-month") == pd.Timestamp("2024-01-09")
    assert ai.pick_snapshot(dates, "2024-01-15", "on-or-before") == pd.Timestamp("2024-01-09")
    with pytest.raises(ValueError):
        ai.pick_snapshot(dates, "2023-12-31", "on-or-before")
    with pytest.raises(ValueError):
        ai.pick_snapshot(dates, "2024-03-15", "last-in-month")


def make_arena() -> pd.DataFrame:
    rows = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1300.0),
            ("T1", "Tsinghua", "MIT", 1350.0), ("M1", "Mistral", "Proprietary", 1390.0)]
    return ai.annotate(board("2025-02-14", rows), ORGS, LICS)


def test_top_country_gap_and_open_closed() -> None:
    arena = make_arena()
    gaps = ai.gaps_on(arena, pd.Timestamp("2025-02-14"), top_k=3)
    # best US 1400, best China 1350 (Tsinghua): 50 / 1350 = 3.7037 %
    assert gaps["us-china"]["gap_percent"] == pytest.approx(3.7037, abs=1e-4)
    # best closed 1400, best open 1350: same
    assert gaps["closed-open"]["follower_model"] == "T1"
    # top-1 1400 vs top-3 (1400, 1390, 1350) -> 1350; top two: 10 / 1390 = 0.7194 %
    assert gaps["top1-top3"]["gap_percent"] == pytest.approx(3.7037, abs=1e-4)
    assert gaps["top1-top2"]["gap_percent"] == pytest.approx(0.7194, abs=1e-4)


def test_country_mapping_variant_excludes_academic() -> None:
    arena = ai.annotate(make_arena().drop(columns=["group", "licence_class"]).assign(date="2025-02-14"),
                        ORGS, LICS, "country_industry")
    gaps = ai.gaps_on(arena, pd.Timestamp("2025-02-14"), top_k=3)
    # Tsinghua excluded: best China is DeepSeek 1300 -> 100 / 1300 = 7.6923 %
    assert gaps["us-china"]["gap_percent"] == pytest.approx(7.6923, abs=1e-4)


def test_unmapped_organisation_is_an_error() -> None:
    rows = [("X", "Unknown Lab", "MIT", 1000.0)]
    with pytest.raises(ValueError, match="Unknown Lab"):
        ai.annotate(board("2025-01-01", rows), ORGS, LICS)


def test_rank_gap_needs_k_models() -> None:
    with pytest.raises(ValueError):
        ai.rank_gap(make_arena(), 10)


def test_attribution_rules() -> None:
    multi = "United States of America;United Kingdom of Great Britain and Northern Ireland;Multinational"
    assert ai.attribute(multi, "any") == {"United States": 1.0, "Europe": 1.0, "Other": 1.0}
    assert ai.attribute(multi, "first") == {"United States": 1.0}
    assert ai.attribute(multi, "sole") == {}
    assert ai.attribute("China", "sole") == {"China": 1.0}
    frac = ai.attribute("United States of America;France", "fractional")
    assert frac == {"United States": 0.5, "Europe": 0.5}
    assert ai.attribute("", "any") == {}
    with pytest.raises(ValueError):
        ai.attribute("China", "most")


def test_count_by_region_and_industry_share() -> None:
    models = pd.DataFrame({
        "publication_date": ["2024-01-01", "2024-06-01", "2024-07-01", "2023-05-01"],
        "countries": ["United States of America", "China", "United States of America;France", "China"],
        "sector": ["Industry", "Academia", "Industry;Academia", "Industry"],
    })
    counts = ai.count_by_region(models, "any", [2024]).set_index("region")["models"]
    # US: models 1 and 3 -> 2; China: model 2 -> 1; Europe: model 3 -> 1
    assert counts.to_dict() == {"China": 1.0, "Europe": 1.0, "United States": 2.0}
    # 2024: strictly industry 1 of 3 = 33.33 %; any industry 2 of 3 = 66.67 %
    assert ai.industry_share(models, 2024) == pytest.approx(100 / 3)
    assert ai.industry_share(models, 2024, strict=False) == pytest.approx(200 / 3)


def test_parameters_reject_bad_values() -> None:
    good = {"arena_start": "2024-01-09", "arena_end": "2025-02-14", "snapshot_rule": "on-or-before",
            "country_mapping": "country", "benchmarks": ["MMLU"], "attribution": "any", "top_k": 10}
    assert params.validate(ai.PARAMETERS, good)["top_k"] == 10
    with pytest.raises(params.ParameterError, match="arena_end"):
        params.validate(ai.PARAMETERS, {**good, "arena_end": "2025-04-01"})
    with pytest.raises(params.ParameterError, match="benchmarks"):
        params.validate(ai.PARAMETERS, {**good, "benchmarks": ["GPQA"]})


def test_relative_gap_given_leader() -> None:
    # leader 88.1, follower 87.8: 0.3 / 87.8 = 0.34169 %
    assert ai.relative_gap_given_leader(0.3, 88.1) == pytest.approx(0.34169, abs=1e-5)
    # leader at 100 gives the lower bound
    assert ai.relative_gap_given_leader(17.5, 100) == pytest.approx(ai.min_relative_gap(17.5))
    with pytest.raises(ValueError):
        ai.relative_gap_given_leader(5, 4)


def test_top_scores_per_country_and_year() -> None:
    scores = pd.DataFrame({
        "metric": ["mmlu", "mmlu", "mmlu", "mmlu", "mmlu", "gpqa"],
        "model_version": ["A", "B", "C", "D", "E", "F"],
        "country": ["United States of America", "United States of America", "China",
                    "United States of America,China", "China", "China"],
        "release_date": ["2024-03-01", "2024-11-20", "2024-12-26", "2024-06-01", "2023-05-01", "2024-01-01"],
        "score": [86.0, 88.1, 87.2, 99.0, 95.0, 99.0],
    })
    top = ai.top_scores(scores, "mmlu", 2024)
    # US best of A and B -> B 88.1; China: C only (D is joint, E is 2023, F is another metric)
    assert top["model_version"].tolist() == ["B", "C"]
    assert top["score"].tolist() == [88.1, 87.2]
    with pytest.raises(ValueError, match="France"):
        ai.top_scores(scores, "mmlu", 2024, ["France"])


# --- values the checks reference ------------------------------------------------------

def report_fig() -> pd.DataFrame:
    rows = [
        ("gap-mmlu-2023", 17.5, "percentage points", "2023-12", "fig. 1"),
        ("gap-mmlu-2024", 0.3, "percentage points", "2024-12", "fig. 1"),
        ("gap-mmmu-2023", 13.5, "percentage points", "2023-12", "fig. 1"),
        ("gap-mmmu-2024", 8.1, "percentage points", "2024-12", "fig. 1"),
        ("gap-math-2023", 24.3, "percentage points", "2023-12", "fig. 1"),
        ("gap-math-2024", 1.6, "percentage points", "2024-12", "fig. 1"),
        ("gap-humaneval-2023", 31.6, "percentage points", "2023-12", "fig. 1"),
        ("gap-humaneval-2024", 3.7, "percentage points", "2024-12", "fig. 1"),
        ("inference-price-2022-11", 20.0, "USD", "2022-11", "p. 64"),
        ("inference-price-2024-10", 0.07, "USD", "2024-10", "p. 64"),
        ("pubs-2013", 102_000.0, "publications", "2013", "fig. 2"),
        ("pubs-2023", 242_740.0, "publications", "2023", "fig. 2"),
        ("adoption-genai-2023", 33.0, "%", "2023", "fig. 3"),
        ("adoption-genai-2024", 71.0, "%", "2024", "fig. 3"),
    ]
    frame = pd.DataFrame(rows, columns=["figure_id", "value", "unit", "period", "location"])
    frame["quantity"] = frame["figure_id"]
    frame["note"] = "Gemini-1.5-Flash-8B"
    return frame.set_index("figure_id")


def test_month_span_counts_whole_months() -> None:
    # November 2022 to October 2024: 2 + 12 + 9 = 23 months
    assert ai.month_span("2022-11", "2024-10") == 23


def test_values_computed_from_the_report_name_the_report() -> None:
    fig = report_fig()
    costs = {c.key: c for c in ai.cost_values(fig, pd.DataFrame(
        {"model": ["GPT-4"], "publication_date": [pd.Timestamp("2023-03-15")],
         "training_cost_2023_usd": [40_000_000.0]}))}
    assert costs["inference-fall"].value == pytest.approx(99.65)
    assert costs["inference-span"].value == pytest.approx(23 / 12)
    assert costs["inference-fall"].source_id == "aiindex-2025"
    # 40,000,000 USD -> 40 million, dated by the publication day
    assert costs["epoch-cost-gpt-4"].value == pytest.approx(40.0)
    assert costs["epoch-cost-gpt-4"].period == "2023-03-15"
    [pubs] = ai.research_values(fig)
    assert pubs.value == 140_740
    [ratio] = ai.adoption_values(fig)
    assert ratio.value == pytest.approx(71 / 33)


def test_benchmark_values_are_bounds_and_means() -> None:
    scores = pd.DataFrame({
        "metric": ["mmlu", "mmlu"], "model_version": ["B", "C"],
        "country": ["United States of America", "China"],
        "release_date": ["2024-11-20", "2024-12-26"], "score": [88.1, 87.2]})
    values = {c.key: c for c in ai.benchmark_values(report_fig(), scores)}
    assert values["min-relative-mmlu-2023"].value == pytest.approx(21.2121, abs=1e-4)
    # (17.5 + 13.5 + 24.3 + 31.6) / 4 = 21.725
    assert values["mean-gap-2023"].value == pytest.approx(21.725)
    assert values["epoch-mmlu-gap-2024"].value == pytest.approx(0.9)
    assert values["epoch-mmlu-gap-2024"].source_id == "epoch-benchmarking-hub"


def test_arena_evidence_needs_the_arena_score() -> None:
    rows = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1300.0),
            ("M1", "Mistral", "Proprietary", 1390.0)]
    score = ai.annotate(board("2025-02-14", rows), ORGS, LICS)
    elo = ai.annotate(board("2024-01-09", rows).assign(rating_kind="online-elo"), ORGS, LICS)
    # 100 / 1300 = 7.6923 %
    ok = ai.arena_value("x", score, pd.Timestamp("2025-02-14"), "us-china", evidence=True)
    assert ok.value == pytest.approx(7.6923, abs=1e-4) and ok.source_id == "arena-history"
    none = ai.arena_value("y", elo, pd.Timestamp("2024-01-09"), "us-china", evidence=True)
    assert none.value is None and "online Elo" in none.label
    context = ai.arena_value("z", elo, pd.Timestamp("2024-01-09"), "us-china")
    assert context.value == pytest.approx(7.6923, abs=1e-4)


def test_gap_change_starts_at_the_first_arena_score_board() -> None:
    old = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1000.0)]
    start = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1250.0)]
    end = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1300.0)]
    arena = ai.annotate(pd.concat([board("2024-01-09", old).assign(rating_kind="online-elo"),
                                   board("2024-03-27", start), board("2025-02-14", end)]),
                        ORGS, LICS)
    arena["date"] = pd.to_datetime(arena["date"])
    # 100 / 1300 - 150 / 1250 = 7.6923 % - 12 % = -4.3077 points; the Elo board is skipped
    change = ai.gap_change_value(arena, pd.Timestamp("2025-02-14"), "closed-open")
    assert change.key == "arena-closedopen-change-arena-score"
    assert change.value == pytest.approx(-4.3077, abs=1e-4)
    top2 = ai.gap_change_value(arena, pd.Timestamp("2025-02-14"), "top1-top2")
    assert top2.key == "arena-top2-change-arena-score"
    assert top2.value == pytest.approx(-4.3077, abs=1e-4)


def test_benchmark_chart_title_follows_the_data() -> None:
    fig = report_fig()
    _, meta = ai.benchmark_chart(ai.benchmark_table(fig, ai.BENCHMARKS), fig)
    assert meta["title"] == "The US lead shrank on every benchmark between 2023 and 2024"
    fig.loc["gap-math-2024", "value"] = 30.0
    _, meta = ai.benchmark_chart(ai.benchmark_table(fig, ai.BENCHMARKS), fig)
    assert str(meta["title"]).startswith("The US lead did not shrink")


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_chinese_edition_titles_labels_and_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """With CLAIMSBOOK_LANG=zh_CN the chart's title, axes, tooltips and description,
    the table's headers and the computed labels come out in Chinese, and the chart
    still reads the table the notebook passes it."""
    monkeypatch.setenv("CLAIMSBOOK_LANG", "zh_CN")
    settings.refresh()  # the settings are read once; re-read them
    fig = report_fig()
    bench = ai.benchmark_table(fig, ai.BENCHMARKS)
    assert all(CJK.search(str(column)) for column in bench.columns)
    assert bench.iloc[0, 1] == "2023"  # a year, not "2,023"
    chart, meta = ai.benchmark_chart(bench, fig)
    assert meta["title"] == "2023年至2024年，美国在每项基准测试上的领先幅度都缩小了"
    assert CJK.search(str(meta["description"]))
    spec = chart.to_dict()
    assert spec["encoding"]["x"]["title"] == "年底"
    assert all(CJK.search(tip["title"]) for tip in spec["encoding"]["tooltip"])
    rows = [("G1", "Google", "Proprietary", 1400.0), ("D1", "DeepSeek", "MIT", 1300.0)]
    elo = ai.annotate(board("2024-01-09", rows).assign(rating_kind="online-elo"), ORGS, LICS)
    value = ai.arena_value("y", elo, pd.Timestamp("2024-01-09"), "us-china")
    assert value.label == ("本书根据Chatbot Arena排行榜历史重新计算：美国最佳模型与中国最佳模型之间的"
                           "相对差距（G1与D1），依据的是排行榜历史中该日期的在线Elo评分")
    assert value.location == "2024年1月9日的排行榜" and value.period == "2024年1月9日"


def test_english_edition_keeps_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMSBOOK_LANG", "en")
    settings.refresh()  # the settings are read once; re-read them
    bench = ai.benchmark_table(report_fig(), ai.BENCHMARKS)
    assert list(bench.columns) == ["benchmark", "year", "gap_pp", "min_relative_gap_percent"]
    assert ai.notable_prose({"rules": pd.DataFrame({"any": {"China": 1.0, "Europe": 2.0}}),
                             "newest": "2025-03-16", "n_year": 3, "n_gdm": 1.0},
                            "any")["newest"] == "16 March 2025"


def test_the_total_change_counts_each_model_once_whatever_its_countries():
    from claimsbook.chapters.ai_index import NOTABLE_YEAR, notable_values

    y0, y1 = NOTABLE_YEAR - 1, NOTABLE_YEAR
    models = pd.DataFrame({
        "publication_date": [f"{y0}-03-01", f"{y0}-05-01", f"{y0}-06-01", f"{y1}-01-01"],
        "countries": ["United States of America;United Kingdom", "China", "France", "China"],
        "organization": ["Google DeepMind", "Alibaba", "Mistral AI", "Zhipu AI"],
        "sector": ["Industry"] * 4})
    change = next(c for c in notable_values(models, "any")
                  if c.key == f"recount-total-change-{NOTABLE_YEAR}")
    assert change.value == -2.0


def test_the_named_companies_are_recounted_on_the_models_credited_to_china():
    from claimsbook.chapters.ai_index import NOTABLE_YEAR, named_companies_value

    models = pd.DataFrame({
        "publication_date": [f"{NOTABLE_YEAR}-02-01", f"{NOTABLE_YEAR}-03-01",
                             f"{NOTABLE_YEAR - 1}-03-01", f"{NOTABLE_YEAR}-04-01"],
        "countries": ["China", "China", "China", "United States of America"],
        "organization": ["Alibaba", "ByteDance;Peking University", "DeepSeek", "Tencent"]})
    # DeepSeek's model is of the year before; Tencent's is not credited to China here.
    assert named_companies_value(models).value == 2.0


def test_the_us_lead_in_notable_models_is_us_less_china():
    from claimsbook.chapters.ai_index import NOTABLE_YEAR, us_lead_value

    models = pd.DataFrame({
        "publication_date": [f"{NOTABLE_YEAR}-01-01"] * 3 + [f"{NOTABLE_YEAR - 1}-01-01"],
        "countries": ["United States of America", "United States of America;China", "China",
                      "United States of America"]})
    assert us_lead_value(models, "any").value == 0.0  # 2 US against 2 China that year
    assert us_lead_value(models, "first").value == 1.0


def test_europe_is_ranked_against_every_other_country_not_against_other() -> None:
    us, uk = "United States of America", "United Kingdom of Great Britain and Northern Ireland"
    models = pd.DataFrame({
        "publication_date": ["2024-01-01"] * 9,
        "countries": [us, us, us, "China", "China", "France", uk, "Canada", "Saudi Arabia"]})
    # US 3, China 2, Europe 2 (France and the UK), Canada 1, Saudi Arabia 1: Europe ties
    # China for second, so its rank is 2; "Other" as one producer would have been 2 too
    assert ai.europe_rank_value(models, "any").value == 2
    models.loc[4, "countries"] = us  # China 1: Europe second alone
    assert ai.europe_rank_value(models, "any").value == 2
    models.loc[[5, 8], "countries"] = "Canada"  # Europe 1 (the UK), Canada 3
    assert ai.europe_rank_value(models, "any").value == 3
    assert ai.europe_rank_value(models.assign(countries=f"Multinational;{uk}"), "any").value == 1
    spread = pd.DataFrame({"publication_date": ["2024-01-01"] * 5,
                           "countries": ["France", uk, "Canada", "Saudi Arabia", "Israel"]})
    # three countries with one model each: together they would outrank Europe's two
    assert ai.europe_rank_value(spread, "any").value == 1



def hub(rows: list[tuple[str, str, str, str, str, float]]) -> pd.DataFrame:
    """rows: (metric, model_version, country, accessibility, release_date, score)."""
    return pd.DataFrame([{"metric": m, "model_version": v, "country": c, "accessibility": a,
                          "release_date": d, "score": s} for m, v, c, a, d, s in rows])


US, CN, FR = "United States of America", "China", "France"
HUB = hub([
    ("gpqa-diamond", "us-old", US, "API access", "2023-11-06", 42.0),
    ("gpqa-diamond", "cn-old", CN, "Open weights (unrestricted)", "2023-11-29", 25.0),
    ("gpqa-diamond", "fr-open", FR, "Open weights (unrestricted)", "2023-12-11", 31.0),
    ("gpqa-diamond", "us-new", US, "API access", "2025-01-31", 80.0),
    ("gpqa-diamond", "cn-new", CN, "Open weights (unrestricted)", "2025-01-20", 70.0),
    ("gpqa-diamond", "us-unknown", US, None, "2025-01-01", 99.0),
    ("math-level-5", "us-old", US, "API access", "2023-11-06", 40.0),
    ("math-level-5", "cn-old", CN, "Open weights (unrestricted)", "2023-11-29", 6.0),
    ("math-level-5", "us-new", US, "API access", "2025-01-31", 96.0),
    ("math-level-5", "cn-new", CN, "Open weights (unrestricted)", "2025-01-20", 93.0),
])


def test_frontier_lead_takes_the_best_model_of_each_side_released_by_the_date() -> None:
    early = ai.frontier_lead(HUB, "gpqa-diamond", "2024-01-09", "us-china")
    assert early == ai.Lead("us-old", "cn-old", 17.0)
    # a model whose access is unknown is on neither side of the open-weights comparison,
    # and the open side counts every country: 42 - 31
    assert ai.frontier_lead(HUB, "gpqa-diamond", "2024-01-09", "closed-open").lead == 11.0
    assert ai.frontier_lead(HUB, "gpqa-diamond", "2025-02-14", "closed-open").lead == 10.0
    with pytest.raises(ValueError, match="follower side"):
        ai.frontier_lead(HUB, "gpqa-diamond", "2023-11-10", "us-china")


def test_a_change_counts_as_evidence_only_where_every_benchmark_agrees() -> None:
    assert ai.agreed_change([-40.0, -3.0]) == -3.0   # shrank on both: the smaller shrinking
    assert ai.agreed_change([2.0, 5.0]) == 2.0       # grew on both: the smaller growth
    assert ai.agreed_change([2.5, -3.8]) is None     # they disagree: no evidence either way
    assert ai.agreed_change([]) is None


def test_own_run_values_measure_both_windows() -> None:
    values = {c.key: c.value for c in ai.own_run_values(
        pd.Timestamp("2024-01-09"), pd.Timestamp("2025-02-14"), HUB)}
    # countries count whatever the access: the best US model by 2025-02-14 is us-unknown
    assert values["own-runs-uscn-gpqa-diamond-arena-end"] == 29.0
    assert values["own-runs-uscn-math-level-5-arena-start"] == 34.0
    # GPQA grew (17 -> 29), MATH shrank (34 -> 3): the directions disagree
    assert values["own-runs-uscn-arena-change"] is None
    # closed vs open: GPQA 11 -> 10, MATH 34 -> 3: both shrank, the change nearest zero
    assert values["own-runs-closedopen-arena-change"] == -1.0
    # the benchmark window ends with each year: by the end of 2023, 42 - 25
    assert values["own-runs-uscn-gpqa-diamond-2023"] == 17.0
