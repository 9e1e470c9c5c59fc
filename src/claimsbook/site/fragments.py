"""The appendix pages' HTML, from the Jinja templates beside this module (``fragments/``).

The functions that fill them (:mod:`.appendix`, :mod:`.findings`, :mod:`.corrections`)
pass texts already in the reader's language; a translated message with HTML in its
placeholders goes through the ``fill`` filter, which escapes the message and every value
that is not already markup."""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup


def fill(message: str, **values: Any) -> Markup:
    return Markup.escape(message).format(**values)


@functools.cache
def _environment() -> Environment:
    environment = Environment(loader=PackageLoader("claimsbook.site", "fragments"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)
    environment.filters["fill"] = fill
    return environment


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)
