"""Names and texts on the command line are shown as they are: square brackets are not rich markup."""

from __future__ import annotations

from moteleder.cli import main

NAMES = ["Ola [/] Nordmann", "[bold]Kari[/bold] Nordmann", "[@click=app.quit]x[/]", "Per \\[Hansen]"]


def _run(args, capsys) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_overview_and_the_search_show_names_as_typed(store, db_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no name is wrapped inside its cell
    for name in NAMES:
        group = store.create_group(name)
        store.add_member(group, name + " K", role="kontaktlærer", is_coordinator=True)
        meeting = store.create_meeting(group, None)
        store.save_meeting_fields(meeting, {"worked": f"Kartleggingen for {name} er ferdig."})
    store.close()
    code, output = _run(["oversikt", "--db", str(db_path)], capsys)
    assert code == 0, output
    for name in NAMES:
        assert name in output and f"{name} K" in output
    code, output = _run(["sok", "kartleggingen", "--db", str(db_path)], capsys)
    assert code == 0, output
    assert "4 treff" in output and "uventet" not in output
    for name in NAMES:
        assert name in output


def test_a_profile_name_with_brackets_is_shown_as_written(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "profiler"
    folder.mkdir()
    (folder / "egen.toml").write_text('id = "egen"\nname = "[bold]Egen[/] kommune [/]"\n', encoding="utf-8")
    monkeypatch.setenv("MOTELEDER_PROFILER", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where a crash report would go
    code, output = _run(["profiler"], capsys)
    assert code == 0
    assert "[bold]Egen[/] kommune [/]" in output and "uventet" not in output
    assert not (tmp_path / "data").exists()
