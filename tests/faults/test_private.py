"""Private by default: files only the user can read, no personal text in logs or crash reports,
and a calm Norwegian message instead of Textual's traceback (which shows local variables)."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from tests.app.pilot_helpers import wait_until

from moteleder.cli import main
from moteleder.crash import REPORT_PREFIX, report_text
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting, finalize
from moteleder.store import Store

SECRET = "Sensitiv-helseopplysning-7731"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_and_its_new_folder_are_private(tmp_path):
    db = tmp_path / "ny" / "mappe" / "moteleder.db"
    Store.open(db, create_folder=True).close()
    assert _mode(db) == 0o600
    assert _mode(db.parent) == 0o700 and _mode(db.parent.parent) == 0o700


def test_exported_and_finalized_minutes_are_private(store, db_path, tmp_path, capsys):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    path = finalize(store, meeting_id, tmp_path / "referater")
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    assert main(["eksport", "--db", str(db_path), "--ut", str(tmp_path / "ut")]) == 0
    files = list((tmp_path / "ut").iterdir())
    assert len(files) == 3 and all(_mode(f) == 0o600 for f in files)
    assert _mode(tmp_path / "ut") == 0o700


async def test_typed_text_never_reaches_a_log(make_app, store, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    group_id = create_demo_group(store)
    app = make_app(group_id=group_id)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        await pilot.press("f8", "f8")
        await pilot.pause()
        for char in SECRET:
            await pilot.press(char)
        await wait_until(pilot, lambda: store.active_meetings()[0].person_voice == SECRET, "the autosave")
    meeting = store.active_meetings()[0]
    assert meeting.person_voice == SECRET  # it was saved …
    assert SECRET not in caplog.text  # … and logged nowhere
    for path in tmp_path.rglob("*"):
        if path.is_file() and not path.name.startswith("moteleder.db"):
            assert SECRET.encode() not in path.read_bytes(), path


def _fails_with_personal_text(note: str) -> None:
    person_voice = note  # a local variable holding personal text, as Textual would print it
    raise ValueError(f"kunne ikke bruke {person_voice}")


def test_crash_report_has_the_code_path_but_no_personal_text():
    try:
        _fails_with_personal_text(SECRET)
    except ValueError as error:
        report = report_text(error)
    assert "builtins.ValueError" in report and "_fails_with_personal_text" in report
    assert SECRET not in report


async def test_unexpected_error_in_the_app_gives_a_norwegian_message_and_a_private_report(
    make_app, store, db_path, capsys
):
    app = make_app()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            app.call_later(_fails_with_personal_text, SECRET)
            await pilot.pause()
            await pilot.pause()
    except ValueError:
        pass  # run_test re-raises for the test; a user's terminal gets the message below
    reports = list(db_path.parent.glob(f"{REPORT_PREFIX}*.txt"))
    assert len(reports) == 1 and _mode(reports[0]) == 0o600
    assert SECRET not in reports[0].read_text(encoding="utf-8")
    assert app.crash_report == reports[0]
    assert app.return_code == 1
    shown = capsys.readouterr()
    screen = shown.out + shown.err
    assert SECRET not in screen and "Traceback" not in screen
    assert "moteleder stoppet på grunn av en uventet feil" in " ".join(screen.split())
    assert str(reports[0]) in screen.replace("\n", "")
