"""Browser tier: headless Chromium (Debian's, driven by Playwright) over the built
site served on 127.0.0.1. Every page loads without console errors, every chart
draws, no request leaves 127.0.0.1, and no internal link is broken."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from claimsbook.site.site import CHROMIUM, chromium, content_pages, serve

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
# Console messages tolerated, with why. Keep short.
CONSOLE_ALLOW = (
    "favicon.ico",  # the theme asks for a favicon the book does not ship
)

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    if not SITE.joinpath("index.html").is_file():
        pytest.fail("the site is not built: run `make book` first (make test does)")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed")


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    _require_browser()
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site_url):
    with chromium() as browser:
        yield browser


class Visit:
    """One browser tab for the whole tier (a new context per test costs about half a
    second): what it fetched, what it logged and what it tried to send elsewhere,
    recorded since the last :meth:`open`."""

    def __init__(self, browser, site_url: str) -> None:
        self.site_url = site_url
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.fetched: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda request: self.fetched.append(request.url))

    def _guard(self, route) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, page_path: str):
        for record in (self.errors, self.outside, self.fetched):
            record.clear()
        # A blank page in between: the next page must not inherit the last one's state.
        self.page.goto("about:blank")
        response = self.page.goto(f"{self.site_url}/{page_path}", wait_until="load")
        assert response is not None and response.ok, \
            f"{page_path}: HTTP {response and response.status}"
        return self.page


@pytest.fixture(scope="module")
def visit(browser, site_url, request) -> Iterator[Visit]:
    tab = Visit(browser, site_url)
    yield tab
    tab.context.close()


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request) -> Iterator[None]:
    """A failing browser test leaves the screen it saw in _build/screenshots (CI uploads
    it); passing tests take none, which saves a third of a second a page."""
    yield
    report = getattr(request.node, "rep_call", None)
    tab = request.node.funcargs.get("visit") if hasattr(request.node, "funcargs") else None
    if report is not None and report.failed and tab is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@functools.cache
def _anchors(page: Path) -> frozenset[str]:
    return frozenset(re.findall(r"""\bid=["']([^"']+)["']""", page.read_text(encoding="utf-8")))


def _has_anchor(page: Path, fragment: str) -> bool:
    return unquote(fragment) in _anchors(page)


def _pages() -> list[str]:
    return content_pages(SITE) if SITE.is_dir() else ["index.html"]


@pytest.mark.parametrize("page_path", _pages())
def test_page(page_path, visit):
    page = visit.open(page_path)
    fetched = visit.fetched
    # One search field on a desktop screen (pydata-sphinx-theme >= 0.17 adds a second, in
    # a header bar above the book's, unless navbar_persistent is set).
    fields = page.locator(".search-button-field:visible").count()
    assert fields == 1, f"{page_path} shows {fields} search fields"
    assert not [url for url in fetched if "fontawesome.js" in url], \
        f"{page_path} loads the theme's 1.5 MB Font Awesome script"
    charts = page.locator("figure.cb-chart")
    if charts.count():
        # Drawn at build time: the interactive drawing (and the Vega bundle) waits
        # until the reader scrolls to a chart or touches it.
        assert page.locator("figure.cb-chart .cb-chart-static svg").count() == charts.count()
        assert not [url for url in fetched if "vega-bundle" in url], \
            f"{page_path} fetched the Vega bundle before any chart was reached"
        page.mouse.wheel(0, 10)
        for index in range(charts.count()):
            charts.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('figure.cb-chart')]"
            ".every(f => f.dataset.rendered)", timeout=30_000)
        states = charts.evaluate_all("fs => fs.map(f => [f.id, f.dataset.rendered])")
        assert all(state == "true" for _, state in states), f"charts not drawn: {states}"
        assert page.locator("figure.cb-chart svg").count() >= charts.count()
        widths = charts.evaluate_all(
            "fs => fs.map(f => [f.id, f.querySelector('svg').getBoundingClientRect().width])")
        assert all(width > 300 for _, width in widths), f"charts drawn too narrow: {widths}"
    else:
        assert not [url for url in fetched if "vega-bundle" in url], \
            f"{page_path} has no chart but fetched the Vega bundle"

    links = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
    broken = []
    for link in links:
        parsed = urlparse(link)
        if parsed.hostname != "127.0.0.1" or parsed.scheme not in ("http", "https"):
            continue
        target = SITE / unquote(parsed.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(link)
        elif parsed.fragment and target.suffix == ".html" and not _has_anchor(target, parsed.fragment):
            broken.append(link)  # the page exists but the claim, source or section does not
    unexpected = [e for e in visit.errors if not any(a in e for a in CONSOLE_ALLOW)]
    assert unexpected == [], f"{page_path}: console errors {unexpected}"
    assert visit.outside == [], f"{page_path}: requests left 127.0.0.1: {visit.outside}"
    assert broken == [], f"{page_path}: broken internal links {broken}"


SHOWN = {"": "{visible} of {total}", "zh/": "显示{visible}条说法，共{total}条"}


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_ledger_page_filters_by_each_facet_and_offers_the_csv(edition, site_url, visit):
    """One load of the ledger page per edition; each facet filtered, then reset."""
    page = visit.open(f"{edition}appendix/ledger.html")
    page.wait_for_selector("table.cb-ledger[data-loaded='true']")
    rows = page.locator("table.cb-ledger tbody tr")
    assert rows.count() == int(page.get_attribute("table.cb-ledger", "data-total")) > 0
    for facet in ("headline", "garble", "grade", "chapter"):
        values = page.eval_on_selector_all(
            "table.cb-ledger tbody tr", f"rs => rs.map(r => r.dataset.{facet})")
        chosen = next(v for v in values if v)
        page.select_option(f"select[data-filter='{facet}']", chosen)
        visible = page.locator("table.cb-ledger tbody tr:not([hidden])").count()
        assert visible == values.count(chosen) > 0, facet
        assert SHOWN[edition].format(visible=visible, total=len(values)) in \
            page.inner_text(".cb-shown"), facet
        page.select_option(f"select[data-filter='{facet}']", "")
        assert page.locator("table.cb-ledger tbody tr:not([hidden])").count() == len(values)
    href = page.get_attribute("a.cb-download", "href")
    assert page.request.get(f"{site_url}/{edition}appendix/{href}").ok


def test_scorecard_corrections_and_feed_are_published(site_url, visit):
    page = visit.open("appendix/scorecard.html")
    assert page.locator("section.cb-scorecard").count() == 4
    page.goto(f"{site_url}/appendix/corrections.html")
    assert page.locator("table.cb-corrections tbody tr").count() > 0
    for published in ("scorecard.csv", "corrections.csv", "corrections.xml", "verdicts.csv"):
        assert page.request.get(f"{site_url}/{published}").ok, published
    feed = page.request.get(f"{site_url}/corrections.xml").text()
    assert "<feed xmlns=\"http://www.w3.org/2005/Atom\"" in feed and "<entry>" in feed
    page.goto(f"{site_url}/chapters/01-ai-index.html")
    reviews = page.eval_on_selector("script[type='application/ld+json']", "s => JSON.parse(s.textContent)")
    cards = page.locator("article.cb-card").count()
    assert len(reviews) == cards > 0
    first = reviews[0]
    assert first["url"].startswith("http") and "#claim-" in first["url"]
    assert first["inLanguage"] == "en" and first["datePublished"]
    page.goto(f"{site_url}/intro.html")
    assert page.locator("ul.cb-findings li").count() == 4
    assert page.locator("#fig-headlines-by-outlet").count() == 1


# Each what-if chart, with its menus: (label, option to choose), in English and in Chinese
# (the metric menu's options are the metrics' names in each language).
WHAT_IF = {
    ("chapters/02-months-behind.html", "fig-lag-per-metric"): {
        "": [("Score tolerance", "5"), ("Metric", "gpqa-diamond")],
        "zh/": [("得分容差", "5"), ("指标", "GPQA Diamond")]},
    ("chapters/04-second-hand.html", "fig-elasticity-scenario"): {
        "": [("Elasticity", "0.3"), ("Market-size series", "iimedia")],
        "zh/": [("弹性", "0.3"), ("市场规模序列", "iimedia")]},
}
THIS_PAGE = {"": "this page:", "zh/": "本页："}


@pytest.mark.parametrize("edition", ["", "zh/"])
@pytest.mark.parametrize(("page_path", "figure"), list(WHAT_IF))
def test_what_if_controls_redraw_the_chart(edition, page_path, figure, visit):
    """A reader's choice in each what-if menu redraws the chart from the values computed
    at build time; the page's own default is preselected and named, in each edition."""
    page = visit.open(edition + page_path)
    chart = page.locator(f"#{figure}")
    chart.scroll_into_view_if_needed()
    page.wait_for_function(f"() => document.querySelector('#{figure}').dataset.rendered")
    paths = "els => els.map(e => e.getAttribute('d')).join('|')"
    for control, choice in WHAT_IF[(page_path, figure)][edition]:
        label = chart.locator("label", has_text=control)
        assert THIS_PAGE[edition] in label.inner_text(), control
        before = chart.locator("svg path").evaluate_all(paths)
        label.locator("select").select_option(choice)
        page.wait_for_timeout(300)
        after = chart.locator("svg path").evaluate_all(paths)
        assert after != before, f"{control} = {choice} did not change the chart"


@pytest.mark.parametrize(("edition", "query"), [
    ("", "gap"), ("zh/", "差距"), ("zh/", "转述"),
    # Words a reader types without spaces, which the pages hold as two indexed words
    # (site/search.py cuts the query into the index's own words).
    ("zh/", "中美差距"), ("zh/", "大模型"), ("zh/", "二手电商"), ("zh/", "推理成本")])
def test_search_finds_pages_in_each_language(edition, query, visit):
    """The Chinese index is built from jieba's words, so a Chinese word finds pages,
    however the reader runs the words together."""
    page = visit.open(f"{edition}search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    found = page.locator("#search-results ul.search li").count()
    assert found > 0, f"searching {query!r} in the {edition or 'English '}edition found nothing"
    links = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
    assert all(f"/{edition}" in link for link in links), "results lead out of the edition"
