"""The moteleder database as one `Store`: the concerns composed behind one facade, and its errors.

No Textual here. Each concern is a class in its own module, all writing through the one
connection of `StoreConnection` (`connection.py`); `Store` is them together, so a caller
says `store.create_group(...)` without knowing which module holds it:

- `connection.py`: open (privately, migrated), transactions, `query`
- `errors.py`: `StoreError` and SQLite errors in Norwegian
- `groups.py`: groups and members · `meetings.py`: meetings, attendance, finalize
- `measures.py`: measures and their reviews · `referrals.py`: referrals, guard feedback
- `between.py`: consent, agenda items, invitations, evaluations
- `schema.py`: the migrations (sqlite-utils) · `schema_version.py`: their names, in order
"""

from __future__ import annotations

from moteleder.models import GroupOverview
from moteleder.store.between import BetweenStore
from moteleder.store.errors import StoreError, database_error_message, write_error_message
from moteleder.store.measures import MeasureStore
from moteleder.store.referrals import ReferralStore

__all__ = ["GroupOverview", "Store", "StoreError", "database_error_message", "write_error_message"]


class Store(BetweenStore, MeasureStore, ReferralStore):
    """The moteleder database: groups, meetings, measures, referrals, and what happens between meetings."""
