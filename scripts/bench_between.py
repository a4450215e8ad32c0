"""Time `needs_attention` and `search` on a large synthetic database (2,000 groups, 16,000 meetings).

    PYTHONPATH=src python scripts/bench_between.py [--groups 2000] [--db /tmp/bench.db]

Fictive data only. Prints the median and 95th percentile of repeated runs, and each median
as a multiple of a fixed pure-Python reference timed in the same run ("× ref"): the machine is
shared and noisy, and the multiple stays put when the milliseconds do not.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

WORDS = ["tiltak", "tiltakene", "kartlegging", "lesing", "matematikk", "skolen", "barnehagen", "foresatte", "mor", "far", "PPT", "BUP", "helsesykepleier", "avlastning", "søvn", "søvndagbok", "friminutt", "venner", "overgang", "ungdomsskolen", "lesekurs", "skyss", "fysioterapi", "logoped", "vedtak", "spesialundervisning", "assistent", "habilitering", "fastlege", "NAV", "individuell", "plan", "mål", "evaluering", "fungerer", "godt", "vanskelig", "sliten", "rolig", "trygg", "uro", "fravær", "hjemme", "fritid", "fotball", "svømming", "dagsplan", "struktur", "bildestøtte", "språk", "tegn"]


def build(path: Path, groups: int, meetings_per_group: int, seed: int = 1) -> None:
    from moteleder.store import Store

    rnd = random.Random(seed)
    if path.exists():
        path.unlink()
    store = Store.open(path, create_folder=True)
    db = store.db
    today = date.today()
    group_rows, meeting_rows, measure_rows, consent_rows = [], [], [], []
    meeting_id = measure_id = 0
    for gid in range(1, groups + 1):
        group_rows.append({"id": gid, "person_name": f"Person {gid:05d}", "profile_id": rnd.choice(
            ["standard", "melgy", "ilag", "odda", "lund", "farsund"]), "created_at": "2022-01-01T10:00:00"})
        start = today - timedelta(days=rnd.randint(300, 1400))
        step = max(30, (today - start).days // meetings_per_group)
        for n in range(meetings_per_group):
            meeting_id += 1
            day = start + timedelta(days=n * step)
            last = n == meetings_per_group - 1
            status = "planned" if last and rnd.random() < 0.7 else ("active" if last else "finalized")
            text = " ".join(rnd.choice(WORDS) for _ in range(220))
            meeting_rows.append({
                "id": meeting_id, "group_id": gid, "starts_at": datetime.combine(day, datetime.min.time())
                .replace(hour=14).isoformat(timespec="minutes"), "status": status, "is_first": int(n == 0),
                "minute_md": f"# Referat fra ansvarsgruppemøte\n\n{text}" if status == "finalized" else None,
                "worked": text[:300] if status != "finalized" else "", "updated_at": "2026-01-01T00:00:00",
            })  # fmt: skip
            for _ in range(rnd.randint(0, 2)):
                measure_id += 1
                measure_rows.append({
                    "id": measure_id, "group_id": gid, "meeting_id": meeting_id,
                    "what": " ".join(rnd.choice(WORDS) for _ in range(6)), "responsible": rnd.choice(WORDS),
                    "due_on": (day + timedelta(days=rnd.randint(20, 200))).isoformat(),
                    "status": "open" if rnd.random() < 0.4 else "done",
                })  # fmt: skip
        if rnd.random() < 0.8:
            consent_rows.append({"group_id": gid, "given_on": "2023-01-01", "given_by": "parents", "covers_all": 1,
                                 "expires_on": (today + timedelta(days=rnd.randint(-50, 700))).isoformat(),
                                 "created_at": "2023-01-01T00:00:00"})
    with store.transaction():
        db["groups"].insert_all(group_rows, batch_size=1000)
        db["meetings"].insert_all(meeting_rows, batch_size=1000)
        db["measures"].insert_all(measure_rows, batch_size=1000)
        db["consents"].insert_all(consent_rows, batch_size=1000)
    store.close()


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def reference() -> None:
    """A fixed workload to measure against (about 20-30 ms here)."""
    counts: dict[int, int] = {}
    for i in range(200_000):
        counts[i & 1023] = i * 3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--meetings", type=int, default=8)
    parser.add_argument("--db", default="/tmp/moteleder-bench.db")
    args = parser.parse_args()
    from moteleder.attention import needs_attention
    from moteleder.profiles import load_profiles
    from moteleder.search import refresh_index, search
    from moteleder.store import Store

    path = Path(args.db)
    t = time.perf_counter()
    build(path, args.groups, args.meetings)
    print(f"built {args.groups} groups × {args.meetings} meetings in {time.perf_counter() - t:.1f} s")
    store = Store.open(path)
    print("meetings:", store.db.execute("select count(*) from meetings").fetchone()[0])
    t = time.perf_counter()
    refresh_index(store)
    print(f"first index build: {time.perf_counter() - t:.1f} s")
    profiles = load_profiles()
    today = date.today()
    ref, _ = timed(reference, 30)
    print(f"reference: median {ref:.1f} ms")
    median, p95 = timed(lambda: needs_attention(store, today, profiles=profiles), 30)
    print(f"needs_attention (profiles loaded): median {median:.1f} ms ({median / ref:.2f} × ref), p95 {p95:.1f} ms")

    def with_texts() -> list[str]:  # as the home screen and the overview use it: every row's text
        return [status.reason_text for status in needs_attention(store, today, profiles=profiles)]

    median, p95 = timed(with_texts, 30)
    print(f"needs_attention + every reason_text: median {median:.1f} ms ({median / ref:.2f} × ref), p95 {p95:.1f} ms")
    median, p95 = timed(lambda: needs_attention(store, today), 30)
    print(f"needs_attention (loading profiles each time): median {median:.1f} ms, p95 {p95:.1f} ms")
    for query in ("tiltak", "søvndagbok fotball", "kartlegging lesekurs skyss", "ungdomsskolen", "xyzzy"):
        median, p95 = timed(lambda query=query: search(store, query, limit=20), 30)
        print(f"search {query!r}: median {median:.1f} ms, p95 {p95:.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
