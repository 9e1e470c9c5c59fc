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

from .cards import (
    PARTS_HEAD, ROWS_HEAD, RULES_PAGE, SOURCES_PAGE, CardDeck, cards_html, faithful_rule,
    holds_rule,
)
from .labels import (
    FAITHFUL_LABELS, GARBLE_LABELS, GRADE_LABELS, HEADLINE_LABELS, VERDICT_LABELS,
    faithful_label, garble_label, grade_label, headline_in_sentence, headline_label, label, verdict_label,
)
from .model import (
    APPROX_RELATIVE, APPROX_TOLERANCES, COMPARISONS, COMPUTED, EDGE_EPSILON, JUDGING_GRADES,
    RESULT_COLUMNS, STATED, Access, Check, Claim, Computed, Faithful, Figure, FigureIndex,
    Garble, Grade, Headline, LedgerError, Verdict, figure_from_row,
)
from .rules import (
    PRODUCER_STATEMENTS, FaithfulAnswer, HoldsAnswer, Result, approximate_band, assess,
    assess_table, distance_text, faithful, headline, holds, judge, render, same_bound,
)
from .store import Ledger, checks_resource, load_checks, load_claims

__all__ = [
    "APPROX_RELATIVE", "APPROX_TOLERANCES", "COMPARISONS", "COMPUTED", "EDGE_EPSILON",
    "FAITHFUL_LABELS", "GARBLE_LABELS", "GRADE_LABELS", "HEADLINE_LABELS", "JUDGING_GRADES",
    "PARTS_HEAD", "PRODUCER_STATEMENTS", "RESULT_COLUMNS", "ROWS_HEAD", "RULES_PAGE",
    "SOURCES_PAGE", "STATED", "VERDICT_LABELS", "Access", "CardDeck", "Check", "Claim",
    "Computed", "Faithful", "FaithfulAnswer", "Figure", "FigureIndex", "Garble", "Grade",
    "Headline", "HoldsAnswer", "Ledger", "LedgerError", "Result", "Verdict",
    "approximate_band", "assess", "assess_table", "cards_html", "checks_resource",
    "distance_text", "faithful", "faithful_label", "faithful_rule", "figure_from_row",
    "garble_label", "grade_label", "headline", "headline_in_sentence", "headline_label", "holds", "holds_rule",
    "judge", "label", "load_checks", "load_claims", "render", "same_bound", "verdict_label",
]
