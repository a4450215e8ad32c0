"""What the minute says, gathered before it is rendered: ``Minute`` and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from moteleder.models import Measure, Member, Review

DEFAULT_DEADLINE_DAYS = 14


@dataclass
class ReviewedMeasure:
    measure: Measure
    review: Review | None


@dataclass
class Minute:
    """Everything the minute says, gathered before rendering."""

    person_name: str
    starts_at: datetime | None
    ended_at: datetime | None = None
    present: list[Member] = field(default_factory=list)
    absent: list[Member] = field(default_factory=list)
    previous_comment: str = ""
    had_previous: bool = False
    followed_up: list[ReviewedMeasure] = field(default_factory=list)
    person_voice: str = ""
    person_label: str = "Personens egen beskrivelse"
    worked: str = ""
    challenge: str = ""
    measures: list[Measure] = field(default_factory=list)
    aob_items: str = ""
    aob: str = ""
    referral_lines: list[str] = field(default_factory=list)
    next_meeting: datetime | None = None
    next_meeting_text: str = ""
    next_theme: str = ""
    next_invitees: str = ""
    referent: str = ""
    deadline_days: int | None = DEFAULT_DEADLINE_DAYS
    closing_lines: list[str] = field(default_factory=list)

    @property
    def deadline(self) -> date | None:
        if self.starts_at is None or self.deadline_days is None:
            return None
        return self.starts_at.date() + timedelta(days=self.deadline_days)
