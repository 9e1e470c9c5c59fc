"""Count facts of the AI Index 2025 report itself (its printed pages, how often it names
DeepSeek) from the report's text layer, for chapter 01-ai-index.

The input is the report's full text layer as one file per printed page
(``pages/NNN.txt`` = printed page NNN). Only counts are written, never the report's
words (its licence, CC BY-ND, allows quoting and citing, not copying). Usage::

    python scripts/count_ai_index_text.py --from /path/to/ai-index-2025-report-text

The text layer has no public address of its own: ``--from`` is required, and the
manifest records the report's own PDF address and a checksum of the pages read.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

from claimsbook.core.extracts import Origin, sha256_hex, write_extract

ROOT = Path(__file__).resolve().parents[1]

AI_INDEX_2025_TEXT = Origin(
    producer="Stanford Institute for Human-Centered AI (HAI)",
    title="The 2025 AI Index Report, text layer of the full report (one file per printed page)",
    producer_url="https://hai.stanford.edu/ai-index/2025-ai-index-report",
    download_url="https://hai-production.s3.amazonaws.com/files/hai_ai_index_report_2025.pdf",
    licence="CC-BY-ND-4.0",
    citation="Maslej, N. et al. (2025). The AI Index 2025 Annual Report. AI Index Steering "
             "Committee, Institute for Human-Centered AI, Stanford University.",
    published_on="2025-04-07",
    snapshot_date="2025-04-07",
    coverage="printed pages 1 to 456 and a final page without a printed number",
)

PAGE_FILE = re.compile(r"^(\d{3})\.txt$")


def read_pages(folder: Path) -> dict[int, str]:
    """Printed page number -> text, from ``folder/pages/NNN.txt`` (or ``folder/NNN.txt``)."""
    pages_dir = folder / "pages" if (folder / "pages").is_dir() else folder
    pages = {}
    for path in sorted(pages_dir.iterdir()):
        match = PAGE_FILE.match(path.name)
        if match:
            pages[int(match.group(1))] = path.read_text(encoding="utf-8")
    if not pages:
        raise FileNotFoundError(f"{pages_dir}: no NNN.txt page files")
    return pages


def printed_number(number: int, text: str) -> bool:
    """Whether a page carries its own printed number (a line that is only the number,
    or the running header 'Table of Contents NNN')."""
    lines = [line.strip() for line in text.splitlines()]
    return str(number) in lines or f"Table of Contents {number}" in lines


def tidy(pages: dict[int, str]) -> pd.DataFrame:
    numbered = [n for n, text in pages.items() if printed_number(n, text)]
    last_printed = max(numbered)
    name = re.compile("deepseek", re.IGNORECASE)
    exact = re.compile("DeepSeek")
    # Chart labels set one character per line (p. 170's DeepSeek-R1 labels) are words
    # too: the name is counted with the whitespace between its letters removed.
    joined = {n: re.sub(r"\s+", "", text) for n, text in pages.items()}
    mentions = {n: len(name.findall(text)) for n, text in joined.items()}
    pages_naming = sorted(n for n, count in mentions.items() if count)
    where = f"text layer, pp. {pages_naming[0]}-{pages_naming[-1]}" if pages_naming else ""
    rows = [
        ("last-printed-page", "Last printed page number of the report", last_printed, "pages",
         f"final page (p. {last_printed})",
         f"{len(pages)} page files; {len(numbered)} carry their printed number"),
        ("page-files", "Pages in the report's text layer (printed pages and any unnumbered "
         "final page)", len(pages), "pages", "whole text layer", ""),
        ("deepseek-mentions", "Occurrences of the name DeepSeek in the report's text, any "
         "letter case (prose, notes, chart labels and the appendix)",
         sum(mentions.values()), "mentions", where,
         "every occurrence counted, including model names such as DeepSeek-V3, "
         "lower-case model identifiers in chart labels and labels set one letter per line"),
        ("deepseek-mentions-exact", "Occurrences of the name DeepSeek in the report's text, "
         "written 'DeepSeek'", sum(len(exact.findall(t)) for t in joined.values()), "mentions",
         where, ""),
        ("deepseek-pages", "Printed pages of the report that name DeepSeek",
         len(pages_naming), "pages", where, ""),
    ]
    return pd.DataFrame(rows, columns=["count_id", "quantity", "value", "unit", "location",
                                       "note"]).assign(source_id="aiindex-2025", period="2025")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True,
                        help="folder of the report's text layer (pages/NNN.txt)")
    parser.add_argument("--out", default=str(ROOT / "data/ai-index/report_text_counts.csv"))
    args = parser.parse_args(argv)
    pages = read_pages(Path(args.source))
    digest = sha256_hex(*(pages[n].encode("utf-8") for n in sorted(pages)))
    write_extract(tidy(pages), Path(args.out), origin=AI_INDEX_2025_TEXT,
                  input_sha256=digest, script="scripts/count_ai_index_text.py",
                  note="input_sha256 is over the page files' text, in page order; the "
                       "counts are of the text layer (words drawn as images, if any, are "
                       "not in it)")


if __name__ == "__main__":
    main()
