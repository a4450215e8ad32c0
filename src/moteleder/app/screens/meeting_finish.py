"""Finishing the meeting on screen: the minute's preview (step 7), F10, and finalizing in a worker.

A mixin for the meeting screen. The session saves what is pending and then, in a worker of
the database group (see app/workers.py), freezes the minute and writes its file as one
unit; meanwhile the screen says it is saving and refuses a second F10. On failure the
meeting stays open exactly as it was, and F10 tries again.
"""

from __future__ import annotations

import sqlite3

from textual import work
from textual.widgets import Input, Markdown, Static

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.screens.meeting_rows import MeasureRow
from moteleder.app.workers import DB, WorkDone, WorkFailed, failure_text, on_db
from moteleder.dates import DateInputError
from moteleder.session import MeetingSession
from moteleder.store import StoreError


class Finishing:
    """Step 7 and F10 (the screen's `session`, `steps`, `step_index` …)."""

    def _refresh_preview(self) -> None:
        """Step 7 shows the minute as it would be finalized now."""
        from moteleder.meeting import preview_minute

        self.flush()
        self.query_one("#minute-preview", Markdown).update(
            preview_minute(self.store, self.meeting_id, self.app.profiles))

    def _problems(self) -> list[str]:
        """What must be put right first: a measure's date, the next meeting's date or time."""
        problems = []
        for row in self.query(MeasureRow):
            problem = row.date_problem()
            if problem:
                what = row.query_one(".ms-what", Input).value.strip() or "et tiltak"
                problems.append(f"Tiltak «{what}»: {problem}")
        try:
            self.session.next_meeting_when(self.query_one("#f-next_date", Input).value,
                                           self.query_one("#f-next_time", Input).value)
        except DateInputError as problem:
            problems.append(f"Neste møte: {problem}")
        return problems

    def action_finalize(self) -> None:
        """F10 in step 7: check, ask, then finalize."""
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
            if self.session.pdf_problem:  # the minute is finalized; only its archive PDF is missing
                self.app.notify(self.session.pdf_problem, severity="warning", timeout=30, markup=False)
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
