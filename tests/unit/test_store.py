"""The store package: one `Store` made of its concerns, the named reads and writes screens use,
and no import cycle with the consent rules."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime

import pytest

from moteleder.models import Consent, GroupOverview
from moteleder.store import Store, StoreError
from moteleder.store.between import BetweenStore
from moteleder.store.connection import StoreConnection
from moteleder.store.groups import GroupStore
from moteleder.store.measures import MeasureStore
from moteleder.store.meetings import MeetingStore
from moteleder.store.referrals import ReferralStore


def test_the_store_is_its_concerns_over_one_connection():
    for concern in (GroupStore, MeetingStore, MeasureStore, ReferralStore, BetweenStore):
        assert issubclass(Store, concern) and issubclass(concern, StoreConnection)
    assert isinstance(Store.memory(), Store)


def test_measure_reads_one_measure_and_refuses_an_unknown_one():
    store = Store.memory()
    group_id = store.create_group("Anne Rolig")
    meeting_id = store.create_meeting(group_id, datetime(2026, 3, 2, 9, 0))
    measure_id = store.add_measure(group_id, meeting_id, "Ukeplan hver fredag", due_on=date(2026, 4, 1))
    measure = store.measure(measure_id)
    assert (measure.id, measure.what, measure.due_on) == (measure_id, "Ukeplan hver fredag", date(2026, 4, 1))
    with pytest.raises(StoreError, match="Fant ikke tiltak"):
        store.measure(measure_id + 1)


def test_replan_meeting_moves_the_planned_meeting_and_sets_its_theme():
    store = Store.memory()
    group_id = store.create_group("Anne Rolig")
    meeting_id = store.create_meeting(group_id, datetime(2026, 3, 2, 9, 0), theme="Skolestart")
    store.replan_meeting(meeting_id, datetime(2026, 3, 9, 13, 30), theme="Overgang til ungdomsskolen")
    planned = store.planned_meeting(group_id)
    assert planned is not None and planned.id == meeting_id
    assert (planned.starts_at, planned.theme) == (datetime(2026, 3, 9, 13, 30), "Overgang til ungdomsskolen")


def test_consents_and_the_overview_are_model_objects():
    store = Store.memory()
    group_id = store.create_group("Anne Rolig")
    store.add_consent(group_id, date(2026, 1, 5), "person", covers_all=True)
    assert all(isinstance(c, Consent) for c in store.consents(group_id))
    assert all(isinstance(line, GroupOverview) for line in store.group_overview())


def test_the_store_loads_without_the_consent_rules_and_they_without_the_store():
    code = (
        "import sys\n"
        "import moteleder.store\n"
        "print('moteleder.consent' in sys.modules)\n"
        "del sys.modules['moteleder.store']\n"
        "for name in [m for m in sys.modules if m.startswith('moteleder.store')]: del sys.modules[name]\n"
        "import moteleder.consent\n"
        "print('moteleder.store' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["False", "False"]
