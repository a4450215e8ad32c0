"""The numbers the command line asks for are shown (oversikt, sok), and a person's name works
instead of a number wherever it points to exactly one group."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from moteleder.cli import main
from moteleder.demo import create_demo_group


def _run(args, capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def groups(store, db_path):
    """The demo group, two groups for two different children both named Ola Nordmann, one without a meeting."""
    demo = create_demo_group(store)
    olas = []
    for year, coordinator in ((2014, "Line Lærersen"), (2017, "[bold]Per[/] Pedagog")):
        group = store.create_group("Ola Nordmann", birth_year=year)
        store.add_member(group, coordinator, role="kontaktlærer", is_coordinator=True)
        store.create_meeting(group, datetime(2030, 5, 6, 9, 0))
        olas.append(group)
    lonely = store.create_group("Åse Berg")
    planned = {g: store.planned_meeting(g).id for g in (demo, *olas)}
    store.close()
    return {"db": str(db_path), "demo": demo, "olas": olas, "lonely": lonely, "planned": planned}


def test_oversikt_shows_the_group_and_planned_meeting_ids(groups, capsys, monkeypatch):
    code, out, _ = _run(["oversikt", "--csv", "--db", groups["db"]], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    ids = {row["Gruppe-ID"]: row["Planlagt møte-ID"] for row in rows}
    assert ids == {str(g): str(groups["planned"][g]) for g in groups["planned"]} | {str(groups["lonely"]): ""}
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = _run(["oversikt", "--db", groups["db"]], capsys)
    assert "Gruppe-ID" in out and "Møte-ID" in out
    demo_line = next(line for line in out.splitlines() if "Tiril Testesen" in line)
    assert demo_line.split("│")[1].strip() == str(groups["demo"])
    assert str(groups["planned"][groups["demo"]]) in demo_line.split("│")[7]


def test_sok_shows_the_group_id(groups, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = _run(["sok", "kartlegging", "--db", groups["db"]], capsys)
    assert code == 0 and "Gruppe-ID" in out
    hit_lines = [line for line in out.splitlines() if "Tiril Testesen" in line]
    assert hit_lines and all(line.split("│")[1].strip() == str(groups["demo"]) for line in hit_lines)


def test_innkalling_takes_the_persons_name(groups, tmp_path, capsys):
    code, out, err = _run(["innkalling", "tiril  TESTESEN", "--ut", str(tmp_path / "ut"), "--db", groups["db"]],
                          capsys)
    assert code == 0, err
    assert [p.suffix for p in sorted((tmp_path / "ut").iterdir())] == [".ics", ".md"]
    assert "Skrev " in out and "-tiril-testesen-innkalling.md" in out


def test_an_ambiguous_name_lists_the_groups_and_writes_nothing(groups, tmp_path, capsys):
    first, second = groups["olas"]
    code, out, err = _run(["innkalling", "Ola Nordmann", "--ut", str(tmp_path / "ut"), "--db", groups["db"]], capsys)
    assert code == 1 and out == "" and not (tmp_path / "ut").exists()
    assert err == (
        f"Feil: 2 aktive ansvarsgrupper er for «Ola Nordmann». Velg én med nummeret, for eksempel "
        f"«moteleder innkalling {groups['planned'][first]}»:\n"
        f"  gruppe {first}: Ola Nordmann, født 2014, koordinator Line Lærersen, "
        f"planlagt møte nummer {groups['planned'][first]} (06.05.2030)\n"
        f"  gruppe {second}: Ola Nordmann, født 2017, koordinator [bold]Per[/] Pedagog, "
        f"planlagt møte nummer {groups['planned'][second]} (06.05.2030)\n"
    )


def test_an_unknown_name_says_so_and_suggests_near_names(groups, tmp_path, capsys):
    code, _, err = _run(["innkalling", "Ola", "--ut", str(tmp_path), "--db", groups["db"]], capsys)
    assert code == 1
    assert err.startswith("Feil: Fant ingen aktiv ansvarsgruppe for «Ola». Skriv hele navnet, eller bruk nummeret")
    assert "Mente du en av disse?" in err and err.count("Ola Nordmann, født") == 2
    code, _, err = _run(["innkalling", "Kari Hansen", "--ut", str(tmp_path), "--db", groups["db"]], capsys)
    assert code == 1
    assert err == ("Feil: Fant ingen aktiv ansvarsgruppe for «Kari Hansen». «moteleder oversikt» viser alle de "
                   "aktive gruppene med nummer.\n")
    code, _, err = _run(["innkalling", "Åse Berg", "--ut", str(tmp_path), "--db", groups["db"]], capsys)
    assert code == 1
    assert err == (f"Feil: Ansvarsgruppen for Åse Berg (gruppe {groups['lonely']}) har ikke noe planlagt møte. "
                   "Sett dato for neste møte i appen først.\n")
    assert not list(tmp_path.glob("*.md"))


@pytest.fixture
def app_calls(monkeypatch):
    """The app, replaced: what group id it was asked to open."""
    import moteleder.app.run

    calls = []
    monkeypatch.setattr(moteleder.app.run, "run_app", lambda args: calls.append(args.gruppe) or 0)
    return calls


def test_gruppe_takes_a_number_or_the_persons_name(groups, app_calls, capsys):
    assert main(["--db", groups["db"], "--gruppe", str(groups["demo"])]) == 0
    assert main(["--db", groups["db"], "--gruppe", "Tiril Testesen"]) == 0
    assert main(["--gruppe", "åse berg", "--db", groups["db"]]) == 0
    assert app_calls == [groups["demo"], groups["demo"], groups["lonely"]]
    assert all(isinstance(call, int) for call in app_calls)


def test_gruppe_with_an_ambiguous_name_opens_nothing(groups, app_calls, capsys):
    first, second = groups["olas"]
    code, _, err = _run(["--db", groups["db"], "--gruppe", "Ola Nordmann"], capsys)
    assert code == 1 and app_calls == []
    assert err.startswith(f"Feil: 2 aktive ansvarsgrupper er for «Ola Nordmann». Velg én med nummeret, "
                          f"for eksempel «moteleder --gruppe {first}»:\n")
    assert f"  gruppe {second}: Ola Nordmann, født 2017, koordinator [bold]Per[/] Pedagog" in err
