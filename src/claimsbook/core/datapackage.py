"""Load the book's tables, validated against ``data/datapackage.json``.

Every table is checked by Frictionless (types, constraints, primary and foreign
keys) and by its sha256 before a chapter sees it. A violation stops with the
file, the row, the column and the rule; a chapter never computes on a table
that does not match its schema.

The descriptor records every table's sha256, and the checksum is checked on every
load, so the descriptor fixes the bytes of every table and every schema. It also
certifies itself: ``claimsbook datapackage --update`` validates every table with
Frictionless and only then records a digest of the descriptor (and of the Frictionless
version) under ``validated``. A descriptor that still matches that digest is the one
Frictionless accepted, and loading skips Frictionless; an edited schema no longer
matches, and is validated again. The data tier's ``validate_all`` always runs
Frictionless itself.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from . import inputs
from .paths import data_dir

MAX_ERRORS_SHOWN = 10

class DataPackageError(ValueError):
    """A table does not match its description in ``data/datapackage.json``."""


def descriptor_path() -> Path:
    return data_dir() / "datapackage.json"


def load_descriptor(path: Path | None = None) -> dict[str, Any]:
    path = path or descriptor_path()
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def resource_names(descriptor: dict[str, Any] | None = None) -> list[str]:
    descriptor = descriptor or load_descriptor()
    return [resource["name"] for resource in descriptor["resources"]]


def _resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    raise DataPackageError(
        f"no table named {name!r} in {descriptor_path()}; "
        f"tables: {', '.join(resource_names(descriptor))}"
    )


def _format_errors(path: Path, errors: Iterable[Any]) -> str:
    lines = []
    for count, error in enumerate(errors):
        if count == MAX_ERRORS_SHOWN:
            lines.append("  ... (more errors not shown)")
            break
        row = getattr(error, "row_number", None)
        field = getattr(error, "field_name", None)
        where = ", ".join(
            part
            for part in (
                f"row {row}" if row is not None else "",
                f"column {field!r}" if field else "",
            )
            if part
        )
        cell = getattr(error, "cell", None)
        value = f" (value {cell!r})" if cell not in (None, "") else ""
        lines.append(f"  {where or 'table'}: [{error.type}] {error.note or error.message}{value}")
    return f"{path} does not match its schema in datapackage.json:\n" + "\n".join(lines)


def _check_header(path: Path, expected: list[str]) -> None:
    """Name missing and unexpected columns plainly (Frictionless matches columns by
    position, so one missing column reads as a cascade of mislabelled ones)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    missing = [name for name in expected if name not in header]
    unexpected = [name for name in header if name not in expected]
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(map(repr, missing))}")
        if unexpected:
            parts.append(f"unexpected column(s) {', '.join(map(repr, unexpected))}")
        raise DataPackageError(
            f"{path} does not match its schema in datapackage.json:\n  header: [missing-label] "
            + "; ".join(parts)
            + f"; the schema's columns are: {', '.join(expected)}"
        )
    if header != expected:
        raise DataPackageError(
            f"{path} does not match its schema in datapackage.json:\n  header: [incorrect-label] "
            f"columns are in the order {', '.join(header)}; the schema's order is {', '.join(expected)}"
        )


# The descriptor's key for its own digest, recorded once every table was found valid.
CERTIFICATE = "validated"


def certificate(descriptor: dict[str, Any]) -> str:
    """The digest that certifies ``descriptor`` (every table's checksum and schema) as
    validated by this version of Frictionless."""
    body = {key: value for key, value in descriptor.items() if key != CERTIFICATE}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    text += f"\0frictionless {importlib.metadata.version('frictionless')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_certified(descriptor: dict[str, Any]) -> bool:
    return descriptor.get(CERTIFICATE) == certificate(descriptor)


def _descriptor_text(descriptor: dict[str, Any]) -> str:
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def validate_table(name: str, descriptor_file: Path | None = None, force: bool = False) -> None:
    """Check one table's checksum and schema; raise :class:`DataPackageError` naming
    the file, row, column and rule of each violation. Frictionless runs unless the
    descriptor is certified (``force``: always)."""
    descriptor_file = descriptor_file or descriptor_path()
    descriptor = load_descriptor(descriptor_file)
    _check_bytes(descriptor_file, descriptor, name)
    if force or not is_certified(descriptor):
        if problems := _validate([name], descriptor_file):
            raise DataPackageError(problems[0])


def _validate(names: list[str], descriptor_file: Path) -> list[str]:
    """Frictionless's check of each named table (types, constraints and keys; checksums
    are ours), one message per invalid table. The package is read once for all of them:
    read again per table, it cost two thirds of a whole validation."""
    from frictionless import Package  # only here: a certified descriptor never needs it

    package, descriptor = Package(str(descriptor_file)), load_descriptor(descriptor_file)
    problems = []
    for name in names:
        try:
            path = _check_bytes(descriptor_file, descriptor, name)
        except DataPackageError as error:
            problems.append(str(error))
            continue
        table = package.get_resource(name)
        table.hash = None
        table.bytes = None
        report = table.validate()
        if not report.valid:
            errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
            problems.append(_format_errors(path, errors))
    return problems


def check_certified(descriptor_file: Path | None = None) -> None:
    """What a build requires before any kernel starts, without Frictionless (it ran
    when the certificate was recorded): every table matches its checksum and header,
    and the descriptor its certificate."""
    descriptor_file = descriptor_file or descriptor_path()
    descriptor = load_descriptor(descriptor_file)
    for name in resource_names(descriptor):
        _check_bytes(descriptor_file, descriptor, name)
    if not is_certified(descriptor):
        raise DataPackageError(
            f"{descriptor_file} changed since its tables were last validated (a schema edited "
            "by hand?); run `claimsbook datapackage --update` to validate them and record it")


def _check_bytes(descriptor_file: Path, descriptor: dict[str, Any], name: str) -> Path:
    """A table's file exists, matches its recorded sha256 and has its schema's header."""
    resource = _resource(descriptor, name)
    path = descriptor_file.parent / resource["path"]
    if not path.is_file():
        raise DataPackageError(f"table {name!r}: file {path} does not exist")
    expected = resource.get("hash", "")
    actual = "sha256:" + sha256_of(path)
    if expected != actual:
        raise DataPackageError(
            f"{path}: checksum {actual} differs from {expected or 'nothing'} recorded in "
            "datapackage.json; if the change is deliberate, run `claimsbook datapackage --update`"
        )
    _check_header(path, [field["name"] for field in resource["schema"]["fields"]])
    return path


_PANDAS_TYPES = {
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "string": "string",
}


# Frictionless's defaults: what it accepted on validation is what is read here.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


def _booleans(column: pd.Series, field: dict[str, Any]) -> pd.Series:
    mapping: dict[str, bool] = dict.fromkeys(field.get("trueValues", TRUE_VALUES), True)
    mapping.update(dict.fromkeys(field.get("falseValues", FALSE_VALUES), False))
    unknown = sorted(set(column.dropna()) - set(mapping))
    if unknown:  # validation should have stopped these; never read them as missing
        raise DataPackageError(
            f"column {field['name']!r}: {unknown} are neither true values {sorted(mapping)} "
            "nor false ones")
    return column.map(mapping, na_action="ignore").astype("boolean")


def load_table(name: str, descriptor_file: Path | None = None) -> pd.DataFrame:
    """Validate the table ``name`` and return it with the column types of its schema."""
    descriptor_file = descriptor_file or descriptor_path()
    validate_table(name, descriptor_file)
    resource = _resource(load_descriptor(descriptor_file), name)
    path = descriptor_file.parent / resource["path"]
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for field in fields:
        column = frame[field["name"]].replace("", pd.NA)
        kind = field.get("type", "string")
        if kind in ("date", "datetime"):
            frame[field["name"]] = pd.to_datetime(column)
        elif kind == "boolean":
            frame[field["name"]] = _booleans(column, field)
        elif kind in ("integer", "number"):
            frame[field["name"]] = pd.to_numeric(column).astype(_PANDAS_TYPES[kind])
        else:
            frame[field["name"]] = column.astype("string")
    inputs.record_read(path)
    return frame


def update_hashes(descriptor_file: Path | None = None) -> list[str]:
    """Record each table's current sha256 and size in the descriptor; return the
    names of the tables whose checksum changed. A changed table that fails its schema
    is refused (:class:`DataPackageError` naming every problem) and nothing is
    recorded: a checksum certifies a valid table."""
    descriptor_file = descriptor_file or descriptor_path()
    descriptor = load_descriptor(descriptor_file)
    changed = []
    for resource in descriptor["resources"]:
        path = descriptor_file.parent / resource["path"]
        digest = "sha256:" + sha256_of(path)
        if resource.get("hash") != digest:
            changed.append(resource["name"])
        resource["hash"] = digest
        resource["bytes"] = path.stat().st_size
    descriptor.pop(CERTIFICATE, None)  # recorded again by certify(), once all are valid
    text = _descriptor_text(descriptor)
    # Validate against the would-be descriptor, beside the real one so that relative
    # paths resolve, before anything is written.
    candidate = descriptor_file.with_name(f".{descriptor_file.name}.candidate")
    candidate.write_text(text, encoding="utf-8")
    try:
        problems = _validate(changed, candidate) if changed else []
    finally:
        candidate.unlink()
    if problems:
        raise DataPackageError(
            "checksums not recorded: fix the table(s) first\n" + "\n".join(problems))
    descriptor_file.write_text(text, encoding="utf-8")
    return changed


def validate_all(descriptor_file: Path | None = None) -> list[str]:
    """Validate every table with Frictionless (certified or not); return the problems
    found, one message per table."""
    descriptor_file = descriptor_file or descriptor_path()
    return _validate(resource_names(load_descriptor(descriptor_file)), descriptor_file)


def certify(descriptor_file: Path | None = None) -> list[str]:
    """Validate every table with Frictionless and, when all are valid, record the
    descriptor's certificate; return the problems found (nothing is recorded then)."""
    descriptor_file = descriptor_file or descriptor_path()
    problems = validate_all(descriptor_file)
    if not problems:
        descriptor = load_descriptor(descriptor_file)
        descriptor[CERTIFICATE] = certificate(descriptor)
        descriptor_file.write_text(_descriptor_text(descriptor), encoding="utf-8")
    return problems
