"""Planning the next meeting: its time, the items members reported in advance, the invitation."""

from __future__ import annotations

from datetime import date, datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Input, Label, Static

from moteleder.app.plain import plain_cells
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.workers import DB, WorkDone, WorkFailed, failure_text, on_db, report_failure


class InvitationScreen(Screen[None]):
    """Innkalling for one group's planned meeting."""

    # Styled in styles/between.tcss.
    BINDINGS = [
        Binding("f10", "write", "Skriv innkalling", priority=True),
        Binding("ctrl+t", "add_item", "Legg til sak", priority=True),
        Binding("escape", "back", "Tilbake"),
    ]

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id
        self.writing = False  # the invitation is being written (in a worker): nothing else is saved

    def _busy(self) -> bool:
        """While the invitation is written, this screen writes nothing else (see app/workers.py)."""
        if self.writing:
            self.notify("Vent litt: innkallingen skrives.", title="Innkalling")
        return self.writing

    def compose(self) -> ComposeResult:
        group = self.app.store.group(self.group_id)
        yield Header()
        with VerticalScroll(id="invitation-page"):
            yield Static(f"Innkalling til neste møte – {group.person_name}", classes="screen-title", markup=False)
            yield Static("", id="invitation-facts", classes="facts", markup=False)
            with Vertical(id="set-time"):
                yield Static("Neste møte er ikke satt. Skriv dato og klokkeslett:", classes="field-label", markup=False)
                with Horizontal(classes="form-row"):
                    with Vertical(classes="field narrow"):
                        yield Label("Dato", markup=False)
                        yield Input("", id="plan-date", placeholder="dd.mm.åååå")
                    with Vertical(classes="field narrow"):
                        yield Label("Klokkeslett", markup=False)
                        yield Input("", id="plan-time", placeholder="14.00")
                    with Vertical(classes="field"):
                        yield Label("Tema (valgfritt)", markup=False)
                        yield Input("", id="plan-theme")
                with Horizontal(classes="button-row"):
                    yield Button("Sett møtetidspunkt", id="set-meeting", variant="primary")
            yield Static("Saker meldt inn på forhånd", classes="section-title", markup=False)
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="form-row", id="agenda-form"):
                with Vertical(classes="field narrow"):
                    yield Label("Meldt av", markup=False)
                    yield Input("", id="item-who", placeholder="f.eks. mor")
                with Vertical(classes="field"):
                    yield Label("Sak", markup=False)
                    yield Input("", id="item-text", placeholder="Hva ønsker de å ta opp?")
            with Horizontal(classes="button-row"):
                yield Button("Legg til sak (Ctrl+T)", id="add-item")
                yield Button("Skriv innkalling (F10)", variant="primary", id="write")
            yield Static("", id="invitation-error", classes="field-error", markup=False)
            yield Static("", id="invitation-result", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#agenda-table", DataTable).add_columns("Meldt av", "Sak")
        self._refresh()
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        """Typing starts at once: in the meeting's date when it is not set, else in who reports an item."""
        first = "#plan-date" if self.query_one("#set-time").display else "#item-who"
        if self.query_one("#agenda-form").display or first == "#plan-date":
            self.query_one(first, Input).focus()

    @property
    def planned(self):
        return self.app.store.planned_meeting(self.group_id)

    def _refresh(self) -> None:
        from moteleder.dates import format_datetime, format_short_date
        from moteleder.profiles.rules import invitation_warning

        store = self.app.store
        planned = self.planned
        has_time = planned is not None and planned.starts_at is not None
        self.query_one("#set-time").display = not has_time
        self.query_one("#agenda-form").display = planned is not None
        facts = self.query_one("#invitation-facts", Static)
        table = self.query_one("#agenda-table", DataTable)
        table.clear()
        if not has_time:
            facts.update("Innkallingen lages for gruppens neste planlagte møte.")
            return
        profile = self.app.profile_for(self.group_id)
        lines = [f"Møtet: {format_datetime(planned.starts_at)}"]
        if planned.theme:
            lines.append(f"Tema: {planned.theme}")
        sent = store.invitations(planned.id)
        if sent:
            lines.append(f"Innkalling skrevet {format_short_date(date.fromisoformat(sent[-1]['sent_on']))}.")
            warning = invitation_warning(profile, planned.starts_at.date(), date.fromisoformat(sent[-1]["sent_on"]))
        else:
            warning = invitation_warning(profile, planned.starts_at.date(), None)
        if profile.invitation_note:
            lines.append(f"Rutinen: {profile.invitation_note}.")
        if warning:
            lines.append(f"⚠ {warning}")
        facts.update("\n".join(lines))
        for item in store.agenda_items(planned.id):
            table.add_row(*plain_cells(item["who"] or "", item["text"]), key=str(item["id"]))

    @on(Button.Pressed, "#set-meeting")
    def _set_meeting(self) -> None:
        from moteleder.dates import DateInputError, parse_date, parse_time

        if self._busy():
            return
        error = self.query_one("#invitation-error", Static)
        try:
            day = parse_date(self.query_one("#plan-date", Input).value)
            clock = parse_time(self.query_one("#plan-time", Input).value)
        except DateInputError as problem:
            error.update(str(problem))
            return
        if day < date.today():
            error.update("Datoen har vært. Velg en dato fram i tid.")
            return
        theme = self.query_one("#plan-theme", Input).value.strip()
        store = self.app.store
        planned = self.planned
        when = datetime.combine(day, clock)
        if planned is None:
            store.create_meeting(self.group_id, when, theme=theme)
        else:
            store.replan_meeting(planned.id, when, theme=theme)
        error.update("")
        self._refresh()
        self._focus_first_field()

    @on(Button.Pressed, "#add-item")
    def action_add_item(self) -> None:
        if self._busy():
            return
        planned = self.planned
        text = self.query_one("#item-text", Input).value.strip()
        if planned is None:
            self.query_one("#invitation-error", Static).update("Sett tidspunkt for neste møte først.")
            return
        if not text:
            self.query_one("#invitation-error", Static).update("Skriv saken som skal tas opp.")
            self.query_one("#item-text", Input).focus()
            return
        self.app.store.add_agenda_item(planned.id, self.query_one("#item-who", Input).value, text)
        self.query_one("#item-who", Input).value = ""
        self.query_one("#item-text", Input).value = ""
        self.query_one("#invitation-error", Static).update("")
        self._refresh()

    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        """Write the agenda (Markdown) and the calendar file in a worker; the result lands in
        `on_work_done`."""
        if self._busy():
            return
        planned = self.planned
        error = self.query_one("#invitation-error", Static)
        if planned is None or planned.starts_at is None:
            error.update("Sett tidspunkt for neste møte først.")
            return
        folder = self.app.minutes_dir.parent / "innkallinger"
        self.writing = True
        error.update("")
        self.query_one("#invitation-result", Static).update("Skriver innkallingen …")
        self._write_in_worker(self.app.store, planned.id, folder, self.app.profiles)

    @work(thread=True, exclusive=True, exit_on_error=False, group=DB)
    def _write_in_worker(self, store, meeting_id: int, folder, profiles) -> None:
        from moteleder.invitation import write_invitation

        with on_db(self, "invitation"):
            self.post_message(WorkDone("invitation", write_invitation(store, meeting_id, folder, profiles=profiles)))

    def on_work_done(self, message: WorkDone) -> None:
        if message.job != "invitation":
            return
        self.writing = False
        written = message.result
        text = f"Innkallingen er skrevet.\nSaksliste: {written.markdown_path}\nKalenderfil: {written.ics_path}"
        if written.warning:
            text += f"\n\n⚠ {written.warning}"
        self.query_one("#invitation-result", Static).update(text)
        self._refresh()

    def on_work_failed(self, message: WorkFailed) -> None:
        from moteleder.export import ExportError
        from moteleder.invitation import InvitationError

        if message.job != "invitation":
            return
        self.writing = False
        self.query_one("#invitation-result", Static).update("")
        if isinstance(message.error, (InvitationError, ExportError)):
            self.query_one("#invitation-error", Static).update(str(message.error))  # said in place, as before
        else:
            report_failure(self, message.error, title="Innkallingen ble ikke skrevet")
            self.query_one("#invitation-error", Static).update(failure_text(message.error))

    def action_back(self) -> None:
        if not self._busy():
            self.dismiss()
