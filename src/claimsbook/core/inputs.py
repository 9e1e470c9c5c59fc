"""What a computation read, recorded by the computation itself.

When a chapter saves its verdicts (:meth:`claimsbook.core.ledger.Ledger.save`), it
writes ``<chapter>.deps.json`` beside them: the digest of every data file it read and
of every ``claimsbook`` module it had imported (``sys.modules`` at that moment). The
site layer decides from that record whether a chapter is stale
(:mod:`claimsbook.site.dependencies`).

This module runs inside every chapter's kernel, so it imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import json
import sys
from contextvars import ContextVar
from pathlib import Path

from .paths import project_root

PACKAGE = "claimsbook"


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


# The files this context has read (path -> sha256), kept by this module alone: data
# tables (core.datapackage) and catalogs (core.i18n) report each read here.
_READ: ContextVar[dict[str, str] | None] = ContextVar("claimsbook_files_read", default=None)


def record_read(path: Path) -> None:
    """Note that this context read ``path`` (its digest as read)."""
    read = _READ.get()
    if read is None:
        read = {}
        _READ.set(read)
    read[str(path.resolve())] = sha256_file(path)


def files_read() -> dict[str, str]:
    """The files read in this context, with digests."""
    root = project_root()
    return {_display(Path(name), root): digest
            for name, digest in sorted((_READ.get() or {}).items())}


def write_dependencies(path: Path) -> None:
    """Record what this execution depended on (called when a chapter saves its verdicts)."""
    payload = {"modules": imported_modules(), "files": files_read()}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
