"""The command line's parser: argparse in Norwegian, built from the table of subcommands.

A subcommand is one `Subcommand` row (name, help, arguments, handler); `build_parser`
turns the table (`moteleder.cli.commands`) into argparse's parser and subparsers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

EXIT_USAGE = 2

DB_HELP = "databasefilen (standard: MOTELEDER_DB eller en fil i brukerens datamappe)"


@dataclass(frozen=True)
class Argument:
    """One `add_argument` call: the flags (or the positional's name) and its options."""

    flags: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


def arg(*flags: str, **options: Any) -> Argument:
    """An argument as `add_argument` takes it: `arg("--ut", metavar="MAPPE", default=".")`."""
    return Argument(flags, options)


@dataclass(frozen=True)
class Subcommand:
    """One row of the table: `moteleder NAME …`, and the function that does it.

    `handler` is "module:function", imported only when the subcommand runs (so `--help`
    and the app's start stay fast); the function takes the parsed args and returns an exit
    code. `has_meeting`: the command may have had a meeting open when it failed, so the
    crash message tells that what was written in it is saved.
    """

    name: str
    help: str
    description: str
    handler: str
    arguments: tuple[Argument, ...] = ()
    has_meeting: bool = False


class NorwegianHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Argparse's help, with the few English words it prints itself in Norwegian."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        return super().add_usage(usage, actions, groups, prefix or "Bruk: ")


class NorwegianArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own messages (help, errors) are Norwegian."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", NorwegianHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpen og avslutt"
        )

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: feil: {_translate_error(message)}\n")


def _translate_error(message: str) -> str:
    replacements = {
        "the following arguments are required": "disse argumentene mangler",
        "unrecognized arguments": "ukjente argumenter",
        "invalid choice": "ugyldig valg",
        "expected one argument": "forventet én verdi",
        "invalid int value": "ugyldig heltall",
        "argument": "argument",
        "choose from": "velg blant",
    }
    for english, norwegian in replacements.items():
        message = message.replace(english, norwegian)
    return message


def _db_parent() -> argparse.ArgumentParser:
    """`--db` for the subcommands, so it may come after the subcommand as well as before it.

    Its default is SUPPRESS: a subcommand that was not given `--db` leaves the attribute
    alone, so `moteleder --db FIL oversikt` keeps the FIL parsed before the subcommand
    instead of overwriting it with None (and then opening the default database).
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="FIL", default=argparse.SUPPRESS, help=DB_HELP)
    return parent


def build_parser(
    prog: str, description: str, arguments: Sequence[Argument], subcommands: Sequence[Subcommand]
) -> NorwegianArgumentParser:
    """The whole command line: the top level's own arguments, then one subparser per row."""
    db = _db_parent()
    parser = NorwegianArgumentParser(prog=prog, description=description)
    for argument in arguments:
        parser.add_argument(*argument.flags, **argument.options)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandoer")
    for command in subcommands:
        subparser = sub.add_parser(
            command.name, parents=[db], help=command.help, description=command.description
        )
        for argument in command.arguments:
            subparser.add_argument(*argument.flags, **argument.options)
        subparser.prog = f"{prog} {command.name}"
    return parser
