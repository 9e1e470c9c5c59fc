"""The one object a chapter notebook works through."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from . import datapackage, views
from .charts import Figure, make_figure
from .i18n import N_, _, data_text, is_chinese
from .ledger import Computed, Headline, Ledger, LedgerError, Result, headline_label
from .numbers import fmt_day, fmt_number, fmt_scaled_zh, period_text
from .views import View, later, resolve

# Words that column names abbreviate, spelled as a reader expects them.
_HEADER_WORDS = {"id": "id", "usd": "USD", "cny": "CNY", "eci": "ECI", "mau": "MAU",
                 "gmv": "GMV", "pct": "%", "pp": "pp", "q2": "Q2", "us": "US", "cn": "CN"}


def glue(name: str, value: Any, display: bool = False, *, verbatim: bool = False) -> None:
    """myst-nb's ``glue`` for values in prose. A number is glued as a plain Python value
    (format specs such as ``{glue:text}`name:.1f``` work on it: it reads the same in
    every edition); a text must come as a :class:`~claimsbook.core.views.View` of the
    function that writes it, which each edition renders in its language, unless it is
    ``verbatim`` (a model's name, a date as the data give it: the same in every edition)."""
    from myst_nb import glue as myst_glue

    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 1) == 0:
        value = value.item()
    if isinstance(value, bool):  # a yes or a no, in the reader's words (not True/False)
        value = later(yes_no, value)
    if isinstance(value, str) and not verbatim:
        raise TypeError(
            f"glue({name!r}, ...) got a text, which every edition would show as it is; glue "
            "a view of the function that writes it, later(function, *args), or pass "
            "verbatim=True for a name or code that reads the same in every language")
    myst_glue(name, views.glueable(value), display=display)


def glue_each(view: View, display: bool = False) -> None:
    """Glue every item of a view of a name -> value mapping (its texts as views)."""
    for name, value in views.items(view):
        glue(name, value, display=display)


# A date or month the data writes ISO-style (2025-03-26, 2025-06): Chinese in Chinese.
ISO_PERIOD = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def header(column: str) -> str:
    """``early_lag_months`` -> ``Early lag months``; known abbreviations kept upper-case.
    In Chinese, the English header's translation (see :data:`HEADERS`)."""
    if is_chinese() and ISO_PERIOD.match(str(column)):  # a column per date
        return period_text(str(column))
    words = [_HEADER_WORDS.get(word.lower(), word) for word in str(column).split("_")]
    text = " ".join(words)
    return _(text[:1].upper() + text[1:])


# The headers :func:`header` makes of the columns the chapters' tables show, marked for
# the catalog (a header it makes of another column shows in English until added here).
HEADERS = (
    N_("Headline"),
    N_("Claims"),
    N_("Rating"),
    N_("Model"),
    N_("Figure id"),
    N_("Date"),
    N_("Series"),
    N_("Platform"),
    N_("Price list"),
    N_("Region"),
    N_("Index"),
    N_("Metric"),
    N_("From stage"),
    N_("To stage"),
    N_("Benchmark"),
    N_("Figure6 model"),
    N_("Year"),
    N_("Quantity"),
    N_("Product form"),
    N_("All input over 100"),
    N_("All output over 100"),
    N_("Any"),
    N_("First"),
    N_("Sole"),
    N_("Fractional"),
    N_("Arena score"),
    N_("Blended max"),
    N_("Blended min"),
    N_("Closed-open"),
    N_("Comparable group"),
    N_("Copy"),
    N_("Country"),
    N_("Currency"),
    N_("Definition"),
    N_("Difference pp"),
    N_("Drift"),
    N_("Early censored"),
    N_("Early date"),
    N_("Early lag months"),
    N_("End year"),
    N_("Form total m"),
    N_("Gap pp"),
    N_("Gap years"),
    N_("Growth %"),
    N_("History date"),
    N_("In full"),
    N_("Input max"),
    N_("Input min"),
    N_("Kind"),
    N_("Largest app m"),
    N_("Largest within total"),
    N_("Listed sum m"),
    N_("Market"),
    N_("Market size 100m yuan"),
    N_("Market year"),
    N_("Min relative gap percent"),
    N_("Next start year"),
    N_("Open score"),
    N_("Organisation"),
    N_("Output max"),
    N_("Output min"),
    N_("Period"),
    N_("Proxy lag over a year early on"),
    N_("Proxy lag under three months in Q2 2025"),
    N_("Publication date"),
    N_("Q2 2025 lag months"),
    N_("Q2 2025 mean months"),
    N_("Ratio growth %"),
    N_("Retail per extra yuan"),
    N_("Rounding pp"),
    N_("Same score"),
    N_("Should be in full"),
    N_("Source id"),
    N_("Subject"),
    N_("Tolerance"),
    N_("Top Chinese model"),
    N_("Top US model"),
    N_("Top1-top10"),
    N_("Top1-top2"),
    N_("Unit"),
    N_("Us-china"),
    N_("Value"),
    N_("Value 100m yuan"),
    N_("Claim"),
    N_("Amount"),
    N_("Business model"),
)
# A table's yes/no cells.
YES, NO = N_("yes"), N_("no")


def yes_no(value: bool) -> str:
    return _(YES) if value else _(NO)


# A column of amounts in millions (``listed_sum_m``): the Chinese edition writes each in
# 万/亿, as Chinese newsrooms do (its header names no scale).
IN_MILLIONS = re.compile(r"_m$")


def _cell_format(column: str) -> Callable[[Any], str]:
    def fmt(value: Any) -> str:
        if isinstance(value, bool | np.bool_):
            return yes_no(bool(value))
        if is_chinese() and isinstance(value, pd.Timestamp):
            return fmt_day(value)  # 2025年3月26日
        if is_chinese() and isinstance(value, str) and ISO_PERIOD.match(value):
            return period_text(value)  # 2025年3月26日, 2025年6月
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
        if is_chinese() and isinstance(value, int | float) and IN_MILLIONS.search(str(column)):
            return fmt_scaled_zh(float(value) * 1e6)
        if isinstance(value, int | float) and "year" in str(column).lower():
            return str(int(value))  # 2024, never "2,024"
        if isinstance(value, float):  # 1,431 in English; 1431 in Chinese, no separator
            return fmt_number(value, grouped=not is_chinese())
        if isinstance(value, int):
            return str(value) if is_chinese() else f"{value:,}"
        if is_chinese() and isinstance(value, str):
            if value in (YES, NO):
                return _(value)
            if column == "headline" and value in {h.value for h in Headline}:
                return headline_label(value)
            return data_text(value)
        return str(value)
    return fmt


def table(frame: pd.DataFrame | View, labels: Mapping[str, str] | None = None) -> View:
    """A table for readers (see :func:`styled_table`), rendered in each edition's
    language; ``frame`` may be a view of the function that makes it."""
    return later(styled_table, frame, labels)


def styled_table(frame: pd.DataFrame, labels: Mapping[str, str] | None = None) -> Styler:
    """A table for readers: no positional index (a meaningful one becomes a column),
    readable headers (``labels`` overrides :func:`header`), numbers formatted as in
    the claim cards, booleans as yes/no and missing values as a dash."""
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    frame = frame.reset_index(drop=True)
    labels = dict(labels or {})
    shown = frame.rename(columns={c: _(labels[c]) if c in labels else header(c)
                                  for c in frame.columns})
    formats = {header_text: _cell_format(column)
               for column, header_text in zip(frame.columns, shown.columns)}
    # The table's HTML ids from its content, not pandas' random uuid: two builds of the
    # same book give the same bytes.
    uuid = hashlib.sha256(shown.to_csv().encode("utf-8")).hexdigest()[:8]
    return (shown.style.hide(axis="index").format(formats, na_rep="—").set_uuid(uuid)
            .set_table_attributes('class="cb-table" tabindex="0"'))


def _figure(chapter: str, chart: alt.TopLevelMixin | None, kwargs: dict[str, Any]) -> Figure:
    kwargs = dict(kwargs)
    parts = kwargs.pop("parts", None) or {}
    if isinstance(parts, tuple):  # (chart, the other arguments)
        chart, parts = parts
    parts = dict(parts)
    chart = parts.pop("chart", chart)
    return make_figure(chart, chapter=chapter, **parts, **kwargs)


def judged(chapter_id: str, values: tuple[View, ...]) -> Ledger:
    """The chapter's ledger judged in the current language: the values its notebook
    recorded, computed again so that what they measure is said in that language."""
    ledger = Ledger(chapter_id)
    for view in values:
        ledger.record(resolve(view))
    return ledger


# The glue name of a chapter's ledger, for the editions' verdicts in their language.
LEDGER_GLUE = "claimsbook-ledger"


@dataclass
class Chapter:
    """Loads validated tables, records computed values, shows claim cards and draws
    charts for one chapter; ``finish`` saves its answers for the ledger appendix.

    How each claim is judged is data (``data/<cluster>/checks.csv``); a notebook
    only records the values its checks reference and shows the cards. Whatever a
    reader reads leaves the kernel as a view (:mod:`claimsbook.core.views`), rendered
    in each edition's language."""

    chapter_id: str
    ledger: Ledger = field(init=False)
    values: list[View] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.ledger = Ledger(self.chapter_id)

    def load(self, table: str) -> pd.DataFrame:
        return datapackage.load_table(table)

    def record(self, *values: View) -> list[Computed]:
        """Record the values (computed by the chapter's module) that the checks refer to,
        each given as a view of the function that computes it: what a value measures is
        said in each edition's language. Returns them, as computed here."""
        recorded: list[Computed] = []
        for view in values:
            if not isinstance(view, View):
                raise TypeError(
                    f"chapter.record got a {type(view).__name__}; give a view of the "
                    "function that computes it, later(function, *args), so that each "
                    "edition says in its language what it measures")
            found = resolve(view)
            found = [found] if isinstance(found, Computed) else list(found)
            self.ledger.record(found)
            self.values.append(view)
            recorded += found
        return recorded

    def reported(self, claim_id: str) -> float:
        """The value a claim states, for prose."""
        return self.ledger.claim(claim_id).reported_value

    def result(self, claim_id: str) -> Result:
        return self.ledger.result(claim_id)

    def cards(self, section: str | None = None) -> View:
        """The cards of a section's claims, judged and written in each edition's
        language on the values recorded so far."""
        self.ledger.cards(section)  # here: refuses an unknown section, marks them shown
        return later(Ledger.cards, self._judged(), section)

    def _judged(self) -> View:
        return later(judged, self.chapter_id, tuple(self.values))

    def figure(self, chart: alt.TopLevelMixin | View | None = None, **kwargs: Any) -> View:
        """A chart made by :func:`~claimsbook.core.charts.make_figure` in each edition's
        language: ``chart`` and the texts among ``kwargs`` are views of the functions
        that make them; a view of a mapping passed as ``parts`` gives every argument."""
        return later(_figure, self.chapter_id, chart, kwargs)

    def finish(self) -> pd.DataFrame:
        """Judge and save every claim of the chapter and return the count of its
        distinct statements per headline rating. Every claim must have been shown
        as a card."""
        self.ledger.judge_all()
        unshown = self.ledger.unshown()
        if unshown:
            raise LedgerError(
                f"chapter {self.chapter_id!r} never showed as cards: "
                f"{', '.join(unshown)}; call chapter.cards(section) for their sections")
        self.ledger.save()
        from myst_nb import glue as myst_glue

        # For the editions' verdicts in their language (a table: never in prose).
        myst_glue(LEDGER_GLUE, later(Ledger.frame, self._judged()), display=False)
        counts = self.ledger.counts()
        return counts.rename_axis("headline").reset_index(name="claims")
