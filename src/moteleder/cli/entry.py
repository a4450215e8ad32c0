"""`moteleder`'s entry point: parse, run the subcommand's handler, and end as a command should.

A closed pipe ends quietly (141), Ctrl+C with 130, a database problem with its Norwegian
message, anything else with a calm message and a private crash report, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from moteleder.cli.commands import APP, BY_NAME, DESCRIPTION, PROG, SUBCOMMANDS
from moteleder.cli.parser import NorwegianArgumentParser
from moteleder.cli.parser import build_parser as _build

EXIT_READER_GONE = 141
"""What a shell reports for a command whose reader went away (128 + SIGPIPE)."""


def build_parser() -> NorwegianArgumentParser:
    """The whole command line: the app by default, and the subcommands."""
    return _build(PROG, DESCRIPTION, APP.arguments, SUBCOMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `moteleder` command."""
    args = None
    try:
        args = build_parser().parse_args(argv)
        module_name, function_name = BY_NAME[args.command or APP.name].handler.split(":")
        handler = getattr(importlib.import_module(module_name), function_name)
        code = int(handler(args) or 0)
        sys.stdout.flush()  # a reader gone after the last line is met here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback on the user's screen
        return _unexpected(error, args)


def _reader_gone() -> int:
    """The reader of standard output went away (`moteleder … | head -1`): not an error, so no
    message and no crash report. Python's recipe: point stdout at devnull, so that flushing
    it at exit does not fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (tests): nothing to flush at exit
        pass
    return EXIT_READER_GONE


def _unexpected(error: Exception, args: argparse.Namespace | None) -> int:
    """A Norwegian message on stderr, the technical detail in a private report file; exit 1."""
    import sqlite3

    from moteleder.crash import crash_message, write_report
    from moteleder.locations import data_dir, resolve_db_path
    from moteleder.store import StoreError

    if isinstance(error, StoreError) and isinstance(error.cause, sqlite3.DatabaseError):
        error = error.cause  # a failed write: worded for the command line below
    if isinstance(error, sqlite3.DatabaseError):
        from moteleder.store import database_error_message

        print(f"Feil: {database_error_message(error, resolve_db_path(getattr(args, 'db', None)))}",
              file=sys.stderr)
        return 1
    if isinstance(error, StoreError):
        print(f"Feil: {error}", file=sys.stderr)
        return 1
    folder = resolve_db_path(getattr(args, "db", None)).parent
    command = BY_NAME.get(args.command or APP.name) if args is not None else None
    in_meeting = command is not None and command.has_meeting  # the others never had a meeting open
    report = write_report(error, folder if folder.is_dir() else data_dir())
    print(crash_message(report, in_meeting=in_meeting), file=sys.stderr)
    return 1
