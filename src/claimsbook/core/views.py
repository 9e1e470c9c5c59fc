"""Outputs computed once, rendered in each edition's language.

A chapter's kernel computes; it does not write the reader's sentences. Whatever a reader
reads (a sentence in prose, a table, a chart, a claim card) leaves the kernel as a
:class:`View`: the function that renders it and the computed values it renders, stored
in the notebook's output as a MIME bundle of type :data:`MIME`. When Sphinx builds an
edition, the book's renderer (:mod:`claimsbook.site.views`) calls the function in that
edition's language. One execution serves every edition; a new language adds rendering
time only.

The bundle also carries the English rendering, so that the executed notebook reads in
Jupyter, under nbval and in ``claimsbook run`` as before.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import io
import operator
import os
import pickle
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import settings

MIME = "application/vnd.claimsbook.view+json"
# Bumped when the payload's layout changes: an old cached execution is then refused
# with a message instead of being misread.
PAYLOAD_VERSION = 1


class ViewError(ValueError):
    """A stored view that cannot be rendered (another payload version, a function
    that no longer exists)."""


@dataclass(frozen=True, eq=False)
class View:
    """``function(*args, **kwargs)`` rendered later, in a given language. Arguments
    that are views themselves are rendered first, in the same language."""

    function: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> Any:
        if language is None:
            return self._call()
        with settings.use(language=language):
            return self._call()

    def _call(self) -> Any:
        args = [resolve(arg) for arg in self.args]
        kwargs = {key: resolve(value) for key, value in self.kwargs.items()}
        return self.function(*args, **kwargs)

    def __getitem__(self, key: Any) -> View:
        """One item of what the function returns (a name -> text mapping for prose)."""
        return View(operator.getitem, (self, key))

    @property
    def name(self) -> str:
        function = self.function
        return f"{getattr(function, '__module__', '?')}:{getattr(function, '__qualname__', '?')}"

    def payload(self) -> dict[str, Any]:
        return {"version": PAYLOAD_VERSION, "call": self.name,
                "pickle": base64.b64encode(dumps(self)).decode("ascii")}

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return bundle(self)


def later(function: Callable[..., Any], *args: Any, **kwargs: Any) -> View:
    """``function(*args, **kwargs)``, called when an edition renders it."""
    return View(function, args, kwargs)


def resolve(value: Any) -> Any:
    """A view rendered in the current language (once per view and language in a
    process: the same values feed several outputs); anything else as it is."""
    if isinstance(value, View):
        key = (id(value), settings.language_setting())
        if key not in _RENDERED:
            _RENDERED[key] = (value, value.render())  # the view kept: its id stays its own
        return _RENDERED[key][1]
    if isinstance(value, tuple):
        return tuple(resolve(item) for item in value)
    if isinstance(value, list):
        return [resolve(item) for item in value]
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    return value


# Renderings of views in this process, by view and language. A view read back from the
# store is one object however many outputs refer to it (see _stored).
_RENDERED: dict[tuple[int, str], tuple[View, Any]] = {}

# --- storage: a view's payload, and the large tables it refers to ----------------------

# A view inside a view, and a table whose pickle is larger than this, are stored once
# in the build's view store (content-addressed) and referred to by their digest: the same
# values feed many outputs, and a view read back once is one object for all of them.
LARGE = 16 * 1024


def store_dir() -> Path:
    from .paths import build_dir

    return build_dir() / "views"


class _Pickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, root: object) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self._root = root

    def persistent_id(self, obj: Any) -> str | None:
        if obj is self._root:
            return None
        if isinstance(obj, View):
            return _store(dumps(obj))
        if isinstance(obj, pd.DataFrame | pd.Series):
            data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
            return _store(data) if len(data) > LARGE else None
        return None


def _store(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:40]
    path = store_dir() / f"{digest}.pickle"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)  # whole or absent, whoever else writes it
    return digest


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        return _stored(str(pid))


@functools.lru_cache(maxsize=4096)
def _stored(digest: str) -> Any:
    path = store_dir() / f"{digest}.pickle"
    if not path.is_file():
        raise ViewError(f"a value a chapter's output refers to is missing ({path}); "
                        "delete _build/.jupyter_cache and run make book to re-execute the chapters")
    return _Unpickler(io.BytesIO(path.read_bytes())).load()


def dumps(view: View) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, view).dump(view)
    return buffer.getvalue()


def from_payload(payload: Mapping[str, Any]) -> View:
    if payload.get("version") != PAYLOAD_VERSION:
        raise ViewError(f"a stored view of payload version {payload.get('version')!r}; this "
                        f"package reads version {PAYLOAD_VERSION}: re-execute the chapter")
    return _unpickle(str(payload["pickle"]))


@functools.lru_cache(maxsize=1024)
def _unpickle(encoded: str) -> View:
    try:
        view = _Unpickler(io.BytesIO(base64.b64decode(encoded))).load()
    except (AttributeError, ImportError, pickle.UnpicklingError) as error:
        raise ViewError(f"a stored view names code that is gone ({error}): re-execute the "
                        "chapter") from None
    if not isinstance(view, View):
        raise ViewError(f"a stored view holds a {type(view).__name__}, not a View")
    return view


def render_payload(payload: Mapping[str, Any], language: str) -> Any:
    """What a stored view shows in ``language``."""
    with settings.use(language=language):
        return resolve(from_payload(payload))


def as_html(value: Any) -> str:
    """A rendered value as HTML: a styled table, an object with ``_repr_html_`` (cards,
    figures), else its text."""
    to_html = getattr(value, "to_html", None)
    if callable(to_html) and type(value).__name__ == "Styler":
        return str(to_html())
    repr_html = getattr(value, "_repr_html_", None)
    if callable(repr_html):
        return str(repr_html())
    return html.escape(as_text(value))


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def bundle(view: View) -> dict[str, Any]:
    """The output of a view in a notebook: its payload, and for a reader of the notebook
    itself (Jupyter, nbval) its English rendering, unless previews are off (the book's
    and the tests' executions: they read the payload). No static chart drawing is made
    for a preview: the book draws its charts when it renders them."""
    data: dict[str, Any] = {MIME: view.payload()}
    if not settings.previews():
        return {**data, "text/plain": f"<{view.name}, rendered by the book in each language>"}
    with settings.use(static_charts=False):
        shown = view.render(settings.ENGLISH)
    data["text/plain"] = as_text(shown)
    if not isinstance(shown, str | int | float):
        data["text/html"] = as_html(shown)
    return data


def text_bundle(view: View) -> dict[str, Any]:
    """A text glued into prose: its payload and its English (the parameter sets'
    expectations compare it)."""
    shown = view.render(settings.ENGLISH)
    if not isinstance(shown, str):
        raise TypeError(f"{view.name} gave a {type(shown).__name__}, not a text for prose")
    return {MIME: view.payload(), "text/plain": shown}


@dataclass(frozen=True)
class _Glued:
    """What ``glue`` publishes for a text view."""

    data: dict[str, Any]

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return self.data


def glueable(value: Any) -> Any:
    """``value`` as myst-nb's ``glue`` should publish it: a view as a text for prose."""
    return _Glued(text_bundle(value)) if isinstance(value, View) else value


def items(view: View) -> Iterator[tuple[str, Any]]:
    """A view of a name -> value mapping, item by item: texts as views of their item,
    numbers as they are (a number reads the same in every edition)."""
    english = view.render(settings.ENGLISH)
    for key, value in english.items():
        yield key, view[key] if isinstance(value, str) else value
