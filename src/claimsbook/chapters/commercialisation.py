"""Arithmetic for the commercialisation chapter (BOC Research 2025, sections 一 and 二).

Small pure functions: currency conversion with the ECB's reference rates (shipped
with the ``currency_converter`` package), blended API prices, price ratios, Elo
win probabilities, growth multiples and the levels they imply, totals implied by
shares, and consistency checks of tables.

Conventions
-----------
* Prices are per million tokens. A *blended* price for an input share ``s``
  (0-1) of the tokens is ``s * input + (1 - s) * output``.
* ``growth_pct`` is a percentage change: +29 % means the new level is 1.29 times
  the old one, so the implied earlier level is ``new / (1 + pct / 100)``.
* The ECB publishes euro reference rates on TARGET business days. The CNY per USD
  cross rate on a day is ``(CNY per EUR) / (USD per EUR)``. When the requested day
  has no fixing (weekend, holiday) the latest earlier fixing is used, and its date
  is reported; no rate is interpolated.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import pandas as pd

from ..core import params
from ..core.arithmetic import growth_multiple, growth_pct, implied_earlier, implied_total, ratio
from ..core.ledger import Computed

PRICE_LISTS: tuple[str, ...] = ("cn-2025", "cn-2024-09", "cn-2024-05", "intl")
"""Qwen-Max price lists recorded in ``data/commercialisation/api_prices.csv``."""

PARAMETERS: params.Spec = {
    "conversion_date": params.Date("2024-01-02", "2025-12-31"),
    "cny_per_usd": params.Number(0, 20),
    "input_share": params.Number(0, 1),
    "qwen_price_list": params.OneOf(PRICE_LISTS),
}

MAX_LOOKBACK_DAYS = 10


@dataclass(frozen=True)
class Rate:
    """A CNY-per-USD rate, the day it was fixed and where it came from."""

    cny_per_usd: float
    requested: dt.date | None
    rate_date: dt.date | None
    origin: str


@lru_cache(maxsize=1)
def _converter():  # pragma: no cover - trivial
    from currency_converter import CurrencyConverter

    # No interpolation and no silent move to the edge of the data: a missing day
    # raises, and ecb_rate walks back to the latest real fixing itself.
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def ecb_rate(on: dt.date | str, base: str = "USD", quote: str = "CNY") -> Rate:
    """The ECB reference cross rate (``quote`` per ``base``) on ``on`` or, if the ECB
    did not fix that day, on the latest earlier business day (at most
    ``MAX_LOOKBACK_DAYS`` back). Raises ``ValueError`` outside the shipped data."""
    from currency_converter import RateNotFoundError

    day = dt.date.fromisoformat(on) if isinstance(on, str) else on
    converter = _converter()
    first = max(converter.bounds[base].first_date, converter.bounds[quote].first_date)
    last = min(converter.bounds[base].last_date, converter.bounds[quote].last_date)
    if not first <= day <= last:
        raise ValueError(
            f"no ECB {quote}/{base} rate for {day}: the shipped data covers {first} to {last}"
        )
    for back in range(MAX_LOOKBACK_DAYS + 1):
        candidate = day - dt.timedelta(days=back)
        try:
            value = converter.convert(1.0, base, quote, date=candidate)
        except RateNotFoundError:
            continue
        return Rate(float(value), day, candidate, "ECB euro reference rates (cross rate)")
    raise ValueError(f"no ECB fixing within {MAX_LOOKBACK_DAYS} days before {day}")


def choose_rate(on: dt.date | str, explicit_cny_per_usd: float = 0.0) -> Rate:
    """An explicit rate if one is given (> 0), else the ECB rate on ``on``."""
    if explicit_cny_per_usd < 0:
        raise ValueError(f"a rate must be positive, got {explicit_cny_per_usd}")
    if explicit_cny_per_usd > 0:
        day = dt.date.fromisoformat(on) if isinstance(on, str) else on
        return Rate(float(explicit_cny_per_usd), day, None, "explicit rate (parameter)")
    return ecb_rate(on)


def to_usd(amount: float, currency: str, rate: Rate) -> float:
    """Convert an amount in USD or CNY to USD with a CNY-per-USD ``rate``."""
    if currency == "USD":
        return float(amount)
    if currency == "CNY":
        return float(amount) / rate.cny_per_usd
    raise ValueError(f"currency {currency!r} is not supported (USD or CNY)")


def blended_price(input_price: float, output_price: float, input_share: float) -> float:
    """Price per million tokens for a mix with ``input_share`` of input tokens."""
    if not 0 <= input_share <= 1:
        raise ValueError(f"input_share must be within 0 and 1, got {input_share}")
    return input_share * input_price + (1 - input_share) * output_price



def price_table(prices: pd.DataFrame, model: str, price_list: str) -> dict[str, tuple[float, str]]:
    """``{direction: (price, currency)}`` for one model and price list."""
    rows = prices[(prices["model"] == model) & (prices["price_list"] == price_list)]
    if rows.empty:
        raise KeyError(f"no price for {model!r} in price list {price_list!r}")
    return {r.direction: (float(r.price), str(r.currency)) for r in rows.itertuples()}


def price_ratios(
    prices: pd.DataFrame,
    *,
    us_model: str,
    us_list: str,
    cn_model: str,
    cn_list: str,
    rate: Rate,
    input_share: float,
) -> dict[str, float]:
    """How many times the US model's price is the Chinese model's, for input,
    output and the blended mix (both in USD). A direction missing from a price
    list gives NaN (and a NaN blended ratio)."""
    us = price_table(prices, us_model, us_list)
    cn = price_table(prices, cn_model, cn_list)
    out: dict[str, float] = {}
    usd: dict[str, dict[str, float]] = {"us": {}, "cn": {}}
    for direction in ("input", "output"):
        for key, table in (("us", us), ("cn", cn)):
            if direction in table:
                price, currency = table[direction]
                usd[key][direction] = to_usd(price, currency, rate)
            else:
                usd[key][direction] = math.nan
        out[direction] = ratio(usd["us"][direction], usd["cn"][direction])
    blend_us = blended_price(usd["us"]["input"], usd["us"]["output"], input_share)
    blend_cn = blended_price(usd["cn"]["input"], usd["cn"]["output"], input_share)
    out["blended"] = ratio(blend_us, blend_cn)
    out["us_input_usd"], out["us_output_usd"] = usd["us"]["input"], usd["us"]["output"]
    out["cn_input_usd"], out["cn_output_usd"] = usd["cn"]["input"], usd["cn"]["output"]
    return out


# Elo points at which the expected win odds are ten to one (the logistic scale).
ELO_SCALE = 400.0


def elo_win_probability(difference: float) -> float:
    """Expected head-to-head win rate of a model ``difference`` Elo points above
    another: ``1 / (1 + 10 ** (-difference / 400))``."""
    return 1.0 / (1.0 + 10.0 ** (-difference / ELO_SCALE))






def shares_sum(shares: Iterable[float]) -> float:
    """The sum of shares in %, which a complete breakdown makes 100."""
    return float(sum(shares))


def licence_class(licence: str) -> str:
    """``"Proprietary"`` for closed models, ``"Open weights"`` for any published-weights
    licence (MIT, Apache 2.0, Gemma, Nvidia Open ...)."""
    return "Proprietary" if licence.strip().lower() == "proprietary" else "Open weights"


def best_by(table: pd.DataFrame, group: str, score: str = "arena_score") -> pd.DataFrame:
    """The best-scoring row of each group (ties: first in table order)."""
    ordered = table.sort_values(score, ascending=False, kind="stable")
    return ordered.groupby(group, sort=False).head(1).reset_index(drop=True)


def open_table_consistency(full: pd.DataFrame, open_: pd.DataFrame) -> pd.DataFrame:
    """For each open-weight model, whether the full table should list it (its score
    reaches the full table's cut-off), whether it does, and whether the two scores
    agree."""
    cutoff = float(full["arena_score"].min())
    by_model = full.set_index("model")["arena_score"]
    rows = []
    for r in open_.itertuples():
        listed = r.model in by_model.index
        rows.append({
            "model": r.model, "open_score": float(r.arena_score),
            "should_be_in_full": float(r.arena_score) >= cutoff, "in_full": listed,
            "same_score": bool(listed and float(by_model[r.model]) == float(r.arena_score)),
        })
    return pd.DataFrame(rows)


def sensitivity(
    prices: pd.DataFrame,
    *,
    us_model: str,
    cn_model: str,
    price_lists: Iterable[str],
    rates: Mapping[str, Rate],
    input_shares: Iterable[float],
    us_list: str = "openai-2025",
    threshold: float = 100.0,
) -> pd.DataFrame:
    """The price ratio for every price list x rate x input share, with whether it
    exceeds ``threshold`` (NaN ratios count as not shown)."""
    rows = []
    for price_list in price_lists:
        for rate_name, rate in rates.items():
            for share in input_shares:
                r = price_ratios(prices, us_model=us_model, us_list=us_list, cn_model=cn_model,
                                 cn_list=price_list, rate=rate, input_share=share)
                rows.append({
                    "price_list": price_list, "rate": rate_name,
                    "cny_per_usd": rate.cny_per_usd, "input_share": share,
                    "input_ratio": r["input"], "output_ratio": r["output"],
                    "blended_ratio": r["blended"],
                    "input_over": bool(r["input"] > threshold),
                    "output_over": bool(r["output"] > threshold),
                    "blended_over": bool(r["blended"] > threshold),
                })
    return pd.DataFrame(rows)


def arena_drift(board: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """For each figure-6 model that the Arena history also lists: its score in the
    history's last leaderboard, its score in figure 6 and the difference (points)."""
    last = history.sort_values("date").groupby("figure6_model").tail(1)
    merged = last.drop(columns=["organisation"], errors="ignore").merge(
        board.drop_duplicates("model")[["model", "arena_score", "organisation", "country"]],
        left_on="figure6_model", right_on="model", how="inner",
    )
    merged["history_date"] = pd.to_datetime(merged["date"]).dt.strftime("%Y-%m-%d")
    merged["drift"] = merged["arena_score"] - merged["rating"]
    cols = ["figure6_model", "organisation", "country", "history_date", "rating",
            "arena_score", "drift"]
    return merged[cols].sort_values("arena_score", ascending=False).reset_index(drop=True)


def score_comparison(board: pd.DataFrame, other: Mapping[str, float]) -> pd.DataFrame:
    """For each figure-6 model named in ``other`` (model -> its score on another board):
    the figure-6 score, the other board's score and the difference (other minus figure 6).
    Scores from different boards or dates sit on different scales; the difference
    describes the scales, not the models."""
    scores = board.drop_duplicates("model").set_index("model")["arena_score"]
    missing = sorted(set(other) - set(scores.index))
    if missing:
        raise KeyError(f"not in figure 6: {missing}")
    rows = [{"model": m, "figure6_score": float(scores[m]), "other_score": float(v),
             "difference": float(v) - float(scores[m])} for m, v in other.items()]
    return pd.DataFrame(rows)


def mau_by_form(mau: pd.DataFrame, totals: Mapping[str, float]) -> pd.DataFrame:
    """Sum of the listed apps' MAU per product form (millions) beside QuestMobile's
    de-duplicated total for the form and the largest single app. Sums of different
    groups' apps may exceed a de-duplicated total (people use several apps); a single
    app may not."""
    grouped = mau.groupby("product_form_en")["mau_10k"].agg(["sum", "max"]) / 100
    grouped = grouped.rename(columns={"sum": "listed_sum_m", "max": "largest_app_m"})
    grouped["form_total_m"] = [totals.get(k, math.nan) for k in grouped.index]
    grouped["largest_within_total"] = grouped["largest_app_m"] <= grouped["form_total_m"]
    return grouped.reset_index()


# --- values the checks reference (data/commercialisation/checks.csv) -------------------

PRICES_SOURCE_ID = "openai-pricing-2025"
US_MODEL, US_LIST, GPT4O, CN_MODEL = "gpt-4.5-preview", "openai-2025", "gpt-4o", "qwen-max"
DIRECTIONS: tuple[str, ...] = ("input", "output")
_SHORT = {"input": "in", "output": "out"}


def price_figures(prices: pd.DataFrame) -> list[Computed]:
    """Every row of the price table as ``computed/price-<price_id>``, in its own currency."""
    return [
        Computed(f"price-{r.price_id}", float(r.price), f"{r.currency} {r.unit}",
                 f"{r.provider}'s list price of {r.model}, {r.direction} tokens "
                 f"({r.price_list} list)", source_id=str(r.source_id),
                 location=str(r.location), period=str(r.price_list_date))
        for r in prices.itertuples()
    ]


def _price_row(prices: pd.DataFrame, model: str, price_list: str, direction: str) -> pd.Series:
    rows = prices[(prices["model"] == model) & (prices["price_list"] == price_list)
                  & (prices["direction"] == direction)]
    if rows.empty:
        raise KeyError(f"no {direction} price for {model!r} in price list {price_list!r}")
    return rows.iloc[0]


def ratio_figures(prices: pd.DataFrame, *, rate: Rate, input_share: float,
                  chosen_list: str) -> list[Computed]:
    """GPT-4.5 over GPT-4o (OpenAI's own table), and GPT-4.5 over Qwen-Max for every
    price list (``price-gap-<direction>-<list>``; the chosen list first), both in US
    dollars at ``rate``."""
    out: list[Computed] = []
    for direction in DIRECTIONS:
        us, o4 = (_price_row(prices, m, US_LIST, direction) for m in (US_MODEL, GPT4O))
        out.append(Computed(
            f"gpt45-over-gpt4o-{direction}", ratio(float(us.price), float(o4.price)), "times",
            f"OpenAI's list price of {us.model} over that of {o4.model}, {direction} tokens",
            source_id=str(us.source_id), location=str(us.location),
            period=str(o4.price_list_date)))
    for price_list in dict.fromkeys((chosen_list, *PRICE_LISTS)):
        r = price_ratios(prices, us_model=US_MODEL, us_list=US_LIST, cn_model=CN_MODEL,
                         cn_list=price_list, rate=rate, input_share=input_share)
        for direction in DIRECTIONS:
            cn = _price_row(prices, CN_MODEL, price_list, direction)
            label = (f"OpenAI's {direction} price of {US_MODEL} over Alibaba Cloud's of {CN_MODEL} "
                     f"({price_list} list), in US dollars at {rate.cny_per_usd:.4f} CNY per USD")
            out.append(Computed(f"price-gap-{direction}-{price_list}", r[direction], "times",
                                label, source_id=str(cn.source_id), location=str(cn.location),
                                period=str(cn.price_list_date)))
    return out


def _fig(ref: pd.DataFrame, figure_id: str) -> pd.Series:
    if figure_id not in ref.index:
        raise KeyError(f"no reference figure {figure_id!r}")
    return ref.loc[figure_id]


def multiple_figure(key: str, ref: pd.DataFrame, later_id: str, earlier_id: str) -> Computed:
    """How many times one reference figure is another (same quantity, two periods)."""
    later, earlier = _fig(ref, later_id), _fig(ref, earlier_id)
    return Computed(key, growth_multiple(float(later["value"]), float(earlier["value"])),
                    "times", f"{later['quantity']}, {later['period']} over {earlier['period']}",
                    source_id=str(later["source_id"]), location=str(later["location"]),
                    period=f"{earlier['period']}/{later['period']}")


FUTURESEARCH_ARR = ("futuresearch-plus-arr-2024-06", "futuresearch-team-arr-2024-06",
                    "futuresearch-enterprise-arr-2024-06", "futuresearch-api-arr-2024-06")


def share_figure(key: str, ref: pd.DataFrame, part_ids: Iterable[str], whole_ids: Iterable[str],
                 label: str) -> Computed:
    """The percentage share of some reference figures in the sum of a set of them
    (components of one total, same unit and period)."""
    parts, whole = list(part_ids), list(whole_ids)
    first = _fig(ref, parts[0])
    share = 100 * sum(float(_fig(ref, i)["value"]) for i in parts) / sum(
        float(_fig(ref, i)["value"]) for i in whole)
    return Computed(key, share, "percent", label, source_id=str(first["source_id"]),
                    location=str(first["location"]), period=str(first["period"]))


def reference_figures(ref: pd.DataFrame) -> list[Computed]:
    """Multiples and implied levels built from the reference figures (``ref`` is the
    reference-figures table indexed by figure_id)."""
    sep, growth = _fig(ref, "doubao-tokens-2025-09"), _fig(ref, "doubao-growth-may-sep-2025")
    subs, wau = _fig(ref, "chatgpt-paying-subs-2026"), _fig(ref, "chatgpt-wau-2026")
    may, dec = _fig(ref, "doubao-tokens-force-2025-06"), _fig(ref, "doubao-tokens-2024-12")
    return [
        multiple_figure("fda-multiple-fda-list", ref, "fda-ai-devices-2023", "fda-ai-devices-2015"),
        multiple_figure("fda-multiple-aiindex", ref, "fda-ai-devices-2023-aiindex",
                        "fda-ai-devices-2015-aiindex"),
        multiple_figure("google-multiple-12m", ref, "google-tokens-2025-05", "google-tokens-2024-05"),
        multiple_figure("google-multiple-may24-jul25", ref, "google-tokens-2025-07",
                        "google-tokens-2024-05"),
        Computed("doubao-may-implied",
                 implied_earlier(float(sep["value"]), float(growth["value"])), str(sep["unit"]),
                 f"{sep['quantity']} at end-May 2025 implied by the end-September level and the "
                 f"growth since end-May (both lower bounds)", source_id=str(sep["source_id"]),
                 location=str(sep["location"]), period="2025-05"),
        Computed("doubao-growth-since-dec24",
                 growth_pct(float(may["value"]), float(dec["value"])), "percent",
                 "Growth of Doubao's daily token use from Volcano Engine's December 2024 "
                 "figure to its June 2025 conference figure (two statements of Volcano "
                 "Engine's)", source_id=str(may["source_id"]),
                 location=f"{may['location']}; {dec['location']}",
                 period=f"{dec['period']}/{may['period']}"),
        share_figure("openai-arr-share-api-2024-06", ref, FUTURESEARCH_ARR[3:], FUTURESEARCH_ARR,
                     "Share of the API in OpenAI's annualised revenue (FutureSearch's estimate; "
                     "OpenAI only)"),
        share_figure("openai-arr-share-subscriptions-2024-06", ref, FUTURESEARCH_ARR[:2],
                     FUTURESEARCH_ARR, "Share of ChatGPT Plus and Team subscriptions in OpenAI's "
                     "annualised revenue (FutureSearch's estimate; OpenAI only)"),
        share_figure("openai-arr-share-enterprise-2024-06", ref, FUTURESEARCH_ARR[2:3],
                     FUTURESEARCH_ARR, "Share of ChatGPT Enterprise seats in OpenAI's annualised "
                     "revenue (FutureSearch's estimate; OpenAI only)"),
        Computed("chatgpt-paying-share-2026", 100 * float(subs["value"]) / float(wau["value"]),
                 "percent", f"{subs['quantity']} as a share of {wau['quantity']} "
                 f"(later than the report)", source_id=str(subs["source_id"]),
                 location=str(subs["location"]), period=str(subs["period"])),
    ]


def revenue_share_sum(shares: Mapping[str, float]) -> Computed:
    """The sum of the revenue shares a table states (a complete split sums to 100)."""
    return Computed("revenue-share-sum", shares_sum(shares.values()), "percent",
                    f"Sum of the {len(shares)} revenue shares table 3 states "
                    f"({', '.join(shares)})", source_id="boc-research-2025",
                    location="table 3")


# Figure-6 models that LMArena's 2025-08-21 snapshot lists under the same name, and the
# reference figure that holds each one's LMArena score.
LMARENA_FIGURES: Mapping[str, str] = {
    "Gemini-2.5-Pro": "lmarena-gemini-2.5-pro",
    "ChatGPT-4o-latest (2025-03-26)": "lmarena-chatgpt-4o-latest",
    "o3-2025-04-16": "lmarena-o3",
    "Claude Opus 4.1 (thinking-16k)": "lmarena-claude-opus-4.1-thinking",
    "Claude Opus 4.1": "lmarena-claude-opus-4.1",
    "GPT-4.5-Preview": "lmarena-gpt-4.5-preview",
}


def capture_comparison(board: pd.DataFrame, ref: pd.DataFrame, prefix: str = "openlm-0701-"
                       ) -> pd.DataFrame:
    """Figure-6 scores beside an earlier capture of the same board (reference figures
    whose id starts with ``prefix``; the quantity names the model after ' of ')."""
    rows = ref[ref.index.str.startswith(prefix)]
    out = score_comparison(board, {str(q).split(" of ", 1)[1]: float(v)
                                   for q, v in zip(rows["quantity"], rows["value"])})
    return out.rename(columns={"other_score": "capture_score"})


# --- sentences and charts ---------------------------------------------------------------

HEADLINE_WORDS: Mapping[str, tuple[str, str]] = {
    "holds": ("holds", "hold"), "roughly holds": ("roughly holds", "roughly hold"),
    "garbled": ("is garbled", "are garbled"), "contradicted": ("is contradicted", "are contradicted"),
    "faithful, unconfirmed": ("is faithful to its source but unconfirmed",
                              "are faithful to their source but unconfirmed"),
    "unverifiable": ("is unverifiable", "are unverifiable"),
}


def headline_sentence(summary: pd.DataFrame) -> str:
    """'Of the chapter's N distinct statements, a hold, b ...' from the counts that
    ``chapter.finish()`` returns (columns headline, claims)."""
    counts = {str(h): int(n) for h, n in zip(summary["headline"], summary["claims"])}
    parts = [f"{n} {HEADLINE_WORDS.get(h, (h, h))[0 if n == 1 else 1]}"
             for h, n in counts.items() if n]
    if not parts:
        return "The chapter has no statements."
    text = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"Of the chapter's {sum(counts.values())} distinct statements, {text}."


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
    pts["series"] = pts["model"] + " · " + pts["price_list"]
    pts["chosen"] = pts["price_list"].isin([US_LIST, chosen_list])
    pts = pts[["series", "model", "price_list", "direction", "price", "currency", "usd_per_m",
               "chosen", "source_id"]]
    notes = pd.DataFrame({
        "direction": list(DIRECTIONS),
        "usd_per_m": [r["us_input_usd"], r["us_output_usd"]],
        "label": [f"{r[d]:.0f}× Qwen-Max ({chosen_list})" for d in DIRECTIONS]})
    x_title = "Price (USD per million tokens, log scale)"
    base = alt.Chart(pts).encode(
        x=alt.X("usd_per_m:Q", scale=alt.Scale(type="log"), title=x_title),
        y=alt.Y("direction:N", title="Token direction"))
    dots = base.mark_point(filled=True, size=120).encode(
        color=alt.Color("model:N", scale=alt.Scale(
            domain=[US_MODEL, CN_MODEL], range=[palette["United States"], palette["China"]]),
            title="Model"),
        shape=alt.Shape("price_list:N", title="Price list"),
        opacity=alt.condition("datum.chosen", alt.value(1), alt.value(0.35)),
        tooltip=["series:N", "direction:N", "price:Q", "currency:N",
                 alt.Tooltip("usd_per_m:Q", format=".3f", title="USD per million"),
                 "source_id:N"])
    text = alt.Chart(notes).mark_text(align="right", dx=-10, dy=-12, fontWeight="bold").encode(
        x=alt.X("usd_per_m:Q", title=x_title), y=alt.Y("direction:N", title="Token direction"),
        text="label:N", tooltip=["label:N"])
    title = (f"GPT-4.5 costs {r['input']:.0f}× (input) and {r['output']:.0f}× (output) "
             f"Qwen-Max on the {chosen_list} list")
    return alt.layer(dots, text).properties(height=160), pts, title


def arena_chart(board: pd.DataFrame, scale: alt.Scale) -> tuple[alt.Chart, pd.DataFrame]:
    """Figure 6's distinct models by Arena score, coloured by country, shaped by licence."""
    union = board.sort_values("board").drop_duplicates("model")[
        ["model", "arena_score", "coding_score", "organisation", "country", "licence",
         "licence_class"]].copy()
    union["tables"] = union["model"].map(
        board.groupby("model")["board"].apply(lambda s: " + ".join(sorted(s))))
    chart = alt.Chart(union).mark_point(filled=True, size=90).encode(
        x=alt.X("arena_score:Q", scale=alt.Scale(zero=False),
                title="Arena score (Elo points, openlm.ai)"),
        y=alt.Y("model:N", sort="-x", title="Model"),
        color=alt.Color("country:N", scale=scale, title="Country"),
        shape=alt.Shape("licence_class:N", title="Licence"),
        tooltip=["model:N", "arena_score:Q", "coding_score:Q", "organisation:N", "country:N",
                 "licence:N", "tables:N"])
    return chart.properties(height=620), union


def mau_chart(mau: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars of figure 15's monthly active users (millions) by group and form."""
    data = mau.assign(mau_m=mau["mau_10k"] / 100)
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("mau_m:Q", title="Monthly active users, June 2025 (millions)"),
        y=alt.Y("company_en:N", sort="-x", title="Group"),
        color=alt.Color("product_form_en:N", title="Product form"),
        tooltip=["company_en:N", "product_form_en:N", "track:N", "app:N",
                 alt.Tooltip("mau_m:Q", format=".2f", title="MAU (millions)")])
    return chart.properties(height=220), data


def growth_chart(mult: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of growth multiples on a log scale, coloured by their basis."""
    return alt.Chart(mult).mark_bar().encode(
        x=alt.X("multiple:Q", scale=alt.Scale(type="log"),
                title="Growth multiple (times, log scale)"),
        y=alt.Y("series:N", sort="-x", title="Series"), color=alt.Color("basis:N", title="Basis"),
        tooltip=["series:N", alt.Tooltip("multiple:Q", format=".1f"), "basis:N"],
    ).properties(height=260)


def growth_multiples(ref: pd.DataFrame, reported: Mapping[str, float]) -> pd.DataFrame:
    """The chapter's growth multiples, from the firms' figures (via press reports), the
    AI Index and the report's own figures (``reported``: claim id -> stated value)."""
    firm, aix, boc = ("firms' figures (via press reports)", "AI Index 2025 counts",
                      "as reported by BOC only")
    v = ref["value"].astype(float)
    rows = [
        ("Google tokens/month, May 2024 → May 2025",
         growth_multiple(v["google-tokens-2025-05"], v["google-tokens-2024-05"]), firm),
        ("Google tokens/month, May 2024 → Jul 2025",
         growth_multiple(v["google-tokens-2025-07"], v["google-tokens-2024-05"]), firm),
        ("Doubao tokens/day, May 2024 → Sep 2025",
         growth_multiple(v["doubao-tokens-2025-09"], v["doubao-tokens-2024-05"]), firm),
        (f"Doubao tokens/day, Dec 2024 → May 2025 (+{reported['boc-doubao-growth-vs-dec']:.0f} %)",
         1 + reported["boc-doubao-growth-vs-dec"] / 100, boc),
        (f"Doubao tokens/day, Apr → May 2025 (+{reported['boc-doubao-growth-vs-apr']:.0f} %)",
         1 + reported["boc-doubao-growth-vs-apr"] / 100, boc),
        ("Alibaba Cloud API calls, 2024 → 2025", reported["boc-alibaba-api-calls-growth"], boc),
        ("DeepSeek third-party platforms since R1", reported["boc-deepseek-third-party-growth"], boc),
        ("FDA AI devices per year, 2015 → 2023",
         growth_multiple(v["fda-ai-devices-2023-aiindex"], v["fda-ai-devices-2015-aiindex"]), aix),
        ("AI phone shipments, 2024 → 2027 (forecast)",
         growth_multiple(v["ai-phones-2027"], v["ai-phones-2024"]), firm),
    ]
    return pd.DataFrame(rows, columns=["series", "multiple", "basis"])
