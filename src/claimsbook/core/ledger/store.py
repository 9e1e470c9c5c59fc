"""The claims of one chapter, loaded, judged and saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import datapackage
from ..paths import ledger_dir
from .cards import CardDeck
from .model import RESULT_COLUMNS, Check, Claim, Computed, FigureIndex, Headline, LedgerError
from .rules import Result, assess, assess_table

# --- the ledger of one chapter ------------------------------------------------------


def load_claims() -> dict[str, Claim]:
    frame = datapackage.load_table("claims")
    return {row["claim_id"]: Claim.from_row(row) for row in frame.to_dict("records")}


def checks_resource(chapter: str) -> str:
    """``01-ai-index`` keeps its checks in the ``ai-index-checks`` table."""
    return f"{chapter.split('-', 1)[1]}-checks"


def load_checks(chapter: str) -> dict[str, Check]:
    frame = datapackage.load_table(checks_resource(chapter))
    return {str(row["claim_id"]): Check.from_row(row) for row in frame.to_dict("records")}


@dataclass
class Ledger:
    """The claims of one chapter, judged from its checks table and the values the
    chapter records."""

    chapter: str
    claims: dict[str, Claim] = field(default_factory=dict)
    checks: dict[str, Check] | None = None
    figures: FigureIndex = field(default_factory=FigureIndex)
    results: dict[str, Result] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        all_claims = self.claims or load_claims()
        self.claims = {key: c for key, c in all_claims.items() if c.chapter == self.chapter}
        if not self.claims:
            raise LedgerError(f"data/claims.csv has no claims for chapter {self.chapter!r}")
        if self.checks is None:
            self.checks = load_checks(self.chapter)
        unknown = sorted(set(self.checks) - set(self.claims))
        if unknown:
            raise LedgerError(
                f"{checks_resource(self.chapter)} checks claims that are not claims of "
                f"{self.chapter!r} in data/claims.csv: {', '.join(unknown)}")
        unchecked = sorted(set(self.claims) - set(self.checks))
        if unchecked:
            raise LedgerError(
                f"{len(unchecked)} claim(s) of {self.chapter!r} have no row in "
                f"{checks_resource(self.chapter)}: {', '.join(unchecked)}")
        for claim in self.claims.values():
            if claim.part_of and claim.part_of not in self.claims:
                raise LedgerError(
                    f"claim {claim.claim_id!r} is part of {claim.part_of!r}, which is not a "
                    f"claim of {self.chapter!r}")

    def record(self, *values: Computed | Iterable[Computed]) -> None:
        """Record values the chapter computed, for the checks that reference them."""
        for value in values:
            for item in [value] if isinstance(value, Computed) else value:
                self.figures.record(item)

    def claim(self, claim_id: str) -> Claim:
        try:
            return self.claims[claim_id]
        except KeyError:
            raise LedgerError(
                f"claim {claim_id!r} is not a claim of chapter {self.chapter!r} in data/claims.csv"
            ) from None

    def rows_of(self, claim_id: str) -> list[Claim]:
        """A statement's rows or parts in the claims table's order, which for a sentence is
        its own order (rule 6 breaks a tie between garble kinds by the first part)."""
        return [c for c in self.claims.values() if c.part_of == claim_id]

    def result(self, claim_id: str) -> Result:
        """Judge one claim (once) from its check and the recorded values."""
        if claim_id not in self.results:
            claim = self.claim(claim_id)
            rows = [self.result(row.claim_id) for row in self.rows_of(claim_id)]
            assert self.checks is not None
            check = self.checks[claim_id]
            try:
                self.results[claim_id] = (assess_table(claim, check, rows) if rows
                                          else assess(claim, check, self.figures))
            except LedgerError as error:
                if f"claim {claim_id!r}" in str(error):
                    raise
                # Name the row to fix: a bad reference alone does not say where it is.
                raise LedgerError(
                    f"claim {claim_id!r} (data/claims.csv; its check in "
                    f"data/{self.chapter.split('-', 1)[1]}/checks.csv): {error}") from None
        return self.results[claim_id]

    def statements(self) -> list[Claim]:
        """Distinct statements: claims that are not a row of a reproduced table."""
        return [c for c in self.claims.values() if not c.part_of]

    def judge_all(self) -> list[Result]:
        return [self.result(claim_id) for claim_id in sorted(self.claims)]

    def frame(self) -> pd.DataFrame:
        rows = [r.as_row() for r in self.judge_all()]
        return pd.DataFrame(rows, columns=RESULT_COLUMNS)

    def counts(self) -> pd.Series:
        """Headline ratings of the chapter's distinct statements."""
        frame = self.frame()
        frame = frame[frame["part_of"] == ""]
        return frame["headline"].value_counts().reindex([h.value for h in Headline],
                                                         fill_value=0)

    def save(self, directory: Path | None = None) -> Path:
        """Write the chapter's answers (and what its computation read) for the
        appendix and the snapshot test."""
        frame = self.frame()
        directory = directory or ledger_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.chapter}.csv"
        frame.to_csv(path, index=False)
        from ..inputs import write_dependencies

        write_dependencies(directory / f"{self.chapter}.deps.json")
        return path

    def cards(self, section: str | None = None) -> CardDeck:
        chosen = [self.result(c.claim_id) for c in sorted(self.statements(),
                                                          key=lambda c: c.claim_id)
                  if section is None or c.section == section]
        if not chosen:
            raise LedgerError(
                f"no claims in section {section!r} of chapter {self.chapter!r}"
            )
        self.shown.update(r.claim.claim_id for r in chosen)
        self.shown.update(row.claim.claim_id for r in chosen for row in r.rows)
        return CardDeck(chosen)

    def unshown(self) -> list[str]:
        """Claims that no card on the page shows (the appendix links every claim
        to its card)."""
        return sorted(set(self.claims) - self.shown)


