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
from typing import Any

import altair as alt
import pandas as pd

from ..core import params
from ..core.arithmetic import growth_multiple, growth_pct, implied_earlier, implied_total, ratio
from ..core.i18n import N_, _, data_text, is_chinese
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
        return Rate(float(value), day, candidate, _("ECB euro reference rates (cross rate)"))
    raise ValueError(f"no ECB fixing within {MAX_LOOKBACK_DAYS} days before {day}")


def choose_rate(on: dt.date | str, explicit_cny_per_usd: float = 0.0) -> Rate:
    """An explicit rate if one is given (> 0), else the ECB rate on ``on``."""
    if explicit_cny_per_usd < 0:
        raise ValueError(f"a rate must be positive, got {explicit_cny_per_usd}")
    if explicit_cny_per_usd > 0:
        day = dt.date.fromisoformat(on) if isinstance(on, str) else on
        return Rate(float(explicit_cny_per_usd), day, None, _("explicit rate (parameter)"))
    return ecb_rate(on)


def rate_date_text(rate: Rate) -> str:
    """The day the rate was fixed, for prose, or a note that the rate was given."""
    return str(rate.rate_date or _("none (explicit rate)"))


def names_or_none(names: Iterable[str]) -> str:
    """Names listed for prose (``"a, b"``), or ``"none"``."""
    # Translators: separator between names listed in a sentence.
    return _(", ").join(str(n) for n in names) or _("none")


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
    if is_chinese():
        merged["country"] = merged["country"].map(lambda c: _word(COUNTRY_NAMES, c))
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
    forms = grouped.reset_index()
    if is_chinese():  # the table's own Chinese names of the forms
        names = dict(zip(mau["product_form_en"], mau["product_form"]))
        forms["product_form_en"] = forms["product_form_en"].map(lambda v: names.get(v, v))
    return forms


def form_value(forms: pd.DataFrame, mau: pd.DataFrame, form: str, column: str) -> float:
    """One value of :func:`mau_by_form`'s table, for the form named ``form`` in English."""
    names = dict(zip(mau["product_form_en"], mau["product_form"])) if is_chinese() else {}
    return float(forms.set_index("product_form_en").loc[names.get(form, form), column])


# The headers ``core.chapter.table`` gives the columns of this chapter's tables (sensitivity
# summary, open-table consistency, Arena drift, QuestMobile forms), marked for the catalog.
TABLE_HEADERS = (
    N_("Price list"), N_("Input min"), N_("Input max"), N_("Output min"), N_("Output max"),
    N_("Blended min"), N_("Blended max"), N_("All input over 100"), N_("All output over 100"),
    N_("Model"), N_("Open score"), N_("Should be in full"), N_("In full"), N_("Same score"),
    N_("Figure6 model"), N_("Organisation"), N_("Country"), N_("History date"), N_("Rating"),
    N_("Arena score"), N_("Drift"), N_("Product form en"), N_("Listed sum m"),
    N_("Largest app m"), N_("Form total m"), N_("Largest within total"))


# --- values the checks reference (data/commercialisation/checks.csv) -------------------

PRICES_SOURCE_ID = "openai-pricing-2025"
US_MODEL, US_LIST, GPT4O, CN_MODEL = "gpt-4.5-preview", "openai-2025", "gpt-4o", "qwen-max"
DIRECTIONS: tuple[str, ...] = ("input", "output")
_SHORT = {"input": "in", "output": "out"}
# Translators: token direction of an API price (input tokens, output tokens).
DIRECTION_WORDS = {"input": N_("input"), "output": N_("output")}
# Providers named in the price table, in the reader's language.
PROVIDER_NAMES = {"OpenAI": N_("OpenAI"), "Alibaba Cloud": N_("Alibaba Cloud")}


def direction_word(direction: str) -> str:
    """``input`` or ``output`` in the reader's language."""
    return _(DIRECTION_WORDS[direction]) if direction in DIRECTION_WORDS else direction


def provider_name(provider: str) -> str:
    return _(PROVIDER_NAMES[provider]) if provider in PROVIDER_NAMES else provider


def price_figures(prices: pd.DataFrame) -> list[Computed]:
    """Every row of the price table as ``computed/price-<price_id>``, in its own currency."""
    return [
        Computed(f"price-{r.price_id}", float(r.price), f"{r.currency} {r.unit}",
                 _("{provider}'s list price of {model}, {direction} tokens "
                   "({price_list} list)").format(
                     provider=provider_name(str(r.provider)), model=r.model,
                     direction=direction_word(str(r.direction)), price_list=r.price_list),
                 source_id=str(r.source_id),
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
            _("OpenAI's list price of {model} over that of {other}, {direction} tokens").format(
                model=us.model, other=o4.model, direction=direction_word(direction)),
            source_id=str(us.source_id), location=str(us.location),
            period=str(o4.price_list_date)))
    for price_list in dict.fromkeys((chosen_list, *PRICE_LISTS)):
        r = price_ratios(prices, us_model=US_MODEL, us_list=US_LIST, cn_model=CN_MODEL,
                         cn_list=price_list, rate=rate, input_share=input_share)
        for direction in DIRECTIONS:
            cn = _price_row(prices, CN_MODEL, price_list, direction)
            label = _("OpenAI's {direction} price of {model} over Alibaba Cloud's of {other} "
                      "({price_list} list), in US dollars at {rate:.4f} CNY per USD").format(
                direction=direction_word(direction), model=US_MODEL, other=CN_MODEL,
                price_list=price_list, rate=rate.cny_per_usd)
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
                    "times", _("{quantity}, {later} over {earlier}").format(
                        quantity=data_text(str(later["quantity"])),
                        later=data_text(str(later["period"])),
                        earlier=data_text(str(earlier["period"]))),
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
                 _("{quantity} at end-May 2025 implied by the end-September level and the "
                   "growth since end-May (both lower bounds)").format(
                     quantity=data_text(str(sep["quantity"]))), source_id=str(sep["source_id"]),
                 location=str(sep["location"]), period="2025-05"),
        Computed("doubao-growth-since-dec24",
                 growth_pct(float(may["value"]), float(dec["value"])), "percent",
                 _("Growth of Doubao's daily token use from Volcano Engine's December 2024 "
                   "figure to its June 2025 conference figure (two statements of Volcano "
                   "Engine's)"), source_id=str(may["source_id"]),
                 location=_("{first}; {second}").format(
                     first=data_text(str(may["location"])), second=data_text(str(dec["location"]))),
                 period=f"{dec['period']}/{may['period']}"),
        share_figure("openai-arr-share-api-2024-06", ref, FUTURESEARCH_ARR[3:], FUTURESEARCH_ARR,
                     _("Share of the API in OpenAI's annualised revenue (FutureSearch's "
                       "estimate; OpenAI only)")),
        share_figure("openai-arr-share-subscriptions-2024-06", ref, FUTURESEARCH_ARR[:2],
                     FUTURESEARCH_ARR, _("Share of ChatGPT Plus and Team subscriptions in "
                                         "OpenAI's annualised revenue (FutureSearch's estimate; "
                                         "OpenAI only)")),
        share_figure("openai-arr-share-enterprise-2024-06", ref, FUTURESEARCH_ARR[2:3],
                     FUTURESEARCH_ARR, _("Share of ChatGPT Enterprise seats in OpenAI's "
                                         "annualised revenue (FutureSearch's estimate; OpenAI "
                                         "only)")),
        Computed("chatgpt-paying-share-2026", 100 * float(subs["value"]) / float(wau["value"]),
                 "percent", _("{part} as a share of {whole} (later than the report)").format(
                     part=data_text(str(subs["quantity"])), whole=data_text(str(wau["quantity"]))),
                 source_id=str(subs["source_id"]),
                 location=str(subs["location"]), period=str(subs["period"])),
    ]


# Translators: the revenue channels of table 3 (API calls, subscriptions, enterprise
# customisation), listed after "the revenue shares table 3 states".
REVENUE_CHANNELS = {"api": N_("api"), "subscription": N_("subscription"),
                    "enterprise": N_("enterprise")}


def revenue_share_sum(shares: Mapping[str, float]) -> Computed:
    """The sum of the revenue shares a table states (a complete split sums to 100)."""
    channels = _(", ").join(_(REVENUE_CHANNELS[k]) if k in REVENUE_CHANNELS else k
                            for k in shares)
    return Computed("revenue-share-sum", shares_sum(shares.values()), "percent",
                    _("Sum of the {n} revenue shares table 3 states ({channels})").format(
                        n=len(shares), channels=channels), source_id="boc-research-2025",
                    location=_("table 3"))


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

# Translators: "{n} holds" etc. count the chapter's statements by headline verdict
# (holds 成立 · roughly holds 大致成立 · garbled 转述有误 · contradicted 不成立 ·
# faithful, unconfirmed 转述忠实、未获证实 · unverifiable 无法核实).
HEADLINE_WORDS: Mapping[str, tuple[str, str]] = {
    "holds": (N_("{n} holds"), N_("{n} hold")),
    "roughly holds": (N_("{n} roughly holds"), N_("{n} roughly hold")),
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
    parts = [_(HEADLINE_WORDS[h][0 if n == 1 else 1]).format(n=n) if h in HEADLINE_WORDS
             else f"{n} {h}" for h, n in counts.items() if n]
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


def _tip(shorthand: str, title: str, **kwargs: Any) -> str | alt.Tooltip:
    """A tooltip field: in English as before (the field's own name shows, or
    ``kwargs``' title), in Chinese titled with the translation of ``title``."""
    if is_chinese():
        return alt.Tooltip(shorthand, **{**kwargs, "title": _(title)})
    return alt.Tooltip(shorthand, **kwargs) if kwargs else shorthand


def price_chart(prices: pd.DataFrame, r: Mapping[str, float], rate: Rate, chosen_list: str,
                palette: Mapping[str, str]) -> tuple[alt.TopLevelMixin, pd.DataFrame, str]:
    """Dot plot of GPT-4.5 and Qwen-Max list prices in USD (log scale), with the chosen
    ratios as labels; returns the chart, its data and its title."""
    pts = prices[prices["model"].isin([US_MODEL, CN_MODEL])].copy()
    pts["usd_per_m"] = [to_usd(v, c, rate) for v, c in zip(pts["price"], pts["currency"])]
    pts["series"] = pts["model"] + " · " + pts["price_list"]
    pts["chosen"] = pts["price_list"].isin([US_LIST, chosen_list])
    if is_chinese():
        pts["direction"] = pts["direction"].map(direction_word)
    pts = pts[["series", "model", "price_list", "direction", "price", "currency", "usd_per_m",
               "chosen", "source_id"]]
    notes = pd.DataFrame({
        "direction": [direction_word(d) for d in DIRECTIONS],
        "usd_per_m": [r["us_input_usd"], r["us_output_usd"]],
        "label": [_("{ratio:.0f}× Qwen-Max ({price_list})").format(ratio=r[d],
                                                                   price_list=chosen_list)
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
        tooltip=[_tip("series:N", N_("Series")), _tip("direction:N", N_("Token direction")),
                 _tip("price:Q", N_("Price")), _tip("currency:N", N_("Currency")),
                 alt.Tooltip("usd_per_m:Q", format=".3f", title=_("USD per million")),
                 _tip("source_id:N", N_("Source"))])
    text = alt.Chart(notes).mark_text(align="right", dx=-10, dy=-12, fontWeight="bold").encode(
        x=alt.X("usd_per_m:Q", title=x_title), y=alt.Y("direction:N", title=y_title),
        text="label:N", tooltip=[_tip("label:N", N_("Ratio"))])
    title = _("GPT-4.5 costs {input:.0f}× (input) and {output:.0f}× (output) "
              "Qwen-Max on the {price_list} list").format(
        input=r["input"], output=r["output"], price_list=chosen_list)
    return alt.layer(dots, text).properties(height=160), pts, title


def price_chart_notes() -> dict[str, str]:
    """Source and description of the price chart, for ``Chapter.figure``."""
    return dict(
        source=_("OpenAI price table; Alibaba Cloud and third-party Qwen-Max lists; "
                 "ECB reference rates"),
        description=_("Dot plot of API list prices per million tokens in US dollars on a log "
                      "scale, for GPT-4.5 and for Qwen-Max under four price lists, input and "
                      "output. Labels give the ratio for the chosen list."))


# Words of the data tables' country, licence and board columns, in the reader's language.
COUNTRY_NAMES = {"United States": N_("United States"), "China": N_("China"),
                 "Europe": N_("Europe")}
LICENCE_CLASSES = {"Proprietary": N_("Proprietary"), "Open weights": N_("Open weights")}
# Translators: figure 6's two tables: "full" (all models) and "open" (open-weight models).
BOARD_NAMES = {"full": N_("full"), "open": N_("open")}


def _word(words: Mapping[str, str], value: object) -> str:
    return _(words[str(value)]) if str(value) in words else str(value)


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
        tooltip=[_tip("model:N", N_("Model")), _tip("arena_score:Q", N_("Arena score")),
                 _tip("coding_score:Q", N_("Coding score")),
                 _tip("organisation:N", N_("Organisation")), _tip("country:N", N_("Country")),
                 _tip("licence:N", N_("Licence")), _tip("tables:N", N_("Tables"))])
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
        tooltip=[_tip(group, N_("Group")), _tip(form, N_("Product form")),
                 _tip("track:N", N_("Track")), _tip("app:N", N_("App")),
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
        tooltip=[_tip("series:N", N_("Series")),
                 _tip("multiple:Q", N_("Multiple"), format=".1f"), _tip("basis:N", N_("Basis"))],
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
