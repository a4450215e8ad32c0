"""Synthetic scale data: fictive, reproducible, and exactly what the app itself would have written."""

from __future__ import annotations

import random
from datetime import date, timedelta

from moteleder.cli import main
from moteleder.meeting import begin_meeting
from moteleder.minute import build_minute, render_minute
from moteleder.store import Store
from moteleder.synthetic import SURNAMES, generate_groups, plan_group

TODAY = date(2026, 11, 24)
TABLES = ("groups", "members", "meetings", "attendance", "measures", "measure_reviews", "consents", "evaluations")


def _dump(store: Store) -> dict[str, list[tuple]]:
    return {t: store.db.execute(f"select * from {t} order by rowid").fetchall() for t in TABLES}


def test_same_seed_gives_the_same_data_and_another_seed_other_data():
    stores = [Store.memory() for _ in range(3)]
    for store, seed in zip(stores, (7, 7, 8)):
        assert generate_groups(store, 5, seed=seed, today=TODAY) == 5
    assert _dump(stores[0]) == _dump(stores[1])
    assert _dump(stores[0])["groups"] != _dump(stores[2])["groups"]


def test_groups_are_fictive_demo_groups_with_four_years_of_history():
    store = Store.memory()
    generate_groups(store, 40, seed=3, today=TODAY)
    groups = store.groups()
    assert len(groups) == 40
    assert all(g.is_demo for g in groups)
    assert all(g.person_name.split()[-1].split("-")[0] in SURNAMES for g in groups)
    planned = 0
    for group in groups:
        meetings = store.meetings(group.id)
        finalized = [m for m in meetings if m.is_finalized]
        assert 6 <= len(finalized) <= 10
        assert all(m.minute_md and m.starts_at.date() < TODAY for m in finalized)
        assert min(m.starts_at.date() for m in finalized) >= TODAY - timedelta(days=4 * 366)
        assert all(store.attendance(m.id) for m in finalized)
        planned += store.planned_meeting(group.id) is not None
    assert planned >= 30  # most groups have a next meeting planned
    overdue = store.db.execute(
        "select count(*) from measures where status = 'open' and due_on < ?", [TODAY.isoformat()]
    ).fetchone()[0]
    assert overdue > 0
    statuses = {row[0] for row in store.db.execute("select status from measure_reviews")}
    assert statuses == {"done", "partly", "not_done"}


def test_most_groups_have_valid_consent_and_evaluations_and_only_some_need_attention():
    """Like a municipality's real list: consent given and renewed, yearly evaluations held, and
    a minority of groups with something to see to, so the attention list means something."""
    from moteleder.attention import needs_attention
    store = Store.memory()
    generate_groups(store, 200, seed=4, today=TODAY)
    statuses = needs_attention(store, TODAY)
    assert len(statuses) == 200
    kinds = [{r.kind for r in s.reasons} for s in statuses]
    with_valid_consent = sum(
        any(c.valid_on(TODAY) for c in store.consents(s.group_id)) for s in statuses
    )
    assert with_valid_consent >= 150
    assert 0 < sum("consent" in k for k in kinds) <= 70
    evaluated = store.db.execute("select count(distinct group_id) from evaluations").fetchone()[0]
    assert evaluated >= 180
    assert 0 < sum("evaluation" in k for k in kinds) <= 80
    assert 0 < sum("measures" in k for k in kinds) < 160
    assert sum(not s.needs_attention for s in statuses) >= 20


def _write_through_the_app_path(store: Store, plan) -> None:
    """The same group written the slow way: Store methods and build_minute at each finalize."""
    group_id = store.create_group(plan.person_name, birth_year=plan.birth_year, is_demo=True)
    member_ids = [
        store.add_member(group_id, m.name, role=m.role, service=m.service, kind=m.kind,
                         is_coordinator=m.is_coordinator)
        for m in plan.members
    ]
    measure_ids: dict[int, int] = {}
    for index, meeting in enumerate(plan.meetings):
        meeting_id = begin_meeting(store, group_id, now=meeting.starts_at)
        for member_id, mark in zip(member_ids, meeting.attendance):
            store.set_attendance(meeting_id, member_id, mark)
        store.save_meeting_fields(meeting_id, dict(meeting.fields))
        for review in meeting.reviews:
            store.set_review(measure_ids[review.measure_index], meeting_id, status=review.status,
                             comment=review.comment, goal_reached=review.goal_reached)
        for i in meeting.measure_indexes:
            m = plan.measures[i]
            measure_ids[i] = store.add_measure(group_id, meeting_id, m.what, responsible=m.responsible,
                                               due_on=m.due_on, due_kind=m.due_kind)
        store.db["meetings"].update(meeting_id, {"ended_at": meeting.ended_at.isoformat(timespec="minutes")})
        store.finalize_meeting(meeting_id, render_minute(build_minute(store, meeting_id)), minute_path=None)


def test_minutes_are_exactly_what_finalizing_in_the_app_would_have_written():
    fast, slow = Store.memory(), Store.memory()
    generate_groups(fast, 6, seed=11, today=TODAY)
    rng = random.Random(11)
    for _ in range(6):
        _write_through_the_app_path(slow, plan_group(rng, TODAY))
    sql = "select minute_md from meetings where status = 'finalized' order by group_id, starts_at"
    fast_minutes = [r[0] for r in fast.db.execute(sql)]
    assert fast_minutes == [r[0] for r in slow.db.execute(sql)]
    assert len(fast_minutes) > 30
    planned = "select group_id, starts_at, theme from meetings where status = 'planned' order by group_id"
    assert fast.db.execute(planned).fetchall() == slow.db.execute(planned).fetchall()
    open_measures = "select group_id, what, due_on, status from measures order by group_id, id"
    assert fast.db.execute(open_measures).fetchall() == slow.db.execute(open_measures).fetchall()


def test_demo_command_makes_n_groups(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["demo", "--grupper", "3", "--seed", "2", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Laget 3 syntetiske ansvarsgrupper" in out
    store = Store.open(db)
    assert store.count_groups() == 3
    store.close()


def test_group_overview_gives_the_home_screen_the_same_figures_as_the_per_group_queries():
    store = Store.memory()
    generate_groups(store, 30, seed=5, today=TODAY)
    begin_meeting(store, store.groups()[3].id)
    overview = store.group_overview(today=TODAY)
    active = {m.group_id for m in store.active_meetings()}
    assert [o.group.id for o in overview] == [g.id for g in store.groups()]
    for line in overview:
        planned = store.planned_meeting(line.group.id)
        measures = store.open_measures(line.group.id)
        assert line.next_meeting == (planned.starts_at if planned else None)
        assert line.open_measures == len(measures)
        assert line.overdue_measures == sum(1 for m in measures if m.due_on and m.due_on < TODAY)
        assert line.meeting_in_progress == (line.group.id in active)
