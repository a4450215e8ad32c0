"""One meeting, one writer.

Two moteleder windows on the same meeting (a second laptop on the same file share, a
window left open) would overwrite each other's text, last writer wins. So the instance
running a meeting holds its *lease*: a row with a random holder id, the process id, the
machine's name and a heartbeat renewed every few seconds. Another instance that opens the
meeting while the lease is alive gets it read-only and is told who holds it; a lease whose
heartbeat has stopped (the other instance crashed, or the laptop was closed) is stale after
`STALE_AFTER` seconds and can be taken over. No Textual here.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from moteleder.store import Store

STALE_AFTER = timedelta(seconds=30)
HEARTBEAT_EVERY = 10.0  # seconds; well inside STALE_AFTER


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def this_host() -> str:
    return socket.gethostname() or "ukjent maskin"


@dataclass(frozen=True)
class Lease:
    """Who runs a meeting now, as the database last heard it."""

    meeting_id: int
    holder: str
    pid: int
    host: str
    started_at: datetime
    heartbeat_at: datetime

    def is_stale(self, now: datetime | None = None) -> bool:
        """No heartbeat for `STALE_AFTER`, or the holding process on this machine is gone."""
        now = now or _utc_now()
        if now - self.heartbeat_at > STALE_AFTER:
            return True
        return self.host == this_host() and not _process_alive(self.pid)

    def describe(self) -> str:
        """Where the meeting is open, in Norwegian (no personal data: a machine and a process)."""
        since = self.started_at.astimezone().strftime("%H.%M")
        where = "i et annet moteleder-vindu på denne maskinen" if self.host == this_host() else (
            f"i moteleder på maskinen «{self.host}»")
        return f"Møtet er åpent {where} (prosess {self.pid}) siden kl. {since}"

    def last_seen(self) -> str:
        return self.heartbeat_at.astimezone().strftime("%H.%M.%S")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True


def current(store: Store, meeting_id: int) -> Lease | None:
    row = next(store.query("select * from meeting_leases where meeting_id = ?", [meeting_id]), None)
    if row is None:
        return None
    return Lease(
        meeting_id=row["meeting_id"],
        holder=row["holder"],
        pid=row["pid"] or 0,
        host=row["host"] or "",
        started_at=datetime.fromisoformat(row["started_at"] or row["heartbeat_at"]),
        heartbeat_at=datetime.fromisoformat(row["heartbeat_at"]),
    )


def acquire(store: Store, meeting_id: int, holder: str, *, take_over: bool = False) -> Lease | None:
    """Take the meeting's lease for `holder`. Returns None when it is ours now, else the live
    lease of another instance (which is left alone). A stale lease is taken over; with
    `take_over`, any lease is. One statement, so two instances cannot both win."""
    now = _utc_now()
    other = current(store, meeting_id)
    if other is not None and other.holder != holder and not take_over and not other.is_stale(now):
        return other
    with store.saving():
        store.conn.execute(
            "insert into meeting_leases (meeting_id, holder, pid, host, started_at, heartbeat_at) "
            "values (:meeting, :holder, :pid, :host, :now, :now) "
            "on conflict (meeting_id) do update set holder = excluded.holder, pid = excluded.pid, "
            "host = excluded.host, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at "
            "where meeting_leases.holder = excluded.holder or :force "
            "or meeting_leases.heartbeat_at = :seen",
            {"meeting": meeting_id, "holder": holder, "pid": os.getpid(), "host": this_host(),
             "now": now.isoformat(), "force": int(take_over),
             # The lease we judged stale is replaced only if nobody renewed it meanwhile.
             "seen": other.heartbeat_at.isoformat() if other is not None else ""},
        )
    winner = current(store, meeting_id)
    return None if winner is not None and winner.holder == holder else winner


def heartbeat(store: Store, meeting_id: int, holder: str) -> bool:
    """Renew our lease; False when another instance has taken it over (then stop writing)."""
    with store.saving():
        changed = store.conn.execute(
            "update meeting_leases set heartbeat_at = ? where meeting_id = ? and holder = ?",
            [_utc_now().isoformat(), meeting_id, holder],
        ).rowcount
    return changed == 1


def release(store: Store, meeting_id: int, holder: str) -> None:
    """Leave the meeting: the lease is free at once for the next instance."""
    with store.saving():
        store.conn.execute("delete from meeting_leases where meeting_id = ? and holder = ?", [meeting_id, holder])
