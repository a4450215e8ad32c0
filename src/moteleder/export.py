"""Writing minutes to Markdown files: safe names, atomic writes, private files. No Textual."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})


class ExportError(Exception):
    """A file could not be written; the message is Norwegian."""


def slugify(text: str, *, max_length: int = 60) -> str:
    """`Ola Nordmann` → `ola-nordmann`; never a path separator, never empty."""
    text = (text or "").translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:max_length].strip("-") or "gruppe"


def minute_filename(starts_at: datetime | None, person_name: str) -> str:
    day = starts_at.date().isoformat() if starts_at else "uten-dato"
    return f"{day}-{slugify(person_name)}.md"


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename: the old file or the new one, never half."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=".moteleder-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def prepare_folder(folder: Path) -> Path:
    """The export folder, created private (0700) if missing."""
    from moteleder.locations import ensure_private_dir

    try:
        ensure_private_dir(folder)
    except OSError as error:
        raise ExportError(f"Kan ikke opprette mappen «{folder}»: {error.strerror}.") from None
    if not folder.is_dir():
        raise ExportError(f"«{folder}» er ikke en mappe.")
    return folder


def write_minute(folder: Path, starts_at: datetime | None, person_name: str, text: str,
                 *, taken: set[str] | None = None) -> Path:
    """Write one minute into the folder; a second minute the same day for the same name gets -2, -3 …"""
    name = minute_filename(starts_at, person_name)
    if taken is not None:
        stem, n = name[:-3], 2
        while name in taken:
            name = f"{stem}-{n}.md"
            n += 1
        taken.add(name)
    path = folder / name
    try:
        atomic_write(path, text)
    except OSError as error:
        raise ExportError(_os_message(error, path)) from None
    return path


def _os_message(error: OSError, path: Path) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return f"Disken er full. «{path.name}» ble ikke skrevet; ingen filer er endret."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Har ikke skrivetilgang til «{path.parent}»."
    return f"Kunne ikke skrive «{path.name}»: {error.strerror}."


def run_export(args) -> int:
    """`moteleder eksport`: every finalized minute as one Markdown file each."""
    from rich.console import Console

    from moteleder.app_support import open_store_or_exit

    console = Console(stderr=False, highlight=False)
    err = Console(stderr=True, highlight=False)
    store = open_store_or_exit(args.db, err)
    if store is None:
        return 1
    folder = Path(args.ut).expanduser()
    try:
        prepare_folder(folder)
        rows = list(store.finalized_meetings())
        taken: set[str] = set()
        written: list[Path] = []
        progress = _progress(console, len(rows))
        with progress:
            task = progress.add_task("Eksporterer referater", total=len(rows)) if progress else None
            for row in rows:
                starts = datetime.fromisoformat(row["starts_at"]) if row["starts_at"] else None
                written.append(write_minute(folder, starts, row["person_name"], row["minute_md"] or "", taken=taken))
                if task is not None:
                    progress.advance(task)
    except ExportError as error:
        err.print(f"[bold red]Feil:[/] {error}")
        return 1
    finally:
        store.close()
    if not written:
        console.print("Ingen ferdigstilte referater å eksportere.")
        return 0
    if len(written) <= 50 or not console.is_terminal:
        for path in written:
            console.print(f"Skrev {path}")
    console.print(f"[bold]{len(written)}[/] referat{'er' if len(written) != 1 else ''} skrevet til {folder.resolve()}")
    return 0


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __bool__(self) -> bool:
        return False


def _progress(console, total: int):
    """A progress bar on a terminal for long exports; quiet when piped."""
    if not console.is_terminal or total < 200:
        return _NoProgress()
    from rich.progress import Progress

    return Progress(console=console, transient=True)
