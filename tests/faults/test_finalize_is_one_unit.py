"""Finalizing is one unit: either the database says finalized and exactly one minute file exists,
or neither — with a Norwegian message and the meeting still open to try again."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest

from moteleder import export
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting, finalize
from moteleder.store import Store, StoreError, write_error_message


def _minute_files(folder: Path) -> list[Path]:
    """Every file in the folder, a minute's archive PDF counted with its Markdown file (a PDF
    without its .md, like any temporary file, is listed)."""
    files = sorted(folder.glob("*")) if folder.exists() else []
    return [f for f in files if not (f.suffix == ".pdf" and f.with_suffix(".md") in files)]


@pytest.fixture
def meeting(store):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    store.save_meeting_fields(meeting_id, {"worked": "Leseøktene om morgenen fungerer."})
    return meeting_id


@contextmanager
def _write_lock(db_path: Path):
    """Another program (a second moteleder, a backup tool) holds the write lock."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("begin immediate")
    try:
        yield
    finally:
        other.execute("rollback")
        other.close()


def test_a_locked_database_leaves_no_file_and_the_meeting_open_then_a_retry_finalizes_once(
        store, db_path, meeting, tmp_path):
    folder = tmp_path / "referater"
    store.conn.execute("pragma busy_timeout = 50")
    for _attempt in range(3):
        with _write_lock(db_path), pytest.raises(StoreError) as problem:
            finalize(store, meeting, folder)
        assert "i bruk av et annet program" in str(problem.value)
        assert _minute_files(folder) == []  # not even a temporary file
        assert not store.meeting(meeting).is_finalized
    path = finalize(store, meeting, folder)
    assert _minute_files(folder) == [path]
    assert sorted(folder.glob("*")) == [path, path.with_suffix(".pdf")]  # the archive PDF beside it
    row = store.meeting(meeting)
    assert row.is_finalized and row.minute_path == str(path)
    assert path.read_text(encoding="utf-8") == row.minute_md
    assert "Leseøktene om morgenen fungerer." in row.minute_md


def test_a_commit_that_fails_after_the_file_was_placed_removes_the_file(store, meeting, tmp_path, monkeypatch):
    folder = tmp_path / "referater"
    real_saving = Store.saving

    @contextmanager
    def commit_fails(self):
        try:
            with self.conn:  # rolled back on the error below, as a failed COMMIT is
                yield
                raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.Error as error:
            raise StoreError(write_error_message(error, self.path)) from None

    monkeypatch.setattr(Store, "saving", commit_fails)
    with pytest.raises(StoreError) as problem:
        finalize(store, meeting, folder)
    assert "Disken er full" in str(problem.value)
    assert _minute_files(folder) == []
    monkeypatch.setattr(Store, "saving", real_saving)
    assert not store.meeting(meeting).is_finalized
    assert store.meeting(meeting).status == "active"
    path = finalize(store, meeting, folder)
    assert _minute_files(folder) == [path] and path.name.endswith(".md") and "-2" not in path.name
    assert sorted(folder.glob("*")) == [path, path.with_suffix(".pdf")]


def test_a_full_disk_while_writing_the_file_finalizes_nothing(store, meeting, tmp_path, monkeypatch):
    folder = tmp_path / "referater"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)
    with pytest.raises(export.ExportError) as problem:
        finalize(store, meeting, folder)
    assert "Disken er full" in str(problem.value)
    assert _minute_files(folder) == []
    assert not store.meeting(meeting).is_finalized


def test_a_file_that_cannot_be_moved_into_place_rolls_the_database_back(store, meeting, tmp_path, monkeypatch):
    folder = tmp_path / "referater"

    def refused(*args, **kwargs):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(export.ExportError):
        finalize(store, meeting, folder)
    assert _minute_files(folder) == []
    meeting_row = store.meeting(meeting)
    assert not meeting_row.is_finalized and meeting_row.minute_md in (None, "")
