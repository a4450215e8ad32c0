"""The guard corpus on disk: which files train, which are held out, and their hash.

Training writers are ``corpus/guard/w*/NN.jsonl`` plus the project's own older corpora
(``tests/data/guard_corpus.jsonl`` and ``guard_heldout.jsonl``, one more writer called
``w0-project``). The held-out writers (``tests/data/guard_writers_heldout/*``) are only
ever read for evaluation. Used by ``scripts/train_guard.py``, the bench and the tests;
nothing here is needed at run time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROJECT_FILES = ("tests/data/guard_corpus.jsonl", "tests/data/guard_heldout.jsonl")
HELDOUT_DIR = "tests/data/guard_writers_heldout"


def training_files(root: Path = ROOT) -> dict[str, list[Path]]:
    """Writer id -> its files, in a fixed order (writers sorted, files sorted)."""
    out: dict[str, list[Path]] = {"w0-project": [root / p for p in PROJECT_FILES]}
    for d in sorted((root / "corpus" / "guard").glob("w*")):
        if d.is_dir():
            out[d.name] = sorted(d.glob("*.jsonl"))
    return out


def heldout_files(root: Path = ROOT) -> dict[str, list[Path]]:
    return {d.name: sorted(d.glob("*.jsonl")) for d in sorted((root / HELDOUT_DIR).glob("w*"))}


def read_rows(paths: list[Path]) -> list[dict]:
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rows.append(json.loads(line))
    return rows


def load(files: dict[str, list[Path]]) -> dict[str, list[dict]]:
    return {w: read_rows(ps) for w, ps in files.items()}


def corpus_sha256(root: Path = ROOT) -> str:
    """SHA-256 over the training files in a fixed order (relative path, NUL, bytes, NUL)."""
    h = hashlib.sha256()
    for paths in training_files(root).values():
        for p in paths:
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
            h.update(p.read_bytes() + b"\0")
    return h.hexdigest()
