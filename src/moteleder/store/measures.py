"""The measures (tiltak): agreeing them, following them up meeting by meeting, and their history."""

from __future__ import annotations

from datetime import date, datetime

from moteleder.models import Measure, Meeting, Review
from moteleder.store.meetings import MeetingStore


def _review_from_row(row: dict) -> Review:
    return Review(
        measure_id=row["measure_id"],
        meeting_id=row["meeting_id"],
        status=row.get("status") or None,
        comment=row.get("comment") or "",
        goal_reached=row.get("goal_reached") or None,
    )


class MeasureStore(MeetingStore):
    """What a meeting agreed, and how it went in the meetings after (a measure's history names its meetings)."""

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

    def measure(self, measure_id: int) -> Measure:
        return Measure.from_row(self.row_by_id("measures", measure_id, f"Fant ikke tiltak nummer {measure_id}."))

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

    # ---------------------------------------------------------------- reviews
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
        return {row["measure_id"]: _review_from_row(row) for row in rows}

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
            reviewed.setdefault(row["meeting_id"], {})[row["measure_id"]] = _review_from_row(row)
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
