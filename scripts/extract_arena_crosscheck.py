"""Extract the Chatbot Arena history of the models that the BOC Research report's
figure 6 (openlm.ai, 2025-09-01) also lists, for the commercialisation chapter's
cross-check.

Usage: python scripts/extract_arena_crosscheck.py --from PATH/alltime.csv
       [--out data/commercialisation/arena_history_matches.csv]
Without --from the pinned public file is read (needs the network).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import ARENA_HISTORY, one_file_main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data/commercialisation/arena_history_matches.csv"

# arena-history key -> model name as figure 6 prints it
MATCHES = {
    "chatgpt-4o-latest-20250326": "ChatGPT-4o-latest (2025-03-26)",
    "grok-3-preview-02-24": "Grok-3-Preview-02-24",
    "gpt-4.5-preview-2025-02-27": "GPT-4.5-Preview",
    "gemini-2.0-pro-exp-02-05": "Gemini-2.0-Pro-Exp-02-05",
    "deepseek-r1": "DeepSeek-R1",
    "gemma-3-27b-it": "Gemma-3-27B-It",
}


def extract(frame: pd.DataFrame) -> pd.DataFrame:
    rows = frame[frame["key"].isin(MATCHES)].copy()
    missing = sorted(set(MATCHES) - set(rows["key"]))
    if missing:
        raise SystemExit(f"models missing from the history: {missing}")
    rows["date"] = pd.to_datetime(rows["date"].astype(str), format="%Y%m%d").dt.strftime("%Y-%m-%d")
    rows["figure6_model"] = rows["key"].map(MATCHES)
    rows["rating"] = rows["rating"].round(2)
    rows["source_id"] = "arena-history"
    rows["location"] = "alltime.csv, leaderboard of " + rows["date"]
    out = rows.rename(columns={"Model": "arena_model", "License": "licence",
                               "Organization": "organisation"})
    cols = ["key", "arena_model", "figure6_model", "date", "rating", "licence",
            "organisation", "source_id", "location"]
    return out[cols].sort_values(["key", "date"]).reset_index(drop=True)


def main() -> None:
    one_file_main(
        __doc__.splitlines()[0], origin=ARENA_HISTORY, default_out=OUT, tidy=extract,
        script="scripts/extract_arena_crosscheck.py",
    )


if __name__ == "__main__":
    main()
