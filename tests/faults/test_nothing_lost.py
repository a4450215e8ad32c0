"""Writes that cannot be half-done: exports replace files atomically, two connections never lose
a write, and a full disk refuses a save cleanly instead of damaging what was saved before."""

from __future__ import annotations

import errno
import os
import threading
from datetime import datetime
from pathlib import Path

import pytest

from moteleder import export
from moteleder.cli import main
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting
from moteleder.store import Store, StoreError


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _exported(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def exported_once(store, db_path, tmp_path, capsys):
    create_demo_group(store)
    folder = tmp_path / "ut"
    assert main(["eksport", "--db", str(db_path), "--ut", str(folder)]) == 0
    capsys.readouterr()
    # The archive copy the user already has: a later export must never leave it half-written.
    for path in folder.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nArkivert.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("failing", ["replace", "write", "mkstemp"])
def test_export_that_fails_on_a_full_disk_keeps_the_old_files_and_leaves_no_temp_files(
    exported_once, db_path, capsys, monkeypatch, failing
):
    before = _exported(exported_once)
    if failing == "replace":
        monkeypatch.setattr(os, "replace", _enospc)
    elif failing == "mkstemp":
        monkeypatch.setattr(export.tempfile, "mkstemp", _enospc)
    else:
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, fd, *a, **kw):
                self.handle = real_fdopen(fd, *a, **kw)

            def write(self, text):
                self.handle.write(text[: len(text) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()
                return False

        monkeypatch.setattr(os, "fdopen", FullDisk)
    code = main(["eksport", "--db", str(db_path), "--ut", str(exported_once)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Disken er full" in err and "Traceback" not in err
    assert _exported(exported_once) == before  # same names, same bytes, no .tmp files


def test_single_atomic_write_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "referat.md"
    path.write_text("gammelt", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _enospc)
    with pytest.raises(export.ExportError, match="Disken er full"):
        export.write_minute(tmp_path, datetime(2026, 1, 5, 14), "Referat", "nytt")
    monkeypatch.undo()
    with pytest.raises(OSError):
        monkeypatch.setattr(os, "replace", _enospc)
        export.atomic_write(path, "nytt")
    assert path.read_text(encoding="utf-8") == "gammelt"
    assert [p.name for p in tmp_path.iterdir()] == ["referat.md"]


def test_two_stores_interleaving_writes_lose_nothing(store, db_path):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    other = Store.open(db_path)
    try:
        for i in range(50):
            store.save_meeting_fields(meeting_id, {"worked": f"fungert {i}"})
            other.save_meeting_fields(meeting_id, {"challenge": f"utfordring {i}"})
            other.add_measure(group_id, meeting_id, f"tiltak fra den andre {i}")
            store.add_measure(group_id, meeting_id, f"tiltak fra den første {i}")
        for reader in (store, other):
            meeting = reader.meeting(meeting_id)
            assert (meeting.worked, meeting.challenge) == ("fungert 49", "utfordring 49")
            assert len(reader.measures_agreed(meeting_id)) == 100
    finally:
        other.close()


def test_two_app_processes_writing_at_once_lose_nothing(store, db_path):
    """Two threads, each with its own connection (as two app instances would have), writing at once."""
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    errors: list[BaseException] = []

    def writer(label: str) -> None:
        own = Store.open(db_path)
        try:
            for i in range(100):
                own.add_measure(group_id, meeting_id, f"{label} {i}")
                own.save_meeting_fields(meeting_id, {"aob": f"{label} {i}"})
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(label,)) for label in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    whats = {m.what for m in store.measures_agreed(meeting_id)}
    assert whats == {f"{label} {i}" for label in "AB" for i in range(100)}


def _fill_the_disk(store: Store) -> None:
    """No more room in the database file: SQLite answers as it does on a full disk (SQLITE_FULL)."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_during_a_save_keeps_the_last_saved_text(store):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    store.save_meeting_fields(meeting_id, {"worked": "Det som ble lagret først."})
    _fill_the_disk(store)
    with pytest.raises(StoreError, match="Disken er full") as caught:
        store.save_meeting_fields(meeting_id, {"worked": "Langt notat. " * 20000})
    assert "Langt notat" not in str(caught.value)  # the message never repeats what was typed
    assert store.meeting(meeting_id).worked == "Det som ble lagret først."
    store.db.execute("PRAGMA max_page_count = 1073741823")
    store.save_meeting_fields(meeting_id, {"worked": "Lagret når det er plass igjen."})
    assert store.meeting(meeting_id).worked == "Lagret når det er plass igjen."


def test_full_disk_while_making_demo_groups_changes_nothing(db_path, capsys, monkeypatch):
    Store.open(db_path, create_folder=True).close()
    from moteleder import app_support

    real_open = app_support.open_store

    def open_on_full_disk(db_arg):
        store = real_open(db_arg)
        _fill_the_disk(store)
        return store

    monkeypatch.setattr(app_support, "open_store", open_on_full_disk)
    code = main(["demo", "--grupper", "50", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Disken er full" in err and "Traceback" not in err
    monkeypatch.undo()
    store = Store.open(db_path)
    assert store.count_groups() == 0
    store.close()


def test_a_save_that_fails_halfway_keeps_none_of_it(store):
    """Several writes in one save (sqlite-utils' own among them) land together or not at all."""
    group_id = store.create_group("Anne Rolig")
    with pytest.raises(RuntimeError):
        with store.saving():
            store.db["groups"].update(group_id, {"person_name": "Halvveis"})
            store.db["groups"].insert({"person_name": "Ny", "created_at": "2026-12-03T10:00:00"})
            raise RuntimeError("the disk went away")
    assert [g.person_name for g in store.groups()] == ["Anne Rolig"]
