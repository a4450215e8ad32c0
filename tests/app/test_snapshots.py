"""What the shared screen shows, step by step (SVG snapshots, see tests/app/__snapshots__)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from moteleder.demo import create_demo_group

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo_app(store, tmp_path):
    """The demo group with a meeting already under way at a fixed time, the clock stopped."""
    from moteleder.app.app import make_app

    group_id = create_demo_group(store, today=TODAY)
    planned = store.planned_meeting(group_id)
    store.db["meetings"].update(planned.id, {"starts_at": datetime(2026, 12, 8, 14, 0).isoformat()})
    store.start_meeting(planned.id)
    store.db["meetings"].update(planned.id, {"current_step": "opening"})
    return make_app(store, group_id=group_id, minutes_dir=tmp_path / "ref", clock_running=False)


class TestMeetingSteps:
    @pytest.mark.parametrize("step", range(8))
    def test_step(self, snap_compare, demo_app, step):
        async def run_before(pilot):
            await pilot.pause()
            for _ in range(step):
                await pilot.press("f8")
                await pilot.pause()
            await pilot.pause(0.2)

        assert snap_compare(demo_app, terminal_size=(120, 40), run_before=run_before)


class TestSmallScreen:
    """A laptop at 80×24: every step and the group form must be usable there."""

    @pytest.mark.parametrize("step", range(8))
    def test_step(self, snap_compare, demo_app, step):
        async def run_before(pilot):
            await pilot.pause()
            for _ in range(step):
                await pilot.press("f8")
                await pilot.pause()
            if step == 4:
                await pilot.press("ctrl+t")  # a measure, so its fields are on screen
                await pilot.pause()
                for char in "Lesekurs":
                    await pilot.press(char)
            await pilot.pause(0.2)

        assert snap_compare(demo_app, terminal_size=(80, 24), run_before=run_before)

    def test_group_form(self, snap_compare, store, tmp_path):
        from moteleder.app.app import make_app

        app = make_app(store, minutes_dir=tmp_path / "ref", clock_running=False)

        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            for _ in range(8):  # down to the members
                await pilot.press("tab")
            await pilot.pause(0.2)

        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


class TestSizes:
    def test_projector(self, snap_compare, demo_app):
        async def run_before(pilot):
            await pilot.pause()
            await pilot.pause(0.2)

        assert snap_compare(demo_app, terminal_size=(160, 45), run_before=run_before)

    def test_small_projector(self, snap_compare, demo_app):
        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("f8", "f8")
            await pilot.pause(0.2)

        assert snap_compare(demo_app, terminal_size=(100, 30), run_before=run_before)

    def test_large_screen(self, snap_compare, demo_app):
        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("f8", "f8", "f8", "f8")
            await pilot.pause(0.2)

        assert snap_compare(demo_app, terminal_size=(200, 50), run_before=run_before)


class TestHome:
    def test_the_list_of_groups(self, snap_compare, store, tmp_path):
        """The home list drawn line by line: header, zebra stripes, the cursor, the key bar."""
        from moteleder.app.app import make_app

        for name in ("Anne Rolig", "Bjørn [tvilling] Senere", "Cecilie Ø. Æsøy-Åsen"):
            store.create_group(name)
        app = make_app(store, minutes_dir=tmp_path / "ref", clock_running=False)

        async def run_before(pilot):
            await pilot.pause()
            await pilot.press("down")
            await pilot.pause(0.2)

        assert snap_compare(app, terminal_size=(100, 20), run_before=run_before)
