"""The benchmark's start measure runs the app the way `moteleder` starts it."""

from __future__ import annotations

from datetime import date

from moteleder.bench import measure_start
from moteleder.synthetic import generate_groups


def test_start_is_measured_for_the_app_and_the_minimal_reference(store, db_path):
    generate_groups(store, 3, seed=1, today=date(2026, 11, 24))
    store.close()
    home, minimal = measure_start(db_path, runs=1)
    assert len(home) == len(minimal) == 1
    (seconds, memory_mb), (ref_seconds, ref_memory_mb) = home[0], minimal[0]
    assert seconds > 0 and ref_seconds > 0  # both reported "ready"; the figures are the bench's to print
    assert memory_mb > 10 and ref_memory_mb > 10
