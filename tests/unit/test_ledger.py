"""Tolerance semantics of the ledger, at and around every edge."""

from __future__ import annotations

import math

import pytest

from claimsbook.core.ledger import Claim, Ledger, LedgerError, Method, Verdict, explain, judge

R, A, C, U = (Verdict.REPRODUCED, Verdict.APPROXIMATELY, Verdict.CONTRADICTED,
              Verdict.UNVERIFIABLE)


@pytest.mark.parametrize(
    ("reported", "computed", "tolerance", "expected"),
    [
        (0.3, 0.3, 0.05, R),
        (0.3, 0.35, 0.05, R),  # exactly at the tolerance
        (0.3, 0.25, 0.05, R),
        (0.3, 0.36, 0.05, A),  # beyond tolerance, within 2 x tolerance
        (0.3, 0.40, 0.05, A),  # at 2 x tolerance
        (0.3, 0.41, 0.05, C),
        (17.5, 20.0, 0.05, C),  # percent vs percentage points: 17.5 pp is 20 % relative
        (9.26, 9.0, 0.005, A),  # within 10 % of the reported value
        (9.26, 8.3, 0.005, C),  # beyond 10 %
        (40, 40.5, 0.5, R),
        (0, 0.0, 0.0, R),
        (0, 0.1, 0.0, C),
    ],
)
def test_equality_edges(reported, computed, tolerance, expected):
    assert judge(reported, computed, "=", tolerance) is expected


@pytest.mark.parametrize(
    ("comparison", "reported", "computed", "tolerance", "expected"),
    [
        (">=", 100, 100, 0, R),
        (">=", 100, 95, 0, A),  # fails by 5 %, within the 10 % band
        (">=", 100, 85, 0, C),
        (">", 100, 100, 0, A),  # "more than 100" is not met by exactly 100
        (">", 100, 100.01, 0, R),
        (">", 600, 560, 50, R),  # "over 600 million", stated to the nearest 100 million
        ("<", 3, 2.9, 0, R),
        ("<", 3, 3.0, 0, A),
        ("<=", 3, 3.2, 0, A),
        ("<=", 3, 5, 0, C),
    ],
)
def test_bound_edges(comparison, reported, computed, tolerance, expected):
    assert judge(reported, computed, comparison, tolerance) is expected


@pytest.mark.parametrize("missing", [None, math.nan])
def test_missing_value_is_unverifiable(missing):
    assert judge(1.0, missing, "=", 0.1) is U


def test_bad_comparison_and_tolerance_are_refused():
    with pytest.raises(LedgerError, match="comparison '~' is not allowed"):
        judge(1, 1, "~", 0)
    with pytest.raises(LedgerError, match="tolerance must be a number >= 0"):
        judge(1, 1, "=", -0.1)


def _claim(**overrides) -> Claim:
    values = dict(
        claim_id="x-gap", chapter="99-test", section="s", source_id="src", location="p. 1",
        claim="A gap", reported_as="0.3%", reported_value=0.3, unit="percentage points",
        comparison="=", tolerance=0.05, period="2024",
    )
    values.update(overrides)
    return Claim(**values)


def test_reason_is_written_from_the_numbers():
    claim = _claim()
    assert explain(claim, 0.3, R, "AI Index fig. 2.1.37") == (
        "AI Index fig. 2.1.37: 0.3 percentage points against the reported 0.3 percentage "
        "points, within ±0.05."
    )
    reason = explain(claim, 0.5, C, "Recomputed")
    assert "off by +0.2 percentage points (+66.67 %)" in reason


def test_ledger_refuses_unknown_duplicate_and_unchecked_claims(tmp_path):
    claims = {"a": _claim(claim_id="a"), "b": _claim(claim_id="b")}
    ledger = Ledger("99-test", claims=claims)
    with pytest.raises(LedgerError, match="'zzz' is not a claim of chapter '99-test'"):
        ledger.check("zzz", 1, method=Method.DATA, basis="x")
    ledger.check("a", 0.3, method=Method.DATA, basis="x")
    with pytest.raises(LedgerError, match="already checked"):
        ledger.check("a", 0.3, method=Method.DATA, basis="x")
    with pytest.raises(LedgerError, match="left 1 claim\\(s\\) unchecked: b"):
        ledger.save(tmp_path)
    result = ledger.unverifiable("b", needs="the survey's microdata would settle it")
    assert result.verdict is U and result.method is Method.NONE
    path = ledger.save(tmp_path)
    assert path.read_text(encoding="utf-8").count("\n") == 3


def test_cards_show_verdict_and_escape_text():
    claims = {"a": _claim(claim_id="a", claim="Gap < 1 & <b>bold</b>")}
    ledger = Ledger("99-test", claims=claims)
    ledger.check("a", 0.3, method=Method.PRIMARY, basis="x")
    html = ledger.cards("s")._repr_html_()
    assert 'class="cb-card cb-reproduced"' in html and 'id="claim-a"' in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold" not in html
    with pytest.raises(LedgerError, match="no checked claims in section 'other'"):
        ledger.cards("other")


def test_a_checked_claim_must_be_shown_as_a_card(tmp_path, monkeypatch):
    from claimsbook.core.chapter import Chapter

    monkeypatch.setenv("CLAIMSBOOK_LEDGER_DIR", str(tmp_path))
    chapter = Chapter.__new__(Chapter)  # without loading data/claims.csv
    chapter.chapter_id = "99-test"
    chapter.ledger = Ledger("99-test", claims={"a": _claim(claim_id="a", section="s"),
                                                "b": _claim(claim_id="b", section="t")})
    chapter.check("a", 0.3, method=Method.DATA, basis="x")
    chapter.check("b", 0.3, method=Method.DATA, basis="x")
    chapter.cards("s")
    assert chapter.ledger.unshown() == ["b"]
    with pytest.raises(LedgerError, match="checked but never showed as cards: b"):
        chapter.finish()
    chapter.cards("t")
    assert int(chapter.finish()["claims"].sum()) == 2


def test_a_missed_bound_is_explained_by_its_distance_to_the_bound():
    ledger = Ledger("99-test", claims={
        "at": _claim(claim_id="at", reported_value=4.0, comparison=">", tolerance=0.0, unit="million"),
        "short": _claim(claim_id="short", reported_value=3.0, comparison="<", tolerance=0.5, unit="months"),
    })
    at = ledger.check("at", 4.0, method=Method.CROSS_SOURCE, basis="a relay says 4 million")
    assert at.verdict is A
    assert at.reason.endswith("exactly at the bound, which 'more than' excludes (tolerance ±0).")
    short = ledger.check("short", 6.4, method=Method.DATA, basis="ECI lag")
    assert short.verdict is C
    assert short.reason.endswith("3.4 months above the bound, beyond ±0.5.")
