"""One meeting being held: the rules of the live meeting, testable without Textual.

The meeting screen shows widgets and passes on what the leader does; this session keeps
what was typed but not yet saved (and tries again when a save fails), applies the routine's
rules on who is here, decides what the topic guard shows, moves a referred sentence out of
the note, holds the meeting's lease (one meeting, one writer) and finalizes — in two
halves, so the slow second half can run in a worker. No Textual or rich here.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TypeVar

from moteleder import lease
from moteleder.models import Group, Measure, Meeting, Member
from moteleder.store import Store, StoreError

T = TypeVar("T")


@dataclass(frozen=True)
class Flag:
    """A topic in one field of the meeting that the guard flagged (or asks about)."""

    field: str  # the meeting column, or "measure:ID" / "review:ID"
    category: str
    phrase: str
    start: int
    end: int
    confidence: float = 1.0
    level: str = "flag"  # "flag": the guard is fairly sure; "ask": it asks quietly


class Saved(Enum):
    """What a flush did, for the screen to tell the leader."""

    NOTHING = "nothing"  # nothing was waiting
    SAVED = "saved"
    FAILED = "failed"  # kept in memory; the first failure in a row (say so once)
    STILL_FAILING = "still_failing"
    RECOVERED = "recovered"  # saved after one or more failures


class ReadOnly(StoreError):
    """The meeting is open in another instance: nothing is written here."""


class MeetingSession:
    """The live meeting: pending text, the guard's flags, referrals, the lease and finalizing."""

    def __init__(self, store: Store, meeting_id: int, *, profiles=None, profile=None,
                 lease_holder: str | None = None) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.profiles = profiles
        self.profile = profile  # the group's routine profile (None: no routine's rules apply)
        self.meeting: Meeting = store.meeting(meeting_id)
        self.group: Group = store.group(self.meeting.group_id)
        self.members: list[Member] = store.members(self.group.id)
        self.meeting_day: date = self.meeting.starts_at.date() if self.meeting.starts_at else date.today()
        self.step_seconds: dict[str, float] = dict(self.meeting.step_seconds)
        # What was typed since the last save, per meeting column / measure / review.
        self.pending: dict[str, str] = {}
        self.pending_measures: dict[int, dict] = {}
        self.pending_reviews: dict[int, str] = {}
        self.kept: set[tuple[str, str, str]] = set()  # flags the leader kept (field, category, phrase)
        self.finalized = False
        self.finalizing = False  # between begin_finalize and finalize_minute: nothing is saved
        self.pdf_problem: str | None = None  # why the finalized minute has no archive PDF, if it has none
        self.save_error: str | None = None  # the last failed save's message, until a save succeeds
        self.lease_holder = lease_holder or secrets.token_hex(8)
        self.read_only = False
        self.other_lease: lease.Lease | None = None  # who runs it, when we only read

    # ------------------------------------------------------------------ saving
    def write(self, action: Callable[..., T], *args, **kwargs) -> T:
        """One immediate write (attendance, a review, a measure …). Raises StoreError (ReadOnly
        when another instance runs the meeting)."""
        if self.read_only:
            raise ReadOnly("Møtet er åpent et annet sted, så ingenting lagres her.")
        if self.finalizing:
            raise StoreError("Referatet ferdigstilles akkurat nå; vent litt og prøv igjen.")
        return action(*args, **kwargs)

    def flush(self) -> Saved:
        """Write what was typed since the last flush. A failed save keeps the text waiting in
        memory for the next try; newer typing wins over what failed to save."""
        if self.finalized or self.finalizing or self.read_only:
            return Saved.NOTHING
        fields, self.pending = self.pending, {}
        measures, self.pending_measures = self.pending_measures, {}
        reviews, self.pending_reviews = self.pending_reviews, {}
        clock_changed = self.step_seconds != self.meeting.step_seconds
        if not (fields or measures or reviews or clock_changed):
            return Saved.NOTHING
        try:
            self._save(fields, measures, reviews)
        except StoreError as error:
            self.pending = {**fields, **self.pending}
            for measure_id, values in measures.items():
                self.pending_measures[measure_id] = {**values, **self.pending_measures.get(measure_id, {})}
            self.pending_reviews = {**reviews, **self.pending_reviews}
            first = self.save_error is None
            self.save_error = str(error)
            return Saved.FAILED if first else Saved.STILL_FAILING
        recovered = self.save_error is not None
        self.save_error = None
        return Saved.RECOVERED if recovered else Saved.SAVED

    def _save(self, fields: dict[str, object], measures: dict[int, dict], reviews: dict[int, str]) -> None:
        store = self.store
        if fields or self.step_seconds != self.meeting.step_seconds:
            values: dict[str, object] = dict(fields)
            values["step_seconds"] = {k: round(v) for k, v in self.step_seconds.items()}
            store.save_meeting_fields(self.meeting_id, values)
            self.meeting.step_seconds = dict(self.step_seconds)
        for measure_id, changes in measures.items():
            if changes:
                store.update_measure(measure_id, **changes)
        for measure_id, comment in reviews.items():
            store.set_review(measure_id, self.meeting_id, comment=comment)

    def go_to_step(self, key: str) -> None:
        """The leader moved to another step (flush first): saved, so a restart resumes there."""
        self.write(self.store.save_meeting_fields, self.meeting_id, {"current_step": key})

    # ------------------------------------------------------------------ who is here
    def names(self) -> list[str]:
        """The members' names and services: what a measure's «ansvarlig» is usually one of."""
        names = [m.name for m in self.members]
        services = [m.service for m in self.members if m.service]
        return list(dict.fromkeys(names + services))

    def membership_warnings(self) -> list[str]:
        """What the routine says about who belongs to the group (shown at the opening)."""
        from moteleder.profiles.rules import membership_warnings

        if self.profile is None:
            return []
        standing = [m for m in self.members if m.standing]
        return membership_warnings(
            self.profile,
            members_besides_family=sum(1 for m in standing if m.kind == "service"),
            person_age=self.group.age_on(self.meeting_day),
            person_is_member=any(m.kind == "person" for m in standing),
        )

    def attendance_warnings(self) -> list[str]:
        """What the routine says about who is here (guardians, the person, consent), as marked."""
        from moteleder.consent import consent_gaps
        from moteleder.profiles.rules import attendance_warnings

        if self.profile is None:
            return []
        marks = self.store.attendance(self.meeting_id)
        if not marks:
            return []
        present = {member_id for member_id, status in marks.items() if status == "present"}
        guardians = [m for m in self.members if m.kind == "guardian"]
        persons = [m for m in self.members if m.kind == "person"]
        warnings = attendance_warnings(
            self.profile,
            guardians_present=any(m.id in present for m in guardians) if guardians else True,
            agreed_without_guardians=self.meeting.agreed_without_guardians,
            person_age=self.group.age_on(self.meeting_day),
            person_present=any(m.id in present for m in persons) if persons else True,
        )
        return warnings + consent_gaps(self.store, self.group.id, sorted(present), today=self.meeting_day,
                                       profiles=self.profiles)

    def agree_without_guardians(self, agreed: bool) -> None:
        """The leader records (or takes back) that the meeting is held without the guardians."""
        self.meeting.agreed_without_guardians = agreed
        self.write(self.store.save_meeting_fields, self.meeting_id, {"agreed_without_guardians": int(agreed)})

    def add_guest(self, name: str, role: str) -> Member:
        """Someone invited to this meeting only: present, and not a standing member."""
        member_id = self.write(self.store.add_member, self.group.id, name, role=role, standing=False)
        self.write(self.store.set_attendance, self.meeting_id, member_id, "present")
        member = self.store.member(member_id)
        self.members.append(member)
        return member

    def add_measure(self) -> Measure:
        """A new, empty measure agreed in this meeting."""
        measure_id = self.write(self.store.add_measure, self.group.id, self.meeting_id)
        measure = self.store.measures_agreed(self.meeting_id)[-1]
        assert measure.id == measure_id
        return measure

    def next_meeting_when(self, date_text: str, time_text: str) -> str:
        """The next meeting's time read back to the leader ("" when no date is typed), with a
        word when it is not after this meeting. Raises DateInputError (Norwegian) when the date
        or the time cannot be read."""
        from moteleder.dates import format_weekday_date, parse_date, parse_time

        if not date_text.strip():
            return ""
        day = parse_date(date_text, today=self.meeting_day)
        clock = parse_time(time_text) if time_text.strip() else None
        text = format_weekday_date(day) + (f" kl. {clock.hour:02d}.{clock.minute:02d}" if clock else "")
        if day <= self.meeting_day:
            text += " — datoen er ikke etter dette møtet"
        return text

    # ------------------------------------------------------------------ the topic guard
    def check(self, field: str, text: str) -> Flag | None:
        """What the guard shows for this field's text: a sure hit first, then one it only asks
        about; never one the leader has kept."""
        from moteleder.guard import check

        result = check(text)
        for match in (*result.matches, *getattr(result, "asks", ())):
            if (field, match.category, match.phrase.lower()) not in self.kept:
                return Flag(field, match.category, match.phrase, match.start, match.end,
                            confidence=getattr(match, "confidence", 1.0), level=getattr(match, "level", "flag"))
        return None

    def keep(self, flag: Flag, text: str) -> None:
        """The leader kept the text (Behold): a false alarm, recorded with its sentence."""
        from moteleder.referral import cut_sentence

        self.kept.add((flag.field, flag.category, flag.phrase.lower()))
        sentence = cut_sentence(text, flag.start, flag.end)[0] if text[flag.start:flag.end] == flag.phrase else ""
        self.write(self.store.record_false_alarm, flag.category, flag.phrase, flag.field, sentence)

    def refer(self, field: str, text: str, category: str, start: int, end: int, *, manual: bool) -> str | None:
        """Move the sentence holding text[start:end] into the coordinator's private follow-up
        list (the minute gets one neutral line). Returns the note without it, or None when there
        is no sentence there. The sentence stays in the note unless it is safely stored.
        A manual refer (the guard missed it) is also kept as feedback for the guard's corpus."""
        from moteleder.referral import cut_sentence

        sentence, rest = cut_sentence(text, start, end)
        if not sentence:
            return None
        self.write(self.store.add_referral, self.group.id, self.meeting_id, category, field, sentence)
        if manual:
            self.write(self.store.record_guard_feedback, "missed", category, "", field, sentence)
        return rest

    def refer_flag(self, flag: Flag, text: str) -> str | None:
        """Refer what the guard flagged; None when the flagged words are no longer there."""
        start = flag.start if text[flag.start:flag.end] == flag.phrase else text.find(flag.phrase)
        if start < 0:
            return None
        return self.refer(flag.field, text, flag.category, start, start + len(flag.phrase), manual=False)

    # ------------------------------------------------------------------ one meeting, one writer
    def take_lease(self) -> None:
        """Hold the meeting's lease, or become read-only when another instance runs it."""
        try:
            self.other_lease = lease.acquire(self.store, self.meeting_id, self.lease_holder)
        except StoreError:
            self.other_lease = None  # busy: the autosave will say so if it stays that way
        self.read_only = self.other_lease is not None

    def renew_lease(self) -> bool:
        """Heartbeat. False when another instance took the meeting over: then this session
        turns read-only and drops what it had not saved (the other one writes now)."""
        if self.read_only or self.finalized or self.finalizing:
            return True
        if lease.heartbeat(self.store, self.meeting_id, self.lease_holder):
            return True
        self.pending, self.pending_measures, self.pending_reviews = {}, {}, {}
        self.read_only = True
        self.other_lease = lease.current(self.store, self.meeting_id)
        return False

    def lease_is_free(self) -> bool:
        """Read-only: has the other instance let go (closed, or silent for 30 s)?"""
        self.other_lease = lease.current(self.store, self.meeting_id)
        return self.other_lease is None or self.other_lease.is_stale()

    def take_over(self, step_key: str) -> None:
        """Take the lease for this holder, carrying on from the step being looked at. This
        session stays read-only (what it shows may be stale): open a new session with the
        same `lease_holder` to run the meeting from what the database holds now."""
        lease.acquire(self.store, self.meeting_id, self.lease_holder, take_over=True)
        self.store.save_meeting_fields(self.meeting_id, {"current_step": step_key})

    def leave(self) -> None:
        """The meeting leaves the screen: save, and free the lease for the next instance."""
        self.flush()
        if not self.read_only and not self.finalizing:  # (quitting mid-finalize: the lease times out)
            lease.release(self.store, self.meeting_id, self.lease_holder)

    # ------------------------------------------------------------------ finalize
    def finalize(self, minutes_dir: Path) -> Path:
        """Save what is pending, then finalize the minute (database and file as one unit)."""
        self.begin_finalize()
        return self.finalize_minute(minutes_dir)

    def begin_finalize(self) -> None:
        """The first half, on the thread that saves what is typed: save what is pending, and
        stop saving until `finalize_minute` is done (what is typed meanwhile waits in memory).
        Raises ReadOnly, or StoreError while saves fail; the meeting then stays open."""
        if self.read_only:
            raise ReadOnly("Møtet er åpent et annet sted; ferdigstill det der.")
        if self.finalizing:
            raise StoreError("Referatet ferdigstilles allerede.")
        self.flush()
        if self.save_error is not None:
            raise StoreError(self.save_error)
        self.finalizing = True

    def finalize_minute(self, minutes_dir: Path) -> Path:
        """The second half, which may run in a worker: freeze the minute and write its files.
        On failure (ExportError / StoreError) the meeting stays open, to be tried again. The
        Markdown file's path; `pdf_problem` then says (Norwegian) if the archive PDF is missing."""
        from moteleder.meeting import finalize

        def pdf_missing(problem: str) -> None:
            self.pdf_problem = problem

        try:
            path = finalize(self.store, self.meeting_id, minutes_dir, self.profiles, on_pdf_problem=pdf_missing)
            self.finalized = True
        finally:
            self.finalizing = False
        return path
