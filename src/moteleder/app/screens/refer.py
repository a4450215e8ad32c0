"""Which topic is this? The leader refers a sentence the guard did not flag."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from moteleder.guard import CATEGORIES, TOPIC_NAME


class ReferScreen(ModalScreen[str | None]):
    """A small list of the five topics (keys 1–5); dismissed with the chosen category or None."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")] + [
        Binding(str(n), f"choose({n - 1})", show=False) for n in range(1, len(CATEGORIES) + 1)
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="refer-dialog"):
            yield Static("Henvis setningen videre. Hvilket tema hører den til?", id="refer-question", markup=False)
            for n, category in enumerate(CATEGORIES, start=1):
                yield Button(f"{n}  {TOPIC_NAME[category]}", id=f"refer-{category}", classes="refer-choice")
            yield Button("Avbryt (Esc)", id="refer-cancel")

    def on_mount(self) -> None:
        self.query_one(".refer-choice", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("refer-") if button_id != "refer-cancel" else None)

    def action_choose(self, index: int) -> None:
        self.dismiss(CATEGORIES[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
