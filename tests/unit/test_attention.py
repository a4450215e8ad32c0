"""What needs attention: each rule, and the order of the groups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from moteleder.attention import needs_attention

TODAY = date(2026, 6, 15)


def _at(day: date, hour: int = 14) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0)


def _finalized(store, group_id, day: date) -> int:
    meeting_id = store.create_meeting(group_id, _at(day))
    store.finalize_meeting(meeting_id, "# Referat", minute_path=None)
    return meeting_id


def _healthy(store, name: str) -> int:
    """A group with nothing to see to: two recent meetings, a next one, consent, an evaluation."""
    group_id = store.create_group(name)
    store.db["groups"].update(group_id, {"created_at": "2024-01-01T10:00:00"})
    _finalized(store, group_id, TODAY - timedelta(days=150))
    _finalized(store, group_id, TODAY - timedelta(days=30))
    store.create_meeting(group_id, _at(TODAY + timedelta(days=60)))
    store.add_consent(group_id, date(2024, 1, 1), "parents", covers_all=True)
    store.db["evaluations"].insert({"group_id": group_id, "held_on": (TODAY - timedelta(days=100)).isoformat()})
    return group_id


def _by_id(statuses):
    return {s.group_id: s for s in statuses}


def test_a_healthy_group_needs_nothing(store):
    group_id = _healthy(store, "Alfa")
    [status] = needs_attention(store, TODAY)
    assert status.group_id == group_id and status.reasons == []
    assert status.last_meeting == TODAY - timedelta(days=30)
    assert status.next_meeting == _at(TODAY + timedelta(days=60))


def test_each_rule_gives_a_plain_norwegian_reason(store):
    late_minute = _healthy(store, "Bravo")
    meeting_id = store.create_meeting(late_minute, _at(TODAY - timedelta(days=20)))
    store.start_meeting(meeting_id)

    overdue = _healthy(store, "Charlie")
    agreed = store.meetings(overdue)[1].id  # the last finalized meeting
    store.add_measure(overdue, agreed, "Lesekurs", due_on=TODAY - timedelta(days=1))
    store.add_measure(overdue, agreed, "Søvnkartlegging", due_on=TODAY + timedelta(days=10))

    no_next = _healthy(store, "Delta")
    store.db.execute("delete from meetings where group_id = ? and status = 'planned'", [no_next])

    few = _healthy(store, "Echo")
    store.db.execute(
        "delete from meetings where group_id = ? and status = 'finalized' and starts_at < ?",
        [few, (TODAY - timedelta(days=100)).isoformat()],
    )

    evaluation = _healthy(store, "Foxtrot")
    store.db.execute("delete from evaluations where group_id = ?", [evaluation])

    consent = _healthy(store, "Golf")
    store.db.execute("delete from consents where group_id = ?", [consent])
    store.add_consent(consent, date(2025, 7, 1), "parents", covers_all=True, expires_on=TODAY + timedelta(days=20))

    statuses = _by_id(needs_attention(store, TODAY))
    assert statuses[late_minute].reason_text == (
        f"Referatet fra {TODAY - timedelta(days=20):%d.%m.%Y} er ikke ferdigstilt "
        f"(frist {TODAY - timedelta(days=6):%d.%m.%Y})"
    )
    assert statuses[overdue].reason_text == "Ett tiltak har passert frist eller evalueringstid"
    assert statuses[overdue].open_measures == 2 and statuses[overdue].overdue_measures == 1
    assert statuses[no_next].reason_text == "Neste møte er ikke satt"
    assert statuses[few].reason_text == "Ett møte siste tolv måneder (minst 2 i året)"
    assert statuses[evaluation].reason_text.startswith("Evalueringen av gruppen skulle vært gjort")
    assert statuses[consent].reason_text == f"Samtykket utløper {TODAY + timedelta(days=20):%d.%m.%Y}"


def test_most_urgent_first_and_closed_groups_left_out(store):
    calm = _healthy(store, "Anna")
    late = _healthy(store, "Åse")
    store.start_meeting(store.create_meeting(late, _at(TODAY - timedelta(days=40))))
    no_next = _healthy(store, "Berit")
    store.db.execute("delete from meetings where group_id = ? and status = 'planned'", [no_next])
    closed = _healthy(store, "Cecilie")
    store.db.execute("delete from meetings where group_id = ? and status = 'planned'", [closed])
    store.close_group(closed, TODAY, "Ikke lenger behov")
    order = [s.group_id for s in needs_attention(store, TODAY)]
    assert order == [late, no_next, calm]


def test_a_new_group_is_not_behind_on_meetings(store):
    group_id = store.create_group("Ny")
    store.db["groups"].update(group_id, {"created_at": (TODAY - timedelta(days=30)).isoformat()})
    [status] = needs_attention(store, TODAY)
    kinds = {r.kind for r in status.reasons}
    assert "meetings" not in kinds and "evaluation" not in kinds
    assert "next_meeting" in kinds and "consent" in kinds


def test_several_consents_are_summed_up_per_group(store):
    renewed = _healthy(store, "Hotel")  # withdrawn, then given again: in order
    [first] = store.db.execute("select id from consents where group_id = ?", [renewed]).fetchone()
    store.withdraw_consent(first, TODAY - timedelta(days=40))
    store.add_consent(renewed, TODAY - timedelta(days=10), "parents", covers_all=True)

    ended = _healthy(store, "India")  # two that have ended: the latest end is named
    store.db.execute("delete from consents where group_id = ?", [ended])
    expired = TODAY - timedelta(days=90)
    store.add_consent(ended, date(2024, 1, 1), "parents", covers_all=True, expires_on=expired)
    withdrawn = store.add_consent(ended, date(2025, 1, 1), "parents", covers_all=True)
    store.withdraw_consent(withdrawn, TODAY - timedelta(days=5))

    lasting = _healthy(store, "Juliett")  # one soon expiring beside one without expiry: in order
    soon = TODAY + timedelta(days=5)
    store.add_consent(lasting, date(2025, 7, 1), "parents", covers_all=True, expires_on=soon)

    statuses = _by_id(needs_attention(store, TODAY))
    assert statuses[renewed].reasons == []
    assert statuses[ended].reason_text == (
        f"Samtykket er utløpt eller trukket tilbake ({TODAY - timedelta(days=5):%d.%m.%Y})"
    )
    assert statuses[lasting].reasons == []


def test_one_group_has_the_same_status_as_in_the_list(store):
    from moteleder.attention import group_status

    calm = _healthy(store, "Kilo")
    late = _healthy(store, "Lima")
    store.start_meeting(store.create_meeting(late, _at(TODAY - timedelta(days=40))))
    listed = _by_id(needs_attention(store, TODAY))
    for group_id in (calm, late):
        alone = group_status(store, group_id, TODAY)
        assert alone == listed[group_id]


def test_the_evaluation_cutoff_agrees_with_the_rule_for_every_start():
    """`needs_attention` asks `evaluation_due` only for periods that start on or before the cutoff."""
    from moteleder.attention import evaluation_cutoff
    from moteleder.profiles import load_profiles
    from moteleder.profiles.rules import evaluation_due

    for profile in load_profiles().profiles.values():
        for today in (TODAY, date(2028, 2, 29), date(2027, 3, 31), date(2026, 12, 31)):
            cutoff = evaluation_cutoff(profile, today)
            for offset in range(-800, 5):
                start = today + timedelta(days=offset)
                due = evaluation_due(profile, None, start, today) is not None
                within = cutoff is not None and start.isoformat() <= cutoff
                assert due == within, (profile.id, today, start)


def test_measures_of_a_meeting_still_under_way_do_not_count_yet(store):
    group_id = _healthy(store, "Hotel")
    agreed = store.meetings(group_id)[1].id  # the last finalized meeting
    store.add_measure(group_id, agreed, "Lesekurs", due_on=TODAY - timedelta(days=3))
    under_way = store.create_meeting(group_id, _at(TODAY))
    store.start_meeting(under_way)
    store.add_measure(group_id, under_way, "Fast voksen", due_on=TODAY - timedelta(days=1))
    store.add_measure(group_id, under_way, "Bildeplan", due_on=TODAY + timedelta(days=30))
    for scope in ({}, {"group_id": group_id}):
        [status] = needs_attention(store, TODAY, **scope)
        assert (status.open_measures, status.overdue_measures) == (1, 1)
    store.finalize_meeting(under_way, "# Referat", minute_path=None)
    [status] = needs_attention(store, TODAY)
    assert (status.open_measures, status.overdue_measures) == (3, 2)


def test_the_home_screen_can_leave_out_the_members(store):
    group_id = _healthy(store, "India")
    store.add_member(group_id, "Kari Koordinator", role="koordinator", kind="service", is_coordinator=True)
    [full] = needs_attention(store, TODAY)
    [home] = needs_attention(store, TODAY, with_members=False)
    assert (full.member_count, full.coordinator_name) == (1, "Kari Koordinator")
    assert (home.member_count, home.coordinator_name) == (0, "")
    assert home.reasons == full.reasons and home.open_measures == full.open_measures
