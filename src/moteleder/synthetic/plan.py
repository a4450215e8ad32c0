"""A synthetic group planned as plain data: members, four years of meetings, measures and
their follow-up, consents and evaluations — drawn from one random stream, no database."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from moteleder.dates import parse_date
from moteleder.synthetic.texts import (
    ADULT_FIRST_NAMES,
    AOB_ITEMS,
    CHALLENGES,
    EVALUATION_TEXTS,
    FIRST_NAMES,
    GOALS,
    MEASURES,
    PLACES,
    PREVIOUS_COMMENTS,
    REVIEW_COMMENTS,
    REVIEW_STATUSES,
    SERVICES,
    SURNAMES,
    THEMES,
    VOICES,
    WORKED,
)


@dataclass
class MemberPlan:
    name: str
    role: str
    service: str
    kind: str
    is_coordinator: bool = False


@dataclass
class MeasurePlan:
    what: str
    responsible: str
    due_on: date | None
    due_kind: str
    meeting_index: int
    position: int
    closed_in: int | None = None  # index of the meeting that marked it done
    reviewed: int = 0  # how many meetings have followed it up


@dataclass
class ReviewPlan:
    measure_index: int  # index into GroupPlan.measures
    status: str | None
    goal_reached: str | None
    comment: str


@dataclass
class MeetingPlan:
    starts_at: datetime
    ended_at: datetime
    attendance: list[str]  # per member: "present" | "absent"
    fields: dict[str, str]
    step_seconds: dict[str, int]
    measure_indexes: list[int] = field(default_factory=list)
    reviews: list[ReviewPlan] = field(default_factory=list)


@dataclass
class ConsentPlan:
    given_on: date
    given_by: str  # "person" | "parents"
    expires_on: date | None
    withdrawn_on: date | None = None


@dataclass
class EvaluationPlan:
    held_on: date
    fields: dict[str, str]


@dataclass
class GroupPlan:
    person_name: str
    birth_year: int
    coordinator_kind: str
    has_ip: bool
    created_at: datetime
    members: list[MemberPlan]
    meetings: list[MeetingPlan]
    measures: list[MeasurePlan]
    consents: list[ConsentPlan] = field(default_factory=list)
    evaluations: list[EvaluationPlan] = field(default_factory=list)


def _weekday(day: date) -> date:
    """Meetings are held on weekdays."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def short_date(day: date) -> str:
    """A date as the leader types it into the meeting's fields (24.11.2026)."""
    return day.strftime("%d.%m.%Y")


def plan_group(rng: random.Random, today: date) -> GroupPlan:
    """One fictive group with its whole history, as plain data (no database)."""
    first = rng.choice(FIRST_NAMES)
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.15:
        surname = f"{surname}-{rng.choice(SURNAMES)}"
    person_name = f"{first} {surname}"
    age = rng.randint(5, 17)
    place = rng.choice(PLACES)

    members: list[MemberPlan] = []
    if age >= 7:
        members.append(MemberPlan(person_name, "eleven selv", "", "person"))
    guardians = rng.sample(ADULT_FIRST_NAMES, 2)
    members.append(MemberPlan(f"{guardians[0]} {surname}", "mor", "", "guardian"))
    if rng.random() < 0.7:
        members.append(MemberPlan(f"{guardians[1]} {surname}", "far", "", "guardian"))
    for role, service in rng.sample(SERVICES, rng.randint(2, 4)):
        name = f"{rng.choice(ADULT_FIRST_NAMES)} {rng.choice(SURNAMES)}"
        members.append(MemberPlan(name, role, service.format(place=place), "service"))
    services = [m for m in members if m.kind == "service"]
    rng.choice(services).is_coordinator = True
    responsibles = [m.service for m in services] + [m.name for m in services]

    # Most groups finish what they agree on by the next meeting; the others carry measures along.
    tidy = rng.random() < 0.6
    count = rng.randint(6, 10)
    span_start = today - timedelta(days=rng.randint(1300, 1450))  # jitter stays within four years
    last_latest = today - timedelta(days=rng.randint(7, 150))
    gap = (last_latest - span_start).days / max(count - 1, 1)
    days = [_weekday(span_start + timedelta(days=round(i * gap + rng.randint(-10, 10)))) for i in range(count)]
    days = sorted(d for d in days if d < today)

    starts = [datetime.combine(day, time(rng.randint(8, 14), rng.choice((0, 30)))) for day in days]
    meetings: list[MeetingPlan] = []
    measures: list[MeasurePlan] = []
    for index, day in enumerate(days):
        starts_at = starts[index]
        ended_at = starts_at + timedelta(minutes=rng.randint(40, 90))
        attendance = ["absent" if rng.random() < 0.12 else "present" for _ in members]
        is_last = index == len(days) - 1
        # The next meeting as agreed in step 6; most are held as agreed, some moved.
        next_time = f"{rng.randint(8, 14)}.{rng.choice(('00', '30'))}"
        if not is_last:
            if rng.random() < 0.9:
                next_date, next_time = short_date(days[index + 1]), starts[index + 1].strftime("%H.%M")
            else:
                next_date = short_date(days[index + 1] - timedelta(days=7))
        elif rng.random() < 0.85:
            next_date = short_date(_weekday(today + timedelta(days=rng.randint(7, 120))))
        else:
            next_date = ""
        aob_items = rng.choice(AOB_ITEMS) if rng.random() < 0.3 else ""
        fields = {
            "referent": rng.choice(services).name,
            "aob_items": aob_items,
            "previous_comment": rng.choice(PREVIOUS_COMMENTS) if index else "",
            "person_voice": rng.choice(VOICES).format(first=first) if rng.random() < 0.85 else "",
            "worked": " ".join(rng.sample(WORKED, rng.randint(1, 3))).format(first=first),
            "challenge": rng.choice(CHALLENGES).format(first=first),
            "aob": f"{aob_items}: tas opp med skolen." if aob_items and rng.random() < 0.5 else "",
            "next_date": next_date,
            "next_time": next_time if next_date else "",
            "next_theme": rng.choice(THEMES) if next_date else "",
            "next_invitees": "Faste deltakere" if next_date and rng.random() < 0.5 else "",
            "theme": rng.choice(THEMES) if index else "Oppstart av ansvarsgruppen",
        }
        meeting = MeetingPlan(
            starts_at, ended_at, attendance, fields,
            {"opening": rng.randint(120, 600), "previous": rng.randint(0, 900), "worked": rng.randint(300, 900),
             "challenge": rng.randint(300, 900), "measures": rng.randint(300, 900)},
        )
        # Follow-up of every measure still open from earlier meetings.
        for measure_index, measure in enumerate(measures):
            if measure.closed_in is not None or rng.random() < 0.05:
                continue
            status = rng.choice(REVIEW_STATUSES)
            if tidy and rng.random() < 0.97:
                status = "done"
            elif measure.reviewed and rng.random() < 0.8:
                status = "done"  # a measure followed up before is usually finished or wound up now
            measure.reviewed += 1
            meeting.reviews.append(ReviewPlan(
                measure_index, status, rng.choice(GOALS), rng.choice(REVIEW_COMMENTS[status])
            ))
        for review in meeting.reviews:
            if review.status == "done":
                measures[review.measure_index].closed_in = index
        for position in range(1, rng.randint(2, 6) + 1):
            due_kind = "evaluering" if rng.random() < 0.3 else "frist"
            due_on = day + timedelta(days=rng.randint(21, 150)) if rng.random() < 0.92 else None
            if due_on is not None and is_last and next_date and rng.random() < 0.7:
                # Most measures agreed at the last meeting are due by the next one.
                due_on = parse_date(next_date) - timedelta(days=rng.randint(0, 14))
            measures.append(MeasurePlan(rng.choice(MEASURES), rng.choice(responsibles), due_on, due_kind,
                                        index, position))
            meeting.measure_indexes.append(len(measures) - 1)
        meetings.append(meeting)

    created_at = datetime.combine(days[0] - timedelta(days=rng.randint(3, 30)), time(9, 0))
    return GroupPlan(person_name, today.year - age, rng.choice(("koordinator", "barnekoordinator")),
                     rng.random() < 0.4, created_at, members, meetings, measures,
                     plan_consents(rng, created_at.date(), age, today),
                     plan_evaluations(rng, created_at.date(), today))


def plan_consents(rng: random.Random, start: date, age: int, today: date) -> list[ConsentPlan]:
    """Consent as a municipality's groups have it: most valid, given when the group began and
    renewed when it ran out; a few expiring soon, expired, withdrawn or never registered."""
    if rng.random() < 0.04:
        return []  # never registered
    given_by = "person" if age >= 16 else "parents"
    if rng.random() < 0.5:
        consents = [ConsentPlan(start, given_by, None)]
    else:  # valid for two years at a time, renewed shortly before it runs out
        consents = [ConsentPlan(start, given_by, start + timedelta(days=730))]
        while consents[-1].expires_on < today and rng.random() < 0.9:
            renewed = consents[-1].expires_on - timedelta(days=rng.randint(0, 21))
            consents.append(ConsentPlan(renewed, given_by, renewed + timedelta(days=730)))
    if rng.random() < 0.03:
        last = consents[-1]
        last.withdrawn_on = today - timedelta(days=rng.randint(1, 200))
        last.withdrawn_on = max(last.withdrawn_on, last.given_on)
    return consents


def plan_evaluations(rng: random.Random, start: date, today: date) -> list[EvaluationPlan]:
    """The yearly evaluation of the group's work; most are held about on time, some are late."""
    evaluations = []
    held = start
    while True:
        held = _weekday(held + timedelta(days=365 + rng.randint(-30, 45)))
        if held >= today or rng.random() < 0.08:
            return evaluations
        evaluations.append(EvaluationPlan(held, {
            "composition": rng.choice(EVALUATION_TEXTS["composition"]),
            "atmosphere": rng.choice(EVALUATION_TEXTS["atmosphere"]),
            "effectiveness": rng.choice(EVALUATION_TEXTS["effectiveness"]),
            "challenges": rng.choice(EVALUATION_TEXTS["challenges"]),
            "tasks": rng.choice(EVALUATION_TEXTS["tasks"]),
            "responsibility": rng.choice(EVALUATION_TEXTS["responsibility"]),
        }))
