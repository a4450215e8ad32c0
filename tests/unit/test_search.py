"""Full-text search: Norwegian word forms, an index that follows every change, and `moteleder sok`."""

from __future__ import annotations

from datetime import datetime

from moteleder.cli import main
from moteleder.demo import create_demo_group
from moteleder.search import search, stem_text


def test_inflected_forms_share_a_stem():
    assert stem_text("Tiltakene") == stem_text("tiltak")
    assert stem_text("kartleggingen") == stem_text("kartlegging")


def test_search_finds_other_word_forms_in_minutes_and_measures(store):
    group_id = create_demo_group(store)
    hits = search(store, "søvndagboka")
    kinds = {h.kind for h in hits}
    assert kinds == {"minute", "measure"}
    assert all(h.group_id == group_id and h.person_name == "Tiril Testesen" for h in hits)
    measure = next(h for h in hits if h.kind == "measure")
    assert "Søvnkartlegging med søvndagbok" in measure.snippet
    start, end = measure.marks[0]
    assert measure.snippet[start:end].lower().startswith("søvndagbok")
    assert search(store, "søvndagbok tannlege") == []  # every word must be there


def test_the_index_follows_finalized_meetings_and_changed_measures(store):
    group_id = store.create_group("Ola Nordmann")
    meeting_id = store.create_meeting(group_id, datetime(2026, 3, 2, 14, 0))
    store.start_meeting(meeting_id)
    store.save_meeting_fields(meeting_id, {"worked": "Svømmetreningen på tirsdager fungerer."})
    [notes] = search(store, "svømmetrening")
    assert notes.kind == "notes"
    store.finalize_meeting(meeting_id, "# Referat\n\nSvømmetreningen fungerer godt.", minute_path=None)
    assert [h.kind for h in search(store, "svømmetrening")] == ["minute"]
    measure_id = store.add_measure(group_id, meeting_id, "Logoped hver uke", responsible="PPT")
    assert [h.kind for h in search(store, "logopeden")] == ["measure"]
    store.update_measure(measure_id, what="Fysioterapi hver uke")
    assert search(store, "logoped") == []
    store.set_review(measure_id, meeting_id, status="partly", comment="Ventetid hos fysioterapeuten")
    assert [h.kind for h in search(store, "ventetiden")] == ["measure"]
    store.delete_measure(measure_id)
    assert search(store, "fysioterapi") == []


def test_closed_groups_stay_searchable_and_referrals_are_never_indexed(store):
    from datetime import date

    group_id = create_demo_group(store)
    store.add_referral(group_id, None, "klage", "challenge", "Klage på vedtaket om avlastning")
    store.close_group(group_id, date(2026, 1, 1), "Flyttet")
    hits = search(store, "friminuttene")
    assert hits and all(h.group_closed for h in hits)
    assert search(store, "avlastning klage") == []


def test_sok_command_prints_group_date_and_snippet(store, db_path, capsys):
    create_demo_group(store)
    store.close()
    assert main(["sok", "kartleggingen", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Tiril Testesen" in out and "kartlegging" in out.lower() and "2 treff" in out
    assert main(["sok", "tannlegetime", "--db", str(db_path)]) == 0
    assert "Fant ingenting om «tannlegetime»." in capsys.readouterr().out


def test_a_stem_is_always_the_beginning_of_its_word():
    """make_snippet looks only at words that begin with a searched stem; that finds every
    match only if the stemmer never changes the start of a word. Checked on every word of
    the guard corpora (bokmål and nynorsk) and some inflected forms."""
    import json
    import re
    from pathlib import Path

    from moteleder.search import stem

    data = Path(__file__).resolve().parent.parent / "data"
    text = " ".join(
        json.loads(line)["text"] for name in ("guard_corpus.jsonl", "guard_heldout.jsonl")
        for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()
    )
    words = set(re.findall(r"\w+", text.lower())) | {"tiltakene", "kommentert", "bøkene", "åpnet", "ærligheten"}
    assert len(words) > 1000
    assert [w for w in words if not w.startswith(stem(w))] == []


def test_the_snippet_marks_every_form_of_the_word_and_nothing_else():
    from moteleder.search import make_snippet, stem

    text = "## Tiltak\n\n| Tiltak | Ansvar |\n|---|---|\n| Tiltakene på *skolen* | PPT |\n\nKartleggingen av tilpasset opplegg."
    snippet, marks = make_snippet(text, [stem("tiltak")])
    assert [snippet[a:b] for a, b in marks] == ["Tiltak", "Tiltak", "Tiltakene"]
    assert "tilpasset" in snippet and "|" not in snippet and "*" not in snippet
