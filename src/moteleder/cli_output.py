"""The command line's consoles (rich): what the subcommands print, and how.

A reader that goes away (`moteleder oversikt --csv | head -1`) is not an error: rich's
own handling exits with 1 from wherever it was printing, so these consoles raise
BrokenPipeError instead, and `moteleder.cli.main` ends quietly with the shell's 141.
"""

from __future__ import annotations

from rich.console import Console


class CliConsole(Console):
    """A Console for the command line; a closed pipe raises BrokenPipeError for `main` to end quietly."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more to write to a reader that is gone
        raise BrokenPipeError


def cli_console(*, stderr: bool = False, **kwargs) -> CliConsole:
    """Results (stdout) or messages (stderr) for the command line, without rich's highlighting."""
    kwargs.setdefault("highlight", False)
    return CliConsole(stderr=stderr, **kwargs)
