"""A browser tab on `moteleder nett`, read through its websocket.

xterm.js draws the terminal on a canvas, so what the app shows is read from the bytes the
server sends over the websocket (the app's terminal output, escape sequences stripped);
keys are pressed in the page after a click on the terminal, as a user does.
"""

from __future__ import annotations

import re
import time

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def visible_text(data: bytes | str) -> str:
    """The characters of the app's output, without its escape sequences."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return ESCAPES.sub("", text)


class Tab:
    """One page on the served app: the frames it received and the stdin it sent."""

    def __init__(self, page) -> None:
        self.page = page
        self.received: list[str] = []
        self.sent: list[str] = []
        self.mark = 0
        page.on("websocket", self._watch)

    def _watch(self, websocket) -> None:
        websocket.on("framereceived", lambda payload: self.received.append(visible_text(payload)))
        websocket.on("framesent", lambda payload: self.sent.append(
            payload if isinstance(payload, str) else payload.decode("utf-8", "replace")))

    def shown_since_mark(self) -> str:
        return "".join(self.received[self.mark:])

    def set_mark(self) -> None:
        """From here on, `wait_for` looks only at what the app sends after this moment."""
        self.mark = len(self.received)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Until the app has drawn `text` (since the mark); what it drew."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.shown_since_mark()
            if text in shown:
                return shown
            assert time.monotonic() < deadline, f"waited {timeout} s in vain for {text!r}; saw {shown[-2000:]!r}"
            self.page.wait_for_timeout(50)

    def focus_terminal(self) -> None:
        self.page.click("#terminal")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
