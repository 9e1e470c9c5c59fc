"""Browser tier: headless Chromium (Debian's, driven by Playwright) over the built
site served on 127.0.0.1. Every page loads without console errors, every chart
draws, no request leaves 127.0.0.1, and no internal link is broken."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    _require_browser()
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(site_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


def _pages() -> list[str]:
    if not SITE.is_dir():
        return ["index.html"]
    skip = {"genindex.html", "search.html"}
    return sorted(
        str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
        if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts
    )


@pytest.mark.parametrize("page_path", _pages())
def test_page(page_path, site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    response = page.goto(f"{site_url}/{page_path}", wait_until="load")
    assert response is not None and response.ok, f"{page_path}: HTTP {response and response.status}"
    charts = page.locator("figure.cb-chart")
    if charts.count():
        page.wait_for_function(
            "() => [...document.querySelectorAll('figure.cb-chart')]"
            ".every(f => f.dataset.rendered)", timeout=30_000)
        states = charts.evaluate_all("fs => fs.map(f => [f.id, f.dataset.rendered])")
        assert all(state == "true" for _, state in states), f"charts not drawn: {states}"
        assert page.locator("figure.cb-chart svg").count() >= charts.count()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / (page_path.replace("/", "__") + ".png")),
                    full_page=True)

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
    page.close()
    unexpected = [e for e in errors if not any(a in e for a in CONSOLE_ALLOW)]
    assert unexpected == [], f"{page_path}: console errors {unexpected}"
    assert outside == [], f"{page_path}: requests left 127.0.0.1: {outside}"
    assert broken == [], f"{page_path}: broken internal links {broken}"


def test_ledger_page_filters_and_offers_the_csv(site_url, browser):
    page = browser.new_page()
    page.goto(f"{site_url}/appendix/ledger.html")
    rows = page.locator("table.cb-ledger tbody tr")
    total = rows.count()
    assert total > 0
    verdicts = page.eval_on_selector_all(
        "table.cb-ledger tbody tr", "rs => rs.map(r => r.dataset.verdict)")
    chosen = verdicts[0]
    page.select_option("select[data-filter='verdict']", chosen)
    visible = page.locator("table.cb-ledger tbody tr:not([hidden])").count()
    assert visible == verdicts.count(chosen)
    assert page.locator("script[type='application/ld+json']").count() == 1
    href = page.get_attribute("a.cb-download", "href")
    assert page.request.get(f"{site_url}/appendix/{href}").ok
    page.close()
