"""The ledger appendix: every chapter's verdicts gathered, filterable, with
schema.org ``ClaimReview`` markup and the ``verdicts.csv`` download."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..core import datapackage
from ..core.ledger import (
    GARBLE_LABELS, GRADE_LABELS, HEADLINE_LABELS, RESULT_COLUMNS, Garble, Grade,
    Headline,
)
from ..core.numbers import fmt_amount

# Published at the site's root; the README names it.
VERDICTS_FILE = "verdicts.csv"
BOOK_NAME = "The claims book"
# ClaimReview ratings, higher is truer; an unverifiable claim gets no rating value.
RATING = {Headline.HOLDS: 5, Headline.ROUGHLY: 4, Headline.FAITHFUL: 3, Headline.GARBLED: 2,
          Headline.CONTRADICTED: 1}
_TEXT_COLUMNS = ("part_of", "attributed_to", "garble", "source_access", "source_ref",
                 "evidence_ref", "reported_as")


def gather(ledger_dir: Path, chapters: Iterable[str]) -> pd.DataFrame:
    """All answers of the given chapters, joined with their sources."""
    frames = []
    for chapter in chapters:
        path = ledger_dir / f"{chapter}.csv"
        if path.is_file():
            frames.append(pd.read_csv(path, dtype={"claim_id": str, **dict.fromkeys(
                _TEXT_COLUMNS, str)}, keep_default_na=False, na_values={
                    "reported_value": [""], "source_value": [""], "computed_value": [""]}))
    verdicts = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=RESULT_COLUMNS)
    )
    sources = datapackage.load_table("sources")[["source_id", "outlet", "title", "url", "date"]]
    sources = sources.rename(
        columns={"outlet": "source_outlet", "title": "source_title", "url": "source_url",
                 "date": "source_date"}
    )
    merged = verdicts.merge(sources, on="source_id", how="left")
    return merged.sort_values(["chapter", "claim_id"], ignore_index=True)


def statements(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Distinct statements: rows of a reproduced table count with their table."""
    return verdicts[verdicts["part_of"].fillna("") == ""]


def unchecked(verdicts: pd.DataFrame, chapters: Iterable[str]) -> list[str]:
    """Claims of the given chapters that have no verdict."""
    claims = datapackage.load_table("claims")
    claims = claims[claims["chapter"].isin(list(chapters))]
    return sorted(set(claims["claim_id"]) - set(verdicts["claim_id"]))


def counts_html(verdicts: pd.DataFrame) -> str:
    """Distinct statements per chapter and headline rating."""
    order = [h.value for h in Headline]
    table = (
        pd.crosstab(statements(verdicts)["chapter"], statements(verdicts)["headline"],
                    margins=True, margins_name="All")
        .reindex(columns=order + ["All"], fill_value=0)
    )
    head = "".join(f"<th scope='col'>{HEADLINE_LABELS[Headline(h)]}</th>" for h in order)
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(str(chapter))}</th>"
        + "".join(f"<td>{int(n)}</td>" for n in row)
        + "</tr>"
        for chapter, row in table.iterrows()
    )
    return (
        "<div class='cb-table-wrap' tabindex='0' role='region' aria-label='Headline ratings'>"
        "<table class='cb-counts'><caption>Distinct statements per chapter, by headline "
        f"rating</caption><thead><tr><th scope='col'>Chapter</th>{head}"
        f"<th scope='col'>All</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _select(name: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    shown = "".join(
        f"<option value='{html.escape(value)}'>{html.escape(text)}</option>"
        for value, text in options
    )
    return (
        f"<label>{label} <select data-filter='{name}'><option value=''>all</option>"
        f"{shown}</select></label>"
    )


def _present(values: pd.Series, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    seen = sorted({str(v) for v in values if str(v)})
    return [(v, (labels or {}).get(v, v)) for v in seen]


def _amount(value: object, unit: str) -> str:
    if value is None or value == "" or pd.isna(value):
        return "—"
    return fmt_amount(float(value), unit)  # type: ignore[arg-type]


LEDGER_DATA = "ledger.json"


def ledger_rows(verdicts: pd.DataFrame, history: Mapping[str, str] | None = None,
                card_prefix: str = "../chapters/") -> list[dict[str, str]]:
    """One compact record per distinct statement, everything the ledger page shows and
    filters on: published as ``ledger.json`` so that the page's own HTML stays small
    however long the ledger grows."""
    records = []
    for row in statements(verdicts).to_dict("records"):
        unit = str(row["unit"])
        rating = Headline(row["headline"])
        comparison = row["comparison"] if row["comparison"] != "=" else ""
        stated = ("—" if pd.isna(row["reported_value"]) else
                  f"{comparison}{_amount(row['reported_value'], unit)}")
        garble = str(row.get("garble") or "")
        records.append({
            "id": str(row["claim_id"]), "chapter": str(row["chapter"]),
            "source": str(row["source_id"]), "headline": rating.value,
            "label": HEADLINE_LABELS[rating], "slug": rating.name.lower(),
            "garble": garble, "grade": str(row["evidence_grade"]),
            "claim": str(row["claim"]),
            "faithful": str(row["faithful"]) + (
                f": {GARBLE_LABELS[Garble(garble)]}" if garble else ""),
            "faithful_reason": str(row["faithful_reason"]),
            "holds": f"{row['verdict']} ({GRADE_LABELS[Grade(row['evidence_grade'])]})",
            "holds_reason": str(row["holds_reason"]),
            "stated": stated, "source_value": _amount(row["source_value"], unit),
            "evidence": _amount(row["computed_value"], unit),
            "card": f"{card_prefix}{row['chapter']}.html#claim-{row['claim_id']}",
            "history": (history or {}).get(str(row["claim_id"]), ""),
        })
    return records


def table_html(verdicts: pd.DataFrame, csv_href: str, data_href: str) -> str:
    """The filterable ledger: its filters (options from the data) and an empty table
    that the book's script fills from ``data_href`` (:func:`ledger_rows`), one row per
    distinct statement: the headline badge, the claim with both answers and their
    reasons, the stated, source and evidence values; each row is the anchor of its
    claim id and links to its card."""
    esc = html.escape
    shown = statements(verdicts)
    filters = (
        "<div class='cb-filters' role='search' aria-label='Filter the ledger'>"
        + _select("chapter", "Chapter", _present(shown["chapter"]))
        + _select("source", "Source", _present(shown["source_id"]))
        + _select("headline", "Headline", [(h.value, HEADLINE_LABELS[h]) for h in Headline
                                             if h.value in set(shown["headline"])])
        + _select("garble", "Garble kind", _present(
            shown["garble"], {g.value: label for g, label in GARBLE_LABELS.items()}))
        + _select("grade", "Evidence", _present(
            shown["evidence_grade"], {g.value: label for g, label in GRADE_LABELS.items()}))
        + "<span class='cb-shown' aria-live='polite'></span>"
        + f" <a class='cb-download' href='{esc(csv_href)}' download>Download all answers (CSV)</a>"
        + "</div>"
    )
    head = "".join(
        f"<th scope='col'>{h}</th>"
        for h in ("Headline", "Claim · faithful? · holds?", "Stated", "Source", "Evidence")
    )
    return (
        filters
        + "<div class='cb-table-wrap' tabindex='0' role='region' aria-label='All claims'>"
        + f"<table class='cb-ledger' data-src='{esc(data_href)}' data-total='{len(shown)}'>"
        + f"<thead><tr>{head}</tr></thead><tbody></tbody></table></div>"
        + f"<noscript><p>The table needs JavaScript; every answer is in the "
          f"<a href='{esc(csv_href)}'>CSV</a>.</p></noscript>"
    )


def claim_reviews(verdicts: pd.DataFrame, page_url: str,
                  published: Mapping[str, str] | None = None,
                  language: str = "en", anchor: str = "") -> list[dict[str, object]]:
    """schema.org ClaimReview objects, one per distinct statement, rated by headline.
    ``page_url`` is absolute (search engines ignore relative ones); ``published``
    gives, per claim, the date its current answer was published (the corrections
    log's newest entry for it)."""
    reviews = []
    for row in statements(verdicts).to_dict("records"):
        rating_name = Headline(row["headline"])
        rating: dict[str, object] = {
            "@type": "Rating",
            "alternateName": HEADLINE_LABELS[rating_name],
        }
        if rating_name in RATING:
            rating.update(ratingValue=RATING[rating_name], bestRating=5, worstRating=1)
        appearance = {
            "@type": "CreativeWork",
            "name": row.get("source_title"),
            "url": row.get("source_url"),
            "datePublished": row.get("source_date"),
            "author": {"@type": "Organization", "name": row.get("source_outlet")},
        }
        body = f"{row['faithful_reason']} {row['holds_reason']}"
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{page_url}#{anchor}{row['claim_id']}",
                "claimReviewed": row["claim"],
                "author": {"@type": "Organization", "name": BOOK_NAME},
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": {
                        key: value for key, value in appearance.items() if not _blank(value)
                    },
                },
                "reviewRating": rating,
                "reviewBody": body,
                "inLanguage": language,
                **({"datePublished": published[row["claim_id"]]}
                   if published and row["claim_id"] in published else {}),
            }
        )
    return reviews


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def json_ld(reviews: list[dict[str, object]]) -> str:
    text = json.dumps(reviews, ensure_ascii=False, default=str).replace("</", "<\\/")
    return f"<script type='application/ld+json'>{text}</script>"


def sources_html(sources: pd.DataFrame) -> str:
    """The bibliography: one row per source, anchored by its id (claim cards link
    here), the title linked to the document where it has a public address."""
    esc = html.escape
    rows = []
    for row in sources.to_dict("records"):
        title = esc(str(row["title"]))
        if not pd.isna(row["url"]):
            title = f"<a href='{esc(str(row['url']))}'>{title}</a>"
        date = "" if pd.isna(row["date"]) else esc(str(row["date"]))
        tried = row.get("primary_tried")
        tried_html = ("" if tried is None or pd.isna(tried) or not str(tried).strip() else
                      f"<p class='cb-reason'>Primary tried: {esc(str(tried))}</p>")
        rows.append(
            f"<tr id='{esc(str(row['source_id']))}'><td><p class='cb-claim'>{title}</p>"
            f"<p class='cb-meta'>{esc(str(row['outlet']))} · {esc(str(row['kind']))} · "
            f"{esc(str(row['language']))} · <code>{esc(str(row['source_id']))}</code></p>"
            f"{tried_html}</td><td class='num'>{date}</td></tr>"
        )
    return (
        "<table class='cb-sources'><thead><tr><th scope='col'>Source · outlet · kind · "
        "language · id</th><th scope='col'>Date</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def data_tables_html(descriptor: dict[str, Any], data: Path, href_prefix: str) -> str:
    """Every table of the data package: title, link to the CSV as published with
    the site, rows, licence, checksum, and for upstream extracts their origin."""
    esc = html.escape
    rows = []
    for resource in descriptor["resources"]:
        path = data / resource["path"]
        with path.open(encoding="utf-8") as handle:
            n_rows = sum(1 for _ in handle) - 1
        licences = ", ".join(item["name"] for item in resource.get("licenses", [])) or "CC-BY-4.0"
        origin = ""
        manifest = path.with_name(f"{path.stem}.manifest.json")
        if manifest.is_file():
            info = json.loads(manifest.read_text(encoding="utf-8"))
            origin = (f"<p class='cb-meta'>Extracted by <code>{esc(info['script'])}</code> from "
                      f"<a href='{esc(info['source_url'])}'>{esc(info['source_url'])}</a>, "
                      f"snapshot {esc(str(info['snapshot_date']))}</p>")
        digest = str(resource.get("hash", "")).removeprefix("sha256:")
        rows.append(
            f"<tr id='table-{esc(resource['name'])}'><td><p class='cb-claim'>{esc(resource['title'])}</p>"
            f"<p class='cb-meta'><a href='{esc(href_prefix + resource['path'])}'>"
            f"{esc(resource['path'])}</a> · {n_rows:,} row{'s' if n_rows != 1 else ''} · "
            f"{esc(licences)}</p>{origin}</td>"
            f"<td><code title='sha256 {esc(digest)}'>{esc(digest[:12])}</code></td></tr>"
        )
    return (
        "<table class='cb-sources'><thead><tr><th scope='col'>Table · file · rows · licence"
        "</th><th scope='col'>sha256</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def export(verdicts: pd.DataFrame, path: Path) -> None:
    """Every claim with both answers, its evidence grade and headline, and its source."""
    columns = RESULT_COLUMNS + ["source_outlet", "source_title", "source_url"]
    verdicts.reindex(columns=columns).to_csv(path, index=False)
