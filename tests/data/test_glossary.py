"""One Chinese term per concept (locales/zh_CN/glossary.csv): no catalog translation uses
a variant the glossary rules out, outside the words it quotes from a source."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locales" / "zh_CN"
GLOSSARY = pd.read_csv(LOCALE / "glossary.csv", keep_default_na=False)
CATALOGS = sorted((LOCALE / "LC_MESSAGES").rglob("*.po"))
# A source's own words, quoted, keep their wording; so do code and glue references.
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|‘[^’]*’|`[^`]*`|\{[^}]*\}"
                    r"|^整句(?:（[^）]*）)?：.*$")  # 整句：the outlet's own sentence


def translations(path: Path) -> list[tuple[str, str]]:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="zh_CN")
    found = []
    for message in catalog:
        if message.locations and all(where.endswith(".reported_as")
                                     for where, _ in message.locations):
            continue  # how the outlet wrote the figure: its own words, whatever they are
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        ident = message.id if isinstance(message.id, str) else message.id[0]
        found += [(ident, text) for text in strings if message.id and text]
    return found


def test_every_row_of_the_glossary_is_complete_and_its_patterns_compile():
    assert not GLOSSARY.empty
    for row in GLOSSARY.itertuples():
        assert row.concept and row.english and row.chinese, row
        if row.avoid:
            re.compile(row.avoid)
            assert not re.search(row.avoid, row.chinese.replace("…", "")), (
                f"{row.concept}: the glossary's own term matches what it rules out")


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.relative_to(LOCALE).as_posix())
def test_no_translation_uses_a_variant_the_glossary_rules_out(path):
    rules = [(row.concept, row.chinese, re.compile(row.avoid))
             for row in GLOSSARY.itertuples() if row.avoid]
    found = []
    for english, chinese in translations(path):
        ours = QUOTED.sub(" ", chinese)
        for concept, term, avoid in rules:
            hit = avoid.search(ours)
            if hit:
                found.append(f"{concept} (use {term}): {hit.group(0)!r} in {chinese[:70]!r}")
    assert not found, f"{len(found)} variant(s):\n" + "\n".join(found[:15])
