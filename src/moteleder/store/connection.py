"""The database connection: opening it privately, migrating it, and its transactions.

One store per process wraps one connection. Every write is its own short
transaction, so a crash loses at most the change being typed, and a second app
on the same database (WAL) waits briefly instead of losing a write.

sqlite-utils (with its plugin manager, click and dateutil) costs about a tenth of a
second to import, as much as a fifth of the whole start. Opening an up-to-date
database and reading the home screen's figures need only the plain connection
(`conn`), so `db`, the sqlite-utils `Database`, is made the first time something
asks for it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from moteleder.locations import ensure_private_dir
from moteleder.store.errors import (
    StoreError,
    damaged_message,
    is_damage,
    open_error_message,
    write_error_message,
)
from moteleder.store.schema_version import MIGRATION_SET, MIGRATIONS
from moteleder.store.search_index import has_changes, index_changed

if TYPE_CHECKING:
    from sqlite_utils import Database


def timestamp() -> str:
    """Now, as the database records when something happened (local time, to the second)."""
    return datetime.now().isoformat(timespec="seconds")


class StoreConnection:
    """The connection every part of the store writes through; `Store` adds what it holds."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        # One thread's transaction at a time on the shared connection (the app's workers).
        self.lock = threading.RLock()
        self.tightened = False
        """True when `open` found the database (or its -wal/-shm) readable by others and made it 0600."""

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection, made on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: Path | str, *, create_folder: bool = False) -> Self:
        """Open (creating if new) a database file, private to the user, migrated to this version."""
        path = Path(path)
        folder = path.parent
        if not folder.exists():
            if not create_folder:
                raise StoreError(f"Mappen «{folder}» finnes ikke. Opprett den først, eller velg en annen fil.")
            ensure_private_dir(folder)
        if path.is_dir():
            raise StoreError(f"«{path}» er en mappe, ikke en databasefil.")
        is_new = not path.exists()
        if is_new:
            try:
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            except OSError as error:
                raise StoreError(f"Kan ikke opprette databasen «{path}»: {error.strerror}.") from None
        elif not os.access(path, os.R_OK):
            raise StoreError(f"Du har ikke lesetilgang til databasen «{path}».")
        elif not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
            raise StoreError(
                f"Databasen «{path}» er skrivebeskyttet. moteleder må kunne lagre underveis i møtet; "
                "velg en fil du kan skrive til."
            )
        side_files = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
        had_side_files = [side.exists() for side in side_files]
        # Before connecting, so that a -wal or -shm SQLite makes now gets the same 0600.
        tightened = _make_private(path, *side_files)
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, path)
            store.tightened = tightened
            store._migrate()
        except (sqlite3.DatabaseError, StoreError) as error:
            if conn is not None:
                conn.close()  # also removes the empty -wal/-shm files it made, when it can
            _remove_what_open_left(path, is_new, side_files, had_side_files)
            if isinstance(error, StoreError):
                raise
            raise StoreError(open_error_message(error, path)) from None
        return store

    def check_integrity(self) -> None:
        """Refuse a damaged file before writing to it (`PRAGMA quick_check`): StoreError, file unchanged.

        Opening reads only the schema, so damage deeper in the file is otherwise found by the
        first write that touches it, after earlier writes have gone in.
        """
        try:
            result = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            result = []
        if result != [("ok",)]:
            raise StoreError(damaged_message(self.path))

    @classmethod
    def open_read_only(cls, path: Path | str) -> Self:
        """A connection that can only read, to a database already opened (and migrated) by `open`."""
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
        return cls(conn, Path(path))

    @classmethod
    def memory(cls) -> Self:
        """A throwaway in-memory database (tests)."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        store = cls(conn, None)
        store._migrate()
        return store

    def query(self, sql: str, params: Iterable | dict | None = None) -> Iterator[dict]:
        """Rows as dicts (what sqlite-utils' `Database.query` gives), on the plain connection."""
        cursor = self.conn.execute(sql, params or [])
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row))

    def row_by_id(self, table: str, row_id: int, missing: str) -> dict:
        """One row of a table by its id; StoreError with the Norwegian `missing` when there is none."""
        row = next(self.query(f"select * from {table} where id = ?", [row_id]), None)
        if row is None:
            raise StoreError(missing)
        return row

    def _applied_migrations(self) -> set[str]:
        exists = self.conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
        ).fetchone()
        if not exists:
            return set()
        rows = self.conn.execute("select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET])
        return {name for (name,) in rows}

    def _migrate(self) -> None:
        applied = self._applied_migrations()
        if applied - set(MIGRATIONS):
            raise StoreError(
                f"Databasen «{self.path}» er laget av en nyere versjon av moteleder. "
                "Oppdater moteleder før du åpner den."
            )
        if applied == set(MIGRATIONS):
            return  # up to date: no need for sqlite-utils' migration machinery
        from moteleder.store.schema import migrations

        migrations.apply(self.db)

    def close(self) -> None:
        self.conn.close()

    # ---------------------------------------------------------------- writing
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: everything inside is committed together, or rolled back together.

        It is begun explicitly: sqlite-utils' writes see the open transaction and use
        savepoints inside it, where they would otherwise begin and commit their own (so a
        method writing twice through sqlite-utils could be half saved). IMMEDIATE takes the
        write lock at the start (waiting up to the busy timeout), so a read followed by a
        write — the next position, say — cannot be overtaken by another writer in between.
        Inside an open transaction this is simply part of it. Before the commit, the
        documents the transaction changed are re-indexed for search (store/search_index.py).
        """
        with self.lock:  # another thread's transaction is never joined, only waited for
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                if has_changes(self.conn):  # the search index, current in the same commit
                    index_changed(self.conn)
                self.conn.commit()
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise

    @contextmanager
    def saving(self) -> Iterator[None]:
        """A transaction for what the user typed: a failed write raises StoreError in Norwegian.

        The transaction is rolled back, so the database keeps the last saved text; the
        screen still holds what was typed and can try again.
        """
        try:
            with self.transaction():
                yield
        except sqlite3.Error as error:
            raise StoreError(write_error_message(error, self.path), cause=error) from None


# -------------------------------------------------------------------- the file's privacy
def _make_private(*files: Path) -> bool:
    """Take away what others may do with the files (0644 → 0600); True if any of them was changed.

    Only the group's and others' permissions go: a file the user made read-only stays read-only.
    """
    changed = False
    for file in files:
        try:
            mode = file.stat().st_mode & 0o777
            if mode & 0o077:
                os.chmod(file, mode & 0o700)
                changed = True
        except OSError:  # missing, or not the user's own file: nothing to change
            continue
    return changed


def _remove_what_open_left(path: Path, is_new: bool, side_files: list[Path], had_side_files: list[bool]) -> None:
    """After a failed open, remove the files that open made and that hold nothing.

    A database file made by this open holds nothing of the user's, so it goes with its
    -wal and -shm. For an existing database only an empty -wal and its -shm are removed, and
    only if neither was there before the open: then no other program had the file open, and
    no saved change waits in the -wal.
    """
    if is_new:
        for file in (path, *side_files):
            file.unlink(missing_ok=True)
        return
    wal, shm = side_files
    if any(had_side_files):
        return
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
    except OSError:
        pass
