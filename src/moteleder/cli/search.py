"""`moteleder sok TEKST`: search every minute, note and measure; a table of the hits."""

from __future__ import annotations

import argparse


def run_sok(args: argparse.Namespace) -> int:
    """Group, date and a snippet for each hit, the words marked."""
    from rich.table import Table
    from rich.text import Text

    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.index import finish_indexing
    from moteleder.cli.output import cli_console, say
    from moteleder.search import search

    console = cli_console()
    store = open_store_or_exit(args.db, cli_console(stderr=True))
    if store is None:
        return 1
    words = " ".join(args.tekst)
    try:
        finish_indexing(store, cli_console(stderr=True))  # an older file: once, with a progress bar
        hits = search(store, words, limit=args.antall)
    finally:
        store.close()
    if not hits:
        say(console, f"Fant ingenting om «{words}».")
        return 0
    table = Table(show_lines=False, header_style="bold")
    table.add_column("Gruppe-ID", justify="right")
    table.add_column("Gruppe")
    table.add_column("Dato", no_wrap=True)
    table.add_column("Hvor")
    table.add_column("Utdrag")
    for hit in hits:
        snippet = Text(hit.snippet)
        for a, b in hit.marks:
            snippet.stylize("bold reverse", a, b)
        name = hit.person_name + (" (avsluttet)" if hit.group_closed else "")
        table.add_row(str(hit.group_id), Text(name), hit.day_text, hit.kind_label, snippet)  # a name is never markup
    console.print(table)
    console.print(f"{len(hits)} treff" + (f" (viser de {args.antall} beste)" if len(hits) == args.antall else ""))
    return 0
