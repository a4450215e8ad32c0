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


class TestSizes:
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
