"""Notebook tier, each chapter executed once per configuration.

* The book's own execution of each chapter (what the site shows) is checked, not
  repeated: the session first executes whichever chapter is stale, in parallel and
  into the build's cache as ``make book`` does (after ``make book``: none), then
  checks the executed notebooks as nbval's lax mode would (every code cell ran,
  none raised) and their verdicts against the committed ledger snapshot.
* Every named parameter set runs through papermill (all sets at once, as many as
  there are cores) and its verdicts and computed values must equal its own committed
  expectation (``tests/snapshots/params/<chapter>.<set>.csv``, written by
  ``make snapshot``) and differ from the defaults' somewhere: a set the notebook
  ignores fails.
* A bad parameter stops the chapter with a clear error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

from claimsbook.core import views
from claimsbook.site import cli, parameter_sets
from claimsbook.site.views import GLUE_PREFIX

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))
PARAMETER_SETS = [(c, name) for c in CHAPTERS for name in parameter_sets.parameter_sets(c)]
SNAPSHOT = ROOT / cli.SNAPSHOT
BOOK_LEDGER = ROOT / "_build" / "ledger"
# The executions these tests check are made once, started in the background as soon
# as collection is over: see the fixtures book_executions and papermill_runs in
# conftest.py.
from conftest import BAD_VALUE, first_parameter  # noqa: E402

pytestmark = pytest.mark.notebook


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_book_execution_ran_every_cell_without_error(chapter, book_executions):
    executed = book_executions[chapter]
    source = nbformat.read(ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert len(code) == sum(cell.cell_type == "code" for cell in source.cells)
    for number, cell in enumerate(code, 1):
        assert cell.execution_count is not None, f"code cell {number} did not run"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"code cell {number} raised {errors[0].ename}: {errors[0].evalue}"


def reader_outputs(notebook) -> list[tuple[str, str]]:
    """What a chapter's pages are made of, output by output: a view's payload (the
    function and the values it renders), any other output as it is."""
    found = []
    ours = [cell for cell in notebook.cells if cell.cell_type == "code" and not {
        "injected-parameters", "claimsbook-reset"} & set(cell.metadata.get("tags", []))]
    for cell in ours:
        for output in cell.get("outputs", []):
            data = {key.removeprefix(GLUE_PREFIX): value
                    for key, value in output.get("data", {}).items()}
            if views.MIME in data:
                found.append((data[views.MIME]["call"], data[views.MIME]["pickle"]))
            elif data or output.get("text"):
                found.append((output.output_type, json.dumps(data or output.get("text"),
                                                             sort_keys=True)))
    return found


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_kernel_writes_nothing_in_its_own_language(chapter, book_executions, papermill_runs):
    """Kernels compute; each edition renders what they computed in its language
    (claimsbook.core.views). A chapter executed with its kernel in Chinese must give the
    book's (English) execution's outputs exactly: an output that differs was written in
    the kernel's language, and the Chinese edition would show it in English."""
    run = papermill_runs[(chapter, "kernel-zh")]
    assert run.error is None, run.error
    chinese = reader_outputs(nbformat.read(run.output, as_version=4))
    book = reader_outputs(book_executions[chapter])
    differ = [f"output {n} ({a[0]})" for n, (a, b) in enumerate(zip(book, chinese)) if a != b]
    assert len(book) == len(chinese) and not differ, (
        f"{chapter}: with the kernel in Chinese, {', '.join(differ) or 'the number of outputs'} "
        "differ: pass the function that writes it to later(...) instead of its result")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_checks_every_claim(chapter, book_executions):
    verdicts = pd.read_csv(BOOK_LEDGER / f"{chapter}.csv")
    claims = cli.datapackage.load_table("claims")
    expected = set(claims.loc[claims["chapter"] == chapter, "claim_id"])
    assert set(verdicts["claim_id"]) == expected
    assert verdicts["faithful_reason"].str.len().min() > 10
    assert verdicts["holds_reason"].str.len().min() > 10


def _recorded(chapter: str) -> dict:
    return json.loads((BOOK_LEDGER / f"{chapter}.deps.json").read_text(encoding="utf-8"))


def test_a_chapter_module_is_recorded_only_by_the_chapters_that_import_it(book_executions):
    """What makes editing src/claimsbook/chapters/second_hand.py re-execute chapter 04
    alone (the benchmark measures it): only 04 recorded that module, and every
    chapter recorded the data files it read."""
    recorded = {chapter: _recorded(chapter) for chapter in CHAPTERS}
    holders = [c for c, deps in recorded.items() if "claimsbook.chapters.second_hand" in deps["modules"]]
    assert holders == ["04-second-hand"]
    assert all(deps["files"] for deps in recorded.values())


def _declared(chapter: str):
    """The chapter package that declares ``CHAPTER = chapter``."""
    import importlib
    import pkgutil

    import claimsbook.chapters as chapters

    for info in pkgutil.iter_modules(chapters.__path__):
        module = importlib.import_module(f"claimsbook.chapters.{info.name}")
        if getattr(module, "CHAPTER", None) == chapter:
            return module
    raise AssertionError(f"no package of claimsbook.chapters declares CHAPTER = {chapter!r}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_declares_what_it_reads(chapter, book_executions):
    """READS and USES of the chapter's package, against what its execution recorded:
    every data file it read is a declared resource (or its own ledger's claims, sources
    and checks), every declared resource was read, and every package module it imported
    is claimsbook.core or a declared one."""
    from claimsbook.core import datapackage

    package = _declared(chapter)
    recorded = _recorded(chapter)
    cluster = chapter.split("-", 1)[1]
    declared = {*package.READS, "claims", "sources", f"{cluster}-checks"}
    paths = {r["name"]: f"data/{r['path']}" for r in datapackage.load_descriptor()["resources"]}
    assert {paths[name] for name in declared} == set(recorded["files"]), (
        f"{chapter}: declared {sorted(paths[n] for n in declared)}, read {sorted(recorded['files'])}")
    allowed = ("claimsbook.core", *package.USES)
    stray = [m for m in recorded["modules"] if m.startswith("claimsbook.")
             and m not in ("claimsbook", "claimsbook.chapters")
             and not any(m == a or m.startswith(a + ".") for a in allowed)]
    assert not stray, f"{chapter} imported undeclared modules: {stray}"
    unused = [u for u in package.USES if not any(m == u or m.startswith(u + ".")
                                                 for m in recorded["modules"])]
    assert not unused, f"{chapter} declares modules it never imported: {unused}"


def test_verdicts_match_the_ledger_snapshot(book_executions):
    """A changed verdict, a computed value moved beyond its tolerance, or a claim
    added or removed fails here until `make snapshot` accepts it deliberately."""
    current = cli.snapshot_frame(BOOK_LEDGER)
    problems = cli.snapshot_differences(current, pd.read_csv(SNAPSHOT))
    assert not problems, (
        "the verdicts moved from tests/snapshots/verdicts.csv; if the change is deliberate, "
        "run `make snapshot` and name each changed claim with its reason in the commit "
        "message:\n" + "\n".join(problems))


@pytest.mark.parametrize(("chapter", "name"), PARAMETER_SETS)
def test_parameter_set_gives_its_expected_results(chapter, name, papermill_runs,
                                                  book_executions):
    result = papermill_runs[(chapter, name)]
    assert result.error is None, f"{chapter} with set {name!r} failed: {result.error}"
    verdicts = cli.snapshot_frame(result.job.out_dir / "ledger")
    values = cli.glued_values(nbformat.read(result.output, as_version=4))
    verdicts_file = cli.set_snapshot_path(chapter, name)
    values_file = cli.set_values_path(chapter, name)
    assert verdicts_file.is_file() and values_file.is_file(), (
        f"no committed expectation for {chapter} {name!r}: run make snapshot")
    expected_verdicts = pd.read_csv(verdicts_file)
    expected_values = pd.read_csv(values_file, dtype=str, keep_default_na=False)
    defaults = pd.read_csv(SNAPSHOT)
    default_values = cli.glued_values(book_executions[chapter])
    assert cli.set_changes(expected_verdicts, expected_values, defaults, default_values), (
        f"the committed expectation of {name!r} equals the defaults' results")
    assert cli.set_changes(verdicts, values, defaults, default_values), (
        f"{chapter} with set {name!r} gives exactly the defaults' verdicts and values: "
        "the notebook ignores the set's parameters")
    problems = (cli.snapshot_differences(verdicts, expected_verdicts)
                + cli.value_differences(values, expected_values))
    assert not problems, (f"{chapter} with set {name!r} moved from its expectation "
                          f"({verdicts_file.name}, {values_file.name}); if deliberate, run "
                          f"`make snapshot`:\n" + "\n".join(problems))


def test_every_expectation_belongs_to_a_parameter_set():
    """An expectation left behind by a removed or renamed set is not silently kept."""
    kept = {path.name for path in (ROOT / cli.SET_SNAPSHOTS).glob("*.csv")}
    sets = {f"{chapter}.{name}" for chapter, name in PARAMETER_SETS}
    assert kept == {f"{s}.csv" for s in sets} | {f"{s}.values.csv" for s in sets}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_bad_parameter_stops_with_a_clear_error(chapter, papermill_runs):
    error = papermill_runs[(chapter, "bad")].error
    assert isinstance(error, papermill.PapermillExecutionError)
    message = str(error)
    assert "ParameterError" in message
    assert f"parameter '{first_parameter(chapter)}' = '{BAD_VALUE}' is not allowed" in message


def test_an_impossible_date_is_named_with_what_is_allowed(papermill_runs):
    error = papermill_runs[("01-ai-index", "bad-date")].error
    assert isinstance(error, papermill.PapermillExecutionError)
    assert ("parameter 'arena_start' = '2025-13-01' is not allowed: expected an ISO date "
            "YYYY-MM-DD from") in str(error)


def test_unknown_parameter_name_is_refused(tmp_path):
    with pytest.raises(SystemExit, match="unknown parameter"):
        parameter_sets.run_chapter(CHAPTERS[0], {"no_such_parameter": 1}, tmp_path)


def test_reversed_dates_stop_the_command_with_one_line(capsys, tmp_path):
    code = cli.main(["run", "01-ai-index", "-p", "arena_start=2025-02-14",
                     "-p", "arena_end=2024-01-09", "--out", str(tmp_path)])
    error = capsys.readouterr().err
    assert code == 1
    assert ("ParameterError: parameters 'arena_start' = '2025-02-14' and 'arena_end' = "
            "'2024-01-09' are not allowed: expected 'arena_start' before 'arena_end'") in error
    assert "Traceback" not in error


# Measure words: after a glued name or a text ("Gemini-2.5-Pro个") a translation is broken.
MEASURE_WORDS = "个名款家条项次位部种份件行"
GLUE_REFERENCE = re.compile(r"\{glue:text\}`(?P<key>[\w.-]+)(?::[^`]*)?`")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_translated_page_puts_no_measure_word_after_a_glued_name(chapter, book_executions):
    """The page catalogs' placeholders are glue references: what each holds is known from
    the chapter's execution. A name or a text (anything but a number) takes no measure
    word after it in Chinese (the package's messages: tests/data/test_placeholders.py)."""
    from babel.messages.pofile import read_po

    values = cli.glued_values(book_executions[chapter]).set_index("name")["value"]
    texts = {name for name, value in values.items() if not _is_number(str(value))}
    catalog = ROOT / "locales" / "zh_CN" / "LC_MESSAGES" / "chapters" / f"{chapter}.po"
    with catalog.open("rb") as handle:
        messages = [m for m in read_po(handle, locale="zh_CN") if m.id and m.string]
    wrong = [f"{{{found['key']}}}{m.string[found.end()]}: …{m.string[found.start() - 20:found.end() + 5]}…"
             for m in messages for found in GLUE_REFERENCE.finditer(m.string)
             if found["key"] in texts and m.string[found.end():found.end() + 1] in
             set(MEASURE_WORDS)]
    assert not wrong, f"{chapter}: a measure word after a glued name or text: {wrong}"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
