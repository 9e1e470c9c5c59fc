"""Extract, from the Chatbot Arena leaderboard history, one row per model of the last
leaderboard: its rating on that leaderboard (one common scale) and the date it was
first listed (a proxy for its release), for the chapter "How many months behind?".

Usage:
    python scripts/extract_arena_frontier.py --from /path/to/alltime.csv
        [--aliases data/months-behind/arena_aliases.csv]
        [--out data/months-behind/arena_models.csv]

Models listed earlier under another key (``arena_aliases.csv``: key -> same_as) take
the earliest first-listed date of both keys. The country of each organisation is
kept separately in ``data/shared/organisations.csv`` (hand-made, reviewed data).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import ARENA_HISTORY, read_source, sha256_hex, write_extract

PROPRIETARY = {"Proprietary", "Propretary"}
COLUMNS = ["key", "model", "organization", "licence", "open_weights", "first_listed",
           "rating", "rating_date"]


def tidy(history: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    history = history.assign(date=pd.to_datetime(history["date"].astype(str), format="%Y%m%d"))
    last_date = history["date"].max()
    last = history[history["date"] == last_date].drop_duplicates("key")
    canonical = history["key"].replace(dict(zip(aliases["key"], aliases["same_as"])))
    first = history.assign(canonical=canonical).groupby("canonical")["date"].min()
    out = pd.DataFrame(
        {
            "key": last["key"],
            "model": last["Model"],
            "organization": last["Organization"],
            "licence": last["License"],
            "open_weights": ~last["License"].isin(PROPRIETARY),
            "first_listed": last["key"].map(first).dt.strftime("%Y-%m-%d"),
            "rating": last["rating"].round(2),
            "rating_date": last_date.strftime("%Y-%m-%d"),
        }
    )
    return out.sort_values(["first_listed", "key"]).reset_index(drop=True)[COLUMNS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", default=ARENA_HISTORY.download_url,
                        help="path or URL of alltime.csv (default: %(default)s)")
    parser.add_argument("--aliases", default="data/months-behind/arena_aliases.csv")
    parser.add_argument("--out", default="data/months-behind/arena_models.csv")
    args = parser.parse_args()
    raw = read_source(args.source)
    table = tidy(pd.read_csv(io.BytesIO(raw)), pd.read_csv(args.aliases))
    if table["rating_date"].iloc[0] != ARENA_HISTORY.snapshot_date:
        raise SystemExit(f"{args.source}: last leaderboard {table['rating_date'].iloc[0]}, "
                         f"not the pinned snapshot's {ARENA_HISTORY.snapshot_date}")
    write_extract(
        table, Path(args.out), origin=ARENA_HISTORY, input_sha256=sha256_hex(raw),
        script="scripts/extract_arena_frontier.py",
    )


if __name__ == "__main__":
    main()
