"""Test-wide settings: executions under test never write into the book's _build."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def pytest_configure(config) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="claimsbook-tests-"))
    os.environ["CLAIMSBOOK_ROOT"] = str(ROOT)
    # nbval kernels inherit these: their verdicts and chart data stay out of the book.
    os.environ["CLAIMSBOOK_LEDGER_DIR"] = str(scratch / "nbval-ledger")
    os.environ["CLAIMSBOOK_CHART_DATA_DIR"] = str(scratch / "nbval-chart-data")
    os.environ.setdefault("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
