"""Messages to a pipe or a file are never hard-wrapped: a long path stays whole on one line,
and square brackets in a path are shown as they are (not read as rich markup)."""

from __future__ import annotations

import pytest

from moteleder.cli import main
from moteleder.store import Store


@pytest.fixture
def long_folder(tmp_path):
    folder = tmp_path.joinpath(*[f"en-ganske-lang-mappe-for-koordinerende-enhet-{n}" for n in range(5)], "[bold]x[/]")
    folder.mkdir(parents=True)
    assert len(str(folder)) > 240
    return folder


def _run(args, capsys) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("command", [[], ["eksport", "--ut", "{ut}"], ["demo"], ["oversikt"], ["sok", "tiltak"],
                                     ["innkalling", "1", "--ut", "{ut}"]])
def test_a_message_with_a_very_long_path_is_one_line(long_folder, capsys, command):
    db = long_folder / "mappe.db"
    db.mkdir()
    args = [part.replace("{ut}", str(long_folder / "ut")) for part in command]
    code, output = _run([*args, "--db", str(db)], capsys)
    assert code == 1
    assert output == f"Feil: «{db}» er en mappe, ikke en databasefil.\n"


def test_results_with_a_very_long_path_are_whole_lines(long_folder, capsys):
    db = long_folder / "moteleder.db"
    code, output = _run(["demo", "--db", str(db)], capsys)
    assert code == 0
    assert output.endswith(f" i {db}.\n") and output.count("\n") == 1
    out = long_folder / "ut"
    code, output = _run(["eksport", "--db", str(db), "--ut", str(out)], capsys)
    assert code == 0
    written = sorted(out.glob("*.md"))
    assert output.splitlines() == [*(f"Skrev {p}" for p in written), f"2 referater skrevet til {out}"]
    store = Store.open(db)
    planned = store.planned_meeting(store.groups()[0].id).id
    store.close()
    code, output = _run(["innkalling", str(planned), "--db", str(db), "--ut", str(out)], capsys)
    assert code == 0
    lines = output.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"Skrev {out}/") for line in lines)
