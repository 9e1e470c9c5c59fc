"""Upstream extracts: read an upstream file, write the tidy table and its manifest.

The scripts in ``scripts/`` differ only in how they tidy; reading the input and
recording where a table came from (``<table>.manifest.json`` next to it) is done
here, once, so that every manifest has the same fields.

A manifest depends on nothing but the upstream bytes and the script: it records the
upstream's own dates, a download URL pinned to a commit (whose bytes cannot change),
the licence and the citation, never the machine's path or the day the script ran, so
re-running a script on the same snapshot reproduces every committed byte.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from claimsbook.core.paths import project_root


@dataclass(frozen=True)
class Origin:
    """An upstream data set as its producer and the pinned copy the book reads state it."""

    producer: str
    title: str
    producer_url: str  # the producer's own page for the data
    download_url: str  # a copy pinned to a commit: its bytes cannot change
    licence: str
    citation: str
    published_on: str  # when the pinned copy was published (its commit date)
    snapshot_date: str  # the data's own date, as its origin states it
    coverage: str = ""  # the period the data spans, where its origin states one


ARENA_HISTORY = Origin(
    producer="LMSYS / LMArena Chatbot Arena, compiled by jasontrigg0/chatbot-arena-history "
             "from the leaderboard's published result files",
    title="Chatbot Arena leaderboard history (alltime.csv)",
    producer_url="https://github.com/jasontrigg0/chatbot-arena-history",
    download_url="https://raw.githubusercontent.com/jasontrigg0/chatbot-arena-history/"
                 "8862846ca4d3f121124b4737de25d2d6d7876187/alltime.csv",
    licence="none stated by the compiler; the figures are LMArena's published scores",
    citation="Chiang, W.-L. et al. (2024). Chatbot Arena: An Open Platform for Evaluating "
             "LLMs by Human Preference. ICML 2024. Leaderboard history compiled by "
             "jasontrigg0/chatbot-arena-history, commit 8862846.",
    published_on="2025-05-24",
    snapshot_date="2025-03-26",
    coverage="leaderboard dates 2023-05-08 to 2025-03-26",
)

EPOCH_BENCHMARKS = Origin(
    producer="Epoch AI",
    title="Data on AI Benchmarking (Benchmarking Hub export)",
    producer_url="https://epoch.ai/benchmarks",
    # The export as mirrored, unchanged, in a public repository; the file names are
    # appended to this folder URL (see ``input_files`` in the manifest).
    download_url="https://raw.githubusercontent.com/louis0487/LLM-Benchmark-Lifecycle/"
                 "ae0d22b02ee15e9e3205ea7071e29341a5d2c4ca/benchmark_data/",
    licence="CC-BY-4.0",
    citation="Epoch AI, 'Data on AI Benchmarking'. Published online at epoch.ai. Retrieved "
             "from 'https://epoch.ai/benchmarks' [online resource].",
    published_on="2026-03-12",
    snapshot_date="2026-03-12",
)

EPOCH_NOTABLE_MODELS = Origin(
    producer="Epoch AI",
    title="Data on Notable AI Models",
    producer_url="https://epoch.ai/data/notable-ai-models",
    download_url="https://raw.githubusercontent.com/VinodGeorge24/AI_Benchmark/"
                 "18b18f4554f5a18ca77a9832e1441e797af3faa2/notable_ai_models.csv",
    licence="CC-BY-4.0",
    citation="Epoch AI, 'Data on Notable AI Models'. Published online at epoch.ai. Retrieved "
             "from 'https://epoch.ai/data/notable-ai-models' [online resource].",
    published_on="2025-04-18",
    snapshot_date="2025-03-16",
    coverage="models published up to 2025-03-16 (the newest publication date in the file)",
)


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
    """The output's path inside the book; only its name when written elsewhere (a
    manifest never holds a machine's own folders)."""
    try:
        return path.resolve().relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return path.name


def manifest_path(table_path: Path) -> Path:
    return table_path.with_name(f"{table_path.stem}.manifest.json")


def write_extract(
    table: pd.DataFrame,
    out: Path,
    *,
    origin: Origin,
    input_sha256: str,
    script: str,
    **extra: Any,
) -> dict[str, Any]:
    """Write ``table`` to ``out`` (CSV, LF line ends) and its manifest beside it;
    return the manifest. ``extra`` fields (a note, the input files) come last."""
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, lineterminator="\n")
    manifest = {
        "title": origin.title,
        "producer": origin.producer,
        "producer_url": origin.producer_url,
        "source_url": origin.download_url,
        "licence": origin.licence,
        "citation": origin.citation,
        "published_on": origin.published_on,
        "snapshot_date": origin.snapshot_date,
        **({"coverage": origin.coverage} if origin.coverage else {}),
        "input_sha256": input_sha256,
        "script": script,
        "output": _display_path(out),
        "rows": int(len(table)),
        **extra,
    }
    manifest_path(out).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} rows to {out} and its manifest")
    return manifest


def one_file_main(
    description: str,
    *,
    origin: Origin,
    default_out: Path,
    tidy: Callable[[pd.DataFrame], pd.DataFrame],
    script: str,
    argv: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The command line of a script that tidies one upstream CSV:
    ``--from PATH-or-URL`` (default: the pinned download URL) and ``--out``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--from", dest="source", default=origin.download_url,
                        help="path or URL of the upstream file (default: %(default)s)")
    parser.add_argument("--out", default=str(default_out))
    args = parser.parse_args(argv)
    raw = read_source(args.source)
    table = tidy(pd.read_csv(io.BytesIO(raw)))
    return write_extract(table, Path(args.out), origin=origin, input_sha256=sha256_hex(raw),
                         script=script, **extra)
