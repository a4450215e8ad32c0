"""Norwegian dates and times: shown with babel, typed the way people type them.

Typed dates: `24.11.2026`, `24.11.26`, `24.11` (this year), `2026-11-24`.
Typed times: `14.00`, `14:00`, `1400`, `14`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time


class DateInputError(ValueError):
    """A typed date or time that cannot be used; the message is Norwegian and shown at the field."""


_DATE_NO = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*(?:[./-]\s*(\d{2}|\d{4}))?\s*\.?\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME = re.compile(r"^\s*(?:kl\.?\s*)?(\d{1,2})(?:\s*[.:]\s*(\d{2})|(\d{2}))?\s*$", re.IGNORECASE)


def parse_date(text: str, *, today: date | None = None) -> date:
    """A date as typed by a Norwegian user. Raises DateInputError with a Norwegian message."""
    text = (text or "").strip()
    if not text:
        raise DateInputError("Skriv en dato, for eksempel 24.11.2026.")
    today = today or date.today()
    iso = _DATE_ISO.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        match = _DATE_NO.match(text)
        if not match:
            raise DateInputError(f"«{text}» er ikke en dato. Skriv for eksempel 24.11.2026 eller 24.11.")
        day, month = int(match.group(1)), int(match.group(2))
        year_text = match.group(3)
        if year_text is None:
            year = today.year
        elif len(year_text) == 2:
            year = 2000 + int(year_text)
        else:
            year = int(year_text)
    if not 1 <= month <= 12:
        raise DateInputError(f"Måned {month} finnes ikke. Skriv for eksempel 24.11.2026.")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(f"Datoen {day}.{month}.{year} finnes ikke.") from None


def parse_time(text: str) -> time:
    """A clock time as typed: 14.00, 14:00, 1400 or 14. Raises DateInputError."""
    text = (text or "").strip()
    if not text:
        raise DateInputError("Skriv et klokkeslett, for eksempel 14.00.")
    match = _TIME.match(text)
    if not match:
        raise DateInputError(f"«{text}» er ikke et klokkeslett. Skriv for eksempel 14.00.")
    hour = int(match.group(1))
    minute = int(match.group(2) or match.group(3) or 0)
    if hour > 23 or minute > 59:
        raise DateInputError(f"Klokkeslettet {hour:02d}.{minute:02d} finnes ikke.")
    return time(hour, minute)


def format_date(value: date) -> str:
    """`24. november 2026`."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, "d. MMMM y", locale="nb")


def format_weekday_date(value: date) -> str:
    """`tirsdag 24. november 2026`."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, "EEEE d. MMMM y", locale="nb")


def format_time(value: time | datetime) -> str:
    """`14.00` — the Norwegian clock."""
    return f"{value.hour:02d}.{value.minute:02d}"


def format_datetime(value: datetime) -> str:
    """`tirsdag 24. november 2026 kl. 14.00`."""
    return f"{format_weekday_date(value.date())} kl. {format_time(value)}"


def format_short_date(value: date) -> str:
    """`24.11.2026` — as the user types it."""
    return value.strftime("%d.%m.%Y")


def parse_iso_datetime(value: str | None) -> datetime | None:
    """Stored ISO text back to a datetime (None stays None)."""
    return datetime.fromisoformat(value) if value else None


def parse_iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
