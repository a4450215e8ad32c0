"""A group's history between meetings: every meeting and evaluation, newest first. No Textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from moteleder.dates import format_short_date

if TYPE_CHECKING:
    from moteleder.store import Store

MEETING_STATUS_LABEL = {
    "finalized": "Referat ferdigstilt",
    "active": "Pågår / ikke ferdigstilt",
    "planned": "Planlagt",
}


@dataclass(frozen=True)
class HistoryEntry:
    key: str  # "meeting-12" | "evaluation-3"
    day: date | None
    kind_label: str
    status_label: str
    summary: str

    @property
    def day_text(self) -> str:
        return format_short_date(self.day) if self.day else "Ikke satt"


def group_history(store: Store, group_id: int) -> list[HistoryEntry]:
    """Meetings (planned, unfinished, finalized) and yearly evaluations, newest first."""
    entries: list[HistoryEntry] = []
    for row in store.query(
        "select id, starts_at, status, theme, is_first from meetings where group_id = ?", [group_id]
    ):
        day = date.fromisoformat(row["starts_at"][:10]) if row["starts_at"] else None
        kind = "Første møte" if row["is_first"] and row["status"] == "finalized" else "Møte"
        entries.append(HistoryEntry(
            f"meeting-{row['id']}", day, kind, MEETING_STATUS_LABEL.get(row["status"], row["status"]),
            row["theme"] or "",
        ))  # fmt: skip
    for row in store.query(
        "select id, held_on, tasks, effectiveness from evaluations where group_id = ?", [group_id]
    ):
        summary = (row["tasks"] or row["effectiveness"] or "").splitlines()
        entries.append(HistoryEntry(
            f"evaluation-{row['id']}", date.fromisoformat(row["held_on"]), "Evaluering", "Gjennomført",
            summary[0][:60] if summary else "",
        ))  # fmt: skip
    entries.sort(key=lambda e: (e.day or date.max, e.key), reverse=True)
    return entries
