import json

import pandas as pd

from claimsbook import appendix
from claimsbook.ledger import RESULT_COLUMNS


def _verdict(claim_id, verdict, computed, **overrides):
    row = dict.fromkeys(RESULT_COLUMNS, "")
    row.update(claim_id=claim_id, chapter="01-ai-index", section="s", source_id="src-a",
               claim=f"claim {claim_id}", reported_value=5.0, unit="%", comparison="=",
               tolerance=0.5, computed_value=computed, verdict=verdict,
               method="recomputed from data", reason=f"reason {claim_id}")
    row.update(overrides)
    return row


def _verdicts():
    return pd.DataFrame([
        _verdict("a-1", "reproduced", 5.1),
        _verdict("a-2", "unverifiable", float("nan"), comparison="<", reported_value=3.0,
                 unit="months"),
        _verdict("b-1", "contradicted", 9.0, chapter="02-months-behind", source_id="src-b",
                 claim="a </script> in a claim"),
    ])


def test_counts_per_chapter_and_verdict_add_up():
    page = appendix.counts_html(_verdicts())
    # chapter 01: 1 reproduced, 0 approximately, 0 contradicted, 1 unverifiable, 2 in all
    assert "<th scope='row'>01-ai-index</th><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>" in page
    assert "<th scope='row'>All</th><td>1</td><td>0</td><td>1</td><td>1</td><td>3</td>" in page


def test_ledger_rows_are_anchors_with_filter_data_and_escaped_text():
    page = appendix.table_html(_verdicts(), "../verdicts.csv")
    assert page.count("<tr id=") == 3
    assert ("<tr id='b-1' data-chapter='02-months-behind' data-source='src-b' "
            "data-verdict='contradicted'>") in page
    assert "a &lt;/script&gt; in a claim" in page and "</script>" not in page
    assert "href='../chapters/01-ai-index.html#claim-a-1'" in page
    assert "&lt;3 months" in page          # the comparison travels with the reported value
    assert "<td class='num'>—</td>" in page  # no computed value for the unverifiable claim
    assert "href='../verdicts.csv' download" in page


def test_claim_reviews_rate_only_checked_claims():
    reviews = appendix.claim_reviews(_verdicts(), "https://example.org/appendix/ledger.html")
    by_id = {r["url"].rsplit("#", 1)[1]: r for r in reviews}
    assert by_id["a-1"]["reviewRating"]["ratingValue"] == 3
    assert by_id["b-1"]["reviewRating"]["ratingValue"] == 1
    assert "ratingValue" not in by_id["a-2"]["reviewRating"]
    script = appendix.json_ld(reviews)
    assert script.count("</script>") == 1  # a claim's text cannot close the tag
    assert json.loads(script.split(">", 1)[1].rsplit("<", 1)[0])[0]["@type"] == "ClaimReview"


def test_export_writes_the_columns_the_readme_names(tmp_path):
    path = tmp_path / "verdicts.csv"
    appendix.export(_verdicts(), path)
    written = pd.read_csv(path)
    for column in ("claim_id", "chapter", "source_id", "reported_value", "unit",
                   "computed_value", "verdict", "method", "reason"):
        assert column in written.columns
    assert len(written) == 3


def test_gather_joins_sources_and_skips_chapters_without_verdicts(tmp_path):
    sources = pd.read_csv(appendix.datapackage.data_dir() / "sources.csv")
    known = sources["source_id"].iloc[0]
    pd.DataFrame([_verdict("a-1", "reproduced", 5.1, source_id=known)]).to_csv(
        tmp_path / "01-ai-index.csv", index=False)
    gathered = appendix.gather(tmp_path, ["01-ai-index", "02-months-behind"])
    assert list(gathered["claim_id"]) == ["a-1"]
    assert gathered.loc[0, "source_title"] == sources["title"].iloc[0]
