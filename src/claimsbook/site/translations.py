"""The translation catalogs: updated from the English sources with one command, checked
for completeness, and compiled for the build.

``claimsbook translations update`` (``make translations``) refreshes three kinds of
catalog under ``locales/zh_CN/LC_MESSAGES/`` after an English text changed:

* the pages' prose: Sphinx's gettext builder extracts one template per page, and
  ``sphinx-intl update`` merges it into ``<page>.po`` (``intro.po``,
  ``chapters/01-ai-index.po`` …);
* ``claimsbook.po``: every message the package marks with ``_``, ``N_`` or
  ``ngettext``, extracted with Babel;
* ``claimsbook-data.po``: the English text cells of the data tables that reach a page
  (see :data:`TRANSLATED_COLUMNS`).

A message whose English changed keeps its old translation marked *fuzzy*; a new one is
empty. Both count as untranslated: :func:`problems` lists them and the tests fail on
any. ``claimsbook translations check`` prints the same list.

Glue references inside translated prose: myst-nb 1.4 parses a translated paragraph
outside its notebook, where only the form ``{glue:text}`page.ipynb::key:fmt``` finds
the notebook's glue data. Translators write the references exactly as the English has
them; :func:`compile_pages` rewrites them to that form when it compiles the catalogs
for Sphinx, so the ``.po`` files never carry it.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core import datapackage, i18n
from ..core.numbers import signed_difference, split_scale, unit_parts
from ..core.paths import build_dir, project_root

CODE_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# Text columns of the data tables whose cells a page shows in a sentence or a table.
TRANSLATED_COLUMNS = ("claim", "reported_as", "searched", "note", "quantity", "metric", "period", "unit",
                      "location", "subject", "definition", "scope", "stage", "title", "copy",
                      "outlet", "primary_tried")
# Columns never translated although a table names them so: a source's title stays in its
# own language (unless it is ours: a description in brackets where none was published),
# and the sources' notes are shown on no page.
UNTRANSLATED_COLUMNS = {"sources": {"title", "note"}}
DESCRIBED = "["
# Columns a page shows that only some tables have (a platform's market and business model,
# a market estimate's producer).
TABLE_COLUMNS = {"second-hand-platforms": ("market", "model", "platform"),
                 "second-hand-market-size": ("producer",)}
# Sphinx's own domain: the words of Sphinx and the theme (locales/<lang>/LC_MESSAGES/
# sphinx.po, written by hand, compiled like a page's catalog to where Sphinx looks).
THEME_DOMAIN = "sphinx"
GLUE = re.compile(r"\{glue(?P<kind>:[a-z]+)?\}`(?P<body>[^`]+)`")
@dataclass(frozen=True)
class Problem:
    catalog: str
    message: str
    kind: str  # "untranslated" or "fuzzy"

    def __str__(self) -> str:
        return f"{self.catalog}: {self.kind}: {self.message[:90]!r}"


def locale_root(lang: str = i18n.CHINESE) -> Path:
    return project_root() / "locales" / lang / "LC_MESSAGES"


def page_catalogs(lang: str = i18n.CHINESE) -> dict[str, Path]:
    """docname -> the page's catalog."""
    root = locale_root(lang)
    domains = {i18n.CODE_DOMAIN, i18n.DATA_DOMAIN}
    return {path.relative_to(root).with_suffix("").as_posix(): path
            for path in sorted(root.rglob("*.po")) if path.stem not in domains}


def _read(path: Path, lang: str = i18n.CHINESE):
    from babel.messages.pofile import read_po

    i18n.check_catalog(path)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


# Header lines that change on every run although no message did.
_DATED_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): .*$',
                           re.MULTILINE)


def _write(catalog, path: Path) -> None:
    """Write a catalog, unless only its header's dates would change: an unchanged
    catalog stays byte-identical. Previous English ("#| msgid") is not written: Babel
    wraps it at 76 columns whatever the width, and reads the wrapped lines back as
    translator comments ("# |"), so every run re-wrapped them."""
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False,
             include_previous=False)
    new = buffer.getvalue()
    if path.is_file() and (_DATED_HEADER.sub(b"", path.read_bytes())
                           == _DATED_HEADER.sub(b"", new)):
        return
    path.write_bytes(new)


# --- compiling the pages' catalogs for Sphinx -------------------------------------------


def qualify_glue(text: str, notebook: str) -> str:
    """Glue references of a translated paragraph in the one form myst-nb resolves there:
    ``{glue:text}`key:.1f``` -> ``{glue:text}`nb.ipynb::key:.1f```, a reference without
    a format getting ``:s`` (without one, ``nb.ipynb::key`` is read as key ``nb.ipynb:``
    with format ``key``); ``{glue}`key``` -> ``{glue}`nb.ipynb::key```."""

    def qualify(found: re.Match[str]) -> str:
        kind, body = found.group("kind") or "", found.group("body")
        if "::" in body:
            return found.group(0)
        if kind == ":text":
            key, _, spec = body.partition(":")
            return f"{{glue:text}}`{notebook}::{key}:{spec or 's'}`"
        return f"{{glue{kind}}}`{notebook}::{body}`"

    return GLUE.sub(qualify, text)


def compile_pages(out: Path | None = None, lang: str = i18n.CHINESE) -> Path:
    """Write every page's catalog, glue references qualified, under ``out`` (Sphinx's
    ``locale_dirs``), as ``.po`` and compiled ``.mo``: Sphinx files a page's ``.mo`` as a
    dependency only when it finds the ``.po`` beside it, so an edited translation
    re-reads its page. Fuzzy translations are left out of the ``.mo``, so Sphinx shows
    the English (and the tests name them). Unchanged files keep their dates."""
    from babel.messages.mofile import write_mo

    out = out or build_dir() / "locales"
    target_root = out / lang / "LC_MESSAGES"
    root = project_root()
    for docname, path in page_catalogs(lang).items():
        catalog = _read(path, lang)
        notebook = root / f"{docname}.ipynb"
        if notebook.is_file():
            for message in catalog:
                if message.id and isinstance(message.string, str) and message.string:
                    message.string = qualify_glue(message.string, notebook.name)
        po_file = target_root / f"{docname}.po"
        po_file.parent.mkdir(parents=True, exist_ok=True)
        po_bytes, mo_bytes = io.BytesIO(), io.BytesIO()
        from babel.messages.pofile import write_po

        write_po(po_bytes, catalog, width=0)
        write_mo(mo_bytes, catalog, use_fuzzy=False)
        changed = not po_file.is_file() or po_file.read_bytes() != po_bytes.getvalue()
        if changed:
            po_file.write_bytes(po_bytes.getvalue())
        mo_file = po_file.with_suffix(".mo")
        if changed or not mo_file.is_file() or mo_file.read_bytes() != mo_bytes.getvalue():
            mo_file.write_bytes(mo_bytes.getvalue())  # after the .po: Sphinx keeps it
    return out


# --- extracting the English messages ----------------------------------------------------


def code_template():
    """The package's marked messages, as a Babel catalog (the template)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    package = project_root() / "src" / "claimsbook"
    template = Catalog(project="claimsbook", domain=i18n.CODE_DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(package), method_map=[("**.py", "python")], keywords=CODE_KEYWORDS,
            comment_tags=("Translators:",)):
        template.add(message, None, [(f"src/claimsbook/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def data_messages() -> Iterator[tuple[str, str]]:
    """(text, where) for every translated text cell of the data package (read as plain
    CSV: the text is the same as after validation, and reading is ten times faster)."""
    import csv

    descriptor = datapackage.load_descriptor()
    folder = datapackage.descriptor_path().parent
    for resource in descriptor["resources"]:
        name = resource["name"]
        for key in ("title", "description"):  # shown in the list of the data tables
            if resource.get(key):
                yield str(resource[key]).strip(), f"{name}.{key}"
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for column in (*TRANSLATED_COLUMNS, *TABLE_COLUMNS.get(name, ())):
            if not rows or column not in rows[0]:
                continue
            ours_only = column in UNTRANSLATED_COLUMNS.get(name, ())
            for value in dict.fromkeys(row[column] for row in rows):
                text = (value or "").strip()
                if not text or not re.search(r"[A-Za-z]", text) or (
                        ours_only and not text.startswith(DESCRIBED)):
                    continue
                if column != "unit":
                    yield text, f"{name}.{column}"
                    continue
                # The Chinese edition writes a unit without its Western scale (the amount
                # takes 万/亿), a sentence's units part by part, and a signed difference's
                # own unit too (比上一年减少37个模型): only those are shown.
                for part in unit_parts(text):
                    rest = split_scale(part)[1]
                    difference = signed_difference(rest)
                    for shown in (rest, *(difference[:1] if difference else ())):
                        if re.search(r"[A-Za-z]", shown):
                            yield shown, f"{name}.unit"


def data_template():
    from babel.messages.catalog import Catalog

    template = Catalog(project="claimsbook", domain=i18n.DATA_DOMAIN)
    for text, where in data_messages():
        template.add(text, None, [(where, 0)])
    return template


def _merge(template, path: Path, lang: str) -> tuple[int, int]:
    """Merge ``template`` into the catalog at ``path`` (created when missing); return
    (messages, untranslated or fuzzy)."""
    from babel.messages.catalog import Catalog

    catalog = _read(path, lang) if path.is_file() else Catalog(locale=lang,
                                                                domain=template.domain)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    catalog.obsolete.clear()  # a message no source has any more goes
    for message in catalog:
        # Leftovers of Babel's wrapped "#| msgid" lines, read back as comments.
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        previous = message.previous_id[0] if message.previous_id else ""
        if message.fuzzy and previous and previous in template:
            # Babel matched a neighbour that still exists, not the message this one
            # replaced: its translation (numbers included) is not this message's.
            message.string = ("" if isinstance(message.string, str) or not message.string
                              else ("",) * len(message.string))
            message.flags.discard("fuzzy")
        message.previous_id = []
    _write(catalog, path)
    open_ = sum(1 for m in catalog if m.id and (m.fuzzy or not _translated(m)))
    return len([m for m in catalog if m.id]), open_


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def update_pages(lang: str = i18n.CHINESE) -> None:
    """Sphinx's gettext builder over the book, then ``sphinx-intl update``."""
    from . import editions

    root = project_root()
    config = editions.edition_config(i18n.ENGLISH, root, builder="gettext")
    out = build_dir() / "gettext"
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jupyter_book), "build", ".", "--config", str(config),
                    "--builder", "custom", "--custom-builder", "gettext",
                    "--path-output", str(out), "-q"], cwd=root, check=True)
    templates = out / "_build" / "gettext"
    # sphinx.po is kept by hand (the theme's words its own catalog leaves in English);
    # the template Sphinx extracts from our copies of its buttons would obsolete them.
    (templates / f"{THEME_DOMAIN}.pot").unlink(missing_ok=True)
    sphinx_intl = Path(sys.executable).parent / "sphinx-intl"
    subprocess.run([str(sphinx_intl), "update", "-p", str(templates), "-l", lang,
                    "-d", str(root / "locales"), "-w", "0"], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)


def update(lang: str = i18n.CHINESE, pages: bool = True) -> dict[str, tuple[int, int]]:
    """Refresh every catalog from the English; return catalog -> (messages, open)."""
    if pages:
        update_pages(lang)
    counts = {
        i18n.CODE_DOMAIN: _merge(code_template(), i18n.catalog_path(i18n.CODE_DOMAIN, lang),
                                 lang),
        i18n.DATA_DOMAIN: _merge(data_template(), i18n.catalog_path(i18n.DATA_DOMAIN, lang),
                                 lang),
    }
    for docname, path in page_catalogs(lang).items():
        catalog = _read(path, lang)
        counts[docname] = (len([m for m in catalog if m.id]),
                           sum(1 for m in catalog if m.id and (m.fuzzy or not _translated(m))))
    return counts


def problems(lang: str = i18n.CHINESE,
             docnames: Iterable[str] | None = None) -> list[Problem]:
    """Every untranslated or fuzzy message of the package's catalogs and of the given
    pages' catalogs (default: all of them)."""
    paths = {i18n.CODE_DOMAIN: i18n.catalog_path(i18n.CODE_DOMAIN, lang),
             i18n.DATA_DOMAIN: i18n.catalog_path(i18n.DATA_DOMAIN, lang)}
    pages = page_catalogs(lang)
    for docname in (docnames if docnames is not None else pages):
        paths[docname] = pages.get(docname, locale_root(lang) / f"{docname}.po")
    found: list[Problem] = []
    for name, path in paths.items():
        found += catalog_problems(name, path, lang)
    return found


def catalog_problems(name: str, path: Path, lang: str = i18n.CHINESE) -> list[Problem]:
    """The untranslated and fuzzy messages of one catalog file."""
    if not path.is_file():
        return [Problem(name, "(no catalog: run `make translations`)", "untranslated")]
    found = []
    for message in _read(path, lang):
        if not message.id:
            continue
        text = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            found.append(Problem(name, text, "fuzzy"))
        elif not _translated(message):
            found.append(Problem(name, text, "untranslated"))
    return found


def missing_messages(lang: str = i18n.CHINESE) -> dict[str, list[str]]:
    """Messages the package or the data has that its catalog lacks: the catalogs were not
    updated after an English text changed (``make translations``)."""
    missing = {}
    for domain, template in ((i18n.CODE_DOMAIN, code_template()),
                             (i18n.DATA_DOMAIN, data_template())):
        path = i18n.catalog_path(domain, lang)
        known = {m.id for m in _read(path, lang)} if path.is_file() else set()
        absent = [str(m.id) for m in template if m.id and m.id not in known]
        if absent:
            missing[domain] = absent
    return missing
