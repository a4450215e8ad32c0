"""The meetings: planning, starting, autosaving, attendance, and finalizing the minute."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime

from moteleder.models import MEETING_TEXT_FIELDS, Meeting
from moteleder.store.connection import StoreConnection, timestamp
from moteleder.store.errors import StoreError


class MeetingStore(StoreConnection):
    """A group's meetings, from planned through active to finalized."""

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
                    "updated_at": timestamp(),
                }
            ).last_pk

    def meeting(self, meeting_id: int) -> Meeting:
        return Meeting.from_row(self.row_by_id("meetings", meeting_id, f"Fant ikke møte nummer {meeting_id}."))

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

    def replan_meeting(self, meeting_id: int, starts_at: datetime, *, theme: str) -> None:
        """The planned meeting gets another time and theme (the invitation's «Lagre»)."""
        with self.saving():
            self.db["meetings"].update(meeting_id, {"starts_at": starts_at.isoformat(timespec="minutes"), "theme": theme})

    def start_meeting(self, meeting_id: int) -> None:
        """The meeting goes live: it is now the one offered to continue after a crash."""
        with self.saving():
            meeting = self.db["meetings"].get(meeting_id)
            fields: dict[str, object] = {"status": "active", "updated_at": timestamp()}
            if not meeting.get("started_at"):
                fields["started_at"] = timestamp()
            if not meeting.get("starts_at"):
                fields["starts_at"] = datetime.now().isoformat(timespec="minutes")
            self.db["meetings"].update(meeting_id, fields)

    def move_meeting(self, meeting_id: int, starts_at: datetime) -> None:
        """The meeting takes place at another time than planned: the minute records when."""
        with self.saving():
            self.conn.execute("update meetings set starts_at = ?, updated_at = ? where id = ?",
                              [starts_at.isoformat(timespec="minutes"), timestamp(), meeting_id])

    def save_meeting_fields(self, meeting_id: int, fields: dict[str, object]) -> None:
        """Autosave of what the leader typed (only known text columns)."""
        unknown = set(fields) - set(MEETING_TEXT_FIELDS) - {
            "current_step", "step_seconds", "starts_at", "agreed_without_guardians"}
        if unknown:
            raise ValueError(f"unknown meeting fields: {sorted(unknown)}")
        values = dict(fields)
        if isinstance(values.get("step_seconds"), dict):
            values["step_seconds"] = json.dumps(values["step_seconds"])
        values["updated_at"] = timestamp()
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

    # ---------------------------------------------------------------- finalize
    def finalize_meeting(self, meeting_id: int, minute_md: str, *, minute_path: str | None,
                         ended_at: str | None = None, place_file: Callable[[], None] | None = None,
                         finalized_at: str | None = None) -> int | None:
        """Freeze the minute and carry its decisions forward, all in one durable transaction.

        Reviewed measures marked done are closed; the next meeting agreed in step 6
        becomes the group's planned meeting. `place_file` (moving the minute's file into
        place) runs inside the transaction, just before the commit: if it fails, nothing is
        committed; if the commit fails, the caller removes the file. `finalized_at` (default now)
        is the time the files were stamped with (the archive PDF's creation date). Returns the planned
        meeting's id, if any. Raises StoreError in Norwegian.
        """
        meeting = self.meeting(meeting_id)
        if meeting.is_finalized:
            raise StoreError("Referatet er allerede ferdigstilt.")
        next_at = meeting.next_meeting_start()
        self.conn.execute("PRAGMA synchronous = FULL")  # (not allowed inside a transaction)
        try:
            with self.saving():
                now = timestamp()
                self.conn.execute(
                    "update meetings set status = 'finalized', minute_md = ?, minute_path = ?, finalized_at = ?, "
                    "ended_at = ?, updated_at = ? where id = ?",
                    [minute_md, minute_path, finalized_at or now, meeting.ended_at or ended_at or now, now, meeting_id],
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

    def count_finalized(self) -> int:
        """How many meetings are finalized (what `finalized_meetings` will give), counted in SQL."""
        return self.conn.execute("select count(*) from meetings where status = 'finalized'").fetchone()[0]

    def finalized_meetings(self) -> Iterable[dict]:
        """Every finalized meeting with its group's person name, oldest first (export)."""
        return self.query(
            "select m.id, m.starts_at, m.minute_md, g.person_name, g.id as group_id "
            "from meetings m join groups g on g.id = m.group_id "
            "where m.status = 'finalized' order by m.starts_at, m.id"
        )
