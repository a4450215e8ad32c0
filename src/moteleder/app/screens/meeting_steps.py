"""What each step of the live meeting shows: the widgets of steps 0–7, composed once.

A mixin for the meeting screen (`MeetingScreen.compose` calls `_compose_<step key>` for each
step of the group's routine); what the widgets do is the screen's and the rows' business.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Markdown, Static

from moteleder.app.screens.meeting_rows import (
    AttendanceRow,
    MeasureRow,
    ReviewRow,
    label_with_hint,
    line,
    note,
)
from moteleder.dates import format_weekday_date
from moteleder.minute import possessive


class StepPanes:
    """The contents of each step pane (the meeting screen's `session`, `meeting`, `store` …)."""

    def _compose_opening(self) -> ComposeResult:
        from moteleder.profiles.rules import first_meeting_items

        m = self.meeting
        items = first_meeting_items(self.profile) if self.profile is not None and m.is_first else []
        membership = self.session.membership_warnings()
        if membership:
            yield Static("\n".join(membership), classes="rule-warning", id="membership-warnings", markup=False)
        yield label_with_hint("Hvem er til stede?", "T = til stede · F = forfall")
        marks = self.store.attendance(self.meeting_id)
        with Vertical(id="attendance-rows"):
            for member in self.members:
                yield AttendanceRow(member, marks.get(member.id))
        if self.profile is not None and self.profile.guardians_absence_by_agreement:
            yield Checkbox("Det er avtalt at møtet holdes uten foresatte", m.agreed_without_guardians,
                           id="agreed-without-guardians")
        yield Static("", classes="rule-warning", id="attendance-warnings", markup=False)
        with Horizontal(id="guest-row"):
            yield Input(placeholder="Innkalt: navn", id="guest-name")
            yield Input(placeholder="Rolle og tjeneste", id="guest-role")
            yield Button("Legg til", id="add-guest")
        # After the roll call (so a group of seven fits on a small screen): the first meeting's own items.
        if items:
            yield Static("Første møte:\n" + "\n".join(f"• {item}" for item in items), classes="first-meeting",
                         id="first-meeting", markup=False)
        yield Label("Referent", classes="field-label", markup=False)
        yield line("referent", m.referent, placeholder="Hvem skriver referat?", suggestions=[x.name for x in self.members])
        yield Label("Saker meldt til eventuelt", classes="field-label", markup=False)
        yield note("aob_items", m.aob_items, placeholder="Én sak per linje. Prioriter mot tidsrammen.")

    def _compose_previous(self) -> ComposeResult:
        previous = self.store.previous_finalized(self.group.id, before_meeting_id=self.meeting_id)
        if previous and previous.minute_md:
            yield Label(f"Referat fra {format_weekday_date(previous.starts_at.date())}", classes="field-label", markup=False)
            yield Markdown(previous.minute_md, id="previous-minute")
        else:
            yield Static("Dette er gruppens første møte i moteleder; det finnes ikke noe tidligere referat.",
                         classes="muted", markup=False)
        yield Label("Godkjenning av eller kommentar til forrige referat", classes="field-label", markup=False)
        yield note("previous_comment", self.meeting.previous_comment, placeholder="Godkjent, eller kommentarer")
        to_review = self.store.measures_to_review(self.group.id, self.meeting_id)
        yield Label(f"Tiltak fra tidligere møter ({len(to_review)})", classes="field-label", markup=False)
        if to_review:
            yield Static("Velg med G (gjennomført), D (delvis) eller I (ikke gjennomført).", classes="key-hint",
                         markup=False)
        if not to_review:
            yield Static("Ingen åpne tiltak å følge opp.", classes="muted", markup=False)
        reviews = self.store.reviews(self.meeting_id)
        for measure in to_review:
            yield ReviewRow(measure, reviews.get(measure.id))

    def _compose_worked(self) -> ComposeResult:
        first = self.group.person_name.split()[0] if self.group.person_name.strip() else "Personen"
        yield Label(f"{possessive(first)} egen beskrivelse — først", classes="field-label", markup=False)
        yield note("person_voice", self.meeting.person_voice, placeholder=f"Hva forteller {first} selv?")
        yield Label("Tjenestenes supplement", classes="field-label", markup=False)
        yield note("worked", self.meeting.worked, placeholder="Hva har fungert siden sist?")

    def _compose_challenge(self) -> ComposeResult:
        yield Label("Største utfordring nå", classes="field-label", markup=False)
        yield note("challenge", self.meeting.challenge,
                   placeholder="Utfordringen(e), eventuell endring av mål, behov for ny kartlegging")

    def _compose_measures(self) -> ComposeResult:
        yield Label("Tiltak: hva — ansvarlig — frist eller evaluering", classes="field-label", markup=False)
        with Vertical(id="measure-rows"):
            for measure in self.store.measures_agreed(self.meeting_id):
                yield MeasureRow(measure, self.session.names())
        yield Button("Nytt tiltak (Ctrl+T)", id="add-measure")

    def _compose_aob(self) -> ComposeResult:
        if self.meeting.aob_items.strip():
            yield Label("Meldt til eventuelt", classes="field-label", markup=False)
            yield Static(self.meeting.aob_items, id="aob-items-view", markup=False)
        yield Label("Notater fra eventuelt", classes="field-label", markup=False)
        yield note("aob", self.meeting.aob, placeholder="Andre saker, om det er tid")

    def _compose_next(self) -> ComposeResult:
        m = self.meeting
        with Horizontal(classes="form-row"):
            with Vertical(classes="field narrow"):
                yield Label("Dato", classes="field-label", markup=False)
                yield line("next_date", m.next_date, placeholder="dd.mm.åååå")
            with Vertical(classes="field narrow"):
                yield Label("Klokkeslett", classes="field-label", markup=False)
                yield line("next_time", m.next_time, placeholder="14.00")
        yield Static("", id="next-when", classes="field-error", markup=False)
        yield Label("Tema", classes="field-label", markup=False)
        yield line("next_theme", m.next_theme, placeholder="Hva skal neste møte handle om?")
        yield Label("Hvem innkalles", classes="field-label", markup=False)
        yield line("next_invitees", m.next_invitees, placeholder="Faste deltakere, og eventuelt andre")

    def _compose_summary(self) -> ComposeResult:
        yield Markdown("", id="minute-preview")
        with Horizontal(classes="button-row"):
            yield Button("Ferdigstill referatet (F10)", variant="success", id="finalize")
        yield Static("", id="finalize-info", classes="field-error", markup=False)
