"""Claim cards: each claim with its two answers, as HTML for a chapter's page."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import N_, _, data_text, is_chinese
from .labels import faithful_label, garble_label, grade_label, headline_label, verdict_label
from .model import Grade
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

