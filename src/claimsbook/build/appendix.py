"""The ledger appendix: every chapter's verdicts gathered, filterable, with
schema.org ``ClaimReview`` markup and the ``verdicts.csv`` download."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..core import datapackage
from ..core.ledger import RESULT_COLUMNS, VERDICT_LABELS, Verdict
from ..core.numbers import fmt_number

# Published at the site's root; the README names it.
VERDICTS_FILE = "verdicts.csv"
BOOK_NAME = "The claims book"
# ClaimReview ratings: higher is truer; an unverifiable claim gets no rating value.
RATING = {Verdict.REPRODUCED: 3, Verdict.APPROXIMATELY: 2, Verdict.CONTRADICTED: 1}


def gather(ledger_dir: Path, chapters: Iterable[str]) -> pd.DataFrame:
    """All verdicts of the given chapters, joined with their sources."""
    frames = []
    for chapter in chapters:
        path = ledger_dir / f"{chapter}.csv"
        if path.is_file():
            frames.append(pd.read_csv(path, dtype={"claim_id": str}))
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


def unchecked(verdicts: pd.DataFrame, chapters: Iterable[str]) -> list[str]:
    """Claims of the given chapters that have no verdict."""
    claims = datapackage.load_table("claims")
    claims = claims[claims["chapter"].isin(list(chapters))]
    return sorted(set(claims["claim_id"]) - set(verdicts["claim_id"]))


def counts_html(verdicts: pd.DataFrame) -> str:
    order = [v.value for v in Verdict]
    table = (
        pd.crosstab(verdicts["chapter"], verdicts["verdict"], margins=True, margins_name="All")
        .reindex(columns=order + ["All"], fill_value=0)
    )
    head = "".join(f"<th scope='col'>{VERDICT_LABELS[Verdict(v)]}</th>" for v in order)
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(str(chapter))}</th>"
        + "".join(f"<td>{int(n)}</td>" for n in row)
        + "</tr>"
        for chapter, row in table.iterrows()
    )
    return (
        "<table class='cb-counts'><caption>Verdicts per chapter</caption>"
        f"<thead><tr><th scope='col'>Chapter</th>{head}<th scope='col'>All</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _select(name: str, label: str, values: Iterable[str]) -> str:
    options = "".join(
        f"<option value='{html.escape(v)}'>{html.escape(v)}</option>" for v in sorted(set(values))
    )
    return (
        f"<label>{label} <select data-filter='{name}'><option value=''>all</option>"
        f"{options}</select></label>"
    )


def table_html(verdicts: pd.DataFrame, csv_href: str) -> str:
    """The filterable ledger: four columns that fit the book's text column. The
    claim cell carries its id (linking to the card in the chapter), source, method
    and the computed reason; each row is the anchor its ClaimReview points at."""
    esc = html.escape
    rows = []
    for row in verdicts.to_dict("records"):
        unit = esc(str(row["unit"]))
        computed = row["computed_value"]
        computed_text = "—" if pd.isna(computed) else f"{fmt_number(float(computed))} {unit}"
        comparison = row["comparison"] if row["comparison"] != "=" else ""
        reported_text = f"{esc(comparison)}{fmt_number(float(row['reported_value']))} {unit}"
        card = f"../chapters/{row['chapter']}.html#claim-{row['claim_id']}"
        rows.append(
            f"<tr id='{esc(row['claim_id'])}' data-chapter='{esc(row['chapter'])}'"
            f" data-source='{esc(row['source_id'])}' data-verdict='{esc(row['verdict'])}'>"
            f"<td><span class='cb-badge cb-{esc(row['verdict'])}'>{esc(row['verdict'])}</span></td>"
            f"<td><p class='cb-claim'>{esc(str(row['claim']))}</p>"
            f"<p class='cb-meta'><a href='{esc(card)}'>{esc(row['claim_id'])}</a>"
            f" · {esc(row['source_id'])} · {esc(row['method'])}</p>"
            f"<p class='cb-reason'>{esc(str(row['reason']))}</p></td>"
            f"<td class='num' data-label='Reported'>{reported_text}</td>"
            f"<td class='num' data-label='Computed'>{computed_text}</td></tr>"
        )
    filters = (
        "<div class='cb-filters' role='search'>"
        + _select("chapter", "Chapter", verdicts["chapter"])
        + _select("source", "Source", verdicts["source_id"])
        + _select("verdict", "Verdict", verdicts["verdict"])
        + "<span class='cb-shown' aria-live='polite'></span>"
        + f" <a class='cb-download' href='{esc(csv_href)}' download>Download all verdicts (CSV)</a>"
        + "</div>"
    )
    head = "".join(
        f"<th scope='col'>{h}</th>"
        for h in ("Verdict", "Claim · id · source · method · reason", "Reported", "Computed")
    )
    return (
        filters
        + "<div class='cb-table-wrap'><table class='cb-ledger'>"
        + f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def claim_reviews(verdicts: pd.DataFrame, page_url: str) -> list[dict[str, object]]:
    """schema.org ClaimReview objects, one per verdict."""
    reviews = []
    for row in verdicts.to_dict("records"):
        verdict = Verdict(row["verdict"])
        rating: dict[str, object] = {
            "@type": "Rating",
            "alternateName": VERDICT_LABELS[verdict],
        }
        if verdict in RATING:
            rating.update(ratingValue=RATING[verdict], bestRating=3, worstRating=1)
        appearance = {
            "@type": "CreativeWork",
            "name": row.get("source_title"),
            "url": row.get("source_url"),
            "datePublished": row.get("source_date"),
            "author": {"@type": "Organization", "name": row.get("source_outlet")},
        }
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{page_url}#{row['claim_id']}",
                "claimReviewed": row["claim"],
                "author": {"@type": "Organization", "name": BOOK_NAME},
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": {
                        key: value for key, value in appearance.items() if not _blank(value)
                    },
                },
                "reviewRating": rating,
                "reviewBody": row["reason"],
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
        rows.append(
            f"<tr id='{esc(str(row['source_id']))}'><td><p class='cb-claim'>{title}</p>"
            f"<p class='cb-meta'>{esc(str(row['outlet']))} · {esc(str(row['kind']))} · "
            f"{esc(str(row['language']))} · <code>{esc(str(row['source_id']))}</code></p></td>"
            f"<td class='num'>{date}</td></tr>"
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
    columns = RESULT_COLUMNS + ["source_outlet", "source_title", "source_url"]
    verdicts.reindex(columns=columns).to_csv(path, index=False)
