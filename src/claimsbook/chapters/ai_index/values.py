"""Chapter 01 (AI Index): the values the chapter records for its checks (Computed), each
with what it measures."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ...core.arithmetic import fold_change, percent_fall
from ...core.geography import REGIONS
from ...core.i18n import N_, _, ngettext
from ...core.ledger import Computed
from ...core.numbers import fmt_number
from .analysis import (
    count_by_region,
    frontier_lead,
    group_gap,
    increase,
    industry_share,
    min_relative_gap,
    producer_of,
    rank_gap,
    relative_gap_given_leader,
    top_scores,
)
from .model import (
    ARENA_SCORE,
    ARENA_SOURCE,
    BENCHMARKS,
    COST_MODELS,
    GAP_WORDS,
    HUB_SOURCE,
    NOTABLE_SOURCE,
    NOTABLE_YEAR,
    OWN_RUN_METRICS,
    REPORT,
    REPORT_TOP10_MODELS,
    REPORT_TOP10_MONTH,
    REPORT_TOP_K,
    RULE_TEXT,
    YEARS,
)
from .words import _day, _period, _region, _span, _unit, _where, month_span, report_value


def benchmark_values(fig: pd.DataFrame, epoch_scores: pd.DataFrame) -> list[Computed]:
    """Values computed from the report's benchmark gaps (context for the per-cent
    readings) and the Epoch Benchmarking Hub's best MMLU scores of 2024 (context:
    published results the hub collects, another vintage than the report's)."""
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
          "Chinese one ({cn_model}), in the published results Epoch's hub collects (not "
          "its own runs)").format(
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


# What a lead and its change say, per comparison (Chinese puts the sides in its own order).
OWN_RUN_LEAD = {
    "us-china": N_("Best {metric} score of a US model released by {date} ({leader}) less the "
                   "best Chinese one ({follower}), in Epoch AI's own runs"),
    "closed-open": N_("Best {metric} score of a closed-weight model released by {date} "
                      "({leader}) less the best open-weight one ({follower}), in Epoch AI's "
                      "own runs"),
}
OWN_RUN_CHANGE = {
    "us-china": N_("Change from {start} to {end} in the lead of the best US model over the best "
                   "Chinese one, in Epoch AI's own runs of the models released by each date "
                   "(benchmarks with both: {metrics}; the change nearest zero, none where they "
                   "disagree in direction)"),
    "closed-open": N_("Change from {start} to {end} in the lead of the best closed-weight model "
                      "over the best open-weight one, in Epoch AI's own runs of the models "
                      "released by each date (benchmarks with both: {metrics}; the change nearest "
                      "zero, none where they disagree in direction)"),
}
OWN_RUN_SLUGS = {"us-china": "uscn", "closed-open": "closedopen"}


def agreed_change(changes: Sequence[float]) -> float | None:
    """One change for several benchmarks, as evidence either way: the one nearest zero
    when all agree in direction (a lead that shrank on every benchmark, or grew on every
    one), none when they disagree or there are none."""
    if changes and all(c < 0 for c in changes):
        return max(changes)
    if changes and all(c > 0 for c in changes):
        return min(changes)
    return None


def own_run_windows(start: pd.Timestamp,
                    end: pd.Timestamp) -> dict[str, tuple[tuple[str, pd.Timestamp], ...]]:
    """The two windows the report's US-China passage speaks of, as (tag, date) pairs: the
    Arena's leaderboards (the chapter's parameters) and the ends of its benchmark years."""
    return {"arena": (("arena-start", pd.Timestamp(start)), ("arena-end", pd.Timestamp(end))),
            "benchmarks": tuple((str(year), pd.Timestamp(f"{year}-12-31")) for year in YEARS)}


def own_run_values(start: pd.Timestamp, end: pd.Timestamp,
                   scores: pd.DataFrame) -> list[Computed]:
    """An evaluation that rests neither on the report nor on the Arena's votes: Epoch AI's
    own runs (:data:`OWN_RUN_METRICS`) of the best model on each side of the report's two
    comparisons released by each date of each window, and each window's change in the
    lead (:func:`agreed_change`)."""
    out: list[Computed] = []
    for comparison, slug in OWN_RUN_SLUGS.items():
        for window, dated in own_run_windows(start, end).items():
            changes, complete = [], []
            for metric, name in OWN_RUN_METRICS.items():
                leads: list[float | None] = []
                for tag, date in dated:
                    try:
                        found = frontier_lead(scores, metric, date, comparison)
                    except ValueError:  # no model of one side run by that date
                        found = None
                    leads.append(found.lead if found else None)
                    out.append(Computed(
                        f"own-runs-{slug}-{metric}-{tag}", leads[-1], "percentage points",
                        _(OWN_RUN_LEAD[comparison]).format(
                            metric=name, date=_day(date),
                            leader=found.leader_model if found else "—",
                            follower=found.follower_model if found else "—"),
                        HUB_SOURCE, _("Benchmarking Hub, {metric}").format(metric=name),
                        _day(date)))
                first_lead, last_lead = leads[0], leads[-1]
                if first_lead is not None and last_lead is not None:
                    changes.append(last_lead - first_lead)
                    complete.append(name)
            first, last = dated[0][1], dated[-1][1]
            out.append(Computed(
                f"own-runs-{slug}-{window}-change", agreed_change(changes),
                "percentage points (change in the gap)",
                _(OWN_RUN_CHANGE[comparison]).format(
                    start=_day(first), end=_day(last),
                    metrics=_(", ").join(complete) or _("none")),
                HUB_SOURCE, _("Benchmarking Hub"),
                _span(f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}")))
    return out


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
    out.append(gap_change_value(annotated, end, "closed-open"))
    out.append(gap_change_value(annotated, end, f"top1-top{REPORT_TOP_K}"))
    gaps = [_rank_gap_percent(annotated, d, REPORT_TOP_K) for d in early_2025]
    if gaps:
        first, last = min(early_2025), max(early_2025)
        span = _span(f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}")
        for key, value, template in (
                ("arena-top10-early2025-low", min(gaps),
                 N_("Lowest relative gap between the first- and the {k}th-ranked model in our "
                    "recount of the leaderboards of early 2025")),
                ("arena-top10-early2025-high", max(gaps),
                 N_("Highest relative gap between the first- and the {k}th-ranked model in our "
                    "recount of the leaderboards of early 2025"))):
            out.append(Computed(
                key, value, "%",
                _(template).format(k=REPORT_TOP_K),  # their dates: the period, beside it
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
    return Computed("arena-uscn-change-arena-score", value, "percentage points (change in the gap)", label,
                    ARENA_SOURCE, _("leaderboards of {first} and {last}").format(
                        first=_day(first), last=_day(end)),
                    _span(f"{first:%Y-%m-%d}", f"{pd.Timestamp(end):%Y-%m-%d}"))


def gap_change_value(annotated: pd.DataFrame, end: pd.Timestamp, kind: str) -> Computed:
    """The change of one gap (``closed-open`` or ``top1-topK``) on one scale, as
    :func:`uscn_change_value` does for the US vs China gap: from the first leaderboard
    the history holds with the Arena score to the report's end date."""
    scored = annotated[annotated["rating_kind"] == ARENA_SCORE]
    first = pd.Timestamp(scored["date"].min())
    start_gap = _num(gap_of(annotated[annotated["date"] == first], kind))
    end_gap = _num(gap_of(annotated[annotated["date"] == pd.Timestamp(end)], kind))
    if kind in GAP_WORDS:
        what = _(GAP_WORDS[kind])
    else:
        # Translators: completes "relative gap between …"; {k} is a rank (10)
        what = _("the first- and the {k}th-ranked model").format(k=kind.split("top")[-1])
    label = _("Our recount from the leaderboard history: change in the relative gap between "
              "{what}, on the Arena score from its first leaderboard").format(what=what)
    name = kind.split("-")[-1] if kind.startswith("top1-") else kind.replace("-", "")
    key = f"arena-{name}-change-arena-score"
    return Computed(key, end_gap - start_gap, "percentage points (change in the gap)", label,
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


def us_lead_value(models: pd.DataFrame, rule: str) -> Computed:
    """How many more notable models of the year our copy of Epoch's data credits to the
    United States than to China (a lead, whatever the vintage's exact counts)."""
    counts = count_by_region(models, rule, [NOTABLE_YEAR]).set_index("region")["models"]
    lead = float(counts.get("United States", 0.0) - counts.get("China", 0.0))
    return Computed(
        f"recount-us-lead-{NOTABLE_YEAR}", lead, "models (United States less China)",
        _("Notable models of {year} credited to the United States less those credited to "
          "China in our copy of Epoch's data, rule: {rule}").format(
            year=NOTABLE_YEAR, rule=_(RULE_TEXT[rule])),
        NOTABLE_SOURCE, "notable_models.csv", _period(NOTABLE_YEAR))


def europe_rank_value(models: pd.DataFrame, rule: str) -> Computed:
    """Europe's rank among the producers of the year's notable models in our copy of
    Epoch's data, the United States and China counted as regions and every other country
    on its own (a rank, whatever the vintage's exact counts; "Multinational" is no
    producer)."""
    counts = count_by_region(models, rule, [NOTABLE_YEAR], place=producer_of)
    counts = counts[counts["region"] != "Multinational"].set_index("region")["models"]
    europe = float(counts.get("Europe", 0.0))
    rank = 1 + int((counts > europe).sum())
    return Computed(
        f"recount-europe-rank-{NOTABLE_YEAR}", float(rank), "rank",
        _("Europe's rank among the producers of {year}'s notable models (the United States, "
          "China and Europe as regions, every other country on its own) in our copy of "
          "Epoch's data, rule: {rule}").format(year=NOTABLE_YEAR, rule=_(RULE_TEXT[rule])),
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
    out.append(us_lead_value(models, rule))
    out.append(europe_rank_value(models, rule))
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
