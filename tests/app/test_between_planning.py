"""Planning a meeting: the invitation (Markdown and .ics), items reported in advance, the evaluation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar
from tests.app.pilot_helpers import open_group_page, type_into, wait_until
from textual.widgets import DataTable

from moteleder.app.screens.evaluation import EvaluationScreen
from moteleder.app.screens.group import GroupScreen
from moteleder.app.screens.invitation import InvitationScreen
from moteleder.cli import main
from moteleder.demo import create_demo_group

SIZE = (140, 60)


def test_innkalling_command_writes_private_markdown_and_ics(store, db_path, tmp_path, capsys):
    group_id = create_demo_group(store)  # the planned meeting is 14 days ahead: in time for 14 days' lead
    planned = store.planned_meeting(group_id)
    store.add_agenda_item(planned.id, "Kari Testesen", "Skyss til skolen")
    store.close()
    out_dir = tmp_path / "innkallinger"
    assert main(["innkalling", str(planned.id), "--ut", str(out_dir), "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "Merk:" not in captured.err
    stem = f"{planned.starts_at.date().isoformat()}-tiril-testesen-innkalling"
    md, ics = out_dir / f"{stem}.md", out_dir / f"{stem}.ics"
    for path in (md, ics):
        assert (path.stat().st_mode & 0o777) == 0o600
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Innkalling til ansvarsgruppemøte\n\n**Taushetsbelagt — unntatt offentlighet**")
    assert "kl. 14.00–15.05 (65 minutter)" in text
    assert "1. Åpning (5 min)" in text and "6. Eventuelt (5 min)" in text
    assert "- Skyss til skolen (meldt av Kari Testesen)" in text
    event = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart").replace(tzinfo=None) == planned.starts_at
    assert event.decoded("dtend").replace(tzinfo=None) == planned.starts_at + timedelta(minutes=65)
    assert str(event["summary"]) == "Ansvarsgruppemøte"
    assert "Tiril" not in ics.read_text(encoding="utf-8")  # no names in calendars


def test_late_invitation_is_warned_and_a_finalized_meeting_refused(store, db_path, tmp_path, capsys):
    group_id = create_demo_group(store)
    planned = store.planned_meeting(group_id)
    soon = datetime.combine(date.today() + timedelta(days=5), datetime.min.time()).replace(hour=9)
    store.db["meetings"].update(planned.id, {"starts_at": soon.isoformat(timespec="minutes")})
    finalized = store.previous_finalized(group_id)
    store.close()
    assert main(["innkalling", str(planned.id), "--ut", str(tmp_path), "--db", str(db_path)]) == 0
    err = capsys.readouterr().err
    assert "Merk:" in err and "bare fem dager før møtet" in err and "minst 14 dager" in err
    assert main(["innkalling", str(finalized.id), "--ut", str(tmp_path), "--db", str(db_path)]) == 1
    assert "allerede holdt" in capsys.readouterr().err


async def test_invitation_from_the_app_with_an_item_reported_in_advance(make_app, store, tmp_path):
    group_id = create_demo_group(store)
    planned = store.planned_meeting(group_id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group_page(pilot)
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InvitationScreen)
        assert "Innkallingen er ikke sendt ennå" in str(screen.query_one("#invitation-facts").render())
        await type_into(pilot, "#item-who", "far")
        await type_into(pilot, "#item-text", "Leksehjelp")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.query_one("#agenda-table", DataTable).row_count == 1
        await pilot.press("f10")
        await wait_until(pilot, lambda: "skrevet." in str(screen.query_one("#invitation-result").render()),
                         "the invitation")
        result = str(screen.query_one("#invitation-result").render())
        assert "Innkallingen er skrevet." in result
    assert [(i["who"], i["text"]) for i in store.agenda_items(planned.id)] == [("far", "Leksehjelp")]
    [sent] = store.invitations(planned.id)
    assert sent["sent_on"] == date.today().isoformat()
    md = (tmp_path / "innkallinger").glob("*-innkalling.md")
    assert "- Leksehjelp (meldt av far)" in next(md).read_text(encoding="utf-8")


async def test_evaluation_is_saved_and_shown_in_the_history(make_app, store):
    group_id = create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group_page(pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        await type_into(pilot, "#ev-atmosphere", "God stemning, Tiril blir hørt.")
        await type_into(pilot, "#ev-tasks", "Lesekurset er i gang.")
        await pilot.press("f10")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroupScreen)
        table = screen.query_one("#history", DataTable)
        [evaluation] = store.evaluations(group_id)
        row = [str(cell) for cell in table.get_row(f"evaluation-{evaluation['id']}")]
        assert row[1] == "Evaluering" and row[3] == "Lesekurset er i gang."
        assert evaluation["atmosphere"] == "God stemning, Tiril blir hørt."
        assert evaluation["held_on"] == date.today().isoformat()
        # Opening it from the history shows it read-only.
        table.move_cursor(row=table.get_row_index(f"evaluation-{evaluation['id']}"))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert app.screen.query_one("#ev-tasks").read_only
