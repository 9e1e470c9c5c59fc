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


def test_settings_are_one_object_read_once_and_changed_for_a_block(monkeypatch):
    from claimsbook.core import settings

    settings.refresh()
    before = settings.current()
    monkeypatch.setenv(settings.LANG_ENV, "zh_CN")
    assert settings.current() is before and settings.language_setting() == "en"
    with settings.use(language="zh_CN", jobs=3) as changed:
        assert changed.language == "zh_CN" and settings.jobs() == 3
    assert settings.current() is before
    assert settings.refresh().language == "zh_CN"
