"""The ledger's vocabulary: the answers (enums), a claim, its check, the figures
it is compared with, and how a checks reference finds its figure."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from .. import datapackage
from ..i18n import N_, _, data_text, is_chinese
from ..numbers import bound_zh, fmt_amount, period_text

APPROX_RELATIVE = 0.10
APPROX_TOLERANCES = 2.0
# Float noise must not flip a verdict at the exact tolerance edge.
EDGE_EPSILON = 1e-9


class LedgerError(ValueError):
    """A claim is checked wrongly: unknown, inconsistent with its data, or not at all."""


class Verdict(StrEnum):
    """Does the number hold against independent evidence?"""

    REPRODUCED = "reproduced"
    APPROXIMATELY = "approximately"
    CONTRADICTED = "contradicted"
    # A statement with parts (a sentence, a table) of which some hold and some fail.
    PARTLY = "partly"
    UNVERIFIABLE = "unverifiable"


class Faithful(StrEnum):
    """Did the outlet restate the source it names faithfully?"""

    FAITHFUL = "faithful"
    GARBLED = "garbled"
    NOT_REACHED = "not reached"
    NOT_ATTRIBUTED = "not attributed"


class Garble(StrEnum):
    """How a restatement went wrong: a small, closed list."""

    WRONG_PERIOD = "wrong-period"
    POINTS_AS_PERCENT = "points-as-percent"
    WRONG_METRIC = "wrong-metric"
    WRONG_SCOPE = "wrong-scope"
    WRONG_UNIT = "wrong-unit"
    PARTLY_TRUE = "partly-true"
    LEVEL_AS_CHANGE = "level-as-change"
    TRANSCRIPTION = "transcription"


class Grade(StrEnum):
    """What the evidence behind a "does it hold?" answer is, strongest first."""

    INDEPENDENT_DATA = "independent-data"
    PRODUCER = "producer"
    INDEPENDENT_REPORT = "independent-report"
    RELAY = "relay"
    ARITHMETIC = "arithmetic"
    NONE = "none"


class Access(StrEnum):
    """How the attributed source's own figure was read."""

    PRIMARY = "primary"
    RELAY = "relay"


class Headline(StrEnum):
    """The one rating a reader sees first (badge, counts, ClaimReview)."""

    HOLDS = "holds"
    ROUGHLY = "roughly holds"
    GARBLED = "garbled"
    CONTRADICTED = "contradicted"
    PARTLY = "partly holds"
    FAITHFUL = "faithful, unconfirmed"
    UNVERIFIABLE = "unverifiable"



JUDGING_GRADES = (Grade.INDEPENDENT_DATA, Grade.PRODUCER, Grade.INDEPENDENT_REPORT)

COMPARISONS = {
    "=": "",
    ">=": "at least ",
    ">": "more than ",
    "<=": "at most ",
    "<": "less than ",
}
# The stated value with its bound, as a reader sees it.
STATED = {
    "=": "{amount}",
    # Translators: a claim's bound, e.g. "at least 5 %"
    ">=": N_("at least {amount}"),
    # Translators: a claim's bound, e.g. "more than 600 million"
    ">": N_("more than {amount}"),
    # Translators: a claim's bound, e.g. "at most 3 months"
    "<=": N_("at most {amount}"),
    # Translators: a claim's bound, e.g. "less than 3 months"
    "<": N_("less than {amount}"),
}


def stated_amount(comparison: str, value: float, unit: str) -> str:
    """A value with its unit and bound ("more than 600 million users")."""
    if is_chinese() and (words := bound_zh(comparison, value, unit)):
        return words
    return _(STATED[comparison]).format(
        amount=fmt_amount(value, unit, direction_in_words=comparison == "="))


RESULT_COLUMNS = [
    "claim_id", "chapter", "section", "source_id", "attributed_to", "part_of", "claim",
    "reported_as", "reported_value", "unit", "comparison", "tolerance", "period",
    "headline", "faithful", "garble", "source_value", "source_access", "source_ref",
    "faithful_reason", "verdict", "evidence_grade", "computed_value", "evidence_ref",
    "holds_reason", "kind", "evident_origin",
]


# --- claims and their checks ---------------------------------------------------------


def _text(row: Mapping[str, object], key: str) -> str:
    value = row.get(key)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _number(row: Mapping[str, object], key: str) -> float:
    text = _text(row, key)
    return float(text) if text else math.nan


@dataclass(frozen=True)
class Claim:
    claim_id: str
    chapter: str
    section: str
    source_id: str
    location: str
    claim: str
    reported_as: str
    reported_value: float
    unit: str
    comparison: str
    tolerance: float
    period: str
    attributed_to: str = ""
    part_of: str = ""
    # The outlet's words that name the attributed source (rule 1).
    attribution_words: str = ""
    # The publication an unattributed figure is evidently copied from (rule 2).
    evident_origin: str = ""
    kind: str = "figure"
    # Another outlet's claim of the same sentence (rule 10).
    same_as: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> Claim:
        return cls(
            claim_id=_text(row, "claim_id"),
            chapter=_text(row, "chapter"),
            section=_text(row, "section"),
            source_id=_text(row, "source_id"),
            location=_text(row, "location"),
            claim=_text(row, "claim"),
            reported_as=_text(row, "reported_as"),
            reported_value=_number(row, "reported_value"),
            unit=_text(row, "unit"),
            comparison=_text(row, "comparison") or "=",
            tolerance=_number(row, "tolerance") if _text(row, "tolerance") else 0.0,
            period=_text(row, "period"),
            attributed_to=_text(row, "attributed_to"),
            part_of=_text(row, "part_of"),
            attribution_words=_text(row, "attribution_words"),
            evident_origin=_text(row, "evident_origin"),
            kind=_text(row, "kind") or "figure",
            same_as=_text(row, "same_as"),
        )

    @property
    def origin(self) -> str:
        """The source 'faithful?' is asked against: the one the outlet names, else the
        evident origin of its figure."""
        return self.attributed_to or self.evident_origin

    @property
    def stated(self) -> str:
        """The reported value as the claim states it: bound, number and unit."""
        if math.isnan(self.reported_value):
            # A table's description in the book's words, or the source's own words.
            return data_text(self.reported_as) or "—"
        return stated_amount(self.comparison, self.reported_value, self.unit)


@dataclass(frozen=True)
class Check:
    """One row of a chapter's checks table: what a claim is compared with."""

    claim_id: str
    source_ref: str = ""
    source_access: str = ""
    garble: str = ""
    garbled_from: str = ""
    evidence_ref: str = ""
    evidence_grade: str = ""
    searched: str = ""
    context: str = ""
    note: str = ""
    # What a producer's own word can do: "constitutes" or "interested" (rule 3).
    producer_statement: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> Check:
        return cls(**{name: _text(row, name) for name in cls.__dataclass_fields__})


# Names that open figure labels and keep their capital mid-sentence ("Doubao daily
# tokens", not "doubao daily tokens"); names of two capitalised words ("Artificial Analysis",
# "Chatbot Arena") and possessives ("China's") are told apart by their shape.
LABEL_NAMES = frozenset({"China", "Chinese", "Doubao", "Douyin", "Epoch", "Facebook",
                         "Instagram", "Meta", "Qwen"})


def _mid_sentence(label: str) -> str:
    """A label as it reads after a colon: "Relative gap" -> "relative gap", while names
    ("Artificial Analysis Intelligence Index", "Epoch AI's estimate", "China's share",
    "Doubao") and acronyms ("MMLU", "GPT-4o") keep their capitals."""
    words = label.split(" ", 2)
    first = words[0]
    if not (len(first) > 1 and first[0].isupper() and first[1:].islower()):
        return label
    if first in LABEL_NAMES or "'" in first or "’" in first:
        return label
    second = words[1] if len(words) > 1 else ""
    if second[:1].isupper() and second[1:2].islower():  # "Chatbot Arena", not "Notable AI"
        return label
    return label[0].lower() + label[1:]


@dataclass(frozen=True)
class Figure:
    """A number the ledger compares with: a row of a figure table, or a value the
    chapter computed. ``label`` says what it measures, in words."""

    ref: str
    value: float
    unit: str
    label: str
    source_id: str = ""
    location: str = ""
    period: str = ""
    # What the figure is about, when a figure table names it apart ("China: …").
    subject: str = ""
    # A source that states a bound ("more than a year") gives a bound, not a figure:
    # "=" for a figure, else the bound's comparison (the `comparison` column of a table).
    comparison: str = "="

    def describe(self) -> str:
        """What the figure measures, with its period and location, mid-sentence (in the
        reader's language: the data's texts through their catalog)."""
        if is_chinese():
            label = data_text(self.label)
            if self.subject:
                # Translators: what a figure measures, about a subject ("China: MMLU score")
                label = _("{subject}: {quantity}").format(
                    subject=data_text(self.subject), quantity=label)
            where = "，".join(text for text in (period_text(self.period),
                                               data_text(self.location)) if text)
            if where and label.endswith("）"):  # one bracket, not two side by side
                return f"{label[:-1]}；{where}）"
            return f"{label}（{where}）" if where else label
        label = _mid_sentence(self.label)
        if self.subject:  # a name ("Kimi", "QwQ 32B Preview"), as written
            label = f"{self.subject}: {label}"
        where = ", ".join(part for part in (self.period, self.location) if part)
        return f"{label} ({where})" if where else label

    def amount(self) -> str:
        """The value with its unit, and its bound when the source states one."""
        return stated_amount(self.comparison, self.value, self.unit)

    @property
    def is_bound(self) -> bool:
        return self.comparison != "="


@dataclass(frozen=True)
class Computed:
    """A value a chapter computes, with what it measures (written by the package)."""

    key: str
    value: float | None
    unit: str
    label: str
    source_id: str = ""
    location: str = ""
    period: str = ""


COMPUTED = "computed"
# Columns a figure table may use for a row's value and for what it measures.
_VALUE_COLUMNS = ("value",)
_LABEL_COLUMNS = ("quantity", "metric")


def figure_from_row(resource: str, key: str, row: Mapping[str, object]) -> Figure:
    value_column = next((c for c in _VALUE_COLUMNS if c in row), None)
    label_column = next((c for c in _LABEL_COLUMNS if c in row), None)
    if value_column is None or label_column is None:
        raise LedgerError(
            f"table {resource!r} is not a figure table: a referenced row needs a 'value' "
            f"column and a 'quantity' or 'metric' column")
    return Figure(
        ref=f"{resource}/{key}", value=_number(row, value_column), unit=_text(row, "unit"),
        label=_text(row, label_column), source_id=_text(row, "source_id"),
        location=_text(row, "location"), period=_text(row, "period") or _text(row, "date"),
        subject=_text(row, "subject"), comparison=_text(row, "comparison") or "=")


class FigureIndex:
    """Resolves ``resource/key`` references into figure-table rows and
    ``computed/key`` references into values the chapter recorded."""

    def __init__(self, loader: Callable[[str], pd.DataFrame] | None = None) -> None:
        self._loader = loader or datapackage.load_table
        self._tables: dict[str, pd.DataFrame] = {}
        self.computed: dict[str, Computed] = {}

    def record(self, value: Computed) -> None:
        if value.key in self.computed:
            raise LedgerError(f"computed value {value.key!r} was recorded twice")
        self.computed[value.key] = value

    def resolve(self, ref: str) -> Figure:
        resource, sep, key = ref.partition("/")
        if not sep or not key:
            raise LedgerError(
                f"reference {ref!r} is not of the form 'table-name/row-id' or 'computed/key'")
        if resource == COMPUTED:
            if key not in self.computed:
                raise LedgerError(
                    f"computed value {key!r} is referenced in the checks but the chapter never "
                    f"recorded it (chapter.record) before its claims were judged")
            c = self.computed[key]
            value = math.nan if c.value is None else float(c.value)
            return Figure(ref, value, c.unit, c.label, c.source_id, c.location, c.period)
        table = self._table(resource)
        if key not in table.index:
            raise LedgerError(f"reference {ref!r}: table {resource!r} has no row {key!r}")
        row = table.loc[key]
        return figure_from_row(resource, key, {**row.to_dict(), table.index.name: key})

    def source_name(self, source_id: str) -> str:
        """A source as a reader knows it: its outlet (``sources.csv``, in the reader's
        language), else its id."""
        sources = self._table("sources")
        if source_id in sources.index and "outlet" in sources.columns:
            outlet = sources.loc[source_id, "outlet"]
            if isinstance(outlet, str) and outlet:
                return data_text(outlet)
        return source_id

    def original_source(self, source_id: str) -> str:
        """The source whose own page ``source_id`` copies (``copy_of`` in sources.csv),
        else ``source_id`` itself."""
        if not source_id:
            return source_id
        sources = self._table("sources")
        if source_id in sources.index and "copy_of" in sources.columns:
            copied = sources.loc[source_id, "copy_of"]
            if isinstance(copied, str) and copied:
                return copied
        return source_id

    def _table(self, resource: str) -> pd.DataFrame:
        if resource not in self._tables:
            try:
                frame = self._loader(resource)
            except KeyError:
                raise LedgerError(f"no table {resource!r} in data/datapackage.json") from None
            key_column = frame.columns[0]
            self._tables[resource] = frame.astype({key_column: str}).set_index(key_column)
        return self._tables[resource]


