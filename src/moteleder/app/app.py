"""The moteleder App: home screen, groups and the guided meeting."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from moteleder.crash import CrashReporting
from moteleder.storage import Store

STYLES = Path(__file__).resolve().parent.parent / "styles"


class MotelederApp(CrashReporting, App[None]):
    """Leads an ansvarsgruppe meeting on a shared screen."""

    TITLE = "moteleder"
    SUB_TITLE = "ansvarsgruppemøtet steg for steg"
    CSS_PATH = [STYLES / "app.tcss"]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Avslutt", priority=True),
    ]

    def __init__(self, store: Store, *, group_id: int | None = None, minutes_dir: Path | None = None,
                 autosave_interval: float = 0.5) -> None:
        super().__init__()
        self.store = store
        self.start_group_id = group_id
        self.autosave_interval = autosave_interval
        if minutes_dir is None:
            base = store.path.parent if store.path else Path.cwd()
            minutes_dir = base / "referater"
        self.minutes_dir = minutes_dir
        self.crash_folder = store.path.parent if store.path else None

    def on_mount(self) -> None:
        from moteleder.app.screens.home import HomeScreen

        self.theme = "textual-dark"
        self.push_screen(HomeScreen())

    def open_meeting(self, meeting_id: int) -> None:
        """Show a live meeting on the shared screen, at the step it was left."""
        from moteleder.app.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id))


def make_app(store: Store, **kwargs) -> MotelederApp:
    """The app factory; the command line and the tests both call it."""
    return MotelederApp(store, **kwargs)
