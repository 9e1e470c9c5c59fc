"""Validation of a chapter's papermill parameters.

Each chapter declares a :data:`Spec` (parameter name → rule) in the package and
validates its ``parameters`` cell on entry. A bad value stops the notebook with
an error naming the parameter, the value given and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ParameterError(ValueError):
    """A parameter's value is not one the chapter accepts."""


def _fail(name: str, value: object, allowed: str) -> ParameterError:
    return ParameterError(f"parameter {name!r} = {value!r} is not allowed: expected {allowed}")


class Rule(Protocol):
    def __call__(self, name: str, value: Any) -> Any: ...


@dataclass(frozen=True)
class OneOf:
    """One value out of a fixed set."""

    allowed: tuple[str, ...]

    def __call__(self, name: str, value: Any) -> str:
        if not isinstance(value, str) or value not in self.allowed:
            raise _fail(name, value, "one of " + ", ".join(repr(a) for a in self.allowed))
        return value


@dataclass(frozen=True)
class SubsetOf:
    """A non-empty list of distinct values out of a fixed set."""

    allowed: tuple[str, ...]

    def __call__(self, name: str, value: Any) -> list[str]:
        listing = ", ".join(repr(a) for a in self.allowed)
        if isinstance(value, str) or not isinstance(value, Sequence) or not value:
            raise _fail(name, value, f"a non-empty list drawn from {listing}")
        unknown = [item for item in value if item not in self.allowed]
        if unknown:
            raise _fail(name, value, f"items drawn from {listing} (unknown: {unknown!r})")
        if len(set(value)) != len(value):
            raise _fail(name, value, "a list without repeated items")
        return list(value)


@dataclass(frozen=True)
class Number:
    """A finite number within ``[minimum, maximum]``; ``integer`` asks for a whole number."""

    minimum: float = -math.inf
    maximum: float = math.inf
    integer: bool = False

    def __call__(self, name: str, value: Any) -> float | int:
        kind = "an integer" if self.integer else "a number"
        allowed = f"{kind} from {self.minimum} to {self.maximum}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(name, value, allowed)
        if not math.isfinite(value) or not self.minimum <= value <= self.maximum:
            raise _fail(name, value, allowed)
        if self.integer and value != int(value):
            raise _fail(name, value, allowed)
        return int(value) if self.integer else float(value)


@dataclass(frozen=True)
class Date:
    """An ISO date (``YYYY-MM-DD``) within ``[earliest, latest]``."""

    earliest: str
    latest: str

    def __call__(self, name: str, value: Any) -> dt.date:
        allowed = f"an ISO date YYYY-MM-DD from {self.earliest} to {self.latest}"
        if isinstance(value, dt.date):
            parsed = value
        elif isinstance(value, str) and ISO_DATE.match(value):
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                raise _fail(name, value, allowed) from None
        else:
            # Python also reads 20240101 as a date; a parameter must be unambiguous.
            raise _fail(name, value, allowed)
        if not dt.date.fromisoformat(self.earliest) <= parsed <= dt.date.fromisoformat(
            self.latest
        ):
            raise _fail(name, value, allowed)
        return parsed


@dataclass(frozen=True)
class Flag:
    """``True`` or ``False`` (not 0/1, not a string)."""

    def __call__(self, name: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise _fail(name, value, "True or False")
        return value


Spec = Mapping[str, Rule]


@dataclass(frozen=True)
class Before:
    """Two validated date parameters that must come in order: ``first`` strictly
    before ``second`` (each may be valid alone, yet the pair reversed)."""

    first: str
    second: str

    def __call__(self, values: Mapping[str, Any]) -> None:
        if not values[self.first] < values[self.second]:
            raise ParameterError(
                f"parameters {self.first!r} = {values[self.first].isoformat()!r} and "
                f"{self.second!r} = {values[self.second].isoformat()!r} are not allowed: "
                f"expected {self.first!r} before {self.second!r}"
            )


def validate(
    spec: Spec, values: Mapping[str, Any], order: Sequence[Before] = ()
) -> dict[str, Any]:
    """Check every parameter of ``spec`` in ``values`` (a notebook passes ``globals()``),
    then every pair in ``order``, and return the validated, typed values."""
    missing = [name for name in spec if name not in values]
    if missing:
        raise ParameterError(f"parameters missing from the notebook: {', '.join(missing)}")
    checked = {name: rule(name, values[name]) for name, rule in spec.items()}
    for pair in order:
        pair(checked)
    return checked


def check_names(spec: Spec, given: Mapping[str, Any]) -> None:
    """Refuse parameter names that the chapter does not declare (a typo would
    otherwise be injected and silently ignored)."""
    unknown = sorted(set(given) - set(spec))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))}; "
            f"this chapter takes: {', '.join(spec)}"
        )
