"""A finalized minute, rendered, with where it was saved."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.key_bar import KeyBar

# The private list can hold what was steered out of any of the group's meetings: it is
# opened only behind the curtain, never with one key from a minute on the projector.
PRIVATE_LIST_CURTAIN = (
    "Skjermen er skjult.\n\n"
    "Den private oppfølgingslisten viser det som ble henvist bort fra møtene.\n"
    "Stopp skjermdelingen eller koble fra projektoren, og trykk F4 for å åpne den.\n\n"
    "F12 viser referatet igjen."
)


class MinuteViewScreen(CurtainMixin, Screen[None]):
    """Read a finalized minute."""

    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("ctrl+o", "back", "Til oversikten", priority=True),
        Binding("f4", "followups", "Henviste temaer (privat)", priority=True),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def __init__(self, meeting_id: int, *, saved_to: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.saved_to = saved_to

    def compose(self) -> ComposeResult:
        meeting = self.app.store.meeting(self.meeting_id)
        if self.saved_to:
            pdf = Path(self.saved_to).with_suffix(".pdf")
            files = f"Fil: {self.saved_to}" + (f"\nPDF for arkivet: {pdf}" if pdf.is_file() else "")
            yield Static(f"Referatet er ferdigstilt og lagret.\n{files}", id="saved-banner",
                         classes="curtained", markup=False)
        with VerticalScroll(id="minute-scroll", classes="curtained"):
            yield Markdown(meeting.minute_md or "", id="minute")
        yield PrivacyCurtain()
        yield KeyBar()

    def on_mount(self) -> None:
        if self.saved_to:  # just finalized, on the projector: what lies behind comes back hidden
            self.app.curtain_pending = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.curtain_allows(action) or action in ("followups", "back")

    def action_back(self) -> None:
        self.dismiss()

    def action_followups(self) -> None:
        """First F4 hides the screen and says why; F4 behind the curtain opens the private list."""
        if not self.curtain_down:
            self.set_curtain(True, PRIVATE_LIST_CURTAIN)
            return
        from moteleder.app.screens.followups import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.app.store.meeting(self.meeting_id).group_id))
