"""Chapter 04 (second-hand e-commerce): Xianyu's users, listings and age shares, and their
charts."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from ...core.arithmetic import months_between
from ...core.charts import tooltip
from ...core.i18n import N_, _, data_text, is_chinese
from ...core.numbers import fmt_amount, fmt_number, period_text
from .analysis import CohortBounds, share_pct
from .model import MARKER_SIZE

USER_METRICS = ("registered users", "user accounts", "monthly active users", "daily active users")


# Translators: the age cohorts born 1995-99 and 2000-09.
POST95, POST00 = N_("post-95s (95后)"), N_("post-00s (00后)")


def xianyu_values(xianyu: pd.DataFrame, ai_users: float) -> dict[str, float]:
    """Xianyu's user counts over time and the share the AI claim is of them, for prose.
    ``xianyu`` is indexed by figure_id; ``ai_users`` is the article's AI figure."""
    then, now = xianyu.loc["users-2023-05"], xianyu.loc["users-2025-03"]
    months = months_between(str(then["date"]), str(now["date"]))
    users_then, users_now = float(then["value"]), float(now["value"])
    mau = float(xianyu.loc["mau-2024-04", "value"])
    return {"months_gap": months, "users_then": users_then, "users_now": users_now,
            "users_per_month": (users_now - users_then) / months,
            "listings_then": float(xianyu.loc["listings-2024-04", "value"]),
            "dau": float(xianyu.loc["dau-2023", "value"]), "mau": mau,
            "ai_users_later": float(xianyu.loc["ai-users-2025-11", "value"]),
            "ai_share": share_pct(ai_users, users_now), "ai_share_mau": share_pct(ai_users, mau)}


def users_figure(xianyu: pd.DataFrame) -> dict[str, Any]:
    """Xianyu's user counts by date and measure (``xianyu`` indexed by figure_id)."""
    users = xianyu.reset_index()
    users = users[users["metric"].isin(USER_METRICS)]
    users = users.assign(bound=users["comparison"].map({">": _("more than (lower bound)"),
                                                        "=": _("about")}))[
        ["figure_id", "metric", "value", "comparison", "bound", "date", "source_id"]]
    if is_chinese():
        users["metric"] = users["metric"].map(lambda v: data_text(str(v)))
    # In Chinese the chart counts in 万 (100 of them to a million), as Chinese newsrooms
    # write counts; its axis says so.
    shown = users.assign(value=users["value"] * 100) if is_chinese() else users
    chart = alt.Chart(shown).mark_point(filled=True, size=MARKER_SIZE).encode(
        x=alt.X("date:T", title=_("Date")), y=alt.Y("value:Q", title=_("Users (million)")),
        color=alt.Color("metric:N", title=_("Measure")),
        shape=alt.Shape("bound:N", title=_("Stated as")),
        tooltip=[tooltip("metric:N", N_("Measure")), tooltip("date:N", N_("Date")),
                 alt.Tooltip("value:Q", title=_("Million")), tooltip("bound:N", N_("Stated as")),
                 tooltip("source_id:N", N_("Source"))])
    registered = float(xianyu.loc["users-2025-03", "value"])
    mau = float(xianyu.loc["mau-2024-04", "value"])
    # "Passed" for a bound (the source's 破), in both editions; in Chinese the value takes
    # its scale word (6亿), in English "million" stays in the sentence.
    listing = _("; ").join(
        (_("{metric} passed {value} million ({date})") if r.comparison == ">"
         else _("{metric} {value} million ({date})")).format(
            metric=r.metric, date=period_text(r.date),
            value=fmt_amount(r.value, "million") if is_chinese() else fmt_number(r.value))
        for r in users.itertuples())
    registered_text = (fmt_amount(registered, "million") if is_chinese()
                       else fmt_number(registered))
    return dict(
        chart=chart, chart_id="xianyu-users",
        title=_("Xianyu's registered users passed {registered} million; its monthly "
                "actives, counted a year earlier, were {share:.0f} % of that "
                "number").format(registered=registered_text, share=share_pct(mau, registered)),
        source=_("中国市场监管报 2025-03-25; China Daily via Hangzhou 2024-03-08; QuestMobile via "
                 "information.bz 2024-08-05"),
        description=_("Xianyu user counts by date, in millions: {listing}.").format(
            listing=listing),
        data=users)


def cohort_bounds(post95: float, post00: float) -> tuple[CohortBounds, CohortBounds]:
    """The two readings of the age floors: disjoint cohorts, and 95后 containing 00后."""
    floors = {POST95: post95, POST00: post00}
    return CohortBounds(floors), CohortBounds(floors, nested=True)


def cohort_values(post95: float, post00: float, xianyu: pd.DataFrame) -> dict[str, Any]:
    """Floors, ceilings and the other age shares Xianyu released, for prose."""
    disjoint, nested = cohort_bounds(post95, post00)
    together = float(xianyu.loc["post95-00-2025-12", "value"])
    return {"combined": disjoint.combined_lower(), "nested_floor": nested.combined_lower(),
            "upper95": disjoint.upper(POST95), "upper00": disjoint.upper(POST00),
            "post95_dau": float(xianyu.loc["post95-dau-2023", "value"]),
            "post95_cd": float(xianyu.loc["post95-2025", "value"]),
            "post95_2024": float(xianyu.loc["post95-2024-04", "value"]),
            "post00_2024": float(xianyu.loc["post00-2024-04", "value"]),
            "post95_00": together,
            "post95_00_vs_floor": (_("above") if together > disjoint.combined_lower()
                                   else _("not above"))}


OTHER_AGE_SHARES = {
    "post95-dau-2023": POST95, "post95-2025": POST95, "post95-2024-04": POST95,
    "post00-2024-04": POST00,
}


def age_bounds_figure(post95: float, post00: float, xianyu: pd.DataFrame) -> dict[str, Any]:
    """The range each "more than" age share leaves open, with the other shares Xianyu
    released as diamonds."""
    disjoint, _nested = cohort_bounds(post95, post00)
    ranges = disjoint.table()
    others = pd.DataFrame([
        {"cohort": cohort, "value_pct": float(xianyu.loc[fid, "value"]),
         "what": _("{metric}, {date} ({source_id})").format(
             metric=data_text(str(xianyu.loc[fid, "metric"])),
             date=period_text(str(xianyu.loc[fid, "date"])),
             source_id=xianyu.loc[fid, "source_id"])}
        for fid, cohort in OTHER_AGE_SHARES.items()])
    if is_chinese():
        ranges["cohort"] = ranges["cohort"].map(_)
        others["cohort"] = others["cohort"].map(_)
    x_title = _("Share of Xianyu users (%)")
    cohort_title = _("Cohort")
    base = alt.Chart(ranges)
    possible = base.mark_bar(opacity=0.25, color="#c8102e").encode(
        x=alt.X("lower_pct:Q", title=x_title, scale=alt.Scale(domain=[0, 100])),
        x2=alt.X2("upper_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[tooltip("cohort:N", N_("Cohort")),
                 alt.Tooltip("lower_pct:Q", title=_("Stated floor (%)")),
                 alt.Tooltip("upper_pct:Q",
                             title=_("Highest possible if cohorts are disjoint (%)"))])
    floor = base.mark_bar(color="#c8102e").encode(
        x=alt.X("lower_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[tooltip("cohort:N", N_("Cohort")),
                 alt.Tooltip("lower_pct:Q", title=_("Stated: more than (%)"))])
    dots = alt.Chart(others).mark_point(shape="diamond", size=MARKER_SIZE, filled=True,
                                        color="black").encode(
        x=alt.X("value_pct:Q", title=x_title), y=alt.Y("cohort:N", title=cohort_title),
        tooltip=[tooltip("what:N", N_("Release")), alt.Tooltip("value_pct:Q", title="%")])
    plot_data = pd.concat([ranges.assign(kind="range"), others.assign(kind="other release")],
                          ignore_index=True)
    shown = _("; ").join(_("{what}: {value} %").format(what=r.what, value=fmt_number(r.value_pct))
                         for r in others.itertuples())
    return dict(
        chart=possible + floor + dots, chart_id="xianyu-age-bounds",
        title=_("'More than {post95:g} %' and 'more than {post00:g} %' are floors: the true "
                "shares can lie anywhere in the light bars").format(post95=post95,
                                                                   post00=post00),
        source=_("中国经营报 April 2025 (floors); People's Daily (Xinhua) 2024-04-09, "
                 "information.bz 2024-08-05 and China Daily 2025 (diamonds)"),
        description=_("Solid bars show the stated floors, {post95:g} % for post-95s and "
                      "{post00:g} % for post-00s; light bars extend to the highest share "
                      "possible if the cohorts do not overlap ({upper95:g} % and {upper00:g} %); "
                      "diamonds mark other shares Xianyu released: {shown}.").format(
            post95=post95, post00=post00, upper95=disjoint.upper(POST95),
            upper00=disjoint.upper(POST00), shown=shown),
        data=plot_data)
