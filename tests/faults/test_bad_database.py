"""A broken, foreign, newer, read-only or missing database: a clear Norwegian message, exit 1,
no traceback, and the file left exactly as it was — for the app and for every subcommand."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from moteleder.cli import main
from moteleder.demo import create_demo_group
from moteleder.store import Store

COMMANDS = {
    "app": [],
    "eksport": ["eksport", "--ut", "{out}"],
    "demo": ["demo"],
}


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    """A real moteleder database, checkpointed so the whole thing is in one file."""
    path = tmp_path / "data" / "moteleder.db"
    store = Store.open(path, create_folder=True)
    create_demo_group(store)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return path


def _run(command: str, db: Path, tmp_path: Path, capsys) -> tuple[int, str]:
    args = [a.replace("{out}", str(tmp_path / "ut")) for a in COMMANDS[command]]
    code = main([*args, "--db", str(db)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _assert_refused(db: Path, tmp_path: Path, capsys, expected: str) -> None:
    before = db.read_bytes() if db.exists() else None
    for command in COMMANDS:
        code, output = _run(command, db, tmp_path, capsys)
        assert code == 1, (command, output)
        assert "Traceback" not in output and "Error" not in output, output
        assert expected in " ".join(output.split()), (command, output)
        assert (db.read_bytes() if db.exists() else None) == before, f"{command} changed the file"
    assert not (tmp_path / "ut").exists(), "nothing is exported from a database that cannot be read"
    assert not list(db.parent.glob("*-wal")) or before is None


def test_garbage_after_a_valid_header(good_db, tmp_path, capsys):
    data = good_db.read_bytes()
    good_db.write_bytes(data[:100] + bytes(range(256)) * ((len(data) - 100) // 256 + 1))
    _assert_refused(good_db, tmp_path, capsys, "er skadet")


def test_truncated_file(good_db, tmp_path, capsys):
    data = good_db.read_bytes()
    good_db.write_bytes(data[: len(data) // 2])
    _assert_refused(good_db, tmp_path, capsys, "er skadet")


def test_damage_deep_inside_found_only_while_reading(good_db, tmp_path, capsys):
    data = bytearray(good_db.read_bytes())
    page = 4096
    data[3 * page : 6 * page] = b"\xa5" * (3 * page)  # the schema page is intact, data pages are not
    good_db.write_bytes(bytes(data))
    before = good_db.read_bytes()
    for command in ("eksport", "app"):
        code, output = _run(command, good_db, tmp_path, capsys)
        assert code == 1 and "Traceback" not in output
        assert "er skadet" in output or "uventet feil" in output, output
    assert good_db.read_bytes() == before
    assert not any((tmp_path / "ut").glob("*.md")) if (tmp_path / "ut").exists() else True


def test_not_sqlite_at_all(tmp_path, capsys):
    db = tmp_path / "notater.db"
    db.write_text("Handleliste: melk, brød\n" * 40, encoding="utf-8")
    _assert_refused(db, tmp_path, capsys, "er ikke en moteleder-database")


def test_made_by_a_newer_version(good_db, tmp_path, capsys):
    store = Store.open(good_db)
    store.db.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('moteleder', 'm999_from_the_future', '2030-01-01')"
    )
    store.db.conn.commit()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    _assert_refused(good_db, tmp_path, capsys, "nyere versjon av moteleder")


def test_folder_that_does_not_exist(tmp_path, capsys):
    db = tmp_path / "finnes-ikke" / "moteleder.db"
    _assert_refused(db, tmp_path, capsys, "finnes ikke")
    assert not db.parent.exists(), "the folder is not created behind the user's back"


def test_read_only_database(good_db, tmp_path, capsys, monkeypatch):
    os.chmod(good_db, stat.S_IRUSR)
    if os.geteuid() == 0:
        # root may write anyway; make the permission check see what a normal user would.
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK and Path(p) == good_db
                            else real_access(p, mode, **kw))
    _assert_refused(good_db, tmp_path, capsys, "skrivebeskyttet")


def test_a_database_path_that_is_a_folder(tmp_path, capsys):
    db = tmp_path / "mappe.db"
    db.mkdir()
    code, output = _run("eksport", db, tmp_path, capsys)
    assert code == 1 and "er en mappe" in output and "Traceback" not in output


def test_good_database_still_works(good_db, tmp_path, capsys):
    """The control: the same commands on an intact copy succeed."""
    copy = tmp_path / "kopi" / "moteleder.db"
    copy.parent.mkdir()
    shutil.copy(good_db, copy)
    code, output = _run("eksport", copy, tmp_path, capsys)
    assert code == 0 and "2 referater skrevet" in output


def test_demo_on_a_file_damaged_deep_inside_writes_nothing(good_db, tmp_path, capsys):
    """Opening reads only the schema; the members' page is damaged. demo must not add a group first."""
    import sqlite3

    conn = sqlite3.connect(good_db)
    (members_page,) = conn.execute("select rootpage from sqlite_master where name = 'members'").fetchone()
    page_size = conn.execute("pragma page_size").fetchone()[0]
    conn.close()
    data = bytearray(good_db.read_bytes())
    data[(members_page - 1) * page_size : members_page * page_size] = b"\xa5" * page_size
    good_db.write_bytes(bytes(data))
    before = good_db.read_bytes()
    for command in (["demo"], ["demo", "--grupper", "3"], ["innkalling", "1", "--ut", str(tmp_path / "ut")]):
        code, output = _run_args(command, good_db, capsys)
        assert code == 1, (command, output)
        assert "er skadet" in output and "Traceback" not in output, (command, output)
        assert good_db.read_bytes() == before, f"{command} changed the file"
    assert not list(good_db.parent.glob("*-wal"))


def test_demo_is_one_transaction(good_db, capsys):
    """A demo group that fails halfway (here: the measures cannot be written) leaves no half group."""
    import sqlite3

    conn = sqlite3.connect(good_db)
    conn.execute("update groups set closed_on = '2026-01-01'")  # so that demo makes a new demo group
    conn.execute("create trigger no_measures before insert on measures begin select raise(abort, 'nei'); end")
    conn.commit()
    groups = conn.execute("select count(*) from groups").fetchone()[0]
    conn.close()
    code, output = _run_args(["demo"], good_db, capsys)
    assert code == 1 and "Traceback" not in output
    conn = sqlite3.connect(good_db)
    counts = [conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("groups", "members", "meetings")]
    conn.close()
    assert counts[0] == groups and counts == [groups, 6, 3], "nothing of the second demo group was written"


def _run_args(args: list[str], db: Path, capsys) -> tuple[int, str]:
    code = main([*args, "--db", str(db)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err
