"""The live meeting on the shared screen: one calm step at a time.

Everything typed is kept in memory as "pending" and written to SQLite by a
timer twice a second, never on the path of a keystroke.
"""

from __future__ import annotations

import sqlite3

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    ContentSwitcher,
    Input,
    Label,
    Markdown,
    Static,
    TextArea,
)

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.screens.meeting_rows import (
    AttendanceRow,
    MeasureRow,
    ReviewRow,
    label_with_hint,
    line,
    note,
)
from moteleder.app.widgets.clock import MeetingClock
from moteleder.app.widgets.guard_banner import GuardBanner
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.widgets.progress import StepBar
from moteleder.app.workers import DB, WorkDone, WorkFailed, failure_text, on_db
from moteleder.dates import (
    DateInputError,
    format_datetime,
    format_weekday_date,
    parse_date,
    parse_time,
)
from moteleder.minute import possessive
from moteleder.session import Flag, MeetingSession, ReadOnly, Saved
from moteleder.steps import DEFAULT_STEPS, StepSpec
from moteleder.storage import Store, StoreError


def _offset(text: str, location: tuple[int, int]) -> int:
    """A TextArea (row, column) as an offset into its text."""
    row, column = location
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + min(column, len(lines[row]) if row < len(lines) else 0)


class MeetingScreen(Screen[None]):
    """The guided meeting: steps 0–7 on the shared screen."""

    # When the key bar is short: the banner's buttons show F4 and F6 themselves.
    KEY_BAR_DROP_ORDER = ("home", "guard_keep", "guard_refer")
    BINDINGS = [
        Binding("f7", "previous_step", "Forrige steg", priority=True),
        Binding("f8", "next_step", "Neste steg", priority=True),
        Binding("ctrl+t", "add_measure", "Nytt tiltak", priority=True),
        Binding("f10", "finalize", "Ferdigstill", priority=True),
        Binding("ctrl+o", "home", "Til oversikten", priority=True),
        Binding("f4", "refer", "Henvis tema", priority=True),
        Binding("f6", "guard_keep", "Behold", priority=True),
        Binding("f9", "take_over", "Ta over møtet", priority=True),
    ]

    def __init__(self, meeting_id: int, profile=None, *, lease_holder: str | None = None) -> None:
        super().__init__()
        from moteleder.profiles.rules import steps_for

        self.meeting_id = meeting_id
        self.profile = profile
        self.steps: tuple[StepSpec, ...] = steps_for(profile) if profile is not None else DEFAULT_STEPS
        self.step_index = 0
        self._lease_holder = lease_holder
        # Topic guard: fields typed in since the last check, and the flag on screen.
        self.guard_dirty: dict[str, object] = {}
        self.flag: Flag | None = None
        self._lease_free = False

    @property
    def store(self) -> Store:
        return self.app.store

    # The meeting's rules live in the session; the rows and tests read these through the screen.
    @property
    def pending(self) -> dict[str, str]:
        return self.session.pending

    @property
    def pending_measures(self) -> dict[int, dict]:
        return self.session.pending_measures

    @property
    def pending_reviews(self) -> dict[int, str]:
        return self.session.pending_reviews

    @property
    def read_only(self) -> bool:
        return self.is_composed and self.session.read_only

    @property
    def finalized(self) -> bool:
        return self.is_composed and self.session.finalized

    @property
    def finalizing(self) -> bool:
        return self.is_composed and self.session.finalizing

    @property
    def is_composed(self) -> bool:
        """The session is made in compose; key bindings are checked before that."""
        return "session" in self.__dict__

    @property
    def lease_holder(self) -> str:
        return self.session.lease_holder

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        self.session = session = MeetingSession(self.store, self.meeting_id, profiles=self.app.profiles,
                                                lease_holder=self._lease_holder)
        self.meeting, self.group, self.members = session.meeting, session.group, session.members
        self.meeting_day = session.meeting_day
        self.step_seconds = session.step_seconds
        meeting, group = self.meeting, self.group
        keys = [s.key for s in self.steps]
        self.step_index = keys.index(meeting.current_step) if meeting.current_step in keys else 0
        when = format_datetime(meeting.starts_at) if meeting.starts_at else ""
        session.take_lease()
        yield Static(f"Ansvarsgruppemøte for {group.person_name} · {when}", id="meeting-bar", markup=False)
        yield Static(self._lease_text(session.other_lease) if session.read_only else "", id="lease-banner",
                     markup=False)
        yield StepBar(self.steps, id="progress")
        yield MeetingClock(id="clock")
        with ContentSwitcher(id="steps", initial=f"step-{self.steps[self.step_index].key}",
                             disabled=self.read_only):
            for spec in self.steps:
                with VerticalScroll(id=f"step-{spec.key}", classes="step"):
                    yield Static(spec.title, classes="step-title", markup=False)
                    yield Static(spec.prompt, classes="prompt", markup=False)
                    yield from getattr(self, f"_compose_{spec.key}")()
        # Under the step, not over it: the step shrinks, and the field being typed in is
        # scrolled back into view (see _show_flag).
        yield GuardBanner(id="guard-banner")
        yield KeyBar()

    def _names(self) -> list[str]:
        names = [m.name for m in self.members]
        services = [m.service for m in self.members if m.service]
        return list(dict.fromkeys(names + services))

    def _compose_opening(self) -> ComposeResult:
        from moteleder.profiles.rules import first_meeting_items

        m = self.meeting
        items = first_meeting_items(self.profile) if self.profile is not None and m.is_first else []
        membership = self._membership_warnings()
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
                yield MeasureRow(measure, self._names())
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

    # ------------------------------------------------------------------ lifecycle
    def on_mount(self) -> None:
        # A meeting has been on the shared screen: the next screen that lists more than this
        # meeting comes up behind the privacy curtain.
        self.app.curtain_pending = True
        self.set_interval(self.app.autosave_interval, self.flush)
        self.set_interval(1.0, self._tick)
        self.set_interval(self.app.guard_interval, self._run_guard)
        self.set_interval(self.app.lease_interval, self._lease_tick)
        self.query_one("#lease-banner").display = self.read_only
        self.app.warm_guard()
        self.query_one(GuardBanner).show(None)
        self._show_step(self.step_index, initial=True)
        self._update_next_when()
        self.refresh_attendance_warnings()

    def on_unmount(self) -> None:
        if not self.session.finalizing:  # (the app quits mid-finalize: the worker ends it)
            self.write(self.session.leave)

    def _tick(self) -> None:
        if not self.app.clock_running:
            return
        key = self.steps[self.step_index].key
        self.step_seconds[key] = self.step_seconds.get(key, 0) + 1
        self._update_clock()

    def _update_clock(self) -> None:
        spec = self.steps[self.step_index]
        self.query_one(MeetingClock).show(
            self.step_seconds.get(spec.key, 0), spec.minutes, sum(self.step_seconds.values()),
            sum(s.minutes for s in self.steps),
        )

    # ------------------------------------------------------------------ saving
    @on(TextArea.Changed, ".meeting-field")
    def _note_changed(self, event: TextArea.Changed) -> None:
        self.pending[event.text_area.name] = event.text_area.text
        self.guard_dirty[event.text_area.name] = event.text_area

    @on(Input.Changed, ".meeting-field")
    def _line_changed(self, event: Input.Changed) -> None:
        self.pending[event.input.name] = event.value
        self.guard_dirty[event.input.name] = event.input
        if event.input.name in ("next_date", "next_time"):
            self._update_next_when()

    def flush(self) -> None:
        """Write what was typed since the last flush (runs on a timer, and on every step change).

        A failed save (a full disk, say) keeps the text waiting in memory and tries again on
        the next tick; the leader sees a message, and the meeting goes on.
        """
        saved = self.session.flush()
        if saved is Saved.FAILED:
            self.notify(f"{self.session.save_error} Teksten er ikke borte; moteleder prøver igjen.",
                        title="Ikke lagret", severity="error", timeout=10)
        elif saved is Saved.RECOVERED:
            self.notify("Alt er lagret igjen.", title="Lagret")

    def write(self, action, *args, **kwargs):
        """Run one immediate database write; on failure say so calmly and return None (the meeting goes on)."""
        import sqlite3

        try:
            result = self.session.write(action, *args, **kwargs)
        except ReadOnly as error:
            self.notify(str(error), title="Bare lesing", severity="warning")
            return None
        except (StoreError, sqlite3.Error) as error:
            message = str(error) if isinstance(error, StoreError) else "Databasen kunne ikke skrive endringen."
            self.notify(f"{message} Prøv igjen.", title="Ikke lagret", severity="error", timeout=10)
            return None
        return True if result is None else result

    # ------------------------------------------------------------------ navigation
    def _show_step(self, index: int, *, initial: bool = False) -> None:
        self.flush()
        self.step_index = index
        spec = self.steps[index]
        self.query_one("#steps", ContentSwitcher).current = f"step-{spec.key}"
        self.query_one(StepBar).show(index)
        self._update_clock()
        if not initial and not self.read_only:
            self.write(self.session.go_to_step, spec.key)
        if spec.key == "summary":
            self._refresh_preview()
        self.refresh_bindings()
        # Focus moves at once, so keys typed right after F8 land in the new step, never the old one.
        self._focus_step()
        self.call_after_refresh(self._scroll_step_home)

    def _scroll_step_home(self) -> None:
        self.query_one(f"#step-{self.steps[self.step_index].key}", VerticalScroll).scroll_home(animate=False)

    def _focus_step(self) -> None:
        pane = self.query_one(f"#step-{self.steps[self.step_index].key}", VerticalScroll)
        for widget in pane.query("Input, TextArea, RadioSet, Button"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                return
        pane.focus(scroll_visible=False)

    def action_next_step(self) -> None:
        if self.step_index < len(self.steps) - 1:
            self._show_step(self.step_index + 1)

    def action_previous_step(self) -> None:
        if self.step_index > 0:
            self._show_step(self.step_index - 1)

    def action_goto(self, index: int) -> None:
        if 0 <= index < len(self.steps) and index != self.step_index:
            self._show_step(index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        key = self.steps[self.step_index].key
        if action == "take_over":
            return self.read_only and self._lease_free
        if self.read_only and action in ("refer", "guard_refer", "guard_keep", "add_measure", "finalize"):
            return False
        if self.finalizing and action in ("previous_step", "next_step", "goto", "home", "refer", "guard_refer",
                                          "guard_keep", "add_measure"):
            return False  # nothing is written while the minute is being finalized
        if action == "refer":
            return key != "summary"
        if action in ("guard_refer", "guard_keep"):
            return self.flag is not None
        if action == "add_measure":
            return key == "measures"
        if action == "finalize":
            return key == "summary" and not self.finalized
        if action == "previous_step":
            return True if self.step_index > 0 else None
        if action == "next_step":
            return True if self.step_index < len(self.steps) - 1 else None
        return True

    def action_home(self) -> None:
        self.flush()
        self.notify("Møtet er lagret. Velg gruppen igjen for å fortsette.")
        self.dismiss()

    # ------------------------------------------------------------------ one meeting, one writer
    def _lease_text(self, held) -> str:
        if self._lease_free:
            return (f"{held.describe()}, men det har ikke vært aktivt siden kl. {held.last_seen()}. "
                    "Trykk F9 for å ta over møtet her." if held is not None else
                    "Møtet er ikke lenger åpent et annet sted. Trykk F9 for å fortsette det her.")
        return (f"{held.describe()}. Her kan du bare lese; det som skrives der, lagres der. "
                "Du kan ta over når det andre vinduet er lukket eller ikke har vært aktivt på 30 sekunder.")

    def _lease_tick(self) -> None:
        """Renew our lease; or, read-only, see whether the other instance has let go."""
        session = self.session
        try:
            if not session.read_only:
                if session.renew_lease():
                    return
                self.query_one("#steps").disabled = True
                self.notify("Møtet er tatt over i et annet vindu. Det som skrives der, lagres der; "
                            "her kan du bare lese.", title="Bare lesing", severity="warning", timeout=12)
            free = session.lease_is_free()
        except StoreError:
            return  # busy: try again on the next tick
        changed = free != self._lease_free
        self._lease_free = free
        banner = self.query_one("#lease-banner", Static)
        banner.update(self._lease_text(session.other_lease))
        banner.display = True
        if changed:
            self.refresh_bindings()

    def action_take_over(self) -> None:
        """Run the meeting here: take the lease and open the meeting afresh from the database."""
        if not (self.read_only and self._lease_free):
            return
        try:
            self.session.take_over(self.steps[self.step_index].key)
        except StoreError as error:
            self.notify(f"{error} Prøv igjen.", title="Ikke tatt over", severity="error")
            return
        self.app.switch_screen(MeetingScreen(self.meeting_id, profile=self.profile, lease_holder=self.lease_holder))

    # ------------------------------------------------------------------ the topic guard
    def _run_guard(self) -> None:
        """Check the fields typed in since last time (on a timer, never on a keystroke)."""
        if not self.guard_dirty or not self.app.guard_enabled:
            return
        dirty, self.guard_dirty = self.guard_dirty, {}
        for field, widget in dirty.items():
            flag = self.session.check(field, self._field_text(widget))
            if flag is not None:
                self._show_flag(flag)
            elif self.flag is not None and self.flag.field == field:
                self._show_flag(None)  # the flagged words are gone

    def _show_flag(self, flag: Flag | None) -> None:
        if flag == self.flag:
            return  # nothing new: leave the screen (and the footer) as it is
        self.flag = flag
        self.query_one(GuardBanner).show(flag)
        self.refresh_bindings()
        self.call_after_refresh(self._focused_into_view)

    def _focused_into_view(self) -> None:
        """Keep the field being typed in on screen when the banner takes room from the step."""
        if self.focused is not None and self.focused is not self.query_one(f"#step-{self.steps[self.step_index].key}"):
            self.focused.scroll_visible(animate=False)

    def _flagged_widget(self, field: str):
        if field.startswith("measure:"):
            return self.query_one(f"#ms-{field.split(':')[1]} .ms-what", Input)
        if field.startswith("review:"):
            return self.query_one(f"#rev-{field.split(':')[1]}-comment", Input)
        return self.query_one(f"#f-{field}")

    def _field_text(self, widget) -> str:
        return widget.text if isinstance(widget, TextArea) else widget.value

    def _replace_text(self, widget, rest: str) -> None:
        if isinstance(widget, TextArea):
            widget.text = rest
        else:
            widget.value = rest
        self.flush()
        self.notify("Temaet er flyttet til din private oppfølgingsliste. Det kommer ikke i referatet.",
                    title="Henvist videre", timeout=6)

    def action_refer(self) -> None:
        """F4: refer the flagged sentence, or — when nothing is flagged — the sentence at the
        cursor (or the selection), after asking which topic it is."""
        if self.flag is not None:
            self.action_guard_refer()
            return
        from moteleder.app.screens.refer import ReferScreen

        target = self._referable_focus()
        if target is None:
            self.notify("Sett markøren i setningen som skal henvises videre, og trykk F4.", title="Henvis tema")
            return
        field, widget, start, end = target
        if not self._field_text(widget).strip():
            self.notify("Feltet er tomt; det er ingenting å henvise.", title="Henvis tema")
            return

        def chosen(category: str | None) -> None:
            if category is not None and self.is_mounted:
                rest = self.write(self.session.refer, field, self._field_text(widget), category, start, end,
                                  manual=True)
                if isinstance(rest, str):
                    self._replace_text(widget, rest)
                widget.focus()

        self.app.push_screen(ReferScreen(), chosen)

    def _referable_focus(self):
        """(field, widget, start, end) for the text field in focus: its selection, or the cursor."""
        widget = self.focused
        if isinstance(widget, TextArea) and widget.name:
            text = widget.text
            selection = widget.selection
            ends = sorted((_offset(text, selection.start), _offset(text, selection.end)))
            return widget.name, widget, ends[0], ends[1]
        if isinstance(widget, Input):
            if widget.name and "meeting-field" in widget.classes:
                field = widget.name
            elif widget.has_class("ms-what") and isinstance(widget.parent.parent, MeasureRow):
                field = f"measure:{widget.parent.parent.measure.id}"
            elif widget.has_class("review-comment") and isinstance(widget.parent, ReviewRow):
                field = f"review:{widget.parent.measure.id}"
            else:
                return None
            start, end = sorted(widget.selection) if not widget.selection.is_empty else (
                widget.cursor_position, widget.cursor_position)
            return field, widget, start, end
        return None

    @on(Button.Pressed, "#guard-refer")
    def action_guard_refer(self) -> None:
        """Move the flagged sentence out of the note into the coordinator's private follow-up list."""
        flag = self.flag
        if flag is None:
            return
        widget = self._flagged_widget(flag.field)
        rest = self.write(self.session.refer_flag, flag, self._field_text(widget))
        if rest is None:
            return  # not saved: the sentence stays in the note until it is safely in the private list
        if isinstance(rest, str):  # (True: the flagged words were gone)
            self._replace_text(widget, rest)
        self._show_flag(None)

    @on(Button.Pressed, "#guard-keep")
    def action_guard_keep(self) -> None:
        """Keep the text: the leader judged it ordinary meeting talk (a false alarm)."""
        flag = self.flag
        if flag is None:
            return
        self.write(self.session.keep, flag, self._field_text(self._flagged_widget(flag.field)))
        self._show_flag(None)

    # ------------------------------------------------------------------ step 0: the routine's rules
    def _membership_warnings(self) -> list[str]:
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
        """What the routine says about who is here (guardians, the person), live as marks change."""
        from moteleder.profiles.rules import attendance_warnings

        if self.profile is None:
            return []
        marks = self.store.attendance(self.meeting_id)
        if not marks:
            return []
        present = {member_id for member_id, status in marks.items() if status == "present"}
        guardians = [m for m in self.members if m.kind == "guardian"]
        persons = [m for m in self.members if m.kind == "person"]
        from moteleder.consent import consent_gaps

        warnings = attendance_warnings(
            self.profile,
            guardians_present=any(m.id in present for m in guardians) if guardians else True,
            agreed_without_guardians=self.meeting.agreed_without_guardians,
            person_age=self.group.age_on(self.meeting_day),
            person_present=any(m.id in present for m in persons) if persons else True,
        )
        return warnings + consent_gaps(self.store, self.group.id, sorted(present), today=self.meeting_day,
                                       profiles=self.app.profiles)

    def refresh_attendance_warnings(self) -> None:
        warnings = self.attendance_warnings()
        self.query_one("#attendance-warnings", Static).update("\n".join(warnings))
        # The agreement to go on without the guardians is only asked for when they are not here.
        for box in self.query("#agreed-without-guardians"):
            box.display = box.value or any("Foresatte" in w for w in warnings)

    @on(Checkbox.Changed, "#agreed-without-guardians")
    def _agreed_without_guardians(self, event: Checkbox.Changed) -> None:
        self.meeting.agreed_without_guardians = event.value
        self.write(self.store.save_meeting_fields, self.meeting_id, {"agreed_without_guardians": int(event.value)})
        self.refresh_attendance_warnings()

    # ------------------------------------------------------------------ step 0: guests
    @on(Button.Pressed, "#add-guest")
    async def _add_guest(self) -> None:
        name_input = self.query_one("#guest-name", Input)
        name = name_input.value.strip()
        if not name:
            self.notify("Skriv navnet på den som er innkalt.", severity="warning")
            name_input.focus()
            return
        role = self.query_one("#guest-role", Input).value.strip()
        member_id = self.write(self.store.add_member, self.group.id, name, role=role, standing=False)
        if not member_id or not self.write(self.store.set_attendance, self.meeting_id, member_id, "present"):
            return
        member = self.store.member(member_id)
        self.members.append(member)
        await self.query_one("#attendance-rows").mount(AttendanceRow(member, "present"))
        name_input.value = ""
        self.query_one("#guest-role", Input).value = ""

    # ------------------------------------------------------------------ step 4: measures
    @on(Button.Pressed, "#add-measure")
    async def action_add_measure(self) -> None:
        if self.steps[self.step_index].key != "measures":
            return
        measure_id = self.write(self.store.add_measure, self.group.id, self.meeting_id)
        if not measure_id:
            return
        row = MeasureRow(self.store.measures_agreed(self.meeting_id)[-1], self._names())
        assert row.measure.id == measure_id
        await self.query_one("#measure-rows").mount(row)
        row.query_one(".ms-what", Input).focus()

    # ------------------------------------------------------------------ step 6: next meeting
    def _update_next_when(self) -> None:
        date_text = self.query_one("#f-next_date", Input).value
        time_text = self.query_one("#f-next_time", Input).value
        target = self.query_one("#next-when", Static)
        if not date_text.strip():
            target.update("")
            return
        try:
            day = parse_date(date_text, today=self.meeting_day)
            clock = parse_time(time_text) if time_text.strip() else None
        except DateInputError as problem:
            target.update(str(problem))
            return
        text = format_weekday_date(day) + (f" kl. {clock.hour:02d}.{clock.minute:02d}" if clock else "")
        if day <= self.meeting_day:
            text += " — datoen er ikke etter dette møtet"
        target.update(Content.styled(text, "bold"))

    # ------------------------------------------------------------------ step 7: finalize
    def _refresh_preview(self) -> None:
        from moteleder.meeting import preview_minute

        self.flush()
        self.query_one("#minute-preview", Markdown).update(
            preview_minute(self.store, self.meeting_id, self.app.profiles))

    def _problems(self) -> list[str]:
        problems = []
        for row in self.query(MeasureRow):
            problem = row.date_problem()
            if problem:
                what = row.query_one(".ms-what", Input).value.strip() or "et tiltak"
                problems.append(f"Tiltak «{what}»: {problem}")
        date_text = self.query_one("#f-next_date", Input).value
        if date_text.strip():
            try:
                parse_date(date_text, today=self.meeting_day)
                time_text = self.query_one("#f-next_time", Input).value
                if time_text.strip():
                    parse_time(time_text)
            except DateInputError as problem:
                problems.append(f"Neste møte: {problem}")
        return problems

    @on(Button.Pressed, "#finalize")
    def action_finalize(self) -> None:
        if self.finalized or self.steps[self.step_index].key != "summary":
            return
        if self.session.finalizing:
            self.notify("Referatet lagres allerede.", title="Ferdigstill")
            return
        problems = self._problems()
        info = self.query_one("#finalize-info", Static)
        if problems:
            info.update("Rett dette før referatet ferdigstilles:\n" + "\n".join(problems))
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._finalize_now()

        self.app.push_screen(
            ConfirmScreen("Ferdigstille referatet nå? Etterpå kan det ikke endres.",
                          yes="Ferdigstill", no="Ikke ennå"),
            answer,
        )

    def _finalize_now(self) -> None:
        """Save what is pending here, then finalize and export in a worker: the screen says it
        is saving, and refuses a second F10 until the result is back."""
        info = self.query_one("#finalize-info", Static)
        try:
            self.session.begin_finalize()
        except (StoreError, sqlite3.Error) as error:
            self._finalize_failed(error)
            return
        info.update("Lagrer referatet …")
        self.refresh_bindings()
        self._finalize_in_worker(self.session, self.app.minutes_dir)

    @work(thread=True, exclusive=True, exit_on_error=False, group=DB)
    def _finalize_in_worker(self, session: MeetingSession, minutes_dir) -> None:
        with on_db(self, "finalize"):
            self.post_message(WorkDone("finalize", session.finalize_minute(minutes_dir)))

    def on_work_done(self, message: WorkDone) -> None:
        if message.job == "finalize":
            self.refresh_bindings()
            self._refresh_done(message.result)

    def on_work_failed(self, message: WorkFailed) -> None:
        if message.job == "finalize":
            self.refresh_bindings()
            self._finalize_failed(message.error)

    def _finalize_failed(self, error: BaseException) -> None:
        """The meeting stays open, exactly as it was; F10 tries again."""
        self.query_one("#finalize-info", Static).update(
            f"Referatet ble ikke ferdigstilt: {failure_text(error)}\nMøtet er fortsatt åpent, og ingenting er borte. "
            "Trykk F10 for å prøve igjen.")

    def _refresh_done(self, path) -> None:
        from moteleder.app.screens.minute_view import MinuteViewScreen

        self.app.switch_screen(MinuteViewScreen(self.meeting_id, saved_to=str(path)))
