"""`--db FIL` is honoured before and after the subcommand, and then no default database is made."""

from __future__ import annotations

import pytest
from tests.unit.cli_helpers import default_db, run_moteleder

from moteleder.store import Store


@pytest.fixture
def demo_db(tmp_path):
    """A database made by `moteleder --db FIL demo` (the option before the subcommand)."""
    home = tmp_path / "hjem"
    db = tmp_path / "annet sted" / "X.db"
    db.parent.mkdir()
    result = run_moteleder(["--db", str(db), "demo"], home)
    assert result.returncode == 0, result.stderr
    assert str(db) in result.stdout.replace("\n", "")
    store = Store.open(db)
    planned = store.planned_meeting(store.groups()[0].id).id
    store.close()
    assert not default_db(home).exists() and not default_db(home).parent.exists()
    return home, db, planned


def _both_positions(command: list[str], db):
    """The same command with --db before and after the subcommand."""
    return [["--db", str(db), *command], [command[0], "--db", str(db), *command[1:]]]


@pytest.mark.parametrize(
    "command, expected",
    [
        (["oversikt"], "Tiril Testesen (demo)"),
        (["oversikt", "--csv"], "Tiril Testesen (demo)"),
        (["sok", "kartlegging"], "Tiril Testesen"),
        (["eksport", "--ut", "{ut}"], "2 referater skrevet"),
        (["innkalling", "{mote}", "--ut", "{ut}"], "-tiril-testesen-innkalling.md"),
    ],
)
def test_db_before_or_after_the_subcommand_reads_that_file(demo_db, tmp_path, command, expected):
    home, db, planned = demo_db
    command = [part.replace("{ut}", str(tmp_path / "ut")).replace("{mote}", str(planned)) for part in command]
    for args in _both_positions(command, db):
        result = run_moteleder(args, home)
        assert result.returncode == 0, (args, result.stderr)
        assert expected in result.stdout.replace("\n", ""), (args, result.stdout)
        assert not default_db(home).exists(), f"{args} made the default database"
    assert not default_db(home).parent.exists()


@pytest.mark.parametrize("command", [["flagg", "Vi vil klage på vedtaket"], ["profiler", "--json"]])
def test_commands_without_a_database_accept_db_in_both_places(demo_db, command):
    home, db, _planned = demo_db
    for args in _both_positions(command, db):
        result = run_moteleder(args, home)
        assert result.returncode == 0 and result.stderr == "", (args, result.stderr)
        assert not default_db(home).parent.exists()


def test_db_given_twice_the_last_one_counts(demo_db, tmp_path):
    home, db, _planned = demo_db
    other = tmp_path / "tom.db"
    result = run_moteleder(["--db", str(db), "oversikt", "--db", str(other)], home)
    assert result.returncode == 0, result.stderr
    assert "Ingen aktive ansvarsgrupper." in result.stdout and other.exists()
    assert not default_db(home).parent.exists()
