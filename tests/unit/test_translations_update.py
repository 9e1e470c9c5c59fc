"""`make translations` merges the English into the catalogs: a new message arrives
empty, a changed one keeps its old translation marked fuzzy, and a catalog whose
messages did not change stays byte-identical."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from claimsbook.site import translations


def _template(*messages: str) -> Catalog:
    template = Catalog(project="claimsbook", domain="claimsbook")
    for message in messages:
        template.add(message, None, [("x.py", 1)])
    return template


def _seed(path, translated: dict[str, str]) -> None:
    catalog = Catalog(locale="zh_CN", domain="claimsbook")
    for english, chinese in translated.items():
        catalog.add(english, chinese, [("x.py", 1)])
    translations._write(catalog, path)


def test_a_new_message_arrives_empty_not_with_a_neighbours_translation(tmp_path):
    path = tmp_path / "claimsbook.po"
    _seed(path, {"The Arena score is 1423 points": "Arena 得分为1423分"})
    translations._merge(_template("The Arena score is 1423 points",
                                  "The Arena score is 1424 points"), path, "zh_CN")
    catalog = translations._read(path)
    new = catalog["The Arena score is 1424 points"]
    assert new.string == "" and not new.fuzzy


def test_a_changed_message_keeps_its_old_translation_marked_fuzzy(tmp_path):
    path = tmp_path / "claimsbook.po"
    _seed(path, {"The Arena score is 1423 points": "Arena 得分为1423分"})
    translations._merge(_template("The Arena score is 1424 points"), path, "zh_CN")
    changed = translations._read(path)["The Arena score is 1424 points"]
    assert changed.fuzzy and changed.string == "Arena 得分为1423分"


def test_an_unchanged_catalog_is_left_byte_identical(tmp_path):
    path = tmp_path / "claimsbook.po"
    long = ("a long English message that Babel would wrap at seventy-six columns if it "
            "wrapped, with a second clause after it")
    _seed(path, {"Old": "旧"})
    translations._merge(_template(long + " (changed)", "Old"), path, "zh_CN")
    translations._merge(_template(long + " (changed)", "Old"), path, "zh_CN")
    first = path.read_bytes()
    translations._merge(_template(long + " (changed)", "Old"), path, "zh_CN")
    assert path.read_bytes() == first
    assert b"# |" not in first
