"""The keys at the bottom of every screen, drawn as one line.

Textual's Footer makes a widget for every key and builds them all again whenever the
focus moves; on the home screen that was a twelfth of the whole start, and in the
meeting the focus moves all the time. This bar shows the same thing — each key the
screen offers right now, dimmed when it cannot be used — as one line of text, and is
redrawn, not rebuilt, when the keys change. A click on a key presses it.

Keys are written the way the README and the buttons write them (F8, Ctrl+T, Esc), and
Ctrl+Q Avslutt is always there, last: when the line is too short, disabled keys go
first, then those the screen names in `KEY_BAR_DROP_ORDER` (keys it also shows on a
button, say), then keys from the right.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

_KEY_NAMES = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "escape": "Esc", "enter": "Enter",
              "tab": "Tab", "space": "Mellomrom", "delete": "Delete", "backspace": "Backspace"}
_ALWAYS = ("quit", "app.quit")  # Ctrl+Q Avslutt: always shown, last


def key_display(binding: Binding) -> str:
    """A key as a non-programmer reads it: F8, Ctrl+T, Esc (not f8, ^t, escape)."""
    if binding.key_display:
        return binding.key_display
    key = binding.key.split(",")[0].strip()
    parts = []
    for part in key.split("+"):
        if part in _KEY_NAMES:
            parts.append(_KEY_NAMES[part])
        else:
            parts.append(part.upper() if len(part) == 1 or part[:1] == "f" and part[1:].isdigit() else part)
    return "+".join(parts)


class KeyBar(Widget, can_focus=False):
    """A one-line bar of the active key bindings (those with show=True)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    # Styled in styles/base.tcss.

    def __init__(self) -> None:
        super().__init__()
        # Every key the screen offers: (key, key display, description, enabled, action).
        self._offered: list[tuple[str, str, str, bool, str]] = []
        # The keys that fit on the line: (key, key display, description, enabled, first cell, last cell + 1)
        self._keys: list[tuple[str, str, str, bool, int, int]] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self._collect()

    def _collect(self) -> None:
        offered = []
        last = []
        seen_actions = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen_actions:
                continue  # one entry per action, as the Footer shows it
            seen_actions.add(binding.action)
            entry = (binding.key, key_display(binding), binding.description, enabled, binding.action)
            (last if binding.action in _ALWAYS else offered).append(entry)
        offered += last
        if offered != self._offered:
            self._offered = offered
            self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Choose the keys that fit on one line, Ctrl+Q Avslutt always among them."""
        width = self.size.width or self.app.size.width
        entries = list(self._offered)

        def needed() -> int:
            return sum(cell_len(f" {display} {description} ") for _k, display, description, _e, _a in entries)

        drop_order = tuple(getattr(self.screen, "KEY_BAR_DROP_ORDER", ()))
        candidates = (
            [e for e in reversed(entries) if not e[3]]
            + [e for action in drop_order for e in entries if e[4] == action and e[3]]
            + list(reversed(entries))
        )
        for entry in candidates:
            if needed() <= width:
                break
            if entry in entries and entry[4] not in _ALWAYS:
                entries.remove(entry)
        keys = []
        x = 0
        for key, display, description, enabled, _action in entries:
            end = x + cell_len(f" {display} {description} ")
            keys.append((key, display, description, enabled, x, end))
            x = end
        if keys != self._keys:
            self._keys = keys
            self._hover = None
            self.refresh()

    @property
    def shown(self) -> list[tuple[str, str, bool]]:
        """(key, description, enabled) of every key shown, left to right; the key as bound ("f2", "ctrl+q")."""
        return [(key, description, enabled) for key, _display, description, enabled, _a, _b in self._keys]

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for index, (_key, display, description, enabled, _start, _end) in enumerate(self._keys):
            start = len(text)
            text.append(f" {display} ", key_style)
            text.append(f"{description} ", description_style)
            if not enabled:
                text.stylize("dim", start)
            if index == self._hover:
                text.stylize(hover_style, start)
        return text

    def _key_at(self, x: int) -> int | None:
        return next((i for i, entry in enumerate(self._keys) if entry[4] <= x < entry[5]), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        key, _display, _description, enabled, _start, _end = self._keys[index]
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()
