"""Tolerance semantics of the ledger, at and around every edge."""

from __future__ import annotations

import math

import pytest

from claimsbook.core.ledger import Figure, LedgerError, Verdict, judge

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



@pytest.mark.parametrize(("label", "expected"), [
    ("Relative gap in Arena score", "relative gap in Arena score"),
    ("Notable AI models", "notable AI models"),
    ("Artificial Analysis Intelligence Index", "Artificial Analysis Intelligence Index"),
    ("Epoch AI's training-cost estimate", "Epoch AI's training-cost estimate"),
    ("China's share of patents", "China's share of patents"),
    ("Doubao daily tokens", "Doubao daily tokens"),
    ("MMLU score", "MMLU score"),
])
def test_a_label_mid_sentence_keeps_the_capitals_of_names(label: str, expected: str) -> None:
    # "artificial Analysis Intelligence Index" stood in 46 reasons of the English ledger
    assert Figure("t/r", 1.0, "", label).describe() == expected
