"""`moteleder oversikt [--csv]`: every active group for the coordinating unit, as a table or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date


def run_oversikt(args: argparse.Namespace) -> int:
    """The groups needing attention first; a table on the screen, or CSV for a spreadsheet."""
    from moteleder.app_support import open_store_or_exit
    from moteleder.attention import needs_attention
    from moteleder.cli.output import cli_console, plain
    from moteleder.dates import format_short_date
    from moteleder.overview import overview_row, planned_meeting_ids

    console = cli_console()
    if not console.is_terminal:  # piped or redirected: wide enough that the table stays readable
        console = cli_console(width=200)
    err = cli_console(stderr=True)
    store = open_store_or_exit(args.db, err)
    if store is None:
        return 1
    try:
        statuses = needs_attention(store, date.today())
        planned = planned_meeting_ids(store)
    finally:
        store.close()
    if args.csv:
        _write_csv(statuses, planned, err)
        return 0
    if not statuses:
        console.print("Ingen aktive ansvarsgrupper.")
        return 0
    from rich.table import Table

    table = Table(title=f"Aktive ansvarsgrupper per {format_short_date(date.today())}", header_style="bold")
    table.add_column("Gruppe-ID", justify="right")
    table.add_column("Person")
    table.add_column("Koordinator")
    table.add_column("Delt.", justify="right")
    table.add_column("Siste møte", no_wrap=True)
    table.add_column("Neste møte", no_wrap=True)
    table.add_column("Møte-ID", justify="right")
    table.add_column("Åpne tiltak", justify="right")
    table.add_column("Over frist", justify="right")
    table.add_column("Trenger oppmerksomhet", ratio=1)
    for status in statuses:
        (group_id, person, coordinator, kind, members, last, next_, meeting_id, open_, overdue,
         reasons) = overview_row(status, planned.get(status.group_id))
        if kind == "Barnekoordinator":
            coordinator += " (barnekoordinator)"
        style = "bold" if status.needs_attention else None
        # Names as plain Text: a name with square brackets is not rich markup.
        table.add_row(*(plain(cell) for cell in (group_id, person, coordinator, members, last, next_, meeting_id,
                                                 open_, overdue, reasons)), style=style)
    console.print(table)
    attention = sum(1 for s in statuses if s.needs_attention)
    groups = "én aktiv gruppe" if len(statuses) == 1 else f"{len(statuses)} aktive grupper"
    console.print(f"{groups[0].upper()}{groups[1:]}, {attention} trenger oppmerksomhet.")
    return 0


def _write_csv(statuses, planned: dict[int, int], err) -> None:
    """Semicolon-separated with a BOM, so a Norwegian spreadsheet opens it right. Progress on a
    terminal (stderr) for long lists; nothing extra when run from a script."""
    from moteleder.cli.output import progress_bar
    from moteleder.overview import COLUMNS, overview_row
    from moteleder.spreadsheet import csv_writer

    out = sys.stdout
    out.write("\ufeff")
    writer = csv_writer(out)
    writer.writerow(COLUMNS)
    progress = progress_bar(err, len(statuses))
    with progress:
        task = progress.add_task("Skriver oversikten", total=len(statuses)) if progress else None
        for status in statuses:
            writer.writerow(overview_row(status, planned.get(status.group_id)))
            if task is not None:
                progress.advance(task)
    out.flush()
