"""What needs attention between meetings, for every active group at once. No Textual.

`needs_attention(store, today)` answers with a handful of set-based queries (one per
kind of fact, never one per group), so the home screen and `moteleder oversikt` stay
fast with thousands of groups. The rules come from each group's routine profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from moteleder.consent import EXPIRY_NOTICE_DAYS
from moteleder.profiles.rules import evaluation_due

if TYPE_CHECKING:
    from moteleder.profiles import Profile, ProfileSet
    from moteleder.storage import Store

# What is most urgent first; the numbers order the reasons and the groups.
RANK_MINUTE = 1
RANK_MEASURES = 2
RANK_EVALUATION = 3
RANK_CONSENT = 4
RANK_MEETINGS = 5
RANK_NEXT_MEETING = 6
RANK_IN_PROGRESS = 8


@dataclass(slots=True)
class Reason:
    """One thing to see to, in plain Norwegian."""

    kind: str  # minute | measures | evaluation | consent | meetings | next_meeting | in_progress
    text: str
    rank: int


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


def _short(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"  # strftime is slow enough to matter here


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def needs_attention(
    store: Store, today: date, *, profiles: ProfileSet | None = None, group_id: int | None = None
) -> list[GroupStatus]:
    """Every active (not closed) group with its status, those needing attention first."""
    from moteleder.profiles import get_profile, load_profiles

    profiles = profiles if profiles is not None else load_profiles()
    only = "and g.id = :group_id" if group_id is not None else ""
    params = {
        "today": today.isoformat(),
        "year_ago": (today - timedelta(days=365)).isoformat(),
        "group_id": group_id,
    }
    db = store.db
    statuses: dict[int, GroupStatus] = {}
    started: dict[int, date] = {}
    for gid, name, demo, profile_id, kind, created in db.execute(
        f"select g.id, g.person_name, g.is_demo, g.profile_id, g.coordinator_kind, g.created_at "
        f"from groups g where g.closed_on is null {only}",
        params,
    ):
        statuses[gid] = GroupStatus(gid, name, bool(demo), profile_id or "standard", kind or "koordinator")
        started[gid] = _day(created) or today
    if not statuses:
        return []
    scope = only.replace("g.id", "group_id")

    for gid, count, coordinator in db.execute(
        "select group_id, sum(standing), max(case when is_coordinator then name end) "
        f"from members where removed_at is null {scope} group by group_id",
        params,
    ):
        if gid in statuses:
            statuses[gid].member_count = count or 0
            statuses[gid].coordinator_name = coordinator or ""

    # One pass over the covering index meetings(group_id, status, starts_at): the wide
    # meeting rows (minutes, notes) are never read.
    meeting_facts: dict[int, tuple] = {}
    for row in db.execute(
        "select group_id, "
        "max(case when status = 'finalized' then starts_at end), "
        "min(case when status = 'planned' then starts_at end), "
        "sum(status = 'finalized' and starts_at >= :year_ago), "
        "min(case when status = 'active' then starts_at end), "
        "min(starts_at) "
        f"from meetings where 1 {scope} group by group_id",
        params,
    ):
        meeting_facts[row[0]] = row[1:]

    # Open measures agreed in finalized meetings; the few unfinished meetings are left out as a set.
    for gid, open_count, overdue in db.execute(
        "select group_id, count(*), sum(due_on < :today) from measures "
        f"where status = 'open' {scope} "
        "and meeting_id not in (select id from meetings where status in ('planned', 'active')) "
        "group by group_id",
        params,
    ):
        if gid in statuses:  # a closed group's measures are nobody's worry on the home screen
            statuses[gid].open_measures = open_count
            statuses[gid].overdue_measures = overdue or 0

    # The consent in force with the latest expiry (None = no expiry), and whether any was ever given.
    consent_facts: dict[int, tuple[int, int, str | None]] = {}
    for gid, total, valid, latest_expiry, latest_end in db.execute(
        f"select c.group_id, count(*), "
        f"sum(c.given_on <= :today and (c.expires_on is null or c.expires_on >= :today) "
        f"    and (c.withdrawn_on is null or c.withdrawn_on > :today)), "
        f"max(case when c.given_on <= :today and (c.withdrawn_on is null or c.withdrawn_on > :today) "
        f"    then coalesce(c.expires_on, '9999-12-31') end), "
        f"max(coalesce(c.withdrawn_on, c.expires_on)) "
        f"from consents c join groups g on g.id = c.group_id where g.closed_on is null {only} "
        f"group by c.group_id",
        params,
    ):
        consent_facts[gid] = (total, valid or 0, latest_expiry, latest_end)

    evaluations: dict[int, date] = {
        gid: date.fromisoformat(held)
        for gid, held in db.execute(
            f"select e.group_id, max(e.held_on) from evaluations e join groups g on g.id = e.group_id "
            f"where g.closed_on is null {only} group by e.group_id",
            params,
        )
    }

    cache: dict[str, Profile] = {}
    for gid, status in statuses.items():
        profile = cache.get(status.profile_id)
        if profile is None:
            profile = cache[status.profile_id] = get_profile(status.profile_id, profiles)
        last, planned, recent, active_since, first_meeting = meeting_facts.get(gid, (None, None, 0, None, None))
        status.last_meeting = _day(last)
        status.next_meeting = datetime.fromisoformat(planned) if planned else None
        status.meeting_in_progress = active_since is not None
        first = _day(first_meeting)
        group_start = first if first is not None and first < started[gid] else started[gid]
        status.reasons = _reasons(
            profile, status, today,
            active_since=_day(active_since),
            recent=recent or 0,
            group_start=group_start,
            consent=consent_facts.get(gid),
            last_evaluation=evaluations.get(gid),
        )  # fmt: skip
    return sorted(statuses.values(), key=GroupStatus.sort_key)


def group_status(store: Store, group_id: int, today: date) -> GroupStatus | None:
    """The status of one group (None when it is closed or unknown)."""
    found = needs_attention(store, today, group_id=group_id)
    return found[0] if found else None


def _reasons(
    profile: Profile,
    status: GroupStatus,
    today: date,
    *,
    active_since: date | None,
    recent: int,
    group_start: date,
    consent: tuple | None,
    last_evaluation: date | None,
) -> list[Reason]:
    reasons: list[Reason] = []
    if active_since is not None:
        deadline = (
            active_since + timedelta(days=profile.minute_deadline_days)
            if profile.minute_deadline_days is not None
            else None
        )
        if deadline is not None and deadline < today:
            reasons.append(Reason(
                "minute",
                f"Referatet fra {_short(active_since)} er ikke ferdigstilt (frist {_short(deadline)})",
                RANK_MINUTE,
            ))  # fmt: skip
        else:
            reasons.append(Reason("in_progress", "Møte pågår, referatet er ikke ferdigstilt", RANK_IN_PROGRESS))
    if status.overdue_measures:
        n = status.overdue_measures
        reasons.append(Reason(
            "measures",
            f"{n} tiltak har passert frist eller evalueringstid" if n > 1
            else "Ett tiltak har passert frist eller evalueringstid",
            RANK_MEASURES,
        ))  # fmt: skip
    due = evaluation_due(profile, last_evaluation, group_start, today)
    if due is not None:
        reasons.append(Reason("evaluation", f"Evalueringen av gruppen skulle vært gjort {_short(due)}",
                              RANK_EVALUATION))
    reasons.extend(_consent_reasons(profile, today, consent))
    minimum = profile.min_meetings_per_year
    # A new group is not behind before it has existed a year.
    if minimum is not None and recent < minimum and group_start <= today - timedelta(days=365):
        had = "Ingen møter" if recent == 0 else ("Ett møte" if recent == 1 else f"{recent} møter")
        reasons.append(Reason("meetings", f"{had} siste tolv måneder (minst {minimum} i året)", RANK_MEETINGS))
    if status.next_meeting is None:
        if active_since is None:
            reasons.append(Reason("next_meeting", "Neste møte er ikke satt", RANK_NEXT_MEETING))
    elif status.next_meeting.date() < today:
        reasons.append(Reason(
            "next_meeting", f"Det planlagte møtet {_short(status.next_meeting.date())} er ikke holdt",
            RANK_NEXT_MEETING,
        ))  # fmt: skip
    return sorted(reasons, key=lambda r: r.rank)


def _consent_reasons(profile: Profile, today: date, consent: tuple | None) -> list[Reason]:
    if consent is None:
        if profile.consent_required:
            return [Reason("consent", "Samtykke er ikke registrert", RANK_CONSENT)]
        return []
    _total, valid, latest_expiry, latest_end = consent
    if not valid:
        ended = f" ({_short(date.fromisoformat(latest_end))})" if latest_end else ""
        return [Reason("consent", f"Samtykket er utløpt eller trukket tilbake{ended}", RANK_CONSENT)]
    if latest_expiry and latest_expiry != "9999-12-31":
        expiry = date.fromisoformat(latest_expiry)
        if expiry <= today + timedelta(days=EXPIRY_NOTICE_DAYS):
            return [Reason("consent", f"Samtykket utløper {_short(expiry)}", RANK_CONSENT)]
    return []
