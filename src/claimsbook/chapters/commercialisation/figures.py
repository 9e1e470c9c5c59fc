"""Chapter 03 (commercialisation): the chapter's sentences and charts: prices, the
leaderboard, MAU and token growth."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ...core.arithmetic import growth_multiple
from ...core.i18n import N_, _, is_chinese
from ...core.charts import country_scale, tooltip
from .analysis import (
    ELO_SCALE,
    Rate,
    best_by,
    choose_rate,
    ecb_rate,
    elo_win_probability,
    open_table_consistency,
    to_usd,
)
from .values import CN_MODEL, DIRECTIONS, US_LIST, US_MODEL, direction_word
from .words import BOARD_NAMES, COUNTRY_NAMES, LICENCE_CLASSES, _word, price_list_name

# Translators: "{n} holds" etc. count the chapter's statements by headline verdict
# (holds 成立 · roughly holds 大致成立 · garbled 转述有误 · contradicted 不成立 ·
# faithful, unconfirmed 转述忠实、未获证实 · unverifiable 无法核实).
HEADLINE_WORDS: Mapping[str, tuple[str, str]] = {
    "holds": (N_("{n} holds"), N_("{n} hold")),
    "roughly holds": (N_("{n} roughly holds"), N_("{n} roughly hold")),
    "partly holds": (N_("{n} partly holds"), N_("{n} partly hold")),
    "garbled": (N_("{n} is garbled"), N_("{n} are garbled")),
    "contradicted": (N_("{n} is contradicted"), N_("{n} are contradicted")),
    "faithful, unconfirmed": (N_("{n} is faithful to its source but unconfirmed"),
                              N_("{n} are faithful to their source but unconfirmed")),
    "unverifiable": (N_("{n} is unverifiable"), N_("{n} are unverifiable")),
}


def headline_sentence(summary: pd.DataFrame) -> str:
    """'Of the chapter's N distinct statements, a hold, b ...' from the counts that
    ``chapter.finish()`` returns (columns headline, claims)."""
    counts = {str(h): int(n) for h, n in zip(summary["headline"], summary["claims"])}
    # Every headline has its words (a unit test checks): none shows as its code.
    parts = [_(HEADLINE_WORDS[h][0 if n == 1 else 1]).format(n=n)
             for h, n in counts.items() if n]
    if not parts:
        return _("The chapter has no statements.")
    text = parts[0]
    for part in parts[1:-1]:
        # Translators: the counts of the headline sentence, one after the other.
        text = _("{counts}, {count}").format(counts=text, count=part)
    if len(parts) > 1:
        # Translators: the last count of the headline sentence.
        text = _("{counts} and {count}").format(counts=text, count=parts[-1])
    return _("Of the chapter's {n} distinct statements, {parts}.").format(
        n=sum(counts.values()), parts=text)


SENSITIVITY_SHARES: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)


FIXED_RATES: tuple[float, ...] = (6.8, 7.4)


RATE_DATES = {"GPT-4.5 launch": "2025-02-27", "Qwen price cut": "2024-09-19"}


def sensitivity_rates(chosen: Rate, on: str) -> dict[str, Rate]:
    """The chosen rate, ECB rates on two dates of the story and two fixed rates."""
    rates = {"chosen": chosen}
    rates.update({f"ECB {day} ({why})": ecb_rate(day) for why, day in RATE_DATES.items()})
    rates.update({f"fixed {value}": choose_rate(on, value) for value in FIXED_RATES})
    return rates


def sensitivity_summary(sens: pd.DataFrame) -> pd.DataFrame:
    """Per price list: the range of the ratios and whether every case exceeds the bound."""
    return (sens.groupby("price_list", sort=False)
            .agg(input_min=("input_ratio", "min"), input_max=("input_ratio", "max"),
                 output_min=("output_ratio", "min"), output_max=("output_ratio", "max"),
                 blended_min=("blended_ratio", "min"), blended_max=("blended_ratio", "max"),
                 all_input_over_100=("input_over", "all"),
                 all_output_over_100=("output_over", "all"))
            .round(1))


def sensitivity_shown(summary: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity summary as readers see it: each price list by its name, in the
    edition's language (国际版, not intl)."""
    return summary.rename(index=price_list_name)


def top_mean(table: pd.DataFrame, group: str, n: int = 5, score: str = "arena_score") -> pd.Series:
    """Mean score of each group's ``n`` best entries."""
    return table.groupby(group)[score].apply(lambda s: s.nlargest(n).mean())


def arena_facts(full: pd.DataFrame, open_: pd.DataFrame) -> dict[str, object]:
    """What the prose says about figure 6's two tables: the leaders by country and licence
    class, their gaps in Elo points and win rates, and whether the open table is a filter
    of the full one."""
    best_country = best_by(full, "country").set_index("country")
    best_class = best_by(full, "licence_class").set_index("licence_class")
    best_open = best_by(open_, "country").set_index("country")
    us, cn = "United States", "China"
    gap_top = int(best_country.loc[us, "arena_score"] - best_country.loc[cn, "arena_score"])
    gap_open = int(best_open.loc[cn, "arena_score"] - best_open.loc[us, "arena_score"])
    cons = open_table_consistency(full, open_)
    top5 = top_mean(full, "country")
    is_open = full["licence_class"] == "Open weights"
    return {
        "top_us": best_country.loc[us, "model"], "top_cn": best_country.loc[cn, "model"],
        "gap_top": gap_top, "n_full": len(full), "n_open": len(open_),
        "p_top": 100 * elo_win_probability(gap_top),
        "gap_class": int(best_class.loc["Proprietary", "arena_score"]
                         - best_class.loc["Open weights", "arena_score"]),
        "gap_open": gap_open, "p_open": 100 * elo_win_probability(gap_open),
        "top_us_open": best_open.loc[us, "model"],
        "n_open_in_full": int(is_open.sum()),
        "n_open_cn_in_full": int((is_open & (full["country"] == cn)).sum()),
        "cons_ok": bool((cons["should_be_in_full"] == cons["in_full"]).all()
                        and cons.loc[cons["in_full"], "same_score"].all()),
        "top5_gap": float(top5[us] - top5[cn]), "elo_scale": ELO_SCALE,
        "p_1pt": 100 * elo_win_probability(1),
    }


def price_chart(prices: pd.DataFrame, r: Mapping[str, float], rate: Rate, chosen_list: str,
                palette: Mapping[str, str]) -> tuple[alt.TopLevelMixin, pd.DataFrame, str]:
    """Dot plot of GPT-4.5 and Qwen-Max list prices in USD (log scale), with the chosen
    ratios as labels; returns the chart, its data and its title."""
    pts = prices[prices["model"].isin([US_MODEL, CN_MODEL])].copy()
    pts["usd_per_m"] = [to_usd(v, c, rate) for v, c in zip(pts["price"], pts["currency"])]
    pts["chosen"] = pts["price_list"].isin([US_LIST, chosen_list])
    pts["price_list"] = pts["price_list"].map(price_list_name)
    pts["series"] = pts["model"] + " · " + pts["price_list"]
    if is_chinese():
        pts["direction"] = pts["direction"].map(direction_word)
    pts = pts[["series", "model", "price_list", "direction", "price", "currency", "usd_per_m",
               "chosen", "source_id"]]
    notes = pd.DataFrame({
        "direction": [direction_word(d) for d in DIRECTIONS],
        "usd_per_m": [r["us_input_usd"], r["us_output_usd"]],
        "label": [_("{ratio:.0f}× Qwen-Max ({price_list})").format(
            ratio=r[d], price_list=price_list_name(chosen_list))
                  for d in DIRECTIONS]})
    x_title = _("Price (USD per million tokens, log scale)")
    y_title = _("Token direction")
    base = alt.Chart(pts).encode(
        x=alt.X("usd_per_m:Q", scale=alt.Scale(type="log"), title=x_title),
        y=alt.Y("direction:N", title=y_title))
    dots = base.mark_point(filled=True, size=120).encode(
        color=alt.Color("model:N", scale=alt.Scale(
            domain=[US_MODEL, CN_MODEL], range=[palette["United States"], palette["China"]]),
            title=_("Model")),
        shape=alt.Shape("price_list:N", title=_("Price list")),
        opacity=alt.condition("datum.chosen", alt.value(1), alt.value(0.35)),
        tooltip=[tooltip("series:N", N_("Series")), tooltip("direction:N", N_("Token direction")),
                 tooltip("price:Q", N_("Price")), tooltip("currency:N", N_("Currency")),
                 alt.Tooltip("usd_per_m:Q", format=".3f", title=_("USD per million")),
                 tooltip("source_id:N", N_("Source"))])
    text = alt.Chart(notes).mark_text(align="right", dx=-10, dy=-12, fontWeight="bold").encode(
        x=alt.X("usd_per_m:Q", title=x_title), y=alt.Y("direction:N", title=y_title),
        text="label:N", tooltip=[tooltip("label:N", N_("Ratio"))])
    title = _("GPT-4.5 costs {input:.0f}× (input) and {output:.0f}× (output) "
              "Qwen-Max on the {price_list} list").format(
        input=r["input"], output=r["output"], price_list=price_list_name(chosen_list))
    return alt.layer(dots, text).properties(height=160), pts, title


def price_chart_notes() -> dict[str, str]:
    """Source and description of the price chart, for ``Chapter.figure``."""
    return dict(
        source=_("OpenAI price table; Alibaba Cloud and third-party Qwen-Max lists; "
                 "ECB reference rates"),
        description=_("Dot plot of API list prices per million tokens in US dollars on a log "
                      "scale, for GPT-4.5 and for Qwen-Max under four price lists, input and "
                      "output. Labels give the ratio for the chosen list."))


def arena_chart(board: pd.DataFrame, scale: alt.Scale) -> tuple[alt.Chart, pd.DataFrame]:
    """Figure 6's distinct models by Arena score, coloured by country, shaped by licence."""
    union = board.sort_values("board").drop_duplicates("model")[
        ["model", "arena_score", "coding_score", "organisation", "country", "licence",
         "licence_class"]].copy()
    union["tables"] = union["model"].map(
        board.groupby("model")["board"].apply(lambda s: " + ".join(sorted(s))))
    if is_chinese():
        union["tables"] = union["model"].map(board.groupby("model")["board"].apply(
            lambda s: " + ".join(_word(BOARD_NAMES, b) for b in sorted(s))))
        union["country"] = union["country"].map(lambda c: _word(COUNTRY_NAMES, c))
        union["licence_class"] = union["licence_class"].map(lambda c: _word(LICENCE_CLASSES, c))
        union["licence"] = union["licence"].map(lambda c: _word(LICENCE_CLASSES, c))
        scale = alt.Scale(domain=[_word(COUNTRY_NAMES, c) for c in scale.domain],
                          range=scale.range)
    chart = alt.Chart(union).mark_point(filled=True, size=90).encode(
        x=alt.X("arena_score:Q", scale=alt.Scale(zero=False),
                title=_("Arena score (Elo points, openlm.ai)")),
        y=alt.Y("model:N", sort="-x", title=_("Model")),
        color=alt.Color("country:N", scale=scale, title=_("Country")),
        shape=alt.Shape("licence_class:N", title=_("Licence")),
        tooltip=[tooltip("model:N", N_("Model")), tooltip("arena_score:Q", N_("Arena score")),
                 tooltip("coding_score:Q", N_("Coding score")),
                 tooltip("organisation:N", N_("Organisation")), tooltip("country:N", N_("Country")),
                 tooltip("licence:N", N_("Licence")), tooltip("tables:N", N_("Tables"))])
    return chart.properties(height=620), union


def arena_figure_text(gap_top: int, n_full: int, n_models: int) -> dict[str, str]:
    """Title, source and description of the Arena chart, for ``Chapter.figure``."""
    return dict(
        title=_("A Chinese open model is {gap} Elo points from the top; every open model in "
                "the top {n} is Chinese").format(gap=gap_top, n=n_full),
        source=_("BOC Research figure 6, from openlm.ai (as of 2025-09-01)"),
        description=_("Arena scores of the {n} distinct models in figure 6's two tables, "
                      "coloured by the organisation's country and shaped by proprietary or open "
                      "weights.").format(n=n_models))


def mau_chart(mau: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars of figure 15's monthly active users (millions) by group and form
    (in Chinese: the table's own Chinese names of the groups and forms, users in 万)."""
    data = mau.assign(mau_m=mau["mau_10k"] / 100)
    if is_chinese():
        group, form, value, value_format = "company:N", "product_form:N", "mau_10k:Q", ",.0f"
    else:
        group, form, value, value_format = "company_en:N", "product_form_en:N", "mau_m:Q", ".2f"
    chart = alt.Chart(data).mark_bar().encode(
        # Translators: the Chinese chart shows the users in 万 (10,000): say 万 here.
        x=alt.X(value, title=_("Monthly active users, June 2025 (millions)")),
        y=alt.Y(group, sort="-x", title=_("Group")),
        color=alt.Color(form, title=_("Product form")),
        tooltip=[tooltip(group, N_("Group")), tooltip(form, N_("Product form")),
                 tooltip("track:N", N_("Track")), tooltip("app:N", N_("App")),
                 # Translators: the Chinese chart shows the users in 万 (10,000): say 万 here.
                 alt.Tooltip(value, format=value_format, title=_("MAU (millions)"))])
    return chart.properties(height=220), data


def mau_figure_text() -> dict[str, str]:
    """Title, source and description of the QuestMobile chart, for ``Chapter.figure``."""
    return dict(
        title=_("AI inside super-apps, not stand-alone apps, carries most Chinese AI users"),
        source=_("QuestMobile, June 2025, as printed in BOC Research figure 15"),
        description=_("Stacked bars of June 2025 monthly active users by internet group, split "
                      "into native app, in-app plug-in and PC web product."))


def growth_chart(mult: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of growth multiples on a log scale, coloured by their basis. Each
    bar starts at 1 (no growth): a log scale has no zero for a bar to start from."""
    return alt.Chart(mult).mark_bar().encode(
        x=alt.X("multiple:Q", scale=alt.Scale(type="log"),
                title=_("Growth multiple (times, log scale)")),
        x2=alt.datum(1),
        y=alt.Y("series:N", sort="-x", title=_("Series")),
        color=alt.Color("basis:N", title=_("Basis")),
        tooltip=[tooltip("series:N", N_("Series")),
                 tooltip("multiple:Q", N_("Multiple"), format=".1f"), tooltip("basis:N", N_("Basis"))],
    ).properties(height=260)


# The series of the growth chart that count tokens (the title gives their range).
TOKEN_SERIES = ("google-12m", "google-may24-jul25", "doubao-may24-sep25", "doubao-dec-may",
                "doubao-apr-may")


def _growth_rows(ref: pd.DataFrame, reported: Mapping[str, float]
                 ) -> list[tuple[str, str, float, str]]:
    """(key, series, multiple, basis) of every bar of the growth chart."""
    firm, aix, boc = (_("firms' figures (via press reports)"), _("AI Index 2025 counts"),
                      _("as reported by BOC only"))
    v = ref["value"].astype(float)
    return [
        ("google-12m", _("Google tokens/month, May 2024 → May 2025"),
         growth_multiple(v["google-tokens-2025-05"], v["google-tokens-2024-05"]), firm),
        ("google-may24-jul25", _("Google tokens/month, May 2024 → Jul 2025"),
         growth_multiple(v["google-tokens-2025-07"], v["google-tokens-2024-05"]), firm),
        ("doubao-may24-sep25", _("Doubao tokens/day, May 2024 → Sep 2025"),
         growth_multiple(v["doubao-tokens-2025-09"], v["doubao-tokens-2024-05"]), firm),
        ("doubao-dec-may", _("Doubao tokens/day, Dec 2024 → May 2025 (+{pct:.0f} %)").format(
            pct=reported["boc-doubao-growth-vs-dec"]),
         1 + reported["boc-doubao-growth-vs-dec"] / 100, boc),
        ("doubao-apr-may", _("Doubao tokens/day, Apr → May 2025 (+{pct:.0f} %)").format(
            pct=reported["boc-doubao-growth-vs-apr"]),
         1 + reported["boc-doubao-growth-vs-apr"] / 100, boc),
        ("alibaba-api", _("Alibaba Cloud API calls, 2024 → 2025"),
         reported["boc-alibaba-api-calls-growth"], boc),
        ("deepseek-platforms", _("DeepSeek third-party platforms since R1"),
         reported["boc-deepseek-third-party-growth"], boc),
        ("fda", _("FDA AI devices per year, 2015 → 2023"),
         growth_multiple(v["fda-ai-devices-2023-aiindex"], v["fda-ai-devices-2015-aiindex"]), aix),
        ("ai-phones", _("AI phone shipments, 2024 → 2027 (forecast)"),
         growth_multiple(v["ai-phones-2027"], v["ai-phones-2024"]), firm),
    ]


def growth_multiples(ref: pd.DataFrame, reported: Mapping[str, float]) -> pd.DataFrame:
    """The chapter's growth multiples, from the firms' figures (via press reports), the
    AI Index and the report's own figures (``reported``: claim id -> stated value)."""
    rows = [row[1:] for row in _growth_rows(ref, reported)]
    return pd.DataFrame(rows, columns=["series", "multiple", "basis"])


def growth_figure_text(ref: pd.DataFrame, reported: Mapping[str, float]) -> dict[str, str]:
    """Title, source and description of the growth chart, for ``Chapter.figure``."""
    tokens = [m for key, _s, m, _b in _growth_rows(ref, reported) if key in TOKEN_SERIES]
    return dict(
        title=_("Token multiples run from {low:.1f}× to {high:.0f}× depending on the span; only "
                "some trace to the firms").format(low=min(tokens), high=max(tokens)),
        source=_("Google, Alphabet, Volcano Engine and Counterpoint via press reports; AI Index "
                 "2025; BOC Research where marked"),
        description=_("Horizontal bars of growth multiples on a log scale, coloured by whether the "
                      "endpoints come from the firms' own statements (read through press "
                      "reports), from the AI Index, or only from the report."))


# --- each chart with everything make_figure needs, for chapter.figure(parts=...) -------


def price_figure(prices: pd.DataFrame, r: Mapping[str, float], rate: Rate, chosen_list: str,
                 palette: Mapping[str, str]) -> dict[str, object]:
    chart, points, title = price_chart(prices, r, rate, chosen_list, palette)
    return {"chart": chart, "chart_id": "api-price-ratio", "title": title, "data": points,
            **price_chart_notes()}


def arena_figure(board: pd.DataFrame, gap_top: int, n_full: int) -> dict[str, object]:
    chart, union = arena_chart(board, country_scale(["United States", "China", "Europe"]))
    return {"chart": chart, "chart_id": "arena-leaderboard", "data": union,
            **arena_figure_text(gap_top, n_full, len(union))}


def mau_figure(mau: pd.DataFrame) -> dict[str, object]:
    chart, data = mau_chart(mau)
    return {"chart": chart, "chart_id": "questmobile-mau", "data": data, **mau_figure_text()}
