"""``claimsbook explain CLAIM_ID``: one claim's whole path through the book, from its
row in ``data/claims.csv`` to its card in each edition — the rows, figures, sources,
answers and addresses that are otherwise joined only by strings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..core import datapackage, i18n
from ..core.ledger import COMPUTED, checks_resource
from ..core.paths import edition_build_dir, project_root
from . import execution

# References a checks row makes: columns that hold one reference or a ';' list, and
# '{table/row}' placeholders inside its texts.
_REFERENCE_COLUMNS = ("source_ref", "garbled_from", "evidence_ref", "context")
_PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9-]*/[A-Za-z0-9_.:+-]+)\}")


def _row(frame: pd.DataFrame, key: str, value: str) -> dict[str, str] | None:
    found = frame[frame[key].astype(str) == value]
    if found.empty:
        return None
    return {k: str(v) for k, v in found.iloc[0].items() if pd.notna(v) and str(v) != ""}


def _fields(row: dict[str, str], indent: str = "    ") -> Iterator[str]:
    width = max(map(len, row)) if row else 0
    for key, value in row.items():
        yield f"{indent}{key.ljust(width)}  {value}"


def references(check: dict[str, str]) -> list[str]:
    """Every figure a checks row names, in the order it names them, once each."""
    found: list[str] = []
    for column in _REFERENCE_COLUMNS:
        found += [ref.strip() for ref in check.get(column, "").split(";") if ref.strip()]
    for column in ("searched", "note"):
        found += _PLACEHOLDER.findall(check.get(column, ""))
    return list(dict.fromkeys(found))


def _figure(ref: str, sources: pd.DataFrame) -> Iterator[str]:
    resource, _, key = ref.partition("/")
    if resource == COMPUTED:
        yield f"  {ref}: a value the chapter computes and records (chapter.record)"
        return
    descriptor = datapackage.load_descriptor()
    table = next((r for r in descriptor["resources"] if r["name"] == resource), None)
    if table is None:
        yield f"  {ref}: no table {resource!r} in data/datapackage.json"
        return
    frame = datapackage.load_table(resource)
    row = _row(frame, frame.columns[0], key)
    if row is None:
        yield f"  {ref}: table {resource!r} (data/{table['path']}) has no row {key!r}"
        return
    yield f"  {ref}: data/{table['path']}, row {key!r}"
    yield from _fields(row)
    source = _row(sources, "source_id", row.get("source_id", ""))
    if source:
        yield (f"    -> source {source['source_id']}: {source.get('outlet', '')}, "
               f"{source.get('title', '')} ({source.get('date', '')}) {source.get('url', '')}")


def _answers(claim_id: str, chapter: str, lang: str) -> Iterator[str]:
    path = edition_build_dir(lang) / "ledger" / f"{chapter}.csv"
    if not path.is_file():
        yield f"  ({lang}) not built yet: run `make book` ({path} is missing)"
        return
    row = _row(pd.read_csv(path, keep_default_na=False), "claim_id", claim_id)
    if row is None:
        yield f"  ({lang}) no answer in {path}: rebuild the book"
        return
    yield (f"  ({lang}) headline {row.get('headline')}; faithful {row.get('faithful')}"
           f"{' (' + row['garble'] + ')' if row.get('garble') else ''}; holds "
           f"{row.get('verdict')} on {row.get('evidence_grade')}")
    yield f"    faithful? {row.get('faithful_reason', '')}"
    yield f"    holds?    {row.get('holds_reason', '')}"


def explain(claim_id: str) -> str:
    claims = datapackage.load_table("claims")
    claim = _row(claims, "claim_id", claim_id)
    if claim is None:
        close = [c for c in claims["claim_id"] if claim_id.split("-")[0] in c][:5]
        raise SystemExit(f"no claim {claim_id!r} in data/claims.csv"
                         + (f"; ids alike: {', '.join(close)}" if close else ""))
    chapter = claim["chapter"]
    resource = checks_resource(chapter)
    checks = datapackage.load_table(resource)
    check = _row(checks, "claim_id", claim_id) or {}
    sources = datapackage.load_table("sources")
    lines = [f"claim {claim_id} — chapter {chapter}, section {claim.get('section')}",
             "", "1. data/claims.csv", *_fields(claim)]
    parts = sorted(claims.loc[claims["part_of"].astype(str) == claim_id, "claim_id"])
    if parts:
        lines.append(f"    parts: {', '.join(parts)}")
    lines += ["", f"2. data/{chapter.split('-', 1)[1]}/checks.csv ({resource})",
              *_fields(check)]
    refs = references(check)
    lines += ["", "3. figures it references" + ("" if refs else ": none")]
    for ref in refs:
        lines += list(_figure(ref, sources))
    lines += ["", "4. the answers the last build computed"]
    for lang in i18n.LANGUAGES:
        lines += list(_answers(claim_id, chapter, lang))
    lines += ["", "5. the card"]
    for lang in i18n.LANGUAGES:
        folder = i18n.EDITION_FOLDER[lang]
        prefix = f"{folder}/" if folder else ""
        lines.append(f"  ({lang}) _build/html/{prefix}chapters/{chapter}.html#claim-{claim_id}")
    notebook = Path("chapters") / f"{chapter}.ipynb"
    lines += ["", f"6. computed in {notebook}, which executes again when one of these "
              "changes (its package's READS and USES; rules: how-we-judge.md):"]
    if not (project_root() / notebook).is_file():
        lines.append(f"  ({notebook} not found)")
        return "\n".join(lines)
    root = project_root().resolve()
    lines += [f"  {path.resolve().relative_to(root)}" if path.resolve().is_relative_to(root)
              else f"  {path}" for path in execution.declared_inputs(chapter, root)
              if "/core/" not in path.as_posix()]
    lines.append("  and every module of src/claimsbook/core/")
    return "\n".join(lines)
