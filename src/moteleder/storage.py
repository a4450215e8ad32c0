"""SQLite storage through sqlite-utils. No Textual here.

One `Store` per process wraps one connection. Every write is its own short
transaction, so a crash loses at most the change being typed, and a second app
on the same database (WAL) waits briefly instead of losing a write.

sqlite-utils (with its plugin manager, click and dateutil) costs about a tenth of a
second to import, as much as a fifth of the whole start. Opening an up-to-date
database and reading the home screen's figures need only the plain connection
(`Store.conn`), so `Store.db`, the sqlite-utils `Database`, is made the first time
something asks for it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from typing import TYPE_CHECKING

from moteleder.locations import ensure_private_dir
from moteleder.models import (
    MEETING_TEXT_FIELDS,
    Group,
    Measure,
    Meeting,
    Member,
    Referral,
    Review,
)
from moteleder.schema_version import MIGRATION_SET, MIGRATIONS
from moteleder.typed_text import clean_text

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class GroupOverview:
    """One line of the home screen's list."""

    group: Group
    next_meeting: datetime | None
    open_measures: int
    overdue_measures: int
    meeting_in_progress: bool


class StoreError(Exception):
    """A database problem, with a Norwegian message fit for the user.

    `cause` is the SQLite error behind it, if any: the command line words a lock or a
    full disk for its own user (run the command again) instead of the app's.
    """

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _cleaned(fields: dict[str, object]) -> dict[str, object]:
    """Typed text among the fields without control, bidi-override or zero-width characters."""
    return {key: clean_text(value) if isinstance(value, str) else value for key, value in fields.items()}


class Store:
    """The moteleder database: groups, meetings, measures, referrals."""

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
    def open(cls, path: Path | str, *, create_folder: bool = False) -> Store:
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
            if is_disk_full(error, path):
                raise StoreError(
                    f"Disken er full, så databasen «{path}» kan ikke åpnes. Frigjør plass på disken og prøv igjen."
                ) from None
            text = str(error).lower()
            if "not a database" in text or "file is encrypted" in text:
                raise StoreError(f"«{path}» er ikke en moteleder-database (filen er ikke SQLite).") from None
            if "malformed" in text or "corrupt" in text:
                raise StoreError(damaged_message(path)) from None
            if is_locked(error):
                raise StoreError(LOCKED_MESSAGE) from None
            if "readonly" in text or "read-only" in text:
                raise StoreError(f"Databasen «{path}» er skrivebeskyttet.") from None
            raise StoreError(f"Kan ikke åpne databasen «{path}»: {error}.") from None
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
    def open_read_only(cls, path: Path | str) -> Store:
        """A connection that can only read, to a database already opened (and migrated) by `open`."""
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
        return cls(conn, Path(path))

    @classmethod
    def memory(cls) -> Store:
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
        from moteleder.schema import migrations

        migrations.apply(self.db)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: everything inside is committed together, or rolled back together.

        It is begun explicitly: sqlite-utils' writes see the open transaction and use
        savepoints inside it, where they would otherwise begin and commit their own (so a
        method writing twice through sqlite-utils could be half saved). IMMEDIATE takes the
        write lock at the start (waiting up to the busy timeout), so a read followed by a
        write — the next position, say — cannot be overtaken by another writer in between.
        Inside an open transaction this is simply part of it.
        """
        with self.lock:  # another thread's transaction is never joined, only waited for
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
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

    # ---------------------------------------------------------------- groups
    def create_group(
        self,
        person_name: str,
        *,
        birth_year: int | None = None,
        profile_id: str = "standard",
        coordinator_kind: str = "koordinator",
        has_ip: bool = False,
        has_stafettlogg: bool = False,
        is_demo: bool = False,
    ) -> int:
        with self.saving():
            return self.db["groups"].insert(
                {
                    "person_name": clean_text(person_name).strip(),
                    "birth_year": birth_year,
                    "profile_id": profile_id,
                    "coordinator_kind": coordinator_kind,
                    "has_ip": int(has_ip),
                    "has_stafettlogg": int(has_stafettlogg),
                    "is_demo": int(is_demo),
                    "created_at": _now(),
                }
            ).last_pk

    def update_group(self, group_id: int, **fields: object) -> None:
        fields = _cleaned(fields)
        with self.saving():
            self.db["groups"].update(group_id, fields)

    def group(self, group_id: int) -> Group:
        row = next(self.query("select * from groups where id = ?", [group_id]), None)
        if row is None:
            raise StoreError(f"Fant ingen ansvarsgruppe med nummer {group_id}.")
        return self._group_from_row(row)

    def groups(self, *, include_closed: bool = False) -> list[Group]:
        where = "" if include_closed else "where closed_on is null"
        return [
            self._group_from_row(row)
            for row in self.query(f"select * from groups {where} order by person_name collate nocase")
        ]

    def group_overview(self, *, today: date | None = None) -> list[GroupOverview]:
        """What the home screen lists for every open group, in three queries whatever the number of groups.

        Gives the same figures as `planned_meeting`, `open_measures` and `active_meetings` per group.
        """
        today_iso = (today or date.today()).isoformat()
        planned: dict[int, datetime | None] = {}
        for group_id, starts_at in self.db.execute(
            "select group_id, starts_at from meetings where status = 'planned' "
            "order by group_id, starts_at is null desc, starts_at desc"
        ):
            planned[group_id] = datetime.fromisoformat(starts_at) if starts_at else None  # the last row wins
        measures: dict[int, tuple[int, int]] = {
            group_id: (count, overdue)
            for group_id, count, overdue in self.db.execute(
                "select m.group_id, count(*), sum(m.due_on is not null and m.due_on < ?) from measures m "
                "join meetings f on f.id = m.meeting_id and f.status = 'finalized' "
                "where m.status = 'open' group by m.group_id",
                [today_iso],
            )
        }
        active = {row[0] for row in self.db.execute("select group_id from meetings where status = 'active'")}
        return [
            GroupOverview(
                group=group,
                next_meeting=planned.get(group.id),
                open_measures=measures.get(group.id, (0, 0))[0],
                overdue_measures=measures.get(group.id, (0, 0))[1] or 0,
                meeting_in_progress=group.id in active,
            )
            for group in self.groups()
        ]

    def count_groups(self) -> int:
        return self.db.execute("select count(*) from groups").fetchone()[0]

    @staticmethod
    def _group_from_row(row: dict) -> Group:
        return Group(
            id=row["id"],
            person_name=row["person_name"],
            birth_year=row.get("birth_year"),
            profile_id=row.get("profile_id") or "standard",
            coordinator_kind=row.get("coordinator_kind") or "koordinator",
            has_ip=bool(row.get("has_ip")),
            has_stafettlogg=bool(row.get("has_stafettlogg")),
            is_demo=bool(row.get("is_demo")),
            created_at=row.get("created_at") or "",
            closed_on=row.get("closed_on"),
            close_reason=row.get("close_reason"),
        )

    # ---------------------------------------------------------------- members
    def add_member(
        self,
        group_id: int,
        name: str,
        *,
        role: str = "",
        service: str = "",
        contact: str = "",
        kind: str = "service",
        standing: bool = True,
        is_coordinator: bool = False,
    ) -> int:
        with self.saving():
            position = self.db.execute(
                "select coalesce(max(position), 0) + 1 from members where group_id = ?", [group_id]
            ).fetchone()[0]
            if is_coordinator:
                self.db.execute("update members set is_coordinator = 0 where group_id = ?", [group_id])
            return self.db["members"].insert(
                {
                    "group_id": group_id,
                    "name": clean_text(name).strip(),
                    "role": clean_text(role).strip(),
                    "service": clean_text(service).strip(),
                    "contact": clean_text(contact).strip(),
                    "kind": kind,
                    "standing": int(standing),
                    "is_coordinator": int(is_coordinator),
                    "position": position,
                }
            ).last_pk

    def update_member(self, member_id: int, **fields: object) -> None:
        fields = _cleaned(fields)
        with self.saving():
            if fields.get("is_coordinator"):
                group_id = self.db["members"].get(member_id)["group_id"]
                self.db.execute("update members set is_coordinator = 0 where group_id = ?", [group_id])
            self.db["members"].update(member_id, fields)

    def remove_member(self, member_id: int) -> None:
        """Members who took part in meetings are kept for the old minutes, only hidden."""
        with self.saving():
            self.db["members"].update(member_id, {"removed_at": _now(), "is_coordinator": 0})

    def members(self, group_id: int, *, include_guests: bool = True) -> list[Member]:
        sql = "select * from members where group_id = ? and removed_at is null"
        if not include_guests:
            sql += " and standing = 1"
        rows = self.query(sql + " order by position, id", [group_id])
        return [self._member_from_row(row) for row in rows]

    def member(self, member_id: int) -> Member:
        return self._member_from_row(self.db["members"].get(member_id))

    @staticmethod
    def _member_from_row(row: dict) -> Member:
        return Member(
            id=row["id"],
            group_id=row["group_id"],
            name=row["name"],
            role=row.get("role") or "",
            service=row.get("service") or "",
            contact=row.get("contact") or "",
            kind=row.get("kind") or "service",
            standing=bool(row.get("standing")),
            is_coordinator=bool(row.get("is_coordinator")),
            position=row.get("position") or 0,
        )

    # ---------------------------------------------------------------- meetings
    def create_meeting(
        self,
        group_id: int,
        starts_at: datetime | None,
        *,
        theme: str = "",
        invitees: str = "",
        status: str = "planned",
    ) -> int:
        with self.saving():
            is_first = not self.db.execute(
                "select 1 from meetings where group_id = ? and status = 'finalized' limit 1", [group_id]
            ).fetchone()
            return self.db["meetings"].insert(
                {
                    "group_id": group_id,
                    "starts_at": starts_at.isoformat(timespec="minutes") if starts_at else None,
                    "status": status,
                    "theme": theme,
                    "invitees": invitees,
                    "is_first": int(is_first),
                    "updated_at": _now(),
                }
            ).last_pk

    def meeting(self, meeting_id: int) -> Meeting:
        row = next(self.query("select * from meetings where id = ?", [meeting_id]), None)
        if row is None:
            raise StoreError(f"Fant ikke møte nummer {meeting_id}.")
        return Meeting.from_row(row)

    def meetings(self, group_id: int) -> list[Meeting]:
        """All meetings of a group, newest first."""
        rows = self.query(
            "select * from meetings where group_id = ? order by starts_at desc, id desc", [group_id]
        )
        return [Meeting.from_row(row) for row in rows]

    def active_meetings(self) -> list[Meeting]:
        """Meetings started and not finalized: offered to continue after a quit or crash."""
        rows = self.query(
            "select * from meetings where status = 'active' order by updated_at desc, id desc"
        )
        return [Meeting.from_row(row) for row in rows]

    def planned_meeting(self, group_id: int) -> Meeting | None:
        row = next(
            self.query(
                "select * from meetings where group_id = ? and status = 'planned' "
                "order by starts_at is null, starts_at limit 1",
                [group_id],
            ),
            None,
        )
        return Meeting.from_row(row) if row else None

    def previous_finalized(self, group_id: int, *, before_meeting_id: int | None = None) -> Meeting | None:
        """The last finalized meeting of the group (before a given meeting, if any)."""
        params: list[object] = [group_id]
        extra = ""
        if before_meeting_id is not None:
            extra = " and id != ?"
            params.append(before_meeting_id)
        row = next(
            self.query(
                "select * from meetings where group_id = ? and status = 'finalized'"
                + extra
                + " order by starts_at desc, id desc limit 1",
                params,
            ),
            None,
        )
        return Meeting.from_row(row) if row else None

    def start_meeting(self, meeting_id: int) -> None:
        """The meeting goes live: it is now the one offered to continue after a crash."""
        with self.saving():
            meeting = self.db["meetings"].get(meeting_id)
            fields: dict[str, object] = {"status": "active", "updated_at": _now()}
            if not meeting.get("started_at"):
                fields["started_at"] = _now()
            if not meeting.get("starts_at"):
                fields["starts_at"] = datetime.now().isoformat(timespec="minutes")
            self.db["meetings"].update(meeting_id, fields)

    def move_meeting(self, meeting_id: int, starts_at: datetime) -> None:
        """The meeting takes place at another time than planned: the minute records when."""
        with self.saving():
            self.conn.execute("update meetings set starts_at = ?, updated_at = ? where id = ?",
                              [starts_at.isoformat(timespec="minutes"), _now(), meeting_id])

    def save_meeting_fields(self, meeting_id: int, fields: dict[str, object]) -> None:
        """Autosave of what the leader typed (only known text columns)."""
        unknown = set(fields) - set(MEETING_TEXT_FIELDS) - {
            "current_step", "step_seconds", "starts_at", "agreed_without_guardians"}
        if unknown:
            raise ValueError(f"unknown meeting fields: {sorted(unknown)}")
        values = dict(fields)
        if isinstance(values.get("step_seconds"), dict):
            values["step_seconds"] = json.dumps(values["step_seconds"])
        values["updated_at"] = _now()
        with self.saving():
            self.db["meetings"].update(meeting_id, values)

    def delete_meeting(self, meeting_id: int) -> None:
        """Discard a meeting that was never finalized (with its attendance and measures)."""
        with self.saving():
            status = self.db["meetings"].get(meeting_id)["status"]
            if status == "finalized":
                raise StoreError("Et ferdigstilt referat kan ikke slettes.")
            self.db.execute("delete from attendance where meeting_id = ?", [meeting_id])
            self.db.execute("delete from measure_reviews where meeting_id = ?", [meeting_id])
            self.db.execute("delete from measures where meeting_id = ?", [meeting_id])
            self.db.execute("update referrals set meeting_id = null where meeting_id = ?", [meeting_id])
            self.db.execute("delete from meetings where id = ?", [meeting_id])

    # ---------------------------------------------------------------- attendance
    def set_attendance(self, meeting_id: int, member_id: int, status: str | None) -> None:
        """present / absent (forfall); None removes the mark."""
        with self.saving():
            if status is None:
                self.db.execute(
                    "delete from attendance where meeting_id = ? and member_id = ?", [meeting_id, member_id]
                )
            else:
                self.db["attendance"].upsert(
                    {"meeting_id": meeting_id, "member_id": member_id, "status": status},
                    pk=("meeting_id", "member_id"),
                )

    def attendance(self, meeting_id: int) -> dict[int, str]:
        rows = self.db.execute(
            "select member_id, status from attendance where meeting_id = ?", [meeting_id]
        ).fetchall()
        return dict(rows)

    # ---------------------------------------------------------------- measures
    def add_measure(
        self,
        group_id: int,
        meeting_id: int,
        what: str = "",
        *,
        responsible: str = "",
        due_on: date | None = None,
        due_kind: str = "frist",
        ip_goal: str = "",
        status: str = "open",
    ) -> int:
        with self.saving():
            position = self.db.execute(
                "select coalesce(max(position), 0) + 1 from measures where meeting_id = ?", [meeting_id]
            ).fetchone()[0]
            return self.db["measures"].insert(
                {
                    "group_id": group_id,
                    "meeting_id": meeting_id,
                    "position": position,
                    "what": what,
                    "responsible": responsible,
                    "due_on": due_on.isoformat() if due_on else None,
                    "due_kind": due_kind,
                    "ip_goal": ip_goal,
                    "status": status,
                }
            ).last_pk

    def update_measure(self, measure_id: int, **fields: object) -> None:
        if isinstance(fields.get("due_on"), date):
            fields["due_on"] = fields["due_on"].isoformat()  # type: ignore[union-attr]
        with self.saving():
            self.db["measures"].update(measure_id, fields)

    def delete_measure(self, measure_id: int) -> None:
        with self.saving():
            self.db.execute("delete from measure_reviews where measure_id = ?", [measure_id])
            self.db.execute("delete from measures where id = ?", [measure_id])

    def measures_agreed(self, meeting_id: int) -> list[Measure]:
        rows = self.query("select * from measures where meeting_id = ? order by position, id", [meeting_id])
        return [Measure.from_row(row) for row in rows]

    def measures_to_review(self, group_id: int, meeting_id: int) -> list[Measure]:
        """Measures from earlier meetings to follow up in this one: still open, or closed in it."""
        rows = self.query(
            "select * from measures where group_id = ? and meeting_id != ? "
            "and (status = 'open' or closed_in_meeting_id = ?) "
            "and exists (select 1 from meetings f where f.id = measures.meeting_id and f.status = 'finalized') "
            "order by due_on is null, due_on, id",
            [group_id, meeting_id, meeting_id],
        )
        return [Measure.from_row(row) for row in rows]

    def open_measures(self, group_id: int) -> list[Measure]:
        rows = self.query(
            "select * from measures where group_id = ? and status = 'open' "
            "and exists (select 1 from meetings f where f.id = measures.meeting_id and f.status = 'finalized') "
            "order by due_on is null, due_on, id",
            [group_id],
        )
        return [Measure.from_row(row) for row in rows]

    def set_review(
        self,
        measure_id: int,
        meeting_id: int,
        *,
        status: str | None = None,
        comment: str | None = None,
        goal_reached: str | None = None,
    ) -> None:
        """Record (part of) how a measure went; fields left None keep their value."""
        with self.saving():
            existing = next(
                self.query(
                    "select * from measure_reviews where measure_id = ? and meeting_id = ?",
                    [measure_id, meeting_id],
                ),
                None,
            )
            values = {"status": status, "comment": comment, "goal_reached": goal_reached}
            values = {k: v for k, v in values.items() if v is not None}
            if existing:
                if values:
                    self.db["measure_reviews"].update(existing["id"], values)
            else:
                self.db["measure_reviews"].insert({"measure_id": measure_id, "meeting_id": meeting_id, **values})

    def reviews(self, meeting_id: int) -> dict[int, Review]:
        rows = self.query("select * from measure_reviews where meeting_id = ?", [meeting_id])
        return {
            row["measure_id"]: Review(
                measure_id=row["measure_id"],
                meeting_id=row["meeting_id"],
                status=row.get("status") or None,
                comment=row.get("comment") or "",
                goal_reached=row.get("goal_reached") or None,
            )
            for row in rows
        }

    def group_history(self, group_id: int) -> list[tuple[Meeting, list[Measure], dict[int, Review]]]:
        """Every meeting of a group, newest first, with the measures agreed and the reviews made in it.

        Three queries whatever the number of meetings, so a long history opens as fast as a short one.
        """
        meetings = self.meetings(group_id)
        agreed: dict[int, list[Measure]] = {m.id: [] for m in meetings}
        for row in self.query(
            "select * from measures where group_id = ? order by meeting_id, position, id", [group_id]
        ):
            agreed.setdefault(row["meeting_id"], []).append(Measure.from_row(row))
        reviewed: dict[int, dict[int, Review]] = {m.id: {} for m in meetings}
        for row in self.query(
            "select r.* from measure_reviews r join measures m on m.id = r.measure_id where m.group_id = ?",
            [group_id],
        ):
            reviewed.setdefault(row["meeting_id"], {})[row["measure_id"]] = Review(
                measure_id=row["measure_id"],
                meeting_id=row["meeting_id"],
                status=row.get("status") or None,
                comment=row.get("comment") or "",
                goal_reached=row.get("goal_reached") or None,
            )
        return [(m, agreed[m.id], reviewed[m.id]) for m in meetings]

    def measure_history(self, measure_id: int) -> list[tuple[Meeting, Review]]:
        """A measure's reviews meeting by meeting, oldest first."""
        rows = self.query(
            "select r.*, m.starts_at from measure_reviews r join meetings m on m.id = r.meeting_id "
            "where r.measure_id = ? order by m.starts_at",
            [measure_id],
        )
        return [
            (
                self.meeting(row["meeting_id"]),
                Review(row["measure_id"], row["meeting_id"], row.get("status"), row.get("comment") or "",
                       row.get("goal_reached")),
            )
            for row in rows
        ]

    # ---------------------------------------------------------------- finalize
    def finalize_meeting(self, meeting_id: int, minute_md: str, *, minute_path: str | None,
                         ended_at: str | None = None, place_file: Callable[[], None] | None = None) -> int | None:
        """Freeze the minute and carry its decisions forward, all in one durable transaction.

        Reviewed measures marked done are closed; the next meeting agreed in step 6
        becomes the group's planned meeting. `place_file` (moving the minute's file into
        place) runs inside the transaction, just before the commit: if it fails, nothing is
        committed; if the commit fails, the caller removes the file. Returns the planned
        meeting's id, if any. Raises StoreError in Norwegian.
        """
        meeting = self.meeting(meeting_id)
        if meeting.is_finalized:
            raise StoreError("Referatet er allerede ferdigstilt.")
        next_at = meeting.next_meeting_start()
        self.conn.execute("PRAGMA synchronous = FULL")  # (not allowed inside a transaction)
        try:
            with self.saving():
                now = _now()
                self.conn.execute(
                    "update meetings set status = 'finalized', minute_md = ?, minute_path = ?, finalized_at = ?, "
                    "ended_at = ?, updated_at = ? where id = ?",
                    [minute_md, minute_path, now, meeting.ended_at or ended_at or now, now, meeting_id],
                )
                self.conn.execute(
                    "update measures set status = 'done', closed_in_meeting_id = ? where id in "
                    "(select measure_id from measure_reviews where meeting_id = ? and status = 'done')",
                    [meeting_id, meeting_id],
                )
                planned_id = None
                if next_at is not None:
                    self.conn.execute(
                        "delete from meetings where group_id = ? and status = 'planned'", [meeting.group_id]
                    )
                    planned_id = self.conn.execute(
                        "insert into meetings (group_id, starts_at, status, theme, invitees, is_first, updated_at) "
                        "values (?, ?, 'planned', ?, ?, 0, ?)",
                        [meeting.group_id, next_at.isoformat(timespec="minutes"), meeting.next_theme,
                         meeting.next_invitees, now],
                    ).lastrowid
                if place_file is not None:
                    place_file()
        finally:
            self.conn.execute("PRAGMA synchronous = NORMAL")
        return planned_id

    def set_minute_path(self, meeting_id: int, path: str) -> None:
        with self.saving():
            self.db["meetings"].update(meeting_id, {"minute_path": path})

    def finalized_meetings(self) -> Iterable[dict]:
        """Every finalized meeting with its group's person name, oldest first (export)."""
        return self.query(
            "select m.id, m.starts_at, m.minute_md, g.person_name, g.id as group_id "
            "from meetings m join groups g on g.id = m.group_id "
            "where m.status = 'finalized' order by m.starts_at, m.id"
        )

    # ---------------------------------------------------------------- referrals
    def add_referral(self, group_id: int, meeting_id: int | None, category: str, field: str, text: str) -> int:
        with self.saving():
            return self.db["referrals"].insert(
                {
                    "group_id": group_id,
                    "meeting_id": meeting_id,
                    "category": category,
                    "field": field,
                    "text": text,
                    "created_at": _now(),
                }
            ).last_pk

    def referrals(self, *, group_id: int | None = None, meeting_id: int | None = None,
                  open_only: bool = False) -> list[Referral]:
        clauses, params = [], []
        if group_id is not None:
            clauses.append("group_id = ?")
            params.append(group_id)
        if meeting_id is not None:
            clauses.append("meeting_id = ?")
            params.append(meeting_id)
        if open_only:
            clauses.append("handled_at is null")
        where = (" where " + " and ".join(clauses)) if clauses else ""
        rows = self.query(f"select * from referrals{where} order by id", params)
        return [Referral(**{k: row.get(k) for k in Referral.__dataclass_fields__}) for row in rows]

    def mark_referral_handled(self, referral_id: int, handled: bool = True) -> None:
        with self.saving():
            self.db["referrals"].update(referral_id, {"handled_at": _now() if handled else None})

    def record_false_alarm(self, category: str, phrase: str, field: str, text: str = "") -> None:
        """The leader kept a flagged text (Behold): the guard was wrong here."""
        self.record_guard_feedback("false_alarm", category, phrase, field, text)

    def record_guard_feedback(self, kind: str, category: str, phrase: str, field: str, text: str) -> None:
        """`false_alarm` (kept) or `missed` (referred by hand); stays in this private file."""
        with self.saving():
            self.conn.execute(
                "insert into guard_feedback (kind, category, phrase, field, text, created_at) values (?, ?, ?, ?, ?, ?)",
                [kind, category, phrase, field, text, _now()],
            )

    def guard_feedback(self) -> Iterator[dict]:
        """Everything the leader told the guard, oldest first."""
        return self.query("select kind, category, phrase, text, created_at from guard_feedback order by id")

    # ---------------------------------------------------------------- between meetings: closing, consent
    def close_group(self, group_id: int, closed_on: date, reason: str) -> None:
        """Close a group: it leaves the home list, stays readable and searchable, and is read-only."""
        with self.saving():
            self.db["groups"].update(group_id, {"closed_on": closed_on.isoformat(), "close_reason": reason.strip()})

    def _ensure_open(self, group_id: int) -> None:
        if self.group(group_id).is_closed:
            raise StoreError("Ansvarsgruppen er avsluttet og kan ikke endres.")

    def add_consent(
        self,
        group_id: int,
        given_on: date,
        given_by: str,
        *,
        covers_all: bool = False,
        member_ids: Iterable[int] = (),
        expires_on: date | None = None,
        note: str = "",
    ) -> int:
        """Register a written consent; it covers all standing members, or the members named."""
        from moteleder.consent import GIVEN_BY_LABEL

        if given_by not in GIVEN_BY_LABEL:
            raise ValueError(f"unknown given_by: {given_by!r}")
        self._ensure_open(group_id)
        with self.saving():
            consent_id = self.db["consents"].insert(
                {
                    "group_id": group_id,
                    "given_on": given_on.isoformat(),
                    "given_by": given_by,
                    "covers_all": int(covers_all),
                    "expires_on": expires_on.isoformat() if expires_on else None,
                    "note": note.strip(),
                    "created_at": _now(),
                }
            ).last_pk
            self.db["consent_members"].insert_all(
                [{"consent_id": consent_id, "member_id": m} for m in member_ids],
                pk=("consent_id", "member_id"),
                ignore=True,
            )
        return consent_id

    def withdraw_consent(self, consent_id: int, on: date) -> None:
        """The consent is withdrawn from that day on (kept, for the record)."""
        with self.saving():
            self.db["consents"].update(consent_id, {"withdrawn_on": on.isoformat()})

    def consents(self, group_id: int) -> list:
        """The group's consents, newest first."""
        from moteleder.consent import Consent

        covered: dict[int, list[int]] = {}
        for consent_id, member_id in self.db.execute(
            "select cm.consent_id, cm.member_id from consent_members cm "
            "join consents c on c.id = cm.consent_id where c.group_id = ?",
            [group_id],
        ).fetchall():
            covered.setdefault(consent_id, []).append(member_id)
        rows = self.query(
            "select * from consents where group_id = ? order by given_on desc, id desc", [group_id]
        )
        return [
            Consent(
                id=row["id"],
                group_id=row["group_id"],
                given_on=date.fromisoformat(row["given_on"]),
                given_by=row["given_by"],
                covers_all=bool(row["covers_all"]),
                member_ids=tuple(sorted(covered.get(row["id"], []))),
                expires_on=date.fromisoformat(row["expires_on"]) if row["expires_on"] else None,
                withdrawn_on=date.fromisoformat(row["withdrawn_on"]) if row["withdrawn_on"] else None,
                note=row.get("note") or "",
            )
            for row in rows
        ]

    # ---------------------------------------------------------------- between meetings: measures over time
    def measures_of_group(self, group_id: int) -> list[tuple[Measure, datetime | None]]:
        """Every measure of the group with the start of the meeting that agreed it, newest first.

        Measures still being agreed in an unfinished meeting are left out.
        """
        rows = self.query(
            "select ms.*, mt.starts_at as agreed_at from measures ms join meetings mt on mt.id = ms.meeting_id "
            "where ms.group_id = ? and mt.status = 'finalized' "
            "order by mt.starts_at desc, ms.position, ms.id",
            [group_id],
        )
        return [
            (Measure.from_row(row), datetime.fromisoformat(row["agreed_at"]) if row["agreed_at"] else None)
            for row in rows
        ]

    # ---------------------------------------------------------------- between meetings: planning, evaluation
    def add_agenda_item(self, meeting_id: int, who: str, text: str) -> int:
        """An item a member reported in advance for the meeting's agenda."""
        meeting = self.meeting(meeting_id)
        self._ensure_open(meeting.group_id)
        with self.saving():
            return self.db["agenda_items"].insert(
                {"group_id": meeting.group_id, "meeting_id": meeting_id, "who": who.strip(),
                 "text": text.strip(), "created_at": _now()}
            ).last_pk

    def delete_agenda_item(self, item_id: int) -> None:
        with self.saving():
            self.db.execute("delete from agenda_items where id = ?", [item_id])

    def agenda_items(self, meeting_id: int) -> list[dict]:
        """Items reported in advance, in the order they came: dicts with id, who, text."""
        return list(self.query(
            "select id, who, text from agenda_items where meeting_id = ? order by id", [meeting_id]
        ))  # fmt: skip

    def record_invitation(self, meeting_id: int, sent_on: date, markdown_path: str, ics_path: str) -> int:
        with self.saving():
            return self.db["invitations"].insert(
                {"meeting_id": meeting_id, "sent_on": sent_on.isoformat(), "markdown_path": markdown_path,
                 "ics_path": ics_path}
            ).last_pk

    def invitations(self, meeting_id: int) -> list[dict]:
        return list(self.query("select * from invitations where meeting_id = ? order by id", [meeting_id]))

    def add_evaluation(self, group_id: int, held_on: date, **fields: str) -> int:
        """The yearly evaluation: process (composition, atmosphere, effectiveness, challenges)
        and the group's work (tasks, responsibility)."""
        allowed = {"composition", "atmosphere", "effectiveness", "challenges", "tasks", "responsibility"}
        if set(fields) - allowed:
            raise ValueError(f"unknown evaluation fields: {sorted(set(fields) - allowed)}")
        self._ensure_open(group_id)
        with self.saving():
            return self.db["evaluations"].insert(
                {"group_id": group_id, "held_on": held_on.isoformat(), "created_at": _now(),
                 **{k: (v or "").strip() for k, v in fields.items()}}
            ).last_pk

    def evaluation(self, evaluation_id: int) -> dict:
        return self.db["evaluations"].get(evaluation_id)

    def evaluations(self, group_id: int) -> list[dict]:
        """The group's evaluations, newest first."""
        return list(self.query(
            "select * from evaluations where group_id = ? order by held_on desc, id desc", [group_id]
        ))  # fmt: skip


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
