"""App tests: a pause also lets the database workers finish, as harlequin's tests wait for theirs."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot


@pytest.fixture(autouse=True)
def pauses_wait_for_workers(monkeypatch):
    """Search, finalizing, the home screen's figures and the invitation run in thread workers.
    `pilot.pause()` waits for the app to be idle; here it also waits until no database job is
    started or under way, and then once more for the messages it posted to be handled — so a
    test (or a snapshot) sees the screen the job leaves, however busy the machine is."""
    from moteleder.app.workers import jobs_running

    real_pause = Pilot.pause

    async def pause(self: Pilot, delay: float | None = None) -> None:
        await real_pause(self, delay)
        if not jobs_running(self.app):
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10.0
        while jobs_running(self.app):
            assert loop.time() < deadline, "waited 10 s in vain for the database workers"
            await real_pause(self, 0.02)
        await real_pause(self)

    pause.__wrapped__ = real_pause  # wait_until waits on its own condition, jobs running or not
    monkeypatch.setattr(Pilot, "pause", pause)
