"""`moteleder nett [--port N]`: the app in a browser tab on this machine, behind a one-time link.

The handler finds the database and the group as `moteleder` does, makes the token, prints
the link (and opens it on a desktop), and runs `moteleder.cli.web_server.MeetingServer`
until Ctrl+C. The app the tab shows is `moteleder --db FIL [--gruppe ID]`, run by the server.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shlex
import sys

DEFAULT_PORT = 8765


def run_nett(args: argparse.Namespace) -> int:
    """Serve the app on 127.0.0.1 until Ctrl+C; exit 1 (with a message) if the group is not
    found or the port is taken."""
    from moteleder.cli.app import group_id
    from moteleder.cli.output import cli_console, error
    from moteleder.locations import resolve_db_path

    err = cli_console(stderr=True)
    if args.gruppe is not None:
        args.gruppe = group_id(args)
        if args.gruppe is None:
            return 1
    if not _port_free(args.port):
        error(err, f"Porten {args.port} er i bruk av et annet program. Velg en annen med --port.")
        return 1
    command = app_command(str(resolve_db_path(args.db).absolute()), args.gruppe)
    from moteleder.cli.web_server import MeetingServer

    token = secrets.token_urlsafe(24)
    server = MeetingServer(command, port=args.port, token=token)
    url = f"{server.origin}/?token={token}"
    out = cli_console()
    out.print("Møtet i nettleseren, bare på denne maskinen. Åpne denne lenken (den virker én gang):")
    out.print(f"  {url}", markup=False)
    out.print("Trykk Ctrl+C her for å stoppe (møtet lagres).")
    sys.stdout.flush()
    if _on_a_desktop():
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve()
    except OSError:  # taken between the check and the start
        error(err, f"Kunne ikke starte på port {args.port}. Velg en annen med --port.")
        return 1
    out.print("Stoppet.")
    return 0


def app_command(db: str, group: int | None) -> str:
    """The shell command the server runs for the tab: this Python, this database, this group."""
    words = [sys.executable, "-m", "moteleder", "--db", db]
    if group is not None:
        words += ["--gruppe", str(group)]
    return shlex.join(words)


def _port_free(port: int) -> bool:
    """Nothing listens on 127.0.0.1:port (so the link is printed only when it will work)."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp: a closed tab's TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _on_a_desktop() -> bool:
    """A browser can be opened: macOS, Windows, or a Linux with a display (never over ssh)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and not os.environ.get(
        "SSH_CONNECTION"
    )
