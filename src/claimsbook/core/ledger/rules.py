"""The rules that answer both questions of a claim and derive its headline
(see the book's page "How we judge" and the introduction)."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..i18n import N_, _, data_text, is_chinese, pgettext
from ..numbers import (RANK_UNITS, fmt_amount, fmt_number, fmt_signed, gap_unit, split_scale,
                       unit_parts)
from .labels import faithful_label, verdict_label
from .model import (
    APPROX_RELATIVE, APPROX_TOLERANCES, COMPARISONS, EDGE_EPSILON, JUDGING_GRADES,
    Access, Check, Claim, Faithful, Figure, FigureIndex, Garble, Grade, Headline, LedgerError,
    Verdict,
)

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
# A value exactly at a strict bound misses it ('at least' and 'at most' include theirs).
_AT_BOUND = {
    # Translators: {tolerance} is e.g. "±0.05"
    ">": N_("exactly at the bound, which 'more than' excludes (tolerance {tolerance})"),
    # Translators: {tolerance} is e.g. "±0.05"
    "<": N_("exactly at the bound, which 'less than' excludes (tolerance {tolerance})"),
}


def _gap_amount(value: float, unit: str, signed: bool = False) -> str:
    """A difference with the claim's unit: "+0.3 percentage points" / "+0.3个百分点". In
    Chinese a difference of two shares is in 个百分点, not %, and an amount in 万/亿 like
    the values it separates."""
    unit = gap_unit(unit)
    if is_chinese():
        text = (f"{fmt_number(value)}个百分点" if unit.strip() == "%"
                else f"{fmt_number(value)}个名次" if unit in RANK_UNITS
                else fmt_amount(value, unit))
        return "+" + text if signed and value > 0 else text
    number = fmt_signed(value) if signed else fmt_number(value)
    return f"{number} {unit}" if unit else number


_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]$")


def _unrepeated(stated: str, amount: str) -> str:
    """The stated value without the unit's note when the amount beside it just gave it:
    "-37 models (change) against the stated less than 0", not "... 0 models (change)"."""
    note = _NOTE.search(stated)
    return stated[:note.start()] if note and amount.endswith(note.group().strip()) else stated


def is_exact(claim: Claim, value: float) -> bool:
    """Whether a value is the claim's own stated value (not a bound, no rounding)."""
    return claim.comparison == "=" and math.isclose(value, claim.reported_value, rel_tol=1e-12,
                                                    abs_tol=1e-12)


def distance_text(claim: Claim, value: float, verdict: Verdict) -> str:
    """How the value stands against the stated one: within tolerance, or how far off."""
    # In Chinese the tolerance is written in the scale of the values it qualifies
    # (±50万美元 beside 557.6万美元, not ±0.5).
    tolerance = "±" + (_gap_amount(claim.tolerance, claim.unit) if is_chinese()
                       else fmt_number(claim.tolerance))
    if verdict is Verdict.REPRODUCED:
        # "Within ±0" says nothing a reader can use: the value is the stated one, or
        # (a bound without tolerance) on the side of it that the claim states.
        if is_exact(claim, value):
            # Translators: the value equals the stated one
            return _("exactly as stated")
        if claim.tolerance == 0:
            # Translators: a value on the side of a bound ("less than 0 %") that the claim states
            return _("on the stated side of the bound")
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
    # The direction in words and the difference without a sign: "lower by 2 devices
    # (0.9 %)", not "off by -2 devices (-0.8969 %)" (a sign in prose reads as a formula).
    difference = value - claim.reported_value
    difference_text = _gap_amount(abs(difference), claim.unit)
    if claim.reported_value:
        relative = fmt_number(abs(100 * difference / claim.reported_value), 2)
        if difference > 0:
            # Translators: the value exceeds the stated one; {difference} with its unit
            # ("0.3 percentage points"), {relative} the same in per cent of the stated value
            # ("18"), {tolerance} e.g. "±0.05"
            return _("higher by {difference} ({relative} %), beyond {tolerance}").format(
                difference=difference_text, relative=relative, tolerance=tolerance)
        # Translators: the value falls short of the stated one; {difference} with its unit,
        # {relative} the same in per cent of the stated value, {tolerance} e.g. "±0.05"
        return _("lower by {difference} ({relative} %), beyond {tolerance}").format(
            difference=difference_text, relative=relative, tolerance=tolerance)
    # Translators: {difference} is signed with its unit, {tolerance} e.g. "±0.05"
    return _("off by {difference}, beyond {tolerance}").format(
        difference=_gap_amount(difference, claim.unit, signed=True), tolerance=tolerance)


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
        origin=figures.source_name(claim.evident_origin))
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
    amount = evidence.amount()
    said = dict(
        # The evidence opens the sentence: capitalised in English.
        figure=evidence.describe() if is_chinese() else _sentence(evidence.describe())[:-1],
        amount=amount, stated=_unrepeated(claim.stated, amount),
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
        reason = (_("{figure}: {amount}, exactly as stated: internally consistent, which does "
                    "not show that the figures hold.") if is_exact(claim, evidence.value) else
                  _("{figure}: {amount} against the stated {stated}, {distance}: internally "
                    "consistent, which does not show that the figures hold."))
        return HoldsAnswer(Verdict.UNVERIFIABLE, grade, evidence,
                           _sentences(reason.format(**said), context))
    # Translators: {figure} says what the evidence measures, {amount} its value, {stated}
    # the claim's value, {distance} how they stand ("within ±0.05")
    reason = (_("{figure}: {amount}, exactly as stated.") if is_exact(claim, evidence.value)
              else _("{figure}: {amount} against the stated {stated}, {distance}."))
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
    shown = _("; ").join(
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
        # The unit and period in the reader's language (verdicts.zh.csv is Chinese). A
        # Chinese unit names no Western scale: "million users" becomes 用户 and its values
        # are counted in users (shown as 2500万用户, never 25百万用户).
        scale, unit = 1.0, data_text(claim.unit)
        if is_chinese():
            parts = [split_scale(part) for part in unit_parts(claim.unit)]
            if len(parts) == 1:
                scale, unit = parts[0][0], data_text(parts[0][1])
            else:  # a sentence's parts' units; a sentence has no value of its own
                unit = "；".join(data_text(rest) for _scale, rest in parts)

        def scaled(value: float | None) -> float | None:
            if value is None or scale == 1.0:
                return value
            return float(f"{value * scale:.12g}")  # 109.1 billion: 109100000000, not ...0002

        return {
            "claim_id": claim.claim_id, "chapter": claim.chapter, "section": claim.section,
            "source_id": claim.source_id, "attributed_to": claim.attributed_to,
            "part_of": claim.part_of, "claim": claim.claim,
            # The source's own words stay as they are; the book's descriptions are translated.
            "reported_as": data_text(claim.reported_as) if claim.reported_as else "",
            "reported_value": scaled(claim.reported_value), "unit": unit,
            "comparison": claim.comparison, "tolerance": scaled(claim.tolerance),
            "period": data_text(claim.period), "headline": self.headline.value,
            "faithful": f.answer.value, "garble": f.garble.value if f.garble else "",
            "source_value": None if f.figure is None else scaled(f.figure.value),
            "source_access": f.access.value if f.access else "",
            "source_ref": f.figure.ref if f.figure else "",
            "faithful_reason": f.reason, "verdict": h.verdict.value,
            "evidence_grade": h.grade.value, "computed_value": scaled(self.computed_value),
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
    if sentence:
        # Translators: a count of a sentence's parts with their answer, e.g. "3 faithful"
        counted = pgettext("parts", "{count} {answer}")
    listed = _(", ")
    tally = listed.join(counted.format(count=count, answer=faithful_label(a).lower())
                        for a, count in answers.items())
    if garbled:
        kind = Counter(r.faithful.garble for r in garbled).most_common(1)[0][0]
        if claim.kind == "sentence" and answers[Faithful.FAITHFUL]:
            # One sentence restated right in some parts and wrong in others (rule 6).
            kind = Garble.PARTLY_TRUE
        ids = listed.join(r.claim.claim_id for r in garbled)
        # Translators: {ids} are claim identifiers; {tally} counts the rows per answer
        fa = FaithfulAnswer(Faithful.GARBLED, kind, None, None,
                            (_("Garbled in {garbled} of {rows} parts ({ids}); parts: {tally}.")
                             if sentence else
                             _("Garbled in {garbled} of {rows} rows ({ids}); rows: {tally}."))
                            .format(garbled=len(garbled), rows=n, ids=ids, tally=tally))
    elif answers[Faithful.FAITHFUL] and answers[Faithful.NOT_REACHED]:
        # Like "does it hold?": a statement is faithful only when every part that
        # restates a source does; parts not compared leave it open.
        fa = FaithfulAnswer(Faithful.NOT_REACHED, None, None, None,
                            (_("The parts compared with the source match, but not every part "
                               "could be compared; parts: {tally}.") if sentence else
                             _("The rows compared with the source match, but not every row "
                               "could be compared; rows: {tally}.")).format(tally=tally))
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
            # Not judged as a whole: no grade stands for the statement (its judged parts
            # keep theirs).
            ha = HoldsAnswer(Verdict.UNVERIFIABLE, Grade.NONE, None, _sentences(
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


