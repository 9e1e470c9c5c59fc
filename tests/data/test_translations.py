"""The Chinese edition's catalogs: current with the English, complete, and compiled
so that glue references work inside translated prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsbook.site import translations

ROOT = Path(__file__).resolve().parents[2]


def test_every_english_message_has_an_entry_in_its_catalog():
    missing = translations.missing_messages()
    assert missing == {}, (
        "messages without a catalog entry (run `make translations` and translate them): "
        + "; ".join(f"{domain}: {ids[:5]}" for domain, ids in missing.items()))


def test_no_message_of_a_published_page_is_untranslated_or_fuzzy():
    problems = translations.problems()
    assert problems == [], (f"{len(problems)} message(s) left to translate "
                            f"(`claimsbook translations check` lists them): "
                            + "; ".join(map(str, problems[:8])))


def test_a_fuzzy_or_empty_message_is_reported(tmp_path):
    catalog = tmp_path / "page.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Changed English"\nmsgstr "旧的译文"\n\n'
        'msgid "New English"\nmsgstr ""\n\n'
        'msgid "Done"\nmsgstr "完成"\n', encoding="utf-8")
    found = {(p.message, p.kind) for p in translations.catalog_problems("page", catalog)}
    assert found == {("Changed English", "fuzzy"), ("New English", "untranslated")}


@pytest.mark.parametrize(("translated", "expected"), [
    ("差距为{glue:text}`gap:.1f`个百分点", "差距为{glue:text}`01-ai-index.ipynb::gap:.1f`个百分点"),
    ("截至{glue:text}`d_end`", "截至{glue:text}`01-ai-index.ipynb::d_end:s`"),
    ("见{glue}`table`", "见{glue}`01-ai-index.ipynb::table`"),
    ("已限定{glue:text}`other.ipynb::x:.0f`", "已限定{glue:text}`other.ipynb::x:.0f`"),
])
def test_glue_references_are_qualified_when_compiled(translated, expected):
    assert translations.qualify_glue(translated, "01-ai-index.ipynb") == expected


def test_a_catalog_that_does_not_parse_fails_with_file_and_line(tmp_path):
    """Babel reads an unclosed quote without a word and drops a character: an Arena
    score of 1423 was published as 142. The check names file and line instead."""
    import pytest

    from claimsbook.core import i18n

    broken = tmp_path / "claimsbook.po"
    broken.write_text('msgid ""\nmsgstr ""\n\nmsgid "Score 1423"\nmsgstr "得分1423\n\n'
                      'msgid "Next"\nmsgstr "下一个"\n', encoding="utf-8")
    assert i18n.po_syntax_errors(broken) == [
        f"{broken}:5: not PO syntax (an unclosed quote or a stray word?): msgstr \"得分1423"]
    with pytest.raises(i18n.CatalogError, match=r"claimsbook\.po:5: not PO syntax"):
        i18n.check_catalog(broken)


def test_every_catalog_parses():
    from claimsbook.core import i18n

    catalogs = sorted((i18n.locales_dir()).rglob("*.po"))
    assert catalogs
    assert [error for path in catalogs for error in i18n.po_syntax_errors(path)] == []
