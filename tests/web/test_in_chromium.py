"""The meeting in a real browser: Debian's Chromium, headless, on `moteleder nett`.

What the app shows is read from the websocket (xterm.js draws on a canvas); keys are pressed
after a click on the terminal; what was typed is read back from the database with sqlite3.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.web.terminal import Tab

VIEWPORT = {"width": 1280, "height": 800}


def open_tab(browser, served) -> Tab:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    tab = Tab(page)
    page.goto(served.url)
    assert page.url == served.origin + "/"  # the token traded for the cookie, the address bare
    return tab


def open_meeting(browser, served) -> Tab:
    """A tab on the home screen, the terminal clicked, Enter on the demo group: its meeting."""
    tab = open_tab(browser, served)
    tab.wait_for("Tiril Testesen")  # the home screen's list of groups
    tab.focus_terminal()
    tab.press("Enter")
    tab.wait_for("Ansvarsgruppemøte for Tiril Testesen")
    return tab


def meeting_row(db, column: str, expected: str, timeout: float = 15.0):
    """Until the open meeting's `column` holds `expected` in the database (the autosave)."""
    deadline = time.monotonic() + timeout
    while True:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            rows = connection.execute(
                f"SELECT {column} FROM meetings WHERE {column} = ?", (expected,)).fetchall()
        if rows:
            return rows
        assert time.monotonic() < deadline, f"{column} never became {expected!r}"
        time.sleep(0.1)


def test_home_then_enter_starts_the_meeting_and_f8_moves_a_step(browser, served):
    tab = open_tab(browser, served)
    tab.wait_for("Tiril Testesen")  # the home screen's list of groups
    tab.focus_terminal()
    tab.set_mark()
    tab.press("Enter")
    tab.wait_for("Ansvarsgruppemøte for Tiril Testesen")
    tab.set_mark()
    tab.press("F8")
    tab.wait_for("Forrige steg")  # F7 is offered from the second step on
    meeting_row(served.db, "current_step", "previous")


def test_the_browser_alternative_moves_a_step_and_typing_lands_in_the_database(browser, served):
    tab = open_meeting(browser, served)
    tab.press("Alt+n")
    meeting_row(served.db, "current_step", "previous")
    tab.press("Alt+n")
    meeting_row(served.db, "current_step", "worked")
    tab.page.keyboard.type("Bra uke")  # the step's first field has the focus
    meeting_row(served.db, "person_voice", "Bra uke")
    tab.press("Alt+p")
    meeting_row(served.db, "current_step", "previous")


def test_keys_typed_right_after_f8_land_in_the_new_step(browser, served):
    """In a browser the keys come as fast as they are typed, without waiting for the screen:
    the step's field must have the focus before the next key is read."""
    tab = open_meeting(browser, served)
    tab.press("F8")
    tab.press("F8")
    tab.page.keyboard.type("Bra uke")
    meeting_row(served.db, "person_voice", "Bra uke")
    with sqlite3.connect(f"file:{served.db}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM meetings WHERE previous_comment LIKE '%Bra%'"
                                  ).fetchone() == (0,)


def test_a_second_tab_is_told_the_meeting_is_open_elsewhere(browser, served):
    first = open_tab(browser, served)
    first.wait_for("Tiril Testesen")
    second = first.page.context.new_page()
    second.goto(served.origin + "/")  # the same browser: it has the cookie
    assert "allerede åpent i en annen fane" in second.content()
    first.page.close()  # the first tab goes: the second may have the meeting now
    again = Tab(second)
    second.reload()
    again.wait_for("Tiril Testesen")


def _descendants(pid: int) -> set[int]:
    """The processes started by `pid`, and theirs (from /proc)."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = Path(f"/proc/{parent}/task").iterdir()
            children = {int(c) for t in tasks for c in (t / "children").read_text().split()}
        except OSError:
            continue
        todo += list(children - found)
        found |= children
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_closing_the_tab_and_opening_the_page_again_resumes_the_meeting(browser, served):
    tab = open_meeting(browser, served)
    tab.press("F8")
    meeting_row(served.db, "current_step", "previous")
    context = tab.page.context
    tab.page.close()
    again = Tab(context.new_page())
    again.page.goto(served.origin + "/")
    again.wait_for("ble ikke avsluttet")  # the app offers the meeting where it was left


def test_ctrl_c_stops_the_server_and_the_app_and_keeps_what_was_typed(browser, served):
    tab = open_meeting(browser, served)
    tab.press("F8")
    tab.press("F8")
    meeting_row(served.db, "current_step", "worked")
    app_processes = _descendants(served.process.pid)
    assert app_processes, "the tab's app runs in a process of its own"
    tab.set_mark()
    tab.page.keyboard.type("Siste ord")
    tab.wait_for("Siste ord")  # on the screen: the app has it (perhaps not yet saved)
    assert served.stop() == 0
    assert not [pid for pid in app_processes if _alive(pid)]
    meeting_row(served.db, "person_voice", "Siste ord", timeout=1.0)


def test_alt_t_adds_a_measure_and_what_is_typed_lands_in_it(browser, served):
    """Ctrl+T opens a new tab in a browser: Alt+T is the meeting's new measure there."""
    tab = open_meeting(browser, served)
    for step in ("previous", "worked", "challenge", "measures"):
        tab.press("Alt+n")
        meeting_row(served.db, "current_step", step)
    tab.press("Alt+t")
    tab.page.keyboard.type("Ny plan for leksene")
    deadline = time.monotonic() + 15
    while True:
        with sqlite3.connect(f"file:{served.db}?mode=ro", uri=True, timeout=5) as connection:
            found = connection.execute("SELECT count(*) FROM measures WHERE what = ?",
                                       ("Ny plan for leksene",)).fetchone()[0]
        if found:
            break
        assert time.monotonic() < deadline, "the new measure never got its text"
        time.sleep(0.1)
