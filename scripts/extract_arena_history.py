"""Extract a tidy Chatbot Arena leaderboard history for chapter 01-ai-index.

Reads ``alltime.csv`` of jasontrigg0/chatbot-arena-history (one row per model per
leaderboard date) and writes ``data/ai-index/arena_history.csv`` with ISO dates, the
rating, and which kind of rating it is: before 2024-03-27 the compiled ``rating`` is
the online Elo, from then on the published (Bradley-Terry) Arena score.

Usage::

    python scripts/extract_arena_history.py --from /path/to/alltime.csv
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import ARENA_HISTORY, one_file_main

ARENA_SCORE_FROM = "2024-03-27"
ROOT = Path(__file__).resolve().parents[1]


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
    one_file_main(
        __doc__.splitlines()[0], origin=ARENA_HISTORY,
        default_out=ROOT / "data/ai-index/arena_history.csv", tidy=tidy,
        script="scripts/extract_arena_history.py",
        note="Before 2024-03-27 the rating is the online Elo, not the published Arena score.",
    )


if __name__ == "__main__":
    main()
