"""`moteleder innkalling MØTE-ID`: the planned meeting's invitation as Markdown and .ics."""

from __future__ import annotations

import argparse
from pathlib import Path


def run_innkalling(args: argparse.Namespace) -> int:
    """The meeting by its number, or by the person's name (their group's planned meeting)."""
    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console, note, say
    from moteleder.cli.output import error as show_error
    from moteleder.export import ExportError
    from moteleder.invitation import InvitationError, write_invitation
    from moteleder.lookup import meeting_id_from
    from moteleder.store import StoreError

    console = cli_console()
    err = cli_console(stderr=True)
    store = open_store_or_exit(args.db, err, for_writing=True)
    if store is None:
        return 1
    try:
        written = write_invitation(store, meeting_id_from(store, str(args.mote)), Path(args.ut).expanduser())
    except (InvitationError, ExportError, StoreError) as error:
        show_error(err, error)
        return 1
    finally:
        store.close()
    say(console, f"Skrev {written.markdown_path}")
    say(console, f"Skrev {written.ics_path}")
    if written.warning:
        note(err, written.warning)
    return 0
