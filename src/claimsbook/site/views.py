"""The chapters' outputs rendered in each edition's language (see
:mod:`claimsbook.core.views`): a myst-nb MIME renderer for cell outputs and the
``glue:text`` role for values in prose."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any, ClassVar

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer
from myst_nb.core.variables import RetrievalError
from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.ext.glue.crossref import read_glue_cache
from myst_nb.ext.glue.utils import PendingGlueReference, glue_warning, retrieve_glue_data
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core import settings, views
from ..core.numbers import fmt_prose, is_chinese_scale


def edition_language(document: nodes.document) -> str:
    """The language of the edition being built. A translated paragraph is parsed in a
    document of its own, without Sphinx's environment: there, the language the build
    gave this process."""
    env = getattr(document.settings, "env", None)
    language = getattr(getattr(env, "config", None), "language", None)
    return str(language or settings.language_setting())


class ViewRenderer:
    """myst-nb's ``myst_nb.mime_renderers`` plugin for :data:`views.MIME`: preferred to
    every other format of an output, by every builder."""

    mime_priority_overrides: ClassVar[list[tuple[str, str, int | None]]] = [
        ("*", views.MIME, 0)]

    @staticmethod
    def handle_mime(renderer: NbElementRenderer, data: MimeData,
                    inline: bool) -> list[nodes.Element] | None:
        if data.mime_type != views.MIME:
            return None
        shown = views.render_payload(data.content, edition_language(renderer.renderer.document))
        if isinstance(shown, str) and inline:
            return [nodes.inline(shown, shown, classes=["pasted-text"])]
        html = views.as_html(shown)
        return [nodes.raw("", html, format="html", classes=["output", "text_html"])]


class ValueRole(PasteTextRole):
    """``{glue:text}`name:spec``` as myst-nb has it, except that a value that is a view
    is rendered in the edition's language (then formatted with ``spec`` if it is a
    number), and that ``spec`` may be a Chinese scale (``zh-million``: see
    :func:`claimsbook.core.numbers.fmt_prose`)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key, _, spec = self.text.partition(":")
        if "::" in self.text:  # a value from another page: myst-nb's own path
            return super().run()
        try:
            found = retrieve_glue_data(self.document, key)
        except RetrievalError:
            return super().run()
        payload = found.data.get(views.MIME)
        if payload is None and not is_chinese_scale(spec):
            return super().run()
        try:
            text = value_text(found.data, edition_language(self.document), spec)
        except (TypeError, ValueError) as error:
            return [], [glue_warning(f"cannot format {key!r} with {spec!r}: {error}",
                                     self.document, self.line)]
        node = nodes.inline(text, text, classes=["pasted-text"])
        self.set_source_info(node)
        return [node], []


def value_text(data: Mapping[str, Any], language: str, spec: str) -> str:
    """A glued value (a view, or a plain value's text) as prose shows it."""
    payload = data.get(views.MIME)
    if payload is not None:
        value = views.render_payload(payload, language)
    else:
        text = str(data.get("text/plain", ""))
        try:
            value = ast.literal_eval(text)
        except (SyntaxError, ValueError):
            value = text
    return fmt_prose(value, "" if spec == "s" and not isinstance(value, str) else spec)


class RenderPendingViews(SphinxPostTransform):
    """The values in a translated paragraph: myst-nb resolves them as references to
    the page's own glue cache (see :mod:`claimsbook.site.translations`), from the
    English text; a value that is a view, or that has a Chinese scale for its format, is
    rendered here, in the edition's language, before myst-nb's own transform (priority
    5) sees it."""

    default_priority = 4

    def apply(self, **kwargs: Any) -> None:
        folder = self.env.mystnb_config.output_folder  # type: ignore[attr-defined]
        language = str(self.config.language or settings.language_setting())
        for node in list(self.document.findall(PendingGlueReference)):
            if node.gtype != "text":
                continue
            data = (read_glue_cache(folder, node.refdoc).get(node.key) or {}).get("data", {})
            spec = node.get("fmt_spec") or "s"
            if views.MIME not in data and not is_chinese_scale(spec):
                continue  # myst-nb's own transform formats it
            text = value_text(data, language, spec)
            node.replace_self(nodes.inline(text, text, classes=["pasted-text"]))


GLUE_PREFIX = "application/papermill.record/"


def glued_payload(notebook: Any, name: str) -> dict[str, Any]:
    """The view a notebook glued under ``name``."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("metadata", {}).get("scrapbook", {}).get("name") != name:
                continue
            data = output.get("data", {})
            payload = data.get(views.MIME) or data.get(GLUE_PREFIX + views.MIME)
            if payload is not None:
                return dict(payload)
    raise LookupError(f"the executed notebook glued no view named {name!r}")
