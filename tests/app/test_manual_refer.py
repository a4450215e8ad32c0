"""When the guard misses, the leader refers by key: the sentence leaves the note for the private
list, the minute gets one neutral line, and the miss is kept (privately) to grow the corpus."""

from __future__ import annotations

import json

from tests.app.pilot_helpers import type_into, wait_until

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.screens.followups import FollowUpScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.app.screens.refer import ReferScreen
from moteleder.cli import main
from moteleder.demo import create_demo_group

SIZE = (120, 40)
MISSED = "Vi har ventet på logopeden siden august."


async def test_a_sentence_the_guard_missed_is_referred_by_key(make_app, store, db_path, capsys):
    group_id = create_demo_group(store)
    # The guard is off, so this test does not depend on what it would flag: it misses everything.
    app = make_app(group_id=group_id, guard_enabled=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        meeting_id = screen.meeting_id
        await pilot.press("f8", "f8")
        await type_into(pilot, "#f-worked", f"Lesingen går fint. {MISSED} Matte går bedre.")
        await pilot.press("home", *["right"] * 25)  # the cursor in the middle sentence
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferScreen), "the question which topic")
        await pilot.press("1")  # Misnøye med tjenester eller ansatte
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back in the meeting")
        assert screen.query_one("#f-worked").text == "Lesingen går fint. Matte går bedre."
        await wait_until(pilot, lambda: store.meeting(meeting_id).worked == "Lesingen går fint. Matte går bedre.",
                         "the autosave")
        assert [(r.category, r.text) for r in store.referrals(meeting_id=meeting_id)] == [("misnoye", MISSED)]

        # Esc in the list changes nothing.
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferScreen), "the question which topic")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back in the meeting")
        assert len(store.referrals(meeting_id=meeting_id)) == 1

        await pilot.press(*["f8"] * 5)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MinuteViewScreen), "the minute")
        await pilot.press("f4", "f4")  # behind the curtain: the private list
        await wait_until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the private list")
        assert MISSED in "\n".join(str(w.render()) for w in app.screen.query(".referral-text"))

    minute = store.meeting(meeting_id).minute_md
    assert MISSED not in minute and "logopeden" not in minute
    assert "Ett tema ble henvist til den det gjelder eller til lederen for tjenesten." in minute

    capsys.readouterr()
    assert main(["flagg", "--tilbakemelding", "--db", str(db_path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["kind"], x["labels"], x["text"]) for x in lines] == [("oversett", ["misnoye"], MISSED)]


async def test_a_kept_flag_is_exported_as_a_false_alarm_with_its_sentence(make_app, store, db_path, capsys):
    group_id = create_demo_group(store)
    app = make_app(group_id=group_id, guard_interval=0.1)
    note = "Vi vil klage på vedtaket om avlastning. Ellers går det fint."
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        await pilot.press("f8", "f8", "f8")
        await type_into(pilot, "#f-challenge", note)
        await wait_until(pilot, lambda: screen.flag is not None, "the guard's banner")
        await pilot.press("f6")  # Behold
        await wait_until(pilot, lambda: screen.flag is None, "the banner to go")
    capsys.readouterr()
    assert main(["flagg", "--tilbakemelding", "--db", str(db_path)]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line["kind"] == "falsk_alarm" and line["labels"] == [] and line["category"] == "klage"
    assert line["text"] == "Vi vil klage på vedtaket om avlastning."
