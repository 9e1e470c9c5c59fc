"""The reader's language: everything the package writes, in English or Chinese.

One edition per language, built from one execution of the notebooks: kernels compute in
English, and each edition renders their views (:mod:`claimsbook.core.views`) in its
language. The language is the settings' (``$CLAIMSBOOK_LANG``: ``en``, the default, or
``zh_CN``; the book's build sets it for the Chinese edition's Sphinx run), changed for a
block with ``settings.use(language=...)``.

Two message catalogs, both gettext ``.po`` files under ``locales/<lang>/LC_MESSAGES/``
and read with Babel (no compiled ``.mo`` is kept in the repository):

* ``claimsbook.po`` — the package's own sentences, labels and templates, marked in the
  code with :func:`_` (or :func:`N_` where the text is translated later) and written as
  ``str.format`` templates so that a translation may reorder the pieces;
* ``claimsbook-data.po`` — the English text cells of the data tables (claim statements,
  what was searched, quantities, periods), looked up with :func:`data_text`.

``claimsbook translations update`` refreshes both (and the pages' catalogs) after an
English text changed; a message whose English changed is marked fuzzy there, and a
fuzzy or missing translation falls back to the English text here, which the tests
refuse for a published page.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from . import settings
from .settings import CHINESE, EDITION_FOLDER, ENGLISH, LANG_ENV, LANGUAGES

__all__ = ["CHINESE", "EDITION_FOLDER", "ENGLISH", "LANG_ENV", "LANGUAGES"]
CODE_DOMAIN = "claimsbook"
DATA_DOMAIN = "claimsbook-data"
# gettext's separator between a message's context and its text.
CONTEXT_SEPARATOR = "\x04"
# The value of <html lang> and of ClaimReview's inLanguage.
HTML_LANG = {ENGLISH: "en", CHINESE: "zh-CN"}


class LanguageError(ValueError):
    """An unknown language was asked for."""


def language() -> str:
    """The language of this process's output (``$CLAIMSBOOK_LANG``, default English)."""
    chosen = settings.language_setting()
    if chosen not in LANGUAGES:
        raise LanguageError(
            f"{LANG_ENV}={chosen!r} is not a language of the book; allowed: {list(LANGUAGES)}")
    return chosen


def is_chinese() -> bool:
    return language() == CHINESE


def locales_dir() -> Path:
    from .paths import project_root

    return project_root() / "locales"


def catalog_path(domain: str, lang: str = CHINESE) -> Path:
    return locales_dir() / lang / "LC_MESSAGES" / f"{domain}.po"


class CatalogError(ValueError):
    """A catalog that does not parse: read silently, it would publish a cut message."""


# A line of a PO file: a comment, blank, or a keyword and/or one complete quoted string.
_PO_LINE = re.compile(
    r'^(?:#.*|\s*|(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
    r'"(?:[^"\\]|\\.)*"\s*)$')


def po_syntax_errors(path: Path) -> list[str]:
    """``file:line: problem`` for each line of a PO file that is not PO syntax (Babel's
    reader accepts an unclosed quote and drops the last character: "1423" became "142")."""
    text = path.read_text(encoding="utf-8")
    return [f"{path}:{number}: not PO syntax (an unclosed quote or a stray word?): "
            f"{line.strip()[:60]}"
            for number, line in enumerate(text.splitlines(), start=1)
            if not _PO_LINE.match(line)]


def check_catalog(path: Path) -> None:
    errors = po_syntax_errors(path)
    if errors:
        raise CatalogError(errors[0] + (f" (and {len(errors) - 1} more)" if errors[1:] else ""))


@functools.cache
def _catalog(domain: str, lang: str, stamp: float) -> dict[str | tuple[str, str], str]:
    """The translated, non-fuzzy messages of one catalog (``stamp``: the file's mtime, so
    that a long-lived kernel sees an edited catalog)."""
    from babel.messages.pofile import read_po

    from . import inputs

    path = catalog_path(domain, lang)
    # Recorded like a data file: what renders with it is redone when it changes.
    inputs.record_read(path)
    check_catalog(path)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found: dict[str | tuple[str, str], str] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) \
            else (message.string,)
        if not strings or not strings[0]:
            continue
        if isinstance(message.id, (tuple, list)):
            found[(str(message.id[0]), str(message.id[1]))] = str(strings[0])  # one plural form in Chinese
        elif message.context:
            found[f"{message.context}{CONTEXT_SEPARATOR}{message.id}"] = str(strings[0])
        else:
            found[str(message.id)] = str(strings[0])
    return found


def catalog(domain: str, lang: str | None = None) -> dict[str | tuple[str, str], str]:
    lang = lang or language()
    path = catalog_path(domain, lang)
    if lang == ENGLISH or not path.is_file():
        return {}
    return _catalog(domain, lang, path.stat().st_mtime)


def _(message: str) -> str:
    """``message`` in the reader's language (the English text when untranslated)."""
    if language() == ENGLISH:
        return message
    return catalog(CODE_DOMAIN).get(message) or message


def pgettext(context: str, message: str) -> str:
    """``message`` in the reader's language, where the same English word means different
    things in different places (``context`` tells them apart in the catalog)."""
    if language() == ENGLISH:
        return message
    return catalog(CODE_DOMAIN).get(f"{context}{CONTEXT_SEPARATOR}{message}") or message


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it now (module constants
    are translated where they are shown, with :func:`_`)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    if language() == ENGLISH:
        return singular if count == 1 else plural
    found = catalog(CODE_DOMAIN).get((singular, plural))
    return found or (singular if count == 1 else plural)


def data_text(text: str) -> str:
    """A text cell of a data table (a claim's statement, what was searched, a quantity's
    name) in the reader's language."""
    if language() == ENGLISH or not text:
        return text
    return catalog(DATA_DOMAIN).get(text) or text
