"""A database another program holds locked: the command says what to do instead, and stops."""

from __future__ import annotations

import sqlite3

import pytest

from moteleder.cli import main
from moteleder.crash import REPORT_PREFIX
from moteleder.store import Store, write_error_message
from moteleder.store import connection as storage

TOLD = ("Databasen er i bruk av et annet program (for eksempel moteleder i et annet vindu). "
        "Vent til det er ferdig, eller lukk det, og kjør kommandoen på nytt.")


@pytest.fixture(autouse=True)
def short_wait(monkeypatch):
    """moteleder waits five seconds for a lock; the tests need not."""
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        if "timeout" in kwargs:
            kwargs["timeout"] = 0.05
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(storage.sqlite3, "connect", connect)


def _run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, " ".join((captured.out + captured.err).split())


def test_a_write_locked_by_another_program_says_what_to_do(db_path, capsys):
    Store.open(db_path, create_folder=True).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("begin immediate")  # another program is writing
    try:
        code, output = _run(["demo", "--db", str(db_path)], capsys)
    finally:
        other.execute("rollback")
        other.close()
    assert code == 1
    assert output == f"Feil: {TOLD}"
    assert "Prøver igjen" not in output
    assert not list(db_path.parent.glob(f"{REPORT_PREFIX}*"))
    store = Store.open(db_path)
    assert store.groups() == []
    store.close()


def test_a_database_locked_while_opening_says_what_to_do(db_path, capsys):
    Store.open(db_path, create_folder=True).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # WAL must then be switched on, which needs the lock
    other.execute("begin exclusive")
    try:
        code, output = _run(["oversikt", "--db", str(db_path)], capsys)
    finally:
        other.execute("rollback")
        other.close()
    assert code == 1
    assert output == f"Feil: {TOLD}"


def test_the_app_keeps_its_own_wording():
    """The app's wording names the other program and tells no one to run a command again; what
    happens next is said where it happens (the autosave: «moteleder prøver igjen»; an immediate
    write or finalizing: «Prøv igjen» / «Trykk F10 for å prøve igjen»)."""
    message = write_error_message(sqlite3.OperationalError("database is locked"), None)
    assert "i bruk av et annet program" in message
    assert "kommandoen" not in message and "Prøver igjen" not in message
