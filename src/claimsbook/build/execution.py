"""What a chapter's execution depended on, recorded beside its verdicts so that the
build can tell when a cached execution has gone stale."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core import datapackage
from ..core.paths import project_root


def source_digest() -> str:
    """One digest of the package's code: a change to it re-executes every chapter."""
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
