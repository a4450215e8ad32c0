"""Running `python -m moteleder …` as a user does: a separate process, a fresh HOME and XDG folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user whose home is `home`: no MOTELEDER_DB, XDG folders inside home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTELEDER_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        PYTHONIOENCODING="utf-8",
        COLUMNS="80",
    )
    env.update(extra)
    return env


def default_db(home: Path) -> Path:
    """Where moteleder puts its database when neither --db nor MOTELEDER_DB says otherwise."""
    return home / ".local" / "share" / "moteleder" / "moteleder.db"


def run_moteleder(args: list[str], home: Path, *, input: str | None = None, cwd: Path | None = None,
                  timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "moteleder", *args],
        check=False, capture_output=True, text=True, encoding="utf-8", input=input, cwd=cwd or home,
        env=user_env(home, **extra_env), timeout=timeout,
    )
