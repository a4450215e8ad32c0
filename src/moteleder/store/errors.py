"""SQLite errors in Norwegian: what kind of trouble it is (lock, full disk, damage) and what to tell the user."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A database problem, with a Norwegian message fit for the user.

    `cause` is the SQLite error behind it, if any: the command line words a lock or a
    full disk for its own user (run the command again) instead of the app's.
    """

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


DISK_NEARLY_FULL = 1024 * 1024
"""Free bytes below which a failed write or read of the -wal/-shm is taken for a full disk."""


def is_disk_full(error: sqlite3.Error, path: Path | None) -> bool:
    """Whether a database error comes from a full disk.

    SQLite says so itself (SQLITE_FULL) when the database file cannot grow; when the -wal or
    the -shm cannot, it reports a disk I/O error (SQLITE_IOERR_WRITE, _SHMSIZE …), so then the
    free space on the database's disk decides.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or "database or disk is full" in str(error).lower():
        return True
    if path is None or not (name.startswith("SQLITE_IOERR") or "disk i/o error" in str(error).lower()):
        return False
    import shutil

    folder = Path(path).parent
    try:
        return shutil.disk_usage(folder if folder.exists() else Path.cwd()).free < DISK_NEARLY_FULL
    except OSError:
        return False


LOCKED_MESSAGE = (
    "Databasen er i bruk av et annet program (for eksempel moteleder i et annet vindu). "
    "Vent til det er ferdig, eller lukk det, og kjør kommandoen på nytt."
)
"""A command that met a database locked by another program: it has stopped, so it says what to do.
(The app, which tries again by itself, says so in `write_error_message`.)"""


def is_locked(error: sqlite3.Error) -> bool:
    """Whether another connection holds the lock SQLite waited for (SQLITE_BUSY, SQLITE_LOCKED)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged (or not a database at all)."""
    text = str(error).lower()
    return "malformed" in text or "corrupt" in text or "not a database" in text


def damaged_message(path: Path | None) -> str:
    name = f"Databasen «{path}»" if path else "Databasen"
    return f"{name} er skadet. Ta vare på filen og kontakt brukerstøtte; moteleder endrer den ikke."


def open_error_message(error: sqlite3.DatabaseError, path: Path) -> str:
    """Why a database file could not be opened (or migrated)."""
    if is_disk_full(error, path):
        return f"Disken er full, så databasen «{path}» kan ikke åpnes. Frigjør plass på disken og prøv igjen."
    text = str(error).lower()
    if "not a database" in text or "file is encrypted" in text:
        return f"«{path}» er ikke en moteleder-database (filen er ikke SQLite)."
    if "malformed" in text or "corrupt" in text:
        return damaged_message(path)
    if is_locked(error):
        return LOCKED_MESSAGE
    if "readonly" in text or "read-only" in text:
        return f"Databasen «{path}» er skrivebeskyttet."
    return f"Kan ikke åpne databasen «{path}»: {error}."


def database_error_message(error: sqlite3.Error, path: Path | None) -> str:
    """A database problem met after opening (a damaged page deep in the file, a full disk …)."""
    if is_damage(error):
        return damaged_message(path)
    if is_disk_full(error, path):
        name = f"«{path}»" if path else "databasen"
        return f"Disken er full, så det siste ble ikke lagret i {name}. Frigjør plass på disken og prøv igjen."
    if is_locked(error):
        return LOCKED_MESSAGE
    return write_error_message(error, path)


def write_error_message(error: sqlite3.Error, path: Path | None) -> str:
    """Why a save failed, in Norwegian, without any of the text that was being saved."""
    text = str(error).lower()
    name = f"«{path}»" if path else "databasen"
    if is_disk_full(error, path):
        return f"Disken er full, så det siste ble ikke lagret i {name}. Frigjør plass; teksten står fortsatt på skjermen."
    if "readonly" in text or "read-only" in text:
        return f"{name[0].upper()}{name[1:]} er blitt skrivebeskyttet, så det siste ble ikke lagret."
    if "locked" in text or "busy" in text:
        return "Databasen er i bruk av et annet program akkurat nå, så det siste ble ikke lagret."
    if "malformed" in text or "corrupt" in text:
        return f"Databasen {name} er skadet; det siste ble ikke lagret. Ta vare på filen og kontakt brukerstøtte."
    return f"Det siste ble ikke lagret i {name} ({type(error).__name__})."
