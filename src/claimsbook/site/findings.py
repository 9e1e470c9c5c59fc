"""What a reader came for: per source, how faithfully it restated its sources and how
its numbers held up. The scorecard (page and CSV) and the landing page's findings are
both computed here from the gathered answers, never typed."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ..core.charts import Figure, make_figure
from ..core.i18n import _, data_text, is_chinese, ngettext
from ..core.ledger import Faithful, Garble, Headline, Verdict
from .fragments import render
from .appendix import (
    faithful_label, garble_label, headline_label, outlet_name, statements,
)

SCORECARD_FILE = "scorecard.csv"
# Headline colours as on the badges (claimsbook.css), in the headline rule's order.
HEADLINE_COLOURS = {
    Headline.HOLDS: "#1a7f37", Headline.ROUGHLY: "#7d6200", Headline.GARBLED: "#8250df",
    Headline.CONTRADICTED: "#c8102e", Headline.PARTLY: "#a4420a", Headline.FAITHFUL: "#0b6e99",
    Headline.UNVERIFIABLE: "#8c959f",
}


def scorecard(verdicts: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: its distinct statements by answer to each question, by
    garble kind and by headline."""
    shown = statements(verdicts)
    rows = []
    for source_id, group in shown.groupby("source_id", sort=True):
        row: dict[str, object] = {
            "source_id": source_id,
            "outlet": group["source_outlet"].iloc[0] if "source_outlet" in group else "",
            "statements": len(group),
            "attributed": int((group["faithful"] != Faithful.NOT_ATTRIBUTED.value).sum()),
        }
        for answer in Faithful:
            row[answer.name.lower()] = int((group["faithful"] == answer.value).sum())
        for kind in Garble:
            row[f"garbled_{kind.name.lower()}"] = int((group["garble"] == kind.value).sum())
        for verdict in Verdict:
            row[f"holds_{verdict.name.lower()}"] = int((group["verdict"] == verdict.value).sum())
        for rating in Headline:
            row[f"headline_{rating.name.lower()}"] = int(
                (group["headline"] == rating.value).sum())
        rows.append(row)
    frame = pd.DataFrame(rows)
    if is_chinese() and len(frame):
        # The CSV's keys stay English; the reader's text gets a Chinese column.
        frame.insert(frame.columns.get_loc("outlet") + 1, "outlet_zh",
                     frame["outlet"].map(lambda o: outlet_name(str(o)) if o else o))
    return frame


def _outlet(row: Mapping[str, object]) -> str:
    return outlet_name(str(row["outlet"]))


def _statements(n: int) -> str:
    return ngettext("{n} statement", "{n} statements", n).format(n=n)


def garble_phrase(row: Mapping[str, object]) -> str:
    kinds = [(int(row[f"garbled_{k.name.lower()}"]), garble_label(k))  # type: ignore[call-overload]
             for k in Garble]
    kinds = sorted((k for k in kinds if k[0]), reverse=True)
    # Translators: one garble kind and how many statements it affects: "2 wrong period".
    # The list's separator is the next message.
    return _(", ").join(_("{n} {kind}").format(n=n, kind=label) for n, label in kinds)


def finding(row: Mapping[str, object]) -> str:
    """One sentence per outlet, from its scorecard row."""
    n = int(row["statements"])  # type: ignore[call-overload]
    attributed = int(row["attributed"])  # type: ignore[call-overload]
    faithful = int(row["faithful"])  # type: ignore[call-overload]
    garbled = int(row["garbled"])  # type: ignore[call-overload]
    held = int(row["holds_reproduced"])  # type: ignore[call-overload]
    roughly = int(row["holds_approximately"])  # type: ignore[call-overload]
    wrong = int(row["holds_contradicted"])  # type: ignore[call-overload]
    open_ = int(row["holds_unverifiable"])  # type: ignore[call-overload]
    parts = [_statements(n)]
    if attributed:
        restated = _("{attributed} attributed to another source: {faithful} restated "
                     "faithfully").format(attributed=attributed, faithful=faithful)
        if garbled:
            restated = _("{restated}, {garbled} garbled ({kinds})").format(
                restated=restated, garbled=garbled, kinds=garble_phrase(row))
        parts.append(restated)
    parts.append(ngettext(
        "against independent evidence {held} hold, {roughly} roughly, {wrong} is "
        "contradicted and {open} could not be checked",
        "against independent evidence {held} hold, {roughly} roughly, {wrong} are "
        "contradicted and {open} could not be checked", wrong).format(
            held=held, roughly=roughly, wrong=wrong, open=open_))
    # Translators: the separator between the parts of an outlet's finding; the next
    # message closes the sentence.
    return _("{sentence}.").format(sentence=_("; ").join(parts))


def findings_html(verdicts: pd.DataFrame, scorecard_href: str) -> str:
    items = [(_outlet(row), finding(row)) for row in scorecard(verdicts).to_dict("records")]
    return render("findings.html", items=items, line=_("{outlet}: {finding}"),
                  scorecard_href=scorecard_href,
                  # Translators: {scorecard} is a link whose text is the next message.
                  more=_("Every count links to its cards from the {scorecard}."),
                  scorecard=_("scorecard"))


def headline_chart(verdicts: pd.DataFrame, csv_href: str) -> Figure:
    """One bar per outlet, its distinct statements split by headline rating."""
    shown = statements(verdicts)
    counts = (shown.groupby(["source_outlet", "headline"]).size().rename("statements")
              .reset_index())
    if is_chinese():
        counts["source_outlet"] = counts["source_outlet"].map(
            lambda o: outlet_name(str(o)) if isinstance(o, str) else o)
    order = [h.value for h in Headline]
    counts["rating"] = counts["headline"].map(headline_label)
    counts["order"] = counts["headline"].map(order.index)
    labels = [headline_label(h) for h in Headline]
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("source_outlet:N", title=_("Outlet"), sort="-x"),
        x=alt.X("statements:Q", title=_("Distinct statements (count)"), stack="zero"),
        color=alt.Color("rating:N", title=_("Headline"), sort=labels,
                        scale=alt.Scale(domain=labels,
                                        range=[HEADLINE_COLOURS[h] for h in Headline])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("source_outlet:N", title=_("Outlet")),
                 alt.Tooltip("rating:N", title=_("Headline")),
                 alt.Tooltip("statements:Q", title=_("Statements"))],
    ).properties(height=alt.Step(34))
    garbled = int((shown["headline"] == Headline.GARBLED.value).sum())
    held = int((shown["headline"] == Headline.HOLDS.value).sum())
    title = _("Of {n} statements, {held} hold against independent evidence and {garbled} "
              "misstate their own source").format(n=len(shown), held=held, garbled=garbled)
    figure = make_figure(
        chart, chapter="book", chart_id="headlines-by-outlet", title=title,
        source=_("the book's ledger (verdicts.csv)"),
        description=_("Horizontal stacked bars, one per outlet, counting its distinct "
                      "statements by headline rating: holds, roughly holds, garbled, "
                      "contradicted, faithful but unconfirmed, unverifiable."),
        data=counts[["source_outlet", "rating", "statements"]])
    return dataclasses.replace(figure, csv_href=csv_href)


def scorecard_html(verdicts: pd.DataFrame, card_prefix: str) -> str:
    """Per outlet: the two questions' answers, garble kinds and headline counts,
    each with links to the cards it counts."""
    shown = statements(verdicts)
    outlets = []
    for row in scorecard(verdicts).to_dict("records"):
        group = shown[shown["source_id"] == row["source_id"]]
        ratings = [{"slug": h.name.lower(), "label": headline_label(h),
                    "claims": group[group["headline"] == h.value].to_dict("records")}
                   for h in Headline]
        faithful = [{"label": _("{answer} ({kinds})").format(
                        answer=faithful_label(a), kinds=garble_phrase(row))
                     if a is Faithful.GARBLED else faithful_label(a),
                     "claims": group[group["faithful"] == a.value].to_dict("records")}
                    for a in Faithful]
        outlet = _outlet(row)
        outlets.append({
            "id": row["source_id"], "name": outlet, "finding": finding(row),
            "ratings": [r for r in ratings if r["claims"]],
            "faithful": [f for f in faithful if f["claims"]],
            # Translators: the label of a table of one outlet's headline ratings.
            "ratings_aria": _("{outlet}: headline ratings").format(outlet=outlet),
            "faithful_aria": _("{outlet}: faithful to its sources?").format(outlet=outlet)})
    return render("scorecard.html", outlets=outlets, card_prefix=card_prefix,
                  ratings_caption=_("Headline ratings"),
                  faithful_caption=_("Faithful to its sources?"))


def _link_text(row: Mapping[str, object]) -> str:
    """A statement as the in-brief box names it: what it reports (in the reader's
    language), else its id."""
    return data_text(str(row["reported_as"])) if row["reported_as"] else str(row["claim_id"])


def brief_html(chapter: pd.DataFrame) -> str:
    """A chapter's "in brief" box, from its own answers: how many statements, how
    many its sources restated faithfully or garbled, how many hold, and each garbled
    or contradicted claim named with a link to its card."""
    shown = statements(chapter)
    count = shown["headline"].value_counts()
    holds = shown["verdict"].value_counts()
    counts = {
        "attributed": int((shown["faithful"] != Faithful.NOT_ATTRIBUTED.value).sum()),
        "faithful": int((shown["faithful"] == Faithful.FAITHFUL.value).sum()),
        "garbled": int((shown["faithful"] == Faithful.GARBLED.value).sum()),
        "held": int(holds.get(Verdict.REPRODUCED.value, 0)),
        "roughly": int(holds.get(Verdict.APPROXIMATELY.value, 0)),
        "wrong": int(holds.get(Verdict.CONTRADICTED.value, 0)),
        "open": int(holds.get(Verdict.UNVERIFIABLE.value, 0))}
    first = ngettext(
        "{statements} checked. Of the {attributed} attributed to another source, {faithful} "
        "was restated faithfully and {garbled} garbled.",
        "{statements} checked. Of the {attributed} attributed to another source, {faithful} "
        "were restated faithfully and {garbled} garbled.", counts["faithful"])
    second = ngettext(
        "Against independent evidence, {held} hold, {roughly} roughly hold, {wrong} is "
        "contradicted and {open} could not be checked independently.",
        "Against independent evidence, {held} hold, {roughly} roughly hold, {wrong} are "
        "contradicted and {open} could not be checked independently.", counts["wrong"])
    notable = shown[(shown["faithful"] == Faithful.GARBLED.value)
                    | (shown["verdict"] == Verdict.CONTRADICTED.value)]
    by_kind = notable.groupby(notable["garble"].where(notable["garble"] != "", "contradicted"),
                              sort=False)
    kinds = [{"label": _("contradicted by independent evidence") if kind == "contradicted"
              else garble_label(str(kind)),
              "claims": [{"id": r["claim_id"], "claim": data_text(str(r["claim"])),
                          "text": _link_text(r)} for r in group.to_dict("records")]}
             for kind, group in by_kind]
    # Translators: a headline rating and how many statements have it: "3 holds"; the
    # rating is the lower-cased badge text in English.
    ratings = _(", ").join(_("{n} {rating}").format(n=int(count[h.value]),
                                                    rating=headline_label(h).lower())
                           for h in Headline if count.get(h.value, 0))
    return render(
        "brief.html", title=_("In brief"), statements=_statements(len(shown)), counts=counts,
        first=first, second=second, kinds=kinds, separator=_(", "),
        # Translators: two sentences of the "in brief" box, one after the other.
        sentences=_("{first} {second}"),
        intro=_("What went wrong, by kind (each figure links to its card):"),
        # Translators: a kind of error, how many figures it affects, and their links.
        kind_line=_("{kind} ({n}): {links}"),
        ratings=_("Headline ratings: {ratings}.").format(ratings=ratings))
