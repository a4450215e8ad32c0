"""The command line's consoles (rich): what the subcommands print, and how; the progress bars.

Messages and results are soft-wrapped: rich never breaks a line at the terminal's width
itself (the terminal wraps it for the eye), so a path stays whole for whoever copies it and
for a script reading the output. What a user typed, and every path, is printed as plain text,
never read as rich markup (`say`, `plain`).

A reader that goes away (`moteleder oversikt --csv | head -1`) is not an error: rich's
own handling exits with 1 from wherever it was printing, so these consoles raise
BrokenPipeError instead, and `moteleder.cli.main` ends quietly with the shell's 141.

Every rich import of the command line is in this package; the core never loads rich.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text


class CliConsole(Console):
    """A Console for the command line; a closed pipe raises BrokenPipeError for `main` to end quietly."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more to write to a reader that is gone
        raise BrokenPipeError


def cli_console(*, stderr: bool = False, **kwargs) -> CliConsole:
    """Results (stdout) or messages (stderr) for the command line: soft-wrapped, no highlighting."""
    kwargs.setdefault("highlight", False)
    kwargs.setdefault("soft_wrap", True)
    return CliConsole(stderr=stderr, **kwargs)


def plain(text: object, style: str | None = None) -> Text:
    """Text shown as it is: square brackets in a name or a path are not rich markup."""
    return Text(str(text), style=style or "")


def say(console: Console, text: object, *, label: str = "", style: str = "") -> None:
    """One message: the label in its style (`Feil:` in bold red), then the text as plain text, never
    hard-wrapped, whatever console it goes to."""
    line = Text()
    if label:
        line.append(label, style=style or None)
        line.append(" ")
    line.append(str(text))
    console.print(line, soft_wrap=True)


def error(console: Console, text: object) -> None:
    say(console, text, label="Feil:", style="bold red")


def note(console: Console, text: object) -> None:
    say(console, text, label="Merk:", style="bold yellow")


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __bool__(self) -> bool:
        return False


def progress_bar(console: Console, total: int):
    """A progress bar on a terminal for long work (200 items or more); quiet (and false) when piped."""
    if not console.is_terminal or total < 200:
        return _NoProgress()
    from rich.progress import Progress

    return Progress(console=console, transient=True)
