"""Time the home screen on a large database: app start → the list painted → every row in it.

    PYTHONPATH=src python scripts/bench_between.py --db /tmp/moteleder-bench.db   # builds it
    PYTHONPATH=src python scripts/bench_home.py [--db /tmp/moteleder-bench.db] [--runs 5]

Runs the app headless (`run_test`). "Painted" is the first time the table draws a line while
it has rows; "every row" is when the table holds all active groups. Also times one key (Down)
afterwards, which includes the test pilot's own waiting.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from textual.widgets import DataTable

from moteleder.store import Store

_marks: dict[str, float] = {}
_render_line = DataTable.render_line


def _marking_render_line(self: DataTable, y: int):
    if self.id == "groups" and self.row_count and "painted" not in _marks:
        _marks["painted"] = time.perf_counter()
    return _render_line(self, y)


async def once(path: Path) -> tuple[float, float, float]:
    from moteleder.app.app import make_app

    store = Store.open(path)
    total = store.db.execute("select count(*) from groups where closed_on is null").fetchone()[0]
    _marks.clear()
    start = time.perf_counter()
    app = make_app(store, minutes_dir=path.parent / "referater-bench")
    async with app.run_test(size=(140, 60)) as pilot:
        while "painted" not in _marks:
            await asyncio.sleep(0.001)
        while len(app.screen_stack) < 2:
            await asyncio.sleep(0.001)
        table = app.screen_stack[1].query_one("#groups", DataTable)
        while table.row_count < total:
            await asyncio.sleep(0.001)
        complete = time.perf_counter()
        await pilot.press("down")
        key = time.perf_counter() - complete
    store.close()
    return (_marks["painted"] - start) * 1000, (complete - start) * 1000, key * 1000


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/moteleder-bench.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    DataTable.render_line = _marking_render_line
    path = Path(args.db)
    await once(path)  # imports and caches warm
    runs = [await once(path) for _ in range(args.runs)]
    painted, complete, key = (statistics.median(run[i] for run in runs) for i in range(3))
    print(f"app start → list painted: median {painted:.0f} ms; "
          f"→ every row in the list: median {complete:.0f} ms; one key afterwards: median {key:.0f} ms")
    print("runs (painted/every row):", ", ".join(f"{a:.0f}/{b:.0f}" for a, b, _ in runs))


if __name__ == "__main__":
    asyncio.run(main())
