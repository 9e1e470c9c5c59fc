"""The package's annotations hold: mypy, configured in pyproject.toml.

mypy runs in a process of its own from the moment this module is collected, beside the
other tiers (a cold check, a fresh clone's first, takes several seconds of one core);
the test waits for its verdict."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHECK = subprocess.Popen(
    [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
     "--cache-dir", str(ROOT / "_build" / ".mypy_cache"), str(ROOT / "src" / "claimsbook")],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)


def test_the_package_type_checks():
    report, _ = _CHECK.communicate()
    assert _CHECK.returncode == 0, report
