"""A finalized minute, rendered, with where it was saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from moteleder.app.widgets.key_bar import KeyBar


class MinuteViewScreen(Screen[None]):
    """Read a finalized minute."""

    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("ctrl+o", "back", "Til oversikten", priority=True),
        Binding("f4", "followups", "Henviste temaer (privat)", priority=True),
    ]

    def __init__(self, meeting_id: int, *, saved_to: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.saved_to = saved_to

    def compose(self) -> ComposeResult:
        meeting = self.app.store.meeting(self.meeting_id)
        if self.saved_to:
            yield Static(f"Referatet er ferdigstilt og lagret.\nFil: {self.saved_to}", id="saved-banner",
                         markup=False)
        with VerticalScroll(id="minute-scroll"):
            yield Markdown(meeting.minute_md or "", id="minute")
        yield KeyBar()

    def action_back(self) -> None:
        self.dismiss()

    def action_followups(self) -> None:
        from moteleder.app.screens.followups import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.app.store.meeting(self.meeting_id).group_id))
