"""`moteleder eksport [--ut MAPPE]`: every finalized minute as one Markdown file each."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path


def run_export(args: argparse.Namespace) -> int:
    """Read every finalized minute first, then write them in durable batches; list what was written."""
    from rich.text import Text

    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console, progress_bar
    from moteleder.cli.output import error as show_error
    from moteleder.export import EXPORT_BATCH, ExportError, prepare_folder, write_minutes

    console = cli_console()
    err = cli_console(stderr=True)
    store = open_store_or_exit(args.db, err)
    if store is None:
        return 1
    folder = Path(args.ut).expanduser()
    try:
        rows = list(store.finalized_meetings())  # read everything before touching any file
        prepare_folder(folder)
        taken: set[str] = set()
        written: list[Path] = []
        progress = progress_bar(console, len(rows))
        with progress:
            task = progress.add_task("Eksporterer referater", total=len(rows)) if progress else None
            for start in range(0, len(rows), EXPORT_BATCH):
                batch = [
                    (datetime.fromisoformat(row["starts_at"]) if row["starts_at"] else None, row["person_name"],
                     row["minute_md"] or "")
                    for row in rows[start:start + EXPORT_BATCH]
                ]
                written.extend(write_minutes(folder, batch, taken=taken))
                if task is not None:
                    progress.advance(task, len(batch))
    except ExportError as error:
        show_error(err, error)
        return 1
    finally:
        store.close()
    if not written:
        console.print("Ingen ferdigstilte referater å eksportere.")
        return 0
    if len(written) <= 50 or not console.is_terminal:
        # Plain lines, one per file and never wrapped, so scripts can read them.
        console.file.write("".join(f"Skrev {path}\n" for path in written))
    console.print(Text.assemble((str(len(written)), "bold"),
                                f" referat{'er' if len(written) != 1 else ''} skrevet til {folder.resolve()}"))
    return 0
