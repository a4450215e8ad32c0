"""DateInput: the one date field, read back with parse_date's rules and Norwegian messages."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult

from moteleder.app.widgets.date_input import DateInput, NorwegianDate
from moteleder.dates import DateInputError, parse_date


class _Form(App[None]):
    def compose(self) -> ComposeResult:
        yield DateInput(date(2026, 11, 24), id="given")
        yield DateInput(optional=True, placeholder="dd.mm.åååå", id="until")


async def test_a_date_field_shows_and_reads_the_norwegian_way():
    app = _Form()
    async with app.run_test() as pilot:
        given = app.query_one("#given", DateInput)
        until = app.query_one("#until", DateInput)
        assert given.value == "24.11.2026"
        assert given.read() == date(2026, 11, 24)
        given.value = "2026-02-03"
        assert given.read() == date(2026, 2, 3)
        assert until.value == "" and until.placeholder == "dd.mm.åååå"
        assert until.read() is None
        until.value = "   "
        assert until.read() is None
        await pilot.pause()


@pytest.mark.parametrize("typed", ["", "   ", "i morgen", "31.02.2026", "12.13.2026"])
async def test_a_bad_date_gives_parse_dates_message(typed):
    app = _Form()
    async with app.run_test():
        given = app.query_one("#given", DateInput)
        given.value = typed
        with pytest.raises(DateInputError) as raised:
            given.read()
        with pytest.raises(DateInputError) as expected:
            parse_date(typed)
        assert str(raised.value) == str(expected.value)


async def test_the_field_marks_nothing_while_the_user_types():
    """Today's screens say what is wrong when the user saves; the field stays as it looks."""
    app = _Form()
    async with app.run_test() as pilot:
        given = app.query_one("#given", DateInput)
        given.focus()
        await pilot.press("backspace", "backspace", "x")
        await pilot.pause()
        assert not given.has_class("-invalid")


async def test_a_date_without_a_year_belongs_to_the_given_day():
    class _Meeting(App[None]):
        def compose(self) -> ComposeResult:
            yield DateInput(today=date(2025, 3, 4), id="due")

    app = _Meeting()
    async with app.run_test():
        due = app.query_one("#due", DateInput)
        due.value = "24.11"
        assert due.read() == date(2025, 11, 24)
    assert NorwegianDate(today=date(2025, 3, 4)).validate("29.02").failure_descriptions == [
        "Datoen 29.2.2025 finnes ikke."]


def test_the_validator_is_parse_date():
    assert NorwegianDate().validate("24.11").is_valid
    result = NorwegianDate().validate("32.01.2026")
    assert not result.is_valid
    assert result.failure_descriptions == ["Datoen 32.1.2026 finnes ikke."]


async def test_the_consent_form_names_the_date_field_that_is_wrong_and_goes_to_it(make_app, store):
    from moteleder.app.screens.consent import ConsentScreen

    group_id = store.create_group("Ola")
    app = make_app()
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        app.push_screen(ConsentScreen(group_id))
        await pilot.pause()
        screen = app.screen
        error = screen.query_one("#consent-error")
        screen.query_one("#expires-on", DateInput).value = "snart"
        await pilot.press("f10")
        await pilot.pause()
        assert str(error.render()) == "Gjelder til: «snart» er ikke en dato. Skriv for eksempel 24.11.2026 eller 24.11."
        assert app.focused is screen.query_one("#expires-on")
        screen.query_one("#given-on", DateInput).value = "1.1.2026"
        screen.query_one("#expires-on", DateInput).value = "31.12.2025"
        await pilot.press("f10")
        await pilot.pause()
        assert str(error.render()) == "«Gjelder til» kan ikke være før datoen samtykket ble gitt."
        screen.query_one("#expires-on", DateInput).value = ""
        await pilot.press("f10")
        await pilot.pause()
    (consent,) = store.consents(group_id)
    assert consent.given_on == date(2026, 1, 1) and consent.expires_on is None


async def test_closing_a_group_refuses_a_date_that_does_not_exist(make_app, store):
    from moteleder.app.screens.close_group import CloseGroupScreen

    group_id = store.create_group("Ola")
    app = make_app()
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        app.push_screen(CloseGroupScreen(group_id))
        await pilot.pause()
        app.screen.query_one("#closed-on", DateInput).value = "30.02.2026"
        app.screen.query_one("#close-reason").value = "Trengs ikke lenger"
        app.screen.query_one("#confirm-close").press()
        await pilot.pause()
        assert str(app.screen.query_one("#close-error").render()) == "Datoen 30.2.2026 finnes ikke."
    assert not store.group(group_id).is_closed
