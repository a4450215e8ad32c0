"""Whatever anyone types, the minute keeps its structure, and file names stay in the export folder."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from moteleder import minute as minute_module
from moteleder.export import minute_filename, write_minute
from moteleder.minute import Minute, ReviewedMeasure, render_minute
from moteleder.models import Measure, Member, Review

MD = MarkdownIt("commonmark").enable("table")

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
hostile = st.one_of(
    text,
    st.sampled_from(["# Overskrift", "| a | b |", "<script>x</script>", "---", "===", "1. liste", "> sitat",
                     "```", "    kode", "<!-- -->", "![bilde](x)", "\\", "*", "_", "&amp;", "\n\n## Tiltak\n",
                     "| --- |", "<b>", "[lenke](javascript:x)", " ", "\t", "\r\n"]),
    st.lists(st.sampled_from(["#", "|", "<", ">", "-", "=", "\n", "`", "*", " ", "a", "1.", "\\"]),
             max_size=12).map("".join),
)


def members(draw_names):
    return [Member(id=i, group_id=1, name=name, role=role) for i, (name, role) in enumerate(draw_names)]


@st.composite
def minutes(draw) -> Minute:
    present = members(draw(st.lists(st.tuples(hostile, hostile), max_size=4)))
    absent = members(draw(st.lists(st.tuples(hostile, hostile), max_size=3)))
    agreed = [
        Measure(id=i, group_id=1, meeting_id=1, what=draw(hostile), responsible=draw(hostile),
                due_on=draw(st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31))))
        for i in range(draw(st.integers(0, 4)))
    ]
    followed = [
        ReviewedMeasure(
            Measure(id=100 + i, group_id=1, meeting_id=0, what=draw(hostile), responsible=draw(hostile)),
            draw(st.none() | st.builds(Review, st.just(100 + i), st.just(1),
                                       st.sampled_from([None, "done", "partly", "not_done"]), hostile,
                                       st.sampled_from([None, "ja", "nei", "delvis"]))),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    return Minute(
        person_name=draw(hostile),
        starts_at=draw(st.none() | st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31))),
        present=present,
        absent=absent,
        previous_comment=draw(hostile),
        had_previous=draw(st.booleans()),
        followed_up=followed,
        person_voice=draw(hostile),
        person_label=draw(hostile) or "Personens egen beskrivelse",
        worked=draw(hostile),
        challenge=draw(hostile),
        measures=agreed,
        aob_items=draw(hostile),
        aob=draw(hostile),
        referral_lines=draw(st.lists(hostile, max_size=2)),
        next_meeting_text=draw(hostile),
        next_theme=draw(hostile),
        next_invitees=draw(hostile),
        referent=draw(hostile),
        closing_lines=draw(st.lists(hostile, max_size=2)),
    )


def _headings(tokens) -> list[tuple[str, str]]:
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def _tables(tokens) -> list[tuple[int, list[int]]]:
    """Each table: the header's column count, and the cell count of each body row."""
    tables, current, cells, in_head = [], None, 0, False
    for tok in tokens:
        if tok.type == "table_open":
            current = [0, []]
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            cells = 0
        elif tok.type in ("th_open", "td_open"):
            cells += 1
        elif tok.type == "tr_close":
            if in_head:
                current[0] = cells
            else:
                current[1].append(cells)
        elif tok.type == "table_close":
            tables.append((current[0], current[1]))
    return tables


def _all_types(tokens) -> set[str]:
    types = set()
    for tok in tokens:
        types.add(tok.type)
        types |= _all_types(tok.children or [])
    return types


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes())
def test_any_text_keeps_the_minute_structure(minute: Minute):
    tokens = MD.parse(render_minute(minute))
    assert _headings(tokens) == [("h1", minute_module.TITLE)] + [("h2", t) for t in minute_module.SECTION_TITLES]
    assert not {"html_block", "html_inline"} & _all_types(tokens)

    expected = []
    if minute.present:
        expected.append((2, [2] * len(minute.present)))
    if minute.followed_up:
        expected.append((4, [4] * len(minute.followed_up)))
    agreed = [m for m in minute.measures if m.what.strip()]
    if agreed:
        expected.append((3, [3] * len(agreed)))
    assert _tables(tokens) == expected


names = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["..", "../../etc/passwd", "/", "/etc/passwd", "~", ".", "", " ", "C:\\Windows", "\\\\server",
                     "a/../../b", "\x00", "Ærlig Øvre Åsen", "ß", "..\\..", "~/.ssh/id_rsa"]),
)


@settings(max_examples=300, deadline=None)
@given(names, st.none() | st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1)))
def test_file_names_from_any_name_stay_in_the_folder(name, starts_at):
    filename = minute_filename(starts_at, name)
    assert filename and filename.endswith(".md")
    assert "/" not in filename and "\\" not in filename and "\x00" not in filename
    assert ".." not in filename and not filename.startswith(".")
    assert not Path(filename).is_absolute()
    assert Path(filename).name == filename


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(names, min_size=1, max_size=5))
def test_written_minutes_land_inside_the_export_folder(tmp_path_factory, people):
    folder = tmp_path_factory.mktemp("ut")
    taken: set[str] = set()
    for person in people:
        path = write_minute(folder, datetime(2026, 3, 2, 14), person, "referat", taken=taken)
        assert path.parent == folder and path.resolve().parent == folder.resolve()
    assert len(list(folder.iterdir())) == len(people)  # same-day names get -2, -3 …, nothing overwritten
