"""A meeting held under each routine's profile gets that routine's steps, warnings and minute."""

from __future__ import annotations

from datetime import date

import pytest
from tests.app.pilot_helpers import click, open_meeting_at, wait_for_minute

from moteleder.app.screens.meeting import MeetingScreen
from moteleder.profiles import get_profile

SIZE = (140, 60)


def make_group(store, profile_id: str, *, birth_year: int, services: int = 2, person_member: bool = True,
               coordinator_kind: str = "koordinator", has_ip: bool = False, has_stafettlogg: bool = False):
    group_id = store.create_group("Mina Muster", birth_year=birth_year, profile_id=profile_id,
                                  coordinator_kind=coordinator_kind, has_ip=has_ip, has_stafettlogg=has_stafettlogg)
    ids = {}
    if person_member:
        ids["person"] = store.add_member(group_id, "Mina Muster", role="eleven", kind="person")
    ids["mor"] = store.add_member(group_id, "Mona Muster", role="mor", kind="guardian")
    for i in range(services):
        ids[f"s{i}"] = store.add_member(group_id, f"Fagperson {i}", role="rådgiver", service=f"Tjeneste {i}",
                                        is_coordinator=i == 0)
    return group_id, ids


async def hold_meeting(app, pilot, attendance: dict[int, str], *, before_finalize=None) -> MeetingScreen:
    screen = await open_meeting_at(pilot)
    assert isinstance(screen, MeetingScreen)
    for member_id, status in attendance.items():
        await click(pilot, f"#att-{member_id}-{status}")
    screen.titles_seen = step_titles(screen)
    if before_finalize:
        await before_finalize(screen)
    for _ in range(len(screen.steps) - 1):
        await pilot.press("f8")
    await pilot.pause()
    await pilot.press("f10")
    await pilot.pause()
    await click(pilot, "#yes")
    await wait_for_minute(pilot)
    return screen


def step_titles(screen: MeetingScreen) -> list[str]:
    return [str(cell.render()).split("\n", 1)[1] for cell in screen.query(".step-cell")]


async def test_standard_profile_steps_and_fourteen_day_deadline(make_app, store):
    group_id, ids = make_group(store, "standard", birth_year=date.today().year - 10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await hold_meeting(app, pilot, {ids["mor"]: "present", ids["person"]: "present"})
        assert screen.titles_seen == [s.title for s in get_profile("standard").steps]
        meeting_id = screen.meeting_id
    meeting = store.meeting(meeting_id)
    assert meeting.status == "finalized"
    assert "(to uker etter møtet)" in meeting.minute_md


async def test_melgy_minute_goes_to_websak_when_a_barnekoordinator_leads(make_app, store):
    group_id, ids = make_group(store, "melgy", birth_year=date.today().year - 9, coordinator_kind="barnekoordinator")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await hold_meeting(app, pilot, {ids["mor"]: "present"})
        meeting_id = screen.meeting_id
    minute = store.meeting(meeting_id).minute_md
    assert "Websak+" in minute and "ikke i Sikker sak" in minute
    assert "(to uker etter møtet)" in minute
    assert get_profile("melgy").min_meetings_per_year == 2


async def test_melgy_minute_goes_to_sikker_sak_with_an_ordinary_coordinator(make_app, store):
    group_id, ids = make_group(store, "melgy", birth_year=date.today().year - 9)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await hold_meeting(app, pilot, {ids["mor"]: "present"})
        meeting_id = screen.meeting_id
    minute = store.meeting(meeting_id).minute_md
    assert "Referatet arkiveres i Sikker sak." in minute and "Websak+" not in minute


async def test_ilag_minute_mentions_stafettlogg_and_two_weeks(make_app, store):
    group_id, ids = make_group(store, "ilag", birth_year=date.today().year - 15, has_stafettlogg=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await hold_meeting(app, pilot, {ids["mor"]: "present"})
        meeting_id = screen.meeting_id
    minute = store.meeting(meeting_id).minute_md
    assert "Stafettlogg" in minute and "(to uker etter møtet)" in minute
    assert "Visma Samspill" in minute


async def test_odda_warns_about_a_fifth_member_and_the_person_from_seven(make_app, store):
    group_id, ids = make_group(store, "odda", birth_year=date.today().year - 8, services=5, person_member=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        async def check(screen):
            text = str(screen.query_one("#membership-warnings").render())
            assert "5 medlemmer" in text or "fem medlemmer" in text
            assert "fast medlem" in text

        screen = await hold_meeting(app, pilot, {ids["mor"]: "present"}, before_finalize=check)
        meeting_id = screen.meeting_id
    assert "fastlegen" in store.meeting(meeting_id).minute_md


async def test_lund_first_meeting_opens_with_meeting_rules_and_ip_replaces_minute(make_app, store):
    group_id, ids = make_group(store, "lund", birth_year=date.today().year - 30, has_ip=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        async def check(screen):
            text = str(screen.query_one("#first-meeting").render())
            assert "møtereglene" in text and "Presentasjon av nye medlemmer" in text

        screen = await hold_meeting(app, pilot, {ids["mor"]: "present"}, before_finalize=check)
        meeting_id = screen.meeting_id
    minute = store.meeting(meeting_id).minute_md
    assert "referat er ikke nødvendig" in minute
    assert get_profile("lund").invitation_lead_days == 14


async def test_farsund_requires_parents_or_a_recorded_agreement(make_app, store):
    group_id, ids = make_group(store, "farsund", birth_year=date.today().year - 12)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        async def check(screen):
            warnings = screen.query_one("#attendance-warnings")
            assert "Foresatte er ikke til stede" in str(warnings.render())
            await click(pilot, "#agreed-without-guardians")
            assert "Foresatte" not in str(warnings.render())

        screen = await hold_meeting(app, pilot, {ids["mor"]: "absent", ids["person"]: "present"},
                                    before_finalize=check)
        meeting_id = screen.meeting_id
    assert store.meeting(meeting_id).agreed_without_guardians


@pytest.mark.parametrize("profile_id", ["standard", "melgy", "ilag", "odda", "lund", "farsund"])
async def test_group_form_saves_the_chosen_routine(make_app, store, profile_id):
    from tests.app.pilot_helpers import type_into

    from moteleder.app.screens.group_form import GroupFormScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await click(pilot, "#new-group")
        assert isinstance(app.screen, GroupFormScreen)
        await type_into(pilot, "#person-name", "Ola Rutine")
        app.screen.query_one("#profile").value = profile_id
        await pilot.press("f10")
        await pilot.pause()
    assert store.groups()[0].profile_id == profile_id
