"""One meeting's minute gathered from the store (data → ``Minute``)."""

from __future__ import annotations

from datetime import datetime

from .data import DEFAULT_DEADLINE_DAYS, Minute, ReviewedMeasure


def possessive(name: str) -> str:
    """Norwegian genitive: `Olas`, `Jonas'`."""
    return name + ("'" if name[-1:].lower() in "sxz" else "s")


def build_minute(store, meeting_id: int, *, closing_lines: list[str] | None = None,
                 deadline_days: int | None = DEFAULT_DEADLINE_DAYS, referral_lines: list[str] | None = None) -> Minute:
    """Gather one meeting's minute from the store."""
    meeting = store.meeting(meeting_id)
    group = store.group(meeting.group_id)
    members = store.members(group.id)
    marks = store.attendance(meeting_id)
    present = [m for m in members if marks.get(m.id) == "present"]
    absent = [m for m in members if marks.get(m.id) == "absent"]
    reviews = store.reviews(meeting_id)
    followed = [ReviewedMeasure(m, reviews.get(m.id)) for m in store.measures_to_review(group.id, meeting_id)]
    previous = store.previous_finalized(group.id, before_meeting_id=meeting_id)
    first_name = group.person_name.split()[0] if group.person_name.strip() else "Personen"
    return Minute(
        person_name=group.person_name,
        starts_at=meeting.starts_at,
        ended_at=datetime.fromisoformat(meeting.ended_at) if meeting.ended_at else None,
        present=present,
        absent=absent,
        previous_comment=meeting.previous_comment,
        had_previous=previous is not None,
        followed_up=followed,
        person_voice=meeting.person_voice,
        person_label=f"{possessive(first_name)} egen beskrivelse",
        worked=meeting.worked,
        challenge=meeting.challenge,
        measures=store.measures_agreed(meeting_id),
        aob_items=meeting.aob_items,
        aob=meeting.aob,
        referral_lines=list(referral_lines or []),
        next_meeting=meeting.next_meeting_start(),
        next_meeting_text=" ".join(p for p in (meeting.next_date, meeting.next_time) if p.strip()),
        next_theme=meeting.next_theme,
        next_invitees=meeting.next_invitees,
        referent=meeting.referent,
        deadline_days=deadline_days,
        closing_lines=list(closing_lines or []),
    )
