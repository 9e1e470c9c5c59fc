"""What the build's tasks read and write (claimsbook.site.execution): a chapter
re-executes only when one of its declared inputs changed; an edition rebuilds when any
input of the checkout changed or one of its outputs is gone."""

import subprocess
from pathlib import Path

from claimsbook.core import i18n
from claimsbook.core.paths import ledger_dir, project_root
from claimsbook.site import editions, execution

ROOT = project_root()


def _relative(paths):
    return {Path(p).resolve().relative_to(ROOT).as_posix() for p in paths}


def test_a_chapter_depends_on_its_declarations_and_nothing_else():
    inputs = _relative(execution.declared_inputs("04-second-hand", ROOT))
    assert "chapters/04-second-hand.ipynb" in inputs
    assert {"data/claims.csv", "data/sources.csv", "data/second-hand/checks.csv"} <= inputs
    assert "src/claimsbook/chapters/second_hand/values.py" in inputs
    assert "src/claimsbook/core/numbers.py" in inputs
    # Another chapter's module, the site layer and another chapter's data are not inputs.
    assert not any(p.startswith(("src/claimsbook/chapters/ai_index", "src/claimsbook/site",
                                 "data/ai-index")) for p in inputs)


def test_a_module_declared_alone_is_a_file():
    inputs = _relative(execution.declared_inputs("02-months-behind", ROOT))
    assert "src/claimsbook/chapters/lag.py" in inputs


def test_an_unknown_chapter_is_named():
    try:
        execution.declared_inputs("09-nothing", ROOT)
    except SystemExit as stop:
        assert "09-nothing" in str(stop)
    else:
        raise AssertionError("an unknown chapter passed")


def test_the_book_inputs_are_what_git_would_track(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("_build/\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("one", encoding="utf-8")  # new, not yet added
    (tmp_path / "_build").mkdir()
    (tmp_path / "_build" / "f").write_text("output", encoding="utf-8")
    assert _names(execution.book_inputs(tmp_path), tmp_path) == [".gitignore", "a.md"]


def _names(paths, root):
    return [Path(p).relative_to(root).as_posix() for p in paths]


def _tasks():
    namespace = execution.tasks(ROOT)
    return {f"{kind}:{t['name']}": t for kind in ("chapter", "edition")
            for t in namespace[f"task_{kind}"]()}


def test_every_output_is_a_target_so_a_deleted_one_rebuilds():
    tasks = _tasks()
    chapters = execution.chapter_notebooks(ROOT)
    for chapter in chapters:
        targets = tasks[f"chapter:{chapter}"]["targets"]
        assert any(t.endswith(f"ledger/{chapter}.csv") for t in targets)  # where kernels write
    zh = set(tasks["edition:zh_CN"]["targets"])
    assert {str(ledger_dir("zh_CN") / f"{c}.csv") for c in chapters} <= zh
    assert str(editions.html_dir(i18n.ENGLISH) / "index.html") in tasks["edition:en"]["targets"]


def test_an_edition_reads_every_execution_and_every_catalog():
    files = _relative(_tasks()["edition:zh_CN"]["file_dep"])
    assert {f"_build/executed/{c}.ipynb" for c in execution.chapter_notebooks(ROOT)} <= files
    assert "locales/zh_CN/LC_MESSAGES/claimsbook.po" in files


def test_a_failed_cell_is_reported_by_its_last_error_line():
    traceback = "\x1b[31mCell In[3]\x1b[0m\n  x = f()\nValueError: no such table 'x'\n"
    assert execution._last_line(traceback) == "ValueError: no such table 'x'"
