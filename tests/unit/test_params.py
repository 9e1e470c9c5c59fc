"""Every parameter kind refuses a bad value with an error naming it."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from claimsbook.core import params
from claimsbook.core.params import ParameterError


def test_one_of():
    rule = params.OneOf(("arena-score", "online-elo"))
    assert rule("metric", "online-elo") == "online-elo"
    with pytest.raises(ParameterError, match=r"parameter 'metric' = 'elo' is not allowed: "
                       r"expected one of 'arena-score', 'online-elo'"):
        rule("metric", "elo")


@pytest.mark.parametrize("bad", ["MMLU", [], ["MMLU", "MMLU"], ["MMLU", "GSM8K"], 3])
def test_subset_of(bad):
    rule = params.SubsetOf(("MMLU", "MATH"))
    assert rule("benchmarks", ["MATH"]) == ["MATH"]
    with pytest.raises(ParameterError, match="parameter 'benchmarks'"):
        rule("benchmarks", bad)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan, math.inf, "0.5", True, None])
def test_number(bad):
    rule = params.Number(0, 1)
    assert rule("share", 0.25) == 0.25
    with pytest.raises(ParameterError, match=r"parameter 'share' = .* expected a number from 0 to 1"):
        rule("share", bad)


def test_integer():
    rule = params.Number(1, 12, integer=True)
    assert rule("months", 3) == 3
    with pytest.raises(ParameterError, match="expected an integer"):
        rule("months", 2.5)


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2019-12-31", "2026-01-01", 20240101])
def test_date(bad):
    rule = params.Date("2020-01-01", "2025-12-31")
    assert rule("snapshot", "2024-01-06") == dt.date(2024, 1, 6)
    with pytest.raises(ParameterError, match=r"parameter 'snapshot' = .* ISO date YYYY-MM-DD"):
        rule("snapshot", bad)


@pytest.mark.parametrize("bad", [1, 0, "True", None])
def test_flag(bad):
    assert params.Flag()("open_only", False) is False
    with pytest.raises(ParameterError, match="expected True or False"):
        params.Flag()("open_only", bad)


def test_validate_reports_missing_and_unknown_names():
    spec = {"a": params.Number(0, 1), "b": params.Flag()}
    assert params.validate(spec, {"a": 1, "b": True, "other": 3}) == {"a": 1.0, "b": True}
    with pytest.raises(ParameterError, match="missing from the notebook: b"):
        params.validate(spec, {"a": 1})
    with pytest.raises(ParameterError, match="unknown parameter\\(s\\) 'c'; this chapter takes: a, b"):
        params.check_names(spec, {"c": 1})


def test_dates_valid_alone_but_reversed_are_refused():
    spec = {"start": params.Date("2023-01-01", "2025-12-31"),
            "end": params.Date("2023-01-01", "2025-12-31")}
    order = (params.Before("start", "end"),)
    ok = params.validate(spec, {"start": "2024-01-09", "end": "2025-02-14"}, order)
    assert ok["start"] < ok["end"]
    for start, end in (("2025-02-14", "2024-01-09"), ("2024-01-09", "2024-01-09")):
        with pytest.raises(params.ParameterError,
                           match=rf"'start' = '{start}' and 'end' = '{end}' are not allowed: "
                                 r"expected 'start' before 'end'"):
            params.validate(spec, {"start": start, "end": end}, order)
