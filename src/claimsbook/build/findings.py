"""What a reader came for: per source, how faithfully it restated its sources and how
its numbers held up. The scorecard (page and CSV) and the landing page's findings are
both computed here from the gathered answers, never typed."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ..core.charts import Figure, make_figure
from ..core.ledger import (
    FAITHFUL_LABELS, GARBLE_LABELS, HEADLINE_LABELS, Faithful, Garble, Headline, Verdict,
)
from .appendix import statements

SCORECARD_FILE = "scorecard.csv"
# Headline colours as on the badges (claimsbook.css), in the headline rule's order.
HEADLINE_COLOURS = {
    Headline.HOLDS: "#1a7f37", Headline.ROUGHLY: "#7d6200", Headline.GARBLED: "#8250df",
    Headline.CONTRADICTED: "#c8102e", Headline.FAITHFUL: "#0b6e99",
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
    return pd.DataFrame(rows)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def garble_phrase(row: Mapping[str, object]) -> str:
    kinds = [(int(row[f"garbled_{k.name.lower()}"]), GARBLE_LABELS[k])  # type: ignore[call-overload]
             for k in Garble]
    kinds = sorted((k for k in kinds if k[0]), reverse=True)
    return ", ".join(f"{n} {label}" for n, label in kinds)


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
    parts = [f"{_plural(n, 'statement')}"]
    if attributed:
        restated = f"{attributed} attributed to another source: {faithful} restated faithfully"
        if garbled:
            restated += f", {garbled} garbled ({garble_phrase(row)})"
        parts.append(restated)
    parts.append(f"against independent evidence {held} hold, {roughly} roughly, "
                 f"{wrong} {'is' if wrong == 1 else 'are'} contradicted and {open_} could "
                 f"not be checked")
    return "; ".join(parts) + "."


def findings_html(verdicts: pd.DataFrame, scorecard_href: str) -> str:
    card = scorecard(verdicts)
    items = "".join(
        f"<li><strong>{html.escape(str(row['outlet']))}</strong>: "
        f"{html.escape(finding(row))}</li>" for row in card.to_dict("records"))
    return (f"<ul class='cb-findings'>{items}</ul>"
            f"<p class='cb-meta'>Every count links to its cards from the "
            f"<a href='{html.escape(scorecard_href)}'>scorecard</a>.</p>")


def headline_chart(verdicts: pd.DataFrame, csv_href: str) -> Figure:
    """One bar per outlet, its distinct statements split by headline rating."""
    shown = statements(verdicts)
    counts = (shown.groupby(["source_outlet", "headline"]).size().rename("statements")
              .reset_index())
    order = [h.value for h in Headline]
    counts["rating"] = counts["headline"].map(lambda h: HEADLINE_LABELS[Headline(h)])
    counts["order"] = counts["headline"].map(order.index)
    labels = [HEADLINE_LABELS[h] for h in Headline]
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("source_outlet:N", title="Outlet", sort="-x"),
        x=alt.X("statements:Q", title="Distinct statements (count)", stack="zero"),
        color=alt.Color("rating:N", title="Headline", sort=labels,
                        scale=alt.Scale(domain=labels,
                                        range=[HEADLINE_COLOURS[h] for h in Headline])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("source_outlet:N", title="Outlet"),
                 alt.Tooltip("rating:N", title="Headline"),
                 alt.Tooltip("statements:Q", title="Statements")],
    ).properties(height=alt.Step(34))
    garbled = int((shown["headline"] == Headline.GARBLED.value).sum())
    held = int((shown["headline"] == Headline.HOLDS.value).sum())
    title = (f"Of {len(shown)} statements, {held} hold against independent evidence "
             f"and {garbled} misstate their own source")
    figure = make_figure(
        chart, chapter="book", chart_id="headlines-by-outlet", title=title,
        source="the book's ledger (verdicts.csv)",
        description=("Horizontal stacked bars, one per outlet, counting its distinct "
                     "statements by headline rating: holds, roughly holds, garbled, "
                     "contradicted, faithful but unconfirmed, unverifiable."),
        data=counts[["source_outlet", "rating", "statements"]])
    return dataclasses.replace(figure, csv_href=csv_href)


def scorecard_html(verdicts: pd.DataFrame, card_prefix: str) -> str:
    """Per outlet: the two questions' answers, garble kinds and headline counts,
    each with links to the cards it counts."""
    esc = html.escape
    shown = statements(verdicts)
    card = scorecard(verdicts)
    sections = []
    for row in card.to_dict("records"):
        group = shown[shown["source_id"] == row["source_id"]]

        def links(mask: pd.Series) -> str:
            chosen = group[mask]
            return " ".join(
                f"<a href='{esc(card_prefix)}{esc(r['chapter'])}.html#claim-{esc(r['claim_id'])}'>"
                f"{esc(r['claim_id'])}</a>" for r in chosen.to_dict("records"))

        lines = []
        for rating in Headline:
            mask = group["headline"] == rating.value
            if mask.any():
                lines.append(f"<tr><th scope='row'><span class='cb-badge cb-{rating.name.lower()}'>"
                             f"{HEADLINE_LABELS[rating]}</span></th><td class='num'>{int(mask.sum())}"
                             f"</td><td class='cb-links'>{links(mask)}</td></tr>")
        faithful_rows = []
        for answer in Faithful:
            mask = group["faithful"] == answer.value
            if mask.any():
                label = FAITHFUL_LABELS[answer]
                if answer is Faithful.GARBLED:
                    label += f" ({garble_phrase(row)})"
                faithful_rows.append(f"<tr><th scope='row'>{esc(label)}</th>"
                                     f"<td class='num'>{int(mask.sum())}</td>"
                                     f"<td class='cb-links'>{links(mask)}</td></tr>")
        sections.append(
            f"<section class='cb-scorecard' id='score-{esc(str(row['source_id']))}'>"
            f"<h2>{esc(str(row['outlet']))}</h2><p>{esc(finding(row))}</p>"
            "<div class='cb-table-wrap' tabindex='0' role='region' "
            f"aria-label='{esc(str(row['outlet']))}: headline ratings'>"
            "<table class='cb-sources'><caption>Headline ratings</caption><tbody>"
            + "".join(lines) + "</tbody></table></div>"
            "<div class='cb-table-wrap' tabindex='0' role='region' "
            f"aria-label='{esc(str(row['outlet']))}: faithful to its sources?'>"
            "<table class='cb-sources'><caption>Faithful to its sources?</caption><tbody>"
            + "".join(faithful_rows) + "</tbody></table></div></section>")
    return "".join(sections)


def brief_html(chapter: pd.DataFrame) -> str:
    """A chapter's "in brief" box, from its own answers: how many statements, how
    many its sources restated faithfully or garbled, how many hold, and each garbled
    or contradicted claim named with a link to its card."""
    esc = html.escape
    shown = statements(chapter)
    n = len(shown)
    count = shown["headline"].value_counts()
    attributed = shown[shown["faithful"] != Faithful.NOT_ATTRIBUTED.value]
    faithful_n = int((shown["faithful"] == Faithful.FAITHFUL.value).sum())
    garbled = shown[shown["faithful"] == Faithful.GARBLED.value]
    holds = shown["verdict"].value_counts()
    lines = [
        f"<p><strong>{_plural(n, 'statement')}</strong> checked. Of the "
        f"{len(attributed)} attributed to another source, {faithful_n} "
        f"{'was' if faithful_n == 1 else 'were'} restated faithfully and {len(garbled)} "
        f"garbled. Against independent evidence, {int(holds.get(Verdict.REPRODUCED.value, 0))} "
        f"hold, {int(holds.get(Verdict.APPROXIMATELY.value, 0))} roughly hold, "
        f"{int(holds.get(Verdict.CONTRADICTED.value, 0))} "
        f"{'is' if holds.get(Verdict.CONTRADICTED.value, 0) == 1 else 'are'} contradicted "
        f"and {int(holds.get(Verdict.UNVERIFIABLE.value, 0))} could not be checked "
        f"independently.</p>"]
    notable = shown[(shown["faithful"] == Faithful.GARBLED.value)
                    | (shown["verdict"] == Verdict.CONTRADICTED.value)]
    if len(notable):
        kinds = notable["garble"].where(notable["garble"] != "", "contradicted")
        items = []
        for kind, group in notable.groupby(kinds, sort=False):
            label = ("contradicted by independent evidence" if kind == "contradicted"
                     else GARBLE_LABELS[Garble(kind)])
            links = ", ".join(
                f"<a href='#claim-{esc(r['claim_id'])}' title='{esc(str(r['claim']))}'>"
                f"{esc(str(r['reported_as'] or r['claim_id']))}</a>"
                for r in group.to_dict("records"))
            items.append(f"<li><em>{esc(label)}</em> ({len(group)}): {links}</li>")
        lines.append("<p>What went wrong, by kind (each figure links to its card):</p>"
                     "<ul>" + "".join(items) + "</ul>")
    ratings = ", ".join(f"{int(count[h.value])} {HEADLINE_LABELS[h].lower()}"
                        for h in Headline if count.get(h.value, 0))
    lines.append(f"<p class='cb-meta'>Headline ratings: {esc(ratings)}.</p>")
    return ("<aside class='cb-brief' aria-labelledby='cb-brief-title'>"
            "<p class='cb-brief-title' id='cb-brief-title'>In brief</p>"
            + "".join(lines) + "</aside>")
