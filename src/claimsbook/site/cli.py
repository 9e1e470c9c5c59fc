"""Command line: build the book, run a chapter with parameters, refresh checksums, accept
a snapshot, update the catalogs, explain a claim.

    claimsbook book
    claimsbook run 01-ai-index --params online-elo -p "benchmarks=['MMLU']"
    claimsbook datapackage --update
    claimsbook snapshot
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from ..core import datapackage, i18n, views
from ..core.chapter import LEDGER_GLUE
from ..core.paths import ledger_dir, project_root
from .parameter_sets import (
    load_parameter_set,
    parameter_set_jobs,
    parse_assignment,
    run_chapter,
    run_papermill_jobs,
    split_assignments,
)

SNAPSHOT = Path("tests") / "snapshots" / "verdicts.csv"
# One expectation per named parameter set, written by the same code as SNAPSHOT.
SET_SNAPSHOTS = Path("tests") / "snapshots" / "params"
# Every answer a claim gets: a change to any of them fails the snapshot test until
# `make snapshot` accepts it (and the corrections log reports it).
SNAPSHOT_COLUMNS = ["claim_id", "chapter", "part_of", "headline", "faithful", "garble",
                    "source_value", "verdict", "evidence_grade", "computed_value", "tolerance"]


def cmd_run(args: argparse.Namespace) -> int:
    parameters: dict[str, Any] = {}
    label = "defaults"
    if args.params:
        parameters.update(load_parameter_set(args.chapter, args.params))
        label = args.params
    for text in [*(args.p or []), *split_assignments(args.set)]:
        name, value = parse_assignment(text)
        parameters[name] = value
        label = "custom"
    out_dir = Path(args.out or project_root() / "_build" / "runs" / args.chapter / label)
    import papermill

    try:
        output = run_chapter(args.chapter, parameters, out_dir, label)
    except papermill.PapermillExecutionError as error:
        # The reader needs the error, not papermill's copy of the whole traceback.
        print(f"{args.chapter} stopped in cell {error.exec_count}: {error.ename}: {error.evalue}",
              file=sys.stderr)
        print(f"the executed notebook, with the traceback: {out_dir / f'{args.chapter}.{label}.ipynb'}",
              file=sys.stderr)
        return 1
    verdicts = pd.read_csv(out_dir / "ledger" / f"{args.chapter}.csv")
    print(f"executed notebook: {output}")
    print(f"verdicts:          {out_dir / 'ledger' / (args.chapter + '.csv')}")
    print(verdicts.loc[verdicts["part_of"].isna(), "headline"].value_counts().to_string())
    return 0


def cmd_datapackage(args: argparse.Namespace) -> int:
    if args.update:
        try:
            changed = datapackage.update_hashes()
        except datapackage.DataPackageError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"checksums updated: {', '.join(changed) or 'none changed'}")
    problems = datapackage.certify() if args.update else datapackage.validate_all()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(("all tables valid" + (", descriptor certified" if args.update else ""))
          if not problems else f"{len(problems)} table(s) invalid")
    return 1 if problems else 0


def snapshot_frame(folder: Path) -> pd.DataFrame:
    frames = [pd.read_csv(path) for path in sorted(folder.glob("*.csv"))]
    if not frames:
        raise SystemExit(f"no verdicts in {folder}: build the book first (make book)")
    frame = pd.concat(frames, ignore_index=True)[SNAPSHOT_COLUMNS]
    return frame.sort_values(["chapter", "claim_id"], ignore_index=True)


def set_snapshot_path(chapter: str, name: str) -> Path:
    """A set's verdicts, in the main snapshot's columns."""
    return project_root() / SET_SNAPSHOTS / f"{chapter}.{name}.csv"


def set_values_path(chapter: str, name: str) -> Path:
    """A set's key computed values: the numbers its page states (glued into prose)."""
    return project_root() / SET_SNAPSHOTS / f"{chapter}.{name}.values.csv"


GLUE_PLAIN = "text/plain"


def _plain(text: str) -> str:
    """A glued value's text: a string without the quotes of its repr."""
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError):
        return text
    return value if isinstance(value, str) else text


def glued_values(notebook: Any) -> pd.DataFrame:
    """Every value an executed chapter glues into its prose (myst-nb ``glue``), as the
    text its record holds: the chapter's computed figures. Glued charts and tables
    (anything with more than a plain-text form) are left out."""
    rows = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            record = output.get("metadata", {}).get("scrapbook")
            if not record or record["name"] == LEDGER_GLUE:  # not a value, the ledger
                continue
            data = {mime.removeprefix(record.get("mime_prefix", "")): value
                    for mime, value in output.get("data", {}).items()}
            if set(data) == {GLUE_PLAIN}:
                rows.append({"name": record["name"], "value": _plain(str(data[GLUE_PLAIN]))})
            elif set(data) == {GLUE_PLAIN, views.MIME}:  # a text: its English
                rows.append({"name": record["name"], "value": str(data[GLUE_PLAIN])})
    frame = pd.DataFrame(rows, columns=["name", "value"])
    return frame.drop_duplicates("name", keep="last").sort_values("name", ignore_index=True)


def value_differences(current: pd.DataFrame, expected: pd.DataFrame) -> list[str]:
    """Glued values added, removed or changed (numbers equal up to float noise)."""
    now = dict(zip(current["name"], current["value"].astype(str)))
    then = dict(zip(expected["name"], expected["value"].astype(str)))
    problems = [f"value {name}: added" for name in sorted(set(now) - set(then))]
    problems += [f"value {name}: removed" for name in sorted(set(then) - set(now))]
    for name in sorted(set(now) & set(then)):
        try:
            same = _same(float(now[name]), float(then[name]))
        except ValueError:
            same = now[name] == then[name]
        if not same:
            problems.append(f"value {name}: {now[name]!r}, expected {then[name]!r}")
    return problems


def write_snapshot(frame: pd.DataFrame, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(target, index=False, lineterminator="\n")


def _same(a: object, b: object) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return bool(a == b)


# The figures a claim is compared with: they may move within the claim's tolerance.
TOLERANT_COLUMNS = ("source_value", "computed_value")


def snapshot_differences(
    current: pd.DataFrame, expected: pd.DataFrame, *, within_tolerance: bool = True
) -> list[str]:
    """What differs between two snapshot frames, one line per difference: claims added
    or removed, then every column of every claim. A value (:data:`TOLERANT_COLUMNS`)
    may move within its claim's tolerance when ``within_tolerance`` (a snapshot pins
    answers, not float noise); otherwise only float noise is equal."""
    now, then = current.set_index("claim_id"), expected.set_index("claim_id")
    problems = [f"{claim}: added" for claim in sorted(set(now.index) - set(then.index))]
    problems += [f"{claim}: removed" for claim in sorted(set(then.index) - set(now.index))]
    for claim in sorted(set(now.index) & set(then.index)):
        for column in then.columns:
            if column not in now.columns:
                problems.append(f"{claim}: column {column} missing")
                continue
            old, new = then.at[claim, column], now.at[claim, column]
            if column in TOLERANT_COLUMNS and not (pd.isna(old) or pd.isna(new)):
                noise = 1e-9 * max(1.0, abs(float(old)))
                allowed = max(float(then.at[claim, "tolerance"]), noise) if within_tolerance \
                    else noise
                if abs(float(new) - float(old)) > allowed:
                    problems.append(f"{claim}: {column} {new!r}, expected {old!r} "
                                    f"(allowed difference {allowed:g})")
            elif not _same(new, old):
                problems.append(f"{claim}: {column} {new!r}, expected {old!r}")
    return problems


def cmd_snapshot(args: argparse.Namespace) -> int:
    folder = Path(args.source) if args.source else ledger_dir()
    defaults = snapshot_frame(folder)
    write_snapshot(defaults, project_root() / SNAPSHOT)
    print(f"wrote {project_root() / SNAPSHOT} from {folder}")
    if args.no_sets:
        return 0
    import tempfile

    import nbformat

    from . import execution

    # The defaults' values are those of the book's own execution (make snapshot builds it).
    default_values = {chapter: glued_values(execution.executed_notebook(chapter))
                      for chapter in sorted(defaults["chapter"].unique())}
    refused = 0
    with tempfile.TemporaryDirectory(prefix="claimsbook-sets-") as scratch:
        jobs = parameter_set_jobs(Path(scratch))
        print(f"running {len(jobs)} parameter sets, {execution.workers()} at a time")
        for result in run_papermill_jobs(jobs):
            job = result.job
            if result.error is not None:
                print(f"{job.chapter} {job.label}: failed: {result.error}", file=sys.stderr)
                refused += 1
                continue
            frame = snapshot_frame(job.out_dir / "ledger")
            values = glued_values(nbformat.read(result.output, as_version=4))
            changed = set_changes(frame, values, defaults, default_values[job.chapter])
            if not changed:
                print(f"{job.chapter} {job.label}: its verdicts and values equal the defaults' "
                      "(is a parameter ignored?); expectation not written", file=sys.stderr)
                refused += 1
                continue
            write_snapshot(frame, set_snapshot_path(job.chapter, job.label))
            write_snapshot(values, set_values_path(job.chapter, job.label))
            print(f"wrote the expectation of {job.chapter} {job.label} "
                  f"({len(changed)} difference(s) from the defaults)")
    return 1 if refused else 0


def set_changes(
    verdicts: pd.DataFrame, values: pd.DataFrame, defaults: pd.DataFrame,
    default_values: pd.DataFrame,
) -> list[str]:
    """How a set's results differ from the defaults' (its verdicts, exactly, and its
    glued values); empty when the set changed nothing."""
    chapter = str(verdicts["chapter"].iloc[0]) if len(verdicts) else ""
    return (snapshot_differences(verdicts, defaults_of(defaults, chapter), within_tolerance=False)
            + value_differences(values, default_values))


def defaults_of(snapshot: pd.DataFrame, chapter: str) -> pd.DataFrame:
    """The rows of one chapter in a snapshot frame."""
    return snapshot[snapshot["chapter"] == chapter].reset_index(drop=True)


def cmd_translations(args: argparse.Namespace) -> int:
    """Refresh the catalogs from the English (``update``) or list what is left to
    translate (``check``, exit status 1 when anything is)."""
    from . import translations

    try:
        if args.action == "update":
            counts = translations.update(pages=not args.no_pages)
            for name, (messages, open_) in counts.items():
                print(f"{name}: {messages} messages, {open_} to translate")
            return 0
        problems = translations.problems()
    except i18n.CatalogError as error:
        print(error, file=sys.stderr)
        return 1
    for problem in problems:
        print(problem)
    print(f"{len(problems)} message(s) untranslated or fuzzy")
    return 1 if problems else 0


def cmd_book(args: argparse.Namespace) -> int:
    from . import execution

    return execution.run(["chapter"] if args.chapters else [], args.every_page,
                         args.force or args.every_page)


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain

    print(explain(args.claim_id))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claimsbook", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="execute one chapter with papermill")
    run.add_argument("chapter", help="chapter notebook stem, e.g. 01-ai-index")
    run.add_argument("--params", help="named parameter set from chapters/params/")
    run.add_argument("-p", action="append", metavar="NAME=VALUE", help="one parameter (YAML value)")
    run.add_argument("--set", metavar="'NAME=VALUE; NAME=VALUE'",
                     help="several parameters in one string, separated by ';'")
    run.add_argument("--out", help="output folder (default _build/runs/<chapter>/<set>)")
    run.set_defaults(func=cmd_run)
    data = sub.add_parser("datapackage", help="validate data/ (and --update checksums)")
    data.add_argument("--update", action="store_true", help="record current sha256 checksums")
    data.set_defaults(func=cmd_datapackage)
    snap = sub.add_parser("snapshot", help="accept current verdicts as tests/snapshots/verdicts.csv "
                          "and each parameter set's as tests/snapshots/params/<chapter>.<set>.csv")
    snap.add_argument("--source", help="ledger folder (default _build/ledger)")
    snap.add_argument("--no-sets", action="store_true",
                      help="only the defaults' snapshot, not the parameter sets' expectations")
    snap.set_defaults(func=cmd_snapshot)
    tr = sub.add_parser("translations", help="update the Chinese catalogs from the English "
                        "(update) or list untranslated and fuzzy messages (check)")
    tr.add_argument("action", choices=["update", "check"])
    tr.add_argument("--no-pages", action="store_true",
                    help="only the package's and the data's catalogs, not the pages'")
    tr.set_defaults(func=cmd_translations)
    book = sub.add_parser("book", help="execute the stale chapters and build both editions "
                          "(make book); each step runs only when what it reads changed")
    book.add_argument("--chapters", action="store_true", help="only the chapters' executions")
    book.add_argument("--force", action="store_true",
                      help="build both editions even if nothing changed")
    book.add_argument("--all", action="store_true", dest="every_page",
                      help="re-write every page (Jupyter Book's --all)")
    book.set_defaults(func=cmd_book)
    why = sub.add_parser("explain", help="one claim's whole path: its rows, the figures they "
                         "reference, both answers and its card in each edition")
    why.add_argument("claim_id")
    why.set_defaults(func=cmd_explain)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
