"""The claim ledger: every numeric claim checked against a computed value.

A chapter never types a verdict. It hands the ledger a computed value, the method
that produced it and a short basis; :func:`judge` turns reported value, computed
value, comparison and tolerance into a verdict, and the reason is written from
the numbers themselves.

Tolerance semantics (documented in the book's introduction):

* ``=``: reproduced when ``|computed - reported| <= tolerance``; approximately when
  the difference is within :func:`approximate_band` (twice the tolerance or 10 % of
  the reported value, whichever is larger); contradicted beyond.
* ``>=``/``>`` ("at least", "more than") and ``<=``/``<`` ("at most", "less than"):
  reproduced when the bound holds once the reported precision is allowed for;
  approximately when it fails by no more than the band; contradicted otherwise.
* no computed value: unverifiable, with what would settle it.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pandas as pd

from . import datapackage
from .numbers import fmt_number, fmt_signed
from .paths import ledger_dir, project_root

APPROX_RELATIVE = 0.10
APPROX_TOLERANCES = 2.0
# Float noise must not flip a verdict at the exact tolerance edge.
EDGE_EPSILON = 1e-9

RESULT_COLUMNS = [
    "claim_id", "chapter", "section", "source_id", "claim", "reported_as", "reported_value",
    "unit", "comparison", "tolerance", "period", "computed_value", "verdict", "method",
    "reason", "evidence",
]


class Verdict(StrEnum):
    REPRODUCED = "reproduced"
    APPROXIMATELY = "approximately"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


class Method(StrEnum):
    DATA = "recomputed from data"
    ARITHMETIC = "arithmetic"
    PRIMARY = "primary-source statement"
    CROSS_SOURCE = "cross-source"
    NONE = "none available"


COMPARISONS = {
    "=": "",
    ">=": "at least ",
    ">": "more than ",
    "<=": "at most ",
    "<": "less than ",
}


class LedgerError(ValueError):
    """A chapter checked a claim wrongly: unknown, twice, or not at all."""


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

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> Claim:
        def text(key: str) -> str:
            value = row.get(key)
            return "" if value is None or value is pd.NA else str(value)

        return cls(
            claim_id=text("claim_id"),
            chapter=text("chapter"),
            section=text("section"),
            source_id=text("source_id"),
            location=text("location"),
            claim=text("claim"),
            reported_as=text("reported_as"),
            reported_value=float(row["reported_value"]),  # type: ignore[arg-type]
            unit=text("unit"),
            comparison=text("comparison") or "=",
            tolerance=float(row["tolerance"]),  # type: ignore[arg-type]
            period=text("period"),
        )


@dataclass(frozen=True)
class Result:
    claim: Claim
    computed_value: float | None
    verdict: Verdict
    method: Method
    reason: str
    evidence: str = ""

    def as_row(self) -> dict[str, object]:
        row: dict[str, object] = {
            name: getattr(self.claim, name)
            for name in RESULT_COLUMNS
            if hasattr(self.claim, name)
        }
        row.update(
            computed_value=self.computed_value,
            verdict=self.verdict.value,
            method=self.method.value,
            reason=self.reason,
            evidence=self.evidence,
        )
        return {name: row.get(name) for name in RESULT_COLUMNS}


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
    if _is_missing(computed):
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


def explain(claim: Claim, computed: float | None, verdict: Verdict, basis: str) -> str:
    """A one-line reason written from the numbers: the basis, the computed value, the
    reported value and how far apart they are."""
    basis = basis.strip().rstrip(".")
    if verdict is Verdict.UNVERIFIABLE:
        return f"Unverifiable: {basis}."
    assert computed is not None
    unit = f" {claim.unit}" if claim.unit else ""
    stated = f"{COMPARISONS[claim.comparison]}{fmt_number(claim.reported_value)}{unit}"
    head = f"{basis}: {fmt_number(computed)}{unit} against the reported {stated}"
    if verdict is Verdict.REPRODUCED:
        return f"{head}, within ±{fmt_number(claim.tolerance)}."
    if claim.comparison != "=":
        # A bound is missed by how far the value lies on the wrong side of it.
        gap = abs(computed - claim.reported_value)
        if gap == 0:
            return (f"{head}: exactly at the bound, which '{COMPARISONS[claim.comparison].strip()}' "
                    f"excludes (tolerance ±{fmt_number(claim.tolerance)}).")
        side = "below" if computed < claim.reported_value else "above"
        return (f"{head}: {fmt_number(gap)}{unit} {side} the bound, "
                f"beyond ±{fmt_number(claim.tolerance)}.")
    difference = computed - claim.reported_value
    relative = (
        f" ({fmt_signed(100 * difference / claim.reported_value)} %)"
        if claim.reported_value
        else ""
    )
    return (
        f"{head}: off by {fmt_signed(difference)}{unit}{relative}, "
        f"beyond ±{fmt_number(claim.tolerance)}."
    )


def load_claims() -> dict[str, Claim]:
    frame = datapackage.load_table("claims")
    return {row["claim_id"]: Claim.from_row(row) for row in frame.to_dict("records")}


@dataclass
class Ledger:
    """The verdicts of one chapter, checked against ``data/claims.csv``."""

    chapter: str
    claims: dict[str, Claim] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        all_claims = self.claims or load_claims()
        self.claims = {key: c for key, c in all_claims.items() if c.chapter == self.chapter}
        if not self.claims:
            raise LedgerError(f"data/claims.csv has no claims for chapter {self.chapter!r}")

    def claim(self, claim_id: str) -> Claim:
        try:
            return self.claims[claim_id]
        except KeyError:
            raise LedgerError(
                f"claim {claim_id!r} is not a claim of chapter {self.chapter!r} in data/claims.csv"
            ) from None

    def check(
        self,
        claim_id: str,
        computed: float | None,
        *,
        method: Method,
        basis: str,
        evidence: str = "",
    ) -> Result:
        """Judge one claim against a computed value and record the result."""
        claim = self.claim(claim_id)
        if claim_id in self.results:
            raise LedgerError(f"claim {claim_id!r} was already checked in this chapter")
        value = None if _is_missing(computed) else float(computed)  # type: ignore[arg-type]
        verdict = judge(claim.reported_value, value, claim.comparison, claim.tolerance)
        if verdict is Verdict.UNVERIFIABLE:
            method = Method.NONE
        result = Result(
            claim=claim,
            computed_value=value,
            verdict=verdict,
            method=method,
            reason=explain(claim, value, verdict, basis),
            evidence=evidence,
        )
        self.results[claim_id] = result
        return result

    def unverifiable(self, claim_id: str, *, needs: str, evidence: str = "") -> Result:
        """Record that no reachable data can check the claim, and what would."""
        return self.check(
            claim_id, None, method=Method.NONE, basis=needs, evidence=evidence
        )

    def missing(self) -> list[str]:
        return sorted(set(self.claims) - set(self.results))

    def frame(self) -> pd.DataFrame:
        rows = [self.results[key].as_row() for key in sorted(self.results)]
        return pd.DataFrame(rows, columns=RESULT_COLUMNS)

    def counts(self) -> pd.Series:
        frame = self.frame()
        return frame["verdict"].value_counts().reindex([v.value for v in Verdict], fill_value=0)

    def save(self, directory: Path | None = None) -> Path:
        """Write the chapter's verdicts (and the files its computation read) for the
        appendix and the snapshot test. Every claim of the chapter must be checked."""
        missing = self.missing()
        if missing:
            raise LedgerError(
                f"chapter {self.chapter!r} left {len(missing)} claim(s) unchecked: "
                + ", ".join(missing)
            )
        directory = directory or ledger_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.chapter}.csv"
        self.frame().to_csv(path, index=False)
        write_dependencies(directory / f"{self.chapter}.deps.json")
        return path

    def cards(self, section: str | None = None) -> CardDeck:
        chosen = [
            r for r in self.results.values() if section is None or r.claim.section == section
        ]
        if not chosen:
            raise LedgerError(
                f"no checked claims in section {section!r} of chapter {self.chapter!r}"
            )
        self.shown.update(r.claim.claim_id for r in chosen)
        return CardDeck(chosen)

    def unshown(self) -> list[str]:
        """Checked claims that no card on the page shows (the ledger appendix links
        every verdict to its card)."""
        return sorted(set(self.results) - self.shown)


def source_digest() -> str:
    """One digest of the package's code: a change to it re-executes every chapter."""
    import hashlib

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_dependencies(path: Path) -> None:
    root = project_root()
    files = {}
    for name, digest in sorted(datapackage.files_read.items()):
        try:
            files[str(Path(name).relative_to(root))] = digest
        except ValueError:
            files[name] = digest
    payload = {"package": source_digest(), "files": files}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


# Cards sit in chapters/; the bibliography anchors each source by its id.
SOURCES_PAGE = "../appendix/sources.html"

VERDICT_LABELS = {
    Verdict.REPRODUCED: "Reproduced",
    Verdict.APPROXIMATELY: "Approximately",
    Verdict.CONTRADICTED: "Contradicted",
    Verdict.UNVERIFIABLE: "Unverifiable",
}


@dataclass(frozen=True)
class CardDeck:
    """Claim cards as HTML, for a chapter's output cells."""

    results: list[Result]

    def _repr_html_(self) -> str:
        return cards_html(self.results)


def cards_html(results: Iterable[Result]) -> str:
    cards = []
    for result in results:
        claim = result.claim
        unit = f" {claim.unit}" if claim.unit else ""
        reported = f"{COMPARISONS[claim.comparison]}{fmt_number(claim.reported_value)}{unit}"
        computed = (
            "—" if result.computed_value is None else f"{fmt_number(result.computed_value)}{unit}"
        )
        esc = html.escape
        cards.append(
            f'<article class="cb-card cb-{result.verdict.value}" id="claim-{esc(claim.claim_id)}">'
            f'<header><span class="cb-badge">{VERDICT_LABELS[result.verdict]}</span>'
            f' <span class="cb-source"><a href="{SOURCES_PAGE}#{esc(claim.source_id)}">'
            f'{esc(claim.source_id)}</a> · {esc(claim.location)}</span></header>'
            f'<p class="cb-claim">{esc(claim.claim)}</p>'
            f'<dl><dt>Reported</dt><dd>{esc(reported)}'
            + (f' <span class="cb-as">({esc(claim.reported_as)})</span>' if claim.reported_as else "")
            + f"</dd><dt>Computed</dt><dd>{esc(computed)}</dd>"
            f"<dt>Method</dt><dd>{esc(result.method.value)}</dd></dl>"
            f'<p class="cb-reason">{esc(result.reason)}</p>'
            f'<footer class="cb-id">{esc(claim.claim_id)}</footer></article>'
        )
    return '<div class="cb-cards">' + "".join(cards) + "</div>"
