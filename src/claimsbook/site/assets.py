"""Lighter pages after the build: one stylesheet per page instead of ten, without the
rules no page can match.

Lantern (Lighthouse's model of a phone on a slow network) showed the first paint
waiting on ten render-blocking stylesheets, one of them pulling another through
@import; most of the theme's 400 KB is Font Awesome's rule for each of its 2,000
icons, of which the theme shows a handful."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

STYLESHEET = re.compile(r'<link\b(?=[^>]*\brel="stylesheet")[^>]*>\s*')
HREF = re.compile(r'\bhref="([^"]+)"')
IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\']+)["\']\)?\s*;')
URL = re.compile(r'url\((["\']?)([^)"\']+)\1\)')
BUNDLE_PREFIX = "claimsbook-styles."


def inline_css(path: Path, static: Path) -> str:
    """A stylesheet with its @imports inlined and its url()s made relative to
    ``static``, where the bundle is written."""
    text = path.read_text(encoding="utf-8")
    text = IMPORT.sub(lambda m: inline_css((path.parent / m.group(1)).resolve(), static), text)
    rel = posixpath.relpath(path.parent.resolve().as_posix(), static.resolve().as_posix())

    def rebase(match: re.Match[str]) -> str:
        quote, url = match.groups()
        if url.startswith(("data:", "http:", "https:", "/", "#")):
            return match.group(0)
        return f"url({quote}{posixpath.normpath(posixpath.join(rel, url))}{quote})"

    return URL.sub(rebase, text)


# Which stylesheets each bundle is made of, kept beside the site: a page that Sphinx
# does not rewrite in an incremental build still links its bundle, which is remade
# from these sources every build, so it can never go missing or stale.
SOURCES_FILE = ".claimsbook-style-bundles.json"


def _local_links(page: Path, text: str) -> list[tuple[str, Path]]:
    local = []
    for link in STYLESHEET.findall(text):
        found = HREF.search(link)
        href = found.group(1).split("?", 1)[0] if found else ""
        target = (page.parent / href).resolve()
        if href.startswith(("http:", "https:", "//")) or not target.is_file():
            continue
        local.append((link, target))
    return local


def own_files(site: Path, pattern: str) -> list[Path]:
    """The files of one edition's site: those of another edition published inside it
    (the Chinese one under ``zh/``) are that edition's own build's to process."""
    from ..core.i18n import EDITION_FOLDER

    others = {folder for folder in EDITION_FOLDER.values() if folder}
    return [path for path in site.rglob(pattern)
            if path.relative_to(site).parts[0] not in others]


def bundle_styles(site: Path, sources_file: Path | None = None) -> int:
    """Replace each page's stylesheet links by one bundle (one per distinct list of
    stylesheets, named after that list), write every linked bundle afresh from its
    sources without the rules no page can match, and remove bundles no page links;
    return how many pages changed."""
    static = site / "_static"
    sources_file = sources_file or site.parent / SOURCES_FILE
    known: dict[str, list[str]] = (json.loads(sources_file.read_text(encoding="utf-8"))
                                   if sources_file.is_file() else {})
    changed = 0
    for page in own_files(site, "*.html"):
        if any(part.startswith((".", "_")) for part in page.relative_to(site).parts[:-1]):
            continue
        text = page.read_text(encoding="utf-8")
        local = _local_links(page, text)
        if len(local) < 2:
            continue
        sources = [target.relative_to(site.resolve()).as_posix() for _, target in local]
        name = f"{BUNDLE_PREFIX}{hashlib.sha256(chr(10).join(sources).encode()).hexdigest()[:12]}.css"
        known[name] = sources
        href = posixpath.relpath((static / name).as_posix(), page.parent.as_posix())
        first, *rest = (link for link, _ in local)
        for link in rest:
            text = text.replace(link, "", 1)
        text = text.replace(first, f'<link rel="stylesheet" href="{href}" />\n', 1)
        page.write_text(text, encoding="utf-8")
        changed += 1
    linked: set[str] = set()
    for page in own_files(site, "*.html"):
        linked.update(re.findall(rf"{re.escape(BUNDLE_PREFIX)}[0-9a-f]+\.css",
                                 page.read_text(encoding="utf-8")))
    names = names_used(site)
    for name in sorted(linked):
        if name not in known:
            raise FileNotFoundError(
                f"a page links {name}, whose sources are not recorded in {sources_file}; "
                "rebuild from scratch (make clean; make book)")
        css = "\n".join(inline_css(site / source, static) for source in known[name])
        (static / name).write_text(drop_unused_rules(css, names), encoding="utf-8")
    for old in static.glob(f"{BUNDLE_PREFIX}*.css"):
        if old.name not in linked:
            old.unlink()
    sources_file.write_text(json.dumps({k: v for k, v in known.items() if k in linked},
                                       indent=1), encoding="utf-8")
    return changed


# --- selectors no page can match -----------------------------------------------------
# The theme ships all of Bootstrap; a page of the book uses a small part of it. A rule
# is kept when every class and id its selector names occurs in some page or script of
# the site (scripts count every word, so classes they add at run time are kept).

CLASS_ATTR = re.compile(r'\bclass\s*=\s*["\']([^"\']*)["\']')
ID_ATTR = re.compile(r'\bid\s*=\s*["\']([^"\']*)["\']')
WORD = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
SELECTOR_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
KEEP_WHOLE = ("@font-face", "@keyframes", "@-webkit-keyframes", "@page", "@property",
              "@import", "@charset", "@layer", "@counter-style")


def names_used(site: Path) -> set[str]:
    """Every class and id a page names, and every word a script of the site contains."""
    used: set[str] = set()
    for page in own_files(site, "*.html"):
        text = page.read_text(encoding="utf-8", errors="ignore")
        for attr in (CLASS_ATTR, ID_ATTR):
            for value in attr.findall(text):
                used.update(value.split())
        used.update(WORD.findall(" ".join(re.findall(r"<script\b[^>]*>(.*?)</script>", text,
                                                     flags=re.S))))
    for script in own_files(site, "*.js"):
        if "vendor" in script.parts or script.name == "fontawesome.js":
            continue
        used.update(WORD.findall(script.read_text(encoding="utf-8", errors="ignore")))
    return used


def _split_top(text: str, separator: str) -> list[str]:
    """Split at ``separator`` outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\([^()]*\)")


def _selector_used(selector: str, used: set[str]) -> bool:
    # What :not() names must be absent, and :is()/:where()/:has() match if any one of
    # their alternatives does: their classes never make a rule dead.
    positive = selector
    while FUNCTIONAL_PSEUDO.search(positive):
        positive = FUNCTIONAL_PSEUDO.sub("", positive)
    return (all(name in used for name in SELECTOR_CLASS.findall(positive))
            and all(name in used for name in SELECTOR_ID.findall(positive)))


def drop_unused_rules(css: str, used: set[str]) -> str:
    """The stylesheet without the rules whose every selector names a class or id that
    no page uses (inside @media and @supports blocks too)."""
    out: list[str] = []
    index, length = 0, len(css)
    while index < length:
        if css[index].isspace():
            index += 1
            continue
        if css.startswith("/*", index):
            end = css.find("*/", index + 2)
            index = length if end < 0 else end + 2
            continue
        brace = css.find("{", index)
        semi = css.find(";", index)
        if brace < 0:
            out.append(css[index:])
            break
        if 0 <= semi < brace and css[index:semi].lstrip().startswith("@"):
            out.append(css[index:semi + 1])  # @import ...; @charset ...;
            index = semi + 1
            continue
        close, depth = brace, 0
        while close < length:
            if css[close] == "{":
                depth += 1
            elif css[close] == "}":
                depth -= 1
                if depth == 0:
                    break
            close += 1
        # A comment inside the prelude (a licence banner) is not part of the selector.
        prelude = re.sub(r"/\*.*?\*/", "", css[index:brace], flags=re.S).strip()
        body = css[brace + 1:close]
        index = close + 1
        if prelude.startswith("@"):
            if prelude.startswith(KEEP_WHOLE) or not prelude.startswith(("@media", "@supports")):
                out.append(f"{prelude}{{{body}}}")
            else:
                inner = drop_unused_rules(body, used)
                if inner.strip():
                    out.append(f"{prelude}{{{inner}}}")
            continue
        kept = [s for s in _split_top(prelude, ",") if _selector_used(s, used)]
        if kept:
            out.append(",".join(s.strip() for s in kept) + "{" + body + "}")
    return "\n".join(out)


# --- the one script a page must run before its own inline scripts ----------------------

SYNC_SCRIPT = re.compile(
    r'<script\b[^>]*src="(?P<href>[^"]*_static/documentation_options\.js)[^"]*"[^>]*>\s*</script>')


def inline_sync_script(site: Path) -> int:
    """Put Sphinx's small documentation_options.js into each page instead of linking it:
    it is the one script the page's inline scripts need first, so a link to it would
    hold up the first paint by a round trip. Returns how many pages changed."""
    changed = 0
    for page in own_files(site, "*.html"):
        text = page.read_text(encoding="utf-8")
        found = SYNC_SCRIPT.search(text)
        if not found:
            continue
        source = (page.parent / found.group("href")).resolve()
        if not source.is_file():
            continue
        body = source.read_text(encoding="utf-8").replace("</", "<\\/")
        page.write_text(text[:found.start()] + f"<script>{body}</script>" + text[found.end():],
                        encoding="utf-8")
        changed += 1
    return changed


# Controls whose aria-label hides the words they show (WCAG 2.5.3, label in name): the
# theme's search field ("Search" named, "Search Ctrl+K" shown) and the code toggles
# ("Toggle hidden content" named, "Show code cell source" shown). Without the
# attribute, a control's name is the text it shows.
LABEL_NOT_IN_NAME = re.compile(
    r'(<button class="btn search-button-field[^"]*"[^>]*?|<summary)\s+aria-label="[^"]*"')


def label_in_name(site: Path) -> int:
    """Drop those aria-labels from every page; returns how many pages changed."""
    changed = 0
    for page in own_files(site, "*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = LABEL_NOT_IN_NAME.sub(r"\1", text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed
