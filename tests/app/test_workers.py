"""Slow work runs in workers: a job that fails says so in Norwegian — never a traceback — and
the screen goes on (search stays usable, the meeting stays open and can be finalized again)."""

from __future__ import annotations

import errno
import sqlite3

from tests.app.pilot_helpers import (
    open_meeting_at,
    type_into,
    wait_for_groups,
    wait_for_minute,
    wait_until,
)

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.search import SearchScreen
from moteleder.app.workers import failure_text
from moteleder.demo import create_demo_group
from moteleder.store import StoreError

SIZE = (120, 40)


async def search_for(pilot, text: str):
    """From the home screen: F6 opens the search, `text` and Enter search. Returns the screen."""
    await wait_for_groups(pilot)
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchScreen), "search")
    await type_into(pilot, "#query", text + "\n")
    return pilot.app.screen


def _notes(app) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


def test_a_failure_is_worded_in_norwegian_without_what_was_typed():
    assert failure_text(StoreError("Databasen er skadet.")) == "Databasen er skadet."
    assert failure_text(sqlite3.OperationalError("database or disk is full")).startswith("Disken er full")
    assert "i bruk av et annet program" in failure_text(sqlite3.OperationalError("database is locked"))
    full = OSError(errno.ENOSPC, "No space left on device", "/tmp/referater/a.md")
    assert failure_text(full).startswith("Disken er full")
    assert failure_text(ValueError("Tiril sa noe privat")) == "Noe uventet gikk galt. Ingenting er borte; prøv igjen."


async def test_a_search_that_fails_says_so_and_the_screen_stays_usable(make_app, store, monkeypatch):
    import moteleder.search

    create_demo_group(store)

    def broken(*args, **kwargs):
        raise RuntimeError("index broke on «friminuttene»")

    monkeypatch.setattr(moteleder.search, "search", broken)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "friminuttene")
        await wait_until(pilot, lambda: "kunne ikke" in str(screen.query_one("#search-status").render()),
                         "the failure")
        assert ("Ikke søkt", "Noe uventet gikk galt. Ingenting er borte; prøv igjen.") in _notes(app)
        assert not any("Traceback" in m or "friminuttene" in m for _, m in _notes(app))
        assert app.is_running and app._exception is None and app.screen is screen
        monkeypatch.undo()  # the next try works
        await pilot.press("enter")
        await wait_until(pilot, lambda: "treff" in str(screen.query_one("#search-status").render()), "the hits")


async def test_a_finalize_that_fails_in_its_worker_keeps_the_meeting_open_and_a_retry_works(
        make_app, store, tmp_path, monkeypatch):
    import moteleder.meeting

    create_demo_group(store)
    real = moteleder.meeting.finalize

    def full_disk(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(moteleder.meeting, "finalize", full_disk)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 7)
        assert screen.steps[screen.step_index].key == "summary"
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("enter")
        info = screen.query_one("#finalize-info")
        await wait_until(pilot, lambda: "ikke ferdigstilt" in str(info.render()), "the message")
        assert str(info.render()).startswith("Referatet ble ikke ferdigstilt: Disken er full")
        assert "Trykk F10" in str(info.render()) and "Traceback" not in str(info.render())
        assert isinstance(app.screen, MeetingScreen) and not screen.finalized and not screen.finalizing
        assert not store.meeting(screen.meeting_id).is_finalized and app._exception is None
        monkeypatch.setattr(moteleder.meeting, "finalize", real)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("enter")
        await wait_for_minute(pilot)
    assert store.meeting(screen.meeting_id).is_finalized
    assert not list((tmp_path / "referater").glob(".*"))  # no temporary file left


async def test_a_second_f10_while_finalizing_is_refused(make_app, store, monkeypatch):
    import threading

    import moteleder.meeting

    create_demo_group(store)
    real, release, calls = moteleder.meeting.finalize, threading.Event(), []

    def slow(*args, **kwargs):
        calls.append(1)
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(moteleder.meeting, "finalize", slow)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 7)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        app.screen.query_one("#yes").press()  # (pilot.press would wait for the worker to finish)
        await wait_until(pilot, lambda: screen.finalizing, "the worker")
        assert "Lagrer referatet" in str(screen.query_one("#finalize-info").render())
        screen.action_finalize()  # a second F10 (or a click on the button)
        await wait_until(pilot, lambda: ("Ferdigstill", "Referatet lagres allerede.") in _notes(app), "the answer")
        assert not screen.check_action("previous_step", ()) and not screen.check_action("home", ())
        release.set()
        await wait_for_minute(pilot)
    assert calls == [1]


async def test_a_search_while_an_older_file_is_indexed_says_so_and_shows_what_it_has(make_app, store, monkeypatch):
    import moteleder.search

    create_demo_group(store)
    # As a file from before the index was kept at write time: its documents wait in the backlog.
    store.conn.execute("insert into search_backlog (kind, ref_id) select 'meeting', id from meetings")
    store.conn.commit()
    monkeypatch.setattr(moteleder.search, "index_backlog", lambda *args, **kwargs: True)  # (held back)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "friminuttene")
        await wait_until(pilot, lambda: "treff" in str(screen.query_one("#search-status").render()), "the hits")
        status = str(screen.query_one("#search-status").render())
        assert "Søket indekserer fortsatt … (" in status and " av " in status and "så langt" in status
        assert app.is_running and app._exception is None
        monkeypatch.undo()
        from moteleder.app.workers import DB_LOCK

        with DB_LOCK:
            assert moteleder.search.index_backlog(store) is True  # (what the worker does, batch by batch)
        await type_into(pilot, "#query", "\n")  # the same search again
        await wait_until(pilot, lambda: "indekserer" not in str(screen.query_one("#search-status").render()),
                         "the index complete")
        assert "treff. Velg et treff" in str(screen.query_one("#search-status").render())
