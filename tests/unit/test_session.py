"""The live meeting's rules through MeetingSession, without Textual: the autosave buffer and its
retry, the guard's flags and the leader's choices, referrals, one writer, finalizing."""

from __future__ import annotations

import pytest

from moteleder import lease
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting
from moteleder.session import Flag, MeetingSession, ReadOnly, Saved
from moteleder.store import Store, StoreError


@pytest.fixture
def session(store) -> MeetingSession:
    return MeetingSession(store, begin_meeting(store, create_demo_group(store)))


def _fail_saves(monkeypatch, store) -> None:
    def full(*args, **kwargs):
        raise StoreError("Disken er full.")

    monkeypatch.setattr(store, "save_meeting_fields", full)


def test_typed_text_is_saved_on_flush_and_nothing_is_written_when_nothing_changed(session, store, monkeypatch):
    session.pending["worked"] = "Leseøktene fungerer."
    assert session.flush() is Saved.SAVED
    assert store.meeting(session.meeting_id).worked == "Leseøktene fungerer."
    writes = []
    monkeypatch.setattr(store, "save_meeting_fields", lambda *a, **k: writes.append(a))
    assert session.flush() is Saved.NOTHING and writes == []


def test_a_failed_save_keeps_the_text_and_newer_typing_wins_on_the_retry(session, store, monkeypatch):
    _fail_saves(monkeypatch, store)
    session.pending.update(worked="Første versjon", challenge="Søvn")
    assert session.flush() is Saved.FAILED and session.save_error == "Disken er full."
    assert session.flush() is Saved.STILL_FAILING  # said once, not on every tick
    session.pending["worked"] = "Andre versjon"  # typed while the disk was full
    monkeypatch.undo()
    assert session.flush() is Saved.RECOVERED and session.save_error is None
    saved = store.meeting(session.meeting_id)
    assert (saved.worked, saved.challenge) == ("Andre versjon", "Søvn")


def test_measure_changes_waiting_are_merged_with_newer_ones_after_a_failure(session, store, monkeypatch):
    measure_id = store.add_measure(session.group.id, session.meeting_id)

    def full(*args, **kwargs):
        raise StoreError("Disken er full.")

    monkeypatch.setattr(store, "update_measure", full)
    session.pending_measures[measure_id] = {"what": "Kartlegge lesing", "responsible": "PPT"}
    assert session.flush() is Saved.FAILED
    session.pending_measures.setdefault(measure_id, {})["responsible"] = "PPT v/ Nils"
    monkeypatch.undo()
    assert session.flush() is Saved.RECOVERED
    measure = store.measures_agreed(session.meeting_id)[0]
    assert (measure.what, measure.responsible) == ("Kartlegge lesing", "PPT v/ Nils")


def test_the_guard_flags_a_complaint_and_a_kept_flag_stays_quiet_and_is_recorded(session, store):
    text = "Vi vil klage på vedtaket om avlastning. Ellers går det fint."
    flag = session.check("challenge", text)
    assert flag is not None and flag.category == "klage" and flag.level in ("flag", "ask")
    session.keep(flag, text)
    assert session.check("challenge", text) is None
    assert session.check("aob", text) is not None  # kept for that field only
    feedback = list(store.guard_feedback())
    assert [(f["kind"], f["category"], f["text"]) for f in feedback] == [
        ("false_alarm", "klage", "Vi vil klage på vedtaket om avlastning.")]


def test_refer_moves_the_sentence_out_of_the_note_into_the_private_list(session, store):
    text = "Lesingen går tregt. Vi vil klage på vedtaket om avlastning. Matte går bedre."
    flag = session.check("challenge", text)
    rest = session.refer_flag(flag, text)
    assert rest == "Lesingen går tregt. Matte går bedre."
    assert [(r.category, r.text) for r in store.referrals(meeting_id=session.meeting_id)] == [
        ("klage", "Vi vil klage på vedtaket om avlastning.")]
    assert list(store.guard_feedback()) == []  # the guard found it: not a miss


def test_a_manual_refer_is_a_miss_kept_as_feedback(session, store):
    text = "Alt går fint. Vi har ventet på logopeden siden august."
    rest = session.refer("worked", text, "misnoye", 20, 20, manual=True)
    assert rest == "Alt går fint."
    (row,) = list(store.guard_feedback())
    assert (row["kind"], row["category"], row["text"]) == ("missed", "misnoye",
                                                            "Vi har ventet på logopeden siden august.")


def test_a_flag_whose_words_are_gone_refers_nothing(session, store):
    flag = Flag("challenge", "klage", "klage på vedtaket", 7, 24)
    assert session.refer_flag(flag, "Alt er bra nå.") is None
    assert store.referrals(meeting_id=session.meeting_id) == []


def test_a_second_session_on_a_running_meeting_reads_only(session, store, db_path):
    session.take_lease()
    assert not session.read_only
    other_store = Store.open(db_path)
    other = MeetingSession(other_store, session.meeting_id)
    other.take_lease()
    assert other.read_only and other.other_lease.holder == session.lease_holder
    other.pending["worked"] = "Skrevet i feil vindu"
    assert other.flush() is Saved.NOTHING
    with pytest.raises(ReadOnly):
        other.write(other_store.set_attendance, session.meeting_id, session.members[0].id, "present")
    with pytest.raises(ReadOnly):
        other.finalize(db_path.parent / "referater")
    assert not other.lease_is_free()
    session.leave()  # the first one leaves: free at once
    assert other.lease_is_free()
    other.take_over("worked")
    runner = MeetingSession(other_store, session.meeting_id, lease_holder=other.lease_holder)
    runner.take_lease()
    assert not runner.read_only and runner.meeting.current_step == "worked"
    other.leave()  # the read-only session does not free the lease the runner holds
    assert lease.current(store, session.meeting_id).holder == runner.lease_holder
    other_store.close()


def test_a_session_whose_meeting_was_taken_over_stops_writing(session, store):
    session.take_lease()
    assert lease.acquire(store, session.meeting_id, "annet-vindu", take_over=True) is None
    session.pending["worked"] = "Ikke lagret"
    assert not session.renew_lease() and session.read_only and session.pending == {}
    assert session.flush() is Saved.NOTHING


def test_finalize_saves_what_is_pending_first_and_refuses_while_saves_fail(session, store, tmp_path, monkeypatch):
    _fail_saves(monkeypatch, store)
    session.pending["worked"] = "Skrevet rett før ferdigstilling."
    with pytest.raises(StoreError):
        session.finalize(tmp_path / "referater")
    assert not store.meeting(session.meeting_id).is_finalized and not session.finalized
    monkeypatch.undo()
    path = session.finalize(tmp_path / "referater")
    assert session.finalized and "Skrevet rett før ferdigstilling." in path.read_text(encoding="utf-8")
    assert session.flush() is Saved.NOTHING  # a finalized minute is never written again
