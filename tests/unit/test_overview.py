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


HOSTILE = ["=HYPERLINK(\"http://x\";\"klikk\")", "+47 cmd", "-2+3", "@SUM(1;1)", "=1+1"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized(store, db_path, capsys):
    for i, name in enumerate(HOSTILE):
        group = store.create_group(name)
        store.add_member(group, HOSTILE[-1 - i], role="kontaktlærer", is_coordinator=True)
    store.create_group("Ola =Nordmann")  # a formula sign inside a cell is harmless and kept
    store.close()
    assert main(["oversikt", "--csv", "--db", str(db_path)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_person = {row[rows[0].index("Person")]: row for row in rows[1:]}
    assert set(by_person) == {"'" + name for name in HOSTILE} | {"Ola =Nordmann"}
    coordinator = rows[0].index("Koordinator")
    assert by_person["'=1+1"][coordinator] == "'" + HOSTILE[0]
    assert by_person["'" + HOSTILE[0]][coordinator] == "'=1+1"


def test_safe_cell_follows_owasp():
    from moteleder.spreadsheet import safe_cell

    assert [safe_cell(c) for c in ["=x", "+x", "-x", "@x", "\tx", "\rx"]] == [
        "'=x", "'+x", "'-x", "'@x", "'\tx", "'\nx"]  # a CR inside a cell becomes a newline (quoted)
    assert [safe_cell(c) for c in ["Ola", "3", "", None, "a=b", " =x"]] == ["Ola", "3", "", "", "a=b", " =x"]
