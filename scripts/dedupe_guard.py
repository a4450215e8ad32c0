"""Find (and with --apply, remove) near-duplicate lines across the whole guard corpus.

    python scripts/dedupe_guard.py           # report only
    python scripts/dedupe_guard.py --apply   # rewrite the files without the removed lines

Two lines are near-duplicates when the Jaccard similarity of their character 3-gram
shingles is >= 0.8, after lower-casing, folding æ/ø/å (and ae/oe/aa) to e/o/a and
collapsing everything that is not a letter or digit to one blank. Every pair is compared
(within a writer and across writers). Which line goes:

* a pair that crosses training and held-out: the training line;
* otherwise the later line in the fixed order (writers w0-project, w1, w2, w4, w5, w7, then
  the held-out w3, w6; files sorted; lines in file order).

Removed lines are written to ``corpus/guard/dedupe/removed.jsonl`` with their twin.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from moteleder.guard.corpus import heldout_files, training_files

THRESHOLD = 0.8
_FOLD = str.maketrans({"æ": "e", "ø": "o", "å": "a", "ä": "e", "ö": "o", "é": "e"})


def norm(text: str) -> str:
    t = text.lower().translate(_FOLD)
    t = re.sub(r"ae|oe|aa", lambda m: {"ae": "e", "oe": "o", "aa": "a"}[m.group()], t)
    return " " + re.sub(r"[\W_]+", " ", t).strip() + " "


def shingles(text: str) -> set[str]:
    t = norm(text)
    return {t[i : i + 3] for i in range(len(t) - 2)} or {t}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--apply", action="store_true")
    args = ap.parse_args(argv)
    entries = []  # (writer, path, line_no, raw_line, row, heldout)
    for held, files in ((False, training_files(ROOT)), (True, heldout_files(ROOT))):
        for writer, paths in files.items():
            for p in paths:
                for i, raw in enumerate(p.read_text(encoding="utf-8").splitlines()):
                    if raw.strip():
                        entries.append((writer, p, i, raw, json.loads(raw), held))
    sets = [shingles(e[4]["text"]) for e in entries]
    # inverted index over shingles for candidate pairs; Jaccard >= 0.8 needs a large overlap
    index: dict[str, list[int]] = {}
    for k, s in enumerate(sets):
        for g in s:
            index.setdefault(g, []).append(k)
    df = {g: len(v) for g, v in index.items()}
    pairs = []
    for a, sa in enumerate(sets):
        # prefix filter: any pair with J >= t shares one of the rarest ceil((1-t)|a|)+1 shingles
        rare = sorted(sa, key=lambda g: (df[g], g))[
            : len(sa) - math.ceil(THRESHOLD * len(sa) - 1e-9) + 1
        ]
        cands = {b for g in rare for b in index[g] if b > a}
        for b in cands:
            sb = sets[b]
            inter = len(sa & sb)
            j = inter / (len(sa) + len(sb) - inter)
            if j >= THRESHOLD:
                pairs.append((a, b, j))
    removed: dict[int, tuple[int, float]] = {}
    kinds: Counter = Counter()
    for a, b, j in sorted(pairs):
        ea, eb = entries[a], entries[b]
        if ea[5] != eb[5]:
            drop, keep = (a, b) if not ea[5] else (b, a)
            kind = "train-vs-heldout"
        elif ea[0] == eb[0]:
            drop, keep = b, a
            kind = "within " + ("heldout" if ea[5] else "training") + " writer"
        else:
            drop, keep = b, a
            kind = "across " + ("heldout" if ea[5] else "training") + " writers"
        kinds[kind] += 1
        if drop not in removed and keep not in removed:
            removed[drop] = (keep, j)
    per_writer = Counter(entries[k][0] for k in removed)
    print(f"lines: {len(entries)}; near-duplicate pairs (J >= {THRESHOLD}): {len(pairs)}")
    for k, v in sorted(kinds.items()):
        print(f"  pairs {k}: {v}")
    print(f"lines removed: {len(removed)}")
    for w, n in sorted(per_writer.items()):
        print(f"  {w}: {n}")
    for d, (k, j) in sorted(removed.items()):
        print(f"  J={j:.2f} drop [{entries[d][0]}] {entries[d][4]['text'][:70]!r}")
        print(f"         keep [{entries[k][0]}] {entries[k][4]['text'][:70]!r}")
    if args.apply and removed:
        out = ROOT / "corpus" / "guard" / "dedupe" / "removed.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "a", encoding="utf-8") as fh:
            for d, (k, j) in sorted(removed.items()):
                ed, ek = entries[d], entries[k]
                fh.write(
                    json.dumps(
                        {
                            "removed_from": ed[1].relative_to(ROOT).as_posix(),
                            "row": ed[4],
                            "twin_in": ek[1].relative_to(ROOT).as_posix(),
                            "twin": ek[4]["text"],
                            "jaccard": round(j, 3),
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        by_file: dict[Path, set[int]] = {}
        for d in removed:
            by_file.setdefault(entries[d][1], set()).add(entries[d][2])
        for p, drop in by_file.items():
            lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
            p.write_text("".join(x for i, x in enumerate(lines) if i not in drop), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
