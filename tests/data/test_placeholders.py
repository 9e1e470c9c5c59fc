"""Typed placeholders (#20 item 2): locales/placeholders.csv says what each placeholder of
the package's messages holds, and a translation may not use one in a way its kind forbids.

* count  — a whole number of things: never run into a name ({n}{model});
* number — a number whose unit the translation writes;
* amount — a value already written with its unit (1.5亿元, 3.2个百分点): no unit or measure
  word after it;
* name   — a model, country, organisation or id: no measure word after it, no digit before;
* date   — a date or month already in the reader's language (2025年4月): no 年/月/日 after;
* year   — a bare year (2024);
* text   — a phrase the package writes in the reader's language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"count", "number", "amount", "name", "date", "year", "text"}
HOLDS = pd.read_csv(ROOT / "locales" / "placeholders.csv").set_index("placeholder")["holds"]
PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?:[:!][^}]*)?\}")
MEASURE = "个名款家条项次位部种份件行"
RULES = {
    "name": [(re.compile(rf"^[{MEASURE}]"), "a measure word after a name"),
             (re.compile(r"\d$", re.S), "a digit before a name")],
    "amount": [(re.compile(rf"^[{MEASURE}元万亿%]"), "a unit after an amount that has one")],
    "date": [(re.compile(r"^[年月日]"), "年/月/日 after a date already written in full")],
}


def _messages():
    path = ROOT / "locales" / "zh_CN" / "LC_MESSAGES" / "claimsbook.po"
    with path.open("rb") as handle:
        for message in read_po(handle, locale="zh_CN"):
            if message.id:
                english = message.id if isinstance(message.id, str) else " ".join(message.id)
                strings = message.string if isinstance(message.string, (list, tuple)) \
                    else [message.string]
                yield english, [s for s in strings if s]


def test_every_placeholder_of_the_package_says_what_it_holds():
    used = {name for english, _ in _messages() for name in PLACEHOLDER.findall(english)}
    assert set(HOLDS.index) >= used, \
        f"add to locales/placeholders.csv: {sorted(used - set(HOLDS.index))}"
    assert set(HOLDS.unique()) <= KINDS, f"unknown kinds: {set(HOLDS.unique()) - KINDS}"


def misuses(chinese: str) -> list[str]:
    wrong = []
    for found in PLACEHOLDER.finditer(chinese):
        kind = HOLDS.get(found.group(1), "text")
        after, before = chinese[found.end():], chinese[:found.start()]
        for pattern, what in RULES.get(kind, []):
            if pattern.search(after if pattern.pattern.startswith("^") else before):
                wrong.append(f"{what}: {{{found.group(1)}}}")
        following = PLACEHOLDER.match(after)
        if kind == "count" and following and HOLDS.get(following.group(1)) == "name":
            wrong.append(f"a count run into a name: {{{found.group(1)}}}{{{following.group(1)}}}")
    return wrong


def test_the_rules_catch_what_the_issue_found():
    assert misuses("{model}个模型") == ["a measure word after a name: {model}"]
    assert misuses("共{n}{model}") == ["a count run into a name: {n}{model}"]
    assert misuses("{amount}元") == ["a unit after an amount that has one: {amount}"]
    assert misuses("{date}日") == ["年/月/日 after a date already written in full: {date}"]
    assert misuses("{n}条陈述中，{model}领先") == []


def test_no_translation_uses_a_placeholder_as_its_kind_forbids():
    wrong = [f"{problem} in {chinese[:70]!r}" for _, translations in _messages()
             for chinese in translations for problem in misuses(chinese)]
    assert not wrong, f"{len(wrong)} misuse(s):\n" + "\n".join(wrong[:15])


FIGURE_REFERENCE = re.compile(r"\{[a-z0-9][a-z0-9-]*/[A-Za-z0-9_.:+-]+\}")


def test_a_figure_placed_in_a_checks_text_carries_its_own_unit():
    """A checks text names a figure as {table/row}; the figure is written with its unit
    (6145亿元, 3.2个百分点), so the translation adds none."""
    path = ROOT / "locales" / "zh_CN" / "LC_MESSAGES" / "claimsbook-data.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="zh_CN")
    unit = re.compile(rf"^[{MEASURE}元万亿%]")
    wrong = [f"{found.group(0)} in {message.string[:70]!r}" for message in catalog
             if message.id and isinstance(message.string, str)
             for found in FIGURE_REFERENCE.finditer(message.string)
             if unit.match(message.string[found.end():])]
    assert not wrong, f"{len(wrong)} figure(s) given a second unit:\n" + "\n".join(wrong[:10])
