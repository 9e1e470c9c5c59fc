"""Unit tests for claimsbook.months_behind; expected values worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from claimsbook import months_behind as mb
from claimsbook.lag import DAYS_PER_MONTH
from claimsbook.params import ParameterError, validate


def models(*rows: tuple[str, str, float, str, object]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["country", "date", "score", "model", "open_weights"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["organization"] = frame["model"]
    frame["open_weights"] = pd.array(frame["open_weights"], dtype="boolean")
    return frame


@pytest.fixture
def toy() -> pd.DataFrame:
    # US: 50 on 2023-01-01 (first US model), 60 on 2023-07-01.
    # CN: 50 on 2023-06-01, 60 on 2024-01-01 (open), 70 on 2024-03-01 (open).
    return models(
        ("United States", "2023-01-01", 50, "us-a", False),
        ("United States", "2023-07-01", 60, "us-b", True),
        ("China", "2023-06-01", 50, "cn-a", pd.NA),
        ("China", "2024-01-01", 60, "cn-b", True),
        ("China", "2024-03-01", 70, "cn-c", True),
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("United States of America", "United States"),
        ("China", "China"),
        ("Hong Kong,China", "China"),
        ("France", "Europe"),
        ("Germany,United States of America", "Multinational"),
        ("United States of America,China", "Multinational"),
        ("United Arab Emirates", "Other"),
        (None, "Other"),
        (float("nan"), "Other"),
    ],
)
def test_classify_country(raw: object, expected: str) -> None:
    assert mb.classify_country(raw) == expected


def test_is_open_weights() -> None:
    assert mb.is_open_weights("Open weights (restricted use)") is True
    assert mb.is_open_weights("API access") is False
    assert mb.is_open_weights(pd.NA) is pd.NA


def test_select_models_open_weights_drops_unknown(toy: pd.DataFrame) -> None:
    out = mb.select_models(toy, "open-weights")
    assert list(out["model"]) == ["us-b", "cn-b", "cn-c"]
    assert len(mb.select_models(toy, "all")) == 5
    with pytest.raises(ValueError, match="model_set"):
        mb.select_models(toy, "closed")


def test_lag_table_censored_min_models_and_beyond_data(toy: pd.DataFrame) -> None:
    dates = ["2023-06-30", "2023-12-31", "2024-01-31", "2024-03-31"]
    out = mb.lag_table(toy, leader="United States", follower="China", dates=dates,
                       data_end=pd.Timestamp("2024-02-29"))
    # 2023-06-30: CN best 50, reached by the US on 2023-01-01 = its first model -> censored.
    assert out.loc[0, "lag_days"] == 180  # Jan 1 -> Jun 30, 2023
    assert bool(out.loc[0, "censored"]) is True
    # 2023-12-31: CN best 50 still; lag 364 days, still censored.
    assert out.loc[1, "lag_days"] == 364
    # 2024-01-31: CN best 60 reached by US on 2023-07-01: 214 days, not censored.
    assert out.loc[2, "lag_days"] == 214
    assert bool(out.loc[2, "censored"]) is False
    assert out.loc[2, "reached"] == pd.Timestamp("2023-07-01")
    # 2024-03-31 is after data_end.
    assert out.loc[3, "status"] == "beyond-data"
    assert math.isnan(out.loc[3, "lag_months"])
    # With two models required, China has only one until 2024-01-01.
    few = mb.lag_table(toy, leader="United States", follower="China", dates=dates, min_models=2)
    assert list(few["status"][:2]) == ["too-few-models", "too-few-models"]
    assert few.loc[2, "lag_days"] == 214
    assert list(few["n_follower"]) == [1, 1, 2, 3]


def test_lag_table_follower_ahead_is_negative(toy: pd.DataFrame) -> None:
    # 2024-03-31: CN best 70 > US best 60; CN first reached 60 on 2024-01-01: -90 days.
    out = mb.lag_table(toy, leader="United States", follower="China", dates=["2024-03-31"])
    assert out.loc[0, "lag_days"] == -90
    assert out.loc[0, "status"] == "follower-ahead"
    assert bool(out.loc[0, "censored"]) is False


def test_lag_table_country_without_models(toy: pd.DataFrame) -> None:
    out = mb.lag_table(toy, leader="Europe", follower="China", dates=["2024-01-31"])
    assert out.loc[0, "status"] == "no-leader-data"
    assert math.isnan(out.loc[0, "lag_months"])


def test_summarise_and_check_values(toy: pd.DataFrame) -> None:
    s = mb.summarise(toy, mb.LagRules("United States", "China"), metric="eci",
                     start="2022-12-31", early_by="2023-12-31")
    # First measurable month end is 2023-06-30: 180 days, censored lower bound.
    assert s.early_date == pd.Timestamp("2023-06-30")
    assert s.early_lag == pytest.approx(180 / DAYS_PER_MONTH)
    assert s.early_censored
    assert s.early_check_value() is None  # lower bound 5.9 months cannot decide "> 12"
    # Q2 2025: CN 70 ahead of US 60 since 2024-03-01; CN reached 60 on 2024-01-01.
    # 2025-06-30 - 2024-01-01 = 546 days -> -546 days.
    assert s.q2_lag == pytest.approx(-546 / DAYS_PER_MONTH)
    assert s.q2_check_value() == pytest.approx(-546 / DAYS_PER_MONTH)
    row = s.as_row()
    assert row["supports_over_a_year"] == "cannot tell"
    assert row["supports_under_three_months"] == "yes"


def test_censored_lower_bound_above_threshold_is_used() -> None:
    s = mb.Summary("mmlu", 0.0, pd.Timestamp("2023-06-30"), 17.0, True, float("nan"), float("nan"))
    assert s.early_check_value() == 17.0
    assert s.q2_check_value() is None
    assert s.as_row()["supports_over_a_year"] == "yes"
    assert s.as_row()["supports_under_three_months"] == "cannot tell"


def test_sweep_has_one_row_per_metric_and_tolerance(toy: pd.DataFrame) -> None:
    out = mb.sweep({"eci": (toy, None), "mmlu": (toy, pd.Timestamp("2024-12-31"))}, (0, 5),
                   mb.LagRules("United States", "China", tolerance=2.0), start="2022-12-31",
                   early_by="2023-12-31")
    assert len(out) == 4
    assert sorted(out["tolerance"].unique()) == [0.0, 5.0]  # the sweep's, not the rules' 2.0
    assert out.loc[out["metric"] == "mmlu", "q2_2025_lag_months"].isna().all()
    # Tolerance 5: at 2025-06-30 US 60 >= 70 - 5? no, so follower ahead; CN reached 60 - 5 = 55
    # on 2024-01-01 -> same -546 days.
    eci5 = out[(out["metric"] == "eci") & (out["tolerance"] == 5)].iloc[0]
    assert eci5["q2_2025_lag_months"] == pytest.approx(-546 / DAYS_PER_MONTH)


def test_score_margin_and_first_overtaking(toy: pd.DataFrame) -> None:
    assert mb.score_margin(toy, "cn-c", ["us-a", "us-b"]) == 10.0
    with pytest.raises(KeyError, match="missing"):
        mb.score_margin(toy, "missing", ["us-a"])
    # CN frontier: 50 (2023-06-01, US best then 50: not above), 60 (2024-01-01, US 60: not
    # above), 70 (2024-03-01, above) -> 2024-03-01.
    assert mb.first_overtaking(toy, "United States", "China") == pd.Timestamp("2024-03-01")
    # Reversed roles: US 60 on 2023-07-01 rises above China's 50 then.
    assert mb.first_overtaking(toy, "China", "United States") == pd.Timestamp("2023-07-01")
    # A follower that never rises above the leader gives None.
    assert mb.first_overtaking(toy[toy["model"] != "cn-c"], "United States", "China") is None


def test_months_between_and_releases(toy: pd.DataFrame) -> None:
    assert mb.months_between("2023-11-02", "2025-05-28") == pytest.approx(573 / DAYS_PER_MONTH)
    assert mb.first_release(toy, "cn-")["model"] == "cn-a"
    assert mb.release_of(toy, "cn-b") == pd.Timestamp("2024-01-01")


def test_frontier_steps_and_segments(toy: pd.DataFrame) -> None:
    steps = mb.frontier_steps(toy, ["United States", "China"], "2024-06-30")
    us = steps[steps["country"] == "United States"]
    assert list(us["score"]) == [50, 60, 60]
    assert us["date"].iloc[-1] == pd.Timestamp("2024-06-30")
    lags = mb.lag_table(toy, leader="United States", follower="China",
                        dates=["2024-01-31", "2024-03-31"])
    seg = mb.lag_segments(lags)
    assert len(seg) == 1  # the negative lag has no segment
    assert seg.iloc[0]["reached"] == pd.Timestamp("2023-07-01")


def test_arena_models_needs_every_organisation() -> None:
    arena = pd.DataFrame({"model": ["a"], "organization": ["Nowhere Labs"], "first_listed": ["2024-01-01"],
                          "rating": [1200.0], "open_weights": [True]})
    orgs = pd.DataFrame({"organization": ["OpenAI"], "country": ["United States"]})
    with pytest.raises(ValueError, match="Nowhere Labs"):
        mb.arena_models(arena, orgs)


def test_parameters_accept_defaults_and_refuse_bad_values() -> None:
    good = {"metric": "eci", "countries": ["United States", "China"], "start_date": "2022-12-31",
            "end_date": "2025-12-31", "early_by": "2023-06-30", "tolerance": 0.0,
            "model_set": "all", "min_models": 1}
    p = validate(mb.PARAMETERS, good)
    assert p["countries"] == ("United States", "China")
    with pytest.raises(ParameterError, match="'countries'"):
        validate(mb.PARAMETERS, {**good, "countries": ["China", "China"]})
    with pytest.raises(ParameterError, match="'countries'"):
        validate(mb.PARAMETERS, {**good, "countries": "China"})
    with pytest.raises(ParameterError, match="'metric'"):
        validate(mb.PARAMETERS, {**good, "metric": "elo"})
    with pytest.raises(ParameterError, match="'min_models'"):
        validate(mb.PARAMETERS, {**good, "min_models": 0})


def test_lead_changes_and_their_description(toy: pd.DataFrame) -> None:
    changes = mb.lead_changes(toy, "United States", "China")
    # Both countries have a model from 2023-06-01 (a tie at 50: nobody leads); the US
    # takes the lead with 60 on 2023-07-01; CN ties at 60 on 2024-01-01 (no change)
    # and leads with 70 from 2024-03-01.
    assert list(changes["leader"]) == ["United States", "China"]
    assert list(changes["date"]) == [pd.Timestamp("2023-07-01"), pd.Timestamp("2024-03-01")]
    assert changes.iloc[1]["model"] == "cn-c" and changes.iloc[1]["rival_score"] == 60
    assert mb.describe_lead(changes, "China", "the US") == "China first rose above the US on 01 March 2024 (cn-c) and has led since"
    assert mb.describe_lead(changes.iloc[:1], "China", "the US") == "China never rose above the US"
    swapped = pd.concat([changes, pd.DataFrame([{"date": pd.Timestamp("2024-05-01"),
                                                  "leader": "United States", "model": "us-x",
                                                  "score": 80, "rival_score": 70}])])
    assert mb.describe_lead(swapped, "China", "the US") == (
        "China first rose above the US on 01 March 2024 (cn-c); the lead changed hands 1 more time, "
        "and United States holds it at the end of the data (us-x)")
