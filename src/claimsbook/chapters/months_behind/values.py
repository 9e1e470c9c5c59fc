"""Chapter 02 (months behind): the values the chapter records for its checks (Computed),
each with what it measures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ...core.arithmetic import months_between
from ...core.i18n import N_, _
from ...core.ledger import Computed
from ...core.numbers import fmt_amount, fmt_day
from ..lag import Frontier, frontier
from .analysis import first_release, release_of, score_margin
from .lags import LagRules, lead_changes
from .model import Q2_2025_END
from .words import (
    ARENA_SOURCE,
    EPOCH_SOURCE,
    LLAMA_405B_MODELS,
    POST_SOURCE,
    QWQ_MODEL,
    R1_0528,
    _value,
    country_name,
    metric_name,
    model_set_name,
)


def lag_values(closing: pd.DataFrame, rules: LagRules, model_set: str) -> list[Computed]:
    """For every metric of a one-tolerance :func:`sweep` table: the first measurable
    lag (``lag-early-<metric>``) and the lag at the end of Q2 2025
    (``lag-q2-2025-<metric>``), in months. They are recomputations on proxy metrics,
    which the checks show as context only."""
    values = []
    for row in closing.to_dict("records"):
        metric = str(row["metric"])
        source = ARENA_SOURCE if metric == "arena" else EPOCH_SOURCE
        what = _("lag of {follower} behind {leader} recomputed on {metric} (tolerance "
                 "{tolerance}, model set {model_set})").format(
            follower=country_name(rules.follower), leader=country_name(rules.leader),
            metric=metric_name(metric), tolerance=f"{float(row['tolerance']):g}",
            model_set=model_set_name(model_set))
        early = _value(row["early_lag_months"])
        early_date = row["early_date"]
        if early is None or early_date is None or pd.isna(early_date):
            early_label = _("{what}: no measurable month in the early window").format(what=what)
            period = ""
        elif bool(row["early_censored"]):
            early_label = _("{what}, first measurable month-end, a lower bound").format(
                what=what)
            period = f"{pd.Timestamp(early_date):%Y-%m-%d}"
        else:
            early_label = _("{what}, first measurable month-end").format(what=what)
            period = f"{pd.Timestamp(early_date):%Y-%m-%d}"
        values.append(Computed(f"lag-early-{metric}", early, "months", early_label,
                               source_id=source, period=period))
        q2 = _value(row["q2_2025_lag_months"])
        q2_label = what if q2 is not None else _("{what}: no data for this date").format(
            what=what)
        values.append(Computed(f"lag-q2-2025-{metric}", q2, "months", q2_label,
                               source_id=source, period=f"{Q2_2025_END:%Y-%m-%d}"))
    return values


def arena_margin_value(models: pd.DataFrame, rating_date: object) -> Computed:
    """QwQ-32B-Preview's arena rating minus the better Llama 3.1 405B entry's
    (``qwq-arena-margin``): chat preference, another metric than the claim's."""
    margin = score_margin(models, QWQ_MODEL, LLAMA_405B_MODELS)
    return Computed(
        "qwq-arena-margin", margin, "rating points",
        _("Chatbot Arena rating of {model} minus the better Llama 3.1 405B Instruct entry "
          "(chat preference, not Artificial Analysis's index)").format(model=QWQ_MODEL),
        source_id=ARENA_SOURCE, period=_("leaderboard of {date}").format(
            date=f"{pd.Timestamp(str(rating_date)):%Y-%m-%d}"))


def margin_phrase(margin: float) -> str:
    """A margin in words, without a sign: "115 points lower" / 低115分."""
    points = f"{abs(margin):.0f}"
    if margin < 0:
        # Translators: a model's arena score below another's; {points} without a sign
        return _("{points} points lower").format(points=points)
    # Translators: a model's arena score above another's; {points} without a sign
    return _("{points} points higher").format(points=points)


def index_ratio_value(later: float, earlier: float) -> Computed:
    """The post's own R1-0528 index value over its value for DeepSeek's first model
    (``deepseek-index-ratio``): arithmetic on the claim's own figures."""
    return Computed(
        "deepseek-index-ratio", later / earlier, "times",
        _("ratio of the post's own index values, {later} for R1-0528 over {earlier} for "
          "DeepSeek's first model").format(later=f"{later:g}", earlier=f"{earlier:g}"),
        source_id=POST_SOURCE)


# The window of the post's "since then China's open models have kept the lead": from
# QwQ-32B-Preview's month to the end of the report's quarter.
OPEN_LEAD_WINDOW: tuple[str, str] = ("2024-11-01", "2025-06-30")


R1_RELEASE = pd.Timestamp("2025-01-20")


def days_led(changes: pd.DataFrame, country: str, start: object, end: object) -> float:
    """Days from ``start`` to ``end`` (both midnight) on which ``country`` held the lead
    in a :func:`lead_changes` table (the lead held before ``start`` carries in)."""
    first, last = pd.Timestamp(str(start)), pd.Timestamp(str(end))
    if changes.empty:
        return 0.0
    ordered = changes.sort_values("date")
    before = ordered[ordered["date"] <= first]
    holder = str(before["leader"].iloc[-1]) if len(before) else None
    total, since = 0.0, first
    inside = ordered[(ordered["date"] > first) & (ordered["date"] < last)]
    for when, leader in zip(inside["date"], inside["leader"]):
        if holder == country:
            total += (pd.Timestamp(when) - since) / pd.Timedelta(days=1)
        holder, since = str(leader), pd.Timestamp(when)
    if holder == country:
        total += (last - since) / pd.Timedelta(days=1)
    return total


def open_lead_values(open_models: pd.DataFrame, leader: str, follower: str) -> list[Computed]:
    """Context for the post's open-weights sentence, on the ECI's open-weights models:
    ``open-us-ahead-days-eci`` (days in :data:`OPEN_LEAD_WINDOW` on which ``leader``'s
    best open model was ahead) and ``open-margin-eci-before-r1`` /
    ``open-margin-eci-after-r1`` (``follower``'s best minus ``leader``'s, the day before
    DeepSeek-R1's release and on it)."""
    changes = lead_changes(open_models, leader, follower)
    days = days_led(changes, leader, *OPEN_LEAD_WINDOW)
    curves = {c: Frontier.from_table(frontier(open_models[open_models["country"] == c]))
              for c in (leader, follower)}

    def margin(when: pd.Timestamp) -> float:
        return curves[follower].best_at(when) - curves[leader].best_at(when)

    window = f"{OPEN_LEAD_WINDOW[0]}/{OPEN_LEAD_WINDOW[1]}"
    said = dict(leader=_("the United States") if leader == "United States"
                else country_name(leader), follower=country_name(follower))
    return [
        Computed("open-us-ahead-days-eci", days, "days",
                 _("days on which the best open-weights model of {leader} stood above the "
                   "best of {follower} on the Epoch Capabilities Index").format(**said),
                 source_id=EPOCH_SOURCE, period=window),
        Computed("open-margin-eci-before-r1", margin(R1_RELEASE - pd.Timedelta(days=1)),
                 "ECI points",
                 _("margin of the best open-weights model of {follower} over the best of "
                   "{leader} on the Epoch Capabilities Index, the day before DeepSeek-R1's "
                   "release").format(**said),
                 source_id=EPOCH_SOURCE, period=f"{R1_RELEASE - pd.Timedelta(days=1):%Y-%m-%d}"),
        Computed("open-margin-eci-after-r1", margin(R1_RELEASE), "ECI points",
                 _("margin of the best open-weights model of {follower} over the best of "
                   "{leader} on the Epoch Capabilities Index, on DeepSeek-R1's release "
                   "day").format(**said),
                 source_id=EPOCH_SOURCE, period=f"{R1_RELEASE:%Y-%m-%d}"),
    ]


# The Chinese labs the post names (section 四), as Epoch's organisation names begin.
NAMED_CHINESE_LABS: tuple[str, ...] = (
    "Alibaba", "ByteDance", "Huawei", "Tencent", "Baidu", "DeepSeek", "Moonshot", "Zhipu",
    "StepFun")


POST_DATE = pd.Timestamp("2025-08-20")


def named_labs_with_open_weights(benchmarks: pd.DataFrame, by: object = POST_DATE,
                                 labs: Sequence[str] = NAMED_CHINESE_LABS) -> Computed:
    """``named-cn-labs-open-in-epoch``: how many of ``labs`` have a model with open
    weights released on or before ``by`` in the Epoch extract. Epoch's tables hold only
    benchmarked models, so a lab missing here may still have released open weights."""
    rows = benchmarks[pd.to_datetime(benchmarks["release_date"]) <= pd.Timestamp(by)]
    open_rows = rows[rows["accessibility"].fillna("").astype(str).str.startswith("Open weights")]
    organisations = open_rows["organization"].fillna("").astype(str)
    found = [lab for lab in labs if organisations.str.contains(lab, regex=False).any()]
    return Computed(
        "named-cn-labs-open-in-epoch", float(len(found)), "labs",
        _("of the {n} Chinese labs the post names, those with an open-weights model in Epoch "
          "AI's benchmark tables ({found}); a lab without one there may still have released "
          "open weights").format(n=len(labs), found=_(", ").join(found) or _("none")),
        source_id=EPOCH_SOURCE, period=_("up to {date}").format(date=fmt_day(pd.Timestamp(by))))


# The big tech firms the post names that QuestMobile's June 2025 table (Bank of China
# Research, figure 15) covers, each with its rows in the reported-figures table.
BIG_FIRM_APPS: dict[str, tuple[str, ...]] = {
    "Baidu": ("boc-fig15-baidu-ai-plugin",),
    "Alibaba": ("boc-fig15-tongyi-app", "boc-fig15-quark-search", "boc-fig15-tongyi-web"),
    "Tencent": ("boc-fig15-wechat-ai-search", "qm-yuanbao-mau-2025q2"),
    "ByteDance": ("boc-fig15-douyin-ai-search", "boc-fig15-doubao-app", "boc-fig15-doubao-web"),
}


# The firms by name in the reader's language.
FIRM_NAMES = {"Baidu": N_("Baidu"), "Alibaba": N_("Alibaba"), "Tencent": N_("Tencent"),
              "ByteDance": N_("ByteDance")}


APP_BAR_MILLIONS = 100.0


def firms_over_bar(figures: pd.DataFrame, firms: dict[str, tuple[str, ...]] = BIG_FIRM_APPS,
                   bar: float = APP_BAR_MILLIONS) -> Computed:
    """``big-firms-largest-app-over-bar``: how many ``firms`` have an AI application above
    ``bar`` million monthly active users, judging each firm by its largest row of
    ``figures`` (the reported-figures table indexed by figure_id)."""
    largest = {firm: max(float(figures.loc[fid, "value"]) for fid in rows)
               for firm, rows in firms.items()}
    above = [firm for firm, value in largest.items() if value > bar]
    below = [firm for firm in firms if firm not in above]
    return Computed(
        "big-firms-largest-app-over-bar", float(len(above)), "firms",
        _("of the {n} big tech firms the post names that QuestMobile's June 2025 table covers, "
          "those whose largest AI application there has more than {bar} monthly active "
          "users (below: {below})").format(
            n=len(firms), bar=fmt_amount(bar, "million"),
            below=_(", ").join(_(FIRM_NAMES.get(firm, firm)) for firm in below) or _("none")),
        source_id="boc-research-2025", location=_("figure 15 (QuestMobile)"), period="2025-06")


# The year the post dates DeepSeek's first release in: months are counted from its January.
FIRST_RELEASE_BASE_YEAR = 2023


@dataclass(frozen=True)
class DeepSeekSpan:
    """DeepSeek's first model in Epoch's ECI table and the months to R1-0528."""

    first_model: str
    first_date: pd.Timestamp
    r1_date: pd.Timestamp
    months: float
    first_eci: float
    r1_eci: float

    def computed(self) -> list[Computed]:
        """``deepseek-first-to-r1-0528``: the span on Epoch's release dates; and
        ``deepseek-first-release-month``: the month of DeepSeek's first release, counted
        from January 2023 (so 11 is November 2023 and 13 January 2024)."""
        first_month = (self.first_date.year - FIRST_RELEASE_BASE_YEAR) * 12 + self.first_date.month
        location = _("Epoch Capabilities Index table, release dates")
        return [
            Computed(
                "deepseek-first-to-r1-0528", self.months, "months",
                _("months from the release of {first_model} ({first_date}), DeepSeek's first "
                  "model in Epoch AI's ECI table, to {r1} ({r1_date})").format(
                    first_model=self.first_model, first_date=f"{self.first_date:%Y-%m-%d}",
                    r1=R1_0528, r1_date=f"{self.r1_date:%Y-%m-%d}"),
                source_id=EPOCH_SOURCE, location=location),
            Computed(
                "deepseek-first-release-month", float(first_month),
                f"month of {FIRST_RELEASE_BASE_YEAR}",
                _("month of the release of {first_model} ({first_date}), DeepSeek's first "
                  "model in Epoch AI's ECI table, counted from January {year}").format(
                    first_model=self.first_model, first_date=f"{self.first_date:%Y-%m-%d}",
                    year=FIRST_RELEASE_BASE_YEAR),
                source_id=EPOCH_SOURCE, location=location,
                period=f"{self.first_date:%Y-%m}"),
        ]


def deepseek_span(eci: pd.DataFrame) -> DeepSeekSpan:
    """:class:`DeepSeekSpan` from an ECI model table (:func:`epoch_models`)."""
    first = first_release(eci, "DeepSeek")
    r1_date = release_of(eci, R1_0528)
    best = eci.groupby("model")["score"].max()
    return DeepSeekSpan(str(first["model"]), pd.Timestamp(first["date"]), r1_date,
                        months_between(first["date"], r1_date),
                        float(best[first["model"]]), float(best[R1_0528]))
