"""Slow work off the UI thread: the one worker group for the database, its messages, its failures.

The way harlequin does it: a screen starts a job as a thread worker,
`@work(thread=True, exclusive=True, exit_on_error=False, group=DB)`; the worker never
touches a widget, it posts `WorkDone` or `WorkFailed` back to the screen, and the screen's
handler changes what is shown. A failure is worded in Norwegian (`failure_text`); a
traceback never reaches the shared screen.

One connection, shared safely:
- The store opens its one SQLite connection with `check_same_thread=False`, so a worker
  thread may use it, and SQLite is built serialized (`sqlite3.threadsafety == 3`): each call
  on the connection is atomic, so reads on the UI thread while a worker runs are safe.
- Workers take turns: every job holds `DB_LOCK` while it uses the store (`on_db`). The
  exclusive group cancels a screen's older job of the same kind (an older search), but a
  thread cannot be stopped halfway, so the lock, not the group, keeps two jobs apart; a
  screen drops the result of a job it has since replaced.
- A transaction belongs to the connection, not to a thread, so a write from another thread
  in the middle of one would silently join it. `Store.transaction` therefore holds the
  store's `lock` (an RLock): a second thread's transaction waits for the first to commit or
  roll back, and never joins it. So that the UI thread seldom has to wait, a screen whose
  job writes does not write itself until the job's message has come back: the meeting's
  autosave and heartbeat pause while the minute is finalized (`MeetingSession.finalizing`),
  and the invitation screen refuses its buttons while the invitation is written.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.message import Message
from textual.message_pump import MessagePump

DB = "db"  # the worker group of every job that uses the shared connection
DB_LOCK = threading.RLock()  # held by the one job using the connection
_running = 0  # jobs inside `on_db` (tests wait until it is 0)


class WorkDone(Message):
    """A job finished; `result` is what it found or wrote."""

    def __init__(self, job: str, result: object = None) -> None:
        super().__init__()
        self.job = job
        self.result = result


class WorkFailed(Message):
    """A job failed; `error` is why (worded for the user by `failure_text`)."""

    def __init__(self, job: str, error: BaseException) -> None:
        super().__init__()
        self.job = job
        self.error = error


@contextmanager
def on_db(node: MessagePump, job: str) -> Iterator[None]:
    """Run one job's use of the store, one job at a time. Any failure is posted to `node` as
    `WorkFailed` instead of being raised into Textual (which would stop the app with a
    traceback)."""
    global _running
    with DB_LOCK:
        _running += 1
        try:
            yield
        except Exception as error:
            node.post_message(WorkFailed(job, error))
        finally:
            _running -= 1


def jobs_running(app) -> bool:
    """Is a database job started or under way? (Tests wait for it; nothing else needs to.)"""
    from textual.worker import WorkerState

    return _running > 0 or any(
        w.group == DB and w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


def failure_text(error: BaseException) -> str:
    """Why a job failed, in Norwegian, without the text that was being saved or searched."""
    from moteleder.store import write_error_message

    if isinstance(error, _expected()):
        return str(error)
    if isinstance(error, sqlite3.Error):
        return write_error_message(error, None)  # the app's wording (the command line has its own)
    if isinstance(error, OSError):
        from moteleder.export import os_message

        if error.filename:
            return os_message(error, Path(error.filename))
        return f"En fil kunne ikke leses eller skrives ({error.strerror or type(error).__name__})."
    return "Noe uventet gikk galt. Ingenting er borte; prøv igjen."


def report_failure(node, error: BaseException, *, title: str) -> str:
    """Tell the user calmly that a job failed (a notification, never a traceback); returns the
    text, for a screen that also shows it in place. An unexpected error also leaves a private
    technical report in the data folder, as a crash would."""
    text = failure_text(error)
    if not isinstance(error, (OSError, sqlite3.Error, *_expected())):
        from moteleder.crash import write_report

        folder = getattr(node.app, "crash_folder", None)
        if folder is not None:
            write_report(error, folder)
    node.app.notify(text, title=title, severity="error", timeout=10)
    return text


def _expected() -> tuple[type[Exception], ...]:
    """The failures moteleder words itself: nothing a developer needs a report for."""
    from moteleder.export import ExportError
    from moteleder.invitation import InvitationError
    from moteleder.store import StoreError

    return StoreError, ExportError, InvitationError
