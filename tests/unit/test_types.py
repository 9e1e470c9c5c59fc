"""The package's annotations hold: mypy, configured in pyproject.toml."""

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_type_checks():
    report, errors, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(ROOT / "_build" / ".mypy_cache"),
        str(ROOT / "src" / "claimsbook"),
    ])
    assert status == 0, report + errors
