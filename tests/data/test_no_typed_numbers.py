"""No number that the data or the computation should supply is typed by hand: not in
the checks tables' texts (they name figures as {table/row} or {computed/key}
references, which the package renders) and not in the chapters' code cells."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = sorted((ROOT / "data").glob("*/checks.csv"))
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
TEXT_COLUMNS = ("searched", "note")

# What may stay literal in a text: references, years and dates, the numbers of figures,
# tables, pages, chapters, sections and paragraphs, quarters and halves, and product
# names that carry a version number.
REFERENCE = re.compile(r"\{[a-z0-9][a-z0-9-]*/[A-Za-z0-9_.:+-]+\}")
DATE = re.compile(r"\b(19|20)\d{2}(-\d{2}(-\d{2})?)?(/(19|20)?\d{2})?\b")
LOCATOR = re.compile(
    r"\b(fig(ure)?s?\.?|tables?|p{1,2}\.|pages?|ch(apter)?\.?|sections?|para(graph)?s?\.?|"
    r"rows?|seeds?/|articles?|items?|rank(ed)?|top|level|Q|H)\s?\d+([.–-]\d+)*([, ]+(and )?\d+([.–-]\d+)*)*",
    re.IGNORECASE)
PRODUCT = re.compile(
    r"\b(GPT|Gemini|Claude|Llama|Qwen|QwQ|DeepSeek|Grok|Mistral|Hunyuan|Kimi|Doubao|Yi|"
    r"Ernie|ERNIE|GLM|ChatGLM|o|MiniMax|Step|Spark|Baichuan|Phi|Gemma|iPhone|Galaxy)"
    r"[- ]?\d+(\.\d+)*", re.IGNORECASE)
STANDALONE_NUMBER = re.compile(r"(?<![\w.\-/])\d+(?:[.,]\d+)*(?![\w\-/])")


def typed_numbers(text: str) -> list[str]:
    """Numbers left in a text once references and allowed literals are taken out."""
    for pattern in (REFERENCE, DATE, LOCATOR, PRODUCT):
        text = pattern.sub(" ", text)
    return STANDALONE_NUMBER.findall(text)


def test_the_scanner_finds_typed_numbers_and_spares_allowed_literals():
    assert typed_numbers("the report's 3,833 is the 2010 count") == ["3,833"]
    assert typed_numbers("(20 − 0.07) / 20") == ["20", "0.07", "20"]
    assert typed_numbers("{ai-index-report-figures/patents-2010} in 2010, fig. 1.2.1, p. 42; "
                         "GPT-4.5 and Gemini 2.5 Pro; Q2 2025; pp. 86–100; MATH Level 5") == []


@pytest.mark.parametrize("path", CHECKS, ids=lambda p: p.parent.name)
def test_checks_texts_type_no_numbers(path):
    checks = pd.read_csv(path, dtype=str, keep_default_na=False)
    found = [f"{row['claim_id']}.{column}: {typed_numbers(row[column])}"
             for row in checks.to_dict("records") for column in TEXT_COLUMNS
             if typed_numbers(row[column])]
    assert not found, ("numbers typed in checks texts (use {table/row} or {computed/key} "
                       "references):\n" + "\n".join(found))


# Literals a code cell may hold: indices, halves, percentages' hundred, months per year.
ALLOWED_NUMBERS = {0, 1, 2, 12, 100}


def code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"]
            if cell["cell_type"] == "code"
            and "parameters" not in cell.get("metadata", {}).get("tags", [])]


def typed_in_code(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                continue
            if isinstance(node.value, int | float) and node.value not in ALLOWED_NUMBERS:
                found.append(repr(node.value))
            elif isinstance(node.value, str) and typed_numbers(node.value):
                found.append(repr(node.value))
    return found


def test_the_code_scanner_finds_literals():
    found = typed_in_code('x = f(3.5)\ny = "from 20 to 0.07"\nz = chapter.load("t-2024")')
    assert sorted(found) == ["'from 20 to 0.07'", "3.5"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_code_cells_type_no_numbers(path):
    found = [literal for source in code_cells(path) for literal in typed_in_code(source)]
    assert not found, (f"{path.name}: literals in code cells that the data or the package "
                       f"should supply: {found}")
