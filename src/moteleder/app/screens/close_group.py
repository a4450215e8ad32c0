"""Closing a group: when coordinated effort is no longer needed, agreed with the family."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from moteleder.app.widgets.date_input import DateInput


class CloseGroupScreen(ModalScreen[bool]):
    """Ask for the date and the reason; dismiss True when the group was closed."""

    # Styled in styles/base.tcss.
    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id

    def compose(self) -> ComposeResult:
        group = self.app.store.group(self.group_id)
        profile = self.app.profile_for(self.group_id)
        text = (
            f"Avslutte ansvarsgruppen for {group.person_name}?\n\n"
            "Gruppen forsvinner fra oversikten og kan ikke endres etterpå, "
            "men møtene og referatene kan fortsatt leses og finnes i søket."
        )
        if profile.group_closing:
            text += f"\n\nEtter rutinen: {profile.group_closing}."
        with Vertical(id="dialog"):
            yield Static(text, id="question", markup=False)
            yield Label("Dato", markup=False)
            yield DateInput(date.today(), id="closed-on")
            yield Label("Begrunnelse", markup=False)
            yield Input("", id="close-reason", placeholder="f.eks. koordinert innsats trengs ikke lenger")
            yield Static("", id="close-error", classes="field-error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button("Avslutt gruppen", variant="error", id="confirm-close")
                yield Button("Avbryt", id="cancel-close")

    def on_mount(self) -> None:
        self.query_one("#close-reason", Input).focus()

    @on(Button.Pressed, "#confirm-close")
    def _close(self) -> None:
        from moteleder.dates import DateInputError

        error = self.query_one("#close-error", Static)
        try:
            closed_on = self.query_one("#closed-on", DateInput).read()
        except DateInputError as problem:
            error.update(str(problem))
            return
        reason = self.query_one("#close-reason", Input).value.strip()
        if not reason:
            error.update("Skriv en kort begrunnelse, for eksempel at koordinert innsats ikke lenger trengs.")
            self.query_one("#close-reason", Input).focus()
            return
        self.app.store.close_group(self.group_id, closed_on, reason)
        self.dismiss(True)

    @on(Button.Pressed, "#cancel-close")
    def action_cancel(self) -> None:
        self.dismiss(False)
