"""One country-to-region rule for the whole book, read from ``data/shared/regions.csv``
(organisations' countries are in ``data/shared/organisations.csv``)."""

from __future__ import annotations

from functools import lru_cache

from . import datapackage

OTHER = "Other"
#: The regions the book counts, in the order its tables and charts show them.
REGIONS: tuple[str, ...] = ("United States", "China", "Europe")


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Epoch country name -> the region the book counts it in."""
    table = datapackage.load_table("regions")
    return dict(zip(table["country"], table["region"], strict=True))


def region_of(country: str) -> str:
    """'United States', 'China' (Hong Kong included), 'Europe' or 'Other'."""
    return regions().get(country.strip(), OTHER)
