"""The meeting clock: time in this step against its budget, and the meeting's total."""

from __future__ import annotations

from textual.widgets import Static


def mmss(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class MeetingClock(Static):
    """`Dette steget 03:12 av 10 min · Hele møtet 24:05 av 65 min`."""

    def show(self, step_seconds: float, step_budget_min: int, total_seconds: float, total_budget_min: int) -> None:
        over = step_seconds > step_budget_min * 60
        self.set_class(over, "over-budget")
        note = "  — over tiden for steget" if over else ""
        self.update(
            f"Dette steget {mmss(step_seconds)} av {step_budget_min} min{note}   ·   "
            f"Hele møtet {mmss(total_seconds)} av {total_budget_min} min"
        )
