"""`moteleder` without a subcommand: open the database and run the app."""

from __future__ import annotations


def run_app(args) -> int:
    """Open the store (or say why not, exit 1) and run the app; an unexpected error never shows a traceback."""
    from rich.console import Console

    from moteleder.app_support import open_store_or_exit

    err = Console(stderr=True, highlight=False)
    store = open_store_or_exit(args.db, err)
    if store is None:
        return 1
    folder = store.path.parent if store.path else None
    app = None
    try:
        app = build_app(store, group_id=getattr(args, "gruppe", None))
        app.run()
    except Exception as error:  # outside Textual's own handler (start-up, shut-down)
        from moteleder.crash import crash_message, write_report
        from moteleder.locations import data_dir

        err.print(crash_message(write_report(error, folder or data_dir())), markup=False)
        return 1
    finally:
        store.close()
    if app.crash_report is not None or getattr(app, "_exception", None) is not None:
        return 1
    return app.return_code or 0


def build_app(store, **kwargs):
    """The app on an open store. The home screen's list is read by a helper process while
    Textual is imported (see moteleder.prefetch): the two together take about as long as
    Textual alone."""
    from moteleder.prefetch import HomePrefetch

    prefetch = HomePrefetch(store)
    from moteleder.app.app import make_app

    return make_app(store, prefetch=prefetch, **kwargs)
