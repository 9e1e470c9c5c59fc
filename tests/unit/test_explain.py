"""`claimsbook explain`: one claim's path from its rows to its cards."""

from __future__ import annotations

import pytest

from claimsbook.site.explain import explain, references


def test_references_are_every_figure_a_check_names_once_in_order():
    check = {"source_ref": "t/a", "evidence_ref": "computed/x", "context": "t/b; t/a",
             "searched": "nearest is {t/c}, then {t/b}"}
    assert references(check) == ["t/a", "computed/x", "t/b", "t/c"]


def test_a_claim_is_followed_from_its_row_to_its_cards():
    text = explain("zgjyb-deepseek-mentions")
    for part in ("1. data/claims.csv", "2. data/ai-index/checks.csv", "3. figures",
                 "4. the answers", "chapters/01-ai-index.html#claim-zgjyb-deepseek-mentions",
                 "zh/chapters/01-ai-index.html#claim-zgjyb-deepseek-mentions"):
        assert part in text


def test_an_unknown_claim_is_named():
    with pytest.raises(SystemExit, match="no claim 'zgjyb-nothing' in data/claims.csv"):
        explain("zgjyb-nothing")
