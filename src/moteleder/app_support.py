"""Shared by the command-line subcommands: open the database or say why not, in Norwegian."""

from __future__ import annotations

from moteleder.locations import DB_ENV, resolve_db_path
from moteleder.storage import Store, StoreError


def open_store(db_arg: str | None) -> Store:
    """The user's store: --db, else $MOTELEDER_DB, else the data folder (created if missing)."""
    import os

    path = resolve_db_path(db_arg)
    create_folder = db_arg is None and not os.environ.get(DB_ENV)
    return Store.open(path, create_folder=create_folder)


def open_store_or_exit(db_arg: str | None, err_console) -> Store | None:
    """Like open_store, but prints the Norwegian reason and returns None on failure."""
    try:
        return open_store(db_arg)
    except StoreError as error:
        err_console.print(f"[bold red]Feil:[/] {error}")
        return None
