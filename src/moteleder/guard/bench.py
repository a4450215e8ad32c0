"""Benchmark the topic guard on labelled corpora: quality and speed, as JSON.

    python -m moteleder.guard.bench [--corpus PATH ...] [--repeat N]

Per corpus: precision, recall and F1 per category; the false-alarm rate (share of
texts without labels that got any flag); and the time per text for texts of at most
300 characters — mean and p95 over many repetitions with warm caches, the first
(cold) pass, and a reference ratio against ``str.lower()`` + ``split()`` over the same
texts measured in the same run, so figures compare across machines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from . import engine
from .engine import check
from .texts import CATEGORIES

_NAMES = ("guard_corpus.jsonl", "guard_heldout.jsonl")


def default_corpora() -> list[Path]:
    """The project's two corpora: from the source tree, else from the working directory."""
    for root in (Path(__file__).resolve().parents[3], Path.cwd()):
        paths = [root / "tests" / "data" / name for name in _NAMES]
        if all(p.exists() for p in paths):
            return paths
    return []


def load(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def quality(rows: list[dict]) -> dict:
    """Precision/recall/F1 per category and the false-alarm rate, plus the misses."""
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    unlabelled = alarms = 0
    errors = []
    for row in rows:
        gold = set(row.get("labels", []))
        got = set(check(row["text"]).categories)
        for c in CATEGORIES:
            if c in got and c in gold:
                tp[c] += 1
            elif c in got:
                fp[c] += 1
            elif c in gold:
                fn[c] += 1
        if not gold:
            unlabelled += 1
            alarms += bool(got)
        if got != gold:
            errors.append({"text": row["text"], "labels": sorted(gold), "got": sorted(got)})
    per = {}
    for c in CATEGORIES:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[c] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "support": tp[c] + fn[c],
        }
    return {
        "texts": len(rows),
        "per_category": per,
        "false_alarm_rate": round(alarms / unlabelled, 3) if unlabelled else 0.0,
        "unlabelled": unlabelled,
        "exact_match": round(1 - len(errors) / len(rows), 3) if rows else 1.0,
        "errors": errors,
    }


def speed(texts: list[str], repeat: int) -> dict:
    """Timing per text (ms) for texts of at most 300 characters."""
    texts = [t for t in texts if len(t) <= 300]
    if not texts:
        return {}
    engine._KEY_CACHE.clear()
    engine._TAG_CACHE.clear()
    engine.warm()  # lexicon built and rules compiled; the word caches start empty
    t0 = time.perf_counter()
    for t in texts:
        check(t)
    cold_mean = (time.perf_counter() - t0) / len(texts) * 1000
    per_text: list[float] = []
    for t in texts:
        t1 = time.perf_counter()
        for _ in range(repeat):
            check(t)
        per_text.append((time.perf_counter() - t1) / repeat * 1000)
    ref: list[float] = []
    for t in texts:
        t1 = time.perf_counter()
        for _ in range(repeat):
            t.lower().split()
        ref.append((time.perf_counter() - t1) / repeat * 1000)
    mean = statistics.fmean(per_text)
    ref_mean = statistics.fmean(ref)
    per_text.sort()
    return {
        "texts_timed": len(texts),
        "repeat": repeat,
        "mean_ms": round(mean, 4),
        "p95_ms": round(per_text[min(len(per_text) - 1, int(0.95 * len(per_text)))], 4),
        "cold_first_pass_mean_ms": round(cold_mean, 4),
        "reference_lower_split_mean_ms": round(ref_mean, 5),
        "ratio_to_reference": round(mean / ref_mean, 1) if ref_mean else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moteleder.guard.bench", description=__doc__)
    parser.add_argument(
        "--corpus", action="append", metavar="PATH", help="JSONL corpus (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=200, help="repetitions per text for timing")
    parser.add_argument("--errors", action="store_true", help="list the misclassified texts too")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.corpus] if args.corpus else default_corpora()
    t0 = time.perf_counter()
    engine.warm()
    report: dict = {"build_ms": round((time.perf_counter() - t0) * 1000, 1), "corpora": {}}
    for path in paths:
        rows = load(path)
        q = quality(rows)
        if not args.errors:
            q.pop("errors")
        q["speed"] = speed([r["text"] for r in rows], args.repeat)
        report["corpora"][str(path)] = q
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
