"""Measures over time: the filters and each measure's history, in the app and in the core."""

from __future__ import annotations

from datetime import date

from tests.app.pilot_helpers import click, open_group_page
from textual.widgets import DataTable

from moteleder.app.screens.group import GroupScreen
from moteleder.app.screens.measures import MeasuresScreen
from moteleder.demo import create_demo_group
from moteleder.followup import group_measures, history_lines

SIZE = (140, 60)


def test_filters_and_history_in_the_core(store):
    group_id = create_demo_group(store)
    today = date.today()
    open_ = {line.measure.what for line in group_measures(store, group_id, "open", today)}
    done = {line.measure.what for line in group_measures(store, group_id, "done", today)}
    overdue = {line.measure.what for line in group_measures(store, group_id, "overdue", today)}
    assert done == {"Kartlegge lese- og regneferdigheter"}
    assert "Kortere skoledag på fredager i en prøveperiode" in overdue and overdue <= open_
    assert len(group_measures(store, group_id, "all", today)) == len(open_) + len(done)
    sleep = next(m for m in store.open_measures(group_id) if m.what.startswith("Søvnkartlegging"))
    [line] = history_lines(store, sleep.id)
    assert line.endswith("Ikke gjennomført. «Søvndagboken ble ikke startet; ny start etter ferien.»")


async def test_measures_screen_filters_and_shows_history(make_app, store):
    group_id = create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group_page(pilot)
        assert isinstance(app.screen, GroupScreen)
        await pilot.press("f7")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeasuresScreen)
        table = screen.query_one("#measure-table", DataTable)
        statuses = {str(table.get_row_at(i)[4]) for i in range(table.row_count)}
        assert statuses <= {"Åpent", "Over frist"} and table.row_count == len(store.open_measures(group_id))

        await click(pilot, "#filter-done")
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == "Kartlegge lese- og regneferdigheter"
        history = str(screen.query_one("#measure-history").render())
        assert "Gjennomført. Mål nådd: ja. «Rapport fra PPT er sendt foresatte.»" in history

        await click(pilot, "#filter-overdue")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows and all(row[4] == "Over frist" for row in rows)
