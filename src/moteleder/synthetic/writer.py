"""Writing the planned groups: rows for each table, one `executemany` per table, one transaction.

The search index is built as the rows go in, the way the app's writes build it: the
store's triggers mark every new meeting and measure, and after each flush
`index_changed` (the function every store commit calls) stems and indexes them, so
memory holds at most one flush's documents."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from moteleder.minute import render_minute
from moteleder.store import Store
from moteleder.store.search_index import index_changed
from moteleder.synthetic.minutes import meeting_object, minute_for
from moteleder.synthetic.plan import GroupPlan, plan_group, short_date


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
                m.due_on.isoformat() if m.due_on else None, short_date(m.due_on) if m.due_on else "", m.due_kind, "",
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
        next_at = meeting_object(last).next_meeting_start()
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
        index_changed(store.conn)  # what these rows added to the search, before the next flush


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
