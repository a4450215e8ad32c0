"""A date field: a Textual Input whose Validator is `dates.parse_date`, read back as a date.

Typed the way people type dates (24.11.2026, 24.11.26, 24.11, 2026-11-24); a date that
cannot be used gives parse_date's Norwegian message. The field checks nothing while the
user types (today's screens say what is wrong when the user saves, next to the field);
`validate_on` can turn Textual's own checking on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from moteleder.dates import DateInputError, format_short_date, parse_date


class NorwegianDate(Validator):
    """Valid when `parse_date` reads the text; the failure carries its Norwegian message.

    `today` is the day a date typed without a year belongs to (a meeting's day, say).
    """

    def __init__(self, *, today: date | None = None) -> None:
        super().__init__()
        self.today = today

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_date(value, today=self.today)
        except DateInputError as problem:
            return self.failure(str(problem), value)
        return self.success()


class DateInput(Input):
    """An Input for one date, shown as 24.11.2026; `optional` lets it be left empty.

    `value` is a date, or the text as the user typed it earlier (kept as typed).
    """

    def __init__(self, value: date | str | None = None, *, optional: bool = False,
                 today: date | None = None, placeholder: str = "", validate_on: Iterable[str] = (),
                 **kwargs) -> None:
        text = value if isinstance(value, str) else (format_short_date(value) if value else "")
        self._validator = NorwegianDate(today=today)
        super().__init__(text, placeholder=placeholder, validators=[self._validator],
                         validate_on=validate_on, valid_empty=optional, **kwargs)
        self._today = today

    @property
    def today(self) -> date | None:
        """The day a date typed without a year belongs to."""
        return self._today

    @today.setter
    def today(self, day: date | None) -> None:
        self._today = day
        self._validator.today = day

    def read(self) -> date | None:
        """The date typed; None when the field is optional and blank.

        Raises DateInputError with the Norwegian message the field's validator gives.
        """
        text = self.value
        if self.valid_empty and not text.strip():
            return None
        result = ValidationResult.merge([validator.validate(text) for validator in self.validators])
        if not result.is_valid:
            raise DateInputError(result.failure_descriptions[0])
        return parse_date(text, today=self.today)
