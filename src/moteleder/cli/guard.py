"""`moteleder flagg [TEKST …] [--tilbakemelding]`: the topic guard on the command line.

Checking texts is the guard's own `moteleder.guard.cli.run_flagg` (one JSON line per
text); the leader's feedback is read here, where the database is opened and its
problems are said on the command line's console.
"""

from __future__ import annotations

import argparse
import sys


def run_flagg(args: argparse.Namespace) -> int:
    """Check each argument, or each line of standard input; or write the feedback (`--tilbakemelding`)."""
    from moteleder.guard import cli as guard_cli

    if args.tilbakemelding:
        return run_feedback(args)
    return guard_cli.run_flagg(args)


def run_feedback(args: argparse.Namespace) -> int:
    """`moteleder flagg --tilbakemelding`: the leader's feedback to the guard, as JSON lines."""
    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console
    from moteleder.guard.cli import _utf8, feedback_json

    store = open_store_or_exit(args.db, cli_console(stderr=True))
    if store is None:
        return 1
    out = _utf8(sys.stdout, write=True)
    for row in store.guard_feedback():
        out.write(feedback_json(row) + "\n")
    out.flush()
    return 0
