"""Claim cards: each claim with its two answers, as HTML for a chapter's page."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, Template
from markupsafe import Markup, escape

from ..i18n import N_, _, data_text, is_chinese
from .labels import faithful_label, garble_label, grade_label, headline_label, verdict_label
from .model import Claim, Grade
from .rules import Result

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


def _rows(rows: tuple[Result, ...]) -> list[dict[str, str]]:
    return [{"id": r.claim.claim_id, "claim": data_text(r.claim.claim), "stated": r.claim.stated,
             "source": r.faithful.figure.amount() if r.faithful.figure else "—",
             "faithful": _faithful_badge(r),
             "evidence": r.holds.figure.amount() if r.holds.figure else "—",
             "holds": verdict_label(r.holds.verdict)} for r in rows]


def _attribution(claim: Claim) -> Markup | str:
    """"attributed to <link>" or "evident origin: <link>", or nothing."""
    source = claim.attributed_to or claim.evident_origin
    if not source:
        return ""
    link = Markup("<a href='{page}#{id}'>{id}</a>").format(page=SOURCES_PAGE, id=source)
    if claim.attributed_to:
        # Translators: {source} is a link to the source a claim is attributed to
        return Markup(escape(_("attributed to {source}"))).format(source=link)
    # Translators: {source} is a link to the publication an unattributed figure
    # evidently comes from (glossary: 明显出处)
    return Markup(escape(_("evident origin: {source}"))).format(source=link)


def card(result: Result) -> dict[str, Any]:
    """What one card shows, in the reader's language (the template lays it out)."""
    claim, rating = result.claim, result.headline
    words = ""
    if claim.reported_as and not math.isnan(claim.reported_value):
        # The source's own words for the value, in brackets of the reader's language.
        quoted = data_text(claim.reported_as)
        if quoted.replace(" ", "") not in claim.stated.replace(" ", ""):  # not said twice
            words = f"（{quoted}）" if is_chinese() else f"({quoted})"
    sentence = claim.kind == "sentence"
    return {
        "slug": rating.name.lower(), "id": claim.claim_id, "headline": rating.value,
        "badge": headline_label(rating), "source_id": claim.source_id,
        "location": data_text(claim.location), "attribution": _attribution(claim),
        "claim": data_text(claim.claim), "stated": claim.stated, "words": words,
        "answers": [
            # Translators: on a claim card, the first question (glossary: 转述是否忠实？)
            {"term": _("Faithful?"), "badge": _faithful_badge(result),
             "reason": result.faithful.reason, "rule": faithful_rule(result)},
            # Translators: on a claim card, the second question (glossary: 数字是否成立？)
            {"term": _("Holds?"), "badge": _holds_badge(result),
             "reason": result.holds.reason, "rule": holds_rule(result)},
        ],
        "heads": [_(h) for h in ((PARTS_HEAD, *ROWS_HEAD[1:]) if sentence else ROWS_HEAD)],
        "rows": _rows(result.rows),
    }


@functools.cache
def _template() -> Template:
    environment = Environment(loader=PackageLoader("claimsbook.core.ledger", "templates"),
                              autoescape=True, keep_trailing_newline=False)
    return environment.get_template("cards.html")


def cards_html(results: Iterable[Result]) -> str:
    terms = {
        # Translators: on a claim card: the value the claim states
        "stated": _("Stated"),
        # Translators: on a claim card, the link from an answer to the rule that decided it
        "rule": _("How we judge"),
    }
    return _template().render(cards=[card(r) for r in results], terms=terms,
                              sources_page=SOURCES_PAGE, rules_page=RULES_PAGE)
