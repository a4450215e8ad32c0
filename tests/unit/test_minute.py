"""The minute's structure survives whatever the leader types."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from markdown_it import MarkdownIt

from moteleder.minute import (
    CONFIDENTIAL,
    SECTION_TITLES,
    TITLE,
    Minute,
    ReviewedMeasure,
    render_minute,
)
from moteleder.models import Measure, Member, Review

HOSTILE = [
    "# Overskrift",
    "## To\n### Tre",
    "a | b | c",
    "|---|---|",
    "`kode` og ```blokk```",
    "<script>alert('x')</script>",
    "<b>fet</b> &amp; &lt;",
    "linje én\nlinje to\n\n\nny del",
    "- punkt\n* punkt\n+ punkt\n1. nummer\n2) nummer",
    "> sitat",
    "Tekst\n===",
    "Tekst\n---",
    "    innrykk som kode",
    "[lenke](javascript:alert(1)) ![bilde](x.png)",
    "😀👨‍👩‍👧 æøå ÆØÅ",
    "x" * 5000,
    "slutter med \\",
    "***\n___",
    "",
]

md = MarkdownIt("commonmark").enable("table")


def minute_with(text: str) -> Minute:
    member = Member(1, 1, text or "Navn", role=text, service=text)
    measure = Measure(1, 1, 1, what=text, responsible=text, due_on=date(2027, 1, 15))
    return Minute(
        person_name=text or "Ola",
        starts_at=datetime(2026, 11, 24, 14, 0),
        present=[member, member],
        absent=[member],
        previous_comment=text,
        had_previous=True,
        followed_up=[ReviewedMeasure(measure, Review(1, 2, "partly", text, "delvis"))],
        person_voice=text,
        worked=text,
        challenge=text,
        measures=[Measure(2, 1, 2, what=text or "tiltak", responsible=text, due_on=None)],
        aob_items=text,
        aob=text,
        referral_lines=[text] if text else [],
        next_meeting_text=text,
        next_theme=text,
        next_invitees=text,
        referent=text,
        closing_lines=[text] if text else [],
    )


def headings(tokens) -> list[str]:
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def table_shapes(tokens) -> list[tuple[int, list[int]]]:
    """For each table: the number of header cells and the cell count of every body row."""
    shapes, header, rows, row = [], 0, [], 0
    section = None
    for t in tokens:
        if t.type == "table_open":
            header, rows = 0, []
        elif t.type in ("thead_open", "tbody_open"):
            section = t.type
        elif t.type == "tr_open":
            row = 0
        elif t.type in ("th_open", "td_open"):
            row += 1
        elif t.type == "tr_close":
            if section == "thead_open":
                header = row
            else:
                rows.append(row)
        elif t.type == "table_close":
            shapes.append((header, rows))
    return shapes


@pytest.mark.parametrize("text", HOSTILE)
def test_typed_text_never_changes_the_structure(text):
    tokens = md.parse(render_minute(minute_with(text)))
    assert headings(tokens) == [TITLE, *SECTION_TITLES]
    assert table_shapes(tokens) == [(2, [2, 2]), (4, [4]), (3, [3])]
    assert not [t for t in tokens if t.type in ("html_block", "html_inline", "code_block", "fence", "hr")]
    inline_html = [c for t in tokens if t.children for c in t.children if c.type in ("html_inline", "link_open",
                                                                                    "image")]
    assert not inline_html


def test_sections_come_in_the_order_the_routines_ask_for():
    text = render_minute(minute_with("Notat"))
    assert text.startswith(f"**{CONFIDENTIAL}**")
    positions = [text.index(f"## {title}") for title in SECTION_TITLES]
    assert positions == sorted(positions)
    assert "**Dato og tid:** tirsdag 24. november 2026 kl. 14.00" in text


def test_typed_text_is_kept_readable():
    rendered = md.render(render_minute(minute_with("Mor sier: «a | b» <ok> & #1")))
    assert "Mor sier: «a | b» &lt;ok&gt; &amp; #1" in rendered


def test_default_deadline_is_fourteen_days_after_the_meeting():
    minute = minute_with("x")
    minute.closing_lines = []
    assert "Referatet skal ferdigstilles innen 8. desember 2026." in render_minute(minute)


def test_empty_meeting_says_so_in_plain_words():
    minute = Minute(person_name="Ola", starts_at=datetime(2026, 11, 24, 9, 5))
    text = render_minute(minute)
    assert "Ingen nye tiltak." in text and "Ikke avtalt" in text and "Første møte" in text
