"""Lighter pages after the build: one stylesheet per page instead of ten, without the
icon rules no page uses, and without the scripts a page does not need.

Lantern (Lighthouse's model of a phone on a slow network) showed the first paint
waiting on ten render-blocking stylesheets, one of them pulling another through
@import; most of the theme's 400 KB is Font Awesome's rule for each of its 2,000
icons, of which the theme shows a handful."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

STYLESHEET = re.compile(r'<link\b(?=[^>]*\brel="stylesheet")[^>]*>\s*')
HREF = re.compile(r'\bhref="([^"]+)"')
IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\']+)["\']\)?\s*;')
URL = re.compile(r'url\((["\']?)([^)"\']+)\1\)')
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+(?::before|::before)?,?)+)\{[^{}]*\}')
ICON_NAME = re.compile(r'\bfa-[a-z0-9-]+')
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


def icons_used(site: Path) -> set[str]:
    """Every ``fa-*`` class any page or script of the site names."""
    used: set[str] = set()
    for path in [*site.rglob("*.html"), *site.rglob("*.js")]:
        if "vendor" in path.parts:
            continue
        used |= set(ICON_NAME.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return used


def drop_unused_icons(css: str, used: set[str]) -> str:
    """Remove the rules that only style icons no page names."""
    def keep(match: re.Match[str]) -> str:
        names = ICON_NAME.findall(match.group(1))
        return match.group(0) if any(name in used for name in names) else ""
    return ICON_RULE.sub(keep, css)


def bundle_styles(site: Path) -> int:
    """Replace each page's stylesheet links by one bundle (one per distinct list of
    stylesheets); return how many pages changed."""
    static = site / "_static"
    used = icons_used(site)
    bundles: dict[tuple[str, ...], str] = {}
    changed = 0
    for page in site.rglob("*.html"):
        if any(part.startswith((".", "_")) for part in page.relative_to(site).parts[:-1]):
            continue
        text = page.read_text(encoding="utf-8")
        links = STYLESHEET.findall(text)
        local = []
        for link in links:
            found = HREF.search(link)
            href = found.group(1).split("?", 1)[0] if found else ""
            target = (page.parent / href).resolve()
            if href.startswith(("http:", "https:", "//")) or not target.is_file():
                continue
            local.append((link, target))
        if len(local) < 2:
            continue
        key = tuple(str(target) for _, target in local)
        if key not in bundles:
            css = "\n".join(inline_css(target, static) for _, target in local)
            css = drop_unused_icons(css, used)
            name = f"{BUNDLE_PREFIX}{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
            (static / name).write_text(css, encoding="utf-8")
            bundles[key] = name
        href = posixpath.relpath((static / bundles[key]).as_posix(), page.parent.as_posix())
        first, *rest = (link for link, _ in local)
        for link in rest:
            text = text.replace(link, "", 1)
        text = text.replace(first, f'<link rel="stylesheet" href="{href}" />\n', 1)
        page.write_text(text, encoding="utf-8")
        changed += 1
    # Bundles of earlier builds no page links to any more.
    for old in static.glob(f"{BUNDLE_PREFIX}*.css"):
        if old.name not in bundles.values():
            old.unlink()
    return changed
