"""Chapter 03 (commercialisation): the words of the data tables' countries, licences and
boards, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping

from ...core.i18n import N_, _

# Words of the data tables' country, licence and board columns, in the reader's language.
COUNTRY_NAMES = {"United States": N_("United States"), "China": N_("China"),
                 "Europe": N_("Europe")}


LICENCE_CLASSES = {"Proprietary": N_("Proprietary"), "Open weights": N_("Open weights")}


# Translators: figure 6's two tables: "full" (all models) and "open" (open-weight models).
BOARD_NAMES = {"full": N_("full"), "open": N_("open")}


# The price lists of the price table, by id: a reader sees a name ("international
# list"), not the id ("intl").
# Translators: a price list's name, which a sentence follows with "list" (价目表): 2025 is
# OpenAI's list of 2025, the others Alibaba Cloud's (国际版, 中国内地2025年版)
PRICE_LIST_NAMES = {"openai-2025": N_("2025"), "intl": N_("international"),
                    "cn-2025": N_("Chinese mainland 2025"),
                    "cn-2024-09": N_("Chinese mainland September 2024"),
                    "cn-2024-05": N_("Chinese mainland May 2024")}


def price_list_name(price_list: str) -> str:
    """``intl`` -> "international" (a sentence puts "list" after it)."""
    return _word(PRICE_LIST_NAMES, price_list)


def _word(words: Mapping[str, str], value: object) -> str:
    return _(words[str(value)]) if str(value) in words else str(value)
