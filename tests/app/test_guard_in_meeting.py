"""The topic guard live in the meeting: banner, Henvis videre, Behold, the minute and the private list.
(What the guard flags is tested through MeetingSession in tests/unit/test_session.py.)"""

from __future__ import annotations

from tests.app.pilot_helpers import click, open_meeting_at, type_into, wait_for_minute, wait_until

from moteleder.app.screens.followups import FollowUpScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.demo import create_demo_group

SIZE = (140, 60)
COMPLAINT = "Vi vil klage på vedtaket om avlastning."


async def wait_for_guard(pilot) -> None:
    """Until the guard has read everything typed (it runs on a timer, never on a keystroke)."""
    screen = pilot.app.screen
    await wait_until(pilot, lambda: not screen.guard_dirty, "the topic guard")
    await pilot.pause()


async def test_refer_moves_the_sentence_out_of_the_minute_into_the_private_list(make_app, store):
    group_id = create_demo_group(store)
    app = make_app(guard_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 3)  # 3 Største utfordring
        await type_into(pilot, "#f-challenge", f"Lesingen går tregt. {COMPLAINT} Matte går bedre.")
        await wait_for_guard(pilot)
        banner = screen.query_one("#guard-banner")
        assert banner.display
        text = str(screen.query_one("#guard-text").render())
        assert "klageadgang" in text
        await pilot.press("f4")  # Henvis videre
        await wait_until(pilot, lambda: not banner.display, "the banner to go")
        assert not banner.display
        assert screen.query_one("#f-challenge").text == "Lesingen går tregt. Matte går bedre."
        meeting_id = screen.meeting_id
        # Nothing about the referral is on the shared screen during the meeting.
        assert COMPLAINT not in str(app.screen.query_one("#steps").render())
        for _ in range(4):
            await pilot.press("f8")
        await pilot.press("f10")
        await pilot.pause()
        await click(pilot, "#yes")
        await wait_for_minute(pilot)
        assert isinstance(app.screen, MinuteViewScreen)
        # The private list is never one key away from a minute on the projector: the first
        # F4 hides the screen and says why, the second (behind the curtain) opens the list.
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, MinuteViewScreen) and app.screen.curtain_down
        assert "Stopp skjermdelingen" in str(app.screen.query_one("#curtain").render())
        assert not app.screen.query_one("#minute-scroll").display
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        referral = store.referrals(group_id=group_id)[0]
        await click(pilot, f"#ref-{referral.id}-handled")

    minute = store.meeting(meeting_id).minute_md
    assert "klage på vedtaket" not in minute.lower()
    assert "Ett tema ble henvist til ordinær klageadgang." in minute
    assert store.meeting(meeting_id).challenge == "Lesingen går tregt. Matte går bedre."
    referrals = store.referrals(group_id=group_id)
    assert [(r.category, r.text) for r in referrals] == [("klage", COMPLAINT)]
    assert referrals[0].handled_at is not None


async def test_keep_leaves_the_text_and_records_a_false_alarm(make_app, store):
    create_demo_group(store)
    app = make_app(guard_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 5)  # 5 Eventuelt
        await type_into(pilot, "#f-aob", COMPLAINT)
        await wait_for_guard(pilot)
        assert screen.query_one("#guard-banner").display
        await pilot.press("f6")  # Behold
        await pilot.pause()
        assert not screen.query_one("#guard-banner").display
        await type_into(pilot, "#f-aob", " Ellers fint.")
        await wait_for_guard(pilot)
        assert not screen.query_one("#guard-banner").display  # not flagged again
        meeting_id = screen.meeting_id
        await wait_until(pilot, lambda: "Ellers fint." in (store.meeting(meeting_id).aob or ""), "the autosave")
    assert COMPLAINT in store.meeting(meeting_id).aob
    feedback = [dict(r) for r in store.db.query("select category, phrase from guard_feedback")]
    assert feedback and feedback[0]["category"] == "klage"
    assert store.referrals(meeting_id=meeting_id) == []


async def test_ignoring_the_banner_changes_nothing(make_app, store):
    create_demo_group(store)
    app = make_app(guard_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 4)  # 4 Tiltak
        await pilot.press("ctrl+t")
        await pilot.pause()
        row = screen.query(".measure-row").last()
        await type_into(pilot, row.query_one(".ms-what"), "Kan vi ikke bare bestemme her at han får 20 timer avlastning?")
        await wait_for_guard(pilot)
        assert "enkeltvedtak" in str(screen.query_one("#guard-text").render()).lower() or \
            "vedtak" in str(screen.query_one("#guard-text").render()).lower()
        await pilot.press("f8")  # the leader goes on
        meeting_id = screen.meeting_id
        await wait_until(pilot, lambda: store.measures_agreed(meeting_id)[0].what.startswith("Kan vi"),
                         "the autosave")
    assert store.measures_agreed(meeting_id)[0].what.startswith("Kan vi ikke bare bestemme")
    assert store.referrals(meeting_id=meeting_id) == []
