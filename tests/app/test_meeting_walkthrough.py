"""A whole meeting held with keys and clicks, checked in SQLite and in the Markdown file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from markdown_it import MarkdownIt
from tests.app.pilot_helpers import click, open_meeting_at, type_into, wait_for_minute, wait_until

from moteleder.app.screens.group_form import GroupFormScreen, MemberRow
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.demo import create_demo_group

SIZE = (140, 60)


async def test_new_group_and_first_meeting_end_to_end(make_app, store, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await click(pilot, "#new-group")
        assert isinstance(app.screen, GroupFormScreen)

        await type_into(pilot, "#person-name", "Ola Nordmann")
        await type_into(pilot, "#birth-year", "2015")
        rows = list(app.screen.query(MemberRow))
        await type_into(pilot, rows[0].query_one(".m-name"), "Ola Nordmann")
        await type_into(pilot, rows[0].query_one(".m-role"), "eleven")
        await type_into(pilot, rows[1].query_one(".m-name"), "Kari Nordmann")
        await type_into(pilot, rows[2].query_one(".m-name"), "Per Nordmann")
        await type_into(pilot, rows[3].query_one(".m-name"), "Siri Lærer")
        await type_into(pilot, rows[3].query_one(".m-role"), "kontaktlærer")
        await type_into(pilot, rows[3].query_one(".m-service"), "Bakken skole")
        await click(pilot, rows[3].query_one(".m-coord"))
        await pilot.press("ctrl+t")
        new_row = list(app.screen.query(MemberRow))[-1]
        await type_into(pilot, new_row.query_one(".m-name"), "Nils PPT")
        await type_into(pilot, new_row.query_one(".m-service"), "PPT")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        group = store.groups()[0]
        assert group.person_name == "Ola Nordmann" and group.birth_year == 2015
        members = {m.name: m for m in store.members(group.id)}
        assert list(members) == ["Ola Nordmann", "Kari Nordmann", "Per Nordmann", "Siri Lærer", "Nils PPT"]
        assert members["Siri Lærer"].is_coordinator and members["Siri Lærer"].service == "Bakken skole"
        assert members["Per Nordmann"].role == "far"

        # Enter on the selected group starts the meeting.
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        meeting_id = screen.meeting_id

        # Step 0: attendance, guest, referent, items for eventuelt.
        for name in ("Ola Nordmann", "Kari Nordmann", "Siri Lærer", "Nils PPT"):
            await click(pilot, f"#att-{members[name].id}-present")
        await click(pilot, f"#att-{members['Per Nordmann'].id}-absent")
        await type_into(pilot, "#guest-name", "Hanne Helse")
        await type_into(pilot, "#guest-role", "helsesykepleier")
        await click(pilot, "#add-guest")
        await type_into(pilot, "#f-referent", "Siri Lærer")
        await type_into(pilot, "#f-aob_items", "Skyss til skolen")

        await pilot.press("f8")  # 1 Forrige referat (first meeting: nothing to follow up)
        await type_into(pilot, "#f-previous_comment", "Ingen tidligere referat.")
        await pilot.press("f8")  # 2 Hva har fungert
        await type_into(pilot, "#f-person_voice", "Ola liker gymtimene.")
        await type_into(pilot, "#f-worked", "Skolen: fast plass i klasserommet fungerer.")
        await pilot.press("f8")  # 3 Største utfordring
        await type_into(pilot, "#f-challenge", "Lesing | skriving #1 <b>")
        await pilot.press("f8")  # 4 Tiltak
        await pilot.press("ctrl+t")
        await pilot.pause()
        row = app.screen.query(".measure-row").last()
        await type_into(pilot, row.query_one(".ms-what"), "Lesekurs to ganger i uka")
        await type_into(pilot, row.query_one(".ms-resp"), "Bakken skole")
        await type_into(pilot, row.query_one(".ms-due"), "31.02.2027")
        assert "finnes ikke" in str(row.query_one(".ms-error").render())
        await pilot.press(*["backspace"] * 10)
        await type_into(pilot, row.query_one(".ms-due"), "15.01.2027")
        await pilot.press("f8")  # 5 Eventuelt
        await type_into(pilot, "#f-aob", "Skyss er avklart med kommunen.")
        await pilot.press("f8")  # 6 Neste møte
        await type_into(pilot, "#f-next_date", "12.02.2027")
        await type_into(pilot, "#f-next_time", "14:00")
        await type_into(pilot, "#f-next_theme", "Evaluering av lesekurset")
        await pilot.press("f8")  # 7 Oppsummering
        await pilot.pause()
        assert app.screen.query_one("#steps").current == "step-summary"
        await pilot.press("f10")
        await pilot.pause()
        await click(pilot, "#yes")
        await wait_for_minute(pilot)
        assert isinstance(app.screen, MinuteViewScreen)

    meeting = store.meeting(meeting_id)
    assert meeting.status == "finalized"
    assert meeting.referent == "Siri Lærer"
    assert meeting.person_voice == "Ola liker gymtimene."
    marks = store.attendance(meeting_id)
    assert marks[members["Per Nordmann"].id] == "absent"
    assert sum(1 for s in marks.values() if s == "present") == 5  # four members and the guest
    measures = store.measures_agreed(meeting_id)
    assert [(m.what, m.responsible, m.due_on) for m in measures] == [
        ("Lesekurs to ganger i uka", "Bakken skole", date(2027, 1, 15))
    ]
    planned = store.planned_meeting(group.id)
    assert planned is not None and planned.starts_at == datetime(2027, 2, 12, 14, 0)
    assert planned.theme == "Evaluering av lesekurset"

    path = tmp_path / "referater" / f"{meeting.starts_at.date().isoformat()}-ola-nordmann.md"
    assert meeting.minute_path == str(path)
    text = path.read_text(encoding="utf-8")
    assert text == meeting.minute_md
    assert (path.stat().st_mode & 0o777) == 0o600
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Referat fra ansvarsgruppemøte"
    assert "Lesing \\| skriving #1 \\<b\\>" in text
    assert "| Lesekurs to ganger i uka | Bakken skole | Frist 15.01.2027 |" in text
    assert "Hanne Helse" in text and "Skyss er avklart med kommunen." in text
    assert f"innen {(meeting.starts_at.date() + timedelta(days=14)).day}." in text


async def test_follow_up_of_open_measures_lands_in_the_minute(make_app, store, tmp_path):
    group_id = create_demo_group(store)
    open_before = store.open_measures(group_id)
    assert len(open_before) >= 2
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot, 1)  # 1 Forrige referat
        assert isinstance(screen, MeetingScreen)
        first, second = open_before[0], open_before[1]
        await click(pilot, f"#rev-{first.id}-done")
        await click(pilot, f"#rev-{second.id}-not_done")
        await type_into(pilot, f"#rev-{second.id}-comment", "Venter på svar fra BUP")
        meeting_id = screen.meeting_id
        await wait_until(pilot, lambda: store.reviews(meeting_id)[second.id].comment == "Venter på svar fra BUP",
                         "the autosave")
        reviews = store.reviews(meeting_id)
        assert reviews[first.id].status == "done"
        assert reviews[second.id].status == "not_done" and reviews[second.id].comment == "Venter på svar fra BUP"
        for _ in range(6):
            await pilot.press("f8")
        await pilot.press("f10")
        await pilot.pause()
        await click(pilot, "#yes")
        await wait_for_minute(pilot)
    minute = store.meeting(meeting_id).minute_md
    assert f"| {first.what} | {first.responsible} | Gjennomført |" in minute
    assert "Ikke gjennomført | Venter på svar fra BUP |" in minute
    still_open = {m.id for m in store.open_measures(group_id)}
    assert first.id not in still_open and second.id in still_open


async def test_text_is_saved_within_a_second_and_offered_after_restart(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = (await open_meeting_at(pilot, 2)).meeting_id
        await type_into(pilot, "#f-person_voice", "Tiril har det fint")
        await wait_until(pilot, lambda: store.meeting(meeting_id).person_voice == "Tiril har det fint",
                         "the autosave", timeout=1.0)  # within a second, as the README promises
        # Saved while the app still runs, before any quit.
        assert store.meeting(meeting_id).person_voice == "Tiril har det fint"
        assert store.meeting(meeting_id).current_step == "worked"

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        question = str(again.screen.query_one("#question").render())
        assert "ble ikke avsluttet" in question and "Hva har fungert" in question
        await click(pilot, "#yes")
        screen = again.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting_id == meeting_id
        assert screen.query_one("#steps").current == "step-worked"
        assert screen.query_one("#f-person_voice").text == "Tiril har det fint"


async def test_typing_right_after_next_step_lands_in_the_new_step(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f8", "f8", *"Bra uke")  # no click: the step's first field has the focus
        screen = app.screen
        await wait_until(pilot, lambda: screen.query_one("#f-person_voice").text == "Bra uke", "the typing")
        assert screen.query_one("#f-person_voice").text == "Bra uke"
        assert screen.query_one("#f-previous_comment").text == ""


async def test_a_failed_write_is_reported_and_the_meeting_goes_on(make_app, store, monkeypatch):
    import sqlite3

    group_id = create_demo_group(store)
    member = store.members(group_id)[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting_at(pilot)

        def full_disk(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(store, "set_attendance", full_disk)
        await click(pilot, f"#att-{member.id}-present")
        await pilot.pause()
        assert app.screen is screen  # no crash
        assert any("Ikke lagret" == n.title for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("f8")
        await type_into(pilot, "#f-previous_comment", "Godkjent")
        await wait_until(pilot, lambda: store.meeting(screen.meeting_id).previous_comment == "Godkjent",
                         "the autosave")
        assert store.meeting(screen.meeting_id).previous_comment == "Godkjent"
