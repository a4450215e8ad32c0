"""What was steered out of a meeting (referrals) and what the leader told the guard about its flags."""

from __future__ import annotations

from collections.abc import Iterator

from moteleder.models import Referral
from moteleder.store.connection import StoreConnection, timestamp


class ReferralStore(StoreConnection):
    """Topics kept for the coordinator only, and the guard's feedback; both stay in this private file."""

    def add_referral(self, group_id: int, meeting_id: int | None, category: str, field: str, text: str) -> int:
        with self.saving():
            return self.db["referrals"].insert(
                {
                    "group_id": group_id,
                    "meeting_id": meeting_id,
                    "category": category,
                    "field": field,
                    "text": text,
                    "created_at": timestamp(),
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
            self.db["referrals"].update(referral_id, {"handled_at": timestamp() if handled else None})

    def record_false_alarm(self, category: str, phrase: str, field: str, text: str = "") -> None:
        """The leader kept a flagged text (Behold): the guard was wrong here."""
        self.record_guard_feedback("false_alarm", category, phrase, field, text)

    def record_guard_feedback(self, kind: str, category: str, phrase: str, field: str, text: str) -> None:
        """`false_alarm` (kept) or `missed` (referred by hand); stays in this private file."""
        with self.saving():
            self.conn.execute(
                "insert into guard_feedback (kind, category, phrase, field, text, created_at) values (?, ?, ?, ?, ?, ?)",
                [kind, category, phrase, field, text, timestamp()],
            )

    def guard_feedback(self) -> Iterator[dict]:
        """Everything the leader told the guard, oldest first."""
        return self.query("select kind, category, phrase, text, created_at from guard_feedback order by id")
