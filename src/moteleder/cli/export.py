"""`moteleder eksport [--ut MAPPE] [--pdf]`: every finalized minute as one Markdown file each,
and with `--pdf` its archive PDF (PDF/A-2a + PDF/UA-1) beside it."""

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
        pdfs = _export_pdfs(store, folder, console, len(rows)) if getattr(args, "pdf", False) and rows else None
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
    if pdfs is not None:
        for name, problem in pdfs.failed:
            err.print(Text(f"Fikk ikke laget PDF for {name}: {problem}"))
        console.print(Text.assemble((str(pdfs.written), "bold"),
                                    f" PDF{'-er' if pdfs.written != 1 else ''} for arkivet skrevet ved siden av."))
        return 1 if pdfs.failed else 0
    return 0


def _export_pdfs(store, folder: Path, console, total: int):
    """The archive PDFs beside the Markdown files, one minute at a time, with a progress bar
    on a terminal (silent in a pipe)."""
    from moteleder.cli.output import progress_bar
    from moteleder.minute.archive import export_pdfs

    progress = progress_bar(console, total)
    with progress:
        task = progress.add_task("Lager PDF for arkivet", total=total) if progress else None

        def advance(done: int, _total: int, _path: Path) -> None:
            if task is not None:
                progress.update(task, completed=done)

        return export_pdfs(store, folder, on_progress=advance)
