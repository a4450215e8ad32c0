"""The command line: demo, eksport, help in Norwegian, the database location."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from moteleder.cli import main
from moteleder.store import Store


def test_help_is_norwegian(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Bruk: moteleder")
    assert "vis denne hjelpen og avslutt" in out and "kommandoer" in out
    assert "usage" not in out.lower() and "show this help" not in out


def test_unknown_command_is_a_norwegian_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["tull"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "moteleder: feil:" in err and "ugyldig valg" in err and "velg blant" in err


def test_demo_then_export_writes_one_file_per_minute(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert "oppdiktet" in capsys.readouterr().out
    out_dir = tmp_path / "ut"
    assert main(["eksport", "--db", str(db), "--ut", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    files = sorted(out_dir.glob("*.md"))
    assert len(files) == 2
    assert all(f.name.endswith("-tiril-testesen.md") for f in files)
    assert all(f"Skrev {f}" in printed.replace("\n", "") or f.name in printed for f in files)
    store = Store.open(db)
    finalized = [dict(r) for r in store.finalized_meetings()]
    assert [f.read_text(encoding="utf-8") for f in files] == [r["minute_md"] for r in finalized]
    assert store.planned_meeting(store.groups()[0].id) is not None
    store.close()
    assert all((f.stat().st_mode & 0o777) == 0o600 for f in files)


def test_export_with_pdf_writes_the_archive_pdf_beside_each_markdown_file(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["demo", "--db", str(db)]) == 0
    out_dir = tmp_path / "ut"
    assert main(["eksport", "--db", str(db), "--ut", str(out_dir), "--pdf"]) == 0
    printed = capsys.readouterr().out
    markdown = sorted(out_dir.glob("*.md"))
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert len(markdown) == 2 and [p.with_suffix(".md") for p in pdfs] == markdown
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in pdfs)
    assert "2 PDF-er for arkivet skrevet" in printed


def test_export_twice_on_same_day_keeps_both(tmp_path, store):
    from datetime import datetime

    from moteleder.export import write_minute

    taken: set[str] = set()
    a = write_minute(tmp_path, datetime(2026, 11, 24, 9), "Ola Nordmann", "a", taken=taken)
    b = write_minute(tmp_path, datetime(2026, 11, 24, 13), "Ola Nordmann", "b", taken=taken)
    assert a.name == "2026-11-24-ola-nordmann.md" and b.name == "2026-11-24-ola-nordmann-2.md"
    assert a.read_text() == "a" and b.read_text() == "b"


def test_env_variable_chooses_the_database(tmp_path, monkeypatch):
    from moteleder.locations import default_db_path, resolve_db_path

    monkeypatch.setenv("MOTELEDER_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    assert resolve_db_path(str(tmp_path / "cli.db")) == tmp_path / "cli.db"
    assert resolve_db_path(None) == tmp_path / "env.db"


def test_missing_folder_is_a_clear_message(tmp_path, capsys):
    code = main(["eksport", "--db", str(tmp_path / "finnes-ikke" / "m.db"), "--ut", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "finnes ikke" in err and "Traceback" not in err


def test_python_dash_m_works(tmp_path):
    result = subprocess.run([sys.executable, "-m", "moteleder", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Bruk: moteleder" in result.stdout


def test_core_does_not_import_textual():
    code = (
        "import sys; import moteleder.store, moteleder.minute, moteleder.meeting, moteleder.export, "
        "moteleder.profiles, moteleder.dates, moteleder.demo, moteleder.cli; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'textual']; print(bad); assert not bad"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_twice_says_the_demo_group_is_there_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    assert main(["demo", "--db", str(db)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    store = Store.open(db)
    (group,) = store.groups()
    store.close()
    assert out == (f"Demogruppen for Tiril Testesen finnes allerede (gruppe {group.id}), så ingenting er endret. "
                   f"Åpne den med «moteleder --gruppe {group.id}».")
    assert db.read_bytes() == before
    # A closed demo group does not count: demo makes a new one
    store = Store.open(db)
    store.close_group(group.id, date.today(), "Ferdig med å prøve")
    store.close()
    assert main(["demo", "--db", str(db)]) == 0
    assert "Laget demogruppen" in capsys.readouterr().out


@pytest.mark.parametrize("count", ["0", "-3"])
def test_demo_with_no_groups_is_a_norwegian_error_and_makes_nothing(tmp_path, capsys, count):
    db = tmp_path / "m.db"
    assert main(["demo", "--grupper", count, "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.err == "Feil: --grupper må være minst 1.\n" and captured.out == ""
    assert not db.exists()  # not even an empty database: the demo group was not made either


def _crash_in(monkeypatch, module: str, function: str) -> None:
    import importlib

    def crash(*args, **kwargs):
        raise RuntimeError("noe uventet")

    monkeypatch.setattr(importlib.import_module(module), function, crash)


def test_a_crash_in_a_command_without_a_meeting_does_not_speak_of_the_meeting(tmp_path, capsys, monkeypatch):
    from moteleder.crash import REPORT_PREFIX

    db = tmp_path / "m.db"
    Store.open(db).close()
    _crash_in(monkeypatch, "moteleder.search", "search")
    assert main(["sok", "tiltak", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("moteleder stoppet på grunn av en uventet feil.\nTeknisk informasjon")
    assert "møtet" not in err and "Traceback" not in err and "noe uventet" not in err
    assert len(list(tmp_path.glob(f"{REPORT_PREFIX}*"))) == 1


def test_a_crash_around_the_app_still_says_the_meeting_text_is_saved(tmp_path, capsys, monkeypatch):
    db = tmp_path / "m.db"
    Store.open(db).close()
    _crash_in(monkeypatch, "moteleder.app.run", "run_app")
    assert main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "moteleder stoppet på grunn av en uventet feil." in err
    assert "Det som var skrevet i møtet er lagret fortløpende" in err and "noe uventet" not in err
