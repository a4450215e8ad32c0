"""Typing and clicking the way a user does."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget


def _widget(pilot: Pilot, target: str | Widget) -> Widget:
    return pilot.app.screen.query_one(target) if isinstance(target, str) else target


async def click(pilot: Pilot, target: str | Widget) -> None:
    """Scroll a widget into view and click it with the mouse."""
    widget = _widget(pilot, target)
    widget.scroll_visible(animate=False)
    await pilot.pause()
    assert await pilot.click(widget), f"could not click {widget!r}"
    await pilot.pause()


async def type_into(pilot: Pilot, target: str | Widget, text: str) -> None:
    """Click a field and type text key by key (newlines as Enter)."""
    await click(pilot, target)
    for char in text:
        await pilot.press("enter" if char == "\n" else char)
    await pilot.pause()


async def wait_until(pilot: Pilot, condition, what: str, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (an autosave landed, a screen opened …).

    Waiting on the condition, not a fixed pause, keeps the tests fast on a quiet machine
    and correct on a busy one.
    """
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, f"waited {timeout} s in vain for {what}"
        await pilot.pause(0.02)
