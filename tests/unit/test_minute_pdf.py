"""The archive PDF of a minute: PDF/A-2a + PDF/UA-1 as pikepdf reads it, its text as pdftotext
reads it, typed text out literally, written beside the Markdown on finalize and by export_pdfs."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pikepdf
import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting, finalize_minute
from moteleder.minute import CONFIDENTIAL, SECTION_TITLES, Minute, render_minute
from moteleder.minute.archive import export_pdfs
from moteleder.minute.pdf import PdfError, PdfInfo, render_pdf, typst_source, typst_string
from moteleder.models import Measure
from moteleder.session import MeetingSession

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) missing")

HOSTILE = ["#", "$", "*", "_", "`", "@", "<", ">", "\\", "//", "/*", "*/", "[", "]", "=", "-", "+", "~", '"',
           "'", "{", "}", "(", ")", ";", ":", "--", "...", "#let x = 1", "$x^2$", "<label>", "@ref", "\\u{41}",
           "#raw(\"a\")", "= Overskrift", "- punkt", "+ punkt", "/ Term: x", "```", "|", "&", "%", "^", "æøå ÆØÅ"]
hostile_text = st.lists(st.sampled_from(HOSTILE) | st.text(alphabet="abc ", max_size=3), min_size=1, max_size=8)


def _text(pdf: bytes) -> str:
    """The PDF's text as pdftotext reads it in content order (-raw: its default layout guessing drops
    spaces between short words), whitespace folded to single spaces."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def _created(xmp) -> datetime:
    """The XMP creation date as an aware datetime."""
    return datetime.fromisoformat(str(xmp["xmp:CreateDate"]).replace("Z", "+00:00"))


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def demo(store):
    """The demo group's last finalized minute, its Markdown and the PDF's info."""
    group_id = create_demo_group(store)
    row = list(store.finalized_meetings())[-1]
    meeting = store.meeting(row["id"])
    info = PdfInfo(person_name=row["person_name"], meeting_day=meeting.starts_at.date(),
                   author="Line Lærersen", created=datetime(2026, 9, 5, 15, 2, 11))
    return group_id, row["minute_md"], info


# ---------------------------------------------------------------------------- the escaper
@settings(max_examples=300, deadline=None)
@given(st.text() | hostile_text.map("".join))
def test_typst_string_reads_back_as_exactly_the_text(text):
    source = f"#metadata({typst_string(text)}) <x>".encode("utf-8")
    value = typst.Compiler(source, ignore_system_fonts=True).query("<x>", field="value", one=True)
    assert json.loads(value) == text


def test_no_typed_text_reaches_typst_outside_a_string_literal():
    info = PdfInfo(person_name='Ola "#let" Nordmann', meeting_day=date(2026, 3, 2), author="#panic()")
    source = typst_source("Hei #panic() $x$ <l> @r\n\n| a | b |\n|---|---|\n| #cell9 | d |", info)
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', "", source)  # everything but the string literals
    for typed in ("panic", "Ola", "Nordmann", "#let", "$x$", "<l>", "@r", "#cell9"):
        assert typed not in outside, typed
    assert '"Ola \\"#let\\" Nordmann"' in source


# ---------------------------------------------------------------------------- the standards
def test_the_pdf_is_pdfa_2a_and_pdfua_1_with_its_metadata(demo):
    _group_id, markdown, info = demo
    pdf = pikepdf.open(io.BytesIO(render_pdf(markdown, info)))
    with pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "A"
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == "Referat fra ansvarsgruppemøte — Tiril Testesen — 5. september 2026"
        assert xmp["dc:creator"] == ["Line Lærersen"]
        assert "Tiril Testesen" in xmp["dc:description"] and CONFIDENTIAL in xmp["dc:description"]
        assert "ansvarsgruppe" in xmp["pdf:Keywords"]
        assert _created(xmp) == datetime(2026, 9, 5, 15, 2, 11).astimezone()  # local time, as stored
    root = pdf.Root
    assert "/StructTreeRoot" in root and root.MarkInfo.Marked
    assert str(root.Lang) == "nb-NO"
    assert len(root.OutputIntents) >= 1 and "/DestOutputProfile" in root.OutputIntents[0]
    fonts = 0
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
            fonts += 1
    assert fonts >= 2  # regular and bold DejaVu Sans, embedded
    assert len(pdf.pages) >= 2


def test_the_same_minute_gives_the_same_pdf(demo):
    _group_id, markdown, info = demo
    assert render_pdf(markdown, info) == render_pdf(markdown, info)


@needs_pdftotext
def test_the_text_holds_every_section_measure_the_name_the_marking_and_the_pages(store, demo):
    group_id, markdown, info = demo
    text = _text(render_pdf(markdown, info))
    for title in SECTION_TITLES:
        assert title in text, title
    meeting_id = list(store.finalized_meetings())[-1]["id"]
    measures = store.measures_agreed(meeting_id)
    assert measures
    for measure in measures:
        assert _fold(measure.what) in text and _fold(measure.responsible) in text
    assert "Tiril Testesen" in text and "5. september 2026" in text
    assert text.count(CONFIDENTIAL) >= 3  # in the minute's first line and on both pages' header
    assert "side 1 av 2" in text and "side 2 av 2" in text
    assert "Referat fra ansvarsgruppemøte" in text


@needs_pdftotext
@settings(max_examples=25, deadline=None)
@given(hostile_text.map(" ".join), hostile_text.map(" ".join))
def test_hostile_typed_text_comes_out_literally(challenge, what):
    challenge, what = _fold(challenge) or "x", _fold(what) or "y"
    minute = Minute(person_name="Ola #Nordmann", starts_at=datetime(2026, 3, 2, 14), challenge=challenge,
                    measures=[Measure(id=1, group_id=1, meeting_id=1, what=what, responsible="PPT [x]")])
    text = _text(render_pdf(render_minute(minute), PdfInfo("Ola #Nordmann", date(2026, 3, 2), "A")))
    assert challenge in text
    assert what in text
    assert "Ola #Nordmann" in text and "PPT [x]" in text


def test_a_character_no_font_has_becomes_a_replacement_and_the_pdf_is_made():
    minute = Minute(person_name="Ola", starts_at=datetime(2026, 3, 2, 14), challenge="Tolk på 中文 og ሰላም")
    pdf = render_pdf(render_minute(minute), PdfInfo("Ola", date(2026, 3, 2), "A"))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        assert "Tolk på" in _text(pdf)


@needs_pdftotext
def test_a_very_long_word_is_broken_inside_the_page_and_kept_whole_in_the_text():
    word = "Kjempelangtordutenmellomrom" * 6
    minute = Minute(person_name="Ola", starts_at=datetime(2026, 3, 2, 14), challenge=word)
    text = _text(render_pdf(render_minute(minute), PdfInfo("Ola", date(2026, 3, 2), "A")))
    assert word in "".join(text.split()).replace("\u200b", "")


# ---------------------------------------------------------------------------- finalize and export
@pytest.fixture
def held(store):
    group_id = create_demo_group(store)
    meeting_id = begin_meeting(store, group_id)
    store.save_meeting_fields(meeting_id, {"worked": "Leseøktene om morgenen fungerer."})
    return group_id, meeting_id


def test_finalize_writes_the_pdf_beside_the_markdown_stamped_with_the_finalize_time(store, held, tmp_path):
    _group_id, meeting_id = held
    done = finalize_minute(store, meeting_id, tmp_path / "referater")
    assert done.pdf_problem is None and done.pdf_path == done.path.with_suffix(".pdf")
    assert (done.pdf_path.stat().st_mode & 0o777) == 0o600
    assert not list(done.path.parent.glob(".*"))  # no temporary file left
    finalized_at = datetime.fromisoformat(store.meeting(meeting_id).finalized_at)
    with pikepdf.open(done.pdf_path) as pdf, pdf.open_metadata() as xmp:
        assert _created(xmp) == finalized_at.astimezone()
        coordinator = next(m.name for m in store.members(store.meeting(meeting_id).group_id) if m.is_coordinator)
        assert xmp["dc:creator"] == [coordinator]

    # The same minute exported later gives the same bytes.
    export_pdfs(store, tmp_path / "ut")
    assert (tmp_path / "ut" / done.pdf_path.name).read_bytes() == done.pdf_path.read_bytes()


def test_the_routine_can_turn_the_pdf_off(store, held, tmp_path):
    from moteleder.profiles import get_profile

    _group_id, meeting_id = held
    profiles = {"standard": dataclasses.replace(get_profile("standard"), archive_pdf=False)}
    done = finalize_minute(store, meeting_id, tmp_path / "referater", profiles)
    assert done.pdf_path is None and done.pdf_problem is None
    assert [p.name for p in (tmp_path / "referater").iterdir()] == [done.path.name]


def test_a_pdf_that_cannot_be_made_keeps_the_minute_with_a_norwegian_message(store, held, tmp_path, monkeypatch):
    import moteleder.minute.pdf as pdf_module

    _group_id, meeting_id = held

    def broken(markdown, info):
        raise PdfError("PDF-en av referatet kunne ikke lages.")

    monkeypatch.setattr(pdf_module, "render_pdf", broken)
    session = MeetingSession(store, meeting_id)
    path = session.finalize(tmp_path / "referater")
    assert store.meeting(meeting_id).is_finalized
    assert path.read_text(encoding="utf-8") == store.meeting(meeting_id).minute_md
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no PDF, no temporary file
    assert session.pdf_problem and "ferdigstilt og lagret" in session.pdf_problem
    assert "PDF-en" in session.pdf_problem and "moteleder eksport --pdf" in session.pdf_problem


def test_export_pdfs_writes_every_finalized_minute_beside_the_exported_markdown(store, tmp_path):
    from moteleder.export import unique_name

    create_demo_group(store)
    rows = list(store.finalized_meetings())
    seen: list[tuple[int, int, str]] = []
    result = export_pdfs(store, tmp_path / "ut", on_progress=lambda done, total, path: seen.append(
        (done, total, path.name)))
    taken: set[str] = set()
    names = [unique_name(datetime.fromisoformat(r["starts_at"]), r["person_name"], taken)[:-3] + ".pdf"
             for r in rows]
    assert result.written == len(rows) and result.failed == []
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == sorted(names)
    assert seen == [(i + 1, len(rows), name) for i, name in enumerate(names)]
    for name in names:
        assert Path(tmp_path / "ut" / name).read_bytes().startswith(b"%PDF")
