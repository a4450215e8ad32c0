"""A first meeting at 80×24 and with the keyboard alone: what fits, where the focus is, and
what the letter keys do — driven with keys, checked on screen and in the database."""

from __future__ import annotations

from tests.app.pilot_helpers import click, open_meeting_at, wait_until
from textual.widgets import DataTable, Input, RadioSet, TextArea

from moteleder.app.screens.close_group import CloseGroupScreen
from moteleder.app.screens.consent import ConsentScreen
from moteleder.app.screens.evaluation import EvaluationScreen
from moteleder.app.screens.group import GroupScreen
from moteleder.app.screens.group_form import GroupFormScreen
from moteleder.app.screens.home import HomeScreen
from moteleder.app.screens.invitation import InvitationScreen
from moteleder.app.screens.measures import MeasuresScreen
from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.meeting_rows import AttendanceRow, ReviewChoice
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.app.screens.search import SearchScreen
from moteleder.app.widgets.group_list import GroupList
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.widgets.progress import StepCell
from moteleder.demo import create_demo_group

SMALL = (80, 24)


def _screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _visible(screen, widget) -> bool:
    """The whole widget is on screen, inside the step it belongs to (not scrolled away)."""
    pane = screen.query_one(f"#step-{screen.steps[screen.step_index].key}")
    return pane.content_region.contains_region(widget.region) and widget.region.height > 0


async def test_a_group_of_seven_fits_at_80x24_one_line_each(make_app, store):
    group_id = store.create_group("Sara Sju")
    for name, role in [("Sara Sju", ""), ("Mona Sju", "mor"), ("Ole Sju", "far"), ("Lise Lærer", "kontaktlærer"),
                       ("Pia PPT", "rådgiver"), ("Hege Helse", "helsesykepleier"), ("Bo Barnevern", "saksbehandler")]:
        store.add_member(group_id, name, role=role)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot)
        rows = list(screen.query(AttendanceRow))
        assert len(rows) == 7
        assert all(row.region.height == 1 for row in rows)
        assert all(_visible(screen, row) for row in rows)
        text = _screen_text(app)
        assert "Bo Barnevern (saksbehandler)" in text and "Til stede" in text and "Forfall" in text


async def test_t_and_f_mark_attendance_and_other_letters_get_a_calm_hint(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot)
        first, second = list(screen.query(AttendanceRow))[:2]
        assert app.focused is first.query_one(RadioSet)  # the step opens in its first choice
        assert "T = til stede · F = forfall" in _screen_text(app)
        await pilot.press("t")
        await wait_until(pilot, lambda: store.attendance(screen.meeting_id).get(first.member.id) == "present",
                        "T to mark present")
        await pilot.press("tab", "f")
        assert app.focused is second.query_one(RadioSet)
        await wait_until(pilot, lambda: store.attendance(screen.meeting_id).get(second.member.id) == "absent",
                        "F to mark absent")
        await pilot.press("T")  # capital letters too
        await wait_until(pilot, lambda: store.attendance(screen.meeting_id).get(second.member.id) == "present",
                        "shift+T to mark present")
        await pilot.press("x")
        await wait_until(pilot, lambda: any("T (til stede)" in n.message for n in app._notifications),
                        "a hint for a letter that means nothing here")
        assert store.attendance(screen.meeting_id) == {first.member.id: "present", second.member.id: "present"}


async def test_g_d_i_review_last_meetings_measures(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot, 1)  # 1 Forrige referat
        assert isinstance(app.focused, TextArea)  # the comment on the previous minute
        await pilot.press("tab")
        choice = app.focused
        assert isinstance(choice, ReviewChoice)
        measure_id = choice.parent.parent.measure.id
        for key, status in (("g", "done"), ("d", "partly"), ("i", "not_done")):
            await pilot.press(key)
            await wait_until(pilot, lambda: (r := store.reviews(screen.meeting_id).get(measure_id)) is not None
                            and r.status == status, f"{key} to mark the measure {status}")
        hint = screen.query_one(".key-hint")
        assert "G (gjennomført), D (delvis) eller I (ikke gjennomført)" in str(hint.render())
        await pilot.press("q")
        await wait_until(pilot, lambda: any("G (gjennomført)" in n.message for n in app._notifications),
                        "a hint for a letter that means nothing here")
        assert store.reviews(screen.meeting_id)[measure_id].status == "not_done"


async def test_the_guard_banner_never_hides_the_field_being_typed_in(make_app, store):
    create_demo_group(store)
    app = make_app(guard_interval=0.1)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot, 2)  # 2 Hva har fungert: two notes, the second low down
        await pilot.press("tab")
        note = app.focused
        assert isinstance(note, TextArea) and note.id == "f-worked"
        for line in ("Hun har hatt en fin periode.", "Lesingen går bedre.", "Vennskap i klassen er bedre.",
                     "Vi vil klage på vedtaket om avlastning."):
            for char in line:
                await pilot.press(char)
            await pilot.press("enter")
        banner = screen.query_one("#guard-banner")
        await wait_until(pilot, lambda: banner.display, "the guard banner")
        await pilot.pause(0.2)
        assert app.focused is note
        assert _visible(screen, note), "the note being typed in is scrolled out of view"
        assert banner.region.y >= note.region.bottom  # under the step, not over it
        assert "Ctrl+Q Avslutt" in _screen_text(app)


async def test_the_step_bar_fits_at_80_columns_with_the_current_step_in_full(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot)
        for index, spec in enumerate(screen.steps):
            await pilot.pause()
            cells = list(screen.query(StepCell))
            assert all(cell.region.right <= SMALL[0] and cell.region.height == 1 for cell in cells)
            current = cells[index]
            assert str(current.render()) == f"{index} {spec.title}"
            assert all(str(cell.render()).startswith(str(cell.index)) for cell in cells)
            await pilot.press("f8")


async def _key_bar_ends_with_quit(app) -> None:
    bar = app.screen.query_one(KeyBar)
    assert bar.shown[-1] == ("ctrl+q", "Avslutt", True)
    assert bar._keys[-1][5] <= app.size.width
    assert "Ctrl+Q Avslutt" in _screen_text(app)


async def test_ctrl_q_avslutt_is_always_on_the_key_bar_at_80_columns(make_app, store):
    create_demo_group(store)
    app = make_app(guard_interval=0.1)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _key_bar_ends_with_quit(app)  # home: six keys of its own
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await _key_bar_ends_with_quit(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        await open_meeting_at(pilot, 4)  # 4 Tiltak: Ctrl+T too
        await _key_bar_ends_with_quit(app)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "a new measure")
        for char in "Kan vi ikke bare bestemme her at han får 20 timer avlastning?":
            await pilot.press(char)
        await wait_until(pilot, lambda: app.screen.query_one("#guard-banner").display, "the guard banner")
        await pilot.pause()
        await _key_bar_ends_with_quit(app)  # F4 and F6 as well


async def test_the_group_page_opens_on_its_list_and_enter_reads_a_minute(make_app, store):
    group_id = create_demo_group(store)
    planned = store.planned_meeting(group_id)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        screen = app.screen
        assert app.focused is screen.query_one("#history", DataTable)
        ids = str(screen.query_one("#group-ids").render())
        assert ids == f"Gruppe nr. {group_id} · planlagt møte nr. {planned.id}"
        # The destructive button is last, and one Shift+Tab from the list does not reach it.
        assert screen.focus_chain[-1].id == "close-group"
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id != "close-group"
        await pilot.press("tab")
        assert app.focused is screen.query_one("#history")
        await pilot.press("down", "enter")  # the newest is the planned meeting; the next has a minute
        await wait_until(pilot, lambda: isinstance(app.screen, MinuteViewScreen), "the minute")


async def test_every_screen_opens_with_focus_where_the_user_acts(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()

        async def opened(kind, what: str):
            await wait_until(pilot, lambda: isinstance(app.screen, kind), what)
            await pilot.pause()
            return app.focused

        assert isinstance(await opened(HomeScreen, "home"), GroupList)
        await pilot.press("f2")
        assert (await opened(GroupFormScreen, "the group form")).id == "person-name"
        await pilot.press("escape")
        await opened(HomeScreen, "home")
        await pilot.press("f6")
        assert (await opened(SearchScreen, "search")).id == "query"
        await pilot.press("escape")
        await opened(HomeScreen, "home")
        await pilot.press("f4")
        assert (await opened(GroupScreen, "the group page")).id == "history"
        for key, kind, focused in (("f6", ConsentScreen, "given-on"), ("f7", MeasuresScreen, "measure-table"),
                                   ("f8", InvitationScreen, "item-who"), ("f9", EvaluationScreen, "ev-composition")):
            await pilot.press(key)
            assert (await opened(kind, kind.__name__)).id == focused, kind.__name__
            await pilot.press("escape")
            await opened(GroupScreen, "the group page")
        await click(pilot, "#close-group")
        assert (await opened(CloseGroupScreen, "closing the group")).id == "close-reason"
        await pilot.press("escape")
        await opened(GroupScreen, "the group page")
        await pilot.press("f5")
        await opened(MeetingScreen, "the meeting")
        screen = app.screen
        for index in range(len(screen.steps)):
            pane = screen.query_one(f"#step-{screen.steps[index].key}")
            focused = app.focused
            assert focused is not None and pane in focused.ancestors, screen.steps[index].key
            # A text field or a choice; in Tiltak with none yet, «Nytt tiltak»; in Oppsummering, «Ferdigstill».
            assert isinstance(focused, (Input, TextArea, RadioSet)) or focused.id in ("add-measure", "finalize")
            await pilot.press("f8")
            await pilot.pause()


async def test_typing_into_the_invitation_lands_in_its_first_field(make_app, store):
    group_id = store.create_group("Anne Rolig")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, GroupScreen), "the group page")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(app.screen, InvitationScreen), "the invitation")
        await pilot.pause()
        for char in "01.02.2030":
            await pilot.press(char)
        assert app.screen.query_one("#plan-date", Input).value == "01.02.2030"
        assert store.planned_meeting(group_id) is None


async def test_a_resized_window_is_laid_out_for_its_new_size(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_meeting_at(pilot)
        bar = screen.query_one("#progress")
        assert app.has_class("narrow", "short") and bar.has_class("one-line")
        await pilot.resize_terminal(120, 40)
        await wait_until(pilot, lambda: not app.has_class("narrow") and not app.has_class("short"),
                        "the size classes to follow the window")
        await wait_until(pilot, lambda: not bar.has_class("one-line"), "the step bar's blocks")
        await pilot.resize_terminal(160, 45)
        await wait_until(pilot, lambda: app.has_class("wide"), "the projector's layout")
