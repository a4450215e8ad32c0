"""Between meetings: consent, agenda items reported in advance, invitations and the yearly evaluation."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from moteleder.models import GIVEN_BY_LABEL, Consent
from moteleder.store.connection import timestamp
from moteleder.store.groups import GroupStore
from moteleder.store.meetings import MeetingStore

EVALUATION_FIELDS = frozenset({"composition", "atmosphere", "effectiveness", "challenges", "tasks", "responsibility"})


class BetweenStore(GroupStore, MeetingStore):
    """What the coordinator records between meetings; a closed group refuses new entries."""

    # ---------------------------------------------------------------- consent
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
                    "created_at": timestamp(),
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

    def consents(self, group_id: int) -> list[Consent]:
        """The group's consents, newest first."""
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

    # ---------------------------------------------------------------- planning the next meeting
    def add_agenda_item(self, meeting_id: int, who: str, text: str) -> int:
        """An item a member reported in advance for the meeting's agenda."""
        meeting = self.meeting(meeting_id)
        self._ensure_open(meeting.group_id)
        with self.saving():
            return self.db["agenda_items"].insert(
                {"group_id": meeting.group_id, "meeting_id": meeting_id, "who": who.strip(),
                 "text": text.strip(), "created_at": timestamp()}
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

    # ---------------------------------------------------------------- the yearly evaluation
    def add_evaluation(self, group_id: int, held_on: date, **fields: str) -> int:
        """The yearly evaluation: process (composition, atmosphere, effectiveness, challenges)
        and the group's work (tasks, responsibility)."""
        if set(fields) - EVALUATION_FIELDS:
            raise ValueError(f"unknown evaluation fields: {sorted(set(fields) - EVALUATION_FIELDS)}")
        self._ensure_open(group_id)
        with self.saving():
            return self.db["evaluations"].insert(
                {"group_id": group_id, "held_on": held_on.isoformat(), "created_at": timestamp(),
                 **{k: (v or "").strip() for k, v in fields.items()}}
            ).last_pk

    def evaluation(self, evaluation_id: int) -> dict:
        return self.db["evaluations"].get(evaluation_id)

    def evaluations(self, group_id: int) -> list[dict]:
        """The group's evaluations, newest first."""
        return list(self.query(
            "select * from evaluations where group_id = ? order by held_on desc, id desc", [group_id]
        ))  # fmt: skip
