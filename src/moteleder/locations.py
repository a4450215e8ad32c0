"""Where moteleder keeps its files, created readable only by the user."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "moteleder"
DB_ENV = "MOTELEDER_DB"


def data_dir() -> Path:
    """The user's data folder for moteleder (platformdirs), not yet created."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The database used when no --db is given: $MOTELEDER_DB, else the data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "moteleder.db"


def resolve_db_path(cli_value: str | None) -> Path:
    """--db wins over $MOTELEDER_DB, which wins over the default data folder."""
    return Path(cli_value).expanduser() if cli_value else default_db_path()


def ensure_private_dir(path: Path) -> None:
    """Create a folder (and any missing parents) readable only by the user (0700).

    Folders that already exist are left as they are; every folder created here is 0700,
    parents included (`mkdir(parents=True)` would give new parents the umask's 0755).
    """
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
