"""The groups and their members: creating, changing, listing, closing a group."""

from __future__ import annotations

from datetime import date, datetime

from moteleder.models import Group, GroupOverview, Member
from moteleder.store.connection import StoreConnection, timestamp
from moteleder.store.errors import StoreError
from moteleder.typed_text import clean_text


def _cleaned(fields: dict[str, object]) -> dict[str, object]:
    """Typed text among the fields without control, bidi-override or zero-width characters."""
    return {key: clean_text(value) if isinstance(value, str) else value for key, value in fields.items()}


class GroupStore(StoreConnection):
    """The ansvarsgrupper and who sits in them."""

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
                    "created_at": timestamp(),
                }
            ).last_pk

    def update_group(self, group_id: int, **fields: object) -> None:
        fields = _cleaned(fields)
        with self.saving():
            self.db["groups"].update(group_id, fields)

    def group(self, group_id: int) -> Group:
        row = self.row_by_id("groups", group_id, f"Fant ingen ansvarsgruppe med nummer {group_id}.")
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

    def close_group(self, group_id: int, closed_on: date, reason: str) -> None:
        """Close a group: it leaves the home list, stays readable and searchable, and is read-only."""
        with self.saving():
            self.db["groups"].update(group_id, {"closed_on": closed_on.isoformat(), "close_reason": reason.strip()})

    def _ensure_open(self, group_id: int) -> None:
        if self.group(group_id).is_closed:
            raise StoreError("Ansvarsgruppen er avsluttet og kan ikke endres.")

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
            self.db["members"].update(member_id, {"removed_at": timestamp(), "is_coordinator": 0})

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
