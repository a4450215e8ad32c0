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
    """Create a folder (and parents) readable only by the user (0700)."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
