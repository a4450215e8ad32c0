"""The next evaluation is due the same day N months on (relativedelta), the month's last day when shorter."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moteleder.profiles import load_profiles
from moteleder.profiles.rules import next_evaluation


def _profile(months: int | None):
    standard = load_profiles().get("standard")
    return replace(standard, evaluation_interval_months=months)


def _hand_written(d: date, months: int) -> date:
    """The add_months the rules used before relativedelta: the oracle for the same results."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@pytest.mark.parametrize(("last", "months", "due"), [
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2027, 8, 31), 6, date(2028, 2, 29)),  # leap year
    (date(2028, 2, 29), 12, date(2029, 2, 28)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
])
def test_month_ends(last, months, due):
    assert next_evaluation(_profile(months), last, date(2020, 1, 1)) == due


def test_no_interval_no_evaluation_and_the_start_counts_when_never_evaluated():
    assert next_evaluation(_profile(None), date(2026, 1, 1), date(2020, 1, 1)) is None
    assert next_evaluation(_profile(12), None, date(2025, 5, 31)) == date(2026, 5, 31)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 120))
def test_the_same_as_the_hand_written_month_step(last, months):
    assert next_evaluation(_profile(months), last, date(1980, 1, 1)) == _hand_written(last, months)
