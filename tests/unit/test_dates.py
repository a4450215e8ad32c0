"""Dates typed and shown the Norwegian way."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from moteleder.dates import DateInputError, format_datetime, parse_date, parse_time

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("24.11.2026", date(2026, 11, 24)), ("24.11", date(2026, 11, 24)), ("1.2.27", date(2027, 2, 1)),
     ("2026-12-08", date(2026, 12, 8)), (" 08.12.2026 ", date(2026, 12, 8)), ("8/12", date(2026, 12, 8))],
)
def test_typed_dates(typed, expected):
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize("typed", ["31.02.2027", "32.1", "1.13.2026", "i morgen", "", "29.02.2027"])
def test_impossible_dates_get_a_norwegian_message(typed):
    with pytest.raises(DateInputError) as problem:
        parse_date(typed, today=TODAY)
    message = str(problem.value)
    assert any(word in message for word in ("finnes ikke", "er ikke en dato", "Skriv en dato"))


@pytest.mark.parametrize(("typed", "expected"), [("14.00", time(14)), ("14:30", time(14, 30)), ("0930", time(9, 30)),
                                                 ("9", time(9)), ("kl. 14.15", time(14, 15))])
def test_typed_times(typed, expected):
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25.00", "14.61", "to", ""])
def test_impossible_times(typed):
    with pytest.raises(DateInputError):
        parse_time(typed)


def test_shown_the_norwegian_way():
    assert format_datetime(datetime(2026, 11, 24, 14, 0)) == "tirsdag 24. november 2026 kl. 14.00"
