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


def _word(words: Mapping[str, str], value: object) -> str:
    return _(words[str(value)]) if str(value) in words else str(value)
