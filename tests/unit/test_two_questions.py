"""The two questions (faithful? does it hold?), the headline rule and tables, on
hand-made claims and figures."""

from __future__ import annotations

import pandas as pd
import pytest

from claimsbook.core.ledger import (
    Check, Claim, Computed, Faithful, FigureIndex, Garble, Grade, Headline, Ledger, LedgerError,
    Verdict, assess, headline, render,
)

FIGURES = pd.DataFrame([
    {"figure_id": "gap-pp", "quantity": "Gap on MMLU", "value": 0.3, "unit": "percentage points",
     "period": "2024", "source_id": "report", "location": "fig. 1"},
    {"figure_id": "gap-pct", "quantity": "Overall gap", "value": 1.7, "unit": "%",
     "period": "2025-02", "source_id": "report", "location": "fig. 2"},
    {"figure_id": "relay", "quantity": "Same figure as relayed", "value": 1.7, "unit": "%",
     "period": "2025-02", "source_id": "news", "location": "para. 3"},
])


def index() -> FigureIndex:
    figures = FigureIndex(loader=lambda name: FIGURES.copy())
    figures.record(Computed("recount", 1.68, "%", "Recount from the leaderboard", "board"))
    figures.record(Computed("own-sum", 2.0, "%", "Sum of the claim's own parts"))
    return figures


def claim(**changes: object) -> Claim:
    base = dict(claim_id="c", chapter="99-test", section="s", source_id="outlet",
                location="para. 1", claim="The gap is 1.7 %", reported_as="1.7%",
                reported_value=1.7, unit="%", comparison="=", tolerance=0.05, period="2025",
                attributed_to="report")
    base.update(changes)
    return Claim(**base)  # type: ignore[arg-type]


def test_faithful_restatement_that_independent_data_confirm_holds():
    result = assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                                   evidence_ref="computed/recount",
                                   evidence_grade="independent-data"), index())
    assert result.faithful.answer is Faithful.FAITHFUL
    assert result.holds.verdict is Verdict.REPRODUCED and result.holds.grade is Grade.INDEPENDENT_DATA
    assert result.headline is Headline.HOLDS
    assert "1.68 %" in result.holds.reason and "within ±0.05" in result.holds.reason


def test_points_called_per_cent_is_garbled_and_names_the_correct_figure():
    result = assess(claim(reported_value=0.3, claim="The gap is 0.3 %"),
                    Check("c", source_ref="t/gap-pct", source_access="primary",
                          garble="points-as-percent", garbled_from="t/gap-pp",
                          searched="no independent recount"), index())
    assert result.faithful.answer is Faithful.GARBLED
    assert result.faithful.garble is Garble.POINTS_AS_PERCENT
    assert "1.7 %" in result.faithful.reason and "0.3 percentage points" in result.faithful.reason
    assert result.headline is Headline.GARBLED


def test_a_mismatch_without_a_garble_kind_is_refused():
    with pytest.raises(LedgerError, match="name the garble kind"):
        assess(claim(reported_value=0.3), Check("c", source_ref="t/gap-pct",
                                                source_access="primary", searched="x"), index())


def test_a_transcription_error_that_matches_is_refused():
    with pytest.raises(LedgerError, match="matches its source"):
        assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                              garble="transcription", searched="x"), index())


def test_a_relay_never_makes_a_number_hold():
    result = assess(claim(attributed_to=""), Check("c", evidence_ref="t/relay",
                                                   evidence_grade="relay"), index())
    assert result.holds.verdict is Verdict.UNVERIFIABLE and result.holds.grade is Grade.RELAY
    assert "shows what was said" in result.holds.reason
    assert result.headline is Headline.UNVERIFIABLE


def test_own_arithmetic_can_refute_but_never_confirm():
    consistent = assess(claim(attributed_to="", reported_value=2.0),
                        Check("c", evidence_ref="computed/own-sum", evidence_grade="arithmetic"),
                        index())
    assert consistent.holds.verdict is Verdict.UNVERIFIABLE
    assert "internally consistent" in consistent.holds.reason
    refuted = assess(claim(attributed_to="", reported_value=5.0),
                     Check("c", evidence_ref="computed/own-sum", evidence_grade="arithmetic"),
                     index())
    assert refuted.holds.verdict is Verdict.CONTRADICTED
    assert refuted.headline is Headline.CONTRADICTED


def test_the_attributed_source_confirms_only_what_its_own_word_constitutes():
    """Rule 3: a producer's list price or release date makes the figure hold, attributed
    or not; its claims about itself (interested) and any other judging grade do not."""
    with pytest.raises(LedgerError, match="the source the claim restates"):
        assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                              evidence_ref="t/gap-pct", evidence_grade="independent-report"),
               index())
    with pytest.raises(LedgerError, match="answers 'faithful.' only"):
        assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                              evidence_ref="t/gap-pct", evidence_grade="producer",
                              producer_statement="interested"), index())
    result = assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                                   evidence_ref="t/gap-pct", evidence_grade="producer",
                                   producer_statement="constitutes"), index())
    assert result.holds.verdict is Verdict.REPRODUCED and result.headline is Headline.HOLDS


def test_the_outlet_never_confirms_itself():
    with pytest.raises(LedgerError, match="comes from the outlet itself"):
        assess(claim(attributed_to="", source_id="news"),
               Check("c", evidence_ref="t/relay", evidence_grade="independent-report"), index())


def test_an_evident_origin_is_asked_faithful_like_a_named_source():
    """Rule 2: a matching origin answers 'faithful?' (not 'holds?'); a mismatch is a garble."""
    faithful_copy = assess(claim(attributed_to="", evident_origin="report"),
                           Check("c", source_ref="t/gap-pct", source_access="primary",
                                 searched="x"), index())
    assert faithful_copy.faithful.answer is Faithful.FAITHFUL
    assert faithful_copy.faithful.reason.startswith("The outlet names no source")
    assert faithful_copy.headline is Headline.FAITHFUL
    miscopied = assess(claim(attributed_to="", evident_origin="report", reported_value=0.3),
                       Check("c", source_ref="t/gap-pct", source_access="primary",
                             garble="points-as-percent", garbled_from="t/gap-pp",
                             searched="x"), index())
    assert miscopied.headline is Headline.GARBLED
    with pytest.raises(LedgerError, match="both a source"):
        assess(claim(evident_origin="report"), Check("c", searched="x"), index())


def test_a_faithful_copy_is_graded_as_the_page_it_copies():
    """Rule 5: evidence read in a mirror of the producer's page is the producer's word."""
    sources = pd.DataFrame([{"source_id": "mirror", "copy_of": "maker"},
                            {"source_id": "report", "copy_of": ""}])
    figures = pd.DataFrame([{"figure_id": "price", "quantity": "List price", "value": 1.7,
                             "unit": "%", "source_id": "mirror", "location": "p"}])
    index_ = FigureIndex(loader=lambda name: (sources if name == "sources" else figures).copy())
    with pytest.raises(LedgerError, match="a faithful copy of 'maker'"):
        assess(claim(attributed_to=""), Check("c", evidence_ref="t/price",
                                              evidence_grade="relay"), index_)
    with pytest.raises(LedgerError, match="comes from 'maker'"):
        assess(claim(attributed_to="maker", attribution_words="x"),
               Check("c", evidence_ref="t/price", evidence_grade="independent-report",
                     searched="x"), index_)
    held = assess(claim(attributed_to=""), Check("c", evidence_ref="t/price",
                                                 evidence_grade="producer",
                                                 producer_statement="constitutes"), index_)
    assert held.headline is Headline.HOLDS


def test_unreached_and_unattributed_answers_say_what_was_searched():
    result = assess(claim(), Check("c", searched="the report's table 3 in English and Chinese",
                                   context="t/gap-pp"), index())
    assert result.faithful.answer is Faithful.NOT_REACHED
    assert result.holds.verdict is Verdict.UNVERIFIABLE
    assert "table 3" in result.faithful.reason and "0.3 percentage points" in result.holds.reason
    with pytest.raises(LedgerError, match="does not say what was searched"):
        assess(claim(), Check("c"), index())
    with pytest.raises(LedgerError, match="not attributed"):
        assess(claim(attributed_to=""), Check("c", source_ref="t/gap-pct",
                                              source_access="primary"), index())


def test_unknown_kinds_grades_and_unrecorded_values_are_refused():
    with pytest.raises(LedgerError, match="not a garble kind"):
        assess(claim(), Check("c", source_ref="t/gap-pct", source_access="primary",
                              garble="typo"), index())
    with pytest.raises(LedgerError, match="evidence_grade 'hearsay'"):
        assess(claim(attributed_to=""), Check("c", evidence_ref="t/relay",
                                              evidence_grade="hearsay"), index())
    with pytest.raises(LedgerError, match="never recorded"):
        assess(claim(attributed_to=""), Check("c", evidence_ref="computed/missing",
                                              evidence_grade="independent-data"), index())


@pytest.mark.parametrize(("faithful", "verdict", "expected"), [
    (Faithful.GARBLED, Verdict.REPRODUCED, Headline.GARBLED),
    (Faithful.FAITHFUL, Verdict.CONTRADICTED, Headline.CONTRADICTED),
    (Faithful.NOT_ATTRIBUTED, Verdict.REPRODUCED, Headline.HOLDS),
    (Faithful.NOT_REACHED, Verdict.APPROXIMATELY, Headline.ROUGHLY),
    (Faithful.FAITHFUL, Verdict.UNVERIFIABLE, Headline.FAITHFUL),
    (Faithful.NOT_REACHED, Verdict.UNVERIFIABLE, Headline.UNVERIFIABLE),
])
def test_headline_rule(faithful, verdict, expected):
    assert headline(faithful, verdict) is expected


def test_render_fills_references_and_refuses_unknown_rows():
    assert render("the report gives {t/gap-pp} for MMLU", index()) == (
        "the report gives 0.3 percentage points for MMLU")
    with pytest.raises(LedgerError, match="has no row 'nope'"):
        render("{t/nope}", index())


def test_a_reproduced_table_is_one_statement_judged_by_its_rows():
    claims = {
        "tab": claim(claim_id="tab", reported_value=float("nan"), reported_as="table"),
        "tab-a": claim(claim_id="tab-a", part_of="tab"),
        "tab-b": claim(claim_id="tab-b", part_of="tab", reported_value=0.3),
    }
    checks = {
        "tab": Check("tab", searched="the table as a whole"),
        "tab-a": Check("tab-a", source_ref="t/gap-pct", source_access="primary",
                       evidence_ref="computed/recount", evidence_grade="independent-data"),
        "tab-b": Check("tab-b", source_ref="t/gap-pct", source_access="primary",
                       garble="transcription", searched="no recount"),
    }
    ledger = Ledger("99-test", claims=claims, checks=checks, figures=index())
    table = ledger.result("tab")
    assert table.faithful.answer is Faithful.GARBLED and "1 of 2 rows" in table.faithful.reason
    # One row of two holds: the table as a whole is not confirmed.
    assert table.holds.verdict is Verdict.UNVERIFIABLE and "1 of 2 rows" in table.holds.reason
    assert [r.claim.claim_id for r in table.rows] == ["tab-a", "tab-b"]
    assert [c.claim_id for c in ledger.statements()] == ["tab"]
    html = ledger.cards("s")._repr_html_()
    assert 'id="claim-tab"' in html and 'id="claim-tab-b"' in html
    assert ledger.unshown() == []
    assert ledger.counts()["garbled"] == 1 and int(ledger.counts().sum()) == 1


def test_a_statement_holds_only_when_every_part_does_and_partly_when_some_fail():
    """Rule 6: one sentence (or table) is one statement whose figures are parts."""
    rows = {f"r{i}": claim(claim_id=f"r{i}", part_of="t", attributed_to="",
                           reported_value=value) for i, value in enumerate((1.7, 1.68))}
    claims = {"t": claim(claim_id="t", reported_value=float("nan"), attributed_to="",
                         kind="sentence"), **rows}
    checks = {key: Check(key, evidence_ref="computed/recount", evidence_grade="independent-data")
              for key in rows}
    checks["t"] = Check("t", searched="x")
    assert Ledger("99-test", claims=claims, checks=checks, figures=index()).result(
        "t").holds.verdict is Verdict.REPRODUCED
    claims["r1"] = claim(claim_id="r1", part_of="t", attributed_to="", reported_value=9.0)
    partly = Ledger("99-test", claims=claims, checks=checks, figures=index()).result("t")
    assert partly.holds.verdict is Verdict.PARTLY and partly.headline is Headline.PARTLY
    claims["r0"] = claim(claim_id="r0", part_of="t", attributed_to="", reported_value=9.0)
    wrong = Ledger("99-test", claims=claims, checks=checks, figures=index()).result("t")
    assert wrong.holds.verdict is Verdict.CONTRADICTED and wrong.headline is Headline.CONTRADICTED


def test_a_sentence_restated_right_in_part_is_garbled_as_partly_true():
    parts = {"p0": claim(claim_id="p0", part_of="s"),
             "p1": claim(claim_id="p1", part_of="s", reported_value=0.3)}
    claims = {"s": claim(claim_id="s", reported_value=float("nan"), kind="sentence"), **parts}
    checks = {"s": Check("s", searched="x"),
              "p0": Check("p0", source_ref="t/gap-pct", source_access="primary", searched="x"),
              "p1": Check("p1", source_ref="t/gap-pct", source_access="primary",
                          garble="points-as-percent", garbled_from="t/gap-pp", searched="x")}
    sentence = Ledger("99-test", claims=claims, checks=checks, figures=index()).result("s")
    assert sentence.faithful.garble is Garble.PARTLY_TRUE


def test_years_and_ranks_are_written_as_such():
    assert claim(reported_value=2018.0, unit="year").stated == "2018"
    assert claim(reported_value=2.0, unit="rank").stated == "2nd"
    assert claim(reported_value=11.0, unit="rank").stated == "11th"


def test_every_claim_needs_a_check_row():
    with pytest.raises(LedgerError, match="not claims of .99-test."):
        Ledger("99-test", claims={"c": claim()}, checks={"c": Check("c"), "x": Check("x")})


def test_a_claim_without_a_check_row_is_refused():
    with pytest.raises(LedgerError, match="have no row in test-checks"):
        Ledger("99-test", claims={"c": claim()}, checks={})


BOUNDS = pd.DataFrame([
    {"figure_id": "lead-bound", "quantity": "US lead when ChatGPT appeared", "value": 12.0,
     "unit": "months", "comparison": ">", "period": "2022", "source_id": "news",
     "location": "para. 1"},
    {"figure_id": "lead-point", "quantity": "US lead when ChatGPT appeared", "value": 14.0,
     "unit": "months", "comparison": "", "period": "2022", "source_id": "data",
     "location": "table 1"},
])


def bound_claim(**changes: object) -> Claim:
    return claim(**{"claim": "The US was more than a year ahead", "reported_as": "一年以上",
                    "reported_value": 12.0, "unit": "months", "comparison": ">",
                    "tolerance": 0.0, **changes})


def test_a_bound_restated_as_the_same_bound_is_faithful_and_shows_the_bound():
    figures = FigureIndex(loader=lambda name: BOUNDS.copy())
    result = assess(bound_claim(), Check("c", source_ref="t/lead-bound", source_access="relay",
                                         searched="no independent measure"), figures)
    assert result.faithful.answer is Faithful.FAITHFUL
    assert "more than 12 months" in result.faithful.reason
    assert "the same bound" in result.faithful.reason
    assert result.holds.verdict is Verdict.UNVERIFIABLE
    assert result.headline is Headline.FAITHFUL


@pytest.mark.parametrize("changes", [{"comparison": "<"}, {"reported_value": 6.0},
                                     {"comparison": "="}])
def test_another_bound_or_a_point_is_not_the_source_s_bound(changes):
    figures = FigureIndex(loader=lambda name: BOUNDS.copy())
    with pytest.raises(LedgerError, match="another bound"):
        assess(bound_claim(**changes), Check("c", source_ref="t/lead-bound",
                                             source_access="relay", searched="none"), figures)


def test_a_bound_cannot_show_that_a_figure_holds():
    figures = FigureIndex(loader=lambda name: BOUNDS.copy())
    with pytest.raises(LedgerError, match="states a bound"):
        assess(bound_claim(attributed_to=""),
               Check("c", evidence_ref="t/lead-bound", evidence_grade="independent-report"),
               figures)
    # A figure without a bound judges as before.
    result = assess(bound_claim(attributed_to=""),
                    Check("c", evidence_ref="t/lead-point", evidence_grade="independent-data"),
                    figures)
    assert result.holds.verdict is Verdict.REPRODUCED


def test_a_reference_to_a_missing_figure_names_the_claim_and_its_checks_file():
    claims = {"c": claim(attributed_to="")}
    checks = {"c": Check("c", evidence_ref="t/no-such-row", evidence_grade="independent-data")}
    with pytest.raises(LedgerError, match=r"claim 'c' \(data/claims\.csv; its check in "
                                          r"data/test/checks\.csv\).*no row 'no-such-row'"):
        Ledger("99-test", claims=claims, checks=checks, figures=index()).result("c")


def test_a_chinese_figure_label_ending_in_a_bracket_takes_its_source_inside_it():
    from claimsbook.core import settings
    from claimsbook.core.i18n import CHINESE
    from claimsbook.core.ledger import Figure

    figure = Figure("t/mau", 2.84e6, "", "MAU（QuestMobile）", period="2025-06", location="图15")
    with settings.use(language=CHINESE):
        assert figure.describe() == "MAU（QuestMobile；2025年6月，图15）"  # not （…）（…）
        assert Figure("t/x", 1, "", "月活跃用户", period="2025").describe() == "月活跃用户（2025年）"


def test_a_reason_gives_the_units_note_once():
    from claimsbook.core.ledger.rules import _unrepeated

    assert _unrepeated("less than 0 % (change in the gap)", "-7.5 % (change in the gap)") == (
        "less than 0 %")
    assert _unrepeated("不到0个模型（与上一年相比的变化）", "-37个模型（与上一年相比的变化）") == "不到0个模型"
    assert _unrepeated("3 months", "6.4 months") == "3 months"


def test_a_miss_is_said_with_its_direction_and_no_sign():
    check = Check("c", evidence_ref="computed/recount", evidence_grade="independent-data")
    low = assess(claim(reported_value=2.0, attributed_to=""), check, index()).holds
    assert low.verdict is not Verdict.REPRODUCED
    assert "lower by 0.32 % (16 %), beyond ±0.05" in low.reason, low.reason
    high = assess(claim(reported_value=1.5, attributed_to=""), check, index()).holds
    assert "higher by 0.18 % (12 %), beyond ±0.05" in high.reason, high.reason
