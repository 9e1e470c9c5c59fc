"""Chapter 02 (months behind): sentences and titles the chapter page shows, written from
the computed tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...core.i18n import N_, _
from ...core.numbers import fmt_month
from .analysis import FALL_LOW_WINDOW, FALL_PEAK_WINDOW, describe_coverage, describe_fall, lag_fall
from .model import UNDER_THREE_MONTHS


def month_text(when: object, *, missing: str = N_("no month")) -> str:
    """A month for prose (:func:`fmt_month`), or ``missing`` when there is none."""
    if when is None or pd.isna(when):
        return _(missing)
    return fmt_month(pd.Timestamp(str(when)))


def coverage_sentence(closing: pd.DataFrame) -> str:
    """:func:`describe_coverage` as a sentence, adding that the shrinking story cannot
    be traced end to end when no metric has an uncensored early lag and a Q2 lag."""
    text = describe_coverage(closing)
    both = closing[closing["early_lag_months"].notna() & closing["q2_2025_lag_months"].notna()]
    if not (~both["early_censored"].astype(bool)).any():
        text = _("{text}, so the story of a lag that shrank from late 2022 to Q2 2025 cannot be "
                 "traced end to end in these data").format(text=text)
    return text[:1].upper() + text[1:]


def fall_sentence(long: pd.DataFrame) -> str:
    """The fall of the lag between :data:`FALL_PEAK_WINDOW` and :data:`FALL_LOW_WINDOW`,
    as a sentence."""
    return _("Comparing the longest lag from {peak_from} to {peak_to} with the shortest from "
             "{low_from} to {low_to}, {fall}").format(
        peak_from=month_text(FALL_PEAK_WINDOW[0]), peak_to=month_text(FALL_PEAK_WINDOW[1]),
        low_from=month_text(FALL_LOW_WINDOW[0]), low_to=month_text(FALL_LOW_WINDOW[1]),
        fall=describe_fall(lag_fall(long)))


def lag_chart_title(at_q2: pd.DataFrame) -> str:
    """Title of the lag-per-metric chart, from the lags at the end of Q2 2025."""
    n_under = int((at_q2["lag_months"] < UNDER_THREE_MONTHS).sum())
    return _("At the end of Q2 2025 the lag is under three months on {n_under} of "
             "{n} metrics with data").format(n_under=n_under, n=len(at_q2))


def open_lead_title(first_lead: object) -> str:
    return _("On the ECI, China's best open-weights model first passed the US's in "
             "{month}").format(month=month_text(first_lead))


@dataclass(frozen=True)
class UserFigures:
    """The post's MAU figures beside QuestMobile's counts by product form, for prose."""

    values: dict[str, float]

    @classmethod
    def build(cls, figures: pd.DataFrame, reported: dict[str, float]) -> UserFigures:
        """``figures``: the reported-figures table indexed by figure_id; ``reported``:
        the post's values keyed tongyi_mau, doubao_mau, kimi_mau."""
        rows = {"tongyi_app": "boc-fig15-tongyi-app", "tongyi_web": "boc-fig15-tongyi-web",
                "doubao_app": "boc-fig15-doubao-app", "doubao_web": "boc-fig15-doubao-web",
                "quark": "boc-fig15-quark-search", "qm_kimi": "qm-kimi-mau-2025q2"}
        v = {name: float(figures.loc[fid, "value"]) for name, fid in rows.items()}
        v.update({f"okeeper_{k}": float(x) for k, x in reported.items()})
        v["tongyi_times"] = v["okeeper_tongyi_mau"] / v["tongyi_app"]
        v["tongyi_family"] = v["tongyi_app"] + v["tongyi_web"] + v["quark"]
        v["kimi_pct"] = 100 * v["qm_kimi"] / v["okeeper_kimi_mau"]
        return cls(v)
