"""`moteleder oversikt`: every active group for the coordinating unit, as a table and as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from moteleder.cli import main
from moteleder.demo import create_demo_group


def _groups(store):
    demo = create_demo_group(store)
    other = store.create_group("Åsmund Berg", coordinator_kind="barnekoordinator")
    store.add_member(other, "Hilde Vik", role="barnekoordinator", service="Helsestasjonen", is_coordinator=True)
    closed = store.create_group("Lukket Gruppe")
    store.close_group(closed, date.today(), "Ikke lenger behov")
    return demo, other


def test_table_shows_every_active_group(store, db_path, capsys):
    _groups(store)
    store.close()
    assert main(["oversikt", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Tiril Testesen (demo)" in out and "Åsmund Berg" in out
    assert "Hilde Vik (barnekoordinator)" in out
    assert "Lukket Gruppe" not in out
    assert "2 aktive grupper, 2 trenger oppmerksomhet." in out


def test_csv_for_a_spreadsheet(store, db_path, capsys):
    demo, _other = _groups(store)
    open_measures = len(store.open_measures(demo))
    store.close()
    assert main(["oversikt", "--csv", "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # quiet when not on a terminal
    assert captured.out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(captured.out.lstrip("\ufeff")), delimiter=";"))
    assert [r["Person"] for r in rows] == ["Tiril Testesen (demo)", "Åsmund Berg"]
    tiril, asmund = rows
    assert tiril["Koordinator"] == "Line Lærersen" and tiril["Deltakere"] == "6"
    assert tiril["Åpne tiltak"] == str(open_measures) and int(tiril["Tiltak over frist"]) >= 1
    assert tiril["Neste møte"] and tiril["Siste møte"]
    assert asmund["Type"] == "Barnekoordinator" and asmund["Neste møte"] == "Ikke satt"
    assert asmund["Trenger oppmerksomhet"] == "Samtykke er ikke registrert · Neste møte er ikke satt"
