"""The built site as a reader's browser sees it: served on 127.0.0.1 and opened in
Debian's Chromium (headless, driven by Playwright). Shared by the browser tests
and the benchmark's page-weight measurement."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic (updates, sync) would show as requests leaving
# 127.0.0.1; these switches keep the browser quiet so that only the page is measured.
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
NOT_CONTENT = frozenset({"genindex.html", "search.html"})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


# Text a static host compresses; Lighthouse is measured as readers receive pages.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml", "application/atom+xml")


class _GzipHandler(_QuietHandler):
    """Sends text compressed with gzip when the browser accepts it, as a web host does."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and ctype.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port (gzipped when ``compress``);
    yield the base URL."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler,
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright's ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def content_pages(site: Path) -> list[str]:
    """Every page a reader can open, relative to the site root: not the index and
    search pages Sphinx generates, nor anything under ``_static``, ``_sources`` or a
    hidden folder."""
    pages = (p.relative_to(site) for p in site.rglob("*.html"))
    return sorted(
        p.as_posix() for p in pages
        if p.name not in NOT_CONTENT
        and not any(part.startswith((".", "_")) for part in p.parts[:-1])
    )
