"""`moteleder` without a subcommand: open the database and run the app."""

from __future__ import annotations

import sys


def run_app(args) -> int:
    from rich.console import Console

    from moteleder.app_support import open_store_or_exit

    store = open_store_or_exit(args.db, Console(stderr=True, highlight=False))
    if store is None:
        return 1
    from moteleder.app.app import make_app

    app = make_app(store, group_id=getattr(args, "gruppe", None))
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0 if sys.stdout else 0
