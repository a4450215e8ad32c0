"""Whatever a user types is shown as typed: names, notes, measures and search words that look
like markup never crash a screen, never become a link or an action, and reach the minute."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.app.pilot_helpers import click, type_into, wait_until

from moteleder.app.app import make_app
from moteleder.app.screens.group import GroupScreen
from moteleder.app.screens.group_form import MemberRow
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.app.screens.search import SearchScreen
from moteleder.store import Store

MARKUP_LIKE = ["[", "]", "[/]", "[b]", "[/b]", "[@click=app.quit]Kari[/]", "\\[", "[bold red]", "[link=x]y[/link]",
               "[on red]", "$var", "*", "#", "|"]
WORDS = ["Ola", "Kari", "Åse", "Ødegård", "1.", "-"]

hostile = st.lists(st.sampled_from(MARKUP_LIKE + WORDS), min_size=1, max_size=4).map(" ".join).filter(
    lambda s: any(piece in s for piece in MARKUP_LIKE))


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def _drive(text: str, folder: Path) -> None:
    store = Store.open(folder / "data" / "moteleder.db", create_folder=True)
    app = make_app(store, minutes_dir=folder / "referater", autosave_interval=0.1, clock_running=False)
    person = f"{text} Nordmann"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await click(pilot, "#new-group")
        await type_into(pilot, "#person-name", person)
        rows = list(app.screen.query(MemberRow))
        await type_into(pilot, rows[0].query_one(".m-name"), person)
        await type_into(pilot, rows[1].query_one(".m-name"), f"Kari {text}")
        await type_into(pilot, rows[3].query_one(".m-service"), text)
        await pilot.press("f10")  # the notification names the person
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        assert person in _screen_text(app)

        await pilot.press("enter")  # start the meeting
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        meeting = app.screen
        assert person in str(meeting.query_one("#meeting-bar").render())
        await type_into(pilot, "#guest-name", f"Gjest {text}")
        await type_into(pilot, "#guest-role", text)
        await click(pilot, "#add-guest")
        await type_into(pilot, "#f-referent", text)
        await type_into(pilot, "#f-aob_items", text)
        await pilot.press("f8", "f8")
        await type_into(pilot, "#f-person_voice", text)
        await pilot.press("f8", "f8")  # Tiltak
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: bool(meeting.query(".measure-row")), "a new measure row")
        row = meeting.query(".measure-row").last()
        await type_into(pilot, row.query_one(".ms-what"), text)
        await type_into(pilot, row.query_one(".ms-resp"), text)
        await pilot.press("f8", "f8", "f8")  # Oppsummering: the minute as it stands
        assert meeting.steps[meeting.step_index].key == "summary"
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("enter")  # «Ferdigstill»
        await wait_until(pilot, lambda: isinstance(app.screen, MinuteViewScreen), "the finished minute")

        meeting_row = store.meeting(meeting.meeting_id)
        assert meeting_row.is_finalized
        minute_file = Path(meeting_row.minute_path).read_text(encoding="utf-8")
        assert "Nordmann" in minute_file
        measure = store.measures_agreed(meeting.meeting_id)[0]
        assert (measure.what, measure.responsible) == (text.strip(), text.strip())

        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        if app.screen.curtain_down:
            await pilot.press("f12")
        await pilot.press("f6")  # search for the typed words
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await type_into(pilot, "#query", text)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        await pilot.press("f4")  # the group page: history, members, consent
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        assert person in _screen_text(app)
        await pilot.press("f7")  # measures over time
        await pilot.pause()
        assert app.is_running and app._exception is None
    store.close()


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
@example(text="[/]")
@example(text="[@click=app.quit]Kari[/]")
@example(text="\\[b] [")
def test_markup_like_text_is_shown_as_typed_everywhere(text):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_drive(text, Path(folder)))


async def _drive_between(text: str, folder: Path) -> None:
    """Consent, invitation, evaluation and closing a group, with markup-like text in every field."""
    from moteleder.app.screens.close_group import CloseGroupScreen
    from moteleder.app.screens.consent import ConsentScreen
    from moteleder.app.screens.evaluation import EvaluationScreen
    from moteleder.app.screens.invitation import InvitationScreen

    store = Store.open(folder / "data" / "moteleder.db", create_folder=True)
    group_id = store.create_group(f"{text} Nordmann")
    store.add_member(group_id, f"Kari {text}", role=text, kind="guardian")
    app = make_app(store, minutes_dir=folder / "referater", autosave_interval=0.1, clock_running=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentScreen), "consent")
        await type_into(pilot, "#consent-note", text)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(app.screen, InvitationScreen), "the invitation")
        if app.screen.query("#plan-date") and app.screen.query_one("#set-time").display:
            await type_into(pilot, "#plan-date", "24.12.2030")
            await type_into(pilot, "#plan-time", "10.00")
            await type_into(pilot, "#plan-theme", text)
            await click(pilot, "#set-meeting")
        await type_into(pilot, "#item-who", text)
        await type_into(pilot, "#item-text", text)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("f10")  # the invitation, Markdown and .ics
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, EvaluationScreen), "the evaluation")
        await type_into(pilot, "#ev-composition", text)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await click(pilot, "#close-group")
        await wait_until(pilot, lambda: isinstance(app.screen, CloseGroupScreen), "closing the group")
        await type_into(pilot, "#close-reason", text)
        await click(pilot, "#confirm-close")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await pilot.pause()
        assert f"{text.strip()}" in _screen_text(app)  # the reason, as typed
        assert app.is_running and app._exception is None
    group = store.group(group_id)
    assert group.is_closed and group.close_reason == text.strip()
    assert [c.note for c in store.consents(group_id)] == [text.strip()]
    invitations = list((folder / "innkallinger").glob("*.md"))
    assert invitations and "Nordmann" in invitations[0].read_text(encoding="utf-8")
    store.close()


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
@example(text="[/]")
@example(text="[@click=app.quit]Kari[/] \\[b]")
def test_markup_like_text_between_meetings_is_shown_and_saved_as_typed(text):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_drive_between(text, Path(folder)))
