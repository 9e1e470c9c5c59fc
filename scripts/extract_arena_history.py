"""Extract a tidy Chatbot Arena leaderboard history for chapter 01-ai-index.

Reads ``alltime.csv`` of jasontrigg0/chatbot-arena-history (one row per model per
leaderboard date) and writes ``data/ai-index/arena_history.csv`` with ISO dates, the
rating, and which kind of rating it is: before 2024-03-27 the compiled ``rating`` is
the online Elo, from then on the published (Bradley-Terry) Arena score.

Usage::

    python scripts/extract_arena_history.py --from /path/to/alltime.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd

SOURCE_URL = (
    "https://raw.githubusercontent.com/jasontrigg0/chatbot-arena-history/"
    "8862846ca4d3f121124b4737de25d2d6d7876187/alltime.csv"
)
LICENCE = "none stated by the compiler; the scores are LMArena's published leaderboard figures"
ARENA_SCORE_FROM = "2024-03-27"
ROOT = Path(__file__).resolve().parents[1]


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(raw["date"].astype(str), format="%Y%m%d").dt.strftime("%Y-%m-%d"),
            "model_key": raw["key"].astype(str).str.strip(),
            "model": raw["Model"].astype(str).str.strip(),
            "organization": raw["Organization"].astype(str).str.strip(),
            "licence": raw["License"].astype(str).str.strip(),
            "rating": raw["rating"].astype(float).round(3),
        }
    )
    out["rating_kind"] = (out["date"] >= ARENA_SCORE_FROM).map(
        {True: "arena-score", False: "online-elo"}
    )
    out = out.drop_duplicates(["date", "model_key"]).sort_values(["date", "rating"], ascending=[True, False])
    return out.reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", default=SOURCE_URL, help="path or URL of alltime.csv")
    parser.add_argument("--out", default=str(ROOT / "data/ai-index/arena_history.csv"))
    args = parser.parse_args()
    raw = pd.read_csv(args.source)
    table = tidy(raw)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False, lineterminator="\n")
    is_local = Path(args.source).is_file()
    manifest = {
        "source_url": SOURCE_URL,
        "licence": LICENCE,
        "snapshot_date": max(table["date"]),
        "input_sha256": sha256(args.source) if is_local else None,
        "retrieved_from": args.source,
        "retrieved_on": dt.date.today().isoformat(),
        "script": "scripts/extract_arena_history.py",
        "output": str(out.relative_to(ROOT)) if out.is_relative_to(ROOT) else str(out),
        "rows": int(len(table)),
        "note": "Before 2024-03-27 the rating is the online Elo, not the published Arena score.",
    }
    out.with_name("arena_history.manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {len(table)} rows to {out}")


if __name__ == "__main__":
    main()
