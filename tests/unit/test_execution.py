"""When a chapter re-executes: only when its code, a module it imported or a data file
it read changed (claimsbook.site.dependencies), and the make-book shortcut."""

import json

from claimsbook.site import dependencies, execution
from claimsbook.core.datapackage import sha256_of
from claimsbook.core import inputs
from claimsbook.core import settings


def _ran(tmp_path, monkeypatch, notebook="nb-1"):
    root, ledger = tmp_path / "book", tmp_path / "ledger"
    (root / "data").mkdir(parents=True)
    (root / "src").mkdir()
    ledger.mkdir()
    monkeypatch.setenv("CLAIMSBOOK_ROOT", str(root))
    monkeypatch.setenv("CLAIMSBOOK_LEDGER_DIR", str(ledger))
    settings.refresh()  # the settings are read once; re-read them
    table = root / "data" / "table.csv"
    table.write_text("a\n1\n", encoding="utf-8")
    module = root / "src" / "mine.py"
    module.write_text("X = 1\n", encoding="utf-8")
    (ledger / "01-x.csv").write_text("claim_id\n", encoding="utf-8")
    (ledger / "01-x.deps.json").write_text(json.dumps({
        "notebook": notebook,
        "modules": {"claimsbook.chapters.mine": {"path": "src/mine.py",
                                                 "sha256": sha256_of(module)}},
        "files": {"data/table.csv": sha256_of(table)},
    }), encoding="utf-8")
    return table, module


def test_unchanged_chapter_is_reused(tmp_path, monkeypatch):
    _ran(tmp_path, monkeypatch)
    assert dependencies.stale_reason("01-x", "nb-1") is None


def test_each_cause_is_named(tmp_path, monkeypatch):
    table, module = _ran(tmp_path, monkeypatch)
    assert dependencies.stale_reason("01-x", "nb-2") == "its code changed since it ran"
    module.write_text("X = 2\n", encoding="utf-8")
    assert dependencies.stale_reason("01-x", "nb-1") == (
        "module claimsbook.chapters.mine (src/mine.py) changed since it ran")
    module.unlink()
    assert dependencies.stale_reason("01-x", "nb-1") == (
        "module claimsbook.chapters.mine (src/mine.py), which it imported, is gone")


def test_data_causes_are_named(tmp_path, monkeypatch):
    table, _ = _ran(tmp_path, monkeypatch)
    table.write_text("a\n2\n", encoding="utf-8")
    assert dependencies.stale_reason("01-x", "nb-1") == "data/table.csv changed since it ran"
    table.unlink()
    assert dependencies.stale_reason("01-x", "nb-1") == "data/table.csv, which it read, is gone"
    assert dependencies.stale_reason("02-never-ran", "nb-1") == (
        "no verdicts recorded from an earlier run")


def test_a_module_nobody_imported_changes_nothing(tmp_path, monkeypatch):
    _, _ = _ran(tmp_path, monkeypatch)
    (tmp_path / "book" / "src" / "other.py").write_text("Y = 1\n", encoding="utf-8")
    assert dependencies.stale_reason("01-x", "nb-1") is None


def test_recorded_modules_are_the_imported_claimsbook_ones(tmp_path, monkeypatch):
    import claimsbook.core.numbers  # noqa: F401 - imported so that it is recorded

    modules = inputs.imported_modules()
    assert "claimsbook.core.numbers" in modules
    assert all(name.split(".")[0] == "claimsbook" for name in modules)
    record = modules["claimsbook.core.numbers"]
    assert record["path"].endswith("src/claimsbook/core/numbers.py")
    assert len(record["sha256"]) == 64


def test_the_input_digest_moves_with_any_input_and_not_with_outputs(tmp_path):
    (tmp_path / "a.md").write_text("one", encoding="utf-8")
    (tmp_path / "_build").mkdir()
    before = execution.input_digest(tmp_path)
    (tmp_path / "_build" / "page.html").write_text("output", encoding="utf-8")
    assert execution.input_digest(tmp_path) == before
    (tmp_path / "a.md").write_text("two", encoding="utf-8")
    assert execution.input_digest(tmp_path) != before


def test_a_deleted_output_makes_the_book_out_of_date(tmp_path, monkeypatch):
    from claimsbook.site import editions

    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-x.ipynb").write_text("{}")
    monkeypatch.setattr(execution, "ledger_dir", lambda lang: tmp_path / lang / "ledger")
    monkeypatch.setattr(editions, "html_dir", lambda lang: tmp_path / lang / "html")
    for lang in ("en", "zh_CN"):
        (tmp_path / lang / "ledger").mkdir(parents=True)
        (tmp_path / lang / "html").mkdir(parents=True)
        (tmp_path / lang / "ledger" / "01-x.csv").write_text("claim_id\n")
        (tmp_path / lang / "html" / "index.html").write_text("<html>")
    assert execution.missing_outputs(tmp_path) == []
    (tmp_path / "zh_CN" / "ledger" / "01-x.csv").unlink()
    assert execution.missing_outputs(tmp_path) == ["zh_CN/ledger/01-x.csv"]
