"""Benchmark the topic guard: quality on the held-out writers, beside the old rules, and speed.

    python -m moteleder.guard.bench [--corpus PATH ...] [--repeat N] [--json] [--errors]

Without ``--corpus``: the held-out writers (``tests/data/guard_writers_heldout/*``), each
writer on its own, then their mean and spread; the same for the old rule engine alone.
Per corpus: precision, recall and F1 per category, macro-F1, and the false-alarm rate
(share of texts without labels that got any flag); and how often the ask level fires.
Speed: the mean and p95 time per text of at most 300 characters (warm caches), the first
call in a fresh interpreter (model load included), the model load alone, and the model
file's size. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from . import engine, model
from .engine import check, rule_check
from .texts import CATEGORIES


def load(path: Path) -> list[dict]:
    """The lines of one corpus file, or of every file in a writer's folder."""
    from .corpus import read_rows

    return read_rows(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])


def default_corpora() -> list[Path]:
    """The held-out writers' folders: from the source tree, else the working directory."""
    for root in (Path(__file__).resolve().parents[3], Path.cwd()):
        d = root / "tests" / "data" / "guard_writers_heldout"
        if d.is_dir():
            return sorted(p for p in d.iterdir() if p.is_dir())
    return []


def quality(rows: list[dict], checker=check) -> dict:
    """Precision/recall/F1 per category and the false-alarm rate, plus the misses."""
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    unlabelled = alarms = asked_unl = asked_hit = labelled = 0
    errors = []
    for row in rows:
        gold = set(row.get("labels", []))
        result = checker(row["text"])
        got = set(result.categories)
        asked = {m.category for m in getattr(result, "asks", ())}
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
            asked_unl += bool(asked) and not got
        else:
            labelled += 1
            asked_hit += bool(asked & (gold - got))
        if got != gold:
            errors.append(
                {
                    "text": row["text"],
                    "labels": sorted(gold),
                    "got": sorted(got),
                    "asked": sorted(asked),
                }
            )
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
        "macro_f1": round(statistics.fmean(v["f1"] for v in per.values()), 3),
        "false_alarm_rate": round(alarms / unlabelled, 3) if unlabelled else 0.0,
        "unlabelled": unlabelled,
        "ask_rate_unlabelled": round(asked_unl / unlabelled, 3) if unlabelled else 0.0,
        "ask_catches_missed_labelled": round(asked_hit / labelled, 3) if labelled else 0.0,
        "exact_match": round(1 - len(errors) / len(rows), 3) if rows else 1.0,
        "errors": errors,
    }


def speed(texts: list[str], repeat: int) -> dict:
    """Timing per text (ms) for texts of at most 300 characters, with warm caches."""
    texts = [t for t in texts if len(t) <= 300]
    if not texts:
        return {}
    engine.warm()
    for t in texts:
        check(t)
    per_text: list[float] = []
    for t in texts:
        t1 = time.perf_counter()
        for _ in range(repeat):
            check(t)
        per_text.append((time.perf_counter() - t1) / repeat * 1000)
    per_text.sort()
    return {
        "texts_timed": len(texts),
        "mean_chars": round(statistics.fmean(len(t) for t in texts), 1),
        "repeat": repeat,
        "mean_ms": round(statistics.fmean(per_text), 4),
        "p95_ms": round(per_text[min(len(per_text) - 1, int(0.95 * len(per_text)))], 4),
    }


def speed_300(repeat: int) -> dict:
    """Mean ms for texts of exactly ~300 characters (several sentences)."""
    base = (
        "Mor forteller at søvnen er bedre siden sist. Skolen melder at han har hatt en fin "
        "uke, og assistenten følger opp lesing hver dag. Vi har søkt om mer avlastning, "
        "svaret kommer i mai. Kan vi ikke bare bestemme her at han får 20 timer? Neste "
        "møte blir 12. mars på skolen, koordinator kaller inn."
    )
    texts = [base[i:] + " " + base[:i] for i in range(0, 280, 20)]
    texts = [t[:300] for t in texts]
    for t in texts:
        check(t)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            check(t)
    return {"mean_ms_300_chars": round((time.perf_counter() - t0) / repeat / len(texts) * 1000, 4)}


def cold() -> dict:
    """First call in a fresh interpreter, and the model load alone."""
    code = (
        "import time, json\n"
        "t_ = time.perf_counter()\n"
        "from moteleder.guard import model\n"
        "t0 = time.perf_counter()\n"
        "model.load_model()\n"
        "t1 = time.perf_counter()\n"
        "from moteleder.guard import check\n"
        "check('Kan vi ikke bare bestemme her at han får 20 timer avlastning?')\n"
        "t2 = time.perf_counter()\n"
        "check('Vi er ikke fornøyd med skolen.')\n"
        "t3 = time.perf_counter()\n"
        "print(json.dumps({'import_ms': round((t0 - t_) * 1000, 1),"
        " 'model_load_ms': round((t1 - t0) * 1000, 1),"
        " 'first_call_ms_incl_rules_build': round((t2 - t1) * 1000, 1),"
        " 'second_call_ms': round((t3 - t2) * 1000, 3)}))\n"
    )
    src = str(Path(__file__).resolve().parents[2])
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": src, "PATH": ""},
        timeout=120,
        check=False,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": proc.stderr[-500:]}


def model_size() -> dict:
    try:
        n = len(resources.files(__package__).joinpath(model.MODEL_FILE).read_bytes())
    except OSError:
        return {"model_file_bytes": None}
    m = model.load_model()
    from . import words

    state = resources.files(__package__).joinpath(words.STATE_FILE)
    state_n = len(state.read_bytes()) if state.is_file() else None
    return {"model_file_bytes": n, "lexicon_state_bytes": state_n,
            "features": m.n_features if m else None}


def _row(name: str, q: dict) -> str:
    cells = [
        f"{q['per_category'][c]['precision']:.2f}/{q['per_category'][c]['recall']:.2f}/"
        f"{q['per_category'][c]['f1']:.2f}"
        for c in CATEGORIES
    ]
    return (
        f"{name:<22} "
        + " ".join(f"{c:>14}" for c in cells)
        + f" {q['macro_f1']:>8.3f} {q['false_alarm_rate']:>6.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moteleder.guard.bench", description=__doc__)
    parser.add_argument(
        "--corpus", action="append", metavar="PATH", help="JSONL file or folder (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=20, help="repetitions per text for timing")
    parser.add_argument("--errors", action="store_true", help="list the misclassified texts too")
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.corpus] if args.corpus else default_corpora()
    report: dict = {"corpora": {}, "rules_only": {}}
    texts: list[str] = []
    for path in paths:
        rows = load(path)
        texts += [r["text"] for r in rows]
        q = quality(rows)
        qr = quality(rows, rule_check)
        if not args.errors:
            q.pop("errors")
        qr.pop("errors")
        report["corpora"][path.name] = q
        report["rules_only"][path.name] = qr
    for key in ("corpora", "rules_only"):
        qs = list(report[key].values())
        if len(qs) > 1:
            report[key + "_mean"] = {
                "per_category": {
                    c: {
                        m: round(statistics.fmean(q["per_category"][c][m] for q in qs), 3)
                        for m in ("precision", "recall", "f1")
                    }
                    for c in CATEGORIES
                },
                "macro_f1": round(statistics.fmean(q["macro_f1"] for q in qs), 3),
                "false_alarm_rate": round(statistics.fmean(q["false_alarm_rate"] for q in qs), 3),
                "macro_f1_spread": [min(q["macro_f1"] for q in qs), max(q["macro_f1"] for q in qs)],
            }
    report["speed"] = {
        **speed(texts, args.repeat),
        **speed_300(args.repeat),
        **cold(),
        **model_size(),
    }
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    out.write("P/R/F1 per category; macro-F1; FA = share of unlabelled texts with any flag\n\n")
    out.write(f"{'':<22} " + " ".join(f"{c:>14}" for c in CATEGORIES) + " macro-F1     FA\n")
    for key, label in (("corpora", "guard"), ("rules_only", "old rules")):
        for name, q in report[key].items():
            out.write(_row(f"{label} {name}", q) + "\n")
        if key + "_mean" in report:
            m = report[key + "_mean"]
            out.write(_row(f"{label} mean", m) + f"   spread {m['macro_f1_spread']}\n")
        out.write("\n")
    for name, q in report["corpora"].items():
        out.write(
            f"asks {name}: on {q['ask_rate_unlabelled']:.1%} of unlabelled texts; catch a missed "
            f"label on {q['ask_catches_missed_labelled']:.1%} of labelled texts\n"
        )
        for e in q.get("errors", []):
            out.write(f"   {e['labels']} got {e['got']} asked {e['asked']}: {e['text']}\n")
    out.write("\nspeed: " + json.dumps(report["speed"], ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
