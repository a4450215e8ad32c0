"""`moteleder [--gruppe ID]`: the app, opened on one group when asked (by number or by name)."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    """Find the group `--gruppe` names (exit 1, and a message, if there is not exactly one),
    then run the app; the app gets the group's number either way."""
    import moteleder.app.run

    if args.gruppe is not None:
        args.gruppe = group_id(args)
        if args.gruppe is None:
            return 1
    return moteleder.app.run.run_app(args)


def group_id(args: argparse.Namespace) -> int | None:
    """`--gruppe`: the number as it is, or the group found by the person's name (None, and a
    message, if there is not exactly one)."""
    from moteleder.lookup import as_number

    number = as_number(str(args.gruppe))
    if number is not None:
        return number
    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console, error
    from moteleder.lookup import group_id_from
    from moteleder.store import StoreError

    err = cli_console(stderr=True)
    store = open_store_or_exit(args.db, err)
    if store is None:
        return None
    try:
        return group_id_from(store, str(args.gruppe))
    except StoreError as problem:
        error(err, problem)
        return None
    finally:
        store.close()
