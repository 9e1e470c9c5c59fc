"""The two editions: every English page has its Chinese counterpart, each links to the
other, and the Chinese pages' visible text is Chinese — outside code, data cells and
text marked as English (lang="en", such as a source's own English title)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimsbook.site.site import content_pages

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
CHINESE_SITE = SITE / "zh"
# Elements whose text is code, data or machinery, not prose.
SKIPPED = {"script", "style", "pre", "code", "kbd", "samp", "td", "noscript", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "rect", "circle", "line", "use", "stop"}
# An English sentence: five or more Latin words in a row, one of them a function word
# (names such as "Artificial Analysis Intelligence Index" have none), not in title case
# (titles of English works, such as "Data on Notable AI Models", keep their own words),
# and not inside quotation marks (a source's own words, quoted).
RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,;:()]+[A-Za-z0-9][A-Za-z0-9'’.-]*){4,}")
FUNCTION_WORDS = {"the", "of", "and", "is", "are", "was", "were", "to", "in", "for", "with",
                  "on", "by", "that", "not", "from", "this", "it", "its", "be", "has",
                  "have", "an", "which", "than", "at", "as", "or"}

pytestmark = pytest.mark.browser


def _pages(site: Path) -> list[str]:
    return [p for p in content_pages(site) if not p.startswith("zh/")] if site.is_dir() else []


class VisibleText(HTMLParser):
    """Text a reader sees inside the page's article, with what it is inside of."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        skipped = (tag in SKIPPED or values.get("lang", "").startswith("en")
                   or "hidden" in values or values.get("aria-hidden") == "true"
                   or "cb-chart-spec" in classes or "cb-chart-csv" in classes
                   or "highlight" in " ".join(classes))
        inside = bool(self.stack) and self.stack[-1][1]
        self.stack.append((tag, skipped or inside))

    def handle_endtag(self, tag):
        if tag in VOID or tag not in (open_tag for open_tag, _ in self.stack):
            return  # a stray end tag closes nothing
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.stack and not self.stack[-1][1] and data.strip():
            self.texts.append(" ".join(data.split()))


QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》|\"[^\"]*\"")


def _title_case(run: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", run)
             if w.lower() not in FUNCTION_WORDS and len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def english_sentences(html: str) -> list[str]:
    body = html.split('<article class="bd-article"', 1)[-1].split("</article>\n", 1)[0]
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    parser = VisibleText()
    parser.feed("<div " + body)
    found = []
    for text in [title.group(1) if title else "", *parser.texts]:
        for run in RUN.findall(QUOTED.sub(" ", text)):
            if _title_case(run):
                continue
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", run)}
            if words & FUNCTION_WORDS:
                found.append(run)
    return found


def test_english_sentence_detector_finds_english_and_passes_chinese():
    assert english_sentences('<article class="bd-article"><p>The gap narrowed to 5 percent '
                             'in 2024.</p></article>\n')
    assert not english_sentences('<article class="bd-article"><p>差距在2024年缩小到5%，'
                                 '见 Artificial Analysis Intelligence Index。</p>'
                                 '<pre>print("this is the code of it")</pre>'
                                 '<a lang="en">Read this page in English</a>'
                                 '<p>报告标题“AI use continues to climb”；见 Data on Notable AI '
                                 'Models。</p></article>\n')


@pytest.mark.parametrize("page_path", _pages(SITE))
def test_every_english_page_has_a_chinese_counterpart_that_links_back(page_path):
    chinese = CHINESE_SITE / page_path
    assert chinese.is_file(), f"no Chinese edition of {page_path}"
    text = chinese.read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in text
    assert 'class="btn cb-language"' in text and 'hreflang="en"' in text
    english = (SITE / page_path).read_text(encoding="utf-8")
    assert '<html lang="en"' in english and 'hreflang="zh-CN"' in english


@pytest.mark.parametrize("page_path", _pages(SITE))
def test_chinese_pages_leave_no_english_sentence_behind(page_path):
    chinese = CHINESE_SITE / page_path
    if not chinese.is_file():
        pytest.fail(f"no Chinese edition of {page_path}")
    left = english_sentences(chinese.read_text(encoding="utf-8"))
    assert left == [], f"zh/{page_path}: {len(left)} English sentence(s), e.g. {left[:3]}"


def test_the_chinese_ledger_is_published_with_the_same_answers_in_chinese():
    """verdicts.zh.csv beside verdicts.csv: the same claims and answers (one computation),
    with the claims, reasons and answer names in Chinese."""
    import pandas as pd

    english = pd.read_csv(SITE / "verdicts.csv", keep_default_na=False)
    chinese = pd.read_csv(SITE / "verdicts.zh.csv", keep_default_na=False)
    keys = ["claim_id", "headline", "faithful", "garble", "verdict", "evidence_grade"]
    assert english[keys].equals(chinese[keys])
    han = re.compile(r"[\u4e00-\u9fff]")
    for column in ("claim", "faithful_reason", "holds_reason", "headline_label"):
        assert chinese[column].map(lambda text: bool(han.search(text))).all(), column


@pytest.mark.parametrize("chapter", [p for p in _pages(SITE) if p.startswith("chapters/")])
def test_claim_reviews_on_chinese_pages_are_in_chinese(chapter):
    import json

    text = (CHINESE_SITE / chapter).read_text(encoding="utf-8")
    found = re.search(r"<script type=['\"]application/ld\+json['\"]>(.*?)</script>", text, re.S)
    assert found, f"zh/{chapter} has no ClaimReview"
    reviews = json.loads(found.group(1))
    assert reviews and all(r["inLanguage"] == "zh-CN" for r in reviews)
    assert all(re.search(r"[\u4e00-\u9fff]", r["claimReviewed"]) for r in reviews)
    assert all("/zh/" in r["url"] for r in reviews)


# An amount written with a Western scale word, or with a thousands separator before a
# Chinese one ("150百万", "614.5十亿元", "2,523亿"): a Chinese newsroom writes 1.5亿,
# 6145亿元, 2523亿 (core.numbers.fmt_scaled_zh; prose: {glue:text}`key:zh-million`).
WESTERN_SCALE = re.compile(r"\d(?:</span>)?(?:百万|十亿)|\d,\d{3}(?:\.\d+)?(?:</span>)?\s*[万亿]")


@pytest.mark.parametrize("page_path", _pages(SITE))
def test_chinese_pages_write_amounts_in_wan_and_yi(page_path):
    chinese = CHINESE_SITE / page_path
    if not chinese.is_file():
        pytest.fail(f"no Chinese edition of {page_path}")
    text = chinese.read_text(encoding="utf-8")
    found = [text[max(0, m.start() - 30):m.end() + 5] for m in WESTERN_SCALE.finditer(text)]
    assert not found, f"zh/{page_path}: {len(found)} amount(s) in Western scale, e.g. {found[:3]}"


def test_the_chinese_ledger_data_writes_amounts_in_wan_and_yi():
    """The ledger page draws its rows from ledger.json, and verdicts.zh.csv is its
    download: neither names a Western scale (25百万月活跃用户 is 2500万月活跃用户)."""
    import pandas as pd

    text = (CHINESE_SITE / "ledger.json").read_text(encoding="utf-8")
    found = [text[max(0, m.start() - 30):m.end() + 5] for m in WESTERN_SCALE.finditer(text)]
    assert not found, f"zh/ledger.json: {len(found)} amount(s) in Western scale, e.g. {found[:3]}"
    units = pd.read_csv(SITE / "verdicts.zh.csv", keep_default_na=False)["unit"]
    # A price per million tokens keeps its denominator (美元/百万词元), as the trade writes it.
    western = sorted({u for u in units if re.search(r"(?<!/)(百万|十亿)|million|billion", u)})
    assert not western, f"verdicts.zh.csv: units with a Western scale: {western}"


@pytest.mark.parametrize("page_path", [p for p in _pages(SITE) if p.startswith("chapters/")])
def test_chinese_charts_group_no_digits(page_path):
    """A chart's tooltips and axes in the Chinese edition write 9758, not 9,758 (the
    Chinese edition's Vega locale has no thousands separator)."""
    text = (CHINESE_SITE / page_path).read_text(encoding="utf-8")
    grouped = re.findall(r'aria-label="[^"]*?[−-]?\d{1,3},\d{3}\b[^"]{0,20}', text)
    assert not grouped, f"zh/{page_path}: {len(grouped)} grouped number(s), e.g. {grouped[:2]}"
