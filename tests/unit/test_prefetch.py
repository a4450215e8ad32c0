"""The home screen's lines, read by a helper process while Textual loads."""

from __future__ import annotations

from datetime import date

from moteleder.attention import home_row, needs_attention
from moteleder.demo import create_demo_group
from moteleder.prefetch import HomePrefetch
from moteleder.store import Store


def _expected(store: Store):
    statuses = needs_attention(store, date.today())
    return [str(s.group_id) for s in statuses], [home_row(s) for s in statuses]


def test_the_helper_reads_the_same_lines_as_the_screen_would(store):
    create_demo_group(store)
    store.create_group("Anne «Rolig» [b]")
    prefetch = HomePrefetch(store)
    figures = prefetch.take(store)
    assert figures is not None
    assert (figures.keys, figures.rows) == _expected(store)
    assert figures.rows[-1][0] == "Anne «Rolig» [b]"
    assert prefetch.take(store) is None  # once only: later fills read afresh


def test_lines_read_before_a_change_are_not_used(store):
    store.create_group("Anne Rolig")
    prefetch = HomePrefetch(store)
    store.create_group("Bjørn Senere")  # written after the helper started
    assert prefetch.take(store) is None


def test_a_change_by_another_program_also_counts(store, db_path):
    store.create_group("Anne Rolig")
    prefetch = HomePrefetch(store)
    other = Store.open(db_path)
    other.create_group("Bjørn Senere")
    other.close()
    assert prefetch.take(store) is None


def test_without_a_database_file_there_is_nothing_to_take():
    memory = Store.memory()
    assert HomePrefetch(memory).take(memory) is None


def test_a_helper_that_fails_leaves_the_screen_to_read_for_itself(store, monkeypatch):
    store.create_group("Anne Rolig")
    monkeypatch.setattr("sys.executable", "/nonexistent/python")
    prefetch = HomePrefetch(store)
    assert prefetch.take(store) is None


def test_a_helper_that_hangs_is_stopped_and_the_screen_reads_for_itself(store, monkeypatch, tmp_path):
    import time

    import moteleder.prefetch

    store.create_group("Anne Rolig")
    slow = tmp_path / "slow-python"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o700)
    monkeypatch.setattr("sys.executable", str(slow))
    monkeypatch.setattr(moteleder.prefetch, "HELPER_TIMEOUT_S", 0.3)
    prefetch = HomePrefetch(store)
    started = time.monotonic()
    assert prefetch.take(store) is None
    assert time.monotonic() - started < 5
    assert prefetch._process.poll() is not None  # stopped, not left running
