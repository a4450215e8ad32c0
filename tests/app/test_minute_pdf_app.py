"""Finalizing through the app leaves the archive PDF beside the Markdown minute; a PDF that cannot
be made keeps the minute and says so in Norwegian."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from tests.app.pilot_helpers import click, wait_until

from moteleder.app.screens.meeting import MeetingScreen
from moteleder.app.screens.minute_view import MinuteViewScreen
from moteleder.demo import create_demo_group

SIZE = (140, 60)


async def _hold_and_finalize(app, pilot) -> int:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    for _ in range(7):
        await pilot.press("f8")
    await pilot.press("f10")
    await pilot.pause()
    await click(pilot, "#yes")
    await wait_until(pilot, lambda: isinstance(app.screen, MinuteViewScreen), "the finished minute")
    return screen.meeting_id


async def test_finalize_in_the_app_writes_the_pdf_beside_the_markdown(make_app, store):
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = await _hold_and_finalize(app, pilot)
        assert not any("PDF" in n.message for n in app._notifications)
        banner = str(app.screen.query_one("#saved-banner").render())
        assert "Referatet er ferdigstilt og lagret." in banner and "PDF for arkivet: " in banner
    meeting = store.meeting(meeting_id)
    assert meeting.is_finalized
    markdown = meeting.minute_path
    pdf_path = markdown[:-3] + ".pdf"
    with pikepdf.open(pdf_path) as pdf, pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "2" and xmp["pdfuaid:part"] == "1"
        assert "Tiril Testesen" in xmp["dc:title"]


async def test_a_pdf_failure_in_the_app_keeps_the_minute_and_says_so(make_app, store, monkeypatch):
    import moteleder.minute.pdf as pdf_module
    from moteleder.minute.pdf import PdfError

    def broken(markdown, info):
        raise PdfError("PDF-en av referatet kunne ikke lages.")

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    create_demo_group(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = await _hold_and_finalize(app, pilot)
        await wait_until(pilot, lambda: any("PDF-en til arkivet mangler" in n.message for n in app._notifications),
                         "the message about the PDF")
    meeting = store.meeting(meeting_id)
    assert meeting.is_finalized
    markdown = Path(meeting.minute_path)
    assert markdown.read_text(encoding="utf-8") == meeting.minute_md
    assert not markdown.with_suffix(".pdf").exists()
