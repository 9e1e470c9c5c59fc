"""Extract Epoch AI's Notable AI Models as a tidy table for chapter 01-ai-index.

Keeps one row per model with its publication date, organisation(s), sector, the
countries of its organisations (deduplicated, ``;``-separated, in Epoch's order)
and Epoch's training-cost estimate. Usage::

    python scripts/extract_notable_models.py --from /path/to/notable_ai_models.csv
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import EPOCH_NOTABLE_MODELS, one_file_main

ROOT = Path(__file__).resolve().parents[1]


def dedupe_list(text: object) -> str:
    """'A,B,A' -> 'A;B' (order of first appearance kept)."""
    if not isinstance(text, str) or not text.strip():
        return ""
    seen: list[str] = []
    for part in text.split(","):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return ";".join(seen)


def tidy(raw: pd.DataFrame) -> pd.DataFrame:
    date = pd.to_datetime(raw["Publication date"], errors="coerce")
    out = pd.DataFrame(
        {
            "model": raw["Model"].astype(str).str.strip(),
            "publication_date": date.dt.strftime("%Y-%m-%d"),
            "organization": raw["Organization"].map(dedupe_list),
            "sector": raw["Organization categorization"].map(dedupe_list),
            "countries": raw["Country (from Organization)"].map(dedupe_list),
            "domain": raw["Domain"].map(dedupe_list),
            "training_cost_2023_usd": pd.to_numeric(raw["Training compute cost (2023 USD)"], errors="coerce").round(0),
            "accessibility": raw["Model accessibility"].fillna("").astype(str).str.strip(),
        }
    )
    out = out[date.notna()].drop_duplicates("model").sort_values(["publication_date", "model"])
    return out.reset_index(drop=True)


def main() -> None:
    one_file_main(
        __doc__.splitlines()[0], origin=EPOCH_NOTABLE_MODELS,
        default_out=ROOT / "data/ai-index/notable_models.csv", tidy=tidy,
        script="scripts/extract_notable_models.py",
    )


if __name__ == "__main__":
    main()
