"""What search engines and link previews read of a page: a meta description taken from
the page's own first paragraph, Open Graph title and description, and its canonical
address. Written into every page's <head>; nothing is typed per page."""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes

DESCRIPTION_CHARS = 160
# Chinese says as much in about half the characters: search engines show about 80.
DESCRIPTION_CHARS_ZH = 80
# Where a Chinese description may be cut (after a clause).
CHINESE_BREAKS = "，。；：、！？"


def first_paragraph(doctree: nodes.Node | None) -> str:
    """The text of the page's first paragraph of prose (not a caption, admonition or
    table cell), on one line."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        if isinstance(parent, nodes.section | nodes.document):
            text = " ".join(paragraph.astext().split())
            if len(text) > (20 if _chinese() else 40):
                return text
    return ""


def _chinese() -> bool:
    from ..core.i18n import is_chinese

    return is_chinese()


def shorten(text: str, limit: int | None = None) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis (in
    Chinese, after the last clause that fits, else between characters)."""
    chinese = _chinese()
    limit = limit or (DESCRIPTION_CHARS_ZH if chinese else DESCRIPTION_CHARS)
    if len(text) <= limit:
        return text
    if chinese:
        head = text[: limit - 1]
        breaks = [head.rfind(mark) for mark in CHINESE_BREAKS]
        last = max(breaks)
        cut = head[:last] if last > limit // 2 else head
        return cut.rstrip(CHINESE_BREAKS + ",;:—–- ") + "…"
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


def meta_tags(title: str, description: str, url: str, site_name: str) -> str:
    esc = html.escape
    tags = [
        f'<meta name="description" content="{esc(description)}">',
        f'<meta property="og:title" content="{esc(title)}">',
        f'<meta property="og:description" content="{esc(description)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{esc(site_name)}">',
    ]
    if url:
        tags.append(f'<meta property="og:url" content="{esc(url)}">')
    return "\n".join(tags) + "\n"


def site_name(app: Any) -> str:
    """The book's name as pages and feeds give it. Jupyter Book sets the title as
    ``html_title`` and leaves Sphinx's ``project`` unset ("Project name not set"): the
    Chinese edition names itself by its title; the English one keeps, for now, what it
    has always published."""
    from ..core.i18n import is_chinese

    title = str(getattr(app.config, "html_title", None) or "")
    if is_chinese() and title:
        return title
    return str(app.config.project)


def add_meta(app: Any, pagename: str, templatename: str, context: dict[str, Any],
             doctree: nodes.Node | None, base_url: str) -> None:
    name = site_name(app)
    description = shorten(first_paragraph(doctree)) or name
    title = html.unescape(str(context.get("title") or name))
    url = f"{base_url}{pagename}.html" if base_url else ""
    context["metatags"] = context.get("metatags", "") + meta_tags(
        title, description, url, name)


# How each edition names itself in the other one's switcher, in its own language.
EDITION_LABEL = {"en": ("English", "Read this page in English"),
                 "zh_CN": ("中文", "阅读本页的中文版")}


def edition_href(pagename: str, from_lang: str, to_lang: str) -> str:
    """The relative address of ``pagename`` in the ``to_lang`` edition, from the same
    page in the ``from_lang`` edition (editions live in folders of one site)."""
    from ..core.i18n import EDITION_FOLDER

    up = "../" * pagename.count("/")
    source, target = EDITION_FOLDER[from_lang], EDITION_FOLDER[to_lang]
    if source:
        up += "../" * (source.count("/") + 1)
    return f"{up}{target + '/' if target else ''}{pagename}.html"


def edition_url(base_url: str, pagename: str, from_lang: str, to_lang: str) -> str:
    """The absolute address of ``pagename`` in the ``to_lang`` edition, from this
    edition's base address ("" when the base is unknown)."""
    from ..core.i18n import EDITION_FOLDER

    if not base_url:
        return ""
    here = EDITION_FOLDER[from_lang]
    root = base_url[: -len(here) - 1] if here and base_url.endswith(f"{here}/") else base_url
    target = EDITION_FOLDER[to_lang]
    return f"{root}{target + '/' if target else ''}{pagename}.html"


def add_editions(app: Any, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.Node | None, base_url: str) -> None:
    """The language switcher's link and the pages' hreflang alternates."""
    from ..core.i18n import HTML_LANG, LANGUAGES, language

    here = language()
    others = [lang for lang in LANGUAGES if lang != here]
    if not others:
        return
    other = others[0]
    label, title = EDITION_LABEL[other]
    context["cb_other_edition"] = {"href": edition_href(pagename, here, other),
                                   "hreflang": HTML_LANG[other], "label": label,
                                   "title": title}
    links = []
    for lang in LANGUAGES:
        # Absolute when the site's address is known (search engines and Lighthouse want
        # fully qualified alternates), else relative.
        href = edition_url(base_url, pagename, here, lang) or edition_href(pagename, here, lang)
        links.append(f'<link rel="alternate" hreflang="{HTML_LANG[lang]}" href="{href}">')
    context["metatags"] = context.get("metatags", "") + "\n".join(links) + "\n"
