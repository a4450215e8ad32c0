"""`moteleder oversikt`: every active group for the coordinating unit, as a table or CSV.

Built on `needs_attention` (a handful of set-based queries), so it is as fast with
thousands of groups as the home screen.
"""

from __future__ import annotations

import sys
from datetime import date

from moteleder.attention import GroupStatus
from moteleder.dates import format_short_date

COLUMNS = (
    "Gruppe-ID",
    "Person",
    "Koordinator",
    "Type",
    "Deltakere",
    "Siste møte",
    "Neste møte",
    "Planlagt møte-ID",
    "Åpne tiltak",
    "Tiltak over frist",
    "Trenger oppmerksomhet",
)


def overview_row(status: GroupStatus, planned_id: int | None = None) -> list[str]:
    """One group as the overview's cells (Norwegian dates, plain text), in the order of COLUMNS.

    The group's number and its planned meeting's are what `moteleder --gruppe` and
    `moteleder innkalling` ask for.
    """
    kind = "Barnekoordinator" if status.coordinator_kind == "barnekoordinator" else "Koordinator"
    return [
        str(status.group_id),
        status.person_name + (" (demo)" if status.is_demo else ""),
        status.coordinator_name or "Ikke valgt",
        kind,
        str(status.member_count),
        format_short_date(status.last_meeting) if status.last_meeting else "",
        format_short_date(status.next_meeting) if status.next_meeting else "Ikke satt",
        str(planned_id) if planned_id is not None else "",
        str(status.open_measures),
        str(status.overdue_measures),
        status.reason_text,
    ]


def run_oversikt(args) -> int:
    from moteleder.app_support import open_store_or_exit
    from moteleder.attention import needs_attention
    from moteleder.cli_output import cli_console, plain

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


def planned_meeting_ids(store) -> dict[int, int]:
    """Each group's planned meeting, the one `Store.planned_meeting` gives (the first with a date)."""
    best: dict[int, tuple[bool, str, int]] = {}
    for group_id, meeting_id, starts_at in store.conn.execute(
        "select group_id, id, starts_at from meetings where status = 'planned'"
    ):
        key = (starts_at is None, starts_at or "", meeting_id)
        if group_id not in best or key < best[group_id]:
            best[group_id] = key
    return {group_id: key[2] for group_id, key in best.items()}


def _write_csv(statuses: list[GroupStatus], planned: dict[int, int], err) -> None:
    """Semicolon-separated with a BOM, so a Norwegian spreadsheet opens it right. Progress on a
    terminal (stderr) for long lists; nothing extra when run from a script."""
    from moteleder.export import _progress
    from moteleder.spreadsheet import csv_writer

    out = sys.stdout
    out.write("\ufeff")
    writer = csv_writer(out)
    writer.writerow(COLUMNS)
    progress = _progress(err, len(statuses))
    with progress:
        task = progress.add_task("Skriver oversikten", total=len(statuses)) if progress else None
        for status in statuses:
            writer.writerow(overview_row(status, planned.get(status.group_id)))
            if task is not None:
                progress.advance(task)
    out.flush()
