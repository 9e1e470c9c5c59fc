"""Run the chapter "02-months-behind" through papermill once with its defaults and once
per named parameter set (chapters/params/02-months-behind.*.yaml), and collect the
headline verdicts of every run from its ledger CSV into one table.

Usage:
    python scripts/sweep_months_behind.py [--out sweep.csv] [--workdir /tmp/months-behind-sweep]

The chapter itself shows the same sweep computed in-notebook (metrics x tolerances);
this script checks that each named variant executes and records what it concludes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import yaml

from claimsbook.site import parameter_sets

CHAPTER = "02-months-behind"
HEADLINE = ["okeeper-us-lead-late-2022", "okeeper-us-lead-q2-2025"]


def run(variant: str, parameters: dict, workdir: Path) -> pd.DataFrame:
    """Execute one variant through the same path as `claimsbook run`; its headline rows."""
    out_dir = workdir / variant
    parameter_sets.run_chapter(CHAPTER, parameters, out_dir, variant)
    verdicts = pd.read_csv(out_dir / "ledger" / f"{CHAPTER}.csv")
    rows = verdicts[verdicts["claim_id"].isin(HEADLINE)]
    return rows.assign(variant=variant, parameters=yaml.safe_dump(parameters).strip() or "defaults")[
        ["variant", "parameters", "claim_id", "computed_value", "verdict", "reason"]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", default="/tmp/months-behind-sweep")
    parser.add_argument("--out", default="/tmp/months-behind-sweep/sweep.csv")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    variants = {"default": {}}
    for name in parameter_sets.parameter_sets(CHAPTER):
        variants[name] = parameter_sets.load_parameter_set(CHAPTER, name)
    table = pd.concat([run(v, p, workdir) for v, p in variants.items()], ignore_index=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out, index=False)
    wide = table.pivot(index="variant", columns="claim_id", values=["computed_value", "verdict"])
    print(wide.round(2).to_string())


if __name__ == "__main__":
    main()
