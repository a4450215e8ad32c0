"""When something unexpected goes wrong: a calm Norwegian message, and a private technical report.

The report holds what a developer needs — versions, the exception's type and the
code lines it passed through — and nothing a user typed: no exception message
(it may quote user text), no local variables (Textual's own traceback shows them).
It is written to the data folder, readable only by the user (0600).
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

REPORT_PREFIX = "feilrapport-"


def crash_message(
    report: Path | None, error: BaseException | None = None, *, in_meeting: bool = True
) -> str:
    """What the user reads in the terminal after the app stopped (`in_meeting=False`: a command
    that had no meeting open, so nothing is said about the meeting's text)."""
    import sqlite3

    cause = ""
    if isinstance(error, sqlite3.Error):
        from moteleder.store import database_error_message

        cause = database_error_message(error, None) + "\n"
    where = (
        f"Teknisk informasjon (uten personopplysninger) er lagret i\n  {report}\n"
        "Send gjerne filen til brukerstøtte."
        if report
        else "Den tekniske informasjonen kunne ikke lagres."
    )
    return (
        "moteleder stoppet på grunn av en uventet feil.\n" + cause
        + (MEETING_SAVED if in_meeting else "") + where
    )


MEETING_SAVED = (
    "Det som var skrevet i møtet er lagret fortløpende; start moteleder igjen for å fortsette "
    "der du slapp.\n"
)


def report_text(error: BaseException) -> str:
    """The technical report: versions, exception type, errno, and the code path — no user data."""
    from moteleder import __version__

    lines = [
        "moteleder feilrapport",
        f"tidspunkt: {datetime.now().isoformat(timespec='seconds')}",
        f"moteleder: {__version__}",
        f"python: {platform.python_version()} ({sys.platform})",
    ]
    for package in ("textual", "rich", "sqlite_utils"):
        module = sys.modules.get(package)
        lines.append(f"{package}: {getattr(module, '__version__', 'ikke lastet')}")
    lines.append("")
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in reversed(chain):
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        errno = getattr(exc, "errno", None)
        if isinstance(errno, int):
            kind += f" (errno {errno})"
        sqlite_code = getattr(exc, "sqlite_errorname", None)
        if isinstance(sqlite_code, str):
            kind += f" ({sqlite_code})"
        lines.append(f"unntak: {kind}")
        for frame in traceback.extract_tb(exc.__traceback__):
            # File, line and function, and the line of code itself: code, never data.
            lines.append(f"  {frame.filename}:{frame.lineno} i {frame.name}")
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append("")
    return "\n".join(lines)


def write_report(error: BaseException, folder: Path) -> Path | None:
    """Write the report into the folder (0600); None if even that fails."""
    from moteleder.locations import ensure_private_dir

    try:
        ensure_private_dir(folder)
        path = folder / f"{REPORT_PREFIX}{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(report_text(error))
        os.chmod(path, 0o600)
        return path
    except Exception:
        return None


def default_folder() -> Path:
    from moteleder.locations import data_dir

    return data_dir()
