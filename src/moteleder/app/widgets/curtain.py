"""The privacy curtain: one key (F12) blanks a screen that shows more than the current meeting.

The laptop is on a projector; when the family is in the room, the list of every group
must not be. Screens that list several groups (or a group's history) mix in
`CurtainMixin`, mark what to hide with the class `curtained`, and yield a `PrivacyCurtain`.
"""

from __future__ import annotations

from textual.widgets import Static

CURTAIN_TEXT = "moteleder\n\nSkjermen er skjult.\nTrykk F12 for å vise den igjen."

# Actions still allowed while the curtain is down.
_ALLOWED = {"toggle_curtain", "quit"}


class PrivacyCurtain(Static):
    """What the shared screen shows while the curtain is down: only the app's name and the key."""

    # Styled in styles/base.tcss.

    def __init__(self) -> None:
        super().__init__(CURTAIN_TEXT, id="curtain", markup=False)

    def say(self, text: str = CURTAIN_TEXT) -> None:
        """What the curtain says (the default: how to show the screen again)."""
        self.update(text)


class CurtainMixin:
    """Adds `action_toggle_curtain` (bind it to F12, priority) and `curtain_allows` for check_action."""

    curtain_down: bool = False

    def set_curtain(self, down: bool, text: str = CURTAIN_TEXT) -> None:
        self.curtain_down = down
        self.query_one(PrivacyCurtain).say(text)  # type: ignore[attr-defined]
        for widget in self.query(".curtained"):  # type: ignore[attr-defined]
            widget.display = not down
        self.query_one(PrivacyCurtain).display = down  # type: ignore[attr-defined]
        if down:
            self.set_focus(None)  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]

    def action_toggle_curtain(self) -> None:
        self.set_curtain(not self.curtain_down)
        self.after_curtain_raised() if not self.curtain_down else None

    def curtain_on_return(self) -> None:
        """Back from a meeting or its minute (or a hidden screen): the projector may still be on,
        so this screen, which shows more than that meeting, comes back hidden until the leader
        shows it (F12). Call it from `on_screen_resume`."""
        app = self.app  # type: ignore[attr-defined]
        if app.curtain_pending:
            app.curtain_pending = False
            if not self.curtain_down:
                self.set_curtain(True)

    def dismiss(self, result=None):  # type: ignore[no-untyped-def]
        # Closed while hidden: the screen below comes back hidden too. (Set before the
        # dismissal: the screen below is resumed before this one is unmounted.)
        if self.curtain_down:
            self.app.curtain_pending = True  # type: ignore[attr-defined]
        return super().dismiss(result)  # type: ignore[misc]

    def after_curtain_raised(self) -> None:
        """Screens put the focus back where it belongs."""

    def curtain_allows(self, action: str) -> bool:
        return not self.curtain_down or action in _ALLOWED
