"""Logic of chapter 01-ai-index: the Stanford AI Index 2025 figures, recomputed.

Conventions used throughout:

* A *relative gap* between two scores ``a`` (the leader) and ``b`` is
  ``100 * (a - b) / b`` per cent: how much higher the leader's score is than the
  follower's. This is how the AI Index states its Chatbot Arena gaps (e.g. Google
  1,385 vs DeepSeek 1,362 -> 1.69 %).
* A *percentage-point gap* is a plain difference of two percentages (benchmark
  accuracies). Turning it into per cent needs the follower's score as the base:
  :func:`pp_to_percent`.
* A leaderboard *snapshot* is one published leaderboard date; the history is a set
  of snapshots, and a claimed month is matched to a snapshot by a rule
  (:func:`pick_snapshot`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from ..core import params
from ..core.geography import REGIONS, region_of
from ..core.arithmetic import fold_change, percent_fall
from ..core.charts import country_scale
from ..core.i18n import N_, _, data_text, is_chinese, ngettext
from ..core.ledger import Computed
from ..core.numbers import fmt_day, fmt_month, fmt_number

BENCHMARKS: tuple[str, ...] = ("MMLU", "MMMU", "MATH", "HumanEval")
MAPPINGS: tuple[str, ...] = ("country", "country_industry")
SNAPSHOT_RULES: tuple[str, ...] = ("last-in-month", "first-in-month", "on-or-before")
ATTRIBUTION_RULES: tuple[str, ...] = ("any", "first", "sole", "fractional")

# papermill parameters of the chapter (see chapters/01-ai-index.ipynb)
PARAMETERS: params.Spec = {
    "arena_start": params.Date("2023-05-08", "2025-03-26"),
    "arena_end": params.Date("2023-05-08", "2025-03-26"),
    "snapshot_rule": params.OneOf(SNAPSHOT_RULES),
    "country_mapping": params.OneOf(MAPPINGS),
    "benchmarks": params.SubsetOf(BENCHMARKS),
    "attribution": params.OneOf(ATTRIBUTION_RULES),
    "top_k": params.Number(2, 20, integer=True),
}
ORDER = (params.Before("arena_start", "arena_end"),)


# --- arithmetic -----------------------------------------------------------------

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


# --- arena snapshots ------------------------------------------------------------

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


# --- notable models -------------------------------------------------------------

def attribute(countries: str, rule: str) -> dict[str, float]:
    """Credit one model to regions from its ``;``-separated Epoch countries.

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
    regions = [region_of(c) for c in names]
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


def count_by_region(models: pd.DataFrame, rule: str, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Notable models per publication year and region under an attribution ``rule``.
    Returns columns year, region, models."""
    frame = models.copy()
    frame["year"] = pd.to_datetime(frame["publication_date"]).dt.year
    if years is not None:
        frame = frame[frame["year"].isin(list(years))]
    rows = []
    for year, countries in zip(frame["year"], frame["countries"].fillna("")):
        for region, credit in attribute(str(countries), rule).items():
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


# --- helpers the chapter calls --------------------------------------------------

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


# --- values the checks reference (data/ai-index/checks.csv) ----------------------

REPORT = "aiindex-2025"
ARENA_SOURCE = "arena-history"
NOTABLE_SOURCE = "epoch-notable-models"
HUB_SOURCE = "epoch-benchmarking-hub"
ARENA_SCORE = "arena-score"
YEARS: tuple[int, int] = (2023, 2024)
NOTABLE_YEAR = 2024
NOTABLE_FIRST_YEAR = 2015
REPORT_TOP_K = 10
SWITCH_DATES: tuple[str, str] = ("2024-03-26", "2024-03-27")
SENSITIVITY_MONTHS: tuple[str, ...] = ("2024-01", "2025-02", "2025-03")
EARLY_2025_MONTHS: tuple[str, ...] = ("2025-01", "2025-02")
COST_MODELS: tuple[str, ...] = ("GPT-4", "Grok-2", "Llama 3.1-405B", "Mistral Large", "DeepSeek-V3")
# The ten models the report names as the top ten of the Chatbot Arena "as of January
# 2025" (fig. 2.2.7, p. 107), from first to tenth: its top-1 vs top-10 gap is recounted
# on exactly these (rule 11 of "How we judge").
REPORT_TOP10_MODELS: tuple[str, ...] = (
    "Gemini-Exp-1206", "ChatGPT-4o-latest (2024-11-20)", "Gemini-2.0-Flash-Thinking-Exp-1219",
    "Gemini-2.0-Flash-Exp", "o1-2024-12-17", "o1-preview", "DeepSeek-V3", "o1-mini",
    "Step-2-16K-Exp", "Gemini-1.5-Pro-002")
REPORT_TOP10_MONTH = "2025-01"
# Translated where shown, with _() (the language is read per call).
RULE_TEXT: dict[str, str] = {
    "any": N_("any listed country counts (the report's rule)"),
    "first": N_("first-listed country only"),
    "sole": N_("single-region models only"),
    "fractional": N_("split equally between listed countries"),
}
GAP_WORDS: dict[str, str] = {
    # Translators: completes "relative gap between …"
    "us-china": N_("the top US and the top Chinese model"),
    # Translators: completes "relative gap between …"
    "closed-open": N_("the top closed-weight and the top open-weight model"),
    # Translators: completes "relative gap between …"
    "top1-top2": N_("the first- and the second-ranked model"),
}
# Region names as the Chinese edition shows them (the data keep the English names).
REGION_NAMES: dict[str, str] = {
    "United States": N_("United States"), "China": N_("China"), "Europe": N_("Europe"),
    "Other": N_("Other"),
}
# The rating a leaderboard of the history holds, in words (Chinese edition).
RATING_WORDS: dict[str, str] = {"online-elo": N_("online Elo"), "arena-score": N_("Arena score")}


def _day(when: object) -> str:
    """A date in a label: ISO in English (as the English edition writes it),
    2025年2月14日 in Chinese."""
    stamp = pd.Timestamp(when)
    return fmt_day(stamp) if is_chinese() else f"{stamp:%Y-%m-%d}"


def _period(text: object) -> str:
    """A period of the data (``2023``, ``2022-11``, ``2025-02-14``) in a sentence: as
    written in English, as 2023年 / 2022年11月 / 2025年2月14日 in Chinese."""
    text = str(text)
    if not is_chinese():
        return text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return fmt_day(text)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return fmt_month(pd.Timestamp(text))
    if re.fullmatch(r"\d{4}", text):
        return f"{text}年"
    return data_text(text)


def _span(start: object, end: object) -> str:
    """A period from ``start`` to ``end`` (``2022-11/2024-10`` in English)."""
    # Translators: a period from {start} to {end}, e.g. 2022年11月至2024年10月
    return _("{start}/{end}").format(start=_period(start), end=_period(end))


def _region(name: str) -> str:
    return _(REGION_NAMES[name]) if name in REGION_NAMES else name


def _unit(unit: str) -> str:
    """A computed value's unit: unchanged in English; in Chinese the unit word
    :func:`claimsbook.core.numbers.fmt_amount` writes after the number."""
    return _(unit) if is_chinese() else unit


def _display(frame: pd.DataFrame, headers: Mapping[str, str]) -> pd.DataFrame:
    """A table for the reader: in Chinese its columns carry the translated ``headers``
    (column -> header; the English edition keeps the column names, which ``table``
    turns into headers)."""
    if not is_chinese():
        return frame
    return frame.rename(columns=dict(headers))


def _internal(frame: pd.DataFrame, headers: Mapping[str, str]) -> pd.DataFrame:
    """The inverse of :func:`_display`: the column names the computation uses."""
    if not is_chinese():
        return frame
    return frame.rename(columns={text: column for column, text in headers.items()})


def _bench_headers() -> dict[str, str]:
    return {"benchmark": _("Benchmark"), "year": _("End of year"),
            "gap_pp": _("US lead (percentage points)"),
            "min_relative_gap_percent": _("Relative gap, at least (%)")}


def _snapshot_headers(top_k: int) -> dict[str, str]:
    return {"date": _("Leaderboard date"), "rating": _("Rating"),
            "us-china": _("US vs China (%)"), "closed-open": _("Closed vs open weights (%)"),
            f"top1-top{top_k}": _("Top 1 vs top {k} (%)").format(k=top_k),
            "top1-top2": _("Top 1 vs top 2 (%)"),
            "top US model": _("Top US model"), "top Chinese model": _("Top Chinese model")}


def _gap_kind(kind: str) -> str:
    """A gap's key (``us-china``, ``top1-top10`` …) as a Chinese table shows it."""
    words = {"us-china": _("US vs China (%)"), "closed-open": _("Closed vs open weights (%)"),
             "top1-top2": _("Top 1 vs top 2 (%)")}
    if kind in words:
        return words[kind]
    return _("Top 1 vs top {k} (%)").format(k=kind.split("top")[-1])


def report_value(fig: pd.DataFrame, key: str) -> float:
    """A figure of the report (``report_figures.csv`` indexed by ``figure_id``)."""
    return float(fig.loc[key, "value"])


def _where(fig: pd.DataFrame, *keys: str) -> str:
    return _("; ").join(dict.fromkeys(data_text(str(fig.loc[k, "location"])) for k in keys))


def month_span(start: str, end: str) -> int:
    """Whole months from the month of ``start`` to the month of ``end`` (``YYYY-MM``)."""
    return (pd.Period(end, "M") - pd.Period(start, "M")).n


def benchmark_values(fig: pd.DataFrame, epoch_scores: pd.DataFrame) -> list[Computed]:
    """Values computed from the report's benchmark gaps (context for the per-cent
    readings) and the Epoch Benchmarking Hub's best MMLU scores of 2024 (context:
    Epoch's own evaluations, another vintage than the report's)."""
    out: list[Computed] = []
    for name in BENCHMARKS:
        for year in YEARS:
            key = f"gap-{name.lower()}-{year}"
            gap = report_value(fig, key)
            out.append(Computed(
                f"min-relative-{name.lower()}-{year}", min_relative_gap(gap), "%",
                _("Smallest relative gap that the report's {gap}-point lead on {benchmark} can "
                  "be (leader at 100 %, computed here)").format(gap=fmt(gap), benchmark=name),
                REPORT, _where(fig, key), _period(year)))
    first = YEARS[0]
    keys = [f"gap-{name.lower()}-{first}" for name in BENCHMARKS]
    mean = sum(report_value(fig, k) for k in keys) / len(keys)
    out.append(Computed(
        f"mean-gap-{first}", mean, "percentage points",
        _("Mean of the report's {n} end-{year} benchmark gaps ({benchmarks}), computed here; "
          "the report states no such mean").format(
            n=len(keys), year=first, benchmarks=_(", ").join(BENCHMARKS)),
        REPORT, _where(fig, *keys), _period(first)))
    top = top_scores(epoch_scores, "mmlu", YEARS[1]).set_index("country")
    us, cn = top.loc["United States of America"], top.loc["China"]
    out.append(Computed(
        f"epoch-mmlu-gap-{YEARS[1]}", float(us.score - cn.score), "percentage points",
        _("Best MMLU score of a US model released in {year} ({us_model}) minus the best "
          "Chinese one ({cn_model}), in Epoch's own evaluations").format(
            year=YEARS[1], us_model=us.model_version, cn_model=cn.model_version),
        HUB_SOURCE, _("Benchmarking Hub, MMLU"), _period(YEARS[1])))
    gap24 = report_value(fig, f"gap-mmlu-{YEARS[1]}")
    out.append(Computed(
        f"relative-mmlu-{YEARS[1]}-epoch-leader",
        relative_gap_given_leader(gap24, float(us.score)), "%",
        _("The report's MMLU lead as a relative gap if its US leader scored what Epoch "
          "measured for {model} (an assumption)").format(model=us.model_version),
        HUB_SOURCE, _("Benchmarking Hub, MMLU"), _period(YEARS[1])))
    return out


def fmt(value: float) -> str:
    """A figure for a label, as the ledger prints numbers."""
    return fmt_number(value)


def _num(gap: dict[str, object], key: str = "gap_percent") -> float:
    """A number of a gap record (see :func:`group_gap`)."""
    value = gap[key]
    if not isinstance(value, int | float):
        raise TypeError(f"{key} is not a number: {value!r}")
    return float(value)


def _rank_gap_percent(annotated: pd.DataFrame, date: pd.Timestamp, k: int) -> float:
    return _num(rank_gap(annotated[annotated["date"] == date], k))


def gap_of(board: pd.DataFrame, kind: str) -> dict[str, object]:
    """One gap of one leaderboard: ``us-china``, ``closed-open`` or ``top1-topK``."""
    if kind == "us-china":
        return group_gap(board, "group", "United States", "China")
    if kind == "closed-open":
        return group_gap(board, "licence_class", "proprietary", "open-weights")
    return rank_gap(board, int(kind.split("top")[-1]))


def arena_value(key: str, annotated: pd.DataFrame, date: pd.Timestamp, kind: str,
                evidence: bool = False) -> Computed:
    """One recomputed Arena gap on one leaderboard date. As ``evidence`` it gives no
    value on a date whose history holds the online Elo, not the Arena score the
    report read."""
    date = pd.Timestamp(date)
    gap = gap_of(annotated[annotated["date"] == date], kind)
    rating_kind = str(annotated.loc[annotated["date"] == date, "rating_kind"].iloc[0])
    if kind in GAP_WORDS:
        what = _(GAP_WORDS[kind])
    else:
        # Translators: completes "relative gap between …"; {k} is a rank (10)
        what = _("the first- and the {k}th-ranked model").format(k=kind.split("top")[-1])
    # Translators: two models compared, e.g. "Gemini-2.0 vs DeepSeek-R1"
    pair = _("{leader} vs {follower}").format(leader=gap["leader_model"],
                                              follower=gap["follower_model"])
    label = _("Our recount from the leaderboard history: relative gap between {what} "
              "({pair})").format(what=what, pair=pair)
    value: float | None = _num(gap)
    if rating_kind != ARENA_SCORE:
        label += _(", on the online Elo the history holds for that date")
        if evidence:
            value = None
    return Computed(key, value, "%", label, ARENA_SOURCE,
                    _("leaderboard of {date}").format(date=_day(date)), _day(date))


def arena_values(annotated: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
                 early_2025: Sequence[pd.Timestamp]) -> list[Computed]:
    """The recomputed gaps the checks use: at the end date as evidence (Arena score,
    the report's own metric and month), at the start date and for the top-1 vs
    top-10 gap as context."""
    out = [
        arena_value("arena-uscn-end", annotated, end, "us-china", evidence=True),
        arena_value("arena-closedopen-end", annotated, end, "closed-open", evidence=True),
        arena_value("arena-uscn-start", annotated, start, "us-china"),
        arena_value("arena-closedopen-start", annotated, start, "closed-open"),
        arena_value("arena-top2-start", annotated, start, "top1-top2"),
        arena_value("arena-top2-end", annotated, end, "top1-top2"),
        arena_value("arena-top10-start", annotated, start, f"top1-top{REPORT_TOP_K}"),
    ]
    out.append(report_top10_value(annotated))
    out.append(uscn_change_value(annotated, end))
    gaps = [_rank_gap_percent(annotated, d, REPORT_TOP_K) for d in early_2025]
    if gaps:
        first, last = min(early_2025), max(early_2025)
        span = _span(f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}")
        for key, value, template in (
                ("arena-top10-early2025-low", min(gaps),
                 N_("Lowest relative gap between the first- and the {k}th-ranked model in our "
                    "recount of the leaderboards from {first} to {last}")),
                ("arena-top10-early2025-high", max(gaps),
                 N_("Highest relative gap between the first- and the {k}th-ranked model in our "
                    "recount of the leaderboards from {first} to {last}"))):
            out.append(Computed(
                key, value, "%",
                _(template).format(k=REPORT_TOP_K, first=_day(first), last=_day(last)),
                ARENA_SOURCE,
                ngettext("{n} leaderboard", "{n} leaderboards", len(gaps)).format(n=len(gaps)),
                span))
    return out


def uscn_change_value(annotated: pd.DataFrame, end: pd.Timestamp) -> Computed:
    """The change of the top US vs top Chinese gap on one scale: from the first
    leaderboard the history holds with the Arena score to the report's end date (the
    report's January 2024 start is on the online Elo in the history)."""
    scored = annotated[annotated["rating_kind"] == ARENA_SCORE]
    first = pd.Timestamp(scored["date"].min())
    start_gap = _num(gap_of(annotated[annotated["date"] == first], "us-china"))
    end_gap = _num(gap_of(annotated[annotated["date"] == pd.Timestamp(end)], "us-china"))
    value = None if start_gap is None or end_gap is None else end_gap - start_gap
    label = _("Our recount from the leaderboard history: change in the relative gap between "
              "the top US and the top Chinese model, on the Arena score from its first "
              "leaderboard")
    return Computed("arena-uscn-change-arena-score", value, "% (change in the gap)", label,
                    ARENA_SOURCE, _("leaderboards of {first} and {last}").format(
                        first=_day(first), last=_day(end)),
                    _span(f"{first:%Y-%m-%d}", f"{pd.Timestamp(end):%Y-%m-%d}"))


def report_top10_value(annotated: pd.DataFrame) -> Computed:
    """Rule 11: the top-1 vs top-10 gap recounted on exactly the ten models the report
    names (fig. 2.2.7), on the first leaderboard of the report's month that lists all
    ten, with the Arena score."""
    named = annotated[annotated["model"].isin(REPORT_TOP10_MODELS)
                      & (annotated["date"].dt.strftime("%Y-%m") == REPORT_TOP10_MONTH)
                      & (annotated["rating_kind"] == ARENA_SCORE)]
    complete = named.groupby("date")["model"].nunique()
    complete = complete[complete == len(REPORT_TOP10_MODELS)]
    if complete.empty:
        raise ValueError(f"no leaderboard of {REPORT_TOP10_MONTH} lists all the models the "
                         f"report names")
    date = complete.index.min()
    gap = rank_gap(named[named["date"] == date], len(REPORT_TOP10_MODELS))
    label = _("Our recount on the ten models the report names as the top ten (fig. 2.2.7): "
              "relative gap between the first and the tenth ({pair})").format(
        pair=_("{leader} vs {follower}").format(leader=gap["leader_model"],
                                                follower=gap["follower_model"]))
    return Computed("arena-top10-report-models", _num(gap), "%", label, ARENA_SOURCE,
                    _("leaderboard of {date}").format(date=_day(date)), _day(date))


# The Chinese companies 中国经营报 names among the makers of China's notable models of 2024,
# as Epoch AI spells them in its organisation column.
NAMED_CN_COMPANIES = {"Alibaba": "Alibaba", "ByteDance": "ByteDance", "DeepSeek": "DeepSeek",
                      "Tencent": "Tencent", "Zhipu": "Zhipu AI"}


def named_companies_value(models: pd.DataFrame) -> Computed:
    """How many of the companies the outlet names have a notable model of the year
    credited to China in our copy of Epoch's data (rule 11: a recount on exactly the
    rows named)."""
    year = pd.to_datetime(models["publication_date"]).dt.year == NOTABLE_YEAR
    china = models["countries"].fillna("").str.contains("China")
    organisations = models.loc[year & china, "organization"].fillna("")
    found = [name for name, spelled in NAMED_CN_COMPANIES.items()
             if organisations.str.contains(spelled, regex=False).any()]
    return Computed(
        f"named-cn-companies-{NOTABLE_YEAR}", float(len(found)),
        "companies with a model among them",
        _("Companies among those the outlet names with a notable model of {year} credited "
          "to China in our copy of Epoch's data").format(year=NOTABLE_YEAR),
        NOTABLE_SOURCE, "notable_models.csv", _period(NOTABLE_YEAR))


def notable_values(models: pd.DataFrame, rule: str) -> list[Computed]:
    """Our recount of notable models (context: another vintage of Epoch's data, whose
    country lists differ from the data the report counted)."""
    newest = pd.to_datetime(models["publication_date"]).max()
    counts = count_by_region(models, rule, [NOTABLE_YEAR]).set_index("region")["models"]
    copy = _("our copy of Epoch's data (newest entry {newest}, download date "
             "unknown)").format(newest=_day(newest))
    out = [Computed(
        f"recount-{region.lower().replace(' ', '-')}-{NOTABLE_YEAR}",
        float(counts.get(region, 0.0)),
        "models",
        _("Notable models of {year} credited to {region} in {copy}, rule: {rule}").format(
            year=NOTABLE_YEAR, region=_region(region), copy=copy, rule=_(RULE_TEXT[rule])),
        NOTABLE_SOURCE, "notable_models.csv", _period(NOTABLE_YEAR))
        for region in REGIONS]
    # Every model once, whatever its countries (the total needs no attribution rule).
    out.append(named_companies_value(models))
    by_year = pd.to_datetime(models["publication_date"]).dt.year.value_counts()
    out.append(Computed(
        f"recount-total-change-{NOTABLE_YEAR}",
        float(by_year.get(NOTABLE_YEAR, 0.0) - by_year.get(NOTABLE_YEAR - 1, 0.0)),
        "models (change from the year before)",
        _("Change in the number of notable models from {before} to {year}, all countries, "
          "in {copy}").format(before=NOTABLE_YEAR - 1, year=NOTABLE_YEAR, copy=copy),
        NOTABLE_SOURCE, "notable_models.csv", _period(NOTABLE_YEAR)))
    for strict, key, template in (
            (True, "recount-industry-strict",
             N_("Share of {year}'s notable models whose every organisation is industry in "
                "{copy}")),
            (False, "recount-industry-any",
             N_("Share of {year}'s notable models with any industry organisation in {copy}"))):
        out.append(Computed(
            f"{key}-{NOTABLE_YEAR}", industry_share(models, NOTABLE_YEAR, strict), "%",
            _(template).format(year=NOTABLE_YEAR, copy=copy), NOTABLE_SOURCE,
            "notable_models.csv", _period(NOTABLE_YEAR)))
    return out


def cost_values(fig: pd.DataFrame, models: pd.DataFrame) -> list[Computed]:
    """The inference-price arithmetic on the report's own figures, and Epoch's
    training-cost estimates where our copy has one (context: the report's own source,
    in 2023 dollars)."""
    old, new = "inference-price-2022-11", "inference-price-2024-10"
    p_old, p_new = report_value(fig, old), report_value(fig, new)
    t_old, t_new = str(fig.loc[old, "period"]), str(fig.loc[new, "period"])
    span = _span(t_old, t_new)
    out = [
        Computed("inference-fall", percent_fall(p_old, p_new), "%",
                 _("Fall of the cheapest GPT-3.5-level price from {start} to {end}, computed "
                   "from the report's two prices").format(start=_period(t_old),
                                                          end=_period(t_new)),
                 REPORT, _where(fig, old, new), span),
        Computed("inference-fold", fold_change(p_old, p_new),
                 # Translators: a unit after a number ("30 fold"), e.g. 倍
                 _unit(N_("fold")),
                 _("The same fall as a fold change, computed from the report's two prices"),
                 REPORT, _where(fig, old, new), span),
        Computed("inference-span", month_span(t_old, t_new) / 12, "years",
                 _("Time from {start} to {end}, the months of the report's two "
                   "prices").format(start=_period(t_old), end=_period(t_new)),
                 REPORT, _where(fig, old, new), span),
    ]
    costs = models[models["model"].isin(list(COST_MODELS))].dropna(
        subset=["training_cost_2023_usd"])
    for model, cost, date in zip(costs["model"], costs["training_cost_2023_usd"],
                                 costs["publication_date"]):
        out.append(Computed(
            f"epoch-cost-{model.lower().replace(' ', '-').replace('.', '')}", float(cost) / 1e6,
            # Translators: keep the leading English word "million": the number formatter
            # reads it and writes the amount in 万/亿 before the rest of the unit.
            _unit(N_("million USD (2023 dollars)")),
            _("Epoch AI's training-cost estimate for {model} in our copy of its "
              "data").format(model=model),
            NOTABLE_SOURCE, "notable_models.csv", _day(date)))
    return out


def research_values(fig: pd.DataFrame) -> list[Computed]:
    first, last = "pubs-2013", "pubs-2023"
    start, end = fig.loc[first, "period"], fig.loc[last, "period"]
    return [Computed(
        "pubs-increase", increase(report_value(fig, first), report_value(fig, last)),
        "publications",
        _("Increase in AI publications from {start} to {end}, computed from the report's "
          "two counts").format(start=_period(start), end=_period(end)), REPORT,
        _where(fig, first, last), _span(start, end))]


def adoption_values(fig: pd.DataFrame) -> list[Computed]:
    old, new = "adoption-genai-2023", "adoption-genai-2024"
    start, end = fig.loc[old, "period"], fig.loc[new, "period"]
    return [Computed(
        "genai-ratio", fold_change(report_value(fig, new), report_value(fig, old)), "times",
        _("Ratio of the report's shares of respondents using generative AI, {new} over "
          "{old}").format(new=_period(end), old=_period(start)), REPORT,
        _where(fig, old, new), _span(start, end))]


# --- charts and tables ----------------------------------------------------------

CHART_REPORT = N_("AI Index 2025")
ARENA_SWITCH = N_("online Elo → Arena score")
# Keys: the gaps' names in the data; each is shown translated (_()).
GAP_COLOURS: dict[str, str] = {N_("US vs China"): "#c8102e",
                               N_("Closed vs open weights"): "#2a9d8f"}
GAP_KEYS: dict[str, tuple[str, str]] = {
    "US vs China": ("arena-uscn-2024-01", "arena-uscn-2025-02"),
    "Closed vs open weights": ("arena-closedopen-2024-01", "arena-closedopen-2025-02"),
}

ChartSpec = tuple[alt.TopLevelMixin, dict[str, object]]


def benchmark_chart(bench: pd.DataFrame, fig: pd.DataFrame) -> ChartSpec:
    """Slope chart of the report's US-China benchmark gaps (pp)."""
    bench = _bench_data(bench)
    chart = alt.Chart(bench).mark_line(point=alt.OverlayMarkDef(size=80)).encode(
        x=alt.X("year:O", title=_("End of year")),
        y=alt.Y("gap_pp:Q", title=_("US lead over China (percentage points)")),
        color=alt.Color("benchmark:N", title=_("Benchmark")),
        tooltip=[_tip("benchmark", N_("Benchmark")), _tip("year", N_("End of year")),
                 alt.Tooltip("gap_pp:Q", title=_("Gap (pp)")),
                 alt.Tooltip("min_relative_gap_percent:Q", title=_("Relative gap, at least (%)"))],
    ).properties(width=420)
    first, last = YEARS
    wide = bench.pivot(index="benchmark", columns="year", values="gap_pp")
    fell = bool((wide[last] < wide[first]).all())
    title = (_("The US lead shrank on every benchmark between {first} and {last}") if fell else
             _("The US lead did not shrink on every benchmark between {first} and {last}")
             ).format(first=first, last=last)
    key = f"gap-mmlu-{first}"
    return chart, dict(
        chart_id="benchmark-gaps", title=title,
        source=_report_source(fig, key),
        description=_("Slope chart of the gap in percentage points between the top US and top "
                      "Chinese model on each selected benchmark at the end of {first} and "
                      "{last}.").format(first=first, last=last),
        data=bench)


# Dates on a Chinese chart (d3-time-format): 2025年2月, 2025年2月14日.
MONTH_FORMAT_ZH = "%Y年%-m月"
DAY_FORMAT_ZH = "%Y年%-m月%-d日"


def _tip(english: str | alt.Tooltip, title: str, date_format: str = "") -> str | alt.Tooltip:
    """A tooltip field: exactly the English edition's (where the field's own name was
    its title), titled with the translated ``title`` in Chinese (and a date shown
    in ``date_format``)."""
    if not is_chinese():
        return english
    tip = alt.Tooltip(english) if isinstance(english, str) else english.copy()
    tip["title"] = _(title)
    if date_format:
        tip["format"] = date_format
    return tip


def _date_x(title: str) -> alt.X:
    """A time axis: the English edition's as it was; Chinese month labels (2024年4月)
    in the Chinese edition, where Vega would write English month names."""
    if not is_chinese():
        return alt.X("date:T", title=title)
    return alt.X("date:T", title=title, axis=alt.Axis(format=MONTH_FORMAT_ZH))


def _report_source(fig: pd.DataFrame, key: str, extra: str = "") -> str:
    """The AI Index and a figure's place in it, as a chart's source line."""
    where = data_text(str(fig.loc[key, "location"]))
    # Translators: a chart's source: the report, then the place in it (ch. 2, p. 96 …)
    return _("{report}, {where}").format(report=_(CHART_REPORT), where=where) + extra


def arena_chart(annotated: pd.DataFrame, fig: pd.DataFrame, top_k: int) -> ChartSpec:
    """Step lines of the recomputed US-China and closed-open gaps, with the report's
    values as diamonds and the switch from online Elo to Arena score as a rule."""
    series = gap_series(annotated, top_k)
    series = series[series.gap.isin(list(GAP_KEYS))]
    plot = series[["date", "gap", "gap_percent", "leader_model", "follower_model",
                   "rating_kind"]].copy()
    plot["gap_percent"] = plot["gap_percent"].round(2)
    claimed = pd.DataFrame([
        {"date": pd.Timestamp(str(fig.loc[k, "period"])), "gap": gap,
         "gap_percent": report_value(fig, k),
         "label": _("reported {value} %").format(value=fmt(report_value(fig, k)))}
        for gap, keys in GAP_KEYS.items() for k in keys])
    first, last = plot.date.min(), plot.date.max()
    end_period = str(fig.loc[GAP_KEYS["US vs China"][1], "period"])
    in_month = plot[plot.date.dt.strftime("%Y-%m") == end_period]
    both = in_month.groupby("date").gap_percent.max()
    low = float(both.min()) if not both.empty else float("nan")
    if is_chinese():  # the gaps' names and ratings as the reader reads them
        plot["gap"] = plot["gap"].map(_)
        plot["rating_kind"] = plot["rating_kind"].map(lambda r: _(RATING_WORDS.get(str(r), str(r))))
        claimed["gap"] = claimed["gap"].map(_)
    scale = alt.Scale(domain=[_(g) for g in GAP_COLOURS], range=list(GAP_COLOURS.values()))
    x = _date_x(_("Leaderboard date"))
    y = alt.Y("gap_percent:Q", title=_("Lead of the top model (% of the follower's score)"))
    lines = alt.Chart(plot).mark_line(interpolate="step-after").encode(
        x=x, y=y, color=alt.Color("gap:N", scale=scale, title=_("Gap")),
        tooltip=[_tip(alt.Tooltip("date:T"), N_("Leaderboard date"), DAY_FORMAT_ZH),
                 _tip("gap", N_("Gap")),
                 alt.Tooltip("gap_percent:Q", title=_("Gap (%)")),
                 _tip("leader_model", N_("Leading model")),
                 _tip("follower_model", N_("Following model")),
                 _tip("rating_kind", N_("Rating"))])
    points = alt.Chart(claimed).mark_point(shape="diamond", size=120, filled=True,
                                           color="black").encode(
        x=x, y=y, tooltip=[_tip("gap", N_("Gap")), _tip("label", N_("Report")),
                           _tip(alt.Tooltip("date:T", title=_("Month")), N_("Month"),
                                MONTH_FORMAT_ZH)])
    switch = pd.DataFrame({"date": [pd.Timestamp(SWITCH_DATES[1])], "what": [_(ARENA_SWITCH)]})
    rule = alt.Chart(switch).mark_rule(strokeDash=[4, 4], color="#555").encode(
        x=x, tooltip=[_tip("what", N_("Change of rating"))])
    title = _("On the Arena, the US and closed-model leads were both down to {value} % "
              "in {month}").format(value=fmt(low), month=fmt_month(pd.Timestamp(end_period)))
    return lines + points + rule, dict(
        chart_id="arena-gaps", title=title,
        source=_("LMSYS/LMArena leaderboard history (jasontrigg0/chatbot-arena-history); "
                 "reported points: {report}").format(
            report=_report_source(fig, GAP_KEYS["US vs China"][1])),
        description=_("Step lines of the relative Arena-score gap between the top US and top "
                      "Chinese model and between the top closed and top open-weight model, "
                      "{first} to {last}; black diamonds mark the values the report gives; a "
                      "dashed rule marks the switch from online Elo to Arena score on "
                      "{switch}.").format(first=_month_key(first), last=_month_key(last),
                                          switch=_period(SWITCH_DATES[1])),
        data=plot)


def _month_key(when: pd.Timestamp) -> str:
    """``2024-01`` in English (as the English edition writes it), 2024年1月 in Chinese."""
    return fmt_month(when) if is_chinese() else f"{when:%Y-%m}"


def notable_chart(counts: pd.DataFrame, newest: pd.Timestamp) -> ChartSpec:
    plot = counts[counts.region.isin(list(REGIONS))].copy()
    last = int(plot.year.max())
    prev = plot[plot.year == last - 1].set_index("region")["models"]
    now = plot[plot.year == last].set_index("region")["models"]
    fewer = all(now.get(r, 0.0) < prev.get(r, 0.0) for r in REGIONS)
    lead = str(now.idxmax()) if not now.empty else "—"
    lead = _("The United States") if lead == "United States" else _region(lead)
    title = _("{lead} still produces the most notable models").format(lead=lead) + (
        _(", but all three regions made fewer in {year}").format(year=last) if fewer else "")
    scale = country_scale(list(REGIONS))
    if is_chinese():  # the regions by their Chinese names, each in its fixed colour
        plot["region"] = plot["region"].map(_region)
        scale = alt.Scale(domain=[_region(r) for r in REGIONS], range=scale.range)
    chart = alt.Chart(plot).mark_line(point=True).encode(
        x=alt.X("year:O", title=_("Publication year")),
        y=alt.Y("models:Q", title=_("Notable models (count)")),
        color=alt.Color("region:N", scale=scale, title=_("Country or region")),
        tooltip=[_tip("year", N_("Publication year")), _tip("region", N_("Country or region")),
                 _tip(alt.Tooltip("models:Q", format=".1f"), N_("Notable models"))])
    return chart, dict(
        chart_id="notable-models", title=title,
        source=_("Epoch AI, Notable AI Models (CC-BY-4.0), our copy: newest entry {newest}, "
                 "download date unknown").format(newest=_day(newest)),
        description=_("Lines of notable AI models per publication year, {first} to {last}, "
                      "for the United States, China and Europe under the chosen attribution "
                      "rule.").format(first=int(plot.year.min()), last=last),
        data=plot)


def inference_chart(fig: pd.DataFrame) -> ChartSpec:
    old, new = "inference-price-2022-11", "inference-price-2024-10"
    years = pd.DataFrame({
        "date": [pd.Timestamp(str(fig.loc[k, "period"])) for k in (old, new)],
        "usd_per_mtok": [report_value(fig, old), report_value(fig, new)],
        "model": [data_text(str(fig.loc[old, "quantity"])), data_text(str(fig.loc[new, "note"]))]})
    chart = alt.Chart(years).mark_line(point=alt.OverlayMarkDef(size=90)).encode(
        x=_date_x(_("Month")),
        y=alt.Y("usd_per_mtok:Q", scale=alt.Scale(type="log"),
                title=_("Price (USD per million tokens, log scale)")),
        tooltip=[_tip(alt.Tooltip("date:T", format="%Y-%m"), N_("Month"), MONTH_FORMAT_ZH),
                 _tip("model", N_("Model")),
                 alt.Tooltip("usd_per_mtok:Q", title=_("USD per million tokens"))])
    fold = fold_change(report_value(fig, old), report_value(fig, new))
    months = month_span(str(fig.loc[old, "period"]), str(fig.loc[new, "period"]))
    return chart, dict(
        chart_id="inference-cost",
        title=ngettext("GPT-3.5-level inference became about {fold} times cheaper in {n} month",
                       "GPT-3.5-level inference became about {fold} times cheaper in {n} months",
                       months).format(fold=f"{fold:.0f}", n=months),
        source=_report_source(fig, new, _(", from Epoch AI and Artificial Analysis")),
        description=_("Two points on a logarithmic price axis: {old_price} US dollars per "
                      "million tokens in {old} and {new_price} dollars in {new}.").format(
            old_price=fmt(report_value(fig, old)), old=_period(fig.loc[old, "period"]),
            new_price=fmt(report_value(fig, new)), new=_period(fig.loc[new, "period"])),
        data=years)


def sensitivity_dates(dates: Sequence[pd.Timestamp]) -> list[pd.Timestamp]:
    """The leaderboards the sensitivity table shows: every one in the claimed months,
    and the two either side of the switch from online Elo to Arena score."""
    chosen = months_behind_dates(dates, SENSITIVITY_MONTHS)
    chosen += [pd.Timestamp(d) for d in SWITCH_DATES]
    return sorted(set(chosen))


def switch_gaps(sens: pd.DataFrame) -> tuple[float, float]:
    """The US-China gap on the last online-Elo and the first Arena-score leaderboard."""
    sens = _internal(sens, {"date": _("Leaderboard date"), "us-china": _("US vs China (%)")})
    before, after = (float(sens.loc[sens.date == d, "us-china"].iloc[0]) for d in SWITCH_DATES)
    return before, after


def notable_tables(models: pd.DataFrame, rule: str) -> dict[str, object]:
    """Counts per year and region under ``rule``, the 2024 counts under every rule,
    and the figures the prose quotes."""
    counts = count_by_region(models, rule, range(NOTABLE_FIRST_YEAR, NOTABLE_YEAR + 1))
    rules = _display_rules(pd.DataFrame({
        r: count_by_region(models, r, [NOTABLE_YEAR]).set_index("region")["models"]
        for r in ATTRIBUTION_RULES}).round(1))
    newest = pd.to_datetime(models.publication_date).max()
    year = models[pd.to_datetime(models.publication_date).dt.year == NOTABLE_YEAR]
    europe = year[year.countries.fillna("").map(lambda c: "Europe" in attribute(c, "any"))]
    return {"counts": counts, "rules": rules, "newest": newest, "n_year": len(year),
            "n_gdm": float(europe.organization.str.contains("Google DeepMind").sum())}


def _rule_headers() -> dict[str, str]:
    """The attribution rules as a Chinese table heads their columns."""
    return {"any": _("Any listed country"), "first": _("First-listed country"),
            "sole": _("Single region only"), "fractional": _("Split equally")}


def _display_rules(rules: pd.DataFrame) -> pd.DataFrame:
    """The 2024 counts under every rule, regions and rules named for the reader (in
    Chinese; the English edition shows the names of the data)."""
    if not is_chinese():
        return rules
    shown = _display(rules, _rule_headers())
    shown.index = pd.Index([_region(r) for r in rules.index], name=_("Country or region"))
    return shown


def _rules_data(rules: pd.DataFrame) -> pd.DataFrame:
    """The inverse of :func:`_display_rules`."""
    if not is_chinese():
        return rules
    names = {_region(r): r for r in (*REGIONS, "Other")}
    data = _internal(rules, _rule_headers())
    data.index = pd.Index([names.get(str(r), str(r)) for r in rules.index], name="region")
    return data


def epoch_costs(models: pd.DataFrame) -> pd.DataFrame:
    costs = models[models.model.isin(list(COST_MODELS))][
        ["model", "publication_date", "training_cost_2023_usd"]]
    costs = costs.assign(million_usd=(costs.training_cost_2023_usd / 1e6).round(1)).drop(
        columns="training_cost_2023_usd").reset_index(drop=True)  # no data row numbers shown
    return _display(
        costs,
        {"model": _("Model"), "publication_date": _("Publication date"),
         "million_usd": _("Training cost (million USD, 2023 dollars)")})


# --- figures the prose quotes (glued by name) --------------------------------------

# glue name -> claim whose stated value the prose quotes
REPORTED_GLUE: dict[str, str] = {
    "solidot_23": "solidot-gap-2023", "solidot_24": "solidot-gap-2024",
    "boc_mmlu23": "boc-gap-mmlu-2023", "boc_mmlu24": "boc-gap-mmlu-2024",
    "boc_he23": "boc-gap-humaneval-2023", "boc_he24": "boc-gap-humaneval-2024",
    "zgjyb_uscn0": "zgjyb-arena-uscn-2024-01", "zgjyb_co0": "zgjyb-arena-openclosed-start",
    "zgjyb_co1": "zgjyb-arena-openclosed-end", "sec_top10_1": "solidot-arena-top10-end",
    "solidot_ind": "solidot-notable-industry", "zgjyb_fall": "zgjyb-inference-fall",
    "zgjyb_pubs": "zgjyb-pubs-increase", "zgjyb_pat13": "zgjyb-patents-2013",
    "zgjyb_pat_growth": "zgjyb-patents-growth", "zgjyb_rebench_long": "zgjyb-rebench-long-budget",
    "zgjyb_pages": "zgjyb-report-pages", "zgjyb_mentions": "zgjyb-deepseek-mentions",
    "zgjyb_ds_cost": "zgjyb-cost-deepseek-v3",
}
# glue name -> report figure the prose quotes
REPORT_GLUE: dict[str, str] = {
    "rep_uscn0": "arena-uscn-2024-01", "rep_uscn1": "arena-uscn-2025-02",
    "rep_co0": "arena-closedopen-2024-01", "rep_co1": "arena-closedopen-2025-02",
    "rep_top10_0": "arena-top10-start", "rep_top10_1": "arena-top10-end",
    "rep_top2_0": "arena-top2-start", "rep_top2_1": "arena-top2-end",
    "rep_us_score1": "arena-us-score-2025-02", "rep_cn_score1": "arena-cn-score-2025-02",
    "rep_n_us": "notable-us-2024", "rep_n_cn": "notable-cn-2024", "rep_n_eu": "notable-eu-2024",
    "rep_total": "notable-total-2024", "rep_ind": "notable-industry-share-2024",
    "rep_n_ind": "notable-industry-2024", "mmlu_threshold": "inference-mmlu-threshold",
    "price22": "inference-price-2022-11", "price24": "inference-price-2024-10",
    "rep_fold": "inference-fold", "rep_span": "inference-span-highlight",
    "cost_altman": "cost-gpt4-altman", "cost_gpt4": "cost-gpt4", "cost_amodei": "cost-amodei-run",
    "ds_cost_producer": "deepseek-v3-training-cost",
    "pubs13": "pubs-2013", "pubs23": "pubs-2023", "patents10": "patents-2010",
    "pat_growth23": "patents-growth-2023", "rebench_short": "rebench-short-budget",
    "rebench_long": "rebench-long-budget",
    "mmlu23": "gap-mmlu-2023", "mmlu24": "gap-mmlu-2024",
    "he23": "gap-humaneval-2023", "he24": "gap-humaneval-2024",
}


def report_glue(fig: pd.DataFrame) -> dict[str, float]:
    return {name: report_value(fig, key) for name, key in REPORT_GLUE.items()}


def benchmark_prose(fig: pd.DataFrame, epoch_scores: pd.DataFrame,
                    benchmarks: Sequence[str]) -> dict[str, object]:
    first, last = YEARS
    top = top_scores(epoch_scores, "mmlu", last).set_index("country")
    us, cn = top.loc["United States of America"], top.loc["China"]
    bench = _bench_data(benchmark_table(fig, benchmarks))
    return {
        "he23_rel": min_relative_gap(report_value(fig, f"gap-humaneval-{first}")),
        "he24_rel": min_relative_gap(report_value(fig, f"gap-humaneval-{last}")),
        "mmlu23_rel": min_relative_gap(report_value(fig, f"gap-mmlu-{first}")),
        "mmlu_us": float(us.score), "mmlu_cn": float(cn.score),
        "mmlu_us_model": Plain(us.model_version), "mmlu_cn_model": Plain(cn.model_version),
        "mmlu_epoch_gap": float(us.score - cn.score),
        "mmlu24_rel": relative_gap_given_leader(report_value(fig, f"gap-mmlu-{last}"),
                                                float(us.score)),
        "mean23": float(bench.loc[bench.year == first, "gap_pp"].mean()),
        "mean23_all": (sum(report_value(fig, f"gap-{b.lower()}-{first}") for b in BENCHMARKS)
                       / len(BENCHMARKS)),
        "n_bench": len(benchmarks),
    }


def arena_prose(annotated: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, top_k: int,
                mapping: str, early_2025: Sequence[pd.Timestamp]) -> dict[str, object]:
    out: dict[str, object] = {"d_start": Plain(_day(start)),
                              "d_end": Plain(_day(end)),
                              "mapping": Plain(mapping), "k": top_k}
    tk = f"top1-top{top_k}"
    for tag, date in (("0", start), ("1", end)):
        gaps = gaps_on(annotated, date, top_k)
        for kind in ("us-china", "closed-open", tk, "top1-top2"):
            out[f"{kind.replace(tk, 'topk')}_{tag}"] = _num(gaps[kind])
        out[f"us_model_{tag}"] = Plain(str(gaps["us-china"]["leader_model"]))
        out[f"cn_model_{tag}"] = Plain(str(gaps["us-china"]["follower_model"]))
        out[f"us_score_{tag}"] = _num(gaps["us-china"], "leader_rating")
        out[f"cn_score_{tag}"] = _num(gaps["us-china"], "follower_rating")
    gaps10 = [_rank_gap_percent(annotated, d, REPORT_TOP_K) for d in early_2025]
    out.update(top10_lo=min(gaps10), top10_hi=max(gaps10),
               top10_first=Plain(_day(min(early_2025))),
               top10_last=Plain(_day(max(early_2025))), report_k=REPORT_TOP_K)
    return out


def gap_table(annotated: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
              top_k: int) -> pd.DataFrame:
    g0, g1 = gaps_on(annotated, start, top_k), gaps_on(annotated, end, top_k)
    frame = pd.DataFrame({
        f"{start:%Y-%m-%d}": {k: round(_num(v), 2) for k, v in g0.items()},
        f"{end:%Y-%m-%d}": {k: round(_num(v), 2) for k, v in g1.items()},
    })
    if is_chinese():  # the gaps by name (the English edition shows their keys)
        frame.index = pd.Index([_gap_kind(k) for k in frame.index], name=_("Gap"))
    return frame


def notable_prose(tables: dict[str, object], rule: str) -> dict[str, object]:
    rules = tables["rules"]
    assert isinstance(rules, pd.DataFrame)
    rules = _rules_data(rules)
    newest = pd.Timestamp(tables["newest"])
    return {"rule": Plain(_(RULE_TEXT[rule])), "newest": Plain(fmt_day(newest)),
            "n2024": tables["n_year"], "cn_any": float(rules.loc["China", "any"]),
            "eu_any": float(rules.loc["Europe", "any"]), "n_gdm": tables["n_gdm"]}


def cost_prose(fig: pd.DataFrame) -> dict[str, object]:
    old, new = "inference-price-2022-11", "inference-price-2024-10"
    p_old, p_new = report_value(fig, old), report_value(fig, new)
    return {"fall": percent_fall(p_old, p_new), "fold": fold_change(p_old, p_new),
            "span": month_span(str(fig.loc[old, "period"]), str(fig.loc[new, "period"]))}


def research_prose(fig: pd.DataFrame) -> dict[str, object]:
    return {"pubs_inc": increase(report_value(fig, "pubs-2013"), report_value(fig, "pubs-2023"))}


def adoption_prose(fig: pd.DataFrame) -> dict[str, object]:
    return {"genai_x": fold_change(report_value(fig, "adoption-genai-2024"),
                                   report_value(fig, "adoption-genai-2023"))}


class Plain(str):
    """A string whose repr is itself, so that myst-nb's ``{glue:text}`` shows it
    without quotes."""

    def __repr__(self) -> str:
        return str(self)
