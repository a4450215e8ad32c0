"""The learned part of the topic guard: features and scoring in plain Python (stdlib only).

The weights are trained offline by ``scripts/train_guard.py`` (scikit-learn) and shipped
as one file, ``model.bin``: gzip of a 4-byte length, a JSON header (the manifest:
feature settings, Platt calibration, thresholds, corpus hash, versions), the vocabulary
(UTF-8, one term per line, sorted), the idf values and the weights (``array('f')``,
little-endian; per term the five categories' idf × weight, interleaved).

Features of one text (see ``terms``): lower-cased, æ/ø/å and the typed ae/oe/aa folded
to e/o/a, digits to 0; words are ``[^\\W_]+``. Character n-grams inside each word padded
with blanks (``" ord "``), word unigrams ``w:ord`` and bigrams ``b:ord ord``. Term
frequencies are sublinear (1 + ln tf), times idf, l2-normalised over the terms in the
vocabulary. Then, not normalised, one feature per category that the old rule engine hit
in the same sentence (``RULE:<category>``). The score per category is a linear function
of these, mapped to a confidence with a sigmoid fitted on leave-one-writer-out scores.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import struct
import sys
from array import array
from collections import Counter
from itertools import pairwise

from .features import normalize_words, sentences, terms, tf_weight

__all__ = ["Model", "load_model", "normalize_words", "sentences", "terms", "tf_weight"]

MODEL_FILE = "model.bin"

class Model:
    """Vocabulary, idf and per-category weights; scores texts in plain Python."""

    def __init__(self, header: dict, vocab: list[str], idf: array, weights: array):
        self.header = header
        self.settings = header["features"]
        self.categories: list[str] = header["categories"]
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.n_features = len(vocab)
        self.idf = idf
        # per term, interleaved: idf * weight for each category, so one lookup serves all
        self.weights = weights
        self._rows: list[tuple[float, ...] | None] = [None] * len(vocab)
        self._wcache: dict[str, tuple[int, ...]] = {}
        self._ccache: dict[tuple, tuple[int, ...]] = {}
        self.bias: list[float] = header["bias"]
        self.rule_weight: list[list[float]] = header.get("rule_weights") or []
        self.platt: list[tuple[float, float]] = [tuple(p) for p in header["platt"]]
        self.flag: list[float] = header["thresholds"]["flag"]
        self.ask: list[float] = header["thresholds"]["ask"]
        # where a rule of the category hit in the same unit, this (lower) confidence flags
        self.agree: list[float] = header["thresholds"].get("agree") or list(self.flag)

    # ---------------------------------------------------------------- fast path
    # The same features as ``terms`` but as vocabulary indices, cached per word, per class
    # tuple and per pair of class tuples; a note's whole-text counts are the sum of its
    # sentences' counts plus the bigrams across their boundaries (exactly ``terms(text)``).

    def _word_ids(self, w: str) -> tuple[int, ...]:
        ids = self._wcache.get(w)
        if ids is None:
            vocab = self.vocab
            lo, hi = self.settings["char_min"], self.settings["char_max"]
            s = " " + w + " "
            found = []
            for n in range(lo, hi + 1):
                for i in range(len(s) - n + 1):
                    j = vocab.get(s[i : i + n])
                    if j is not None:
                        found.append(j)
            if self.settings.get("word_unigrams", True):
                j = vocab.get("w:" + w)
                if j is not None:
                    found.append(j)
            ids = tuple(found)
            if len(self._wcache) > 100_000:
                self._wcache.clear()
            self._wcache[w] = ids
        return ids

    def _class_ids(self, prev: tuple[str, ...], cls: tuple[str, ...]) -> tuple[int, ...]:
        key = (prev, cls)
        ids = self._ccache.get(key)
        if ids is None:
            vocab = self.vocab
            found = []
            for c in cls:
                j = vocab.get("k:" + c)
                if j is not None:
                    found.append(j)
                for p in prev:
                    j = vocab.get("k:" + p + ">" + c)
                    if j is not None:
                        found.append(j)
            ids = tuple(found)
            if len(self._ccache) > 100_000:
                self._ccache.clear()
            self._ccache[key] = ids
        return ids

    def _ids(self, words: list[str], classes: list[tuple[str, ...]]) -> list[int]:
        """The vocabulary indices of a piece's terms, with repeats (counted by Counter)."""
        ids: list[int] = []
        word_ids = self._word_ids
        for w in words:
            ids += word_ids(w)
        if self.settings.get("word_bigrams", True):
            vocab = self.vocab
            for a, b in pairwise(words):
                j = vocab.get("b:" + a + " " + b)
                if j is not None:
                    ids.append(j)
        if self.settings.get("word_skip"):
            vocab = self.vocab
            for a, b in zip(words, words[2:]):
                j = vocab.get("s:" + a + " " + b)
                if j is not None:
                    ids.append(j)
        if self.settings.get("classes"):
            prev: tuple[str, ...] = ()
            for cls in classes:
                ids += self._class_ids(prev, cls)
                prev = cls
            if self.settings.get("class_skip"):
                for pc, cls in zip(classes, classes[2:]):
                    ids += self._skip_class_ids(pc, cls)
        return ids

    def _skip_class_ids(self, before: tuple[str, ...], cls: tuple[str, ...]) -> list[int]:
        """Class pairs with one word between them (``k:A>>B``)."""
        vocab = self.vocab
        found = []
        for c in cls:
            for p in before:
                j = vocab.get("k:" + p + ">>" + c)
                if j is not None:
                    found.append(j)
        return found

    def _counts(self, words: list[str], classes: list[tuple[str, ...]]) -> dict[int, int]:
        return Counter(self._ids(words, classes))

    def _score(self, counts: dict[int, int], rule_hits: frozenset[str]) -> list[float]:
        rows = self._rows
        sub = self.settings["sublinear_tf"]
        log = math.log
        a0 = a1 = a2 = a3 = a4 = 0.0
        norm2 = 0.0
        for i, count in counts.items():
            row = rows[i]
            if row is None:  # (idf, w0..w4) as one tuple, made on first use of the term
                b = 5 * i
                row = rows[i] = (self.idf[i], *self.weights[b : b + 5])
            f, w0, w1, w2, w3, w4 = row
            if count == 1:
                norm2 += f * f
                a0 += w0
                a1 += w1
                a2 += w2
                a3 += w3
                a4 += w4
                continue
            tw = 1.0 + log(count) if sub else float(count)
            v = tw * f
            norm2 += v * v
            a0 += tw * w0
            a1 += tw * w1
            a2 += tw * w2
            a3 += tw * w3
            a4 += tw * w4
        scale = 1.0 / math.sqrt(norm2) if norm2 > 0 else 0.0
        bias = self.bias
        out = [
            a0 * scale + bias[0],
            a1 * scale + bias[1],
            a2 * scale + bias[2],
            a3 * scale + bias[3],
            a4 * scale + bias[4],
        ]
        if rule_hits and self.rule_weight:
            for j, cat in enumerate(self.categories):
                if cat in rule_hits:
                    for c in range(5):
                        out[c] += self.rule_weight[c][j]
        return out

    def _calibrate(self, raw: list[float]) -> list[float]:
        out = []
        for s, (a, b) in zip(raw, self.platt, strict=True):
            z = a * s + b
            out.append(1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0)
        return out

    def _features_of(self, piece: str) -> tuple[list[str], list[tuple[str, ...]]]:
        classes: list[tuple[str, ...]] = []
        if self.settings.get("classes"):
            from .words import word_classes

            classes = word_classes(piece)
        return normalize_words(piece), classes

    def raw_scores(self, text: str, rule_hits: frozenset[str] = frozenset()) -> list[float]:
        """The linear score per category (before calibration) of one text as a whole."""
        words, classes = self._features_of(text)
        return self._score(self._counts(words, classes), rule_hits)

    def confidences(self, text: str, rule_hits: frozenset[str] = frozenset()) -> list[float]:
        """Calibrated confidence (0–1) per category of one text as a whole."""
        return self._calibrate(self.raw_scores(text, rule_hits))

    def score_units(
        self,
        text: str,
        spans: list[tuple[int, int]],
        hits: list[frozenset[str]],
        whole_hits: frozenset[str] | None,
    ) -> list[list[float]]:
        """Confidences of each sentence ``text[a:b]``, then (if ``whole_hits`` is not None)
        of the whole text, computed from the sentences' counts."""
        out = []
        every: list[int] = []
        last_word = ""
        last_cls: tuple[str, ...] = ()
        tail_words: list[str] = []  # the last two words before this sentence (skip-grams)
        tail_cls: list[tuple[str, ...]] = []
        word_skip = self.settings.get("word_skip")
        class_skip = self.settings.get("classes") and self.settings.get("class_skip")
        vocab = self.vocab
        for n, ((a, b), h) in enumerate(zip(spans, hits, strict=True)):
            words, classes = self._features_of(text[a:b])
            ids = self._ids(words, classes)
            out.append(self._calibrate(self._score(Counter(ids), h)))
            if whole_hits is None:
                continue
            every += ids
            if n:  # the bigrams across the boundary with the sentence before
                if self.settings.get("word_bigrams", True) and words and last_word:
                    j = vocab.get("b:" + last_word + " " + words[0])
                    if j is not None:
                        every.append(j)
                if self.settings.get("classes") and classes and last_cls:
                    for c in classes[0]:
                        for p in last_cls:
                            j = vocab.get("k:" + p + ">" + c)
                            if j is not None:
                                every.append(j)
                # the skip-grams across it: a word (class) two places before one of this one's
                if word_skip and words:
                    for a, b in _across(tail_words, words):
                        j = vocab.get("s:" + a + " " + b)
                        if j is not None:
                            every.append(j)
                if class_skip and classes:
                    for pc, cls in _across(tail_cls, classes):
                        every += self._skip_class_ids(pc, cls)
            if words:
                last_word = words[-1]
            if classes:
                last_cls = classes[-1]
            tail_words = (tail_words + words)[-2:]
            tail_cls = (tail_cls + classes)[-2:]
        if whole_hits is not None:
            out.append(self._calibrate(self._score(Counter(every), whole_hits)))
        return out


def _across(tail: list, items: list) -> list[tuple]:
    """Pairs two places apart that start in ``tail`` (the last two items before) and end
    in ``items``: the skip-grams across a boundary."""
    both = tail + items[:2]
    k = len(tail)
    return [(both[i], both[i + 2]) for i in range(k) if k <= i + 2 < len(both)]


def encode(header: dict, vocab: list[str], idf: array, weights: array) -> bytes:
    """The model file's bytes (deterministic: sorted JSON keys, gzip without a timestamp)."""
    if sys.byteorder != "little":
        idf, weights = array("f", idf), array("f", weights)
        idf.byteswap()
        weights.byteswap()
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    body = (
        struct.pack("<I", len(head))
        + head
        + struct.pack("<I", len(vocab))
        + "\n".join(vocab).encode("utf-8")
        + b"\0"
        + idf.tobytes()
        + weights.tobytes()
    )
    return gzip.compress(body, compresslevel=9, mtime=0)


def decode(data: bytes) -> Model:
    body = gzip.decompress(data)
    (hlen,) = struct.unpack_from("<I", body, 0)
    header = json.loads(body[4 : 4 + hlen].decode("utf-8"))
    pos = 4 + hlen
    (n,) = struct.unpack_from("<I", body, pos)
    pos += 4
    end = body.index(b"\0", pos)
    vocab = body[pos:end].decode("utf-8").split("\n") if n else []
    pos = end + 1
    idf = array("f")
    idf.frombytes(body[pos : pos + 4 * n])
    pos += 4 * n
    weights = array("f")
    weights.frombytes(body[pos : pos + 4 * n * len(header["categories"])])
    if len(header["categories"]) != 5:
        raise ValueError("the guard model scores exactly five categories")
    if sys.byteorder != "little":
        idf.byteswap()
        weights.byteswap()
    return Model(header, vocab, idf, weights)


_MODEL: Model | None = None
_MISSING = False


def load_model() -> Model | None:
    """The shipped model, loaded once; None when the file is missing (rules only)."""
    global _MODEL, _MISSING
    if _MODEL is None and not _MISSING:
        try:
            with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), MODEL_FILE), "rb") as f:
                data = f.read()  # beside this module; cheaper than importlib.resources
        except (FileNotFoundError, OSError):
            _MISSING = True
            return None
        _MODEL = decode(data)
    return _MODEL


def manifest() -> dict:
    m = load_model()
    return dict(m.header) if m else {}


if __name__ == "__main__":
    json.dump(
        {k: v for k, v in manifest().items() if k not in ("bias", "rule_weights")},
        sys.stdout,
        indent=2,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")
