"""Shared by the command-line subcommands: open the database or say why not, in Norwegian."""

from __future__ import annotations

from moteleder.locations import DB_ENV, resolve_db_path
from moteleder.store import Store, StoreError


def open_store(db_arg: str | None) -> Store:
    """The user's store: --db, else $MOTELEDER_DB, else the data folder (created if missing)."""
    import os

    path = resolve_db_path(db_arg)
    create_folder = db_arg is None and not os.environ.get(DB_ENV)
    return Store.open(path, create_folder=create_folder)


def open_store_or_exit(db_arg: str | None, err_console, *, for_writing: bool = False) -> Store | None:
    """Like open_store, but prints the Norwegian reason and returns None on failure.

    `for_writing`: the command is about to write, so a damaged file is refused first
    (`Store.check_integrity`) instead of being written to.
    """
    store = None
    try:
        store = open_store(db_arg)
        if for_writing:
            store.check_integrity()
    except StoreError as error:
        if store is not None:
            store.close()
        from moteleder.cli.output import error as show_error  # rich: only on the command line

        show_error(err_console, error)
        return None
    if store.tightened:
        from moteleder.cli.output import note

        note(err_console, tightened_message(store.path))
    return store


def tightened_message(path) -> str:
    """Said once, when `Store.open` made a database that others could read private."""
    return (f"Databasen «{path}» kunne leses av andre brukere på denne maskinen. "
            "Nå er den bare tilgjengelig for deg (filrettigheter 0600).")
