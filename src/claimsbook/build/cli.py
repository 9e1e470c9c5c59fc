"""Command line: run a chapter with parameters, refresh checksums, accept a snapshot.

    claimsbook run 01-ai-index --params online-elo -p "benchmarks=['MMLU']"
    claimsbook datapackage --update
    claimsbook snapshot
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..core import datapackage, params
from ..core.paths import ledger_dir, project_root

SNAPSHOT = Path("tests") / "snapshots" / "verdicts.csv"
# Every answer a claim gets: a change to any of them fails the snapshot test until
# `make snapshot` accepts it (and the corrections log reports it).
SNAPSHOT_COLUMNS = ["claim_id", "chapter", "part_of", "headline", "faithful", "garble",
                    "source_value", "verdict", "evidence_grade", "computed_value", "tolerance"]


def chapters_dir() -> Path:
    return project_root() / "chapters"


def chapter_notebook(chapter: str) -> Path:
    path = chapters_dir() / f"{chapter}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in chapters_dir().glob("*.ipynb"))
        raise SystemExit(f"no chapter {chapter!r}; chapters: {', '.join(known)}")
    return path


def parameter_sets(chapter: str) -> dict[str, Path]:
    """Named parameter sets: ``chapters/params/<chapter>.<name>.yaml``."""
    return {
        path.name[len(chapter) + 1 : -len(".yaml")]: path
        for path in sorted((chapters_dir() / "params").glob(f"{chapter}.*.yaml"))
    }


def load_parameter_set(chapter: str, name: str) -> dict[str, Any]:
    sets = parameter_sets(chapter)
    if name not in sets:
        raise SystemExit(
            f"no parameter set {name!r} for {chapter}; sets: {', '.join(sets) or 'none'}"
        )
    values = yaml.safe_load(sets[name].read_text(encoding="utf-8")) or {}
    if not isinstance(values, dict):
        raise SystemExit(f"{sets[name]} must hold a mapping of parameter names to values")
    return values


def parse_assignment(text: str) -> tuple[str, Any]:
    """``name=value`` with the value read as YAML (numbers, lists, dates as strings)."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise SystemExit(f"-p expects name=value, got {text!r}")
    value = yaml.safe_load(raw)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return name.strip(), value


def split_assignments(text: str | None) -> list[str]:
    """``"a=1; b=[China, United States]"`` -> ``["a=1", "b=[China, United States]"]``:
    one string for make's ``SET``, whose values may hold spaces."""
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def run_chapter(
    chapter: str, parameters: dict[str, Any], out_dir: Path, label: str = "custom"
) -> Path:
    """Execute a chapter with papermill into ``out_dir``; its verdicts go to
    ``out_dir/ledger`` and its chart data to ``out_dir/chart-data``, never into the book.
    A failing cell raises papermill's ``PapermillExecutionError``."""
    from . import execution

    check_parameter_names(chapter, parameters)
    result = execution.run_papermill(execution.PapermillJob(chapter, parameters, out_dir, label))
    if result.error is not None:
        raise result.error
    return result.output


def check_parameter_names(chapter: str, parameters: dict[str, Any]) -> None:
    """Refuse a name the chapter does not declare, before any kernel starts."""
    import papermill

    try:
        params.check_names(papermill.inspect_notebook(str(chapter_notebook(chapter))), parameters)
    except params.ParameterError as error:
        raise SystemExit(f"{chapter}: {error}") from None


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
        changed = datapackage.update_hashes()
        print(f"checksums updated: {', '.join(changed) or 'none changed'}")
    problems = datapackage.validate_all()
    for problem in problems:
        print(problem, file=sys.stderr)
    print("all tables valid" if not problems else f"{len(problems)} table(s) invalid")
    return 1 if problems else 0


def snapshot_frame(folder: Path) -> pd.DataFrame:
    frames = [pd.read_csv(path) for path in sorted(folder.glob("*.csv"))]
    if not frames:
        raise SystemExit(f"no verdicts in {folder}: build the book first (make book)")
    frame = pd.concat(frames, ignore_index=True)[SNAPSHOT_COLUMNS]
    return frame.sort_values(["chapter", "claim_id"], ignore_index=True)


def cmd_snapshot(args: argparse.Namespace) -> int:
    folder = Path(args.source) if args.source else ledger_dir()
    target = project_root() / SNAPSHOT
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot_frame(folder).to_csv(target, index=False)
    print(f"wrote {target} from {folder}")
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
    snap = sub.add_parser("snapshot", help="accept current verdicts as tests/snapshots/verdicts.csv")
    snap.add_argument("--source", help="ledger folder (default _build/ledger)")
    snap.set_defaults(func=cmd_snapshot)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
