"""The domain objects, as plain dataclasses (no Textual, no SQL), and the labels and ages they use."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from moteleder.dates import format_short_date

MEETING_TEXT_FIELDS: tuple[str, ...] = (
    "referent",
    "aob_items",
    "previous_comment",
    "person_voice",
    "worked",
    "challenge",
    "aob",
    "next_date",
    "next_time",
    "next_theme",
    "next_invitees",
    "theme",
)
"""Meeting columns the leader types into; each is saved as it changes."""

REVIEW_STATUS_LABEL = {"done": "Gjennomført", "partly": "Delvis gjennomført", "not_done": "Ikke gjennomført"}
GOAL_LABEL = {"ja": "Ja", "delvis": "Delvis", "nei": "Nei"}
DUE_KIND_LABEL = {"frist": "Frist", "evaluering": "Evaluering"}
KIND_LABEL = {"person": "Personen selv", "guardian": "Foresatt/verge", "service": "Tjeneste"}
GIVEN_BY_LABEL = {
    "person": "Bruker selv",
    "parents": "Foresatte (barn under 18 år)",
    "guardian": "Verge",
}
"""Who gave a consent (the keys are what the database holds)."""

ADULT_AGE = 18
"""From this age the person consents for themself, and the meeting is no longer a child's."""


@dataclass
class Group:
    id: int
    person_name: str
    birth_year: int | None = None
    profile_id: str = "standard"
    coordinator_kind: str = "koordinator"
    has_ip: bool = False
    has_stafettlogg: bool = False
    is_demo: bool = False
    created_at: str = ""
    closed_on: str | None = None
    close_reason: str | None = None

    @property
    def is_closed(self) -> bool:
        return bool(self.closed_on)

    def age_on(self, day: date) -> int | None:
        """The person's age in whole years on a day (birth year only: the year's difference)."""
        return day.year - self.birth_year if self.birth_year else None


@dataclass
class Member:
    id: int
    group_id: int
    name: str
    role: str = ""
    service: str = ""
    contact: str = ""
    kind: str = "service"
    standing: bool = True
    is_coordinator: bool = False
    position: int = 0

    @property
    def label(self) -> str:
        """`Kari Nordmann (kontaktlærer, Bakken skole)`."""
        detail = ", ".join(part for part in (self.role, self.service) if part)
        return f"{self.name} ({detail})" if detail else self.name

    @property
    def role_label(self) -> str:
        return ", ".join(part for part in (self.role, self.service) if part)


@dataclass
class Meeting:
    id: int
    group_id: int
    starts_at: datetime | None
    status: str = "planned"
    current_step: str = "opening"
    is_first: bool = False
    theme: str = ""
    invitees: str = ""
    started_at: str | None = None
    ended_at: str | None = None
    referent: str = ""
    aob_items: str = ""
    previous_comment: str = ""
    person_voice: str = ""
    worked: str = ""
    challenge: str = ""
    aob: str = ""
    next_date: str = ""
    next_time: str = ""
    next_theme: str = ""
    next_invitees: str = ""
    step_seconds: dict[str, float] = field(default_factory=dict)
    minute_md: str | None = None
    minute_path: str | None = None
    finalized_at: str | None = None
    agreed_without_guardians: bool = False

    def next_meeting_start(self) -> datetime | None:
        """The next meeting's start from step 6's typed date and time (None if not set or invalid)."""
        from moteleder.dates import DateInputError, parse_date, parse_time

        if not self.next_date.strip():
            return None
        try:
            day = parse_date(self.next_date, today=self.starts_at.date() if self.starts_at else None)
            clock = parse_time(self.next_time) if self.next_time.strip() else None
        except DateInputError:
            return None
        return datetime.combine(day, clock) if clock else datetime(day.year, day.month, day.day, 0, 0)

    @property
    def is_finalized(self) -> bool:
        return self.status == "finalized"

    @classmethod
    def from_row(cls, row: dict) -> Meeting:
        values = {k: row.get(k) for k in cls.__dataclass_fields__ if k in row}
        values["starts_at"] = datetime.fromisoformat(row["starts_at"]) if row.get("starts_at") else None
        values["is_first"] = bool(row.get("is_first"))
        values["agreed_without_guardians"] = bool(row.get("agreed_without_guardians"))
        values["step_seconds"] = json.loads(row["step_seconds"]) if row.get("step_seconds") else {}
        for name in MEETING_TEXT_FIELDS + ("invitees",):
            values[name] = row.get(name) or ""
        return cls(**values)


@dataclass
class Measure:
    id: int
    group_id: int
    meeting_id: int
    what: str = ""
    responsible: str = ""
    due_on: date | None = None
    due_text: str = ""
    due_kind: str = "frist"
    ip_goal: str = ""
    status: str = "open"
    position: int = 0
    closed_in_meeting_id: int | None = None

    @classmethod
    def from_row(cls, row: dict) -> Measure:
        values = {k: row.get(k) for k in cls.__dataclass_fields__ if k in row}
        values["due_on"] = date.fromisoformat(row["due_on"]) if row.get("due_on") else None
        values["what"] = row.get("what") or ""
        values["responsible"] = row.get("responsible") or ""
        values["ip_goal"] = row.get("ip_goal") or ""
        values["due_text"] = row.get("due_text") or ""
        values["due_kind"] = row.get("due_kind") or "frist"
        return cls(**values)


@dataclass
class Review:
    """How a measure went, as recorded in one meeting's step 1."""

    measure_id: int
    meeting_id: int
    status: str | None = None  # "done" | "partly" | "not_done"
    comment: str = ""
    goal_reached: str | None = None  # "ja" | "delvis" | "nei"


@dataclass
class Referral:
    """A topic steered out of the meeting, kept for the coordinator only."""

    id: int
    group_id: int
    meeting_id: int | None
    category: str
    field: str
    text: str
    created_at: str
    handled_at: str | None = None


@dataclass
class Consent:
    """One written consent to set up the group and share information within it."""

    id: int
    group_id: int
    given_on: date
    given_by: str
    covers_all: bool = False
    member_ids: tuple[int, ...] = ()
    expires_on: date | None = None
    withdrawn_on: date | None = None
    note: str = ""

    def valid_on(self, day: date) -> bool:
        """Given, not yet expired and not withdrawn on that day."""
        if self.given_on > day:
            return False
        if self.expires_on is not None and day > self.expires_on:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on

    def covers(self, member_id: int, *, standing: bool) -> bool:
        """«Alle faste deltakere» covers the standing members; a guest must be named."""
        return (self.covers_all and standing) or member_id in self.member_ids

    @property
    def state(self) -> str:
        """`Gyldig`, `Utløpt 01.02.2026` or `Trukket tilbake 01.02.2026`, as of today."""
        today = date.today()
        if self.withdrawn_on is not None and self.withdrawn_on <= today:
            return f"Trukket tilbake {format_short_date(self.withdrawn_on)}"
        if self.expires_on is not None and self.expires_on < today:
            return f"Utløpt {format_short_date(self.expires_on)}"
        if self.given_on > today:
            return f"Gjelder fra {format_short_date(self.given_on)}"
        return "Gyldig"


@dataclass
class GroupOverview:
    """One line of the home screen's list."""

    group: Group
    next_meeting: datetime | None
    open_measures: int
    overdue_measures: int
    meeting_in_progress: bool
