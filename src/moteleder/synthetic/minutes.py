"""The minute of a planned meeting: what `build_minute` would gather when it is finalized."""

from __future__ import annotations

from datetime import date, datetime

from moteleder.minute import DEFAULT_DEADLINE_DAYS, Minute, ReviewedMeasure, possessive
from moteleder.models import Measure, Meeting, Member, Review
from moteleder.synthetic.plan import GroupPlan, MeasurePlan, MeetingPlan


def meeting_object(plan: MeetingPlan) -> Meeting:
    return Meeting(id=0, group_id=0, starts_at=plan.starts_at, next_date=plan.fields["next_date"],
                   next_time=plan.fields["next_time"])


def minute_for(plan: GroupPlan, index: int) -> Minute:
    """The Minute that `build_minute` gathers for meeting `index` at the moment it is finalized."""
    meeting = plan.meetings[index]
    members = [
        Member(id=i, group_id=0, name=m.name, role=m.role, service=m.service, kind=m.kind)
        for i, m in enumerate(plan.members)
    ]
    present = [m for m, mark in zip(members, meeting.attendance) if mark == "present"]
    absent = [m for m, mark in zip(members, meeting.attendance) if mark == "absent"]
    reviews = {r.measure_index: r for r in meeting.reviews}
    # measures_to_review: earlier meetings' measures not closed before this meeting, by due date then id.
    candidates = [
        i for i, m in enumerate(plan.measures)
        if m.meeting_index < index and (m.closed_in is None or m.closed_in >= index)
    ]
    candidates.sort(key=lambda i: (plan.measures[i].due_on is None, plan.measures[i].due_on or date.min, i))
    followed = []
    for i in candidates:
        review = reviews.get(i)
        followed.append(ReviewedMeasure(
            measure_object(plan.measures[i]),
            Review(i, 0, review.status or None, review.comment or "", review.goal_reached or None) if review else None,
        ))
    fields = meeting.fields
    first_name = plan.person_name.split()[0]
    return Minute(
        person_name=plan.person_name,
        starts_at=meeting.starts_at,
        ended_at=datetime.fromisoformat(meeting.ended_at.isoformat(timespec="minutes")),
        present=present,
        absent=absent,
        previous_comment=fields["previous_comment"],
        had_previous=index > 0,
        followed_up=followed,
        person_voice=fields["person_voice"],
        person_label=f"{possessive(first_name)} egen beskrivelse",
        worked=fields["worked"],
        challenge=fields["challenge"],
        measures=[measure_object(plan.measures[i]) for i in meeting.measure_indexes],
        aob_items=fields["aob_items"],
        aob=fields["aob"],
        next_meeting=meeting_object(meeting).next_meeting_start(),
        next_meeting_text=" ".join(p for p in (fields["next_date"], fields["next_time"]) if p.strip()),
        next_theme=fields["next_theme"],
        next_invitees=fields["next_invitees"],
        referent=fields["referent"],
        deadline_days=DEFAULT_DEADLINE_DAYS,
    )


def measure_object(plan: MeasurePlan) -> Measure:
    return Measure(id=0, group_id=0, meeting_id=0, what=plan.what, responsible=plan.responsible,
                   due_on=plan.due_on, due_kind=plan.due_kind, position=plan.position)
