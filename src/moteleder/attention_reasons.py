"""What needs attention, worded: each reason's plain Norwegian text and its rank (most urgent first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# What is most urgent first; the numbers order the reasons and the groups.
RANK_MINUTE = 1
RANK_MEASURES = 2
RANK_EVALUATION = 3
RANK_CONSENT = 4
RANK_MEETINGS = 5
RANK_NEXT_MEETING = 6
RANK_IN_PROGRESS = 8


@dataclass(slots=True, frozen=True)
class Reason:
    """One thing to see to, in plain Norwegian."""

    kind: str  # minute | measures | evaluation | consent | meetings | next_meeting | in_progress
    text: str
    rank: int


def _short(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"  # strftime is slow enough to matter here


NO_CONSENT = Reason("consent", "Samtykke er ikke registrert", RANK_CONSENT)
NO_NEXT_MEETING = Reason("next_meeting", "Neste møte er ikke satt", RANK_NEXT_MEETING)
IN_PROGRESS = Reason("in_progress", "Møte pågår, referatet er ikke ferdigstilt", RANK_IN_PROGRESS)


def _once_per_run(make):
    """Memoise a `Reasons` method on its arguments: the text is written once per run."""
    name = make.__name__

    def reason(self, *args) -> Reason:
        key = (name, *args)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = make(self, *args)
        return found

    return reason


class Reasons:
    """The reasons of one run, each text written once: many groups share the same few dates
    and counts, and `Reason` is frozen, so groups can share one."""

    __slots__ = ("known",)

    def __init__(self) -> None:
        self.known: dict[tuple, Reason] = {}

    @_once_per_run
    def minute(self, held: date, deadline: date) -> Reason:
        text = f"Referatet fra {_short(held)} er ikke ferdigstilt (frist {_short(deadline)})"
        return Reason("minute", text, RANK_MINUTE)

    @_once_per_run
    def measures(self, overdue: int) -> Reason:
        text = (
            f"{overdue} tiltak har passert frist eller evalueringstid" if overdue > 1
            else "Ett tiltak har passert frist eller evalueringstid"
        )  # fmt: skip
        return Reason("measures", text, RANK_MEASURES)

    @_once_per_run
    def evaluation(self, due: date) -> Reason:
        text = f"Evalueringen av gruppen skulle vært gjort {_short(due)}"
        return Reason("evaluation", text, RANK_EVALUATION)

    @_once_per_run
    def consent_ended(self, latest_end: str | None) -> Reason:
        ended = f" ({_short(date.fromisoformat(latest_end))})" if latest_end else ""
        return Reason("consent", f"Samtykket er utløpt eller trukket tilbake{ended}", RANK_CONSENT)

    @_once_per_run
    def consent_expires(self, expires_on: str) -> Reason:
        text = f"Samtykket utløper {_short(date.fromisoformat(expires_on))}"
        return Reason("consent", text, RANK_CONSENT)

    @_once_per_run
    def meetings(self, recent: int, minimum: int) -> Reason:
        had = "Ingen møter" if recent == 0 else ("Ett møte" if recent == 1 else f"{recent} møter")
        text = f"{had} siste tolv måneder (minst {minimum} i året)"
        return Reason("meetings", text, RANK_MEETINGS)

    @_once_per_run
    def not_held(self, planned: date) -> Reason:
        text = f"Det planlagte møtet {_short(planned)} er ikke holdt"
        return Reason("next_meeting", text, RANK_NEXT_MEETING)
