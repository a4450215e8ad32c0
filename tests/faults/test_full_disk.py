"""A full disk: the command says the disk is full (not "disk I/O error"), changes nothing, and
leaves no -wal/-shm files behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from moteleder.cli import main
from moteleder.demo import create_demo_group
from moteleder.store import Store, database_error_message, write_error_message
from moteleder.store import connection as storage


@pytest.fixture
def full_at(monkeypatch):
    """Connections to the given file cannot grow it by a single page: SQLite's SQLITE_FULL."""
    real_connect = sqlite3.connect
    limits: dict[str, int] = {}

    def connect(database, *args, **kwargs):
        conn = real_connect(database, *args, **kwargs)
        if str(database) in limits:
            conn.execute(f"PRAGMA max_page_count = {limits[str(database)]}")
        return conn

    monkeypatch.setattr(storage.sqlite3, "connect", connect)

    def full(path: Path, pages: int | None = None) -> None:
        size = path.stat().st_size // 4096 if path.exists() else 1
        limits[str(path)] = pages or max(size, 1)

    return full


def _run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, " ".join((captured.out + captured.err).split())


def test_a_full_disk_while_writing_says_so_and_changes_nothing(db_path, full_at, capsys):
    store = Store.open(db_path, create_folder=True)
    # a closed demo group: demo makes a new one, which needs more pages than the file has
    store.close_group(create_demo_group(store), date.today(), "Ferdig")
    store.close()
    before = db_path.read_bytes()
    full_at(db_path)
    code, output = _run(["demo", "--db", str(db_path)], capsys)
    assert code == 1
    assert f"Disken er full, så det siste ble ikke lagret i «{db_path}». Frigjør plass på disken" in output
    assert "disk is full" not in output and "Traceback" not in output and "uventet" not in output
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*-wal")) and not list(db_path.parent.glob("*-shm"))


def test_a_full_disk_for_a_new_database_says_so_and_leaves_no_files(tmp_path, full_at, capsys):
    db = tmp_path / "ny.db"
    full_at(db, pages=2)
    code, output = _run(["demo", "--db", str(db)], capsys)
    assert code == 1
    assert f"Disken er full, så databasen «{db}» kan ikke åpnes. Frigjør plass på disken og prøv igjen." in output
    assert list(tmp_path.iterdir()) == [], "no half-made database, -wal or -shm is left"


def test_the_full_disk_errors_sqlite_gives_map_to_the_full_disk_message(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db")
    conn.execute("create table t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("insert into t values (?)", ["x" * 20000])
    conn.close()
    assert full.value.sqlite_errorname == "SQLITE_FULL"
    for message in (database_error_message(full.value, tmp_path / "m.db"),
                    write_error_message(full.value, tmp_path / "m.db")):
        assert message.startswith("Disken er full")


def _tmpfs(folder: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


def test_a_really_full_disk(tmp_path, capsys):
    """On a full file system SQLite reports a disk I/O error (the -shm cannot grow): the free space
    decides, and the message says the disk is full."""
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "2m"):
        pytest.skip("needs a small tmpfs (root and mount)")
    try:
        db = disk / "moteleder.db"
        Store.open(db).close()
        before = db.read_bytes()
        with open(disk / "fyll", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass  # the disk is full
        for command in (["oversikt"], ["demo"]):
            code, output = _run([*command, "--db", str(db)], capsys)
            assert code == 1, output
            assert "Disken er full" in output and "disk I/O error" not in output, output
            assert db.read_bytes() == before
            assert sorted(p.name for p in disk.iterdir()) == ["fyll", "moteleder.db"], "no -wal/-shm left"
    finally:
        subprocess.run(["umount", str(disk)], check=False)
