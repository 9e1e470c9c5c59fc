"""Data tier: the rules of "How we judge" (``how-we-judge.md``) that a machine can
check, over every row of the ledger. Each test names its rule; the ledger itself
refuses the rules it needs while judging (``core/ledger.py``)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from claimsbook.core import datapackage

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("CLAIMSBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
CHECKS = ("ai-index-checks", "months-behind-checks", "commercialisation-checks",
          "second-hand-checks")


def _claims() -> pd.DataFrame:
    return datapackage.load_table("claims").astype(object).fillna("")


def _checks() -> pd.DataFrame:
    return pd.concat([datapackage.load_table(name) for name in CHECKS]).fillna("")


def _sources() -> pd.DataFrame:
    return datapackage.load_table("sources").fillna("").set_index("source_id")


def _squeeze(text: str) -> str:
    """Whitespace, which the seeds break lines with, does not count."""
    return "".join(str(text).split())


def test_rule_1_attribution_only_with_the_outlets_words():
    claims = _claims()
    without = claims[(claims["attributed_to"] != "") & (claims["attribution_words"] == "")]
    stray = claims[(claims["attributed_to"] == "") & (claims["attribution_words"] != "")]
    assert list(without["claim_id"]) == [], "attributed without the words that name the source"
    assert list(stray["claim_id"]) == [], "attribution words without an attributed source"


def test_rule_1_attribution_words_stand_verbatim_in_the_outlets_text():
    if not SEEDS.is_dir():
        pytest.skip(f"the source texts are not at {SEEDS}: the attribution words cannot be "
                    f"compared with them here")
    sources = _sources()
    claims = _claims()
    missing = []
    for row in claims[claims["attribution_words"] != ""].itertuples():
        seed = sources.loc[row.source_id, "seed"]
        assert seed, f"{row.source_id} has no seed file in sources.csv"
        text = _squeeze((SEEDS / seed).read_text(encoding="utf-8"))
        for words in str(row.attribution_words).split(" … "):
            if _squeeze(words) not in text:
                missing.append(f"{row.claim_id}: {words!r} not in {seed}")
    assert missing == []


def test_verbatim_allows_an_extraction_break_and_nothing_else():
    text = "报告称，全球企业投资达到\n图1：示意\n2523亿美元的纪录。另一句。"
    assert verbatim_in("报告称，全球企业投资达到2523亿美元的纪录。", text)
    assert not verbatim_in("报告称，全球企业投资达到2500亿美元的纪录。", text)
    assert not verbatim_in("全球企业投资达到了2523亿美元", text)


def test_rule_2_an_evident_origin_only_where_the_outlet_names_none():
    claims = _claims()
    both = claims[(claims["attributed_to"] != "") & (claims["evident_origin"] != "")]
    assert list(both["claim_id"]) == []


def test_rule_3_only_a_constituting_statement_of_a_producer_makes_a_figure_hold():
    checks = _checks()
    wrong = checks[(checks["evidence_grade"] == "producer")
                   & (checks["producer_statement"] != "constitutes")]
    assert list(wrong["claim_id"]) == []


def test_rule_5_a_copy_names_the_source_it_copies():
    sources = _sources()
    copies = sources[sources["copy_of"] != ""]
    assert set(copies["copy_of"]) <= set(sources.index)
    assert not (copies.index == copies["copy_of"]).any()


def test_rule_6_a_statement_with_parts_is_a_table_or_a_sentence():
    claims = _claims()
    parents = set(claims.loc[claims["part_of"] != "", "part_of"])
    kinds = claims.set_index("claim_id")["kind"]
    assert {p: kinds[p] for p in parents if kinds[p] not in ("table", "sentence")} == {}
    childless = claims[claims["kind"].isin(["table", "sentence"])
                       & ~claims["claim_id"].isin(parents)]
    assert list(childless["claim_id"]) == [], "a table or sentence without parts"
    nested = claims[claims["part_of"].isin(set(claims.loc[claims["part_of"] != "", "claim_id"]))]
    assert list(nested["claim_id"]) == [], "a part of a part"


def test_rule_7_a_qualifier_is_a_part_of_its_sentence():
    claims = _claims()
    loose = claims[(claims["kind"] == "qualifier") & (claims["part_of"] == "")]
    assert list(loose["claim_id"]) == []


def test_rule_8_a_quote_is_checked_on_the_record_of_the_remark():
    """A quote names whose remark it is, or is evidently copied from a document that
    records it (then that document is its evident origin)."""
    claims = _claims()
    loose = claims[(claims["kind"] == "quote") & (claims["attributed_to"] == "")
                   & (claims["evident_origin"] == "")]
    assert list(loose["claim_id"]) == []


def test_rule_9_a_claim_about_a_document_is_checked_on_the_document():
    claims = _claims()
    checks = _checks().set_index("claim_id")
    documents = claims[claims["kind"] == "document"]
    assert list(documents.loc[documents["attributed_to"] != "", "claim_id"]) == []
    grades = {cid: checks.loc[cid, "evidence_grade"] for cid in documents["claim_id"]}
    assert {c: g for c, g in grades.items() if g not in ("", "independent-data")} == {}


def test_rule_10_the_same_sentence_gets_the_same_treatment():
    claims = _claims().set_index("claim_id")
    checks = _checks().set_index("claim_id")
    differing = []
    for claim_id, other in claims["same_as"].items():
        if not other:
            continue
        for column in ("source_ref", "garble", "evidence_ref", "evidence_grade"):
            if checks.loc[claim_id, column] != checks.loc[other, column]:
                differing.append(f"{claim_id} / {other}: {column}")
    assert differing == []


def test_same_as_is_symmetric_or_points_one_way_only_once():
    claims = _claims()
    links: dict[str, set[str]] = defaultdict(set)
    for row in claims[claims["same_as"] != ""].itertuples():
        links[row.claim_id].add(row.same_as)
    assert all(target not in links or source not in links[target]
               for source, targets in links.items() for target in targets), (
        "record same_as on one claim of a pair only")


def verbatim_in(words: str, text: str, piece: int = 8) -> bool:
    """``words`` stand in ``text`` as printed: whole, or (where the text extraction put a
    caption, a footnote mark or a page header inside the sentence, or moved a column's
    end elsewhere) as consecutive pieces of at least ``piece`` characters, each verbatim."""
    # Bold marks the extraction kept (**个人层面**) are not the outlet's words.
    words, text = _squeeze(words).replace("*", ""), _squeeze(text).replace("*", "")
    while words:
        if words in text:
            return True
        # The longest head of what is left that stands somewhere in the text.
        end = next((end for end in range(len(words) - 1, piece - 1, -1)
                    if words[:end] in text), 0)
        if not end:
            return False
        words = words[end:]
    return True


def test_a_quote_in_a_chinese_claim_stands_verbatim_in_its_outlets_text():
    """#20 item 5: where the Chinese edition puts a Chinese outlet's words in quotation
    marks, or gives a sentence as 整句：…, they are the outlet's words as printed;
    anything else is written as our paraphrase."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source texts are not at {SEEDS}: quotes cannot be compared here")
    from claimsbook.core import settings
    from claimsbook.core.i18n import CHINESE, data_text

    sources = _sources()
    claims = _claims()
    wrong = []
    with settings.use(language=CHINESE):
        for row in claims.itertuples():
            source = sources.loc[row.source_id]
            if source["language"] != "zh" or not source["seed"]:
                continue
            text = (SEEDS / source["seed"]).read_text(encoding="utf-8")
            chinese = data_text(row.claim)
            quoted = re.findall(r"“([^”]+)”", chinese)
            whole = re.match(r"^整句(?:（[^）]*）)?：(.+)$", chinese)
            if whole:  # a sentence given as the outlet printed it
                quoted = [whole.group(1).rstrip("。")]
            for words in quoted:
                if re.search(r"[\u4e00-\u9fff]", words) and not verbatim_in(words, text):
                    wrong.append(f"{row.claim_id}: “{words}” not in {source['seed']}")
    assert wrong == [], f"{len(wrong)} quote(s) not verbatim:\n" + "\n".join(wrong[:10])
