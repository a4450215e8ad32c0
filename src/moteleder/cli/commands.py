"""The table of `moteleder`'s subcommands: name, help, arguments and handler of each.

Without a subcommand, `moteleder` opens the app (`APP`). Each handler lives in the
command line's module for its concern, and is imported only when its subcommand runs.
"""

from __future__ import annotations

from moteleder.cli.parser import DB_HELP, Subcommand, arg

PROG = "moteleder"

DESCRIPTION = (
    "Leder et ansvarsgruppemøte steg for steg på felles skjerm, og skriver referatet.\n"
    "Uten underkommando åpnes appen."
)

# `moteleder [--db FIL] [--gruppe ID]`: the app.
APP = Subcommand(
    "app",
    help="åpne appen",
    description=DESCRIPTION,
    handler="moteleder.cli.app:run_app",
    arguments=(
        arg("--db", metavar="FIL", default=None, help=DB_HELP),
        arg(
            "--gruppe", metavar="ID",
            help="åpne rett i én ansvarsgruppe: gruppens nummer, eller navnet på personen gruppen er for",
        ),
    ),
    has_meeting=True,
)

SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(
        "demo",
        help="lag en demogruppe med oppdiktede personer",
        description="Lager en demogruppe med oppdiktede personer, to tidligere møter og et planlagt møte.",
        handler="moteleder.cli.demo:run_demo",
        arguments=(
            arg("--grupper", metavar="N", type=int, help="lag N syntetiske grupper i stedet"),
            arg("--seed", metavar="S", type=int, default=1, help="samme frø gir samme data"),
        ),
    ),
    Subcommand(
        "eksport",
        help="skriv alle ferdigstilte referater som Markdown (og PDF med --pdf)",
        description="Skriver hvert ferdigstilte referat som én Markdown-fil, navngitt etter dato og gruppe.",
        handler="moteleder.cli.export:run_export",
        arguments=(
            arg("--ut", metavar="MAPPE", default=".", help="mappen filene skrives til (standard: her)"),
            arg("--pdf", action="store_true",
                help="skriv også hvert referat som PDF for arkivet (PDF/A), ved siden av Markdown-filen"),
        ),
    ),
    Subcommand(
        "flagg",
        help="sjekk tekst for temaer som ikke hører hjemme i møtet",
        description=(
            "Sjekker tekst for temaer som ikke skal tas opp i ansvarsgruppemøtet.\n"
            "Uten tekst leses én tekst per linje fra standard inn. Skriver én JSON-linje per tekst."
        ),
        handler="moteleder.cli.guard:run_flagg",
        arguments=(
            arg("tekst", nargs="*", help="teksten som skal sjekkes"),
            arg(
                "--tilbakemelding",
                action="store_true",
                help="skriv det du har sagt til emnevakten i møtene (Behold og manuell henvisning) som "
                "JSON-linjer, til å forbedre den; teksten forlater ikke maskinen uten at du sender filen",
            ),
        ),
    ),
    Subcommand(
        "profiler",
        help="vis rutineprofilene og reglene deres",
        description="Viser de kommunale rutineprofilene og reglene i hver.",
        handler="moteleder.cli.profiles:run_profiler",
        arguments=(arg("--json", action="store_true", help="skriv som JSON"),),
    ),
    Subcommand(
        "sok",
        help="søk i alle referater, møtenotater og tiltak",
        description=(
            "Søker i alle referater, møtenotater og tiltak, også i avsluttede grupper.\n"
            "Alle ordene må finnes; bøyde former teller med («tiltak» finner også «tiltakene»)."
        ),
        handler="moteleder.cli.search:run_sok",
        arguments=(
            arg("tekst", nargs="+", help="ordene du søker etter"),
            arg("--antall", metavar="N", type=int, default=20, help="vis høyst N treff (standard: 20)"),
        ),
    ),
    Subcommand(
        "indekser",
        help="bygg søkeindeksen for en fil fra en eldre versjon",
        description="Bygger det som mangler av søkeindeksen (en fil laget av en eldre moteleder), én gang.",
        handler="moteleder.cli.index:run_indekser",
    ),
    Subcommand(
        "innkalling",
        help="skriv innkalling med saksliste til et planlagt møte (Markdown og .ics)",
        description=(
            "Skriver innkallingen til et planlagt møte: saksliste, tidsramme og saker meldt inn på forhånd,\n"
            "som Markdown og som kalenderfil (.ics). Varsler hvis innkallingen går ut senere enn rutinen sier."
        ),
        handler="moteleder.cli.invitation:run_innkalling",
        arguments=(
            arg(
                "mote", metavar="MØTE-ID",
                help="nummeret på det planlagte møtet, eller navnet på personen (da gruppens planlagte møte)",
            ),
            arg("--ut", metavar="MAPPE", default=".", help="mappen filene skrives til (standard: her)"),
            arg("--pdf", action="store_true",
                help="skriv også hvert referat som PDF for arkivet (PDF/A), ved siden av Markdown-filen"),
        ),
    ),
    Subcommand(
        "nett",
        help="vis appen i en nettleserfane på denne maskinen (til skjermdeling og prosjektor)",
        description=(
            "Viser appen i en nettleserfane, bare på denne maskinen (127.0.0.1), bak en lenke som virker én gang.\n"
            "Samme skjermer og taster som i terminalen; møtet lagres som der. Ctrl+C stopper."
        ),
        handler="moteleder.cli.web:run_nett",
        arguments=(
            arg("--port", metavar="N", type=int, default=8765, help="porten (standard: 8765)"),
            arg("--gruppe", metavar="ID", help="åpne rett i én ansvarsgruppe: nummer eller personens navn"),
        ),
        has_meeting=True,
    ),
    Subcommand(
        "oversikt",
        help="oversikt over alle aktive grupper for koordinerende enhet",
        description=(
            "Viser alle aktive ansvarsgrupper: person, koordinator, antall deltakere, siste og neste møte,\n"
            "åpne tiltak og tiltak over frist, og hva som forfaller."
        ),
        handler="moteleder.cli.overview:run_oversikt",
        arguments=(
            arg("--csv", action="store_true", help="skriv som CSV (til regneark) på standard ut"),
        ),
    ),
)

BY_NAME: dict[str, Subcommand] = {command.name: command for command in (APP, *SUBCOMMANDS)}
