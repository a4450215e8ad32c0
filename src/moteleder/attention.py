"""What needs attention between meetings, for every active group at once. No Textual.

`needs_attention(store, today)` answers with a handful of set-based queries (one per
kind of fact, never one per group), so the home screen and `moteleder oversikt` stay
fast with thousands of groups (2,000 groups with 16,000 meetings: see
`scripts/bench_between.py`). The rules come from each group's routine profile; the
reasons' words and ranks from `moteleder.attention_reasons`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from moteleder.attention_reasons import (
    IN_PROGRESS,
    NO_CONSENT,
    NO_NEXT_MEETING,
    RANK_IN_PROGRESS,
    Reason,
    Reasons,
)
from moteleder.consent import EXPIRY_NOTICE_DAYS
from moteleder.profiles.rules import evaluation_due

if TYPE_CHECKING:
    from moteleder.profiles import Profile, ProfileSet
    from moteleder.store import Store


@dataclass(slots=True)
class GroupStatus:
    """One active group between meetings: the facts the overview shows, and what needs attention."""

    group_id: int
    person_name: str
    is_demo: bool = False
    profile_id: str = "standard"
    coordinator_kind: str = "koordinator"
    coordinator_name: str = ""
    member_count: int = 0
    last_meeting: date | None = None
    next_meeting: datetime | None = None
    open_measures: int = 0
    overdue_measures: int = 0
    meeting_in_progress: bool = False
    reasons: list[Reason] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return any(r.rank < RANK_IN_PROGRESS for r in self.reasons)

    @property
    def reason_text(self) -> str:
        """All reasons on one line, the most urgent first."""
        return " · ".join(r.text for r in self.reasons)

    def sort_key(self) -> tuple:
        top = min((r.rank for r in self.reasons), default=99)
        return (top, -len(self.reasons), self.person_name.casefold(), self.group_id)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


# The groups, each with its latest finalized meeting, how many were held the past year, and
# the first meeting when it was held before the group was registered: a few index seeks per
# group in the covering index meetings(status, group_id, starts_at desc), which reads less
# than aggregating all finalized meetings at once, and never the wide meeting rows.
_GROUPS = """
select g.id, g.person_name, g.is_demo, g.profile_id, g.coordinator_kind,
    coalesce(nullif(substr(g.created_at, 1, 10), ''), :today),
    (select min(m.starts_at) from meetings m where m.group_id = g.id
        and m.starts_at < coalesce(nullif(substr(g.created_at, 1, 10), ''), :today)),
    (select max(m.starts_at) from meetings m where m.status = 'finalized' and m.group_id = g.id),
    (select count(*) from meetings m where m.status = 'finalized' and m.group_id = g.id
        and m.starts_at >= :year_ago)
from groups g where g.closed_on is null {only}
"""
# Every other kind of fact, aggregated for all groups at once.
_EARLIEST = (
    "select group_id, min(starts_at) from meetings where status = '{status}' {scope} group by group_id"
)
# Open measures agreed in finalized meetings: all open measures, counted from the covering
# index, less those of the few unfinished meetings (read from those meetings' side; the
# unary + keeps SQLite from starting at the thousands of open measures instead).
_MEASURES = (
    "select group_id, count(*), count(*) filter (where due_on < :today) from measures "
    "where status = 'open' {scope} group by group_id"
)
_UNFINISHED_MEASURES = (
    "select ms.group_id, count(*), count(*) filter (where ms.due_on < :today) "
    "from meetings m cross join measures ms on ms.meeting_id = m.id "
    "where m.status in ('planned', 'active') and +ms.status = 'open' {scope} group by ms.group_id"
)
_MEMBERS = (
    "select group_id, sum(standing), max(case when is_coordinator then name end) from members "
    "where removed_at is null {scope} group by group_id"
)
# The consents as given; `_consent_facts` sums them up per group (faster in Python than in SQL).
_CONSENTS = "select group_id, given_on, expires_on, withdrawn_on from consents where 1 {scope}"
_EVALUATIONS = "select group_id, max(held_on) from evaluations where 1 {scope} group by group_id"
_NOTHING = (None, None, None)  # a group without rows of one kind: (group_id, fact, fact)


def needs_attention(
    store: Store, today: date, *, profiles: ProfileSet | None = None, group_id: int | None = None,
    with_members: bool = True,
) -> list[GroupStatus]:
    """Every active (not closed) group with its status, those needing attention first.

    `with_members=False` leaves out the member count and the coordinator's name (zero and
    empty), which the home screen does not show: a sixth of the reading saved.
    """
    from moteleder.profiles import get_profile, load_profiles

    profiles = profiles if profiles is not None else load_profiles()
    scope = "and group_id = :group_id" if group_id is not None else ""
    params = {
        "today": today.isoformat(),
        "year_ago": (today - timedelta(days=365)).isoformat(),
        "group_id": group_id,
    }
    db = store.conn
    groups = db.execute(
        _GROUPS.format(only="and g.id = :group_id" if scope else ""), params
    ).fetchall()
    if not groups:
        return []
    planned_at = dict(db.execute(_EARLIEST.format(status="planned", scope=scope), params))
    active_at = dict(db.execute(_EARLIEST.format(status="active", scope=scope), params))
    measures = {row[0]: row for row in db.execute(_MEASURES.format(scope=scope), params)}
    for gid, unfinished, unfinished_overdue in db.execute(
        _UNFINISHED_MEASURES.format(scope=scope.replace("group_id", "m.group_id", 1)), params
    ):
        _, total, overdue = measures[gid]
        measures[gid] = (gid, total - unfinished, overdue - unfinished_overdue)
    members = {row[0]: row for row in db.execute(_MEMBERS.format(scope=scope), params)} if with_members else {}
    consents = _consent_facts(db.execute(_CONSENTS.format(scope=scope), params), params["today"])
    evaluations = dict(db.execute(_EVALUATIONS.format(scope=scope), params))

    today_iso, year_ago = params["today"], params["year_ago"]
    said = Reasons()
    rules: dict[str, _Rules] = {}
    ranked = []
    for gid, name, demo, profile_id, kind, started, earlier_meeting, last, recent in groups:
        profile_id = profile_id or "standard"
        rule = rules.get(profile_id)
        if rule is None:
            rule = rules[profile_id] = _Rules(get_profile(profile_id, profiles), today)
        planned = planned_at.get(gid)
        active = active_at.get(gid)
        _, open_measures, overdue = measures.get(gid, _NOTHING)
        _, member_count, coordinator = members.get(gid, _NOTHING)
        next_meeting = datetime.fromisoformat(planned) if planned else None
        # The reasons are added most urgent first (the RANK_ order), so they need no sorting.
        reasons: list[Reason] = []
        minute_late = False
        if active is not None and rule.deadline_days is not None:
            active_since = date.fromisoformat(active[:10])
            deadline = active_since + timedelta(days=rule.deadline_days)
            if deadline < today:
                minute_late = True
                reasons.append(said.minute(active_since, deadline))
        if overdue:
            reasons.append(said.measures(overdue))
        group_start = (
            earlier_meeting[:10] if earlier_meeting else started
        )  # ISO dates compare as text
        last_evaluation = evaluations.get(gid)
        since = last_evaluation or group_start
        if rule.evaluation_cutoff is not None and since <= rule.evaluation_cutoff:
            due = rule.evaluation_due(since, last_evaluation, group_start, today)
            if due is not None:
                reasons.append(said.evaluation(due))
        consent = consents.get(gid)
        if consent is None:
            if rule.consent_required:
                reasons.append(NO_CONSENT)
        else:
            valid, latest_expiry, latest_end = consent
            if not valid:
                reasons.append(said.consent_ended(latest_end))
            elif (
                latest_expiry
                and latest_expiry != "9999-12-31"
                and latest_expiry <= rule.expiry_notice
            ):
                reasons.append(said.consent_expires(latest_expiry))
        recent = recent or 0
        # A new group is not behind before it has existed a year.
        if rule.minimum is not None and recent < rule.minimum and group_start <= year_ago:
            reasons.append(said.meetings(recent, rule.minimum))
        if next_meeting is None:
            if active is None:
                reasons.append(NO_NEXT_MEETING)
        elif planned[:10] < today_iso:
            reasons.append(said.not_held(next_meeting.date()))
        if active is not None and not minute_late:
            reasons.append(IN_PROGRESS)
        status = GroupStatus(
            gid, name, bool(demo), profile_id, kind or "koordinator", coordinator or "",
            member_count or 0, date.fromisoformat(last[:10]) if last else None, next_meeting,
            open_measures or 0, overdue or 0, active is not None, reasons,
        )  # fmt: skip
        ranked.append(
            (reasons[0].rank if reasons else 99, -len(reasons), name.casefold(), gid, status)
        )
    ranked.sort()  # GroupStatus.sort_key's order; group ids are unique, so statuses are never compared
    return [entry[-1] for entry in ranked]


def home_row(status: GroupStatus) -> tuple[str, str, str, str]:
    """One group's line on the home screen: person, next meeting, open measures, what needs attention."""
    nxt = status.next_meeting
    return (
        status.person_name + (" (demo)" if status.is_demo else ""),
        f"{nxt.day:02d}.{nxt.month:02d}.{nxt.year}" if nxt else "Ikke satt",
        str(status.open_measures),
        status.reason_text,
    )


def home_lines(
    store: Store, today: date, *, profiles: ProfileSet | None = None
) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """The home screen's list: each group's key and line, those needing attention first."""
    statuses = needs_attention(store, today, profiles=profiles, with_members=False)
    return [str(s.group_id) for s in statuses], [home_row(s) for s in statuses]


def group_status(
    store: Store, group_id: int, today: date, *, profiles: ProfileSet | None = None
) -> GroupStatus | None:
    """The status of one group (None when it is closed or unknown)."""
    found = needs_attention(store, today, profiles=profiles, group_id=group_id)
    return found[0] if found else None


def _consent_facts(rows, today: str) -> dict[int, list]:
    """Per group: how many consents are valid today, the latest expiry of those in force
    ("9999-12-31": none), and the latest day one ended (withdrawn or expired)."""
    facts: dict[int, list] = {}
    for group_id, given_on, expires_on, withdrawn_on in rows:  # ISO dates compare as text
        in_force = given_on <= today and (withdrawn_on is None or withdrawn_on > today)
        valid = in_force and (expires_on is None or expires_on >= today)
        expiry = (expires_on or "9999-12-31") if in_force else None
        ended = withdrawn_on if withdrawn_on is not None else expires_on
        seen = facts.get(group_id)
        if seen is None:
            facts[group_id] = [int(valid), expiry, ended]
            continue
        seen[0] += valid
        if expiry is not None and (seen[1] is None or expiry > seen[1]):
            seen[1] = expiry
        if ended is not None and (seen[2] is None or ended > seen[2]):
            seen[2] = ended
    return facts


class _Rules:
    """One routine profile's rules, prepared once per run instead of once per group."""

    __slots__ = (
        "_due",
        "consent_required",
        "deadline_days",
        "evaluation_cutoff",
        "expiry_notice",
        "minimum",
        "profile",
    )  # fmt: skip

    def __init__(self, profile: Profile, today: date) -> None:
        self.profile = profile
        self.deadline_days = profile.minute_deadline_days
        self.minimum = profile.min_meetings_per_year
        self.consent_required = profile.consent_required
        self.expiry_notice = (today + timedelta(days=EXPIRY_NOTICE_DAYS)).isoformat()
        self.evaluation_cutoff = evaluation_cutoff(profile, today)
        self._due: dict[str, date | None] = {}

    def evaluation_due(
        self, since: str, last_evaluation: str | None, group_start: str, today: date
    ) -> date | None:
        """`rules.evaluation_due`, asked once per start of the period (ISO `since`)."""
        if since not in self._due:
            self._due[since] = evaluation_due(
                self.profile, _day(last_evaluation), date.fromisoformat(group_start), today
            )
        return self._due[since]


def evaluation_cutoff(profile: Profile, today: date) -> str | None:
    """The latest day (ISO) an evaluation period may start and be due by today; None: never due.

    `rules.evaluation_due` depends only on the day the period starts (the last evaluation, or
    the group's start), and a later start never falls due earlier. So one search per profile
    spares asking the rule for every group that is not due; those that are, are still asked.
    """
    months = profile.evaluation_interval_months
    if months is None:
        return None
    early = today - timedelta(days=31 * max(months, 0) + 1)
    late = today + timedelta(days=1)
    if (
        evaluation_due(profile, None, early, today) is None
        or evaluation_due(profile, None, late, today) is not None
    ):
        return "9999-12-31"  # a rule of another shape: ask it for every group
    low, high = (
        early.toordinal(),
        late.toordinal(),
    )  # due when the period starts at low, not at high
    while high - low > 1:
        middle = (low + high) // 2
        if evaluation_due(profile, None, date.fromordinal(middle), today) is None:
            high = middle
        else:
            low = middle
    return date.fromordinal(low).isoformat()
