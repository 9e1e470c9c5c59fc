"""What a chapter's execution depended on, recorded by the chapter itself.

When a chapter saves its verdicts (:meth:`claimsbook.core.ledger.Ledger.save`), it
writes ``<chapter>.deps.json`` beside them: the digest of every data file it read and
of every ``claimsbook`` module it had imported (``sys.modules`` at that moment). The
build re-executes the chapter only when one of these, or the notebook's code,
changed (:func:`stale_reason`): editing the module of another chapter leaves it alone.

This module runs inside every chapter's kernel, so it imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from ..core.paths import ledger_dir, project_root

PACKAGE = "claimsbook"
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _display(path: Path, root: Path) -> str:
    """Paths inside the book relative to its root (a copy of the book stays valid);
    anything else (a package installed elsewhere) absolute."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path.resolve())


def imported_modules() -> dict[str, dict[str, str]]:
    """Every ``claimsbook`` module loaded in this interpreter, with its file and digest."""
    root = project_root()
    modules: dict[str, dict[str, str]] = {}
    for name, module in sorted(sys.modules.items()):
        if name != PACKAGE and not name.startswith(PACKAGE + "."):
            continue
        file = getattr(module, "__file__", None)
        if not file or not Path(file).is_file():
            continue
        modules[name] = {"path": _display(Path(file), root), "sha256": sha256_file(Path(file))}
    return modules


def files_read() -> dict[str, str]:
    """The data files read through :mod:`claimsbook.core.datapackage`, with digests."""
    from ..core import datapackage  # loaded already in a chapter; heavy for the build

    root = project_root()
    return {_display(Path(name), root): digest
            for name, digest in sorted(datapackage.files_read.items())}


def write_dependencies(path: Path) -> None:
    """Record what this execution depended on (called when a chapter saves its verdicts)."""
    payload = {"modules": imported_modules(), "files": files_read()}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


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


def package_digest() -> str:
    """One digest of all the package's code. Pages other than chapters (the appendix,
    the cards' styles) are rendered by the package and re-read when it changes;
    chapters use their own, narrower record above."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
