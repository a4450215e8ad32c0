"""The `moteleder` command line, in Norwegian.

Every subcommand's work lives in its own module and is imported only when that
subcommand runs, so `moteleder --help` and the app's start stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

EXIT_USAGE = 2


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


DB_HELP = "databasefilen (standard: MOTELEDER_DB eller en fil i brukerens datamappe)"


def _db_parent() -> argparse.ArgumentParser:
    """`--db` for the subcommands, so it may come after the subcommand as well as before it.

    Its default is SUPPRESS: a subcommand that was not given `--db` leaves the attribute
    alone, so `moteleder --db FIL oversikt` keeps the FIL parsed before the subcommand
    instead of overwriting it with None (and then opening the default database).
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="FIL", default=argparse.SUPPRESS, help=DB_HELP)
    return parent


# subcommand -> "module:function"; each function takes the parsed args and returns an exit code.
HANDLERS: dict[str, str] = {
    "app": "moteleder.app.run:run_app",
    "demo": "moteleder.demo:run_demo",
    "eksport": "moteleder.export:run_export",
    "flagg": "moteleder.guard.cli:run_flagg",
    "profiler": "moteleder.profiles.cli:run_profiler",
    "sok": "moteleder.search:run_sok",
    "innkalling": "moteleder.invitation:run_innkalling",
    "oversikt": "moteleder.overview:run_oversikt",
}


def build_parser() -> NorwegianArgumentParser:
    """The whole command line: the app by default, and the subcommands."""
    db = _db_parent()
    parser = NorwegianArgumentParser(
        prog="moteleder",
        description=(
            "Leder et ansvarsgruppemøte steg for steg på felles skjerm, og skriver referatet.\n"
            "Uten underkommando åpnes appen."
        ),
    )
    parser.add_argument("--db", metavar="FIL", default=None, help=DB_HELP)
    parser.add_argument(
        "--gruppe", metavar="ID",
        help="åpne rett i én ansvarsgruppe: gruppens nummer, eller navnet på personen gruppen er for",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandoer")

    demo = sub.add_parser(
        "demo",
        parents=[db],
        help="lag en demogruppe med oppdiktede personer",
        description="Lager en demogruppe med oppdiktede personer, to tidligere møter og et planlagt møte.",
    )
    demo.add_argument("--grupper", metavar="N", type=int, help="lag N syntetiske grupper i stedet")
    demo.add_argument("--seed", metavar="S", type=int, default=1, help="samme frø gir samme data")

    export = sub.add_parser(
        "eksport",
        parents=[db],
        help="skriv alle ferdigstilte referater som Markdown",
        description="Skriver hvert ferdigstilte referat som én Markdown-fil, navngitt etter dato og gruppe.",
    )
    export.add_argument("--ut", metavar="MAPPE", default=".", help="mappen filene skrives til (standard: her)")

    flagg = sub.add_parser(
        "flagg",
        parents=[db],
        help="sjekk tekst for temaer som ikke hører hjemme i møtet",
        description=(
            "Sjekker tekst for temaer som ikke skal tas opp i ansvarsgruppemøtet.\n"
            "Uten tekst leses én tekst per linje fra standard inn. Skriver én JSON-linje per tekst."
        ),
    )
    flagg.add_argument("tekst", nargs="*", help="teksten som skal sjekkes")
    flagg.add_argument(
        "--tilbakemelding",
        action="store_true",
        help="skriv det du har sagt til emnevakten i møtene (Behold og manuell henvisning) som JSON-linjer, "
        "til å forbedre den; teksten forlater ikke maskinen uten at du sender filen",
    )

    profiler = sub.add_parser(
        "profiler",
        parents=[db],
        help="vis rutineprofilene og reglene deres",
        description="Viser de kommunale rutineprofilene og reglene i hver.",
    )
    profiler.add_argument("--json", action="store_true", help="skriv som JSON")

    sok = sub.add_parser(
        "sok",
        parents=[db],
        help="søk i alle referater, møtenotater og tiltak",
        description=(
            "Søker i alle referater, møtenotater og tiltak, også i avsluttede grupper.\n"
            "Alle ordene må finnes; bøyde former teller med («tiltak» finner også «tiltakene»)."
        ),
    )
    sok.add_argument("tekst", nargs="+", help="ordene du søker etter")
    sok.add_argument("--antall", metavar="N", type=int, default=20, help="vis høyst N treff (standard: 20)")

    innkalling = sub.add_parser(
        "innkalling",
        parents=[db],
        help="skriv innkalling med saksliste til et planlagt møte (Markdown og .ics)",
        description=(
            "Skriver innkallingen til et planlagt møte: saksliste, tidsramme og saker meldt inn på forhånd,\n"
            "som Markdown og som kalenderfil (.ics). Varsler hvis innkallingen går ut senere enn rutinen sier."
        ),
    )
    innkalling.add_argument(
        "mote", metavar="MØTE-ID",
        help="nummeret på det planlagte møtet, eller navnet på personen (da gruppens planlagte møte)",
    )
    innkalling.add_argument("--ut", metavar="MAPPE", default=".", help="mappen filene skrives til (standard: her)")

    oversikt = sub.add_parser(
        "oversikt",
        parents=[db],
        help="oversikt over alle aktive grupper for koordinerende enhet",
        description=(
            "Viser alle aktive ansvarsgrupper: person, koordinator, antall deltakere, siste og neste møte,\n"
            "åpne tiltak og tiltak over frist, og hva som forfaller."
        ),
    )
    oversikt.add_argument("--csv", action="store_true", help="skriv som CSV (til regneark) på standard ut")

    for name, subparser in sub.choices.items():
        subparser.prog = f"moteleder {name}"
    return parser


EXIT_READER_GONE = 141
"""What a shell reports for a command whose reader went away (128 + SIGPIPE)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `moteleder` command."""
    args = None
    try:
        args = build_parser().parse_args(argv)
        command = args.command or "app"
        module_name, function_name = HANDLERS[command].split(":")
        handler = getattr(importlib.import_module(module_name), function_name)
        if command == "app" and args.gruppe is not None:
            args.gruppe = _group_id(args)
            if args.gruppe is None:
                return 1
        code = int(handler(args) or 0)
        sys.stdout.flush()  # a reader gone after the last line is met here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback on the user's screen
        return _unexpected(error, args)


def _group_id(args: argparse.Namespace) -> int | None:
    """`--gruppe`: the number as it is, or the group found by the person's name (None, and a
    message, if there is not exactly one). The app gets the number either way."""
    from moteleder.lookup import as_number

    number = as_number(str(args.gruppe))
    if number is not None:
        return number
    from moteleder.app_support import open_store_or_exit
    from moteleder.cli_output import cli_console, error
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
    print(crash_message(write_report(error, folder if folder.is_dir() else data_dir())), file=sys.stderr)
    return 1
