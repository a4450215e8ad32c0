"""Between meetings in the app: the group page, consent, closing a group, the privacy curtain."""

from __future__ import annotations

from datetime import date

from tests.app.pilot_helpers import click, open_group_page, type_into, wait_until
from textual.widgets import DataTable

from moteleder.app.screens.consent import ConsentScreen
from moteleder.app.screens.group import GroupScreen
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.app.widgets.group_list import GroupList
from moteleder.demo import create_demo_group

SIZE = (140, 60)


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_home_lists_groups_by_what_needs_attention(make_app, store):
    calm = store.create_group("Anne Rolig")
    demo = create_demo_group(store)  # has measures past their deadline
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        groups = app.screen.query_one("#groups", GroupList)
        assert groups.keys == [str(demo), str(calm)]
        reason = groups.row(str(demo))[3]
        assert "tiltak har passert frist eller evalueringstid" in reason
        assert groups.row(str(calm))[3] == "Samtykke er ikke registrert · Neste møte er ikke satt"
        screen_text = _screen_text(app)
        assert "Anne Rolig" in screen_text and "Trenger oppmerksomhet" in screen_text


def _screen_text(app) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_home_shows_a_name_as_typed(make_app, store):
    store.create_group("Emma [tvilling] [b]fet[/b]")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Emma [tvilling] [b]fet[/b]" in _screen_text(app)


async def test_home_fills_the_list_again_only_when_the_data_changed(make_app, store, monkeypatch):
    import moteleder.attention

    calls = []  # the list of all groups (the group page asks for its own group only)
    real = moteleder.attention.needs_attention

    def counted(*args, **kwargs):
        if kwargs.get("group_id") is None:
            calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(moteleder.attention, "needs_attention", counted)
    store.create_group("Anne Rolig")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(calls) == 1  # on_mount; the first ScreenResume finds nothing new
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(calls) == 1
        later = store.create_group("Bjørn Senere")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(calls) == 2
        assert str(later) in app.screen.query_one("#groups", GroupList).keys


async def test_a_long_list_scrolls_with_the_keys_and_keeps_the_selected_group(make_app, store):
    from moteleder.attention import needs_attention

    for n in range(130):
        store.create_group(f"Person {n:03d}")
    expected = [str(status.group_id) for status in needs_attention(store, date.today())]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        groups = app.screen.query_one("#groups", GroupList)
        assert groups.keys == expected and groups.has_focus
        await pilot.press("pagedown", "pagedown", "down", "down")
        await pilot.pause()
        chosen = groups.cursor_key
        chosen_name = store.group(int(chosen)).person_name
        assert expected.index(chosen) > 60
        assert chosen_name in _screen_text(app)  # scrolled into view
        assert "Person 000" not in _screen_text(app)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, GroupScreen) and app.screen.group_id == int(chosen)
        store.create_group("Ny gruppe")  # the list is filled again on the way back
        await pilot.press("escape")
        await pilot.pause()
        groups = app.screen.query_one("#groups", GroupList)
        assert groups.row_count == 131
        assert groups.cursor_key == chosen
        await pilot.press("end")
        await pilot.pause()
        assert groups.cursor_key == groups.keys[-1]
        await pilot.press("home")
        await pilot.pause()
        assert groups.cursor_key == groups.keys[0]


async def test_a_click_selects_a_group_and_a_second_click_starts_its_meeting(make_app, store):
    first = store.create_group("Anne Først")
    second = store.create_group("Bjørn Andre")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        groups = app.screen.query_one("#groups", GroupList)
        row = groups.keys.index(str(second))
        offset = (5, groups.row_region(row).y)
        await pilot.click("#groups", offset=offset)
        await pilot.pause()
        assert groups.cursor_key == str(second)
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#groups", offset=offset)
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert store.active_meetings()[0].group_id == second
    assert first != second


async def test_a_long_reason_ends_in_an_ellipsis_instead_of_scrolling_sideways(make_app, store):
    group_id = create_demo_group(store)
    app = make_app()
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        groups = app.screen.query_one("#groups", GroupList)
        reason = groups.row(str(group_id))[3]
        text = _screen_text(app)
        assert reason[:20] in text and "…" in text
        assert groups.max_scroll_x == 0
        # In full under the list, for the group the cursor is on.
        detail = str(app.screen.query_one("#home-detail").render())
        assert detail == f"Tiril Testesen (demo): {reason}"
        await pilot.press("f12")  # and behind the curtain with the rest
        await pilot.pause()
        assert "Tiril" not in _screen_text(app)


async def test_consent_registered_on_the_group_page_covers_the_services(make_app, store):
    group_id = create_demo_group(store)
    with store.transaction():  # the demo group comes with a consent; start without one
        store.db.execute("delete from consent_members")
        store.db.execute("delete from consents")
    ppt = next(m for m in store.members(group_id) if m.service == "PPT")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group_page(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert "ikke registrert gyldig samtykke" in _text(app.screen, "#group-consent")
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        await click(pilot, "#covers-all")  # not everybody: only the school and PPT
        await click(pilot, f"#cm-{ppt.id}")
        await pilot.press("f10")
        await pilot.pause()
        [consent] = store.consents(group_id)
        assert consent.given_on == date.today() and consent.given_by == "parents"
        assert not consent.covers_all and consent.member_ids == (ppt.id,)
        await pilot.press("escape")
        await pilot.pause()
        text = _text(app.screen, "#group-consent")
        assert "omfatter Pål Rådgivertun" in text
        assert "Samtykket omfatter ikke Line Lærersen (kontaktlærer, Eksempelby skole)" in text
        assert "Pål Rådgivertun (rådgiver, PPT)" not in text.split("omfatter ikke", 1)[1]


async def test_consent_form_refuses_a_bad_date(make_app, store):
    group_id = store.create_group("Ola")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ConsentScreen(group_id))
        await pilot.pause()
        await click(pilot, "#given-on")
        await pilot.press("end", *["backspace"] * 12, *"31.02.2026")
        await pilot.press("f10")
        await pilot.pause()
        assert "finnes ikke" in _text(app.screen, "#consent-error")
    assert store.consents(group_id) == []


async def test_closing_a_group_makes_it_read_only_and_leaves_the_list(make_app, store):
    group_id = create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group_page(pilot)
        await click(pilot, "#close-group")
        await type_into(pilot, "#close-reason", "Koordinert innsats trengs ikke lenger")
        await click(pilot, "#confirm-close")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroupScreen)
        assert "ble avsluttet" in _text(screen, "#group-closed")
        assert not screen.query_one("#group-buttons").display
        await pilot.press("f5")  # no meeting in a closed group
        await pilot.pause()
        assert app.screen is screen
        # The history is still readable.
        table = screen.query_one("#history", DataTable)
        finalized = store.previous_finalized(group_id)
        table.move_cursor(row=table.get_row_index(f"meeting-{finalized.id}"))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinuteViewScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#groups", GroupList).row_count == 0
    group = store.group(group_id)
    assert group.closed_on == date.today().isoformat()
    assert group.close_reason == "Koordinert innsats trengs ikke lenger"


async def test_f12_curtain_hides_the_group_list(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        await pilot.press("f12")
        await pilot.pause()
        assert not home.query_one("#home").display
        assert home.query_one("#curtain").display
        assert "Trykk F12" in _text(home, "#curtain")
        await pilot.press("enter", "f4", "f5")  # nothing opens behind the curtain
        await pilot.pause()
        assert app.screen is home
        await pilot.press("f12")
        await pilot.pause()
        assert home.query_one("#home").display and not home.query_one("#curtain").display


async def test_opened_for_one_group_the_list_stays_behind_the_curtain(make_app, store):
    other = store.create_group("Annen Person")
    group_id = create_demo_group(store)
    app = make_app(group_id=group_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+o")  # the leader leaves the meeting for the overview
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one("#home").display and home.query_one("#curtain").display
        assert other  # the other group exists, but is not shown


async def test_search_screen_opens_the_minute_it_found(make_app, store):
    from moteleder.app.screens.search import SearchScreen

    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_into(pilot, "#query", "friminuttene\n")
        await wait_until(pilot, lambda: "treff" in _text(app.screen, "#search-status"), "the search")
        table = app.screen.query_one("#results", DataTable)
        assert table.row_count >= 1
        assert "treff" in _text(app.screen, "#search-status")
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "Tiril Testesen" and row[2] == "Referat"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinuteViewScreen)
