"""Extract the Epoch Capabilities Index and three benchmark tables (MMLU, MATH level 5,
GPQA Diamond) from an Epoch AI Benchmarking Hub export into one tidy table for the
chapter "How many months behind?".

Usage:
    python scripts/extract_epoch_benchmarks.py --from /path/to/epoch-benchmarking-hub-export/
        [--out data/months-behind/epoch_benchmarks.csv]

Without --from the script reads the four CSVs from the pinned public copy of the
export (needs the network). Only rows whose Epoch country names the United States, China or a
European country are kept; scores are converted to the units named in ``unit``.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import EPOCH_BENCHMARKS, read_source, sha256_hex, write_extract

# metric id -> (file, score column, multiplier, unit)
TABLES = {
    "eci": ("epoch_capabilities_index.csv", "ECI Score", 1.0, "ECI points"),
    "mmlu": ("mmlu_external.csv", "EM", 100.0, "percent correct"),
    "math-level-5": ("math_level_5.csv", "mean_score", 100.0, "percent correct"),
    "gpqa-diamond": ("gpqa_diamond.csv", "mean_score", 100.0, "percent correct"),
}
KEEP_COUNTRIES = (
    "United States of America", "China", "Hong Kong", "France", "Germany",
    "United Kingdom of Great Britain and Northern Ireland",
)
COLUMNS = [
    "metric", "model_version", "organization", "country", "release_date",
    "accessibility", "score", "unit",
]


def read_inputs(source: str) -> tuple[dict[str, pd.DataFrame], str]:
    """The four tables and one sha256 over their bytes (in TABLES order), from an
    export folder, or a folder URL the file names are appended to."""
    if Path(source).is_dir():
        raws = [(Path(source) / name).read_bytes() for name, *_rest in TABLES.values()]
    else:
        base = source if source.endswith("/") else source + "/"
        raws = [read_source(base + name) for name, *_rest in TABLES.values()]
    frames = {metric: pd.read_csv(io.BytesIO(raw)) for metric, raw in zip(TABLES, raws)}
    return frames, sha256_hex(*raws)


def tidy(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    eci = frames["eci"]
    access = (
        eci.dropna(subset=["Model accessibility"])
        .drop_duplicates("Model version")
        .set_index("Model version")["Model accessibility"]
    )
    parts = []
    for metric, (_name, column, factor, unit) in TABLES.items():
        table = frames[metric]
        out = pd.DataFrame(
            {
                "metric": metric,
                "model_version": table["Model version"].str.strip(),
                "organization": table["Organization"],
                "country": table["Country"],
                "release_date": pd.to_datetime(table["Release date"]).dt.strftime("%Y-%m-%d"),
                "accessibility": table["Model version"].map(access),
                "score": (table[column] * factor).round(4),
                "unit": unit,
            }
        )
        keep = out["score"].notna() & out["release_date"].notna() & out["country"].fillna("").apply(
            lambda c: any(k in c for k in KEEP_COUNTRIES)
        )
        parts.append(out[keep])
    result = pd.concat(parts, ignore_index=True)
    return result.sort_values(["metric", "release_date", "model_version", "score"]).reset_index(drop=True)[COLUMNS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", default=EPOCH_BENCHMARKS.download_url,
                        help="export folder, or its folder URL (default: %(default)s)")
    parser.add_argument("--out", default="data/months-behind/epoch_benchmarks.csv")
    args = parser.parse_args()
    frames, sha = read_inputs(args.source)
    write_extract(
        tidy(frames), Path(args.out), origin=EPOCH_BENCHMARKS, input_sha256=sha,
        script="scripts/extract_epoch_benchmarks.py",
        input_files=[spec[0] for spec in TABLES.values()],
    )


if __name__ == "__main__":
    main()
