"""What the ledger, the cards, the charts and the chapter tables write comes out in
Chinese under CLAIMSBOOK_LANG=zh_CN, and exactly as before in English."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from claimsbook.core import i18n
from claimsbook.core.chapter import header, styled_table as table
from claimsbook.core.charts import _lines, what_if_label
from claimsbook.core.ledger import (
    Check, Claim, Computed, Faithful, FigureIndex, Garble, Grade, Headline, Verdict, assess,
    cards_html, faithful_label, garble_label, grade_label, headline_label, label, verdict_label,
)
from claimsbook.core import settings

FIGURES = pd.DataFrame([
    {"figure_id": "gap-pp", "quantity": "Gap on MMLU", "value": 0.3,
     "unit": "percentage points", "period": "2024", "source_id": "report",
     "location": "fig. 1"},
    {"figure_id": "gap-pct", "quantity": "Overall gap", "value": 1.7, "unit": "%",
     "period": "2025-02", "source_id": "report", "location": "fig. 2"},
])
# The data catalog's Chinese for the texts of this example (the real catalog is
# filled separately).
DATA_ZH = {
    "The gap is 0.3 %": "差距为0.3%",
    "Gap on MMLU": "MMLU差距",
    "Overall gap": "总体差距",
    "percentage points": "个百分点",
    "fig. 1": "图1",
    "fig. 2": "图2",
    "para. 1": "第1段",
    "Recount from the leaderboard": "根据排行榜重新计算",
    "no independent recount of the gap": "没有对差距的独立重新计算",
}
# A run of three Latin words is an English sentence left behind.
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,;:'.()-]+[A-Za-z]+){2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def index() -> FigureIndex:
    figures = FigureIndex(loader=lambda name: FIGURES.copy())
    figures.record(Computed("recount", 1.68, "%", "Recount from the leaderboard", "board"))
    return figures


def claim(**changes: object) -> Claim:
    base = dict(claim_id="c", chapter="99-test", section="s", source_id="outlet",
                location="para. 1", claim="The gap is 0.3 %", reported_as="0.3%",
                reported_value=0.3, unit="%", comparison="=", tolerance=0.05, period="2025",
                attributed_to="report")
    base.update(changes)
    return Claim(**base)  # type: ignore[arg-type]


GARBLED = Check("c", source_ref="t/gap-pct", source_access="primary",
                garble="points-as-percent", garbled_from="t/gap-pp",
                searched="no independent recount of the gap")
HOLDS = Check("c", source_ref="t/gap-pct", source_access="primary",
              evidence_ref="computed/recount", evidence_grade="independent-data",
              context="t/gap-pp")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANG_ENV, i18n.CHINESE)
    settings.refresh()  # the settings are read once; re-read them
    real = i18n.catalog

    def catalog(domain: str, lang: str | None = None) -> dict:
        return DATA_ZH if domain == i18n.DATA_DOMAIN else real(domain, lang)  # type: ignore[return-value]
    monkeypatch.setattr(i18n, "catalog", catalog)


def visible(html: str) -> str:
    """The text a reader sees: tags, identifiers and the sources' names removed."""
    text = re.sub(r"<footer.*?</footer>|<a [^>]*>.*?</a>", " ", html)
    return re.sub(r"<[^>]+>", " ", text)


def test_a_card_and_its_reasons_read_in_chinese(chinese: None) -> None:
    result = assess(claim(), GARBLED, index())
    reason = result.faithful.reason
    assert reason == ("媒体称0.3%；来源给出的总体差距（2025年2月，图2）为1.7%；"
                      "媒体所引数字实为来源中的MMLU差距（2024年，图1），即0.3个百分点。")
    assert result.holds.reason == "没有独立证据：没有对差距的独立重新计算。"
    html = cards_html([result])
    for text in ("转述有误", "转述是否忠实？", "数字是否成立？", "百分点误作百分比", "所述数值",
                 "无法核实 · 未获证据", "差距为0.3%", "转引自"):
        assert text in html
    # The source's words beside the stated value, unless they are the same (0.3%（0.3%）).
    assert "（0.3%）" not in html
    assert "（约0.3%）" in cards_html([assess(claim(reported_as="约0.3%"), GARBLED, index())])
    shown = visible(html)
    assert CJK.search(shown) and not ENGLISH_RUN.search(shown), shown
    holds = assess(claim(reported_value=1.7), HOLDS, index()).holds.reason
    assert holds == ("根据排行榜重新计算为1.68%，说法称1.7%，在±0.05个百分点的容差之内。"
                     "最接近的数字（仅作背景）：MMLU差距（2024年，图1）：0.3个百分点。")


def test_every_answer_has_a_chinese_name(chinese: None) -> None:
    for enum, name in ((Headline, headline_label), (Verdict, verdict_label),
                       (Faithful, faithful_label), (Garble, garble_label), (Grade, grade_label)):
        for value in enum:
            shown = name(value)
            assert CJK.search(shown) and shown == label(value), (value, shown)
    # The headline and the verdict of the same English name differ in Chinese.
    assert headline_label(Headline.CONTRADICTED) == "不成立"
    assert verdict_label(Verdict.CONTRADICTED) == "不成立"


def test_chinese_charts_and_tables(chinese: None) -> None:
    assert what_if_label("指标", "ECI") == "指标（本页：ECI） "
    wrapped = _lines("两国顶尖模型在MMLU上的差距从2023年底的17.5个百分点缩小到2024年底的0.3个百分点", 40)
    # A Chinese character takes the room of two Latin ones.
    assert isinstance(wrapped, list) and len(wrapped) == 2
    assert all(sum(2 if CJK.match(c) else 1 for c in line) <= 40 for line in wrapped)
    assert "".join(wrapped).startswith("两国顶尖模型") and "17.5个百分点" in wrapped[1]
    assert header("early_lag_months") == "早期落后月数"
    html = table(pd.DataFrame({"headline": ["holds"], "claims": [3]})).to_html()
    assert "总体结论" in html and "成立" in html and "说法数" in html


def test_english_is_unchanged() -> None:
    result = assess(claim(), GARBLED, index())
    assert result.faithful.reason == (
        "The outlet states 0.3 %; the source gives 1.7 % for overall gap (2025-02, fig. 2); "
        "the stated figure is the source's gap on MMLU (2024, fig. 1), 0.3 percentage points.")
    assert result.holds.reason == "No independent evidence: no independent recount of the gap."
    assert cards_html([result]) == (
        '<div class="cb-cards">\n'
        '<article class="cb-card cb-garbled" id="claim-c" data-headline="garbled">\n'
        '<header><span class="cb-badge">Garbled</span> <span class="cb-source">'
        '<a href="../appendix/sources.html#outlet">outlet</a> · para. 1 · attributed to '
        "<a href='../appendix/sources.html#report'>report</a></span></header>\n"
        '<p class="cb-claim">The gap is 0.3 %</p>\n'
        '<dl><dt>Stated</dt><dd>0.3 %</dd>\n'
        '<dt>Faithful?</dt><dd><strong>Garbled: points called per cent</strong> '
        '<span class="cb-reason">The outlet states 0.3 %; the source gives 1.7 % for overall '
        "gap (2025-02, fig. 2); the stated figure is the source&#39;s gap on MMLU (2024, fig. "
        '1), 0.3 percentage points.</span> <a class="cb-rule" '
        'href="../how-we-judge.html#rule-attribution">How we judge</a></dd>\n'
        '<dt>Holds?</dt><dd><strong>Unverifiable · no evidence reached</strong> '
        '<span class="cb-reason">No independent evidence: no independent recount of the '
        'gap.</span> <a class="cb-rule" href="../how-we-judge.html#rule-grades">How we '
        'judge</a></dd></dl>\n'
        '<footer class="cb-id">c</footer></article>\n'
        '</div>')
    holds = assess(claim(reported_value=1.7), HOLDS, index()).holds.reason
    assert holds == ("Recount from the leaderboard: 1.68 % against the stated 1.7 %, within "
                     "±0.05. Nearest figures, for context only: gap on MMLU (2024, fig. 1), "
                     "0.3 percentage points.")
    assert verdict_label(Verdict.CONTRADICTED) == headline_label("contradicted") == "Contradicted"
    assert header("early_lag_months") == "Early lag months"
    assert what_if_label("Metric", "ECI") == "Metric (this page: ECI) "
