"""Readers' judges over every page of the built site, served gzipped on 127.0.0.1:
Lighthouse 12 (mobile preset, Debian's Chromium) and axe-core (WCAG 2.1 A and AA).

Prints one row per page: Lighthouse's performance, accessibility, best-practices and
SEO scores, total blocking time, first contentful paint and bytes transferred, and
axe's violations (rules and affected nodes), then the targets each page misses.
Both tools are pinned exactly in ``audit/package-lock.json`` and installed from the
npm registry on first use (``npm ci``). Not a test: scores vary by machine.

    python benchmarks/audit.py [--site _build/html] [--pages intro.html ...] [--no-lighthouse]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimsbook.site.site import CHROMIUM, CHROMIUM_ARGS, chromium, content_pages, serve

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "audit"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
AXE = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The targets of the readers-first issue.
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
TBT_TARGET_MS = 200.0


@dataclass
class PageAudit:
    page: str
    scores: dict[str, float] = field(default_factory=dict)
    tbt_ms: float = float("nan")
    fcp_ms: float = float("nan")
    transferred_kib: float = float("nan")
    lighthouse_failures: list[str] = field(default_factory=list)
    axe: dict[str, int] = field(default_factory=dict)

    def misses(self) -> list[str]:
        missed = [f"{c} {self.scores[c]:.2f} < {t}" for c, t in TARGETS.items()
                  if c in self.scores and self.scores[c] < t]
        if self.page.startswith("chapters/") and self.tbt_ms > TBT_TARGET_MS:
            missed.append(f"TBT {self.tbt_ms:.0f} ms > {TBT_TARGET_MS:.0f}")
        missed += [f"axe {rule} ({n})" for rule, n in self.axe.items()]
        return missed


def install_tools() -> None:
    if LIGHTHOUSE.exists() and AXE.exists():
        return
    print("installing the pinned audit tools (npm ci in audit/) ...", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True)


def lighthouse(url: str, result: PageAudit) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run(
            [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}",
             "--only-categories=" + ",".join(CATEGORIES), "--output=json",
             f"--output-path={report}", "--quiet", "--max-wait-for-load=30000"],
            check=True, cwd=tmp)
        data = json.loads(report.read_text(encoding="utf-8"))
    result.scores = {c: float(data["categories"][c]["score"]) for c in CATEGORIES}
    audits = data["audits"]
    result.tbt_ms = float(audits["total-blocking-time"]["numericValue"])
    result.fcp_ms = float(audits["first-contentful-paint"]["numericValue"])
    result.transferred_kib = float(audits["total-byte-weight"]["numericValue"]) / 1024
    result.lighthouse_failures = sorted(
        audit_id for category in ("accessibility", "best-practices", "seo")
        for ref in data["categories"][category]["auditRefs"]
        if (audit_id := ref["id"]) in audits
        and audits[audit_id].get("score") is not None and audits[audit_id]["score"] < 1
        and ref.get("weight", 0) > 0)


def axe(browser: object, url: str, result: PageAudit) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        found = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    finally:
        page.close()
    result.axe = {v["id"]: len(v["nodes"]) for v in found["violations"]}


LEDGER_PAGE = "appendix/ledger.html"
LEDGER_HTML_LIMIT_KB = 400


def synthetic_ledger(site: Path, scale: int, target: Path) -> int:
    """A copy of the site whose ledger holds ``scale`` times today's statements (each
    record repeated with a new id). Never published; returns the row count."""
    shutil.copytree(site, target)
    records = json.loads((site / "ledger.json").read_text(encoding="utf-8"))
    grown = [{**r, "id": f"{r['id']}-x{i}"} for i in range(scale) for r in records]
    (target / "ledger.json").write_text(json.dumps(grown, ensure_ascii=False,
                                                   separators=(",", ":")), encoding="utf-8")
    page = target / LEDGER_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(
        f"data-total='{len(records)}'", f"data-total='{len(grown)}'"), encoding="utf-8")
    return len(grown)


def ledger_at_scale(site: Path, scale: int) -> None:
    """Print the ledger page's own HTML size and whether it still loads and filters
    with a ledger ``scale`` times today's."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        rows = synthetic_ledger(site, scale, copy)
        size_kb = (copy / LEDGER_PAGE).stat().st_size / 1000
        with serve(copy, compress=True) as base, chromium() as browser:
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(f"{base}/{LEDGER_PAGE}")
            page.wait_for_selector("table.cb-ledger[data-loaded='true']", timeout=60_000)
            loaded = time.perf_counter() - started
            shown = page.locator("table.cb-ledger tbody tr").count()
            option = page.eval_on_selector(
                "select[data-filter='headline']", "s => s.options[1].value")
            page.select_option("select[data-filter='headline']", option)
            visible = page.locator("table.cb-ledger tbody tr:not([hidden])").count()
            page.close()
    verdict = "within" if size_kb <= LEDGER_HTML_LIMIT_KB else "OVER"
    print(f"ledger x{scale}: {rows} statements; page HTML {size_kb:.0f} KB ({verdict} the "
          f"{LEDGER_HTML_LIMIT_KB} KB limit); {shown} rows loaded in {loaded:.1f} s; "
          f"filter headline={option!r} leaves {visible} rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--pages", nargs="*", help="pages relative to the site root")
    parser.add_argument("--no-lighthouse", action="store_true", help="axe only (fast)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--ledger-scale", type=int, default=10,
                        help="also load a synthetic ledger this many times today's (0: skip)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.exit(f"no built site at {args.site}: run `make book` first")
    install_tools()
    pages = args.pages or content_pages(args.site)
    results = [PageAudit(page) for page in pages]
    with serve(args.site, compress=True) as base:
        if not args.no_lighthouse:
            for result in results:
                lighthouse(f"{base}/{result.page}", result)
        with chromium() as browser:
            for result in results:
                axe(browser, f"{base}/{result.page}", result)
    print(f"{'page':44} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'TBT ms':>7} "
          f"{'FCP ms':>7} {'KiB':>6} {'axe':>4}")
    for r in results:
        s = r.scores
        print(f"{r.page:44} " + " ".join(f"{s.get(c, float('nan')):5.2f}" for c in CATEGORIES)
              + f" {r.tbt_ms:7.0f} {r.fcp_ms:7.0f} {r.transferred_kib:6.0f} "
              f"{sum(r.axe.values()):4d}")
    missed = 0
    for r in results:
        misses = r.misses()
        if misses or r.lighthouse_failures:
            missed += bool(misses)
            print(f"- {r.page}: {'; '.join(misses) or 'targets met'}"
                  + (f" | Lighthouse audits below 1: {', '.join(r.lighthouse_failures)}"
                     if r.lighthouse_failures else ""))
    print(f"{len(results) - missed} of {len(results)} pages meet every target")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2), "utf-8")
    if args.ledger_scale:
        ledger_at_scale(args.site, args.ledger_scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
