"""The scorecard and the landing page's findings, from a hand-made ledger."""

from __future__ import annotations

import pandas as pd

from claimsbook.site import findings


def _row(claim_id, source, headline, faithful, verdict, garble="", part_of=""):
    return {"claim_id": claim_id, "chapter": "01-x", "source_id": source,
            "source_outlet": source.upper(), "headline": headline, "faithful": faithful,
            "garble": garble, "verdict": verdict, "part_of": part_of}


VERDICTS = pd.DataFrame([
    _row("a1", "a", "holds", "faithful", "reproduced"),
    _row("a2", "a", "garbled", "garbled", "unverifiable", "wrong-period"),
    _row("a3", "a", "garbled", "garbled", "unverifiable", "points-as-percent"),
    _row("a4", "a", "garbled", "garbled", "unverifiable", "wrong-period"),
    _row("a4-r", "a", "holds", "faithful", "reproduced", part_of="a4"),
    _row("b1", "b", "unverifiable", "not attributed", "unverifiable"),
    _row("b2", "b", "contradicted", "not attributed", "contradicted"),
])


def test_scorecard_counts_distinct_statements_by_answer_and_kind():
    card = findings.scorecard(VERDICTS).set_index("source_id")
    assert card.loc["a", "statements"] == 4  # the table's row is not a statement
    assert card.loc["a", "garbled"] == 3 and card.loc["a", "garbled_wrong_period"] == 2
    assert card.loc["a", "headline_holds"] == 1 and card.loc["b", "attributed"] == 0
    assert card.loc["b", "holds_contradicted"] == 1


def test_findings_are_sentences_computed_from_the_scorecard():
    card = findings.scorecard(VERDICTS).set_index("source_id")
    assert findings.finding(card.loc["a"]) == (
        "4 statements; 4 attributed to another source: 1 restated faithfully, 3 garbled "
        "(2 wrong period, 1 points called per cent); against independent evidence 1 hold, "
        "0 roughly, 0 are contradicted and 3 could not be checked.")
    assert findings.finding(card.loc["b"]).startswith("2 statements; against independent")


def test_scorecard_page_links_every_counted_card():
    page = findings.scorecard_html(VERDICTS, "../chapters/")
    for claim_id in ("a1", "a2", "a3", "a4", "b1", "b2"):
        assert f"href='../chapters/01-x.html#claim-{claim_id}'" in page
    assert "claim-a4-r" not in page
