"""`moteleder indekser`: an older file's search index built once, in batches, with a progress bar."""

from __future__ import annotations

import argparse


def finish_indexing(store, console) -> None:
    """Index what an older file still has waiting (nothing for a current file): a progress bar
    on a terminal, silence in a pipe. Used by `indekser` and by `sok` before it searches."""
    from moteleder.search import index_backlog, indexing_progress

    progress = indexing_progress(store)
    if progress is None:
        return
    if not console.is_terminal:
        index_backlog(store)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("Bygger søkeindeksen"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=console, transient=True)
    with bar:
        task = bar.add_task("indeks", total=progress[1], completed=progress[0])
        index_backlog(store, on_progress=lambda done, total: bar.update(task, completed=done, total=total))


def run_indekser(args: argparse.Namespace) -> int:
    """Build what is missing of the search index (a file from an older moteleder)."""
    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console, say
    from moteleder.search import indexing_progress

    console, err = cli_console(), cli_console(stderr=True)
    store = open_store_or_exit(args.db, err, for_writing=True)
    if store is None:
        return 1
    try:
        waiting = indexing_progress(store)
        finish_indexing(store, err)
    finally:
        store.close()
    if waiting is None:
        say(console, "Søkeindeksen er allerede komplett; ingenting å gjøre.")
    else:
        say(console, f"Søkeindeksen er bygget ({waiting[1] - waiting[0]} dokumenter).")
    return 0
