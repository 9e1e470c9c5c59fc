"""Chapter 03 (commercialisation): the values the chapter records for its checks
(Computed): prices, ratios, shares and reference figures."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ...core.arithmetic import calendar_months, growth_multiple, growth_pct, implied_earlier, ratio
from ...core.i18n import N_, _, data_text
from ...core.ledger import Computed
from ...core.numbers import period_text
from .analysis import PRICE_LISTS, Rate, price_ratios, score_comparison, shares_sum
from .words import price_list_name

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
                     direction=direction_word(str(r.direction)),
                     price_list=price_list_name(str(r.price_list))),
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
                price_list=price_list_name(price_list), rate=rate.cny_per_usd)
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
                        later=period_text(str(later["period"])),
                        earlier=period_text(str(earlier["period"]))),
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


# The month the report starts Google's hundredfold growth from (section 一(一), para. 3).
GOOGLE_GROWTH_START = "2024-04"


def google_growth_span(ref: pd.DataFrame) -> Computed:
    """The span of the report's 'past year': from its start month to the month of the
    figure it gives for now (the evident origin's, the earliest reading of 'now')."""
    now = _fig(ref, "google-tokens-2025-06-hassabis")
    return Computed("google-growth-span-months",
                    float(calendar_months(GOOGLE_GROWTH_START, str(now["period"]))), "months",
                    _("Months from the report's start month for Google's growth to the month "
                      "of the figure it gives for now"), source_id="boc-research-2025",
                    location=_("section 一(一), para. 3"),
                    period=f"{GOOGLE_GROWTH_START}/{now['period']}")


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
        google_growth_span(ref),
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
