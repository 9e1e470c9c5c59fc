"""Upstream extracts: read an upstream file, write the tidy table and its manifest.

The scripts in ``scripts/`` differ only in how they tidy; reading the input and
recording where a table came from (``<table>.manifest.json`` next to it) is done
here, once, so that every manifest has the same fields.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from claimsbook.core.paths import project_root


def read_source(source: str, timeout: float = 60) -> bytes:
    """The bytes of a local file, or of an http(s) URL (the only step that needs
    the network, and only when a script is run without ``--from PATH``)."""
    if Path(source).is_file():
        return Path(source).read_bytes()
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=timeout) as response:  # noqa: S310
            return response.read()
    raise FileNotFoundError(f"{source}: no such file, and not an http(s) URL")


def sha256_hex(*parts: bytes) -> str:
    """One sha256 over the parts, in order (an input made of several files)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return str(path)


def manifest_path(table_path: Path) -> Path:
    return table_path.with_name(f"{table_path.stem}.manifest.json")


def write_extract(
    table: pd.DataFrame,
    out: Path,
    *,
    source_url: str,
    licence: str,
    snapshot_date: str,
    input_sha256: str,
    retrieved_from: str,
    script: str,
    **extra: Any,
) -> dict[str, Any]:
    """Write ``table`` to ``out`` (CSV, LF line ends) and its manifest beside it;
    return the manifest. ``extra`` fields (a note, a citation) come last."""
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, lineterminator="\n")
    manifest = {
        "source_url": source_url,
        "licence": licence,
        "snapshot_date": snapshot_date,
        "input_sha256": input_sha256,
        "retrieved_from": retrieved_from,
        "retrieved_on": date.today().isoformat(),
        "script": script,
        "output": _display_path(out),
        "rows": int(len(table)),
        **extra,
    }
    manifest_path(out).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} rows to {out} and its manifest")
    return manifest


def one_file_main(
    description: str,
    *,
    source_url: str,
    default_out: Path,
    tidy: Callable[[pd.DataFrame], pd.DataFrame],
    snapshot_date: Callable[[pd.DataFrame], str],
    licence: str,
    script: str,
    argv: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The command line of a script that tidies one upstream CSV:
    ``--from PATH-or-URL`` (default: the public URL) and ``--out``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--from", dest="source", default=source_url,
                        help="path or URL of the upstream file (default: %(default)s)")
    parser.add_argument("--out", default=str(default_out))
    args = parser.parse_args(argv)
    raw = read_source(args.source)
    table = tidy(pd.read_csv(io.BytesIO(raw)))
    return write_extract(
        table, Path(args.out), source_url=source_url, licence=licence,
        snapshot_date=snapshot_date(table), input_sha256=sha256_hex(raw),
        retrieved_from=str(args.source), script=script, **extra)
