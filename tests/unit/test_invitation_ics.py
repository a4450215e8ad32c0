"""The invitation's calendar file: valid, in Oslo time through winter and summer, and without
icalendar's English COMMENT line."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from moteleder.cli import main

OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize("starts_at", [datetime(2027, 1, 12, 9, 30), datetime(2027, 6, 15, 14, 0),
                                       datetime(2027, 10, 26, 8, 0)])
def test_the_calendar_file_is_valid_oslo_time_and_has_no_comment(store, db_path, tmp_path, capsys, starts_at):
    group_id = store.create_group("Ola Nordmann")
    store.add_member(group_id, "Kari Nordmann", role="mor")
    meeting_id = store.create_meeting(group_id, starts_at)
    store.close()
    assert main(["innkalling", str(meeting_id), "--ut", str(tmp_path / "ut"), "--db", str(db_path)]) == 0
    ics = next((tmp_path / "ut").glob("*.ics"))
    text = ics.read_text(encoding="utf-8")
    assert "COMMENT" not in text and "timezone only works" not in text
    assert "Ola" not in text and "Kari" not in text  # no names in a calendar

    calendar = Calendar.from_ical(ics.read_bytes())
    event = calendar.walk("VEVENT")[0]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.replace(tzinfo=None) == starts_at and end - start == timedelta(minutes=65)
    assert start.utcoffset() == starts_at.replace(tzinfo=OSLO).utcoffset()
    # The VTIMEZONE itself (for clients that use it rather than their own zone database) is Oslo time.
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Oslo"
    own = timezone.to_tz()
    for moment in (starts_at, starts_at + timedelta(minutes=65)):
        assert moment.replace(tzinfo=own).utcoffset() == moment.replace(tzinfo=OSLO).utcoffset()
