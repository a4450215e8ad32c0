"""Measures over time: a group's measures, filtered, each with its history meeting by meeting. No Textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from moteleder.dates import format_short_date
from moteleder.models import DUE_KIND_LABEL, GOAL_LABEL, REVIEW_STATUS_LABEL, Measure

if TYPE_CHECKING:
    from moteleder.store import Store

FILTERS = {"open": "Åpne", "overdue": "Over frist", "done": "Gjennomført", "all": "Alle"}


@dataclass
class MeasureLine:
    measure: Measure
    agreed_at: datetime | None
    overdue: bool

    @property
    def due_text(self) -> str:
        m = self.measure
        if m.due_on:
            return f"{DUE_KIND_LABEL.get(m.due_kind, 'Frist')} {format_short_date(m.due_on)}"
        return m.due_text or "Ikke satt"

    @property
    def status_text(self) -> str:
        if self.measure.status == "done":
            return "Gjennomført"
        return "Over frist" if self.overdue else "Åpent"


def group_measures(store: Store, group_id: int, which: str, today: date) -> list[MeasureLine]:
    """The group's measures: `open`, `overdue` (open and past the date), `done` or `all`."""
    if which not in FILTERS:
        raise ValueError(f"unknown filter: {which!r}")
    lines = []
    for measure, agreed_at in store.measures_of_group(group_id):
        overdue = measure.status == "open" and measure.due_on is not None and measure.due_on < today
        keep = {
            "open": measure.status == "open",
            "overdue": overdue,
            "done": measure.status == "done",
            "all": True,
        }[which]
        if keep:
            lines.append(MeasureLine(measure, agreed_at, overdue))
    return lines


def history_lines(store: Store, measure_id: int) -> list[str]:
    """«26.08.2026: Delvis gjennomført. Mål nådd: delvis. «Fungerer tre av fem dager.»», oldest first."""
    lines = []
    for meeting, review in store.measure_history(measure_id):
        day = format_short_date(meeting.starts_at) if meeting.starts_at else "Uten dato"
        parts = [REVIEW_STATUS_LABEL.get(review.status or "", "Ikke vurdert")]
        if review.goal_reached:
            parts.append(f"Mål nådd: {GOAL_LABEL.get(review.goal_reached, review.goal_reached).lower()}")
        text = f"{day}: " + ". ".join(parts) + "."
        if review.comment:
            text += f" «{review.comment}»"
        lines.append(text)
    return lines
