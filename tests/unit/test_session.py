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


def test_while_the_minute_is_finalized_nothing_is_saved_and_the_text_waits(session, store, tmp_path):
    session.begin_finalize()
    assert session.finalizing
    session.pending["aob"] = "Skrevet mens referatet lagres."
    assert session.flush() is Saved.NOTHING and session.pending == {"aob": "Skrevet mens referatet lagres."}
    with pytest.raises(StoreError):
        session.write(store.set_attendance, session.meeting_id, session.members[0].id, "present")
    with pytest.raises(StoreError):
        session.begin_finalize()  # a second F10
    assert session.renew_lease()  # the heartbeat waits too
    session.finalize_minute(tmp_path / "referater")
    assert session.finalized and not session.finalizing


def test_a_finalize_that_fails_in_its_second_half_leaves_the_meeting_open(session, store, tmp_path, monkeypatch):
    import moteleder.meeting

    def locked(*args, **kwargs):
        raise StoreError("Databasen er i bruk av et annet program akkurat nå, så det siste ble ikke lagret.")

    monkeypatch.setattr(moteleder.meeting, "finalize", locked)
    session.begin_finalize()
    with pytest.raises(StoreError):
        session.finalize_minute(tmp_path / "referater")
    assert not session.finalizing and not session.finalized
    session.pending["aob"] = "Skrevet etterpå"
    assert session.flush() is Saved.SAVED  # saving goes on
    assert not store.meeting(session.meeting_id).is_finalized


# ---------------------------------------------------------------- who is here, and the routine's rules
def _group(store, profile_id: str, *, age: int, services: int, person_member: bool = True) -> int:
    from datetime import date

    group_id = store.create_group("Mina Muster", birth_year=date.today().year - age, profile_id=profile_id)
    if person_member:
        store.add_member(group_id, "Mina Muster", role="eleven", kind="person")
    store.add_member(group_id, "Mona Muster", role="mor", kind="guardian")
    for i in range(services):
        store.add_member(group_id, f"Fagperson {i}", role="rådgiver", service=f"Tjeneste {i}", is_coordinator=i == 0)
    return group_id


def _session_for(store, group_id: int) -> MeetingSession:
    from moteleder.profiles import get_profile

    return MeetingSession(store, begin_meeting(store, group_id), profile=get_profile(store.group(group_id).profile_id))


def test_odda_four_members_besides_family_is_fine(store):
    """(Moved from the app tests: the opening shows no membership warnings.)"""
    session = _session_for(store, _group(store, "odda", age=8, services=4))
    assert session.membership_warnings() == []


def test_odda_warns_about_a_fifth_member_and_the_person_from_seven(store):
    session = _session_for(store, _group(store, "odda", age=8, services=5, person_member=False))
    text = "\n".join(session.membership_warnings())
    assert ("5 medlemmer" in text or "fem medlemmer" in text) and "fast medlem" in text


def test_farsund_asks_for_the_parents_or_a_recorded_agreement(store):
    session = _session_for(store, _group(store, "farsund", age=12, services=2))
    assert session.attendance_warnings() == []  # nobody marked yet
    mother = next(m for m in session.members if m.kind == "guardian")
    person = next(m for m in session.members if m.kind == "person")
    store.set_attendance(session.meeting_id, mother.id, "absent")
    store.set_attendance(session.meeting_id, person.id, "present")
    assert any("Foresatte er ikke til stede" in w for w in session.attendance_warnings())
    session.agree_without_guardians(True)
    assert not any("Foresatte" in w for w in session.attendance_warnings())
    assert store.meeting(session.meeting_id).agreed_without_guardians


def test_a_guest_is_present_at_this_meeting_only_and_a_new_measure_is_this_meetings(session, store):
    guest = session.add_guest("Hanne Helse", "helsesykepleier")
    assert guest in session.members and not guest.standing
    assert store.attendance(session.meeting_id)[guest.id] == "present"
    assert "Hanne Helse" in session.names()
    measure = session.add_measure()
    assert [m.id for m in store.measures_agreed(session.meeting_id)][-1] == measure.id


def test_the_next_meetings_time_is_read_back_or_refused_in_norwegian(session):
    from datetime import timedelta

    from moteleder.dates import DateInputError

    assert session.next_meeting_when("  ", "14.00") == ""
    later = session.meeting_day + timedelta(days=30)
    text = session.next_meeting_when(later.strftime("%d.%m.%Y"), "14:00")
    assert text.endswith("kl. 14.00") and "ikke etter" not in text
    assert session.next_meeting_when(session.meeting_day.strftime("%d.%m.%Y"), "").endswith(
        "— datoen er ikke etter dette møtet")
    with pytest.raises(DateInputError):
        session.next_meeting_when("31.02.2027", "")
    with pytest.raises(DateInputError):
        session.next_meeting_when(later.strftime("%d.%m.%Y"), "25.99")


def test_ordinary_meeting_talk_raises_no_flag(session):
    """(Moved from the app tests: no banner for ordinary talk about a decision.)"""
    text = "Han har vedtak om spesialundervisning, og opplæringen i norsk går fint."
    assert session.check("worked", text) is None
