"""Sphinx extension that ties the book's pipeline together.

* serves the Vega libraries from the site's own ``_static`` (generated from
  vl-convert-python's bundle at build time, never committed);
* re-reads a chapter page whenever the execution it shows is no longer the current one
  in Jupyter Book's cache (``make book`` executes the stale chapters before Sphinx
  starts: :mod:`claimsbook.site.execution`), and every page when the package or a
  translated edition's catalogs changed; writes a translated edition's verdicts;
* reads the ledger appendix after every chapter, so it gathers fresh verdicts;
* provides the appendix directives (``ledger-summary``, ``ledger-table``,
  ``sources-table``, ``findings``, ``scorecard``, ``corrections-log``...);
* publishes ``verdicts.csv``, the corrections feed and the CSV behind every chart.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.transforms import SphinxTransform

from . import (appendix, assets, corrections, execution, findings, pagemeta,
               search, views)
from .fragments import render
from ..core import datapackage, settings
from ..core import views as core_views
from ..core.chapter import LEDGER_GLUE
from ..core import i18n
from ..core.i18n import N_, _
from ..core.paths import chart_data_dir, edition_build_dir, ledger_dir, project_root

logger = logging.getLogger(__name__)
VEGA_BUNDLE = "vendor/vega-bundle.js"
VL_CONVERT_VERSION = importlib.metadata.version("vl-convert-python")
# Where the environment remembers which package digest its pages were read with.
PACKAGE_DIGEST_ATTR = "claimsbook_package_digest"
# Where it remembers which cached execution each chapter page was read with.
SHOWN_EXECUTIONS_ATTR = "claimsbook_shown_executions"
# The publication dates the chapters' ClaimReview carries (from the snapshot's history).
PUBLISHED_ATTR = "claimsbook_published_dates"
# Where the data package is published in the site.
PUBLISHED_DATA = "data"


def chapter_docs(env: BuildEnvironment) -> list[str]:
    prefix = env.config.claimsbook_chapters_dir.rstrip("/") + "/"
    return sorted(doc for doc in env.found_docs if doc.startswith(prefix))


def chapter_ids(env: BuildEnvironment) -> list[str]:
    return [doc.rsplit("/", 1)[-1] for doc in chapter_docs(env)]


def chapter_titles(env: BuildEnvironment) -> dict[str, str]:
    """Chapter id -> its title in the edition's language (the ledger pages read last)."""
    return {doc.rsplit("/", 1)[-1]: env.titles[doc].astext()
            for doc in chapter_docs(env) if doc in env.titles}


# --- static files -----------------------------------------------------------------


def generated_static_dir() -> Path:
    return edition_build_dir() / ".claimsbook-static"


def write_vega_bundle(app: Sphinx) -> None:
    """Write the Vega, Vega-Lite and Vega-Embed bundle once per vl-convert version."""
    import vl_convert

    target = generated_static_dir() / VEGA_BUNDLE
    stamp = target.with_suffix(".version")
    version = f"{VL_CONVERT_VERSION}/wrapped-1"
    if target.is_file() and stamp.is_file() and stamp.read_text() == version:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Wrapped in a function: the bundle's top-level names (such as `_`) would
    # otherwise collide with Sphinx's own globals. It exports window.vegaEmbed.
    # The stub omits snippet's default (None: the whole bundle, no user snippet).
    bundle = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    target.write_text("(function () {\n" + bundle + "\n})();\n", encoding="utf-8")
    stamp.write_text(version)


PACKAGE_STATIC = Path(__file__).resolve().parents[1] / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# sphinx-thebe, which Jupyter Book always loads, points at a CDN and registers its
# inline configuration twice; the book has no live kernels, so its scripts go.
DROPPED_SCRIPTS = ("sphinx-thebe.js", "THEBE_JS_URL")


def add_static(app: Sphinx, config: Any) -> None:
    static = generated_static_dir()
    static.mkdir(parents=True, exist_ok=True)
    config.html_static_path = [*config.html_static_path, str(PACKAGE_STATIC), str(static)]
    # Browsers ask every site for an icon; without one the request is a console 404.
    config.html_favicon = str(PACKAGE_STATIC / "favicon.svg")
    # Ours first: the language switcher, and the theme's sidebar toggles with titles a
    # translated edition can translate (the theme types them in English).
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    options = config.html_theme_options
    options["article_header_end"] = [*options.get("article_header_end",
                                                  ["article-header-buttons.html"]),
                                     "cb-language-switch.html"]


def add_page_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    pagemeta.add_meta(app, pagename, templatename, context, doctree, base_url(app))
    pagemeta.add_editions(app, pagename, templatename, context, doctree, base_url(app))


# Scripts a page needs before its own inline scripts run (they read its globals).
SYNC_SCRIPTS = ("documentation_options.js",)
# Only the search page searches: the index and its tools are not loaded elsewhere.
SEARCH_ONLY = ("searchtools.js", "language_data.js", "searchindex.js")
SEARCH_NEEDS = ("doctools.js",)
# Stylesheets of extensions Jupyter Book always loads but no page of the book uses.
UNUSED_STYLES = ("sphinx-design.min.css", "sphinx-thebe.css")


def tidy_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Keep the first screen fast: drop duplicate scripts, the CDN-bound thebe ones,
    the search machinery outside the search page and unused stylesheets; defer every
    script file the page does not need before its own inline scripts."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for script in context.get("script_files", []):
        attributes = getattr(script, "attributes", {})
        key = (str(getattr(script, "filename", script) or ""), str(attributes.get("body", "")))
        name = key[0].split("?", 1)[0].rsplit("/", 1)[-1]
        if key in seen or any(marker in key[0] + key[1] for marker in DROPPED_SCRIPTS):
            continue
        if pagename != "search" and name in SEARCH_ONLY:
            continue
        seen.add(key)
        # The search page's template loads searchtools.js without defer, and it needs
        # doctools.js's _ready at once: there doctools.js must not wait either.
        needed_first = SYNC_SCRIPTS + (SEARCH_NEEDS if pagename == "search" else ())
        if key[0] and not key[1] and hasattr(script, "attributes") and "async" not in attributes:
            # A copy: the script objects are shared by every page of the build.
            wanted = {k: v for k, v in attributes.items() if k != "defer"}
            if name not in needed_first:
                wanted["defer"] = "defer"
            if wanted != attributes:
                script = type(script)(script.filename, priority=script.priority, **wanted)
        kept.append(script)
    context["script_files"] = kept
    context["css_files"] = [
        css for css in context.get("css_files", [])
        if str(getattr(css, "filename", css)).split("?", 1)[0].rsplit("/", 1)[-1]
        not in UNUSED_STYLES]


# --- executions, as each edition shows them -----------------------------------------------------------------


def write_edition_ledgers(app: Sphinx, env: BuildEnvironment) -> None:
    """A translated edition's verdicts: each chapter's ledger, from the views of its one
    execution, judged and written in the edition's language (the English ones are the
    kernels' own)."""
    lang = str(app.config.language or i18n.ENGLISH)
    if lang == i18n.ENGLISH:
        return
    folder = ledger_dir(lang)
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in chapter_ids(env):
        try:
            notebook = execution.executed_notebook(chapter, chapter_cache_path(app))
        except LookupError as error:
            raise ExtensionError(f"{error}: build with `make book`, which executes the stale "
                                 "chapters before Sphinx starts") from None
        payload = views.glued_payload(notebook, LEDGER_GLUE)
        frame = core_views.render_payload(payload, lang)
        frame.to_csv(folder / f"{chapter}.csv", index=False)


def chapter_cache_path(app: Sphinx) -> Path:
    return Path(app.config.nb_execution_cache_path or execution.default_cache_path())


def package_digest(lang: str) -> str:
    """One digest of what renders an edition's pages: the package's code and templates
    and, for a translated edition, its message catalogs (an edited translation re-reads
    the pages and re-executes no chapter)."""
    import hashlib

    files = [p for p in execution.PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc"]
    if lang != i18n.ENGLISH:
        files += [i18n.catalog_path(domain, lang) for domain in (i18n.CODE_DOMAIN, i18n.DATA_DOMAIN)]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def find_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    outdated: list[str] = []
    if app.config.nb_execution_mode == "cache":
        # make book executed the stale chapters before Sphinx started (site/execution.py).
        write_edition_ledgers(app, env)
        # A chapter page is re-read whenever the execution it shows is not the current
        # one, whoever ran it (this build, or a test session that needed the chapter).
        current = execution.cached_identities(
            {doc: Path(env.doc2path(doc)) for doc in chapter_docs(env)}, chapter_cache_path(app))
        shown = getattr(env, SHOWN_EXECUTIONS_ATTR, {})
        outdated += sorted(doc for doc, identity in current.items() if shown.get(doc) != identity)
        setattr(env, SHOWN_EXECUTIONS_ATTR, current)
    digest = package_digest(str(app.config.language or i18n.ENGLISH))
    if getattr(env, PACKAGE_DIGEST_ATTR, None) != digest:
        # The package (and a translated edition's catalogs) render every page's views
        # and the appendix at read time: a change to them re-reads every page.
        outdated += sorted(env.found_docs)
        setattr(env, PACKAGE_DIGEST_ATTR, digest)
    # Each chapter's ClaimReview carries the date its answers were published, from the
    # history of the ledger snapshot: a new snapshot commit re-reads the chapters.
    published = claim_history()[1]
    if getattr(env, PUBLISHED_ATTR, None) != published:
        outdated += sorted(chapter_docs(env))
        setattr(env, PUBLISHED_ATTR, published)
    versions = runtime_versions()
    upgraded = getattr(env, VERSIONS_ATTR, None) != versions
    # The status page lists them: an upgrade re-reads it (with the other ledger pages).
    setattr(env, VERSIONS_ATTR, versions)
    reread = set(outdated) | ((added | changed) & set(chapter_docs(env)))
    if reread or removed or upgraded:
        outdated += [doc for doc in app.config.claimsbook_ledger_docs if doc in env.found_docs]
    return outdated


def read_ledger_last(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """The appendix gathers what chapters wrote while executing: read it last."""
    for doc in app.config.claimsbook_ledger_docs:
        if doc in docnames:
            docnames.remove(doc)
            docnames.append(doc)


# --- directives -----------------------------------------------------------------


class _LedgerDirective(SphinxDirective):
    has_content = False

    def verdicts(self) -> pd.DataFrame:
        chapters = chapter_ids(self.env)
        folder = ledger_dir()
        for chapter in chapters:
            self.env.note_dependency(str(folder / f"{chapter}.csv"))
        self.env.note_dependency(str(datapackage.descriptor_path()))
        verdicts = appendix.gather(folder, chapters)
        missing = appendix.unchecked(verdicts, chapters)
        if missing:
            logger.warning(
                f"{len(missing)} claim(s) have no verdict: {', '.join(missing)}",
                location=(self.env.docname, self.lineno),
            )
        return verdicts

    def raw(self, text: str) -> list[nodes.Node]:
        return [nodes.raw("", text, format="html")]


class LedgerSummary(_LedgerDirective):
    def run(self) -> list[nodes.Node]:
        return self.raw(appendix.counts_html(self.verdicts(), chapter_titles(self.env)))


class ClaimExample(_LedgerDirective):
    """A claim of the ledger as a rule's worked example: ``{claim-example} CLAIM_ID``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        prefix = "../" * self.env.docname.count("/") + "chapters/"
        try:
            return self.raw(appendix.example_html(self.verdicts(), self.arguments[0], prefix))
        except KeyError as error:
            raise self.error(str(error.args[0])) from None


class LedgerTable(_LedgerDirective):
    def run(self) -> list[nodes.Node]:
        verdicts = self.verdicts()
        prefix = "../" * self.env.docname.count("/")
        return self.raw(appendix.table_html(verdicts, prefix + appendix.VERDICTS_FILE,
                                            prefix + appendix.LEDGER_DATA, chapter_titles(self.env)))


def claim_history() -> tuple[dict[str, str], dict[str, str]]:
    """Per claim: the corrections-log anchor of its newest change, and that date
    (when its current answer was published)."""
    found = corrections_found()
    history = {c.claim_id: "appendix/corrections.html#" + corrections.history_anchor(c.claim_id)
               for c in found}
    published: dict[str, str] = {}
    for c in found:  # newest first
        published.setdefault(c.claim_id, c.date)
    return history, published


class SourcesTable(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(datapackage.descriptor_path()))
        html_text = appendix.sources_html(datapackage.load_table("sources"))
        return [nodes.raw("", html_text, format="html")]


# The software that executed the chapters and built the pages, for the status page.
RUNTIME_PACKAGES = (
    "claimsbook", "jupyter-book", "sphinx", "myst-nb", "jupyter-cache", "nbclient",
    "ipykernel", "papermill", "pandas", "numpy", "altair", "vl-convert-python",
    "frictionless",
)
VERSIONS_ATTR = "claimsbook_runtime_versions"


def runtime_versions() -> list[tuple[str, str]]:
    """(name, version) of Python and of the book's main packages, as installed."""
    import platform

    versions = [("Python", f"{platform.python_version()} ({platform.python_implementation()})")]
    for name in RUNTIME_PACKAGES:
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((name, NOT_INSTALLED))
    return versions


NOT_INSTALLED = N_("not installed")


class RuntimeVersions(SphinxDirective):
    """A table of the versions of Python and of the packages that ran the chapters."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        versions = [(name, _(version) if version == NOT_INSTALLED else version)
                    for name, version in runtime_versions()]
        return [nodes.raw("", render("versions.html", versions=versions,
                                     software=_("Software"), version=_("Version")),
                          format="html")]


# The column headers of myst-nb's execution table (``nb-exec-table``), which it writes
# in English whatever the page's language.
EXEC_TABLE_HEADERS = {"Document": N_("Document"), "Modified": N_("Modified"),
                      "Method": N_("Method"), "Run Time (s)": N_("Run Time (s)"),
                      "Status": N_("Status")}


class TranslateExecutionTable(SphinxPostTransform):
    """The execution table's headers in the reader's language (after myst-nb's own
    post-transform has drawn the table)."""

    default_priority = 11

    def run(self, **kwargs: Any) -> None:
        if not i18n.is_chinese():
            return
        for head in self.document.findall(nodes.thead):
            cells = [entry.astext() for entry in head.findall(nodes.entry)]
            if cells != list(EXEC_TABLE_HEADERS):
                continue
            for paragraph in head.findall(nodes.paragraph):
                text = paragraph.astext()
                paragraph.replace(paragraph.children[0],
                                  nodes.Text(_(EXEC_TABLE_HEADERS[text])))


class DataTables(SphinxDirective):
    """Every table of the data package, linked to its copy published with the site."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        descriptor_file = datapackage.descriptor_path()
        self.env.note_dependency(str(descriptor_file))
        prefix = "../" * self.env.docname.count("/") + PUBLISHED_DATA + "/"
        html_text = appendix.data_tables_html(
            datapackage.load_descriptor(descriptor_file), descriptor_file.parent, prefix)
        return [nodes.raw("", html_text, format="html")]


class Findings(_LedgerDirective):
    """The landing page's findings: one computed sentence per outlet, and its chart."""

    def run(self) -> list[nodes.Node]:
        verdicts = self.verdicts()
        prefix = "../" * self.env.docname.count("/")
        chart = findings.headline_chart(
            verdicts, f"{prefix}chart-data/book/headlines-by-outlet.csv")
        return self.raw(findings.findings_html(verdicts, f"{prefix}appendix/scorecard.html")
                        + chart._repr_html_())


class Scorecard(_LedgerDirective):
    def run(self) -> list[nodes.Node]:
        prefix = "../" * self.env.docname.count("/")
        return self.raw(findings.scorecard_html(self.verdicts(), f"{prefix}chapters/"))


class CorrectionsLog(SphinxDirective):
    """The corrections log, computed from the history of the ledger snapshot."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(project_root() / corrections.SNAPSHOT))
        prefix = "../" * self.env.docname.count("/")
        found = corrections_found()
        return [nodes.raw("", corrections.log_html(found, f"{prefix}chapters/"),
                          format="html")]


def corrections_found() -> list[corrections.Correction]:
    """The corrections log at the checkout's current commit. Computed once per commit:
    the ledger page, every chapter's ClaimReview and the published files all read it."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project_root(),
                          capture_output=True, text=True).stdout.strip()
    return list(_corrections_at(head))


@functools.lru_cache(maxsize=2)
def _corrections_at(head: str) -> tuple[corrections.Correction, ...]:
    try:
        return tuple(corrections.corrections(corrections.history(project_root())))
    except corrections.HistoryError as error:
        logger.warning(f"[claimsbook] no corrections log: {error}")
        return ()


def insert_brief(app: Sphinx, doctree: nodes.document) -> None:
    """Open each chapter with its findings in brief, computed from the answers its
    execution just saved."""
    env = app.env
    if env.docname not in chapter_docs(env):
        return
    chapter = env.docname.rsplit("/", 1)[-1]
    path = ledger_dir() / f"{chapter}.csv"
    if not path.is_file():
        return
    answers = appendix.gather(ledger_dir(), [chapter])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title = next(iter(section.findall(nodes.title)), None)
    box = nodes.raw("", findings.brief_html(answers), format="html")
    section.insert(section.index(title) + 1 if title is not None else 0, box)
    # The chapter's verdicts as ClaimReview, on the page where each review stands.
    _, published = claim_history()
    page = base_url(app) + env.docname + ".html"
    reviews = appendix.claim_reviews(answers, page, published,
                                     i18n.HTML_LANG[i18n.language()], anchor="claim-")
    doctree.append(nodes.raw("", appendix.json_ld(reviews), format="html"))


def base_url(app: Sphinx) -> str:
    """The site's public address: set once in _config.yml (html_baseurl); the Pages
    workflow passes the deployed address as CLAIMSBOOK_BASE_URL."""
    url = settings.base_url_override() or app.config.html_baseurl or ""
    return url if url.endswith("/") or not url else url + "/"


# --- publishing -----------------------------------------------------------------


# pydata-sphinx-theme ships Font Awesome twice: as a webfont in its stylesheet and as
# a 1.5 MB script that redraws icons as SVG (for custom icons the book has none of).
# The stylesheet alone draws every icon the theme shows, so the script tag goes.
FONTAWESOME_SCRIPT = re.compile(
    r'<script\b[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*>\s*</script>\s*')


# The theme loads Sphinx's search index and tools on every page for search-as-you-
# type, which the book leaves off (search_as_you_type is false): only search.html
# searches, so other pages skip the blocking index (75 KB and growing with the book).
SEARCH_SCRIPTS = re.compile(
    r'<script\b[^>]*src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|'
    r'searchindex\.js)[^"]*"[^>]*>\s*</script>\s*')


def drop_fontawesome_script(site: Path) -> int:
    """Remove the theme's Font Awesome script tag from every page, and the search
    scripts from every page but the search page; return how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = FONTAWESOME_SCRIPT.sub("", text)
        if page.name != "search.html":
            lighter = SEARCH_SCRIPTS.sub("", lighter)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")
            changed += 1
    return changed


def serve_landing_page(site: Path, root_doc: str) -> bool:
    """Jupyter Book's index.html only redirects to the root page, which costs a reader
    (and a crawler) a second request before anything shows: serve the root page itself
    there (afresh on every build: an incremental build rewrites the root page but not
    index.html). Its canonical link still names the root page. Returns whether it did."""
    landing, root = site / "index.html", site / f"{root_doc}.html"
    if root_doc == "index" or not root.is_file() or not landing.is_file():
        return False
    shutil.copyfile(root, landing)
    return True


def refresh_package_static(site: Path) -> list[str]:
    """Copy the package's own static files over the site's when they differ: Sphinx 7.4
    does not overwrite a static file an earlier build copied, so an edited stylesheet
    would otherwise never reach an incremental build. Returns the names copied."""
    copied = []
    for source in sorted(PACKAGE_STATIC.iterdir()):
        target = site / "_static" / source.name
        if source.is_file() and target.parent.is_dir() and (
                not target.is_file() or target.read_bytes() != source.read_bytes()):
            shutil.copyfile(source, target)
            copied.append(source.name)
    return copied


def publish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    refresh_package_static(out)
    drop_fontawesome_script(out)
    serve_landing_page(out, app.config.root_doc)
    assets.bundle_styles(out)
    assets.inline_sync_script(out)
    assets.label_in_name(out)
    charts = chart_data_dir()
    if charts.is_dir():
        shutil.copytree(charts, out / "chart-data", dirs_exist_ok=True)
    verdicts = appendix.gather(ledger_dir(), chapter_ids(app.env))
    # In the Chinese edition, with the Chinese claim and reasons (published at the
    # site's root as verdicts.zh.csv too: see editions.publish_edition).
    appendix.export(verdicts, out / appendix.VERDICTS_FILE)
    findings.scorecard(verdicts).to_csv(out / findings.SCORECARD_FILE, index=False)
    history, _ = claim_history()
    rows = appendix.ledger_rows(verdicts, {k: "../" + v for k, v in history.items()})
    (out / appendix.LEDGER_DATA).write_text(
        json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    found = corrections_found()
    corrections.frame(found).to_csv(out / corrections.CORRECTIONS_FILE, index=False)
    (out / corrections.FEED_FILE).write_text(
        corrections.atom(found, base_url(app), "appendix/corrections.html",
                         pagemeta.site_name(app)), encoding="utf-8")
    # The validated tables themselves, so that a reader can download what a chapter read.
    data = datapackage.descriptor_path().parent
    shutil.copytree(data, out / PUBLISHED_DATA, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))


class TranslateTocCaptions(SphinxTransform):
    """The sidebar's part captions ("Chapters", "Appendix") come from ``_toc.yml`` into
    the root page's toctrees after Sphinx translated the page: translate them from the
    page's catalog like the rest of its text (the captions are messages of that page)."""

    # After sphinx-external-toc inserts the toctrees (100), before Sphinx's toctree
    # collector reads them (880).
    default_priority = 150

    def apply(self, **kwargs: Any) -> None:
        from sphinx import addnodes
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        if not self.config.language or self.config.language == "en":
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [os.path.join(self.env.srcdir, folder) for folder in self.config.locale_dirs]
        catalog, found = init_locale(dirs, self.config.language, domain)
        if not found:
            return
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get("caption"):
                toctree["caption"] = catalog.gettext(toctree["caption"])


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("claimsbook_chapters_dir", "chapters", "env")
    app.add_config_value("claimsbook_ledger_docs", ["appendix/ledger"], "env")
    app.connect("config-inited", add_static)
    app.connect("builder-inited", write_vega_bundle)
    app.connect("env-get-outdated", find_outdated)
    app.connect("env-before-read-docs", read_ledger_last)
    # After the theme's own build-finished handlers (pydata rewrites pygments.css there),
    # so that the page bundles see the files as published.
    app.connect("build-finished", publish, priority=900)
    app.connect("doctree-read", insert_brief)
    app.add_transform(TranslateTocCaptions)
    app.connect("html-page-context", tidy_scripts, priority=900)
    app.connect("html-page-context", add_page_meta)
    # Values in prose: a chapter's text is rendered in the edition's language.
    app.setup_extension("myst_nb")
    app.add_role_to_domain("glue", "text", views.ValueRole(), override=True)
    app.add_post_transform(views.RenderPendingViews)
    app.add_search_language(search.ChineseSearch)
    app.add_directive("ledger-summary", LedgerSummary)
    app.add_directive("ledger-table", LedgerTable)
    app.add_directive("claim-example", ClaimExample)
    app.add_directive("sources-table", SourcesTable)
    app.add_directive("data-tables", DataTables)
    app.add_directive("findings", Findings)
    app.add_directive("scorecard", Scorecard)
    app.add_directive("corrections-log", CorrectionsLog)
    app.add_directive("runtime-versions", RuntimeVersions)
    app.add_post_transform(TranslateExecutionTable)
    # The 0.9 MB Vega bundle is not linked from every page: claimsbook.js loads it
    # (from this attribute, relative to itself) only on pages that hold a chart.
    attributes: dict[str, Any] = {"data-vega-bundle": f"{VEGA_BUNDLE}?v={VL_CONVERT_VERSION}"}
    app.add_js_file("claimsbook.js", **attributes)
    app.add_css_file("claimsbook.css")
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True}
