"""The live meeting on the shared screen: one calm step at a time.

Everything typed is kept in memory as "pending" (in the session) and written to SQLite by
a timer twice a second, never on the path of a keystroke. The screen is put together from
mixins, one concern each: the step panes (meeting_steps), the topic guard (meeting_guard),
the lease (meeting_lease) and finishing (meeting_finish); the meeting's rules are in
`moteleder.session.MeetingSession`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, ContentSwitcher, Input, Static, TextArea

from moteleder.app.screens.meeting_finish import Finishing
from moteleder.app.screens.meeting_guard import GuardOnScreen
from moteleder.app.screens.meeting_lease import LeaseOnScreen
from moteleder.app.screens.meeting_rows import AttendanceRow, MeasureRow
from moteleder.app.screens.meeting_steps import StepPanes
from moteleder.app.widgets.clock import MeetingClock
from moteleder.app.widgets.guard_banner import GuardBanner
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.widgets.progress import StepBar
from moteleder.dates import DateInputError, format_datetime
from moteleder.session import Flag, MeetingSession, ReadOnly, Saved
from moteleder.steps import DEFAULT_STEPS, StepSpec
from moteleder.store import Store, StoreError


class MeetingScreen(StepPanes, GuardOnScreen, LeaseOnScreen, Finishing, Screen[None]):
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
        # In a browser tab (`moteleder nett`) a browser may keep an F-key or Ctrl+T for itself:
        # these reach the app there too. Not in the key bar (its keys can be clicked); the README names them.
        Binding("alt+n", "next_step", "Neste steg", show=False, priority=True),
        Binding("alt+p", "previous_step", "Forrige steg", show=False, priority=True),
        Binding("alt+t", "add_measure", "Nytt tiltak", show=False, priority=True),
    ]

    session: MeetingSession
    """The meeting being held (made in compose): every rule and every write goes through it."""

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
                                                profile=self.profile, lease_holder=self._lease_holder)
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
        # set_focus, not widget.focus(): that one waits in the queue behind keys already typed.
        for widget in pane.query("Input, TextArea, RadioSet, Button"):
            if widget.focusable:
                self.set_focus(widget, scroll_visible=False)
                return
        self.set_focus(pane, scroll_visible=False)

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

    # ------------------------------------------------------------------ step 0: the routine's rules
    def refresh_attendance_warnings(self) -> None:
        warnings = self.session.attendance_warnings()
        self.query_one("#attendance-warnings", Static).update("\n".join(warnings))
        # The agreement to go on without the guardians is only asked for when they are not here.
        for box in self.query("#agreed-without-guardians"):
            box.display = box.value or any("Foresatte" in w for w in warnings)

    @on(Checkbox.Changed, "#agreed-without-guardians")
    def _agreed_without_guardians(self, event: Checkbox.Changed) -> None:
        self.write(self.session.agree_without_guardians, event.value)
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
        member = self.write(self.session.add_guest, name, self.query_one("#guest-role", Input).value.strip())
        if member is None:
            return
        await self.query_one("#attendance-rows").mount(AttendanceRow(member, "present"))
        name_input.value = ""
        self.query_one("#guest-role", Input).value = ""

    # ------------------------------------------------------------------ step 4: measures
    @on(Button.Pressed, "#add-measure")
    async def action_add_measure(self) -> None:
        if self.steps[self.step_index].key != "measures":
            return
        measure = self.write(self.session.add_measure)
        if measure is None:
            return
        row = MeasureRow(measure, self.session.names())
        await self.query_one("#measure-rows").mount(row)
        self.set_focus(row.query_one(".ms-what", Input))  # at once, as in _focus_step

    # ------------------------------------------------------------------ step 6: next meeting
    def _update_next_when(self) -> None:
        target = self.query_one("#next-when", Static)
        try:
            text = self.session.next_meeting_when(self.query_one("#f-next_date", Input).value,
                                                  self.query_one("#f-next_time", Input).value)
        except DateInputError as problem:
            target.update(str(problem))
            return
        target.update(Content.styled(text, "bold") if text else "")

    # ------------------------------------------------------------------ the banner's and step 7's buttons
    @on(Button.Pressed, "#guard-refer")
    def _guard_refer_pressed(self) -> None:
        self.action_guard_refer()

    @on(Button.Pressed, "#guard-keep")
    def _guard_keep_pressed(self) -> None:
        self.action_guard_keep()

    @on(Button.Pressed, "#finalize")
    def _finalize_pressed(self) -> None:
        self.action_finalize()
