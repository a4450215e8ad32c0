"""The shared screen shows only this meeting, one meeting has one writer, and a finalize that
cannot be saved leaves the meeting open — driven with keys, checked in the database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from tests.app.pilot_helpers import click, type_into, wait_until

from moteleder import lease
from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting
from moteleder.store import Store

SIZE = (120, 40)


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _keys(app) -> list[str]:
    return [text for _, text, _ in app.screen.query_one(KeyBar).shown]


async def test_leaving_a_meeting_hides_every_group_until_the_leader_shows_them(make_app, store):
    create_demo_group(store)
    store.create_group("Anne Annengruppe")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        assert app.screen.curtain_down
        assert "Anne Annengruppe" not in _screen_text(app) and "Skjermen er skjult" in _screen_text(app)
        assert _keys(app) == ["Skjerm", "Avslutt"]
        await pilot.press("f12")
        await pilot.pause()
        assert "Anne Annengruppe" in _screen_text(app)


async def test_opening_the_app_with_a_meeting_to_resume_hides_every_group(make_app, store):
    begin_meeting(store, create_demo_group(store))
    store.create_group("Anne Annengruppe")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question to resume")
        await pilot.press("escape")  # «Senere»
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        assert app.screen.curtain_down and "Anne Annengruppe" not in _screen_text(app)


async def test_a_second_instance_reads_the_meeting_only_and_takes_over_when_the_first_has_stopped(
        make_app, store, db_path):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    first = Store.open(db_path)  # the other moteleder, on another machine
    assert lease.acquire(first, meeting_id, "kontorets-vindu") is None
    with first.saving():
        first.conn.execute("update meeting_leases set host = 'kontor-pc-17'")
    first.save_meeting_fields(meeting_id, {"worked": "Skrevet på kontoret."})
    app = make_app(group_id=group_id, lease_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        assert screen.read_only
        assert "«kontor-pc-17»" in _screen_text(app) and "bare lese" in _screen_text(app)
        assert "Ta over møtet" not in _keys(app)  # the other one is alive
        await pilot.press("f8", "f8")  # looking through the steps is fine
        await type_into(pilot, "#f-worked", " Og her.")
        await pilot.pause(0.3)  # three autosave periods: nothing may land
        assert store.meeting(meeting_id).worked == "Skrevet på kontoret."
        assert store.meeting(meeting_id).current_step != "worked"

        # The office laptop was closed: no heartbeat for more than 30 seconds.
        then = (datetime.now(UTC) - timedelta(seconds=45)).replace(microsecond=0).isoformat()
        with first.saving():
            first.conn.execute("update meeting_leases set heartbeat_at = ?", [then])
        await wait_until(pilot, lambda: "Ta over møtet" in _keys(app), "the key to take over")
        assert "Trykk F9" in _screen_text(app)
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen is not screen,
                        "the meeting, writable")
        assert not app.screen.read_only
        await click(pilot, "#f-worked")
        await pilot.press("end", *" Tatt over.")
        await wait_until(pilot, lambda: "Tatt over." in store.meeting(meeting_id).worked, "the autosave")
        assert store.meeting(meeting_id).worked == "Skrevet på kontoret. Tatt over."
        assert lease.current(store, meeting_id).holder == app.screen.lease_holder
    assert not lease.heartbeat(first, meeting_id, "kontorets-vindu")  # the office window would learn it
    first.close()


async def test_an_instance_whose_meeting_was_taken_over_stops_writing(make_app, store, db_path):
    group_id = create_demo_group(store)
    app = make_app(group_id=group_id, lease_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        meeting_id = app.screen.meeting_id
        await pilot.press("f8", "f8")
        await type_into(pilot, "#f-worked", "Skrevet her.")
        await wait_until(pilot, lambda: store.meeting(meeting_id).worked == "Skrevet her.", "the autosave")
        other = Store.open(db_path)
        assert lease.acquire(other, meeting_id, "annet-vindu", take_over=True) is None
        await wait_until(pilot, lambda: app.screen.read_only, "read-only")
        assert "bare lese" in _screen_text(app)
        other.save_meeting_fields(meeting_id, {"worked": "Skrevet der."})
        await type_into(pilot, "#f-worked", " Mer.")
        await pilot.pause(0.3)  # three autosave periods: nothing may land
        assert store.meeting(meeting_id).worked == "Skrevet der."
        other.close()


async def test_finalize_with_the_database_locked_keeps_the_meeting_open_and_a_retry_works(
        make_app, store, db_path, tmp_path):
    group_id = create_demo_group(store)
    app = make_app(group_id=group_id)
    store.conn.execute("pragma busy_timeout = 50")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        meeting_id = screen.meeting_id
        await pilot.press("f8", "f8")
        await type_into(pilot, "#f-worked", "Morgenrutinen fungerer.")
        await pilot.press(*["f8"] * 5)
        assert screen.steps[screen.step_index].key == "summary"
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("begin immediate")  # a backup tool, or a second program, is writing
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "ikke ferdigstilt" in str(screen.query_one("#finalize-info").render()),
                        "the message")
        info = str(screen.query_one("#finalize-info").render())
        assert "i bruk av et annet program" in info and "F10" in info
        assert isinstance(app.screen, MeetingScreen) and not store.meeting(meeting_id).is_finalized
        folder = tmp_path / "referater"
        assert not folder.exists() or list(folder.iterdir()) == []
        other.execute("rollback")
        other.close()
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MinuteViewScreen), "the finished minute")
    row = store.meeting(meeting_id)
    name = row.minute_path.rsplit("/", 1)[1]
    assert row.is_finalized and sorted(p.name for p in folder.iterdir()) == [name, name[:-3] + ".pdf"]
    assert "Morgenrutinen fungerer." in row.minute_md
