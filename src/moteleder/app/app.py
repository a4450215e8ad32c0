"""The moteleder App: home screen, groups and the guided meeting."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from moteleder.app.crash_reporting import CrashReporting
from moteleder.store import Store


def styles_folder() -> Path:
    """The stylesheets: the top-level styles/ folder, installed as the data package
    moteleder.styles (see pyproject.toml); or, run from a source checkout with only src/ on
    the path (as the kill-and-resume tests do), the styles/ folder beside src/."""
    try:
        return Path(str(files("moteleder.styles")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "styles"


STYLES = styles_folder()
# In this order: later sheets win a tie between equally specific rules.
STYLESHEETS = ("base.tcss", "home.tcss", "meeting.tcss", "between.tcss")


class MotelederApp(CrashReporting, App[None]):
    """Leads an ansvarsgruppe meeting on a shared screen."""

    TITLE = "moteleder"
    SUB_TITLE = "ansvarsgruppemøtet steg for steg"
    CSS_PATH = [STYLES / name for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Avslutt", priority=True),
    ]

    store: Store
    """The one connection to the database; screens call its named methods, never its tables."""

    def __init__(self, store: Store, *, group_id: int | None = None, minutes_dir: Path | None = None,
                 autosave_interval: float = 0.5, clock_running: bool = True,
                 guard_enabled: bool = True, guard_interval: float = 0.4, prefetch=None,
                 lease_interval: float | None = None) -> None:
        super().__init__()
        self.store = store
        self._prefetch = prefetch  # a moteleder.prefetch.HomePrefetch started before Textual loaded
        self.start_group_id = group_id
        self.autosave_interval = autosave_interval
        # Off only for reproducible screenshots (snapshot tests, the README picture).
        self.clock_running = clock_running
        self.guard_enabled = guard_enabled
        self.guard_interval = guard_interval
        from moteleder.lease import HEARTBEAT_EVERY

        self.lease_interval = lease_interval or HEARTBEAT_EVERY
        if minutes_dir is None:
            base = store.path.parent if store.path else Path.cwd()
            minutes_dir = base / "referater"
        self.minutes_dir = minutes_dir
        self.crash_folder = store.path.parent if store.path else None

        self._profiles = None
        self._guard_warming = False
        # Set when a meeting (or its finished minute, or a hidden screen) leaves the screen: the
        # next screen that shows more than that meeting comes up behind the privacy curtain.
        self.curtain_pending = False

    @property
    def profiles(self):
        """The routine profiles (built-in and the municipality's own), loaded once."""
        if self._profiles is None:
            from moteleder.profiles import load_profiles

            self._profiles = load_profiles()
            for error in self._profiles.errors:
                self.notify(error.message, title="Rutineprofil ikke lest", severity="warning", timeout=15)
        return self._profiles

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """A notification shown as plain text: it often holds a name or a note someone typed."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def take_home_figures(self):
        """The home screen's figures read while Textual loaded, once; None when there are none
        or the data has changed since (then the screen reads them itself)."""
        return self._prefetch.take(self.store) if self._prefetch is not None else None

    def profile_for(self, group_id: int):
        """The routine profile a group follows."""
        from moteleder.meeting import group_profile

        return group_profile(self.store, group_id, self.profiles)

    def on_resize(self, event) -> None:
        self._size_classes(event.size)  # (self.size catches up a moment later)

    def _size_classes(self, size=None) -> None:
        """Classes the stylesheet lays out by: `narrow` below 100 columns (a laptop at 80×24),
        `short` below 30 rows, `wide` from 140 columns (a projector at 160×45)."""
        width, height = size or self.size
        self.set_class(width < 100, "narrow")
        self.set_class(height < 30, "short")
        self.set_class(width >= 140, "wide")

    def on_mount(self) -> None:
        from moteleder.app.screens.home import HomeScreen

        self._size_classes()
        self.theme = "textual-dark"
        self.push_screen(HomeScreen())
        # Warm the topic guard once the first screen is up, not during start: a busy Python
        # thread at start slows every database read on the main thread (the GIL is contended).
        self.set_timer(1.5, self.warm_guard)

    def warm_guard(self) -> None:
        """Build the guard's word lists in a background thread (once), before the first note is checked."""
        if self.guard_enabled and not self._guard_warming:
            self._guard_warming = True
            self.run_worker(self._warm_guard, thread=True, group="guard", exit_on_error=False)

    @staticmethod
    def _warm_guard() -> None:
        """Build the topic guard's word lists in the background, so the first check is instant."""
        from moteleder.guard.engine import warm

        warm()

    def open_meeting(self, meeting_id: int) -> None:
        """Show a live meeting on the shared screen, at the step it was left, with the group's routine."""
        from moteleder.app.screens.meeting import MeetingScreen

        group_id = self.store.meeting(meeting_id).group_id
        self.push_screen(MeetingScreen(meeting_id, profile=self.profile_for(group_id)))


def make_app(store: Store, **kwargs) -> MotelederApp:
    """The app factory; the command line and the tests both call it."""
    return MotelederApp(store, **kwargs)
