"""What a computation read, recorded by the computation itself.

When a chapter saves its verdicts (:meth:`claimsbook.core.ledger.Ledger.save`), it
writes ``<chapter>.deps.json`` beside them: the data files it read and the
``claimsbook`` modules it had imported. A notebook test holds each chapter's declared
inputs (``READS``, ``USES``: what the build's staleness check trusts) to this record.

This module runs inside every chapter's kernel, so it imports nothing heavy.
"""

from __future__ import annotations

import json
import sys
from contextvars import ContextVar
from pathlib import Path

from .paths import project_root

# The files this context has read, kept by this module alone: data tables
# (core.datapackage) and catalogs (core.i18n) report each read here.
_READ: ContextVar[set[Path] | None] = ContextVar("claimsbook_files_read", default=None)


def record_read(path: Path) -> None:
    """Note that this context read ``path``."""
    read = _READ.get()
    if read is None:
        _READ.set(read := set())
    read.add(path.resolve())


def files_read() -> list[str]:
    """The files read in this context, relative to the book's root where inside it."""
    root = project_root().resolve()
    return sorted(p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
                  for p in _READ.get() or ())


def write_dependencies(path: Path) -> None:
    """Record what this execution read and imported (when a chapter saves its verdicts)."""
    modules = sorted(name for name in sys.modules if name.split(".")[0] == "claimsbook")
    payload = {"modules": modules, "files": files_read()}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
