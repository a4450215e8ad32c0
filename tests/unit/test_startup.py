"""Opening the database at start: fast when it is up to date, migrated when it is not."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from sqlite_utils import Database

from moteleder.attention import needs_attention
from moteleder.store import Store
from moteleder.store.schema import migrations
from moteleder.store.schema_version import MIGRATIONS


def test_the_list_of_migration_names_matches_the_schema():
    assert [m.name for m in migrations._migrations] == list(MIGRATIONS)


def test_an_up_to_date_database_opens_and_lists_its_groups_without_loading_sqlite_utils(tmp_path):
    path = tmp_path / "m.db"
    store = Store.open(path)
    store.create_group("Anne Rolig")
    store.close()
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from moteleder.store import Store\n"
        "from moteleder.attention import needs_attention\n"
        f"store = Store.open({str(path)!r})\n"
        "print([s.person_name for s in needs_attention(store, date.today())])\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split("\n")[:2] == ["['Anne Rolig']", "False"]


def test_a_database_from_an_older_version_gets_the_missing_migrations(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before=MIGRATIONS[-2])
    old.conn.close()
    store = Store.open(path)
    applied = {row[0] for row in store.conn.execute("select name from _sqlite_migrations")}
    assert applied == set(MIGRATIONS)
    group_id = store.create_group("Bjørn Senere")
    assert [status.group_id for status in needs_attention(store, date.today())] == [group_id]


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    import pytest

    from moteleder.store import StoreError

    path = tmp_path / "new.db"
    Store.open(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert({"migration_set": "moteleder", "name": "m999_future", "applied_at": "x"})
    db.conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="nyere versjon"):
        Store.open(path)
    assert path.read_bytes() == before
