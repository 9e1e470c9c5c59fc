"""Unit tests for claimsbook.chapters.lag; expected lags are worked out by hand in comments."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from claimsbook.chapters.lag import (
    DAYS_PER_MONTH,
    LAG_COLUMNS,
    Frontier,
    frontier,
    lag_at,
    lag_series,
    monthly_dates,
)


def table(*rows: tuple[str, str, float, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["country", "date", "score", "model"])


@pytest.fixture
def basic() -> pd.DataFrame:
    # US: 50 on 2023-01-01, 60 on 2023-07-01.  CN: 50 on 2023-06-01, 60 on 2024-01-01.
    return table(
        ("US", "2023-01-01", 50, "us-a"),
        ("US", "2023-07-01", 60, "us-b"),
        ("CN", "2023-06-01", 50, "cn-a"),
        ("CN", "2024-01-01", 60, "cn-b"),
    )


def one_row(models: pd.DataFrame, when: str, tolerance: float = 0.0) -> pd.Series:
    out = lag_series(models, leader="US", follower="CN", dates=[when], tolerance=tolerance)
    assert len(out) == 1
    return out.iloc[0]


# --- frontier -----------------------------------------------------------------------------


def test_frontier_keeps_only_releases_that_raise_the_best() -> None:
    models = table(
        ("US", "2023-07-01", 60, "d"),
        ("US", "2023-01-01", 50, "a"),
        ("US", "2023-03-01", 45, "b"),  # below best so far
        ("US", "2023-05-01", 50, "c"),  # ties the best: no new point
    )
    out = frontier(models)
    assert list(out.columns) == ["date", "score", "model"]
    assert list(out["date"]) == [pd.Timestamp("2023-01-01"), pd.Timestamp("2023-07-01")]
    assert list(out["score"]) == [50.0, 60.0]
    assert list(out["model"]) == ["a", "d"]


def test_frontier_same_day_releases_give_one_point_for_the_best() -> None:
    models = table(("US", "2023-02-01", 55, "x"), ("US", "2023-02-01", 58, "y"))
    out = frontier(models)
    assert list(out["score"]) == [58.0]
    assert list(out["model"]) == ["y"]


def test_frontier_excludes_nan_scores_and_works_without_model_column() -> None:
    models = pd.DataFrame(
        {"released": ["2022-01-01", "2023-01-01"], "mmlu": [np.nan, 40.0]}
    )
    out = frontier(models, date_col="released", score_col="mmlu")
    assert list(out.columns) == ["date", "score"]
    assert list(out["date"]) == [pd.Timestamp("2023-01-01")]


def test_frontier_of_empty_table_is_empty() -> None:
    out = frontier(pd.DataFrame({"date": pd.to_datetime([]), "score": pd.Series([], dtype=float)}))
    assert out.empty and list(out.columns) == ["date", "score"]


def test_frontier_helper_lookups() -> None:
    models = table(("US", "2023-01-01", 50, "a"), ("US", "2023-07-01", 60, "b"))
    f = Frontier.from_table(frontier(models))
    assert math.isnan(f.best_at(pd.Timestamp("2022-12-31")))
    assert f.best_at(pd.Timestamp("2023-07-01")) == 60.0  # released on the date counts
    assert f.first_reaching(55) == pd.Timestamp("2023-07-01")
    assert f.first_reaching(61) is None


# --- lag_series: the worked examples ------------------------------------------------------


def test_equal_scores_are_level_but_lag_counts_from_leader_reaching_them(
    basic: pd.DataFrame,
) -> None:
    # t = 2024-01-31: f = 60 (cn-b), l = 60. Leader first reached 60 on 2023-07-01.
    # 2023-07-01 -> 2024-01-01 is 184 days (31+31+30+31+30+31), +30 to Jan 31 = 214 days.
    row = one_row(basic, "2024-01-31")
    assert row["status"] == "level"
    assert row["leader_best"] == 60.0 and row["follower_best"] == 60.0
    assert row["lag_days"] == 214.0
    assert row["lag_months"] == pytest.approx(214 / (365.25 / 12))


def test_leader_ahead(basic: pd.DataFrame) -> None:
    # t = 2023-12-31: f = 50 (cn-a), l = 60 -> leader reached 50 on 2023-01-01: 364 days.
    row = one_row(basic, "2023-12-31")
    assert row["status"] == "leader-ahead"
    assert row["lag_days"] == 364.0
    assert row["lag_months"] == pytest.approx(364 / DAYS_PER_MONTH)  # ~11.96 months


def test_lag_grows_between_follower_releases_and_drops_at_a_release(basic: pd.DataFrame) -> None:
    # Leader reached 50 on 2023-01-01:
    # 2023-06-30 -> 180 days, 2023-07-31 -> 211, 2023-12-31 -> 364;
    # cn-b (60) on 2024-01-01 moves s to 2023-07-01: 2024-01-31 -> 214.
    dates = ["2023-06-30", "2023-07-31", "2023-12-31", "2024-01-31"]
    out = lag_series(basic, leader="US", follower="CN", dates=dates)
    assert list(out["lag_days"]) == [180.0, 211.0, 364.0, 214.0]


def test_no_model_periods() -> None:
    models = table(("CN", "2022-06-01", 40, "cn"), ("US", "2023-01-01", 50, "us"))
    out = lag_series(models, leader="US", follower="CN", dates=["2022-05-31", "2022-12-31"])
    # Nobody yet on 2022-05-31: the follower check comes first.
    assert list(out["status"]) == ["no-follower-model", "no-leader-model"]
    assert out["lag_days"].isna().all() and out["lag_months"].isna().all()
    assert out["leader_best"].isna().all()
    assert math.isnan(out["follower_best"].iloc[0]) and out["follower_best"].iloc[1] == 40.0


def test_follower_ahead_gives_negative_lag() -> None:
    # US: 50 on 2023-01-01. CN: 55 on 2023-03-01, 70 on 2023-09-01. t = 2023-10-31: l = 50 < f = 70.
    # Follower first reached 50 on 2023-03-01; 2023-03-01 -> 2023-10-31 is
    # 30 + 30 + 31 + 30 + 31 + 31 + 30 + 31 = 244 days, so the lag is -244.
    models = table(
        ("US", "2023-01-01", 50, "us"),
        ("CN", "2023-03-01", 55, "cn-a"),
        ("CN", "2023-09-01", 70, "cn-b"),
    )
    row = one_row(models, "2023-10-31")
    assert row["status"] == "follower-ahead"
    assert row["lag_days"] == -244.0
    assert row["lag_months"] == pytest.approx(-244 / DAYS_PER_MONTH)


@pytest.mark.parametrize(
    ("tolerance", "lag_days", "status"),
    [
        # Threshold 59: first US point >= 59 is 2023-07-01; Jul 1 -> Dec 31 = 183 days.
        (0.0, 183.0, "leader-ahead"),
        # Threshold 58: reached on 2023-04-01 (day 91 -> day 365 = 274); |60 - 59| <= 1 -> level.
        (1.0, 274.0, "level"),
        # Threshold 57: still 2023-04-01 (58 >= 57).
        (2.0, 274.0, "level"),
        # Threshold 49: reached on 2023-01-01 -> 364 days.
        (10.0, 364.0, "level"),
    ],
)
def test_tolerance_makes_reached_earlier(tolerance: float, lag_days: float, status: str) -> None:
    models = table(
        ("US", "2023-01-01", 50, "a"),
        ("US", "2023-04-01", 58, "b"),
        ("US", "2023-07-01", 60, "c"),
        ("CN", "2023-10-01", 59, "cn"),
    )
    row = one_row(models, "2023-12-31", tolerance=tolerance)
    assert row["lag_days"] == lag_days
    assert row["status"] == status


def test_tolerance_can_turn_follower_ahead_into_level() -> None:
    # US 60 on 2023-01-01; CN 60.5 on 2023-06-01; t = 2023-12-31.
    # tol 0: l < f, follower reached 60 on 2023-06-01 (day 152 -> 365): -213 days.
    # tol 0.5: l >= f - 0.5, leader reached 60 on 2023-01-01: +364 days, level.
    models = table(("US", "2023-01-01", 60, "us"), ("CN", "2023-06-01", 60.5, "cn"))
    strict = one_row(models, "2023-12-31")
    assert (strict["lag_days"], strict["status"]) == (-213.0, "follower-ahead")
    loose = one_row(models, "2023-12-31", tolerance=0.5)
    assert (loose["lag_days"], loose["status"]) == (364.0, "level")


def test_follower_tie_release_does_not_move_the_lag(basic: pd.DataFrame) -> None:
    # A later CN model that only ties cn-a (50) leaves f = 50 and s = 2023-01-01: 364 days.
    models = pd.concat([basic, table(("CN", "2023-09-01", 50, "cn-tie"))], ignore_index=True)
    assert one_row(models, "2023-12-31")["lag_days"] == 364.0


def test_output_shape_order_and_custom_columns(basic: pd.DataFrame) -> None:
    models = basic.rename(columns={"country": "lab_country", "date": "released", "score": "gpqa"})
    dates = pd.DatetimeIndex(["2024-01-31", "2023-12-31"])
    out = lag_series(
        models, leader="US", follower="CN", dates=dates,
        group_col="lab_country", date_col="released", score_col="gpqa",
    )
    assert list(out.columns) == LAG_COLUMNS
    assert list(out["date"]) == list(dates)  # given order is kept
    assert list(out["lag_days"]) == [214.0, 364.0]
    assert out["lag_months"].tolist() == pytest.approx([214 / DAYS_PER_MONTH, 364 / DAYS_PER_MONTH])


def test_other_groups_are_ignored(basic: pd.DataFrame) -> None:
    models = pd.concat([basic, table(("FR", "2022-01-01", 99, "fr"))], ignore_index=True)
    assert one_row(models, "2023-12-31")["lag_days"] == 364.0


def test_lag_at_returns_months(basic: pd.DataFrame) -> None:
    months = lag_at(basic, "2024-01-31", leader="US", follower="CN")
    assert months == pytest.approx(214 / DAYS_PER_MONTH)  # ~7.03
    assert math.isnan(lag_at(basic, "2023-05-31", leader="US", follower="CN"))


# --- monthly_dates --------------------------------------------------------------------------


def test_monthly_dates_are_inclusive_month_ends() -> None:
    out = monthly_dates("2023-01-15", "2023-04-30")
    expected = ["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"]
    assert list(out) == [pd.Timestamp(d) for d in expected]


def test_monthly_dates_errors() -> None:
    with pytest.raises(ValueError, match=r"end \(2023-01-01\) is before start \(2023-02-01\)"):
        monthly_dates("2023-02-01", "2023-01-01")
    with pytest.raises(ValueError, match="no month end between"):
        monthly_dates("2023-01-05", "2023-01-20")
    with pytest.raises(ValueError, match="start/end.*cannot be parsed"):
        monthly_dates("2023-01-05", "soon")


# --- validation -----------------------------------------------------------------------------


def test_missing_column(basic: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"missing column\(s\) \['lab'\]"):
        lag_series(basic, leader="US", follower="CN", dates=["2024-01-31"], group_col="lab")
    with pytest.raises(ValueError, match=r"missing column\(s\) \['elo'\]"):
        frontier(basic, score_col="elo")


def test_bad_model_dates(basic: pd.DataFrame) -> None:
    unparseable = basic.assign(date=["2023-01-01", "not a date", "2023-06-01", "2024-01-01"])
    with pytest.raises(ValueError, match="column 'date' contains values that cannot be parsed"):
        frontier(unparseable)
    missing = basic.assign(date=["2023-01-01", None, "2023-06-01", "2024-01-01"])
    message = r"column 'date' has 1 missing date\(s\) \(positions \[1\]\)"
    with pytest.raises(ValueError, match=message):
        lag_series(missing, leader="US", follower="CN", dates=["2024-01-31"])


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        (["50", "60", "50", "60"], "column 'score' must have a numeric dtype"),
        ([True, False, True, True], "column 'score' must have a numeric dtype"),
        ([50.0, np.inf, 50.0, 60.0], "must be finite"),
    ],
)
def test_bad_scores(basic: pd.DataFrame, scores: list[object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        frontier(basic.assign(score=scores))


def test_unknown_groups_and_same_group(basic: pd.DataFrame) -> None:
    message = r"leader='UK' not found in column 'country'; groups present: \['CN', 'US'\]"
    with pytest.raises(ValueError, match=message):
        lag_series(basic, leader="UK", follower="CN", dates=["2024-01-31"])
    with pytest.raises(ValueError, match=r"follower='cn' not found"):
        lag_series(basic, leader="US", follower="cn", dates=["2024-01-31"])
    with pytest.raises(ValueError, match="leader and follower must differ"):
        lag_series(basic, leader="US", follower="US", dates=["2024-01-31"])


@pytest.mark.parametrize("tolerance", [-0.1, float("nan"), float("inf")])
def test_bad_tolerance(basic: pd.DataFrame, tolerance: float) -> None:
    with pytest.raises(ValueError, match="tolerance must be a finite number >= 0"):
        lag_series(basic, leader="US", follower="CN", dates=["2024-01-31"], tolerance=tolerance)


def test_bad_evaluation_dates(basic: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="dates is empty"):
        lag_series(basic, leader="US", follower="CN", dates=[])
    with pytest.raises(ValueError, match="not a single string"):
        lag_series(basic, leader="US", follower="CN", dates="2024-01-31")
    with pytest.raises(ValueError, match="dates contains values that cannot be parsed"):
        lag_series(basic, leader="US", follower="CN", dates=["2024-01-31", "Q5 2024"])
    with pytest.raises(ValueError, match=r"dates has 1 missing date\(s\)"):
        lag_series(basic, leader="US", follower="CN", dates=["2024-01-31", None])
    with pytest.raises(ValueError, match="timezone-aware or both naive"):
        lag_series(basic, leader="US", follower="CN", dates=[pd.Timestamp("2024-01-31", tz="UTC")])
