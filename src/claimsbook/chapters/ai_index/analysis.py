"""Chapter 01 (AI Index): the arithmetic of gaps, the Arena snapshots and their gaps, the
recount of notable models by region."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from ...core.geography import OTHER, region_of
from ...core.i18n import _, is_chinese
from .model import ATTRIBUTION_RULES, RATING_WORDS, SNAPSHOT_RULES
from .words import _bench_headers, _display, _internal, _snapshot_headers


def relative_gap(leader: float, follower: float) -> float:
    """How much higher ``leader`` is than ``follower``, in per cent of ``follower``."""
    if follower == 0:
        raise ValueError("relative gap undefined for a zero follower score")
    return 100.0 * (leader - follower) / follower


def pp_to_percent(gap_pp: float, follower_score: float) -> float:
    """A gap of ``gap_pp`` percentage points above a follower who scored
    ``follower_score`` per cent, expressed as a relative gap in per cent.
    E.g. 90 % vs 72.5 % is a 17.5 pp gap but a 24.1 % relative gap."""
    return relative_gap(follower_score + gap_pp, follower_score)


def increase(before: float, after: float) -> float:
    """Absolute increase ``after - before``."""
    return after - before


def snapshot_dates(history: pd.DataFrame) -> list[pd.Timestamp]:
    return sorted(pd.to_datetime(history["date"]).unique())


def pick_snapshot(dates: Iterable[pd.Timestamp], target: dt.date | str, rule: str) -> pd.Timestamp:
    """The leaderboard date standing for ``target`` under ``rule``:

    * ``last-in-month``: the last snapshot in ``target``'s calendar month;
    * ``first-in-month``: the first snapshot in that month;
    * ``on-or-before``: the latest snapshot on or before ``target`` itself.
    Raises ``ValueError`` when no snapshot qualifies."""
    when = pd.Timestamp(target)
    stamps = sorted(pd.Timestamp(d) for d in dates)
    if rule == "on-or-before":
        chosen = [d for d in stamps if d <= when]
        if not chosen:
            raise ValueError(f"no leaderboard snapshot on or before {when.date()}")
        return chosen[-1]
    month = [d for d in stamps if d.year == when.year and d.month == when.month]
    if not month:
        raise ValueError(f"no leaderboard snapshot in {when:%Y-%m}")
    if rule == "last-in-month":
        return month[-1]
    if rule == "first-in-month":
        return month[0]
    raise ValueError(f"unknown snapshot rule {rule!r}; expected one of {SNAPSHOT_RULES}")


def annotate(history: pd.DataFrame, organisations: pd.DataFrame, licences: pd.DataFrame,
             mapping: str = "country") -> pd.DataFrame:
    """Add ``group`` (country under ``mapping``) and ``licence_class`` to the history.
    Every organisation and licence must be mapped (a gap in the mapping tables is an
    error, not a silent drop)."""
    orgs = organisations.set_index("organization")[mapping]
    lic = licences.set_index("licence")["licence_class"]
    out = history.copy()
    out["date"] = pd.to_datetime(out["date"])
    out["group"] = out["organization"].map(orgs)
    out["licence_class"] = out["licence"].map(lic)
    missing = out.loc[out["group"].isna(), "organization"].unique().tolist()
    missing += out.loc[out["licence_class"].isna(), "licence"].unique().tolist()
    if missing:
        raise ValueError(f"unmapped organisations or licences: {missing}")
    return out


def best_of(board: pd.DataFrame, column: str, value: str) -> pd.Series:
    """The top-rated row of ``board`` whose ``column`` equals ``value``."""
    rows = board[board[column] == value]
    if rows.empty:
        raise ValueError(f"no model with {column} = {value!r} on this leaderboard")
    return rows.sort_values("rating", ascending=False).iloc[0]


def group_gap(board: pd.DataFrame, column: str, leader: str, follower: str) -> dict[str, object]:
    """Relative gap between the best ``leader`` and the best ``follower`` model of one
    snapshot (``column`` is ``group`` or ``licence_class``)."""
    a, b = best_of(board, column, leader), best_of(board, column, follower)
    return {
        "leader_model": a["model"], "leader_rating": float(a["rating"]),
        "follower_model": b["model"], "follower_rating": float(b["rating"]),
        "gap_points": float(a["rating"] - b["rating"]),
        "gap_percent": relative_gap(float(a["rating"]), float(b["rating"])),
    }


def rank_gap(board: pd.DataFrame, k: int) -> dict[str, object]:
    """Relative gap between the model ranked 1st and the model ranked ``k``-th."""
    ranked = board.sort_values("rating", ascending=False).reset_index(drop=True)
    if len(ranked) < k:
        raise ValueError(f"leaderboard has {len(ranked)} models, fewer than {k}")
    a, b = ranked.iloc[0], ranked.iloc[k - 1]
    return {
        "leader_model": a["model"], "leader_rating": float(a["rating"]),
        "follower_model": b["model"], "follower_rating": float(b["rating"]),
        "gap_points": float(a["rating"] - b["rating"]),
        "gap_percent": relative_gap(float(a["rating"]), float(b["rating"])),
    }


def gaps_on(annotated: pd.DataFrame, date: pd.Timestamp, top_k: int = 10) -> dict[str, dict[str, object]]:
    """All four Arena gaps of the chapter on one leaderboard date."""
    board = annotated[annotated["date"] == pd.Timestamp(date)]
    if board.empty:
        raise ValueError(f"no leaderboard on {pd.Timestamp(date).date()}")
    return {
        "us-china": group_gap(board, "group", "United States", "China"),
        "closed-open": group_gap(board, "licence_class", "proprietary", "open-weights"),
        f"top1-top{top_k}": rank_gap(board, top_k),
        "top1-top2": rank_gap(board, 2),
    }


def gap_series(annotated: pd.DataFrame, top_k: int = 10) -> pd.DataFrame:
    """Long table: one row per leaderboard date and gap kind (for the chart)."""
    rows = []
    for date, board in annotated.groupby("date"):
        for kind, fn in (
            ("US vs China", lambda b: group_gap(b, "group", "United States", "China")),
            ("Closed vs open weights", lambda b: group_gap(b, "licence_class", "proprietary", "open-weights")),
            (f"Top 1 vs top {top_k}", lambda b: rank_gap(b, top_k)),
            ("Top 1 vs top 2", lambda b: rank_gap(b, 2)),
        ):
            try:
                row = fn(board)
            except ValueError:
                continue
            rows.append({"date": date, "gap": kind, **row,
                         "rating_kind": board["rating_kind"].iloc[0]})
    return pd.DataFrame(rows)


def producer_of(country: str) -> str:
    """The United States, China and Europe as regions; any other country as itself
    (to rank the three against every other producer)."""
    region = region_of(country)
    return region if region != OTHER else country.strip()


def attribute(countries: str, rule: str,
              place: Callable[[str], str] = region_of) -> dict[str, float]:
    """Credit one model to regions (or to what ``place`` makes of each country) from its
    ``;``-separated Epoch countries.

    * ``any``: every region listed gets 1 (a US-UK model counts for both; the AI
      Index's own rule, which can double count);
    * ``first``: only the first-listed country's region gets 1;
    * ``sole``: 1 only if all listed countries fall in one region and none is
      "Multinational"; otherwise the model is not counted;
    * ``fractional``: each listed country gets 1/n, summed by region.
    'Multinational' counts as 'Other'. An empty string gives nothing."""
    names = [c.strip() for c in countries.split(";") if c.strip()]
    if not names:
        return {}
    regions = [place(c) for c in names]
    if rule == "any":
        return {r: 1.0 for r in dict.fromkeys(regions)}
    if rule == "first":
        return {regions[0]: 1.0}
    if rule == "sole":
        if "Multinational" in names or len(set(regions)) != 1:
            return {}
        return {regions[0]: 1.0}
    if rule == "fractional":
        out: dict[str, float] = {}
        for r in regions:
            out[r] = out.get(r, 0.0) + 1.0 / len(regions)
        return out
    raise ValueError(f"unknown attribution rule {rule!r}; expected one of {ATTRIBUTION_RULES}")


def count_by_region(models: pd.DataFrame, rule: str, years: Sequence[int] | None = None,
                    place: Callable[[str], str] = region_of) -> pd.DataFrame:
    """Notable models per publication year and region (or producer, with ``place`` =
    :func:`producer_of`) under an attribution ``rule``. Returns columns year, region,
    models."""
    frame = models.copy()
    frame["year"] = pd.to_datetime(frame["publication_date"]).dt.year
    if years is not None:
        frame = frame[frame["year"].isin(list(years))]
    rows = []
    for year, countries in zip(frame["year"], frame["countries"].fillna("")):
        for region, credit in attribute(str(countries), rule, place).items():
            rows.append((int(year), region, credit))
    out = pd.DataFrame(rows, columns=["year", "region", "models"])
    return out.groupby(["year", "region"], as_index=False)["models"].sum()


def industry_share(models: pd.DataFrame, year: int, strict: bool = True) -> float:
    """Share (%) of ``year``'s notable models from industry. ``strict``: only models
    whose every organisation is industry; else any industry involvement counts."""
    frame = models[pd.to_datetime(models["publication_date"]).dt.year == year]
    sectors = frame["sector"].fillna("").str.split(";")
    if strict:
        hit = sectors.map(lambda s: set(s) == {"Industry"})
    else:
        hit = sectors.map(lambda s: "Industry" in s)
    return 100.0 * float(hit.sum()) / len(frame)


def min_relative_gap(gap_pp: float) -> float:
    """The smallest relative gap (%) a ``gap_pp`` percentage-point lead can be when
    scores are accuracies capped at 100 %: the leader at 100, the follower at
    ``100 - gap_pp``. Any real pair of scores gives a larger relative gap."""
    if not 0 <= gap_pp < 100:
        raise ValueError("a percentage-point gap must lie in [0, 100)")
    return pp_to_percent(gap_pp, 100.0 - gap_pp)


def relative_gap_given_leader(gap_pp: float, leader_score: float) -> float:
    """The relative gap (%) of a ``gap_pp`` percentage-point lead when the leader
    scored ``leader_score`` per cent (so the follower scored ``leader_score - gap_pp``).
    E.g. a 0.3 pp lead by a model at 88.1 % is 0.3 / 87.8 = 0.342 %."""
    if not 0 <= gap_pp <= leader_score <= 100:
        raise ValueError("need 0 <= gap_pp <= leader_score <= 100")
    return pp_to_percent(gap_pp, leader_score - gap_pp)


def top_scores(scores: pd.DataFrame, metric: str, year: int,
               countries: Sequence[str] = ("United States of America", "China")) -> pd.DataFrame:
    """The best ``metric`` score of models released in ``year``, per country.

    ``scores`` has Epoch Benchmarking Hub columns (metric, model_version, country,
    release_date, score). Only models listed under exactly one of ``countries`` count
    (a joint US-China entry is left out). Returns one row per country with columns
    country, model_version, release_date, score, ordered as ``countries``; a country
    without a model that year is an error."""
    frame = scores[(scores["metric"] == metric)
                   & (pd.to_datetime(scores["release_date"]).dt.year == year)
                   & scores["country"].isin(list(countries))]
    rows = []
    for country in countries:
        mine = frame[frame["country"] == country]
        if mine.empty:
            raise ValueError(f"no {metric} score for a model from {country} released in {year}")
        rows.append(mine.sort_values("score", ascending=False).iloc[0])
    out = pd.DataFrame(rows)[["country", "model_version", "release_date", "score"]]
    return out.reset_index(drop=True)


def benchmark_table(figures: pd.DataFrame, benchmarks: Sequence[str]) -> pd.DataFrame:
    """Long table of the AI Index's US-China benchmark gaps (pp) for the chart."""
    rows = []
    for name in benchmarks:
        for year in (2023, 2024):
            value = float(figures.loc[f"gap-{name.lower()}-{year}", "value"])
            rows.append({"benchmark": name, "year": year, "gap_pp": value,
                         "min_relative_gap_percent": round(min_relative_gap(value), 2)})
    frame = pd.DataFrame(rows)
    if is_chinese():  # a year, not a number: 2023, never "2,023", under a Chinese header
        frame["year"] = frame["year"].astype(str)
    return _display(frame, _bench_headers())


def _bench_data(bench: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`benchmark_table` with its computing column names and types."""
    frame = _internal(bench, _bench_headers())
    if is_chinese():
        frame = frame.assign(year=frame["year"].astype(int))
    return frame


def snapshot_table(annotated: pd.DataFrame, dates: Iterable[pd.Timestamp], top_k: int = 10) -> pd.DataFrame:
    """One row per leaderboard date: the four gaps (%) and the rating kind."""
    rows = []
    for date in dates:
        gaps = gaps_on(annotated, pd.Timestamp(date), top_k)
        board = annotated[annotated["date"] == pd.Timestamp(date)]
        row: dict[str, object] = {"date": pd.Timestamp(date).date().isoformat(),
                                  "rating": board["rating_kind"].iloc[0]}
        for kind, gap in gaps.items():
            row[kind] = round(float(gap["gap_percent"]), 2)  # type: ignore[arg-type]
        row["top US model"] = gaps["us-china"]["leader_model"]
        row["top Chinese model"] = gaps["us-china"]["follower_model"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    if is_chinese():
        frame["rating"] = frame["rating"].map(lambda r: _(RATING_WORDS.get(str(r), str(r))))
    return _display(frame, _snapshot_headers(top_k))


def months_behind_dates(dates: Sequence[pd.Timestamp], months: Sequence[str]) -> list[pd.Timestamp]:
    """Every snapshot falling in any of ``months`` (``YYYY-MM``)."""
    return [d for d in dates if f"{pd.Timestamp(d):%Y-%m}" in set(months)]


# Epoch's accessibility labels on either side of an open-weights comparison (models with
# no label, or unreleased ones, are on neither).
CLOSED_ACCESS = ("API access", "Hosted access (no API)")
OPEN_ACCESS_PREFIX = "Open weights"


def comparison_side(scores: pd.DataFrame, comparison: str) -> pd.Series:
    """Which side of a comparison each Benchmarking Hub row is on: ``leader`` (US, or
    closed weights), ``follower`` (China, or open weights), or missing (neither: another
    country, several countries, or unknown access)."""
    if comparison == "us-china":
        sides = {"United States of America": "leader", "China": "follower"}
        return scores["country"].map(sides)
    if comparison == "closed-open":
        access = scores["accessibility"].fillna("")
        return pd.Series(
            ["follower" if a.startswith(OPEN_ACCESS_PREFIX) else "leader"
             if a in CLOSED_ACCESS else None for a in access], index=scores.index)
    raise ValueError(f"unknown comparison {comparison!r}: 'us-china' or 'closed-open'")


class Lead(NamedTuple):
    """The best model on each side of a comparison and how far the first leads."""

    leader_model: str
    follower_model: str
    lead: float  # percentage points


def frontier_lead(scores: pd.DataFrame, metric: str, by: object,
                  comparison: str = "us-china") -> Lead:
    """The best ``metric`` score of a model on the leading side of ``comparison`` released
    on or before ``by``, less the best on the following side, with both models' names."""
    frame = scores[(scores["metric"] == metric)
                   & (pd.to_datetime(scores["release_date"]) <= pd.Timestamp(by))]
    sides = comparison_side(frame, comparison)
    best = {}
    for side in ("leader", "follower"):
        mine = frame[sides == side]
        if mine.empty:
            raise ValueError(f"no {metric} score on the {side} side of {comparison} for a "
                             f"model released by {pd.Timestamp(by).date()}")
        best[side] = mine.sort_values("score", ascending=False).iloc[0]
    a, b = best["leader"], best["follower"]
    return Lead(str(a["model_version"]), str(b["model_version"]), float(a["score"] - b["score"]))
