"""Hostile names and notes, typed as a user would, never shape the invitation or the minute.

Names and notes go in through the store; the invitation and the minute are rendered from
it and read back with markdown-it: no heading, list, rule or quote comes from user text, and
no NUL, bidi override or zero-width character survives (the store removes them from names,
the rendering from everything).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from moteleder import minute as minute_module
from moteleder.invitation import build_invitation, render_markdown
from moteleder.minute import build_minute, render_minute
from moteleder.store import Store
from moteleder.typed_text import REMOVED, clean_text

MD = MarkdownIt("commonmark").enable("table")
FORBIDDEN = "\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff\x1b"
PIECES = ["[", "[/]", "[b]", "[@click=app.quit]x[/]", "\\[", "# ", "1. ", "2) ", "---", "***", "___", "=cmd",
          "=== ", "> ", "- ", "* ", "+ ", "\x00", "\u202e", "\u2066", "\u200b", "\ufeff", "\x1b[31m", "\n", "\r\n",
          "\n\n", "\n# Overskrift\n", "\n- punkt\n", "\n---\n", "| a |", "<b>", "[lenke](javascript:x)", "`",
          "Ola", "Nordmann", " "]
hostile = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=7).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
)


@lru_cache(maxsize=1)
def _store() -> Store:
    """One in-memory database for all examples (each example makes its own group)."""
    return Store.memory()


def _types(tokens) -> list[str]:
    found = []
    for tok in tokens:
        found.append(tok.type)
        found += _types(tok.children or [])
    return found


def _headings(tokens) -> list[tuple[str, str]]:
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def _assert_no_structure_from_user_text(tokens) -> None:
    types = _types(tokens)
    for kind in ("hr", "blockquote_open", "html_block", "html_inline", "code_block", "fence", "link_open",
                 "image"):
        assert kind not in types, kind
    # every list is one of ours: at the top level, never nested in a list item
    assert all(tok.level == 0 for tok in tokens if tok.type in ("bullet_list_open", "ordered_list_open"))


def _items(tokens) -> list[tuple[str, int]]:
    """Each top-level list: its kind and how many items it has."""
    lists = []
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([tok.type, 0])
        elif tok.type == "list_item_open":
            lists[-1][1] += 1
    return [tuple(item) for item in lists]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=hostile, members=st.lists(st.tuples(hostile, hostile), min_size=1, max_size=3), theme=hostile,
       invitees=hostile, reported=st.lists(st.tuples(hostile, hostile), max_size=2), note=hostile,
       measure=hostile, referent=hostile)
def test_hostile_names_and_notes_never_shape_the_invitation_or_the_minute(
    person, members, theme, invitees, reported, note, measure, referent
):
    store = _store()
    group_id = store.create_group(person)
    member_ids = [store.add_member(group_id, name, role=role, is_coordinator=i == 0)
                  for i, (name, role) in enumerate(members)]
    # input: the store keeps no forbidden character in a name
    assert not set(FORBIDDEN) & set(store.group(group_id).person_name)
    assert not set(FORBIDDEN) & set("".join(m.name + m.role for m in store.members(group_id)))

    planned = store.create_meeting(group_id, datetime(2030, 3, 4, 14), theme=theme, invitees=invitees)
    for who, text in reported:
        store.add_agenda_item(planned, who, text)
    invitation = build_invitation(store, planned, sent_on=date(2030, 2, 1))
    text = render_markdown(invitation)
    assert not set(FORBIDDEN) & set(text)
    tokens = MD.parse(text)
    assert _headings(tokens) == [("h1", "Innkalling til ansvarsgruppemøte"), ("h2", "Innkalt"),
                                 ("h2", "Saksliste"), ("h2", "Saker meldt inn på forhånd")]
    _assert_no_structure_from_user_text(tokens)
    info = 2 + bool(invitation.theme) + bool(invitation.coordinator)
    invited = len(invitation.invited) + bool(invitation.extra_invitees.strip())
    assert _items(tokens) == [("bullet_list_open", info), ("bullet_list_open", invited),
                              ("ordered_list_open", len(invitation.steps)),
                              ("bullet_list_open", max(1, len(reported)))]

    held = store.create_meeting(group_id, datetime(2030, 1, 7, 9))
    store.start_meeting(held)
    for i, member_id in enumerate(member_ids):
        store.set_attendance(held, member_id, "absent" if i % 2 else "present")
    store.save_meeting_fields(held, {"person_voice": note, "worked": note, "challenge": note, "aob": note,
                                     "previous_comment": note, "referent": referent, "next_theme": note})
    store.add_measure(group_id, held, measure or "x", responsible=referent)
    text = render_minute(build_minute(store, held))
    assert not set(FORBIDDEN) & set(text)
    tokens = MD.parse(text)
    assert _headings(tokens) == [("h1", minute_module.TITLE)] + [("h2", t) for t in minute_module.SECTION_TITLES]
    _assert_no_structure_from_user_text(tokens)
    absent = sum(1 for i in range(len(member_ids)) if i % 2)
    assert _items(tokens) == ([("bullet_list_open", absent)] if absent else [])


def test_clean_text_removes_only_what_never_belongs():
    assert clean_text("O\x00la\u202e Nord\u200bmann\ufeff") == "Ola Nordmann"
    assert clean_text("linje 1\nlinje 2\tmed tab\r\n") == "linje 1\nlinje 2\tmed tab\r\n"
    assert clean_text("a\u2028b\x0cc") == "a\nb\nc"
    assert clean_text("Ærlig Øvre Åsen — «sitat» 👍🏽") == "Ærlig Øvre Åsen — «sitat» 👍🏽"
    assert not set(FORBIDDEN) - set(REMOVED)


def test_the_store_cleans_names_when_they_are_changed(store):
    group_id = store.create_group("\u200bOla\u202e Nordmann")
    store.update_group(group_id, person_name="Ola\x00 Nordmann\u2066")
    member = store.add_member(group_id, "Kari\u200d", role="mor\u202d", service="\ufeffPPT", contact="\x00")
    store.update_member(member, name="Kari\u2060 Nordmann")
    assert store.group(group_id).person_name == "Ola Nordmann"
    saved = store.member(member)
    assert (saved.name, saved.role, saved.service, saved.contact) == ("Kari Nordmann", "mor", "PPT", "")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=hostile, coordinator=hostile, theme=hostile, invitees=hostile)
@example(person="Ola", coordinator="0\r0", theme="", invitees="")  # a lone CR once split the row
def test_hostile_names_never_run_in_a_spreadsheet_or_shape_the_calendar_file(person, coordinator, theme, invitees):
    import csv
    import io

    from icalendar import Calendar

    from moteleder.attention import needs_attention
    from moteleder.invitation import render_ics
    from moteleder.overview import COLUMNS, overview_row
    from moteleder.spreadsheet import csv_writer

    store = Store.memory()
    group_id = store.create_group(person)
    store.add_member(group_id, coordinator, role="kontaktlærer", is_coordinator=True)
    planned = store.create_meeting(group_id, datetime(2030, 3, 4, 14), theme=theme, invitees=invitees)

    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(COLUMNS)
    for status in needs_attention(store, date(2030, 1, 1)):
        writer.writerow(overview_row(status, planned))
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=";"))
    assert len(rows) == 2 and len(rows[1]) == len(COLUMNS)  # a newline in a name stays in its cell
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in rows[1])

    ics = render_ics(build_invitation(store, planned, sent_on=date(2030, 2, 1)), now=datetime(2030, 2, 1, 8))
    assert not set(FORBIDDEN) & set(ics)
    calendar = Calendar.from_ical(ics)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1  # no text can end the event or start another
    assert events[0].decoded("dtstart").hour == 14
    assert "COMMENT" not in ics
