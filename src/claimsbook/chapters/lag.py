"""How many months one group's frontier AI model lags another's.

A group's *frontier* is the running best score of its models over time. At an
evaluation date ``t`` let ``l`` and ``f`` be the best scores the leader and the
follower had released on or before ``t``. With a score ``tolerance`` (in the
metric's units, >= 0) the three cases are:

* ``l >= f - tolerance``: the leader has reached the follower's level. The lag
  is ``t - s`` (>= 0), where ``s`` is the earliest date on which the leader's
  frontier reached at least ``f - tolerance``. Status is ``"level"`` when
  ``|l - f| <= tolerance`` and ``"leader-ahead"`` otherwise. A "level" lag is
  *not* forced to zero: equal scores still mean the follower matches what the
  leader had ``t - s`` ago.
* ``l < f - tolerance``: the follower is ahead. The lag is ``-(t - s')``, where
  ``s'`` is the earliest date on which the follower's frontier reached at least
  ``l - tolerance``. Status ``"follower-ahead"``.
* No follower model yet (checked first): NaN, ``"no-follower-model"``; no leader
  model yet: NaN, ``"no-leader-model"``.

Because ``t`` is the evaluation date rather than the follower's release date,
the lag grows by one day per day between follower releases and drops when the
follower releases a better model. Dates are compared as timestamps; scores
are compared exactly in floating point. Months are days / (365.25 / 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeAlias

import numpy as np
import pandas as pd

from ..core.arithmetic import DAYS_PER_MONTH

DateLike: TypeAlias = str | date | datetime | pd.Timestamp | np.datetime64
LAG_COLUMNS: list[str] = [
    "date", "leader_best", "follower_best", "lag_days", "lag_months", "status"
]
_ONE_DAY = pd.Timedelta(days=1)


@dataclass(frozen=True, eq=False)
class Frontier:
    """A running-best curve: strictly increasing ``scores`` at strictly increasing ``dates``."""

    dates: pd.DatetimeIndex
    scores: np.ndarray

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> Frontier:
        """Build from the output of :func:`frontier`."""
        return cls(pd.DatetimeIndex(table["date"]), table["score"].to_numpy(dtype=float))

    def best_at(self, when: pd.Timestamp) -> float:
        """Best score released on or before ``when``; NaN if none."""
        n = int(self.dates.searchsorted(when, side="right"))
        return float(self.scores[n - 1]) if n else float("nan")

    def first_reaching(self, threshold: float) -> pd.Timestamp | None:
        """Earliest date the frontier's score was >= ``threshold``; None if never."""
        i = int(np.searchsorted(self.scores, threshold, side="left"))
        return pd.Timestamp(self.dates[i]) if i < len(self.scores) else None


def _require_columns(models: pd.DataFrame, columns: Sequence[str]) -> None:
    if not isinstance(models, pd.DataFrame):
        raise ValueError(f"models must be a pandas DataFrame, got {type(models).__name__}")
    missing = [c for c in columns if c not in models.columns]
    if missing:
        raise ValueError(
            f"models is missing column(s) {missing}; available columns: {list(models.columns)}"
        )


def _parse_dates(values: pd.Series, what: str) -> pd.Series:
    try:
        parsed = pd.to_datetime(values, errors="raise")
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what} contains values that cannot be parsed as dates: {exc}") from exc
    missing = parsed.isna().to_numpy()
    if missing.any():
        positions = np.flatnonzero(missing)[:5].tolist()
        raise ValueError(
            f"{what} has {int(missing.sum())} missing date(s) (positions {positions}); "
            "every row needs a date"
        )
    return parsed


def _parse_scores(values: pd.Series, what: str) -> np.ndarray:
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        raise ValueError(
            f"{what} must have a numeric dtype (int or float), got {values.dtype}; "
            "convert it first, e.g. with pd.to_numeric"
        )
    scores = values.to_numpy(dtype=float, na_value=np.nan)
    if np.isinf(scores).any():
        raise ValueError(f"{what} contains infinite values; scores must be finite or NaN")
    return scores


def _clean(models: pd.DataFrame, date_col: str, score_col: str) -> pd.DataFrame:
    """Validated copy with columns date, score (and model); NaN-score rows removed."""
    _require_columns(models, [date_col, score_col])
    table = pd.DataFrame(
        {
            "date": _parse_dates(models[date_col], f"column {date_col!r}").to_numpy(),
            "score": _parse_scores(models[score_col], f"column {score_col!r}"),
        }
    )
    if "model" in models.columns:
        table["model"] = models["model"].to_numpy()
    return table[table["score"].notna()]


def _running_best(table: pd.DataFrame) -> pd.DataFrame:
    # Best score first within a day, so only one model per day can raise the frontier.
    table = table.sort_values(["date", "score"], ascending=[True, False], kind="mergesort")
    previous_best = table["score"].cummax().shift(1)
    raised = previous_best.isna() | (table["score"] > previous_best)
    return table[raised].reset_index(drop=True)


def frontier(
    models: pd.DataFrame, *, date_col: str = "date", score_col: str = "score"
) -> pd.DataFrame:
    """Running best score of one group's models over time.

    Returns one row per release that strictly raised the best-so-far score, sorted
    by date, with columns ``date``, ``score`` and ``model`` (if ``models`` has a
    ``model`` column). Ties with the current best add no point; of several models
    released on one day only the best can. Rows with NaN score are excluded;
    rows with a missing or unparseable date raise ValueError.
    """
    return _running_best(_clean(models, date_col, score_col))


def _evaluation_dates(dates: Sequence[DateLike] | pd.DatetimeIndex) -> pd.DatetimeIndex:
    if isinstance(dates, (str, bytes)):
        raise ValueError("dates must be a sequence of dates, not a single string; use lag_at")
    values = list(dates)
    if not values:
        raise ValueError("dates is empty; pass at least one evaluation date")
    return pd.DatetimeIndex(_parse_dates(pd.Series(values, dtype=object), "dates"))


def _lag_days(
    t: pd.Timestamp, lead: Frontier, follow: Frontier, tolerance: float
) -> tuple[float, float, float, str]:
    """(leader_best, follower_best, lag_days, status) at ``t``; see module docstring."""
    best_l, best_f = lead.best_at(t), follow.best_at(t)
    if np.isnan(best_f):
        return best_l, best_f, float("nan"), "no-follower-model"
    if np.isnan(best_l):
        return best_l, best_f, float("nan"), "no-leader-model"
    if best_l >= best_f - tolerance:
        reached = lead.first_reaching(best_f - tolerance)
        assert reached is not None  # best_l itself meets the threshold
        status = "level" if abs(best_l - best_f) <= tolerance else "leader-ahead"
        return best_l, best_f, (t - reached) / _ONE_DAY, status
    reached = follow.first_reaching(best_l - tolerance)
    assert reached is not None  # best_f > best_l + tolerance meets the threshold
    return best_l, best_f, -((t - reached) / _ONE_DAY), "follower-ahead"


def lag_series(
    models: pd.DataFrame,
    *,
    leader: str,
    follower: str,
    dates: Sequence[DateLike] | pd.DatetimeIndex,
    group_col: str = "country",
    date_col: str = "date",
    score_col: str = "score",
    tolerance: float = 0.0,
) -> pd.DataFrame:
    """Lag of ``follower`` behind ``leader`` at each evaluation date.

    Returns one row per entry of ``dates`` (in the given order) with columns
    ``date``, ``leader_best``, ``follower_best`` (best score released on or before
    the date, NaN if none), ``lag_days``, ``lag_months`` and ``status``. The lag
    definition and the statuses are in the module docstring. All rows of
    ``models`` are validated, not only the two groups' rows.
    """
    _require_columns(models, [group_col, date_col, score_col])
    if not np.isfinite(tolerance) or tolerance < 0:
        raise ValueError(f"tolerance must be a finite number >= 0, got {tolerance!r}")
    groups = models[group_col]
    present = sorted({str(g) for g in groups.dropna().unique()})
    for argument, name in (("leader", leader), ("follower", follower)):
        if not (groups == name).any():
            raise ValueError(
                f"{argument}={name!r} not found in column {group_col!r}; groups present: {present}"
            )
    if leader == follower:
        raise ValueError(f"leader and follower must differ, both are {leader!r}")
    when = _evaluation_dates(dates)
    table = _clean(models, date_col, score_col)
    if (table["date"].dt.tz is None) != (when.tz is None):
        raise ValueError(
            "dates and the models' date column must both be timezone-aware or both naive"
        )
    group = groups.to_numpy()[table.index.to_numpy()]
    lead = Frontier.from_table(_running_best(table[group == leader]))
    follow = Frontier.from_table(_running_best(table[group == follower]))
    rows = [(t, *_lag_days(t, lead, follow, float(tolerance))) for t in when]
    result = pd.DataFrame(
        rows, columns=["date", "leader_best", "follower_best", "lag_days", "status"]
    )
    result["lag_days"] = result["lag_days"].astype(float)
    result["lag_months"] = result["lag_days"] / DAYS_PER_MONTH
    return result[LAG_COLUMNS]


def lag_at(
    models: pd.DataFrame,
    when: DateLike,
    *,
    leader: str,
    follower: str,
    group_col: str = "country",
    date_col: str = "date",
    score_col: str = "score",
    tolerance: float = 0.0,
) -> float:
    """Lag in months at one date (NaN if either group has no model yet); see :func:`lag_series`."""
    result = lag_series(
        models, leader=leader, follower=follower, dates=[when], group_col=group_col,
        date_col=date_col, score_col=score_col, tolerance=tolerance,
    )
    return float(result["lag_months"].iloc[0])


def monthly_dates(start: DateLike, end: DateLike) -> pd.DatetimeIndex:
    """Month-end dates (midnight) from ``start`` to ``end``, both inclusive by calendar day."""
    bounds = _parse_dates(pd.Series([start, end], dtype=object), "start/end")
    first, last = pd.Timestamp(bounds.iloc[0]).normalize(), pd.Timestamp(bounds.iloc[1]).normalize()
    if last < first:
        raise ValueError(f"end ({last.date()}) is before start ({first.date()})")
    result = pd.date_range(first, last, freq="ME")
    if result.empty:
        raise ValueError(f"no month end between start ({first.date()}) and end ({last.date()})")
    return result
