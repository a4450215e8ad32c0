"""A database others can read (0644, with its -wal and -shm) is made private (0600) when opened,
and the user is told once."""

from __future__ import annotations

import sqlite3
import stat

from tests.unit.cli_helpers import run_moteleder

from moteleder.store import Store


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_database_readable_by_others_is_made_private_and_the_user_told_once(tmp_path):
    db = tmp_path / "delt" / "moteleder.db"
    Store.open(db, create_folder=True).close()
    other = sqlite3.connect(db)  # another program has it open: its -wal and -shm stay
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("create table if not exists annet (x)")
    other.commit()
    wal, shm = db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
    try:
        for path in (db, wal, shm):
            path.chmod(0o644)
        first = run_moteleder(["oversikt", "--db", str(db)], tmp_path / "hjem")
        assert first.returncode == 0, first.stderr
        assert [_mode(p) for p in (db, wal, shm)] == [0o600, 0o600, 0o600]
        told = " ".join(first.stderr.split())
        assert told == (f"Merk: Databasen «{db}» kunne leses av andre brukere på denne maskinen. "
                        "Nå er den bare tilgjengelig for deg (filrettigheter 0600).")
        again = run_moteleder(["oversikt", "--db", str(db)], tmp_path / "hjem")
        assert again.returncode == 0 and again.stderr == "", "told once"
    finally:
        other.close()


def test_the_store_says_whether_it_tightened(tmp_path):
    db = tmp_path / "moteleder.db"
    store = Store.open(db)
    assert store.tightened is False
    store.close()
    db.chmod(0o640)
    store = Store.open(db)
    assert store.tightened is True and _mode(db) == 0o600
    store.close()
    store = Store.open(db)
    assert store.tightened is False
    store.close()
