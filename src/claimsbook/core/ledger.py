"""The claim ledger: two questions per claim, both computed from data.

Every claim of ``data/claims.csv`` has one row in its chapter's checks table
(``data/<cluster>/checks.csv``) that says what it is compared with. From the
figures those rows reference, the ledger answers:

1. **Faithful?** — for a claim the outlet attributes to another source: does the
   stated figure match that source's own figure for the same quantity, period and
   scope? :class:`Faithful`: *faithful*, *garbled* (with a :class:`Garble` kind and
   the correct figure), *not reached* (the source's own figure was not found), or
   *not attributed* (the outlet's own figure: the question does not apply).
2. **Does it hold?** — judged only on evidence independent of the claim and of the
   source it is attributed to: a :class:`Verdict` (reproduced, approximately,
   contradicted, unverifiable) with an evidence :class:`Grade`. A relay of the same
   statement shows what was said, and arithmetic on the claim's own figures shows
   internal consistency: neither makes a number hold (see :func:`holds`).

One :class:`Headline` per claim follows from both answers by :func:`headline`.

Tolerance semantics (documented in the book's introduction):

* ``=``: reproduced when ``|computed - reported| <= tolerance``; approximately when
  the difference is within :func:`approximate_band` (twice the tolerance or 10 % of
  the reported value, whichever is larger); contradicted beyond.
* ``>=``/``>`` ("at least", "more than") and ``<=``/``<`` ("at most", "less than"):
  reproduced when the bound holds once the reported precision is allowed for;
  approximately when it fails by no more than the band; contradicted otherwise.

What a reader sees — the reasons, the answers' names (:func:`label` and the one
function per answer), the cards — is written in the reader's language
(:mod:`claimsbook.core.i18n`): each sentence is one message with named placeholders,
the data's texts come through their catalog, and the CSV and JSON keep the enums'
English values.
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pandas as pd

from . import datapackage
from .i18n import N_, _, data_text, is_chinese
from .numbers import fmt_amount, fmt_number, fmt_signed
from .paths import ledger_dir

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


# What a reader sees for each answer: the English names, marked for the catalog and
# translated where they are shown (:func:`label` and its kin); the CSV and JSON keep
# the enums' values.
GARBLE_LABELS = {
    # Translators: a kind of garbled restatement (glossary: 时期错误)
    Garble.WRONG_PERIOD: N_("wrong period"),
    # Translators: a kind of garbled restatement (glossary: 百分点误作百分比)
    Garble.POINTS_AS_PERCENT: N_("points called per cent"),
    # Translators: a kind of garbled restatement (glossary: 指标错误)
    Garble.WRONG_METRIC: N_("wrong quantity or metric"),
    # Translators: a kind of garbled restatement (glossary: 范围错误)
    Garble.WRONG_SCOPE: N_("wrong scope or attribution"),
    # Translators: a kind of garbled restatement (glossary: 单位错误)
    Garble.WRONG_UNIT: N_("wrong unit or scale"),
    # Translators: a kind of garbled restatement (glossary: 部分属实)
    Garble.PARTLY_TRUE: N_("true for only part of the claim"),
    # Translators: a kind of garbled restatement (glossary: 水平值误作变化)
    Garble.LEVEL_AS_CHANGE: N_("a level reported as a change"),
    # Translators: a kind of garbled restatement (glossary: 抄录错误)
    Garble.TRANSCRIPTION: N_("transcription error"),
}
GRADE_LABELS = {
    # Translators: an evidence grade (glossary: 独立数据)
    Grade.INDEPENDENT_DATA: N_("independent data"),
    # Translators: an evidence grade (glossary: 发布方自己的数据)
    Grade.PRODUCER: N_("producer's own publication"),
    # Translators: an evidence grade (glossary: 独立报告)
    Grade.INDEPENDENT_REPORT: N_("independent report"),
    # Translators: an evidence grade (glossary: 转述)
    Grade.RELAY: N_("relay of the same statement"),
    # Translators: an evidence grade (glossary: 自行计算)
    Grade.ARITHMETIC: N_("arithmetic on the claim's own figures"),
    # Translators: an evidence grade (glossary: 无)
    Grade.NONE: N_("no evidence reached"),
}
HEADLINE_LABELS = {
    # Translators: a headline rating (glossary: 成立)
    Headline.HOLDS: N_("Holds"),
    # Translators: a headline rating (glossary: 大致成立)
    Headline.ROUGHLY: N_("Roughly holds"),
    # Translators: a headline rating, also the answer to "faithful?" (glossary: 转述有误)
    Headline.GARBLED: N_("Garbled"),
    # Translators: a headline rating (glossary: 不成立); the verdict of the same name
    # has its own message
    Headline.CONTRADICTED: N_("Contradicted"),
    # Translators: a headline rating: some parts of a sentence or table hold, others
    # fail (glossary: 部分成立)
    Headline.PARTLY: N_("Partly holds"),
    # Translators: a headline rating (glossary: 转述忠实、未获证实)
    Headline.FAITHFUL: N_("Faithful, unconfirmed"),
    # Translators: a headline rating and a verdict (glossary: 无法核实)
    Headline.UNVERIFIABLE: N_("Unverifiable"),
}
VERDICT_LABELS = {
    Verdict.REPRODUCED: N_("Reproduced"),
    Verdict.APPROXIMATELY: N_("Approximately"),
    Verdict.CONTRADICTED: "Contradicted",
    # Translators: the verdict of "does it hold?" for a statement of which some parts
    # hold and some fail (glossary: 部分成立)
    Verdict.PARTLY: N_("Partly reproduced"),
    Verdict.UNVERIFIABLE: N_("Unverifiable"),
}
# The verdict "Contradicted" (相矛盾) and the headline "Contradicted" (不成立) read
# alike in English but not in Chinese: the verdict is looked up under its own message.
_VERDICT_MESSAGES = {
    **VERDICT_LABELS,
    # Translators: the verdict of "does it hold?" when the evidence contradicts the
    # number (glossary: 相矛盾); English shows it as "Contradicted"
    Verdict.CONTRADICTED: N_("Contradicted (verdict)"),
}
FAITHFUL_LABELS = {
    # Translators: the answer to "faithful?" (glossary: 忠实)
    Faithful.FAITHFUL: N_("Faithful"),
    Faithful.GARBLED: N_("Garbled"),
    # Translators: the answer to "faithful?" (glossary: 未找到原始出处)
    Faithful.NOT_REACHED: N_("Source's figure not reached"),
    # Translators: the answer to "faithful?" (glossary: 未注明出处)
    Faithful.NOT_ATTRIBUTED: N_("Not attributed"),
}


def headline_label(value: Headline | str) -> str:
    """A headline rating as the reader sees it (``holds`` -> "Holds" / "成立")."""
    return _(HEADLINE_LABELS[Headline(value)])


def verdict_label(value: Verdict | str) -> str:
    """A "does it hold?" verdict as the reader sees it."""
    verdict = Verdict(value)
    if not is_chinese():
        return VERDICT_LABELS[verdict]
    return _(_VERDICT_MESSAGES[verdict])


def faithful_label(value: Faithful | str) -> str:
    """A "faithful?" answer as the reader sees it."""
    return _(FAITHFUL_LABELS[Faithful(value)])


def garble_label(value: Garble | str) -> str:
    """A garble kind as the reader sees it (``wrong-period`` -> "wrong period")."""
    return _(GARBLE_LABELS[Garble(value)])


def grade_label(value: Grade | str) -> str:
    """An evidence grade as the reader sees it."""
    return _(GRADE_LABELS[Grade(value)])


def label(value: Headline | Verdict | Faithful | Garble | Grade) -> str:
    """Any of the ledger's answers as the reader sees it, by its enum (a plain string
    is ambiguous: "contradicted" is a headline and a verdict; use the functions above)."""
    if isinstance(value, Headline):
        return headline_label(value)
    if isinstance(value, Verdict):
        return verdict_label(value)
    if isinstance(value, Faithful):
        return faithful_label(value)
    if isinstance(value, Garble):
        return garble_label(value)
    if isinstance(value, Grade):
        return grade_label(value)
    raise TypeError(f"{value!r} is not an answer of the ledger")


# Grades that can make a number hold; the others can at most show it inconsistent.
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
        return _(STATED[self.comparison]).format(
            amount=fmt_amount(self.reported_value, self.unit))


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
            where = "，".join(data_text(part) for part in (self.period, self.location) if part)
            return f"{label}（{where}）" if where else label
        label = f"{self.subject}: {self.label}" if self.subject else self.label
        if len(label) > 1 and label[0].isupper() and label[1].islower():
            label = label[0].lower() + label[1:]  # "Relative gap" -> "relative gap"; "MMLU" stays
        where = ", ".join(part for part in (self.period, self.location) if part)
        return f"{label} ({where})" if where else label

    def amount(self) -> str:
        """The value with its unit, and its bound when the source states one."""
        return _(STATED[self.comparison]).format(amount=fmt_amount(self.value, self.unit))

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


# --- the two answers ------------------------------------------------------------------


def approximate_band(reported: float, tolerance: float) -> float:
    """How far beyond the tolerance a value may be and still tell the same story."""
    return max(APPROX_TOLERANCES * tolerance, APPROX_RELATIVE * abs(reported))


def _is_missing(value: float | None) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def judge(
    reported: float, computed: float | None, comparison: str = "=", tolerance: float = 0.0
) -> Verdict:
    """The verdict for a reported value against a computed one (see the module doc)."""
    if comparison not in COMPARISONS:
        raise LedgerError(
            f"comparison {comparison!r} is not allowed; expected one of {list(COMPARISONS)}"
        )
    if tolerance < 0 or math.isnan(tolerance):
        raise LedgerError(f"tolerance must be a number >= 0, got {tolerance!r}")
    if _is_missing(computed) or math.isnan(reported):
        return Verdict.UNVERIFIABLE
    assert computed is not None
    epsilon = EDGE_EPSILON * max(1.0, abs(reported), abs(computed))
    band = approximate_band(reported, tolerance)
    if comparison == "=":
        shortfall = abs(computed - reported)
        return _grade(shortfall, tolerance + epsilon, band + epsilon)
    if comparison in (">=", ">"):
        # "more than 600 million" stated to the nearest 100 million holds for 550-650
        # million too: the precision of the statement bounds what it can assert.
        shortfall = (reported - tolerance) - computed
        strict = comparison == ">" and tolerance == 0
    else:
        shortfall = computed - (reported + tolerance)
        strict = comparison == "<" and tolerance == 0
    if shortfall < -epsilon or (not strict and shortfall <= epsilon):
        return Verdict.REPRODUCED
    return _grade(shortfall + tolerance, tolerance - epsilon, band + epsilon)


def _grade(distance: float, tolerance: float, band: float) -> Verdict:
    if distance <= tolerance:
        return Verdict.REPRODUCED
    if distance <= band:
        return Verdict.APPROXIMATELY
    return Verdict.CONTRADICTED


# Exactly at a bound that excludes it: one message per bound, the bound's words in it.
_AT_BOUND = {
    # Translators: {tolerance} is e.g. "±0.05"
    ">=": N_("exactly at the bound, which 'at least' excludes (tolerance {tolerance})"),
    # Translators: {tolerance} is e.g. "±0.05"
    ">": N_("exactly at the bound, which 'more than' excludes (tolerance {tolerance})"),
    # Translators: {tolerance} is e.g. "±0.05"
    "<=": N_("exactly at the bound, which 'at most' excludes (tolerance {tolerance})"),
    # Translators: {tolerance} is e.g. "±0.05"
    "<": N_("exactly at the bound, which 'less than' excludes (tolerance {tolerance})"),
}


def _gap_amount(value: float, unit: str, signed: bool = False) -> str:
    """A difference with the claim's unit: "+0.3 percentage points" / "+0.3个百分点"."""
    if is_chinese():
        text = fmt_amount(value, unit)
        return "+" + text if signed and value > 0 else text
    number = fmt_signed(value) if signed else fmt_number(value)
    return f"{number} {unit}" if unit else number


def distance_text(claim: Claim, value: float, verdict: Verdict) -> str:
    """How the value stands against the stated one: within tolerance, or how far off."""
    tolerance = f"±{fmt_number(claim.tolerance)}"
    if verdict is Verdict.REPRODUCED:
        # Translators: how a figure stands against the stated one; {tolerance} is "±0.05"
        return _("within {tolerance}").format(tolerance=tolerance)
    if claim.comparison != "=":
        # A bound is missed by how far the value lies on the wrong side of it.
        gap = abs(value - claim.reported_value)
        if gap == 0:
            return _(_AT_BOUND[claim.comparison]).format(tolerance=tolerance)
        gap_text = _gap_amount(gap, claim.unit)
        if value < claim.reported_value:
            # Translators: {gap} is a difference with its unit, {tolerance} e.g. "±0.05"
            return _("{gap} below the bound, beyond {tolerance}").format(
                gap=gap_text, tolerance=tolerance)
        # Translators: {gap} is a difference with its unit, {tolerance} e.g. "±0.05"
        return _("{gap} above the bound, beyond {tolerance}").format(
            gap=gap_text, tolerance=tolerance)
    difference = value - claim.reported_value
    difference_text = _gap_amount(difference, claim.unit, signed=True)
    if claim.reported_value:
        # Translators: {difference} is signed with its unit ("+0.3 percentage points"),
        # {relative} the same difference in per cent of the stated value ("+17.6"),
        # {tolerance} e.g. "±0.05"
        return _("off by {difference} ({relative} %), beyond {tolerance}").format(
            difference=difference_text,
            relative=fmt_signed(100 * difference / claim.reported_value), tolerance=tolerance)
    # Translators: {difference} is signed with its unit, {tolerance} e.g. "±0.05"
    return _("off by {difference}, beyond {tolerance}").format(
        difference=difference_text, tolerance=tolerance)


_PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9-]*/[A-Za-z0-9_.:+-]+)\}")


def render(text: str, figures: FigureIndex) -> str:
    """Fill ``{table/row}`` and ``{computed/key}`` placeholders of a checks text with
    the referenced figures: text in the data names figures, it never types them. The
    text is taken in the reader's language (:func:`~claimsbook.core.i18n.data_text`),
    without its closing full stop."""
    def figure(match: re.Match[str]) -> str:
        found = figures.resolve(match.group(1))
        return found.amount()
    filled = _PLACEHOLDER.sub(figure, data_text(text.strip()).strip())
    return filled.rstrip("。.") if is_chinese() else filled.rstrip(".")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if is_chinese():
        return text + ("" if text.endswith(("。", "？", "！", ".", "?", "!")) else "。")
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _sentences(*parts: str) -> str:
    """Whole sentences one after the other: a space between them in English, none
    in Chinese."""
    return ("" if is_chinese() else " ").join(part for part in parts if part)


@dataclass(frozen=True)
class FaithfulAnswer:
    answer: Faithful
    garble: Garble | None
    figure: Figure | None
    access: Access | None
    reason: str


@dataclass(frozen=True)
class HoldsAnswer:
    verdict: Verdict
    grade: Grade
    figure: Figure | None
    reason: str


def faithful(claim: Claim, check: Check, figures: FigureIndex) -> FaithfulAnswer:
    """Compare the stated figure with the attributed source's own figure."""
    note = render(check.note, figures) if check.note else ""
    if claim.attributed_to and claim.evident_origin:
        raise LedgerError(
            f"claim {claim.claim_id!r} names both a source (attributed_to) and an evident "
            f"origin: an evident origin is recorded only where the outlet names none")
    if not claim.origin:
        if check.source_ref or check.garble or check.garbled_from:
            raise LedgerError(
                f"claim {claim.claim_id!r} is not attributed to another source and has no "
                f"evident origin (claims.csv attributed_to and evident_origin are empty), so "
                f"its check cannot name a source figure or a garble")
        return FaithfulAnswer(Faithful.NOT_ATTRIBUTED, None, None, None,
                              _("The outlet gives this figure as its own."))
    answer = _faithful_to_origin(claim, check, figures, note)
    if claim.attributed_to:
        return answer
    # Translators: {origin} is a source id; the outlet names no source (rule 2)
    evident = _("The outlet names no source; the figure evidently comes from {origin}.").format(
        origin=claim.evident_origin)
    return dataclasses.replace(answer, reason=_sentences(evident, answer.reason))


def _faithful_to_origin(claim: Claim, check: Check, figures: FigureIndex,
                        note: str) -> FaithfulAnswer:
    source = figures.resolve(check.source_ref) if check.source_ref else None
    access = None
    if source is not None:
        if check.source_access not in {a.value for a in Access}:
            raise LedgerError(
                f"claim {claim.claim_id!r}: source_access {check.source_access!r} is not "
                f"allowed; expected one of {[a.value for a in Access]}")
        access = Access(check.source_access)
    relayed = access is Access.RELAY
    if check.garble:
        try:
            kind = Garble(check.garble)
        except ValueError:
            raise LedgerError(
                f"claim {claim.claim_id!r}: garble {check.garble!r} is not a garble kind; "
                f"expected one of {[g.value for g in Garble]}") from None
        wrong = figures.resolve(check.garbled_from) if check.garbled_from else None
        if source is None and wrong is None:
            raise LedgerError(
                f"claim {claim.claim_id!r} is marked garbled but names neither the source's "
                f"figure for the claimed quantity (source_ref) nor the figure it restates "
                f"(garbled_from)")
        if (source is not None and kind is Garble.TRANSCRIPTION and
                judge(claim.reported_value, source.value, claim.comparison, claim.tolerance)
                is Verdict.REPRODUCED):
            raise LedgerError(
                f"claim {claim.claim_id!r} is marked as a transcription error but matches "
                f"its source's figure {source.amount()}")
        said = dict(stated=claim.stated)
        if source is not None:
            said.update(source_amount=source.amount(), source_figure=source.describe())
        if wrong is not None:
            said.update(wrong_figure=wrong.describe(), wrong_amount=wrong.amount())
        if source is not None and wrong is not None:
            template = (
                # Translators: a garbled restatement; {source_figure} and {wrong_figure}
                # say what a figure measures, with period and location
                _("The outlet states {stated}; the source gives {source_amount} for "
                  "{source_figure} (read in a relay); the stated figure is the source's "
                  "{wrong_figure}, {wrong_amount}.") if relayed else
                _("The outlet states {stated}; the source gives {source_amount} for "
                  "{source_figure}; the stated figure is the source's {wrong_figure}, "
                  "{wrong_amount}."))
        elif source is not None:
            template = (
                _("The outlet states {stated}; the source gives {source_amount} for "
                  "{source_figure} (read in a relay).") if relayed else
                _("The outlet states {stated}; the source gives {source_amount} for "
                  "{source_figure}."))
        else:
            template = _("The outlet states {stated}; the stated figure is the source's "
                         "{wrong_figure}, {wrong_amount}.")
        reason = _sentences(template.format(**said), _sentence(note))
        return FaithfulAnswer(Faithful.GARBLED, kind, source, access, reason)
    if source is None:
        if not check.searched:
            raise LedgerError(
                f"claim {claim.claim_id!r} is attributed to {claim.origin!r} but its "
                f"check names no source figure and does not say what was searched")
        # Translators: {searched} says what was searched (a text of the data)
        reason = _("The source's own figure was not reached: {searched}.").format(
            searched=render(check.searched, figures))
        return FaithfulAnswer(Faithful.NOT_REACHED, None, None, None,
                              _sentences(reason, _sentence(note)))
    if source.is_bound:
        return _faithful_bound(claim, source, access, note)
    verdict = judge(claim.reported_value, source.value, claim.comparison, claim.tolerance)
    if verdict is not Verdict.REPRODUCED:
        raise LedgerError(
            f"claim {claim.claim_id!r} states {claim.stated} but its source gives "
            f"{source.amount()} ({source.ref}): name the garble kind in the checks table, "
            f"or reference the source's figure for the claimed quantity")
    said = dict(amount=source.amount(), figure=source.describe(),
                distance=distance_text(claim, source.value, verdict))
    reason = (
        # Translators: a faithful restatement; {figure} says what the figure measures,
        # {distance} how it stands against the stated one ("within ±0.05")
        _("The source gives {amount} for {figure} (read in a relay), {distance}.")
        if relayed else _("The source gives {amount} for {figure}, {distance}.")
    ).format(**said)
    return FaithfulAnswer(Faithful.FAITHFUL, None, source, access,
                          _sentences(reason, _sentence(note)))


def same_bound(claim: Claim, source: Figure) -> bool:
    """Whether a source's bound is the claim's bound: the same direction, and the same
    value within the claim's tolerance ("more than a year" restating "一年多")."""
    epsilon = EDGE_EPSILON * max(1.0, abs(claim.reported_value), abs(source.value))
    return (source.comparison == claim.comparison
            and abs(source.value - claim.reported_value) <= claim.tolerance + epsilon)


def _faithful_bound(claim: Claim, source: Figure, access: Access | None,
                    note: str) -> FaithfulAnswer:
    """A source that states a bound is restated faithfully only by the same bound: a
    bound says nothing about any single figure within it."""
    if not same_bound(claim, source):
        raise LedgerError(
            f"claim {claim.claim_id!r} states {claim.stated} but its source states "
            f"{source.amount()} ({source.ref}), another bound: name the garble kind in the "
            f"checks table, or reference the source's statement of the claimed quantity")
    said = dict(amount=source.amount(), figure=source.describe())
    reason = (
        # Translators: a bound restated as the source states it; {amount} is the bound
        # ("more than 12 months"), {figure} what it is about
        _("The source states {amount} for {figure} (read in a relay): the same bound.")
        if access is Access.RELAY else
        _("The source states {amount} for {figure}: the same bound.")).format(**said)
    return FaithfulAnswer(Faithful.FAITHFUL, None, source, access,
                          _sentences(reason, _sentence(note)))


def holds(claim: Claim, check: Check, figures: FigureIndex) -> HoldsAnswer:
    """Judge the number on independent evidence; relays and own arithmetic cap it."""
    context = _context(check, figures)
    if check.note and not claim.origin:
        # An unattributed claim has no 'faithful?' reason to carry the note.
        context = _sentences(_sentence(render(check.note, figures)), context)
    if not check.evidence_ref:
        if check.evidence_grade not in ("", Grade.NONE.value):
            raise LedgerError(f"claim {claim.claim_id!r} has an evidence grade but no evidence")
        if not check.searched:
            raise LedgerError(
                f"claim {claim.claim_id!r} has no evidence and its check does not say what "
                f"was searched or what would settle it (searched)")
        # Translators: {searched} says what was searched (a text of the data)
        reason = _("No independent evidence: {searched}.").format(
            searched=render(check.searched, figures))
        return HoldsAnswer(Verdict.UNVERIFIABLE, Grade.NONE, None, _sentences(reason, context))
    try:
        grade = Grade(check.evidence_grade)
    except ValueError:
        raise LedgerError(
            f"claim {claim.claim_id!r}: evidence_grade {check.evidence_grade!r} is not "
            f"allowed; expected one of {[g.value for g in Grade if g is not Grade.NONE]}"
        ) from None
    evidence = figures.resolve(check.evidence_ref)
    if evidence.is_bound and grade in JUDGING_GRADES:
        raise LedgerError(
            f"claim {claim.claim_id!r}: its evidence {evidence.ref} states a bound "
            f"({evidence.amount()}), which cannot show a figure holds; reference a figure")
    _check_producer_rule(claim, check, grade, evidence, figures)
    if _is_missing(evidence.value):
        if check.searched:
            # Translators: {figure} says what a figure measures; {searched} what was searched
            reason = _("No independent evidence: {figure} gives no value ({searched}).").format(
                figure=evidence.describe(), searched=render(check.searched, figures))
        else:
            reason = _("No independent evidence: {figure} gives no value.").format(
                figure=evidence.describe())
        return HoldsAnswer(Verdict.UNVERIFIABLE, Grade.NONE, None, _sentences(reason, context))
    verdict = judge(claim.reported_value, evidence.value, claim.comparison, claim.tolerance)
    said = dict(
        # The evidence opens the sentence: capitalised in English.
        figure=evidence.describe() if is_chinese() else _sentence(evidence.describe())[:-1],
        amount=evidence.amount(), stated=claim.stated,
        distance=distance_text(claim, evidence.value, verdict))
    if grade is Grade.RELAY:
        # Translators: {figure} says what the evidence measures, {amount} its value,
        # {stated} the claim's value
        reason = _("{figure}: {amount} against the stated {stated}. This is a relay of the "
                   "same statement: it shows what was said, not that the number holds.")
        return HoldsAnswer(Verdict.UNVERIFIABLE, grade, evidence,
                           _sentences(reason.format(**said), context))
    if grade is Grade.ARITHMETIC:
        if verdict is Verdict.CONTRADICTED:
            # Translators: {distance} says how far off the value is ("off by +3 %, beyond ±0.5")
            reason = _("{figure}: {amount} against the stated {stated}, {distance}: the "
                       "claim's own figures contradict it.")
            return HoldsAnswer(verdict, grade, evidence,
                               _sentences(reason.format(**said), context))
        # Translators: {distance} says how the value stands against the stated one
        reason = _("{figure}: {amount} against the stated {stated}, {distance}: internally "
                   "consistent, which does not show that the figures hold.")
        return HoldsAnswer(Verdict.UNVERIFIABLE, grade, evidence,
                           _sentences(reason.format(**said), context))
    # Translators: {figure} says what the evidence measures, {amount} its value, {stated}
    # the claim's value, {distance} how they stand ("within ±0.05")
    reason = _("{figure}: {amount} against the stated {stated}, {distance}.")
    return HoldsAnswer(verdict, grade, evidence, _sentences(reason.format(**said), context))


PRODUCER_STATEMENTS = ("", "constitutes", "interested")


def _check_producer_rule(claim: Claim, check: Check, grade: Grade, evidence: Figure,
                         figures: FigureIndex) -> None:
    """Rules 3 and 5 of "How we judge": a producer's word makes hold only what its
    statement constitutes; a copy of the producer's page is the producer; no source
    confirms a figure that is its own claim."""
    statement = check.producer_statement
    if statement not in PRODUCER_STATEMENTS:
        raise LedgerError(
            f"claim {claim.claim_id!r}: producer_statement {statement!r} is not allowed; "
            f"expected one of {list(PRODUCER_STATEMENTS)}")
    if grade is Grade.PRODUCER and statement != "constitutes":
        raise LedgerError(
            f"claim {claim.claim_id!r}: evidence graded 'producer' must be a statement that "
            f"constitutes the quantity (producer_statement 'constitutes'); a producer's claim "
            f"about itself ('interested') answers 'faithful?' only (rule 3)")
    origin = figures.original_source(evidence.source_id)
    if origin != evidence.source_id and grade is Grade.RELAY:
        raise LedgerError(
            f"claim {claim.claim_id!r}: its evidence {evidence.ref} is read in "
            f"{evidence.source_id!r}, a faithful copy of {origin!r}'s own page: grade it as "
            f"that source's word, not as a relay (rule 5)")
    if grade not in JUDGING_GRADES:
        return
    if origin == claim.source_id:
        raise LedgerError(
            f"claim {claim.claim_id!r}: its evidence {evidence.ref} comes from the outlet "
            f"itself, which cannot confirm its own figure")
    if origin == claim.origin and not (grade is Grade.PRODUCER and statement == "constitutes"):
        raise LedgerError(
            f"claim {claim.claim_id!r}: its evidence {evidence.ref} comes from {origin!r}, "
            f"the source the claim restates, which can confirm it only where its own word "
            f"constitutes the quantity (grade 'producer', producer_statement "
            f"'constitutes'); else grade it as a relay or answer it under 'faithful?'")


def _context(check: Check, figures: FigureIndex) -> str:
    """The nearest figures a check names for context only, as one sentence."""
    refs = [ref.strip() for ref in check.context.split(";") if ref.strip()]
    if not refs:
        return ""
    # Translators: one figure given for context: what it measures, then its value
    item = _("{figure}, {amount}")
    shown = ("；" if is_chinese() else "; ").join(
        item.format(figure=f.describe(), amount=f.amount()) for f in map(figures.resolve, refs))
    # Translators: {figures} lists figures near the claim's, each with its value
    return _("Nearest figures, for context only: {figures}.").format(figures=shown)


def headline(faithful_answer: Faithful, verdict: Verdict) -> Headline:
    """The headline rule, in order: a garbled restatement is the finding; then what
    independent evidence says; a faithful restatement that nothing independent
    confirms is said to be just that."""
    if faithful_answer is Faithful.GARBLED:
        return Headline.GARBLED
    if verdict is Verdict.CONTRADICTED:
        return Headline.CONTRADICTED
    if verdict is Verdict.PARTLY:
        return Headline.PARTLY
    if verdict is Verdict.REPRODUCED:
        return Headline.HOLDS
    if verdict is Verdict.APPROXIMATELY:
        return Headline.ROUGHLY
    if faithful_answer is Faithful.FAITHFUL:
        return Headline.FAITHFUL
    return Headline.UNVERIFIABLE


@dataclass(frozen=True)
class Result:
    claim: Claim
    check: Check
    faithful: FaithfulAnswer
    holds: HoldsAnswer
    rows: tuple[Result, ...] = ()

    @property
    def headline(self) -> Headline:
        return headline(self.faithful.answer, self.holds.verdict)

    @property
    def verdict(self) -> Verdict:
        return self.holds.verdict

    @property
    def computed_value(self) -> float | None:
        figure = self.holds.figure
        return None if figure is None or _is_missing(figure.value) else figure.value

    def as_row(self) -> dict[str, object]:
        claim, f, h = self.claim, self.faithful, self.holds
        return {
            "claim_id": claim.claim_id, "chapter": claim.chapter, "section": claim.section,
            "source_id": claim.source_id, "attributed_to": claim.attributed_to,
            "part_of": claim.part_of, "claim": claim.claim, "reported_as": claim.reported_as,
            "reported_value": claim.reported_value, "unit": claim.unit,
            "comparison": claim.comparison, "tolerance": claim.tolerance,
            "period": claim.period, "headline": self.headline.value,
            "faithful": f.answer.value, "garble": f.garble.value if f.garble else "",
            "source_value": None if f.figure is None else f.figure.value,
            "source_access": f.access.value if f.access else "",
            "source_ref": f.figure.ref if f.figure else "",
            "faithful_reason": f.reason, "verdict": h.verdict.value,
            "evidence_grade": h.grade.value, "computed_value": self.computed_value,
            "evidence_ref": h.figure.ref if h.figure else "", "holds_reason": h.reason,
            "kind": claim.kind, "evident_origin": claim.evident_origin,
        }


def assess(claim: Claim, check: Check, figures: FigureIndex) -> Result:
    fa, ha = faithful(claim, check, figures), holds(claim, check, figures)
    if fa.answer is Faithful.NOT_REACHED and ha.figure is None and ha.grade is Grade.NONE:
        # One search answered both questions: say it once.
        ha = dataclasses.replace(
            ha, reason=_sentences(_("No independent evidence either: the same search found "
                                    "none."), _context(check, figures)))
    return Result(claim, check, fa, ha)


# A table's rows: the worst answer among its rows stands for the table.
_VERDICT_ORDER = [Verdict.CONTRADICTED, Verdict.PARTLY, Verdict.APPROXIMATELY,
                  Verdict.REPRODUCED]


def assess_table(claim: Claim, check: Check, rows: list[Result]) -> Result:
    """A table the outlet reproduces, or a sentence asserting several figures, is one
    statement (rule 6 of "How we judge"): faithful when every row or part that could be
    compared matches, garbled when any is (the commonest kind named; a sentence right
    in some parts and wrong in others is partly true); it holds when every part holds,
    partly when some hold and others are contradicted."""
    n = len(rows)
    sentence = claim.kind == "sentence"
    answers = Counter(r.faithful.answer for r in rows)
    garbled = [r for r in rows if r.faithful.answer is Faithful.GARBLED]
    # Translators: a count of a table's rows with their answer, e.g. "3 faithful"
    counted = _("{count} {answer}")
    listed = "、" if is_chinese() else ", "
    tally = listed.join(counted.format(count=count, answer=faithful_label(a).lower())
                        for a, count in answers.items())
    if garbled:
        kind = Counter(r.faithful.garble for r in garbled).most_common(1)[0][0]
        if claim.kind == "sentence" and answers[Faithful.FAITHFUL]:
            # One sentence restated right in some parts and wrong in others (rule 6).
            kind = Garble.PARTLY_TRUE
        ids = ", ".join(r.claim.claim_id for r in garbled)
        # Translators: {ids} are claim identifiers; {tally} counts the rows per answer
        fa = FaithfulAnswer(Faithful.GARBLED, kind, None, None,
                            (_("Garbled in {garbled} of {rows} parts ({ids}); parts: {tally}.")
                             if sentence else
                             _("Garbled in {garbled} of {rows} rows ({ids}); rows: {tally}."))
                            .format(garbled=len(garbled), rows=n, ids=ids, tally=tally))
    elif answers[Faithful.FAITHFUL]:
        fa = FaithfulAnswer(Faithful.FAITHFUL, None, None, None,
                            (_("Every part compared with the source matches; parts: {tally}.")
                             if sentence else
                             _("Every row compared with the source matches; rows: {tally}."))
                            .format(tally=tally))
    elif answers[Faithful.NOT_REACHED]:
        fa = FaithfulAnswer(Faithful.NOT_REACHED, None, None, None,
                            (_("No part could be compared with the source; parts: {tally}.")
                             if sentence else
                             _("No row could be compared with the source; rows: {tally}."))
                            .format(tally=tally))
    else:
        fa = FaithfulAnswer(Faithful.NOT_ATTRIBUTED, None, None, None,
                            _("The outlet gives this sentence as its own.") if sentence
                            else _("The outlet gives this table as its own."))
    judged = [r for r in rows if r.holds.verdict is not Verdict.UNVERIFIABLE]
    if judged:
        worst = min(judged, key=lambda r: _VERDICT_ORDER.index(r.holds.verdict))
        counts = Counter(r.holds.verdict for r in judged)
        spread = listed.join(
            counted.format(count=c, answer=verdict_label(v) if is_chinese() else v.value)
            for v, c in counts.items())
        grade = Counter(r.holds.grade for r in judged).most_common(1)[0][0]
        # Translators: {spread} counts the judged rows per verdict
        reason = (_("{judged} of {rows} parts judged on independent evidence: {spread}.")
                  if sentence else
                  _("{judged} of {rows} rows judged on independent evidence: {spread}.")).format(
            judged=len(judged), rows=n, spread=spread)
        # A statement holds only when every part does; it is partly true when some
        # parts hold and others are contradicted, and contradicted when none holds.
        held = [r for r in judged if r.holds.verdict is not Verdict.CONTRADICTED]
        if worst.holds.verdict is Verdict.CONTRADICTED and held:
            ha = HoldsAnswer(Verdict.PARTLY, grade, None, reason)
        elif worst.holds.verdict is Verdict.CONTRADICTED or len(judged) == n:
            ha = HoldsAnswer(worst.holds.verdict, grade, None, reason)
        else:
            ha = HoldsAnswer(Verdict.UNVERIFIABLE, grade, None, _sentences(
                reason, _("The other parts could not be judged, so the sentence as a whole "
                          "is not confirmed.") if sentence else
                _("The other rows could not be judged, so the table as a whole is "
                          "not confirmed.")))
    else:
        searched = _sentence(data_text(check.searched)) if check.searched else ""
        ha = HoldsAnswer(Verdict.UNVERIFIABLE, Grade.NONE, None, _sentences(
            _("No part could be judged on independent evidence.") if sentence else
            _("No row could be judged on independent evidence."), searched))
    return Result(claim, check, fa, ha, tuple(rows))


# --- the ledger of one chapter ------------------------------------------------------


def load_claims() -> dict[str, Claim]:
    frame = datapackage.load_table("claims")
    return {row["claim_id"]: Claim.from_row(row) for row in frame.to_dict("records")}


def checks_resource(chapter: str) -> str:
    """``01-ai-index`` keeps its checks in the ``ai-index-checks`` table."""
    return f"{chapter.split('-', 1)[1]}-checks"


def load_checks(chapter: str) -> dict[str, Check]:
    frame = datapackage.load_table(checks_resource(chapter))
    return {str(row["claim_id"]): Check.from_row(row) for row in frame.to_dict("records")}


@dataclass
class Ledger:
    """The claims of one chapter, judged from its checks table and the values the
    chapter records."""

    chapter: str
    claims: dict[str, Claim] = field(default_factory=dict)
    checks: dict[str, Check] | None = None
    figures: FigureIndex = field(default_factory=FigureIndex)
    results: dict[str, Result] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        all_claims = self.claims or load_claims()
        self.claims = {key: c for key, c in all_claims.items() if c.chapter == self.chapter}
        if not self.claims:
            raise LedgerError(f"data/claims.csv has no claims for chapter {self.chapter!r}")
        if self.checks is None:
            self.checks = load_checks(self.chapter)
        unknown = sorted(set(self.checks) - set(self.claims))
        if unknown:
            raise LedgerError(
                f"{checks_resource(self.chapter)} checks claims that are not claims of "
                f"{self.chapter!r} in data/claims.csv: {', '.join(unknown)}")
        unchecked = sorted(set(self.claims) - set(self.checks))
        if unchecked:
            raise LedgerError(
                f"{len(unchecked)} claim(s) of {self.chapter!r} have no row in "
                f"{checks_resource(self.chapter)}: {', '.join(unchecked)}")
        for claim in self.claims.values():
            if claim.part_of and claim.part_of not in self.claims:
                raise LedgerError(
                    f"claim {claim.claim_id!r} is part of {claim.part_of!r}, which is not a "
                    f"claim of {self.chapter!r}")

    def record(self, *values: Computed | Iterable[Computed]) -> None:
        """Record values the chapter computed, for the checks that reference them."""
        for value in values:
            for item in [value] if isinstance(value, Computed) else value:
                self.figures.record(item)

    def claim(self, claim_id: str) -> Claim:
        try:
            return self.claims[claim_id]
        except KeyError:
            raise LedgerError(
                f"claim {claim_id!r} is not a claim of chapter {self.chapter!r} in data/claims.csv"
            ) from None

    def rows_of(self, claim_id: str) -> list[Claim]:
        return sorted((c for c in self.claims.values() if c.part_of == claim_id),
                      key=lambda c: c.claim_id)

    def result(self, claim_id: str) -> Result:
        """Judge one claim (once) from its check and the recorded values."""
        if claim_id not in self.results:
            claim = self.claim(claim_id)
            rows = [self.result(row.claim_id) for row in self.rows_of(claim_id)]
            assert self.checks is not None
            check = self.checks[claim_id]
            try:
                self.results[claim_id] = (assess_table(claim, check, rows) if rows
                                          else assess(claim, check, self.figures))
            except LedgerError as error:
                if f"claim {claim_id!r}" in str(error):
                    raise
                # Name the row to fix: a bad reference alone does not say where it is.
                raise LedgerError(
                    f"claim {claim_id!r} (data/claims.csv; its check in "
                    f"data/{self.chapter.split('-', 1)[1]}/checks.csv): {error}") from None
        return self.results[claim_id]

    def statements(self) -> list[Claim]:
        """Distinct statements: claims that are not a row of a reproduced table."""
        return [c for c in self.claims.values() if not c.part_of]

    def judge_all(self) -> list[Result]:
        return [self.result(claim_id) for claim_id in sorted(self.claims)]

    def frame(self) -> pd.DataFrame:
        rows = [r.as_row() for r in self.judge_all()]
        return pd.DataFrame(rows, columns=RESULT_COLUMNS)

    def counts(self) -> pd.Series:
        """Headline ratings of the chapter's distinct statements."""
        frame = self.frame()
        frame = frame[frame["part_of"] == ""]
        return frame["headline"].value_counts().reindex([h.value for h in Headline],
                                                         fill_value=0)

    def save(self, directory: Path | None = None) -> Path:
        """Write the chapter's answers (and what its computation read) for the
        appendix and the snapshot test."""
        frame = self.frame()
        directory = directory or ledger_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.chapter}.csv"
        frame.to_csv(path, index=False)
        from .inputs import write_dependencies

        write_dependencies(directory / f"{self.chapter}.deps.json")
        return path

    def cards(self, section: str | None = None) -> CardDeck:
        chosen = [self.result(c.claim_id) for c in sorted(self.statements(),
                                                          key=lambda c: c.claim_id)
                  if section is None or c.section == section]
        if not chosen:
            raise LedgerError(
                f"no claims in section {section!r} of chapter {self.chapter!r}"
            )
        self.shown.update(r.claim.claim_id for r in chosen)
        self.shown.update(row.claim.claim_id for r in chosen for row in r.rows)
        return CardDeck(chosen)

    def unshown(self) -> list[str]:
        """Claims that no card on the page shows (the appendix links every claim
        to its card)."""
        return sorted(set(self.claims) - self.shown)


# --- cards -----------------------------------------------------------------------

# Cards sit in chapters/; the bibliography anchors each source by its id.
SOURCES_PAGE = "../appendix/sources.html"
# The rule book; each card's answers link to the rule that decided them.
RULES_PAGE = "../how-we-judge.html"


def faithful_rule(result: Result) -> str:
    """The anchor of the rule of "How we judge" that decides a card's 'faithful?'."""
    claim = result.claim
    if claim.kind in ("table", "sentence"):
        return "rule-one-sentence"
    if claim.kind in ("quote", "document"):
        return f"rule-{claim.kind}s"
    if claim.same_as:
        return "rule-unnamed-metric"
    return "rule-evident-origin" if claim.evident_origin else "rule-attribution"


def holds_rule(result: Result) -> str:
    """The anchor of the rule of "How we judge" that decides a card's 'holds?'."""
    claim, check = result.claim, result.check
    if claim.kind in ("table", "sentence"):
        return "rule-one-sentence"
    if claim.kind == "qualifier":
        return "rule-qualifiers"
    if claim.kind in ("quote", "document"):
        return f"rule-{claim.kind}s"
    if check.producer_statement:
        return "rule-producers"
    if result.holds.grade is Grade.PRODUCER:
        return "rule-copies"
    return "rule-grades"


@dataclass(frozen=True)
class CardDeck:
    """Claim cards as HTML, for a chapter's output cells."""

    results: list[Result]

    def _repr_html_(self) -> str:
        return cards_html(self.results)


def _faithful_badge(result: Result) -> str:
    f = result.faithful
    if f.garble is None:
        return faithful_label(f.answer)
    # Translators: the answer to "faithful?" with the kind of garble ("Garbled: wrong period")
    return _("{answer}: {garble}").format(answer=faithful_label(f.answer),
                                          garble=garble_label(f.garble))


def _holds_badge(result: Result) -> str:
    h = result.holds
    # Translators: the answer to "does it hold?" with the grade of its evidence
    return _("{verdict} · {grade}").format(verdict=verdict_label(h.verdict),
                                           grade=grade_label(h.grade))


def _rows_table(rows: tuple[Result, ...], sentence: bool = False) -> str:
    esc = html.escape
    body = "".join(
        f"<tr id='claim-{esc(r.claim.claim_id)}'><td>{esc(data_text(r.claim.claim))}</td>"
        f"<td class='num'>{esc(r.claim.stated)}</td>"
        f"<td class='num'>{esc(r.faithful.figure.amount() if r.faithful.figure else '—')}</td>"
        f"<td>{esc(_faithful_badge(r))}</td>"
        f"<td class='num'>{esc(r.holds.figure.amount() if r.holds.figure else '—')}</td>"
        f"<td>{esc(verdict_label(r.holds.verdict))}</td></tr>"
        for r in rows)
    heads = (PARTS_HEAD, *ROWS_HEAD[1:]) if sentence else ROWS_HEAD
    head = "".join(f"<th scope='col'>{esc(_(h), quote=False)}</th>" for h in heads)
    return (f"<div class='cb-table-wrap' tabindex='0'><table class='cb-rows'>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


# Translators: header of a card's table of a sentence's parts: the part's statement
PARTS_HEAD = N_("Part")
# The header of a reproduced table's rows on its card.
ROWS_HEAD = (
    # Translators: header of a card's table of rows: the row's statement
    N_("Row"),
    # Translators: header: the value the row states
    N_("Stated"),
    # Translators: header: the attributed source's own figure
    N_("Source's figure"),
    # Translators: header: the answer to "faithful?" (glossary: 转述是否忠实？)
    N_("Faithful?"),
    # Translators: header: the independent evidence's figure
    N_("Evidence"),
    # Translators: header: the answer to "does it hold?" (glossary: 数字是否成立？)
    N_("Holds?"),
)


def cards_html(results: Iterable[Result]) -> str:
    esc = html.escape
    # Translators: on a claim card: the value the claim states
    stated_term = _("Stated")
    # Translators: on a claim card, the first question (glossary: 转述是否忠实？)
    faithful_term = _("Faithful?")
    # Translators: on a claim card, the second question (glossary: 数字是否成立？)
    holds_term = _("Holds?")
    # Translators: on a claim card, the link from an answer to the rule that decided it
    rule_term = _("How we judge")
    cards = []
    for result in results:
        claim = result.claim
        rating = result.headline
        slug = rating.name.lower()
        attributed = ""
        if claim.attributed_to:
            link = (f"<a href='{SOURCES_PAGE}#{esc(claim.attributed_to)}'>"
                    f"{esc(claim.attributed_to)}</a>")
            # Translators: {source} is a link to the source a claim is attributed to
            attributed = " · " + _("attributed to {source}").format(source=link)
        elif claim.evident_origin:
            link = (f"<a href='{SOURCES_PAGE}#{esc(claim.evident_origin)}'>"
                    f"{esc(claim.evident_origin)}</a>")
            # Translators: {source} is a link to the publication an unattributed figure
            # evidently comes from (glossary: 明显出处)
            attributed = " · " + _("evident origin: {source}").format(source=link)
        stated = esc(claim.stated)
        if claim.reported_as and not math.isnan(claim.reported_value):
            # The source's own words for the value, in brackets of the reader's language.
            quoted = esc(data_text(claim.reported_as))
            words = f"（{quoted}）" if is_chinese() else f"({quoted})"
            stated += f' <span class="cb-as">{words}</span>'
        cards.append(
            f'<article class="cb-card cb-{slug}" id="claim-{esc(claim.claim_id)}"'
            f' data-headline="{esc(rating.value)}">'
            f'<header><span class="cb-badge">{esc(headline_label(rating))}</span>'
            f' <span class="cb-source"><a href="{SOURCES_PAGE}#{esc(claim.source_id)}">'
            f'{esc(claim.source_id)}</a> · {esc(data_text(claim.location))}{attributed}'
            f'</span></header>'
            f'<p class="cb-claim">{esc(data_text(claim.claim))}</p>'
            f"<dl><dt>{esc(stated_term)}</dt><dd>{stated}</dd>"
            f"<dt>{esc(faithful_term)}</dt><dd><strong>{esc(_faithful_badge(result))}</strong>"
            f' <span class="cb-reason">{esc(result.faithful.reason)}</span>'
            f' <a class="cb-rule" href="{RULES_PAGE}#{faithful_rule(result)}">'
            f'{esc(rule_term)}</a></dd>'
            f"<dt>{esc(holds_term)}</dt><dd><strong>{esc(_holds_badge(result))}</strong>"
            f' <span class="cb-reason">{esc(result.holds.reason)}</span>'
            f' <a class="cb-rule" href="{RULES_PAGE}#{holds_rule(result)}">'
            f'{esc(rule_term)}</a></dd></dl>'
            + (_rows_table(result.rows, claim.kind == "sentence") if result.rows else "")
            + f'<footer class="cb-id">{esc(claim.claim_id)}</footer></article>'
        )
    return '<div class="cb-cards">' + "".join(cards) + "</div>"
