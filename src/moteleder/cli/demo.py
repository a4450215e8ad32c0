"""`moteleder demo [--grupper N]`: the demo group, or N synthetic groups for scale tests."""

from __future__ import annotations

import argparse


def run_demo(args: argparse.Namespace) -> int:
    """The demo group, once (a second run says it is there); with --grupper, N synthetic groups."""
    from rich.text import Text

    from moteleder.app_support import open_store_or_exit
    from moteleder.cli.output import cli_console, say
    from moteleder.cli.output import error as show_error
    from moteleder.demo import DEMO_PERSON, create_demo_group, existing_demo_group

    console, err = cli_console(), cli_console(stderr=True)
    if args.grupper is not None and args.grupper < 1:  # before the database: nothing to open for
        show_error(err, "--grupper må være minst 1.")
        return 2
    store = open_store_or_exit(args.db, err, for_writing=True)
    if store is None:
        return 1
    try:
        if args.grupper is not None:
            count = _synthetic_groups(store, args.grupper, args.seed, console)
            say(console, f"Laget {count} syntetiske ansvarsgrupper med oppdiktede navn i {store.path}.")
            return 0
        existing = existing_demo_group(store)
        if existing is not None:
            say(console, f"Demogruppen for {DEMO_PERSON} finnes allerede (gruppe {existing}), så ingenting er "
                         f"endret. Åpne den med «moteleder --gruppe {existing}».")
            return 0
        group_id = create_demo_group(store)
        console.print(Text.assemble(
            "Laget demogruppen for ", (DEMO_PERSON, "bold"),
            f" (oppdiktet, gruppe {group_id}) med to tidligere møter og et planlagt møte i {store.path}.",
        ))
        return 0
    finally:
        store.close()


def _synthetic_groups(store, count: int, seed: int, console) -> int:
    """`generate_groups`, with a progress bar while it works when run on a terminal."""
    from moteleder.synthetic import generate_groups

    if not console.is_terminal:
        return generate_groups(store, count, seed=seed)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("Lager syntetiske grupper"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, transient=True)
    with progress:  # started before the first group, stopped after the last (or a failure)
        task = progress.add_task("grupper", total=count)
        return generate_groups(store, count, seed=seed, on_group=lambda: progress.advance(task))
