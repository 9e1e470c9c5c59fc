"""Chapter 01 (AI Index): the figures its prose quotes, glued by name, and the tables
beside the prose."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ...core.arithmetic import fold_change, percent_fall
from ...core.i18n import _, is_chinese, pgettext
from ...core.ledger import Computed
from ...core.numbers import fmt_day
from .analysis import (
    _bench_data,
    benchmark_table,
    gaps_on,
    increase,
    min_relative_gap,
    relative_gap_given_leader,
    top_scores,
)
from .model import BENCHMARKS, OWN_RUN_METRICS, REPORT_TOP_K, RULE_TEXT, YEARS
from .tables import _rules_data
from .values import OWN_RUN_SLUGS, _num, _rank_gap_percent, report_top10_value
from .words import _day, _gap_kind, month_span, report_value

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
        "mmlu_us_model": us.model_version, "mmlu_cn_model": cn.model_version,
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
    out: dict[str, object] = {"d_start": _day(start),
                              "d_end": _day(end),
                              "mapping": mapping_name(mapping), "k": top_k}
    tk = f"top1-top{top_k}"
    for tag, date in (("0", start), ("1", end)):
        gaps = gaps_on(annotated, date, top_k)
        for kind in ("us-china", "closed-open", tk, "top1-top2"):
            out[f"{kind.replace(tk, 'topk')}_{tag}"] = _num(gaps[kind])
        out[f"us_model_{tag}"] = str(gaps["us-china"]["leader_model"])
        out[f"cn_model_{tag}"] = str(gaps["us-china"]["follower_model"])
        out[f"us_score_{tag}"] = _num(gaps["us-china"], "leader_rating")
        out[f"cn_score_{tag}"] = _num(gaps["us-china"], "follower_rating")
    gaps10 = [_rank_gap_percent(annotated, d, REPORT_TOP_K) for d in early_2025]
    named = report_top10_value(annotated)
    out.update(top10_lo=min(gaps10), top10_hi=max(gaps10),
               top10_first=_day(min(early_2025)),
               top10_last=_day(max(early_2025)), report_k=REPORT_TOP_K,
               top10_named=named.value, top10_named_day=named.period)
    return out


def _lead_text(lead: float) -> str:
    """A lead in running text, never a negative number: a lead of the other side is said."""
    if lead >= 0:
        return _("{n} points").format(n=f"{lead:.1f}")
    # Translators: a negative lead: the follower is ahead by {n} percentage points
    return _("{n} points the other way").format(n=f"{-lead:.1f}")


def own_run_prose(runs: Sequence[Computed], start: pd.Timestamp,
                  end: pd.Timestamp) -> dict[str, object]:
    """What the page says of Epoch AI's own runs (``runs``, the values
    :func:`own_run_values` recorded for ``start`` and ``end``): ``own_runs_text``, the two
    comparisons over the Arena's window in words, and ``own_<uscn|closedopen>_<metric>_
    <year>``, each lead at the end of each benchmark year (metric keys with underscores)."""
    values = {c.key: c.value for c in runs}
    sentences = []
    for comparison, slug in OWN_RUN_SLUGS.items():
        clauses: list[str] = []
        for metric, name in OWN_RUN_METRICS.items():
            first = values[f"own-runs-{slug}-{metric}-arena-start"]
            last = values[f"own-runs-{slug}-{metric}-arena-end"]
            if first is None or last is None:
                clauses = []
                break
            clauses.append(_("from {first} to {last} on {metric}").format(
                first=_lead_text(first), last=_lead_text(last), metric=name))
        if not clauses:
            sentences.append(_("Epoch's runs lack a model of one side at one of the dates, so "
                               "they cannot show that change."))
        elif comparison == "us-china":
            sentences.append(_("From {start} to {end}, the Arena comparison's window, the best US "
                               "model's lead over the best Chinese one went {changes}.").format(
                start=_day(start), end=_day(end), changes=_(" and ").join(clauses)))
        else:
            sentences.append(_("Over the same window the best closed-weight model's lead over "
                               "the best open-weight one went {changes}.").format(
                changes=_(" and ").join(clauses)))
    # Chinese runs its sentences together; English puts a space between them.
    out: dict[str, object] = {"own_runs_text": ("" if is_chinese() else " ").join(sentences)}
    for slug in OWN_RUN_SLUGS.values():
        for metric in OWN_RUN_METRICS:
            for year in YEARS:
                out[f"own_{slug}_{metric.replace('-', '_')}_{year}"] = \
                    values[f"own-runs-{slug}-{metric}-{year}"]
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
    return {"rule": _(RULE_TEXT[rule]), "newest": fmt_day(newest),
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


def mapping_name(mapping: str) -> str:
    """The country_mapping parameter's value as a reader reads it (English: the value)."""
    names = {
        # Translators: a value of the chapter's country_mapping parameter, named in prose
        "country": pgettext("country mapping", "country"),
        # Translators: a value of the chapter's country_mapping parameter, named in prose
        "country_industry": pgettext("country mapping", "country_industry"),
    }
    return names.get(mapping, mapping)

