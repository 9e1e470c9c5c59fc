"""Chapter 01 (AI Index): the chapter's tables of notable models, attribution rules and
training costs."""

from __future__ import annotations

import pandas as pd

from ...core.geography import REGIONS
from ...core.i18n import _, is_chinese
from ...core.numbers import fmt_amount
from .analysis import attribute, count_by_region
from .model import ATTRIBUTION_RULES, COST_MODELS, NOTABLE_FIRST_YEAR, NOTABLE_YEAR
from .words import _display, _internal, _region


def notable_tables(models: pd.DataFrame, rule: str) -> dict[str, object]:
    """Counts per year and region under ``rule``, the 2024 counts under every rule,
    and the figures the prose quotes."""
    counts = count_by_region(models, rule, range(NOTABLE_FIRST_YEAR, NOTABLE_YEAR + 1))
    rules = _display_rules(pd.DataFrame({
        r: count_by_region(models, r, [NOTABLE_YEAR]).set_index("region")["models"]
        for r in ATTRIBUTION_RULES}).round(1))
    newest = pd.to_datetime(models.publication_date).max()
    year = models[pd.to_datetime(models.publication_date).dt.year == NOTABLE_YEAR]
    europe = year[year.countries.fillna("").map(lambda c: "Europe" in attribute(c, "any"))]
    return {"counts": counts, "rules": rules, "newest": newest, "n_year": len(year),
            "n_gdm": float(europe.organization.str.contains("Google DeepMind").sum())}


def _rule_headers() -> dict[str, str]:
    """The attribution rules as a Chinese table heads their columns."""
    return {"any": _("Any listed country"), "first": _("First-listed country"),
            "sole": _("Single region only"), "fractional": _("Split equally")}


def _display_rules(rules: pd.DataFrame) -> pd.DataFrame:
    """The 2024 counts under every rule, regions and rules named for the reader (in
    Chinese; the English edition shows the names of the data)."""
    if not is_chinese():
        return rules
    shown = _display(rules, _rule_headers())
    shown.index = pd.Index([_region(r) for r in rules.index], name=_("Country or region"))
    return shown


def _rules_data(rules: pd.DataFrame) -> pd.DataFrame:
    """The inverse of :func:`_display_rules`."""
    if not is_chinese():
        return rules
    names = {_region(r): r for r in (*REGIONS, "Other")}
    data = _internal(rules, _rule_headers())
    data.index = pd.Index([names.get(str(r), str(r)) for r in rules.index], name="region")
    return data


def epoch_costs(models: pd.DataFrame) -> pd.DataFrame:
    costs = models[models.model.isin(list(COST_MODELS))][
        ["model", "publication_date", "training_cost_2023_usd"]]
    millions = (costs.pop("training_cost_2023_usd") / 1e6).round(1)
    costs = costs.reset_index(drop=True)  # no data row numbers shown
    if is_chinese():  # 7835万美元: amounts in 万/亿, the header naming no scale
        costs["cost"] = [fmt_amount(m, "million USD") for m in millions]
        return _display(costs, {"model": _("Model"), "publication_date": _("Publication date"),
                                "cost": _("Training cost (2023 dollars)")})
    costs["million_usd"] = millions.to_numpy()
    return _display(  # English only (the Chinese table above), so no message to translate
        costs,
        {"model": _("Model"), "publication_date": _("Publication date"),
         "million_usd": "Training cost (million USD, 2023 dollars)"})
