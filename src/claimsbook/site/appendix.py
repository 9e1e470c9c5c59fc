"""The ledger appendix: every chapter's verdicts gathered, filterable, with
schema.org ``ClaimReview`` markup and the ``verdicts.csv`` download."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..core import datapackage
from ..core.i18n import N_, _, data_text, is_chinese, ngettext, pgettext
from ..core.ledger import (  # the label functions are also this module's names for them
    RESULT_COLUMNS, Garble, Grade, Headline, faithful_label, garble_label, grade_label,
    headline_label,
)
from ..core.numbers import fmt_amount, fmt_date_label, period_text
from .fragments import render
from .translations import DESCRIBED

# Published at the site's root; the README names it.
VERDICTS_FILE = "verdicts.csv"
BOOK_NAME = N_("The claims book")

# --- display names of the answers, in the reader's language ---------------------------
# Headlines, garble kinds, grades and "faithful?" answers are named by core.ledger's
# label functions (imported above). The answers as the ledger's rows and the
# corrections log write them (lower case) are marked here for the catalog.
_VALUE_MESSAGES = (N_("faithful"), N_("garbled"), N_("not reached"), N_("not attributed"),
                   N_("reproduced"), N_("approximately"), N_("contradicted"),
                   N_("partly"), N_("unverifiable"))


def answer_text(value: str) -> str:
    """A "faithful?" or "holds?" answer as the ledger's rows write it ("not reached",
    "contradicted"), in the reader's language."""
    return _(str(value))


def source_kind(kind: str) -> str:
    """A source's kind ("news", "dataset") in the reader's language."""
    return _(kind)


_KIND_MESSAGES = (N_("primary report"), N_("secondary report"), N_("dataset"), N_("news"),
                  N_("web page"), N_("company release"), N_("statistical release"))
# A source's language code as the Chinese edition names it (the English edition shows
# the code itself).
_LANGUAGE_NAMES = {"zh": N_("Chinese"), "en": N_("English"), "ar": N_("Arabic")}


def language_name(code: str) -> str:
    if not is_chinese() or code not in _LANGUAGE_NAMES:
        return code
    return _(_LANGUAGE_NAMES[code])


# The outlets the book checks, as the Chinese edition names them (the sources table keeps
# each outlet's own name; English shows it as it is).
_OUTLET_MESSAGES = (N_("中国经营报 (China Business Journal)"), N_("Solidot"),
                    N_("okeeper's blog"), N_("中银研究 (Bank of China Research)"))


def outlet_name(outlet: str) -> str:
    """An outlet or publisher as the reader's edition names it: the four outlets from the
    package's catalog, any other from the data's."""
    if not outlet:
        return outlet
    named = _(str(outlet))
    return named if named != outlet else data_text(str(outlet))
# ClaimReview ratings, higher is truer; an unverifiable claim gets no rating value.
RATING = {Headline.HOLDS: 5, Headline.ROUGHLY: 4, Headline.FAITHFUL: 3, Headline.GARBLED: 2,
          Headline.PARTLY: 2, Headline.CONTRADICTED: 1}
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


def counts_html(verdicts: pd.DataFrame, titles: dict[str, str] | None = None) -> str:
    """Distinct statements per chapter (named by ``titles``, chapter id -> title) and
    headline rating."""
    shown, every = statements(verdicts), _("All")
    table = (pd.crosstab(shown["chapter"], shown["headline"], margins=True, margins_name="All")
             .reindex(columns=[h.value for h in Headline] + ["All"], fill_value=0))
    return render("counts.html", aria=_("Headline ratings"), chapter_head=_("Chapter"),
                  caption=_("Distinct statements per chapter, by headline rating"),
                  heads=[headline_label(h) for h in Headline], every=every,
                  rows=[(every if chapter == "All" else (titles or {}).get(chapter, chapter),
                         [int(n) for n in row])
                        for chapter, row in table.iterrows()])


def _present(values: pd.Series, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    seen = sorted({str(v) for v in values if str(v)})
    return [(v, (labels or {}).get(v, v)) for v in seen]


def _amount(value: object, unit: str) -> str:
    if value is None or value == "" or pd.isna(value):
        return "—"
    return fmt_amount(float(value), unit)  # type: ignore[arg-type]


LEDGER_DATA = "ledger.json"


def faithful_answer(faithful: str, garble: str = "") -> str:
    """"garbled: wrong period" / 转述有误：时期错误."""
    if not garble:
        return answer_text(faithful)
    # Translators: a "faithful?" answer and, after it, how the restatement went wrong.
    return _("{answer}: {garble}").format(answer=answer_text(faithful),
                                          garble=garble_label(garble))


def holds_answer(verdict: str, grade: str) -> str:
    """"contradicted (independent data)" / 相矛盾（独立数据）."""
    # Translators: a "does it hold?" answer and, in brackets, the grade of its evidence.
    return _("{verdict} ({grade})").format(verdict=answer_text(verdict),
                                           grade=grade_label(grade))


def ledger_labels() -> dict[str, str]:
    """Every text the ledger page's script writes, in the reader's language (the script
    has none of its own): templates with ``{name}`` placeholders."""
    return {
        # Translators: the ledger row's first answer; {answer} is e.g. "faithful".
        "faithful": _("Faithful? {answer}."),
        # Translators: the ledger row's second answer; {answer} is e.g. "reproduced (independent data)".
        "holds": _("Holds? {answer}."),
        "history": _("history"),
        "stated": _("Stated"), "source": _("Source"), "evidence": _("Evidence"),
        "shown": _("{shown} of {total} claims shown"),
        "loading": _("loading {total} claims…"),
    }


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
            "label": headline_label(rating), "slug": rating.name.lower(),
            "garble": garble, "grade": str(row["evidence_grade"]),
            "claim": data_text(str(row["claim"])),
            "faithful": faithful_answer(str(row["faithful"]), garble),
            "faithful_reason": str(row["faithful_reason"]),
            "holds": holds_answer(str(row["verdict"]), str(row["evidence_grade"])),
            "holds_reason": str(row["holds_reason"]),
            "stated": stated, "source_value": _amount(row["source_value"], unit),
            "evidence": _amount(row["computed_value"], unit),
            "card": f"{card_prefix}{row['chapter']}.html#claim-{row['claim_id']}",
            "history": (history or {}).get(str(row["claim_id"]), ""),
        })
    return records


def table_html(verdicts: pd.DataFrame, csv_href: str, data_href: str,
               titles: dict[str, str] | None = None) -> str:
    """The filterable ledger: its filters (options from the data) and an empty table
    that the book's script fills from ``data_href`` (:func:`ledger_rows`), one row per
    distinct statement: the headline badge, the claim with both answers and their
    reasons, the stated, source and evidence values; each row is the anchor of its
    claim id and links to its card."""
    shown = statements(verdicts)
    filters = [
        {"name": "chapter", "label": _("Chapter"), "options": _present(shown["chapter"], titles)},
        {"name": "source", "label": _("Source"), "options": _present(shown["source_id"])},
        {"name": "headline", "label": _("Headline"), "options": [
            (h.value, headline_label(h)) for h in Headline if h.value in set(shown["headline"])]},
        {"name": "garble", "label": _("Garble kind"), "options": _present(
            shown["garble"], {g.value: garble_label(g) for g in Garble})},
        {"name": "grade", "label": _("Evidence"), "options": _present(
            shown["evidence_grade"], {g.value: grade_label(g) for g in Grade})},
    ]
    return render(
        "ledger.html", filters=filters, csv_href=csv_href, data_href=data_href,
        total=len(shown), aria=_("Filter the ledger"), everything=_("All claims"),
        # Translators: the first option of a ledger filter, which keeps every row
        every=pgettext("filter", "all"), download=_("Download all answers (CSV)"),
        heads=[_("Headline"), _("Claim · faithful? · holds?"), _("Stated"), _("Source"),
               _("Evidence")],
        labels=json.dumps(ledger_labels(), ensure_ascii=False, separators=(",", ":")),
        # Translators: {csv} is a link to the CSV file, its text "CSV".
        noscript=_("The table needs JavaScript; every answer is in the {csv}."))


def claim_reviews(verdicts: pd.DataFrame, page_url: str,
                  published: Mapping[str, str] | None = None,
                  language: str = "en", anchor: str = "") -> list[dict[str, object]]:
    """schema.org ClaimReview objects, one per distinct statement, rated by headline.
    ``page_url`` is absolute (search engines ignore relative ones); ``published``
    gives, per claim, the date its current answer was published (the corrections
    log's newest entry for it)."""
    reviews: list[dict[str, object]] = []
    for row in statements(verdicts).to_dict("records"):
        rating_name = Headline(row["headline"])
        rating: dict[str, object] = {
            "@type": "Rating",
            "alternateName": headline_label(rating_name),
        }
        if rating_name in RATING:
            rating.update(ratingValue=RATING[rating_name], bestRating=5, worstRating=1)
        appearance = {
            "@type": "CreativeWork",
            "name": row.get("source_title"),
            "url": row.get("source_url"),
            "datePublished": row.get("source_date"),
            "author": {"@type": "Organization", "name": _outlet_or_blank(row.get("source_outlet"))},
        }
        body = f"{row['faithful_reason']} {row['holds_reason']}"
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{page_url}#{anchor}{row['claim_id']}",
                "claimReviewed": data_text(str(row["claim"])),
                "author": {"@type": "Organization", "name": _(BOOK_NAME)},
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


def _outlet_or_blank(value: object) -> object:
    return value if _blank(value) or not value else outlet_name(str(value))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def json_ld(reviews: list[dict[str, object]]) -> str:
    text = json.dumps(reviews, ensure_ascii=False, default=str).replace("</", "<\\/")
    return f"<script type='application/ld+json'>{text}</script>"


def sources_html(sources: pd.DataFrame) -> str:
    """The bibliography: one row per source, anchored by its id (claim cards link
    here), the title linked to the document where it has a public address."""
    return render("sources.html", sources=[_source(row) for row in sources.to_dict("records")],
                  tried=_("Primary tried: {note}"), date_head=_("Date"),
                  head=_("Source · outlet · kind · language · id"))


def _source(row: Mapping[str, Any]) -> dict[str, str]:
    # A title in brackets is the book's own description (none was published): translated
    # like any data text (translations.DESCRIBED). A published title stays in its own
    # language, which its lang attribute names in the Chinese edition.
    ours = str(row["title"]).startswith(DESCRIBED)
    tried = _text(row.get("primary_tried"))
    return {
        "id": row["source_id"], "date": period_text(_text(row["date"])), "url": _text(row["url"]),
        "title": data_text(row["title"]) if ours else row["title"],
        "tried": data_text(tried) if tried else "",
        "lang": ("zh" if ours else row["language"]) if is_chinese() else "",
        "outlet": outlet_name(str(row["outlet"])), "kind": source_kind(str(row["kind"])),
        "language": language_name(str(row["language"]))}


def _text(value: object) -> str:
    """A table's text cell, "" where it is empty."""
    return "" if value is None or pd.isna(value) else str(value).strip()



def data_tables_html(descriptor: dict[str, Any], data: Path, href_prefix: str) -> str:
    """Every table of the data package: title, link to the CSV as published with
    the site, rows, licence, checksum, and for upstream extracts their origin."""
    tables = []
    for resource in descriptor["resources"]:
        path = data / resource["path"]
        with path.open(encoding="utf-8") as handle:
            n_rows = sum(1 for _ in handle) - 1
        manifest = path.with_name(f"{path.stem}.manifest.json")
        origin = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else None
        if origin:
            origin["date"] = fmt_date_label(str(origin["snapshot_date"]))
        # A table's title is a text of the data package, translated where the data
        # catalog has it; until then the Chinese edition shows it marked as English.
        title = data_text(resource["title"])
        tables.append({
            "name": resource["name"], "path": resource["path"], "title": title,
            "lang": "en" if is_chinese() and title == resource["title"] else "",
            "rows": ngettext("{n} row", "{n} rows", n_rows).format(
                n=n_rows if is_chinese() else f"{n_rows:,}"),
            "licences": ", ".join(item["name"] for item in resource.get("licenses", []))
                        or "CC-BY-4.0",
            "digest": str(resource.get("hash", "")).removeprefix("sha256:"), "origin": origin})
    return render("data_tables.html", tables=tables, href_prefix=href_prefix,
                  head=_("Table · file · rows · licence"),
                  extracted=_("Extracted by {script} from {url}, snapshot {date}"))


# Columns the Chinese edition's verdicts.csv adds: each answer's display name in Chinese.
LABEL_COLUMNS = ("headline_label", "faithful_label", "garble_label", "verdict_label",
                 "evidence_grade_label")


def export(verdicts: pd.DataFrame, path: Path) -> None:
    """Every claim with both answers, its evidence grade and headline, and its source.

    In the Chinese edition the same columns carry the Chinese claim (from the data
    catalog) and reasons (rendered in Chinese by the edition's build), and the answers' Chinese
    display names follow in :data:`LABEL_COLUMNS`; the keys and codes stay English."""
    columns = RESULT_COLUMNS + ["source_outlet", "source_title", "source_url"]
    frame = verdicts.reindex(columns=columns)
    if is_chinese():
        frame = frame.copy()
        frame["claim"] = frame["claim"].map(lambda text: data_text(str(text))
                                            if isinstance(text, str) else text)
        frame["source_outlet"] = frame["source_outlet"].map(
            lambda text: outlet_name(text) if isinstance(text, str) else text)
        frame["headline_label"] = frame["headline"].map(_label_or_blank(headline_label))
        frame["faithful_label"] = frame["faithful"].map(_label_or_blank(answer_text))
        frame["garble_label"] = frame["garble"].map(_label_or_blank(garble_label))
        frame["verdict_label"] = frame["verdict"].map(_label_or_blank(answer_text))
        frame["evidence_grade_label"] = frame["evidence_grade"].map(
            _label_or_blank(grade_label))
    frame.to_csv(path, index=False)


def _label_or_blank(label: Callable[[str], str]) -> Callable[[object], str]:
    def shown(value: object) -> str:
        return label(str(value)) if isinstance(value, str) and value else ""
    return shown


def example_html(verdicts: pd.DataFrame, claim_id: str, card_prefix: str) -> str:
    """One claim of the ledger as a worked example of a rule ("How we judge"): the
    claim, its headline and both answers with their reasons, as the ledger computed
    them in the reader's language, and a link to its card."""
    found = verdicts[verdicts["claim_id"] == claim_id]
    if found.empty:
        raise KeyError(f"claim {claim_id!r} is not in the ledger")
    row = found.iloc[0]
    rating = Headline(row["headline"])
    return render(
        "example.html", id=claim_id, slug=rating.name.lower(), badge=headline_label(rating),
        claim=data_text(str(row["claim"])),
        faithful=faithful_answer(str(row["faithful"]), str(row.get("garble") or "")),
        faithful_reason=row["faithful_reason"], holds_reason=row["holds_reason"],
        holds=holds_answer(str(row["verdict"]), str(row["evidence_grade"])),
        card=f"{card_prefix}{row['chapter']}.html#claim-{claim_id}",
        # Translators: the link from a worked example to the claim's card
        see=_("See the claim's card"))
