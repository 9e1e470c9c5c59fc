"""Chapter 03 (commercialisation): exchange rates, prices and their ratios, the Arena
leaderboard's facts, revenue shares and MAU by product form."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ...core import params
from ...core.arithmetic import ratio
from ...core.i18n import N_, _, is_chinese
from ...core.numbers import fmt_date_label
from .words import COUNTRY_NAMES, _word

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
    return fmt_date_label(rate.rate_date) if rate.rate_date else _("none (explicit rate)")


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
    # Two scores side by side: say which board each comes from.
    return (merged[cols].sort_values("arena_score", ascending=False).reset_index(drop=True)
            .rename(columns={"rating": "history_score", "arena_score": "figure6_score"}))


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
    forms = grouped.reset_index().rename(columns={"product_form_en": "product_form"})
    if is_chinese():  # the table's own Chinese names of the forms
        names = dict(zip(mau["product_form_en"], mau["product_form"]))
        forms["product_form"] = forms["product_form"].map(lambda v: names.get(v, v))
    return forms


def form_value(forms: pd.DataFrame, mau: pd.DataFrame, form: str, column: str) -> float:
    """One value of :func:`mau_by_form`'s table, for the form named ``form`` in English."""
    names = dict(zip(mau["product_form_en"], mau["product_form"])) if is_chinese() else {}
    return float(forms.set_index("product_form").loc[names.get(form, form), column])


# The headers ``core.chapter.table`` gives the columns of this chapter's tables (sensitivity
# summary, open-table consistency, Arena drift, QuestMobile forms), marked for the catalog.
TABLE_HEADERS = (
    N_("Price list"), N_("Input min"), N_("Input max"), N_("Output min"), N_("Output max"),
    N_("Blended min"), N_("Blended max"), N_("All input over 100"), N_("All output over 100"),
    N_("Model"), N_("Open score"), N_("Should be in full"), N_("In full"), N_("Same score"),
    N_("Figure6 model"), N_("Organisation"), N_("Country"), N_("History date"),
    N_("History score"), N_("Figure6 score"), N_("Drift"), N_("Product form"), N_("Listed sum m"),
    N_("Largest app m"), N_("Form total m"), N_("Largest within total"))
