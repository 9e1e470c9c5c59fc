"""Whether a chapter's last execution can be reused: read from the record the chapter
wrote of what it read (:mod:`claimsbook.core.inputs`). The build re-executes the
chapter only when one of those inputs, or the notebook's code, changed
(:func:`stale_reason`): editing the module of another chapter leaves it alone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..core import i18n
from ..core.inputs import sha256_file
from ..core.paths import ledger_dir, project_root

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def deps_path(chapter: str, folder: Path | None = None) -> Path:
    return (folder or ledger_dir()) / f"{chapter}.deps.json"


def read_dependencies(chapter: str, folder: Path | None = None) -> dict[str, Any] | None:
    path = deps_path(chapter, folder)
    if not path.is_file():
        return None
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else None


def stale_reason(chapter: str, notebook_hash: str, folder: Path | None = None) -> str | None:
    """Why a chapter's last execution cannot be reused, or None: its verdicts are
    missing, its code changed, or a module it imported or a file it read changed."""
    folder = folder or ledger_dir()
    deps = read_dependencies(chapter, folder)
    if deps is None or not (folder / f"{chapter}.csv").is_file():
        return "no verdicts recorded from an earlier run"
    if deps.get("notebook") != notebook_hash:
        return "its code changed since it ran"
    root = project_root()
    for name, record in deps.get("modules", {}).items():
        path = root / record["path"]  # an absolute path stays absolute
        if not path.is_file():
            return f"module {name} ({record['path']}), which it imported, is gone"
        if sha256_file(path) != record["sha256"]:
            return f"module {name} ({record['path']}) changed since it ran"
    for name, digest in deps.get("files", {}).items():
        path = root / name
        if not path.is_file():
            return f"{name}, which it read, is gone"
        if sha256_file(path) != digest:
            return f"{name} changed since it ran"
    return None


def package_digest(lang: str = i18n.ENGLISH) -> str:
    """One digest of what renders an edition's pages: the package's code and templates
    and, for a translated edition, its message catalogs (every page's views are rendered
    through them at read time, so an edited translation re-reads the pages, and
    re-executes no chapter)."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc"]
    if lang != i18n.ENGLISH:
        files += [i18n.catalog_path(domain, lang)
                  for domain in (i18n.CODE_DOMAIN, i18n.DATA_DOMAIN)]
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
