"""One meeting, one writer: the lease a running meeting holds."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from moteleder import lease
from moteleder.demo import create_demo_group
from moteleder.meeting import begin_meeting
from moteleder.store import Store


def _meeting(store) -> int:
    return begin_meeting(store, create_demo_group(store))


def _age(store, meeting_id: int, seconds: int) -> None:
    """As if the holder's last heartbeat was `seconds` ago."""
    then = (datetime.now(UTC) - timedelta(seconds=seconds)).replace(microsecond=0).isoformat()
    with store.saving():
        store.conn.execute("update meeting_leases set heartbeat_at = ? where meeting_id = ?", [then, meeting_id])


def test_the_first_instance_gets_the_lease_and_a_second_is_told_who_has_it(store, db_path):
    meeting_id = _meeting(store)
    assert lease.acquire(store, meeting_id, "vindu-1") is None
    other = Store.open(db_path)
    held = lease.acquire(other, meeting_id, "vindu-2")
    assert held is not None and held.holder == "vindu-1" and not held.is_stale()
    assert held.describe().startswith("Møtet er åpent i et annet moteleder-vindu på denne maskinen")
    assert lease.current(store, meeting_id).holder == "vindu-1"  # left alone
    other.close()


def test_the_same_instance_can_take_its_lease_again(store):
    meeting_id = _meeting(store)
    assert lease.acquire(store, meeting_id, "vindu-1") is None
    assert lease.acquire(store, meeting_id, "vindu-1") is None


def test_a_lease_without_heartbeat_for_30_seconds_is_stale_and_taken_over(store):
    meeting_id = _meeting(store)
    lease.acquire(store, meeting_id, "vindu-1")
    _age(store, meeting_id, 10)
    assert lease.acquire(store, meeting_id, "vindu-2") is not None  # still alive
    _age(store, meeting_id, 31)
    assert lease.current(store, meeting_id).is_stale()
    assert lease.acquire(store, meeting_id, "vindu-2") is None
    assert not lease.heartbeat(store, meeting_id, "vindu-1")  # the first one learns it lost it
    assert lease.heartbeat(store, meeting_id, "vindu-2")


def test_a_lease_of_a_process_that_died_on_this_machine_is_free_at_once(store):
    meeting_id = _meeting(store)
    lease.acquire(store, meeting_id, "vindu-1")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with store.saving():
        store.conn.execute("update meeting_leases set pid = ?", [int(dead.stdout)])
    assert lease.acquire(store, meeting_id, "vindu-2") is None


def test_another_machine_is_named_and_take_over_is_explicit(store):
    meeting_id = _meeting(store)
    lease.acquire(store, meeting_id, "vindu-1")
    with store.saving():
        store.conn.execute("update meeting_leases set host = 'kontor-pc-17'")
    held = lease.acquire(store, meeting_id, "vindu-2")
    assert "på maskinen «kontor-pc-17»" in held.describe()
    assert lease.acquire(store, meeting_id, "vindu-2", take_over=True) is None
    assert lease.current(store, meeting_id).holder == "vindu-2"


def test_release_frees_the_lease_only_for_its_holder(store):
    meeting_id = _meeting(store)
    lease.acquire(store, meeting_id, "vindu-1")
    lease.release(store, meeting_id, "vindu-2")
    assert lease.current(store, meeting_id).holder == "vindu-1"
    lease.release(store, meeting_id, "vindu-1")
    assert lease.current(store, meeting_id) is None
