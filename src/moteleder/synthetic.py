"""Synthetic groups for scale tests: many clearly fictive groups with four years of history.

`moteleder demo --grupper N [--seed S]`. Every name is invented (first names with
surnames like «Testesen» and «Eksempelvik»), and every group is marked as demo.
The same seed and the same "today" give the same data.

Speed: a group is first planned as plain data (`plan_group`), its minutes rendered
with the same `render_minute` the app uses, and everything is written with
`executemany` in one transaction — never row by row through the Store methods.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from moteleder.dates import parse_date
from moteleder.minute import (
    DEFAULT_DEADLINE_DAYS,
    Minute,
    ReviewedMeasure,
    possessive,
    render_minute,
)
from moteleder.models import Measure, Meeting, Member, Review
from moteleder.store import Store

FIRST_NAMES = (
    "Tiril", "Ola", "Emma", "Jonas", "Nora", "Filip", "Ingrid", "Aksel", "Sara", "Magnus", "Ella",
    "Lukas", "Maja", "Oskar", "Sofie", "Elias", "Frida", "Tobias", "Hedda", "Isak", "Live", "Sander",
    "Vilde", "Henrik", "Aurora", "Mathias", "Selma", "Kasper", "Thea", "Jakob", "Iben", "Noah",
)
ADULT_FIRST_NAMES = (
    "Kari", "Per", "Anne", "Hans", "Liv", "Jon", "Randi", "Geir", "Siri", "Tor", "Hilde", "Knut",
    "Berit", "Arne", "Gro", "Bjørn", "Marit", "Rune", "Tone", "Svein", "Eli", "Odd", "Wenche", "Trond",
)
SURNAMES = (
    "Testesen", "Eksempelvik", "Prøvestad", "Fiktivsen", "Oppdiktnes", "Demodal", "Skisseberg",
    "Modellund", "Utkastrud", "Mønsterli", "Øvingsland", "Tenkeby", "Simulasen", "Forsøkstad",
    "Dummyvik", "Prototunet", "Attrappli", "Narrestad",
)
PLACES = ("Eksempelby", "Prøvedal", "Testvik", "Fiktivstad", "Modellnes", "Skissebø")

_SERVICES = (
    # role, service template, weight
    ("kontaktlærer", "{place} skole"),
    ("rådgiver", "PPT"),
    ("helsesykepleier", "Helsestasjonen i {place}"),
    ("saksbehandler", "Barneverntjenesten"),
    ("psykolog", "BUP"),
    ("fastlege", "{place} legesenter"),
    ("veileder", "NAV {place}"),
    ("fysioterapeut", "Habiliteringstjenesten"),
    ("miljøterapeut", "Avlastningen i {place}"),
    ("spesialpedagog", "{place} skole"),
)
_VOICES = (
    "{first} forteller at friminuttene er bedre nå, men at matte fortsatt er vanskelig.",
    "{first} sier at det er fint å ha en fast voksen å gå til.",
    "{first} liker gymtimene og vil gjerne begynne på fotball igjen.",
    "{first} synes det er slitsomt med mange beskjeder på en gang.",
    "{first} har fått en ny venn i klassen og gleder seg til turdagen.",
    "{first} vil helst ikke snakke om skolen i dag, men sier at leksene går greit.",
    "{first} forteller at det er vanskelig å sove om kvelden.",
    "{first} er fornøyd med at det har blitt roligere hjemme.",
)
_WORKED = (
    "Skolen: fast voksen i friminuttene har gitt roligere dager.",
    "PPT: kartleggingen er ferdig og rapporten er sendt foresatte.",
    "Foresatte: morgenrutinen med bildeplan fungerer godt.",
    "Helsestasjonen: faste samtaler annenhver uke er i gang.",
    "Avlastningen fungerer godt, og {first} trives der.",
    "Lesekurset har kommet i gang, og {first} leser mer hjemme.",
    "Samarbeidet mellom skole og hjem er tettere etter forrige møte.",
    "Kortere skoledager på fredager har gitt mer overskudd.",
)
_CHALLENGES = (
    "Lesing og matematikk går sakte. Behov for ny kartlegging hos PPT.",
    "Lange skoledager gjør {first} sliten om ettermiddagen.",
    "Overgangen til ungdomsskolen nærmer seg og må planlegges.",
    "Fravær fra skolen har økt den siste måneden.",
    "Konflikter i friminuttene, særlig på tirsdager.",
    "Søvnen er fortsatt urolig, og morgenene blir vanskelige.",
    "Målene i den individuelle planen bør oppdateres.",
    "Skyss til og fra skolen fungerer ikke som avtalt.",
)
_MEASURES = (
    "Kartlegge lese- og regneferdigheter",
    "Fast voksen i friminuttene",
    "Søvnkartlegging med søvndagbok",
    "Tilpasset leseopplegg to ganger i uken",
    "Kortere skoledag på fredager i en prøveperiode",
    "Samtale med helsesykepleier annenhver uke",
    "Bildeplan for morgenrutinen hjemme",
    "Oppdatere den individuelle planen",
    "Søke om avlastning to helger i måneden",
    "Plan for overgangen til ny skole",
    "Ukentlig kontaktbok mellom skole og hjem",
    "Henvisning til BUP for utredning",
    "Avklare skyss med kommunen",
    "Fysioterapi en gang i uken",
    "Sosial ferdighetstrening i liten gruppe",
    "Møte med NAV om støtteordninger",
)
_REVIEW_COMMENTS = {
    "done": ("Rapport er sendt foresatte.", "Fungerer godt.", "Avsluttet etter plan.", ""),
    "partly": ("Fungerer tre av fem dager.", "Startet, men sent.", "Må følges opp videre.", ""),
    "not_done": ("Ikke startet på grunn av sykdom.", "Venter på svar fra kommunen.",
                 "Ny start etter ferien.", "Manglet kapasitet i perioden."),
}
_THEMES = (
    "Resultat av kartleggingen", "Overgangen til ungdomsskolen", "Evaluering av tiltakene",
    "Oppdatering av individuell plan", "Skolehverdagen", "Søvn og helse", "Fritid og venner",
)
_AOB_ITEMS = ("Skyss til skolen", "Sommerferien", "Ny kontaktlærer fra høsten", "Bursdagsfeiring i klassen")
_PREVIOUS_COMMENTS = ("Godkjent.", "", "", "Godkjent med en rettelse: fysioterapeuten var til stede.")
_EVALUATION_TEXTS = {
    "composition": ("Riktige tjenester er med.", "Fastlegen bør inviteres oftere.",
                    "PPT bør være med når skolen er tema."),
    "atmosphere": ("God tone, og familien sier at de blir hørt.", "Møtene oppleves trygge.",
                   "Noe uro da mange nye deltakere kom samtidig."),
    "effectiveness": ("Møtene holder tiden.", "Saklisten er for lang; færre temaer per møte.",
                      "Tiltakene følges opp fra møte til møte."),
    "challenges": ("Vanskelig å finne møtetider som passer alle.", "Referatet kommer noe sent ut.", ""),
    "tasks": ("Gruppen arbeider etter den individuelle planen.", "Overgangen til ny skole er hovedoppgaven.",
              "Tiltakene er tydelige og har ansvarlige."),
    "responsibility": ("Koordinatoren kaller inn og skriver referat.", "Ansvaret for tiltakene er klart fordelt.",
                       "Foresatte ønsker tydeligere hvem som gjør hva."),
}
REVIEW_STATUSES = ("done",) * 7 + ("partly", "partly", "not_done")
GOALS = ("ja", "delvis", "nei", None)


# ----------------------------------------------------------------------- the plan
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


def _short(day: date) -> str:
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
    for role, service in rng.sample(_SERVICES, rng.randint(2, 4)):
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
                next_date, next_time = _short(days[index + 1]), starts[index + 1].strftime("%H.%M")
            else:
                next_date = _short(days[index + 1] - timedelta(days=7))
        elif rng.random() < 0.85:
            next_date = _short(_weekday(today + timedelta(days=rng.randint(7, 120))))
        else:
            next_date = ""
        aob_items = rng.choice(_AOB_ITEMS) if rng.random() < 0.3 else ""
        fields = {
            "referent": rng.choice(services).name,
            "aob_items": aob_items,
            "previous_comment": rng.choice(_PREVIOUS_COMMENTS) if index else "",
            "person_voice": rng.choice(_VOICES).format(first=first) if rng.random() < 0.85 else "",
            "worked": " ".join(rng.sample(_WORKED, rng.randint(1, 3))).format(first=first),
            "challenge": rng.choice(_CHALLENGES).format(first=first),
            "aob": f"{aob_items}: tas opp med skolen." if aob_items and rng.random() < 0.5 else "",
            "next_date": next_date,
            "next_time": next_time if next_date else "",
            "next_theme": rng.choice(_THEMES) if next_date else "",
            "next_invitees": "Faste deltakere" if next_date and rng.random() < 0.5 else "",
            "theme": rng.choice(_THEMES) if index else "Oppstart av ansvarsgruppen",
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
                measure_index, status, rng.choice(GOALS), rng.choice(_REVIEW_COMMENTS[status])
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
            measures.append(MeasurePlan(rng.choice(_MEASURES), rng.choice(responsibles), due_on, due_kind,
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
            "composition": rng.choice(_EVALUATION_TEXTS["composition"]),
            "atmosphere": rng.choice(_EVALUATION_TEXTS["atmosphere"]),
            "effectiveness": rng.choice(_EVALUATION_TEXTS["effectiveness"]),
            "challenges": rng.choice(_EVALUATION_TEXTS["challenges"]),
            "tasks": rng.choice(_EVALUATION_TEXTS["tasks"]),
            "responsibility": rng.choice(_EVALUATION_TEXTS["responsibility"]),
        }))


# ----------------------------------------------------------------------- the minutes
def _meeting_object(plan: MeetingPlan) -> Meeting:
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
            _measure(plan.measures[i]),
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
        measures=[_measure(plan.measures[i]) for i in meeting.measure_indexes],
        aob_items=fields["aob_items"],
        aob=fields["aob"],
        next_meeting=_meeting_object(meeting).next_meeting_start(),
        next_meeting_text=" ".join(p for p in (fields["next_date"], fields["next_time"]) if p.strip()),
        next_theme=fields["next_theme"],
        next_invitees=fields["next_invitees"],
        referent=fields["referent"],
        deadline_days=DEFAULT_DEADLINE_DAYS,
    )


def _measure(plan: MeasurePlan) -> Measure:
    return Measure(id=0, group_id=0, meeting_id=0, what=plan.what, responsible=plan.responsible,
                   due_on=plan.due_on, due_kind=plan.due_kind, position=plan.position)


# ----------------------------------------------------------------------- writing
def iter_plans(n: int, *, seed: int, today: date) -> Iterator[GroupPlan]:
    """N group plans; one random stream, so the same seed gives the same groups."""
    rng = random.Random(seed)
    for _ in range(n):
        yield plan_group(rng, today)


def _next_id(store: Store, table: str) -> int:
    return store.db.execute(f"select coalesce(max(id), 0) + 1 from {table}").fetchone()[0]


class _Rows:
    """Rows for each table, collected for one executemany per table."""

    def __init__(self, store: Store) -> None:
        self.ids = {t: _next_id(store, t) for t in ("groups", "members", "meetings", "measures", "measure_reviews",
                                                     "consents", "evaluations")}
        self.rows: dict[str, list[tuple]] = {t: [] for t in (*self.ids, "attendance")}

    def take(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] += 1
        return value

    def add_group(self, plan: GroupPlan) -> None:
        iso = lambda value: value.isoformat(timespec="seconds")  # noqa: E731
        minutes = lambda value: value.isoformat(timespec="minutes")  # noqa: E731
        group_id = self.take("groups")
        self.rows["groups"].append((group_id, plan.person_name, plan.birth_year, "standard", plan.coordinator_kind,
                                    int(plan.has_ip), 0, 1, iso(plan.created_at)))
        member_ids = []
        for position, m in enumerate(plan.members, start=1):
            member_ids.append(self.take("members"))
            self.rows["members"].append((member_ids[-1], group_id, m.name, m.role, m.service, "", m.kind, 1,
                                         int(m.is_coordinator), position))
        meeting_ids = [self.take("meetings") for _ in plan.meetings]
        measure_ids = [self.take("measures") for _ in plan.measures]
        for index, meeting in enumerate(plan.meetings):
            text = render_minute(minute_for(plan, index))
            f = meeting.fields
            finalized = meeting.ended_at + timedelta(minutes=5)
            self.rows["meetings"].append((
                meeting_ids[index], group_id, minutes(meeting.starts_at), "finalized", "summary", int(index == 0),
                f["theme"], "", iso(meeting.starts_at), minutes(meeting.ended_at), iso(finalized),
                f["referent"], f["aob_items"], f["previous_comment"], f["person_voice"], f["worked"],
                f["challenge"], f["aob"], f["next_date"], f["next_time"], f["next_theme"], f["next_invitees"],
                json.dumps(meeting.step_seconds), text, None, iso(finalized),
            ))
            for member_id, mark in zip(member_ids, meeting.attendance):
                self.rows["attendance"].append((meeting_ids[index], member_id, mark))
            for review in meeting.reviews:
                self.rows["measure_reviews"].append((self.take("measure_reviews"), measure_ids[review.measure_index],
                                                     meeting_ids[index], review.status, review.comment,
                                                     review.goal_reached))
        for i, m in enumerate(plan.measures):
            self.rows["measures"].append((
                measure_ids[i], group_id, meeting_ids[m.meeting_index], m.position, m.what, m.responsible,
                m.due_on.isoformat() if m.due_on else None, _short(m.due_on) if m.due_on else "", m.due_kind, "",
                "done" if m.closed_in is not None else "open",
                meeting_ids[m.closed_in] if m.closed_in is not None else None,
            ))
        for c in plan.consents:
            self.rows["consents"].append((
                self.take("consents"), group_id, c.given_on.isoformat(), c.given_by, 1,
                c.expires_on.isoformat() if c.expires_on else None,
                c.withdrawn_on.isoformat() if c.withdrawn_on else None, "", iso(plan.created_at),
            ))
        for e in plan.evaluations:
            f = e.fields
            self.rows["evaluations"].append((
                self.take("evaluations"), group_id, e.held_on.isoformat(), f["composition"], f["atmosphere"],
                f["effectiveness"], f["challenges"], f["tasks"], f["responsibility"],
                iso(datetime.combine(e.held_on, time(15, 0))),
            ))
        last = plan.meetings[-1]
        next_at = _meeting_object(last).next_meeting_start()
        if next_at is not None:
            self.rows["meetings"].append((
                self.take("meetings"), group_id, minutes(next_at), "planned", "opening", 0,
                last.fields["next_theme"], last.fields["next_invitees"], None, None,
                iso(last.ended_at + timedelta(minutes=5)), "", "", "", "", "", "", "", "", "", "", "",
                None, None, None, None,
            ))

    def flush(self, store: Store) -> None:
        sql = {
            "groups": "insert into groups (id, person_name, birth_year, profile_id, coordinator_kind, has_ip, "
                      "has_stafettlogg, is_demo, created_at) values (?,?,?,?,?,?,?,?,?)",
            "members": "insert into members (id, group_id, name, role, service, contact, kind, standing, "
                       "is_coordinator, position) values (?,?,?,?,?,?,?,?,?,?)",
            "meetings": "insert into meetings (id, group_id, starts_at, status, current_step, is_first, theme, "
                        "invitees, started_at, ended_at, updated_at, referent, aob_items, previous_comment, "
                        "person_voice, worked, challenge, aob, next_date, next_time, next_theme, next_invitees, "
                        "step_seconds, minute_md, minute_path, finalized_at) "
                        "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            "measures": "insert into measures (id, group_id, meeting_id, position, what, responsible, due_on, "
                        "due_text, due_kind, ip_goal, status, closed_in_meeting_id) values (?,?,?,?,?,?,?,?,?,?,?,?)",
            "attendance": "insert into attendance (meeting_id, member_id, status) values (?,?,?)",
            "measure_reviews": "insert into measure_reviews (id, measure_id, meeting_id, status, comment, "
                               "goal_reached) values (?,?,?,?,?,?)",
            "consents": "insert into consents (id, group_id, given_on, given_by, covers_all, expires_on, "
                        "withdrawn_on, note, created_at) values (?,?,?,?,?,?,?,?,?)",
            "evaluations": "insert into evaluations (id, group_id, held_on, composition, atmosphere, effectiveness, "
                           "challenges, tasks, responsibility, created_at) values (?,?,?,?,?,?,?,?,?,?)",
        }
        # Parents before children, for the foreign keys.
        for table in ("groups", "members", "meetings", "measures", "attendance", "measure_reviews", "consents",
                      "evaluations"):
            if self.rows[table]:
                store.conn.executemany(sql[table], self.rows[table])
                self.rows[table].clear()


@contextmanager
def _memoized_rendering() -> Iterator[None]:
    """Cache the pure text helpers `render_minute` calls: same output, a fraction of the time.

    Synthetic text comes from small pools, so the same cell is escaped thousands of
    times. The helpers are looked up on their modules at call time, so swapping in
    cached versions for the duration of a run changes nothing but the speed.
    """
    from moteleder import dates, markdown_text
    from moteleder.minute import render as minute

    originals = {
        (minute, "escape_inline"): minute.escape_inline,
        (markdown_text, "escape_inline"): markdown_text.escape_inline,
        (dates, "format_datetime"): dates.format_datetime,
        (dates, "format_date"): dates.format_date,
    }
    try:
        for (module, name), function in originals.items():
            setattr(module, name, lru_cache(maxsize=65536)(function))
        yield
    finally:
        for (module, name), function in originals.items():
            setattr(module, name, function)


def generate_groups(
    store: Store, n: int, *, seed: int, today: date | None = None, on_group: Callable[[], None] | None = None
) -> int:
    """Write N synthetic groups (demo, fictive names) with their history; returns how many were made.

    `on_group` is called after each group (the command line's progress bar)."""
    today = today or date.today()
    rows = _Rows(store)
    made = 0
    with store.transaction(), _memoized_rendering():
        for plan in iter_plans(n, seed=seed, today=today):
            rows.add_group(plan)
            made += 1
            if made % 200 == 0:
                rows.flush(store)
            if on_group is not None:
                on_group()
        rows.flush(store)
    return made
