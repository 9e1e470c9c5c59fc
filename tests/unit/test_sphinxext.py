"""The Sphinx extension: when a chapter re-executes, and what it removes from pages."""

import json

from claimsbook.core.datapackage import sha256_of
from claimsbook.build.sphinxext import stale_reason


def _ran(tmp_path, monkeypatch, package="pkg-1"):
    root, ledger = tmp_path / "book", tmp_path / "ledger"
    (root / "data").mkdir(parents=True)
    ledger.mkdir()
    monkeypatch.setenv("CLAIMSBOOK_ROOT", str(root))
    monkeypatch.setenv("CLAIMSBOOK_LEDGER_DIR", str(ledger))
    table = root / "data" / "table.csv"
    table.write_text("a\n1\n", encoding="utf-8")
    (ledger / "01-x.csv").write_text("claim_id\n", encoding="utf-8")
    (ledger / "01-x.deps.json").write_text(json.dumps(
        {"package": package, "files": {"data/table.csv": sha256_of(table)}}), encoding="utf-8")
    return table


def test_unchanged_chapter_is_reused(tmp_path, monkeypatch):
    _ran(tmp_path, monkeypatch)
    assert stale_reason("01-x", "pkg-1") is None


def test_each_cause_is_named(tmp_path, monkeypatch):
    table = _ran(tmp_path, monkeypatch)
    assert stale_reason("01-x", "pkg-2") == "the claimsbook package changed since it ran"
    table.write_text("a\n2\n", encoding="utf-8")
    assert stale_reason("01-x", "pkg-1") == "data/table.csv changed since it ran"
    table.unlink()
    assert stale_reason("01-x", "pkg-1") == "data/table.csv, which it read, is gone"
    assert stale_reason("02-never-ran", "pkg-1") == "no verdicts recorded from an earlier run"


def test_the_theme_font_awesome_script_tag_is_removed(tmp_path):
    from claimsbook.build.sphinxext import drop_fontawesome_script

    page = tmp_path / "chapters" / "a.html"
    page.parent.mkdir()
    page.write_text('<head><link href="x.css" rel="stylesheet" />\n  <script defer '
                    'src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
                    '  <script src="../_static/claimsbook.js"></script></head>', encoding="utf-8")
    (tmp_path / "b.html").write_text("<head></head>", encoding="utf-8")
    assert drop_fontawesome_script(tmp_path) == 1
    text = page.read_text(encoding="utf-8")
    assert "fontawesome" not in text and "claimsbook.js" in text and "x.css" in text
