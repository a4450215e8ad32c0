"""The `moteleder` command line, in Norwegian: the parser as a table of subcommands, a module
per concern for their handlers, and the consoles they print with (every rich import of the
command line lives in this package).

`main` is the entry point (`moteleder`, `python -m moteleder`). Each subcommand's work is
imported only when that subcommand runs, so `moteleder --help` and the app's start stay fast.
"""

from moteleder.cli.entry import main

__all__ = ["main"]
