import json

import pandas as pd

from claimsbook.site import appendix
from claimsbook.core.ledger import RESULT_COLUMNS


def _verdict(claim_id, headline, computed, **overrides):
    row = dict.fromkeys(RESULT_COLUMNS, "")
    row.update(claim_id=claim_id, chapter="01-ai-index", section="s", source_id="src-a",
               claim=f"claim {claim_id}", reported_value=5.0, unit="%", comparison="=",
               tolerance=0.5, computed_value=computed, headline=headline,
               faithful="not attributed", verdict="reproduced", evidence_grade="independent-data",
               source_value=float("nan"), faithful_reason=f"faithful {claim_id}",
               holds_reason=f"holds {claim_id}")
    row.update(overrides)
    return row


def _verdicts():
    return pd.DataFrame([
        _verdict("a-1", "holds", 5.1),
        _verdict("a-2", "unverifiable", float("nan"), comparison="<", reported_value=3.0,
                 unit="months", verdict="unverifiable", evidence_grade="none"),
        _verdict("a-3", "garbled", float("nan"), faithful="garbled", garble="points-as-percent",
                 source_value=17.5, verdict="unverifiable", evidence_grade="none"),
        _verdict("a-3-row", "holds", 5.0, part_of="a-3"),
        _verdict("b-1", "contradicted", 9.0, chapter="02-months-behind", source_id="src-b",
                 claim="a </script> in a claim", verdict="contradicted"),
    ])


def test_counts_are_of_distinct_statements_by_headline():
    page = appendix.counts_html(_verdicts())
    # chapter 01: 1 holds, 1 garbled, 1 unverifiable (the table's row is not counted);
    # columns in the headline rule's order, "partly holds" after "contradicted"
    assert ("<th scope='row'>01-ai-index</th><td>1</td><td>0</td><td>1</td><td>0</td>"
            "<td>0</td><td>0</td><td>1</td><td>3</td>") in page
    assert ("<th scope='row'>All</th><td>1</td><td>0</td><td>1</td><td>1</td><td>0</td>"
            "<td>0</td><td>1</td><td>4</td>") in page


def test_ledger_page_is_a_shell_with_filters_and_its_rows_are_data():
    page = appendix.table_html(_verdicts(), "../verdicts.csv", "../ledger.json")
    assert "data-src='../ledger.json' data-total='4'" in page and "<tbody></tbody>" in page
    assert "<option value='points-as-percent'>points called per cent</option>" in page
    assert "href='../verdicts.csv' download" in page
    rows = {r["id"]: r for r in appendix.ledger_rows(_verdicts(), {"b-1": "../h.html#b-1"})}
    assert set(rows) == {"a-1", "a-2", "a-3", "b-1"}  # the table's row is not a statement
    assert rows["b-1"]["claim"] == "a </script> in a claim"  # data, rendered as text
    assert rows["b-1"]["history"] == "../h.html#b-1" and rows["a-1"]["history"] == ""
    assert rows["a-2"]["stated"] == "<3 months" and rows["a-2"]["evidence"] == "—"
    assert rows["a-3"]["source_value"] == "17.5 %" and rows["a-3"]["garble"] == "points-as-percent"
    assert rows["a-3"]["faithful"] == "garbled: points called per cent"
    assert rows["a-1"]["card"] == "../chapters/01-ai-index.html#claim-a-1"


def test_claim_reviews_rate_only_judged_statements():
    reviews = appendix.claim_reviews(_verdicts(), "https://example.org/appendix/ledger.html")
    by_id = {r["url"].rsplit("#", 1)[1]: r for r in reviews}
    assert "a-3-row" not in by_id
    assert by_id["a-1"]["reviewRating"]["ratingValue"] == 5
    assert by_id["a-3"]["reviewRating"]["ratingValue"] == 2
    assert by_id["b-1"]["reviewRating"]["ratingValue"] == 1
    assert "ratingValue" not in by_id["a-2"]["reviewRating"]
    script = appendix.json_ld(reviews)
    assert script.count("</script>") == 1  # a claim's text cannot close the tag
    assert json.loads(script.split(">", 1)[1].rsplit("<", 1)[0])[0]["@type"] == "ClaimReview"


def test_export_writes_both_answers_for_every_claim(tmp_path):
    path = tmp_path / "verdicts.csv"
    appendix.export(_verdicts(), path)
    written = pd.read_csv(path)
    for column in ("claim_id", "chapter", "source_id", "attributed_to", "part_of",
                   "reported_value", "unit", "headline", "faithful", "garble", "source_value",
                   "faithful_reason", "verdict", "evidence_grade", "computed_value",
                   "holds_reason"):
        assert column in written.columns
    assert len(written) == 5


def test_gather_joins_sources_and_skips_chapters_without_verdicts(tmp_path):
    sources = pd.read_csv(appendix.datapackage.data_dir() / "sources.csv")
    known = sources["source_id"].iloc[0]
    pd.DataFrame([_verdict("a-1", "holds", 5.1, source_id=known)]).to_csv(
        tmp_path / "01-ai-index.csv", index=False)
    gathered = appendix.gather(tmp_path, ["01-ai-index", "02-months-behind"])
    assert list(gathered["claim_id"]) == ["a-1"]
    assert gathered.loc[0, "source_title"] == sources["title"].iloc[0]


def test_sources_are_anchored_and_linked_only_when_public():
    sources = pd.DataFrame([
        {"source_id": "a-1", "kind": "news", "outlet": "Outlet A", "title": "Title <A>",
         "url": "https://example.org/a", "date": "2025-04-08", "language": "zh"},
        {"source_id": "b-2", "kind": "report", "outlet": "Outlet B", "title": "Title B",
         "url": float("nan"), "date": float("nan"), "language": "en",
         "primary_tried": "Outlet B's own site, in English and Chinese: not stored"},
    ])
    page = appendix.sources_html(sources)
    assert "<tr id='a-1'>" in page and "<tr id='b-2'>" in page
    assert "<a href='https://example.org/a'>Title &lt;A&gt;</a>" in page
    assert "Title B</p>" in page and "nan" not in page
    assert page.count("Primary tried:") == 1 and "not stored</p>" in page


def test_data_tables_list_rows_licence_checksum_and_origin(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "t.csv").write_text("a\n1\n2\n", encoding="utf-8")
    (tmp_path / "x" / "t.manifest.json").write_text(json.dumps(
        {"script": "scripts/extract_t.py", "source_url": "https://example.org/t.csv",
         "snapshot_date": "2025-03-26"}), encoding="utf-8")
    (tmp_path / "x" / "u.csv").write_text("b\n3\n", encoding="utf-8")
    descriptor = {"resources": [
        {"name": "t", "path": "x/t.csv", "title": "T", "hash": "sha256:" + "ab" * 32,
         "licenses": [{"name": "CC-BY-4.0"}]},
        {"name": "u", "path": "x/u.csv", "title": "U", "hash": "sha256:" + "cd" * 32},
    ]}
    page = appendix.data_tables_html(descriptor, tmp_path, "../data/")
    assert "<a href='../data/x/t.csv'>x/t.csv</a> · 2 rows · CC-BY-4.0" in page
    assert "scripts/extract_t.py" in page and "snapshot 2025-03-26" in page
    assert ">abababababab<" in page
    assert "x/u.csv</a> · 1 row ·" in page and page.count("Extracted by") == 1
