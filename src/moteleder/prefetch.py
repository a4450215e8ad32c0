"""Read the home screen's figures while Textual loads. No Textual here.

Importing Textual takes about a quarter of a second of Python work, and working out what
needs attention for thousands of groups takes another tenth. They do not depend on each
other, so `moteleder` starts a helper process (`python -m moteleder.prefetch DB`) right after
the database is opened and before Textual is imported: it reads every group's status on
the other processor core and hands the home screen's lines back pickled. (A thread
would not help: both jobs are mostly Python, and Python runs one thread at a time.)

The home screen takes the result once (`take`). It reads afresh itself when there is no
result (the helper failed, or there is no database file) or when the data changed after
the helper started (another window or `moteleder` command wrote in between).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from moteleder.store import Store


# A helper that has not answered by then is stopped, and the screen reads for itself.
HELPER_TIMEOUT_S = 5.0


@dataclass(slots=True)
class HomeFigures:
    """What the home screen needs first: every group's line on that day, as plain strings
    (a tenth of the time to hand over that the status objects take, and unpickling them
    imports nothing)."""

    keys: list[str]
    rows: list[tuple[str, str, str, str]]
    day: date


def data_stamp(store: Store) -> tuple:
    """Changes on this connection, commits by others (e.g. the command line), and the day."""
    connection = store.conn
    others = connection.execute("pragma data_version").fetchone()[0]
    return (connection.total_changes, others, date.today())


def read_figures(path: Path | str) -> HomeFigures:
    """The figures, read on a connection of their own that only reads."""
    from moteleder.attention import home_lines
    from moteleder.store import Store

    store = Store.open_read_only(path)
    try:
        today = date.today()
        return HomeFigures(*home_lines(store, today), today)
    finally:
        store.close()


class HomePrefetch:
    """Works out the home screen's figures in a helper process, once."""

    def __init__(self, store: Store) -> None:
        self._stamp = data_stamp(store)
        self._figures: HomeFigures | None = None
        self._done = False
        self._process: subprocess.Popen | None = None
        if store.path is None:
            self._done = True
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "moteleder.prefetch", str(store.path)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._done = True

    def _collect(self) -> None:
        if self._done:
            return
        self._done = True
        try:
            output, _ = self._process.communicate(timeout=HELPER_TIMEOUT_S)
            if self._process.returncode == 0:
                keys, rows, day = pickle.loads(output)
                self._figures = HomeFigures(keys, rows, date.fromisoformat(day))
        except (subprocess.TimeoutExpired, pickle.UnpicklingError, EOFError, TypeError, ValueError):
            self._process.kill()
            self._process.wait()

    def take(self, store: Store) -> HomeFigures | None:
        """The figures, the first time only; None after that, on failure, or when the data
        or the day has changed since the helper started."""
        self._collect()
        figures, self._figures = self._figures, None
        if figures is None or data_stamp(store) != self._stamp or figures.day != self._stamp[-1]:
            return None
        return figures

def main(argv: list[str]) -> int:
    """`python -m moteleder.prefetch DB`: the pickled figures on standard output."""
    if len(argv) != 1:
        return 2
    figures = read_figures(argv[0])
    # Plain lists, strings and an ISO date: unpickling them needs no class from this module
    # (which is `__main__` here).
    plain = (figures.keys, figures.rows, figures.day.isoformat())
    data = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
    out = os.fdopen(sys.stdout.fileno(), "wb", closefd=False)
    out.write(data)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
