"""Starting the app as `moteleder` does, and the key bar every screen has."""

from __future__ import annotations

from moteleder.app.run import build_app
from moteleder.app.screens.group_form import GroupFormScreen
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.widgets.group_list import GroupList
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.demo import create_demo_group

SIZE = (120, 40)


async def test_started_as_moteleder_the_home_list_is_the_one_read_in_the_background(store, tmp_path):
    demo = create_demo_group(store)
    calm = store.create_group("Anne Rolig")
    app = build_app(store, minutes_dir=tmp_path / "referater")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#groups", GroupList).keys == [str(demo), str(calm)]


async def test_a_group_written_while_the_app_starts_is_on_the_list(store, tmp_path):
    store.create_group("Anne Rolig")
    app = build_app(store, minutes_dir=tmp_path / "referater")
    later = store.create_group("Bjørn Senere")  # after the background read began
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert str(later) in app.screen.query_one("#groups", GroupList).keys


async def test_the_key_bar_shows_each_screens_keys_and_a_click_presses_one(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = [(key, text) for key, text, _ in bar.shown]
        assert ("f2", "Ny gruppe") in shown and ("f5", "Start møte") in shown
        await pilot.press("enter")  # into the meeting: its own keys
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting_keys = [text for _, text, _ in app.screen.query_one(KeyBar).shown]
        assert "Neste steg" in meeting_keys and "Ny gruppe" not in meeting_keys
        await pilot.press("ctrl+o")
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):  # asked whether to leave the meeting
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Back from a meeting the list of every group is behind the curtain until F12.
        assert app.screen.curtain_down
        await pilot.press("f12")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        x = next(start for key, _d, _t, _e, start, _end in bar._keys if key == "f2")
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, GroupFormScreen)


async def test_behind_the_curtain_only_the_keys_that_work_are_shown(make_app, store):
    store.create_group("Anne Rolig")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        shown = [text for _, text, _ in app.screen.query_one(KeyBar).shown]
        assert shown == ["Skjerm", "Avslutt"]
        await pilot.press("f12")
        await pilot.pause()
        assert "Start møte" in [text for _, text, _ in app.screen.query_one(KeyBar).shown]
