"""The build's pages in the Chinese edition: the scorecard, the findings, the "in brief"
box, the ledger's labels and rows, the corrections log and the published CSVs come out in
Chinese from the catalog when CLAIMSBOOK_LANG=zh_CN, and stay English otherwise."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from claimsbook.site import appendix, corrections, findings, pagemeta
from claimsbook.core import i18n
from claimsbook.core.ledger import RESULT_COLUMNS, Faithful, Garble, Grade, Headline, Verdict
from claimsbook.core import settings
from test_findings import VERDICTS  # the hand-made ledger of test_findings, shown in Chinese


CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin words a Chinese page may show: identifiers, names, codes.
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture()
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANG_ENV, i18n.CHINESE)
    settings.refresh()  # the settings are read once; re-read them


def _visible(page: str) -> str:
    """A fragment's text outside its tags."""
    return re.sub(r"<[^>]+>", " ", page)


def test_every_answer_has_a_chinese_display_name(chinese):
    names = ([appendix.headline_label(h) for h in Headline]
             + [appendix.garble_label(g) for g in Garble]
             + [appendix.grade_label(g) for g in Grade]
             + [appendix.faithful_label(f) for f in Faithful]
             + [appendix.answer_text(v) for v in (*Faithful, *Verdict)])
    assert all(CJK.search(name) for name in names), names
    # The glossary's words, and the two "contradicted" kept apart.
    assert appendix.headline_label(Headline.CONTRADICTED) == "不成立"
    assert appendix.answer_text(Verdict.CONTRADICTED) == "不成立"
    assert appendix.headline_label(Headline.FAITHFUL) == "转述忠实、未获证实"
    assert appendix.garble_label(Garble.POINTS_AS_PERCENT) == "百分点误作百分比"
    assert appendix.grade_label(Grade.PRODUCER) == "发布方自己的数据"


def test_english_display_names_are_the_ledgers_own():
    assert appendix.headline_label("roughly holds") == "Roughly holds"
    assert appendix.answer_text("not reached") == "not reached"
    assert appendix.faithful_answer("garbled", "wrong-period") == "garbled: wrong period"
    assert appendix.holds_answer("reproduced", "independent-data") == \
        "reproduced (independent data)"


def test_finding_in_chinese_is_one_sentence_from_the_scorecard(chinese):
    card = findings.scorecard(VERDICTS).set_index("source_id")
    assert findings.finding(card.loc["a"]) == (
        "4条陈述；其中4条转引自其他来源；在这些说法中，1条转述忠实，3条转述有误（时期错误2条、"
        "百分点误作百分比1条）；对照独立证据，1条成立，0条大致成立，0条不成立，3条无法核实。")
    assert findings.finding(card.loc["b"]).startswith("2条陈述；对照独立证据")


def test_scorecard_page_and_findings_are_chinese(chinese):
    page = findings.scorecard_html(VERDICTS, "../chapters/")
    assert "<caption>总体结论</caption>" in page
    assert "<caption>转述是否忠实于来源？</caption>" in page
    assert "<span class='cb-badge cb-holds'>成立</span>" in page
    assert "转述有误（时期错误2条、百分点误作百分比1条）" in page
    assert "href='../chapters/01-x.html#claim-a2'" in page  # links unchanged
    landing = findings.findings_html(VERDICTS, "appendix/scorecard.html")
    assert "<a href='appendix/scorecard.html'>记分卡</a>" in landing
    assert not LATIN_WORD.search(_visible(landing).replace("A", "").replace("B", ""))


def test_scorecard_csv_keeps_english_keys_and_adds_chinese_text(chinese):
    card = findings.scorecard(VERDICTS)
    assert list(card.columns[:3]) == ["source_id", "outlet", "outlet_zh"]
    assert "statements" in card.columns and "headline_holds" in card.columns


def test_scorecard_csv_in_english_has_no_chinese_column():
    assert "outlet_zh" not in findings.scorecard(VERDICTS).columns


def test_in_brief_box_in_chinese(chinese):
    chapter = VERDICTS.assign(claim=lambda f: "claim " + f["claim_id"], reported_as="5%")
    box = findings.brief_html(chapter)
    assert "<p class='cb-brief-title' id='cb-brief-title'>要点</p>" in box
    assert "本章共核查<strong>6条陈述</strong>。" in box
    assert "<em>时期错误</em>（2条）：" in box and "<em>经独立证据检验不成立</em>（1条）：" in box
    assert "总体结论：“成立”1条、“转述有误”3条、“不成立”1条、“无法核实”1条。" in box
    text = _visible(box)
    assert "In brief" not in text and "statements" not in text


def _ledger() -> pd.DataFrame:
    row = dict.fromkeys(RESULT_COLUMNS, "")
    row.update(claim_id="a-1", chapter="01-ai-index", source_id="src-a", claim="claim a-1",
               reported_value=5.0, unit="%", comparison="=", tolerance=0.5,
               computed_value=float("nan"), source_value=17.5, headline="garbled",
               faithful="garbled", garble="points-as-percent", verdict="contradicted",
               evidence_grade="independent-data", faithful_reason="f", holds_reason="h")
    return pd.DataFrame([row])


def test_ledger_rows_filters_and_script_labels_in_chinese(chinese):
    rows = appendix.ledger_rows(_ledger())
    assert rows[0]["label"] == "转述有误"
    assert rows[0]["faithful"] == "转述有误：百分点误作百分比"
    assert rows[0]["holds"] == "不成立（独立数据）"
    page = appendix.table_html(_ledger(), "../verdicts.csv", "../ledger.json")
    assert "<label>总体结论 <select data-filter='headline'><option value=''>全部</option>" in page
    assert "<option value='points-as-percent'>百分点误作百分比</option>" in page
    assert "下载全部核查结果（CSV）</a>" in page
    labels = json.loads(html.unescape(re.search(r"data-labels='([^']*)'", page).group(1)))
    assert labels == appendix.ledger_labels()
    assert all(CJK.search(text) for text in labels.values()), labels
    assert labels["shown"].format(shown=3, total=9) == "显示3条说法，共9条"


def test_the_ledger_script_writes_only_the_labels_it_is_given():
    script = (Path(appendix.__file__).parents[1] / "static" / "claimsbook.js").read_text()
    asked = set(re.findall(r'say\("(\w+)"', script))
    assert asked == set(appendix.ledger_labels())
    # No English sentence of its own reaches the reader (console messages are not read).
    for needle in ("claims shown", "loading ", "Faithful? ", "Holds? ", '"", "history"',
                   '"Stated"', '"Evidence"'):
        assert needle not in script


def test_english_ledger_labels_are_the_texts_the_script_used_to_write():
    labels = appendix.ledger_labels()
    assert labels["faithful"].format(answer="faithful") == "Faithful? faithful."
    assert labels["shown"].format(shown=3, total=9) == "3 of 9 claims shown"
    assert labels["loading"].format(total=9) == "loading 9 claims…"


def test_chinese_verdicts_csv_has_chinese_answer_names(chinese, tmp_path):
    appendix.export(_ledger(), tmp_path / "verdicts.csv")
    frame = pd.read_csv(tmp_path / "verdicts.csv", keep_default_na=False)
    assert list(frame.columns[-5:]) == list(appendix.LABEL_COLUMNS)
    assert frame.loc[0, "headline"] == "garbled"  # codes stay
    assert frame.loc[0, "headline_label"] == "转述有误"
    assert frame.loc[0, "verdict_label"] == "不成立"
    assert frame.loc[0, "evidence_grade_label"] == "独立数据"


def test_claim_review_rating_in_chinese(chinese):
    review = appendix.claim_reviews(_ledger(), "https://example.org/zh/x.html",
                                    language="zh-CN")[0]
    assert review["reviewRating"]["alternateName"] == "转述有误"
    assert review["inLanguage"] == "zh-CN"
    assert CJK.search(review["author"]["name"])


def test_corrections_log_in_chinese(chinese):
    found = [corrections.Correction("2026-11-20", "abc123", "c", "01-x", "added", "",
                                    "garbled", "c: added"),
             corrections.Correction("2026-11-25", "def456", "a", "01-x", "verdict",
                                    "reproduced", "contradicted", "a moved")]
    page = corrections.log_html(found)
    assert "新增说法：— → 转述有误" in page
    assert "数字是否成立：复现一致 → 不成立" in page
    assert "<span lang='en'>c: added</span>" in page  # the commit's own words
    assert "<th scope='col'>说法 · 更改 · 原因 · 提交</th>" in page
    feed = corrections.atom(found, "https://example.org/zh/", "appendix/corrections.html",
                            "数字核查")
    assert "<title>《数字核查》更正记录</title>" in feed
    assert "c：新增说法，— → 转述有误" in feed


def test_chinese_meta_description_is_cut_after_a_clause(chinese):
    text = "本书核查四份中文报告中的数字，" * 10
    short = pagemeta.shorten(text)
    assert len(short) <= pagemeta.DESCRIPTION_CHARS_ZH and short.endswith("数字…")
