"""`moteleder … | head -1`: when the reader goes away, every subcommand ends quietly.

No message on stderr, no crash report, and the shell's exit status for a closed pipe (141).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tests.unit.cli_helpers import run_moteleder, user_env

from moteleder.store import Store

READER_GONE = 141


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A home, and a database whose every output is far larger than a pipe holds (64 KiB)."""
    root = tmp_path_factory.mktemp("pipe")
    home, db = root / "hjem", root / "data" / "m.db"
    db.parent.mkdir()
    assert run_moteleder(["demo", "--grupper", "40", "--db", str(db)], home).returncode == 0
    store = Store.open(db)
    for n in range(300):  # long names: the overview alone is then some 300 KB
        store.create_group(f"Person {n} " + "Langnavnsen " * 80)
    store.close()
    lines = root / "tekster.txt"
    lines.write_text("Vi vil klage på vedtaket om avlastning.\n" * 20000, encoding="utf-8")
    # eksport prints one line per file, with the full path: a long folder name makes them long
    out = root.joinpath(*(["u" * 200] * 4))
    return home, db, lines, out


def _no_reports(root) -> list:
    return list(root.rglob("feilrapport-*"))


def _pipe_to_head(args, home, stdin_path=None):
    """`moteleder ARGS | head -1`; returns (what head printed, moteleder's stderr, its exit code)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        producer = subprocess.Popen(
            [sys.executable, "-m", "moteleder", *args], stdin=stdin, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=user_env(home), cwd=home,
        )
        head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
        producer.stdout.close()  # head is now the only reader
        first, _ = head.communicate(timeout=120)
        err = producer.stderr.read()
        producer.stderr.close()
        code = producer.wait(timeout=120)
    finally:
        if stdin_path:
            stdin.close()
    return first.decode("utf-8"), err.decode("utf-8"), code


@pytest.mark.parametrize(
    "command, first_line",
    [
        (["oversikt", "--csv"], "\ufeffGruppe-ID;Person;"),
        (["oversikt"], "Aktive ansvarsgrupper"),
        (["eksport", "--ut", "{out}"], "Skrev "),
        (["sok", "tiltak", "--antall", "5000"], "┏"),
        (["flagg"], '{"text": "Vi vil klage'),
    ],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(big, command, first_line):
    home, db, lines, out = big
    command = [part.replace("{out}", str(out)) for part in command]
    first, err, code = _pipe_to_head([*command, "--db", str(db)], home,
                                     stdin_path=lines if command[0] == "flagg" else None)
    assert first_line in first
    assert err == ""
    assert code == READER_GONE
    assert not _no_reports(db.parent.parent)


@pytest.mark.parametrize("command", [["profiler"], ["profiler", "--json"], ["oversikt", "--csv"], ["sok", "tiltak"]])
def test_a_pipe_closed_before_the_first_line(big, command):
    """A reader gone before anything is written (the read end already closed)."""
    home, db, _lines, _out = big
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([sys.executable, "-m", "moteleder", *command, "--db", str(db)], stdout=write,
                                stderr=subprocess.PIPE, env=user_env(home), cwd=home, timeout=120, check=False)
    finally:
        os.close(write)
    assert result.stderr.decode("utf-8") == ""
    assert result.returncode == READER_GONE
    assert not _no_reports(db.parent.parent)
