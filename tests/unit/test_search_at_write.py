"""The search index is current right after every kind of write (no refresh before the search),
and an older file's unindexed documents reach the same results after the batched migration."""

from __future__ import annotations

from datetime import date, datetime

from moteleder.search import fts_query, index_backlog, indexing_progress, search
from moteleder.store import Store
from moteleder.synthetic import generate_groups


def _indexed(store, words: str) -> list[str]:
    """The documents the index itself finds, read straight from FTS5 (no refresh, no search())."""
    return [key for (key,) in store.conn.execute(
        "select d.doc_key from search_docs_fts f join search_docs d on d.id = f.rowid "
        "where search_docs_fts match ? order by d.doc_key", [fts_query(words)])]


def _nothing_waiting(store) -> bool:
    return store.conn.execute("select count(*) from search_dirty").fetchone()[0] == 0


def test_autosaved_notes_finalize_and_delete_are_indexed_in_the_same_commit(store):
    group_id = store.create_group("Ola Nordmann")
    meeting_id = store.create_meeting(group_id, datetime(2026, 3, 2, 14, 0))
    store.start_meeting(meeting_id)
    store.save_meeting_fields(meeting_id, {"worked": "Svømmetreningen på tirsdager fungerer."})
    assert _indexed(store, "svømmetrening") == [f"notes:{meeting_id}"] and _nothing_waiting(store)
    store.save_meeting_fields(meeting_id, {"worked": "Ridningen fungerer."})  # the word typed away
    assert _indexed(store, "svømmetrening") == [] and _indexed(store, "ridning") == [f"notes:{meeting_id}"]
    store.save_meeting_fields(meeting_id, {"current_step": "summary", "step_seconds": {"opening": 60}})
    assert _nothing_waiting(store)  # the clock and the step change no document: nothing re-stemmed
    store.finalize_meeting(meeting_id, "# Referat\n\nRidningen fungerer godt.", minute_path=None)
    assert _indexed(store, "ridning") == [f"minute:{meeting_id}"] and _nothing_waiting(store)
    other = store.create_meeting(group_id, datetime(2026, 4, 2, 14, 0))
    store.save_meeting_fields(other, {"challenge": "Skolevegringen øker."})
    assert _indexed(store, "skolevegring") == [f"notes:{other}"]
    store.delete_meeting(other)
    assert _indexed(store, "skolevegring") == [] and _nothing_waiting(store)


def test_a_measure_added_changed_reviewed_and_deleted_is_indexed_at_once(store):
    group_id = store.create_group("Kari Nordmann")
    meeting_id = store.create_meeting(group_id, datetime(2026, 3, 2, 14, 0))
    measure_id = store.add_measure(group_id, meeting_id, "Logoped hver uke", responsible="PPT")
    assert _indexed(store, "logopeden") == [f"measure:{measure_id}"]
    store.update_measure(measure_id, what="Fysioterapi hver uke")
    assert _indexed(store, "logoped") == [] and _indexed(store, "fysioterapi") == [f"measure:{measure_id}"]
    store.set_review(measure_id, meeting_id, status="partly", comment="Ventetid hos fysioterapeuten")
    assert _indexed(store, "ventetiden") == [f"measure:{measure_id}"]
    store.move_meeting(meeting_id, datetime(2026, 3, 9, 14, 0))  # the measure's day follows its meeting
    [hit] = search(store, "ventetiden")
    assert hit.day == "2026-03-09"
    store.delete_measure(measure_id)
    assert _indexed(store, "fysioterapi") == [] and _nothing_waiting(store)


def _results(store, words: str) -> set[tuple]:
    return {(h.kind, h.group_id, h.meeting_id, h.day, h.snippet) for h in search(store, words, limit=10_000)}


def test_a_file_made_the_old_way_reaches_the_same_results_after_the_migration(tmp_path):
    fresh = Store.open(tmp_path / "fresh.db")
    generate_groups(fresh, 12, seed=3, today=date(2026, 6, 1))
    old = Store.open(tmp_path / "old.db")
    generate_groups(old, 12, seed=3, today=date(2026, 6, 1))
    # As a file from before m023: no index yet, every document marked for the first search.
    # (Written past the store, whose commit would index the marks at once.)
    old.conn.execute("delete from search_docs")
    old.conn.execute("insert into search_dirty (kind, ref_id) select 'meeting', id from meetings")
    old.conn.execute("insert into search_dirty (kind, ref_id) select 'measure', id from measures")
    old.conn.execute("delete from _sqlite_migrations where name = 'm023_search_at_write'")
    old.conn.execute("drop table search_backlog")
    old.conn.commit()
    old.close()
    old = Store.open(tmp_path / "old.db")  # m023 moves the marks to the backlog
    progress = indexing_progress(old)
    assert progress is not None and progress[0] == 0
    assert search(old, "tiltak") == []  # a search meanwhile shows what is indexed: nothing yet
    seen: list[tuple[int, int]] = []
    assert index_backlog(old, batch=40, max_batches=1, on_progress=lambda n, m: seen.append((n, m))) is False
    assert indexing_progress(old) == seen[-1] and 0 < seen[-1][0] < seen[-1][1]
    assert index_backlog(old, batch=40, on_progress=lambda n, m: seen.append((n, m))) is True
    assert seen[-1][0] == seen[-1][1] and indexing_progress(old) is None
    for words in ("tiltak", "skole", "mor ansvar", "søvn"):
        assert _results(old, words) == _results(fresh, words)
    fresh.close()
    old.close()


def test_indekser_builds_what_an_older_file_has_waiting_once(store, db_path, capsys):
    from moteleder.cli import main

    generate_groups(store, 3, seed=2, today=date(2026, 6, 1))
    store.conn.execute("delete from search_docs")
    store.conn.execute("insert into search_backlog (kind, ref_id) select 'meeting', id from meetings")
    store.conn.commit()
    store.close()
    assert main(["indekser", "--db", str(db_path)]) == 0
    assert "Søkeindeksen er bygget" in capsys.readouterr().out
    assert main(["indekser", "--db", str(db_path)]) == 0
    assert "allerede komplett" in capsys.readouterr().out
    assert main(["sok", "tiltak", "--db", str(db_path)]) == 0
    assert "treff" in capsys.readouterr().out
