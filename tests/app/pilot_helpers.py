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
    # (The plain pause: tests/app/conftest.py makes pilot.pause() also wait for the workers.)
    pause = getattr(Pilot.pause, "__wrapped__", Pilot.pause)
    while not condition():
        assert loop.time() < deadline, f"waited {timeout} s in vain for {what}"
        await pause(pilot, 0.02)


async def open_meeting_at(pilot: Pilot, steps: int = 0):
    """From the home screen: Enter on the selected group (the demo group, say) starts its
    meeting; then F8 `steps` times. Returns the meeting screen."""
    from moteleder.app.screens.meeting import MeetingScreen

    app = pilot.app
    await wait_for_groups(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
    screen = app.screen
    for _ in range(steps):
        await pilot.press("f8")
    await wait_until(pilot, lambda: screen.step_index == steps, f"step {steps}")
    return screen


async def open_group_page(pilot: Pilot):
    """From the home screen: F4 opens the selected group's page (the demo group, say).
    Returns the group page."""
    from moteleder.app.screens.group import GroupScreen

    await wait_for_groups(pilot)
    await pilot.press("f4")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, GroupScreen), "the group page")
    return pilot.app.screen


async def wait_for_groups(pilot: Pilot) -> None:
    """Until the home screen's list of groups is filled (it is read in a worker)."""
    from moteleder.app.screens.home import HomeScreen

    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, HomeScreen) or pilot.app.screen.groups_shown,
                     "the list of groups")


async def wait_for_minute(pilot: Pilot) -> None:
    """Until the finalized minute is shown (finalizing runs in a worker)."""
    from moteleder.app.screens.minute_view import MinuteViewScreen

    await wait_until(pilot, lambda: isinstance(pilot.app.screen, MinuteViewScreen), "the finalized minute")
