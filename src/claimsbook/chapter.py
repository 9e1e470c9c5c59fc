"""The one object a chapter notebook works through."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd

from . import datapackage
from .charts import Figure, make_figure
from .ledger import CardDeck, Ledger, Method, Result, Verdict


def glue(name: str, value: Any, display: bool = False) -> None:
    """myst-nb's ``glue`` for numbers in prose, with NumPy scalars made plain Python
    values so that format specs such as ``{glue:text}`name:.1f``` work on them."""
    from myst_nb import glue as myst_glue

    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 1) == 0:
        value = value.item()
    myst_glue(name, value, display=display)


@dataclass
class Chapter:
    """Loads validated tables, checks claims and draws charts for one chapter;
    ``finish`` saves its verdicts for the ledger appendix."""

    chapter_id: str
    ledger: Ledger = field(init=False)

    def __post_init__(self) -> None:
        self.ledger = Ledger(self.chapter_id)

    def load(self, table: str) -> pd.DataFrame:
        return datapackage.load_table(table)

    def check(
        self, claim_id: str, computed: float | None, *, method: Method, basis: str,
        evidence: str = "",
    ) -> Result:
        return self.ledger.check(claim_id, computed, method=method, basis=basis, evidence=evidence)

    def unverifiable(self, claim_id: str, *, needs: str) -> Result:
        return self.ledger.unverifiable(claim_id, needs=needs)

    def cards(self, section: str | None = None) -> CardDeck:
        return self.ledger.cards(section)

    def figure(self, chart: alt.TopLevelMixin, **kwargs: Any) -> Figure:
        return make_figure(chart, chapter=self.chapter_id, **kwargs)

    def finish(self) -> pd.DataFrame:
        """Save the verdicts (every claim of the chapter must have one) and return
        the count per verdict."""
        self.ledger.save()
        counts = self.ledger.counts()
        return counts.rename_axis("verdict").reset_index(name="claims")

    def verdict_count(self, verdict: Verdict) -> int:
        return int(self.ledger.counts()[verdict.value])
