"""The rows of `moteleder oversikt`: every active group for the coordinating unit, as cells.

Built on `needs_attention` (a handful of set-based queries), so it is as fast with
thousands of groups as the home screen.
"""

from __future__ import annotations

from moteleder.attention import GroupStatus
from moteleder.dates import format_short_date

COLUMNS = (
    "Gruppe-ID",
    "Person",
    "Koordinator",
    "Type",
    "Deltakere",
    "Siste møte",
    "Neste møte",
    "Planlagt møte-ID",
    "Åpne tiltak",
    "Tiltak over frist",
    "Trenger oppmerksomhet",
)


def overview_row(status: GroupStatus, planned_id: int | None = None) -> list[str]:
    """One group as the overview's cells (Norwegian dates, plain text), in the order of COLUMNS.

    The group's number and its planned meeting's are what `moteleder --gruppe` and
    `moteleder innkalling` ask for.
    """
    kind = "Barnekoordinator" if status.coordinator_kind == "barnekoordinator" else "Koordinator"
    return [
        str(status.group_id),
        status.person_name + (" (demo)" if status.is_demo else ""),
        status.coordinator_name or "Ikke valgt",
        kind,
        str(status.member_count),
        format_short_date(status.last_meeting) if status.last_meeting else "",
        format_short_date(status.next_meeting) if status.next_meeting else "Ikke satt",
        str(planned_id) if planned_id is not None else "",
        str(status.open_measures),
        str(status.overdue_measures),
        status.reason_text,
    ]


def planned_meeting_ids(store) -> dict[int, int]:
    """Each group's planned meeting, the one `Store.planned_meeting` gives (the first with a date)."""
    best: dict[int, tuple[bool, str, int]] = {}
    for group_id, meeting_id, starts_at in store.conn.execute(
        "select group_id, id, starts_at from meetings where status = 'planned'"
    ):
        key = (starts_at is None, starts_at or "", meeting_id)
        if group_id not in best or key < best[group_id]:
            best[group_id] = key
    return {group_id: key[2] for group_id, key in best.items()}
