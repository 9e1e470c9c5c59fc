"""The layers, enforced: import-linter's contracts (pyproject.toml) hold, and only the
settings module reads the process environment."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "claimsbook"


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_only_the_settings_module_reads_the_environment():
    reads = re.compile(r"os\.environ(?!\.update\()|os\.getenv|getenv\(")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name != "settings.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if reads.search(line.split("#")[0]) and "``" not in line]
    assert found == []
