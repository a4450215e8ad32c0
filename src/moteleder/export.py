"""Writing minutes to files (Markdown, and the archive PDF): safe names, atomic writes, private files.
No Textual."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})


EXPORT_BATCH = 500
"""Minutes written and made durable together by `moteleder eksport`."""


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


def _write_private_temp(folder: Path, data: str | bytes) -> Path:
    """Text (UTF-8) or bytes written durably and private (0600) to a hidden temporary file in `folder`."""
    fd, tmp = tempfile.mkstemp(prefix=".moteleder-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write through a temporary file and a rename: the old file or the new one, never half."""
    tmp = _write_private_temp(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def stage_file(path: Path, data: str | bytes) -> Path:
    """Write text or bytes, durably and private (0600), to a hidden temporary file beside `path`.

    The caller moves it into place with `os.replace` when the rest of the work is done,
    or removes it. Raises ExportError in Norwegian.
    """
    try:
        return _write_private_temp(path.parent, data)
    except OSError as error:
        raise ExportError(os_message(error, path)) from None


def atomic_write_many(items: list[tuple[Path, str]]) -> None:
    """Many files into one folder, each replaced atomically: the old file or the new one, never half.

    All temporary files are written first and made durable together (one `syncfs` on
    Linux instead of one `fsync` per file), then renamed into place. On any error the
    temporary files are removed and the files not yet renamed are left as they were.
    """
    if not items:
        return
    folder = items[0][0].parent
    temps: list[str] = []
    renamed = 0
    try:
        for _path, text in items:
            fd, tmp = tempfile.mkstemp(prefix=".moteleder-", suffix=".tmp", dir=folder)  # created 0600
            temps.append(tmp)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        _make_durable(folder, temps)
        for (path, _text), tmp in zip(items, temps):
            os.replace(tmp, path)
            renamed += 1
        _fsync_folder(folder)
    except BaseException:
        for tmp in temps[renamed:]:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise


def _make_durable(folder: Path, files: list[str]) -> None:
    """Flush written files to disk: one syncfs for the folder's file system where there is one."""
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for name in files:
        fd = os.open(name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the renames durable (where the platform allows fsync on a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
        raise ExportError(os_message(error, path)) from None
    return path


def unique_name(starts_at: datetime | None, person_name: str, taken: set[str]) -> str:
    """The minute's file name, with -2, -3 … if the name is taken; the name is added to `taken`."""
    name = minute_filename(starts_at, person_name)
    stem, n = name[:-3], 2
    while name in taken:
        name = f"{stem}-{n}.md"
        n += 1
    taken.add(name)
    return name


def write_minutes(folder: Path, minutes: list[tuple[datetime | None, str, str]], *,
                  taken: set[str] | None = None) -> list[Path]:
    """Write many minutes (starts_at, person name, text) at once; see `atomic_write_many`."""
    taken = set() if taken is None else taken
    items = [(folder / unique_name(starts, person, taken), text) for starts, person, text in minutes]
    try:
        atomic_write_many(items)
    except OSError as error:
        raise ExportError(os_message(error, folder / "referat.md")) from None
    return [path for path, _ in items]


def os_message(error: OSError, path: Path) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return f"Disken er full. «{path.name}» ble ikke skrevet; ingen filer er endret."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Har ikke skrivetilgang til «{path.parent}»."
    return f"Kunne ikke skrive «{path.name}»: {error.strerror}."
