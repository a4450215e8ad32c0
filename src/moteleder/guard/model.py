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
import re
import struct
import sys
from array import array
from importlib import resources
from itertools import pairwise

__all__ = ["Model", "load_model", "normalize_words", "sentences", "terms"]

MODEL_FILE = "model.bin"

_FOLD = str.maketrans(
    {
        "æ": "e",
        "ø": "o",
        "å": "a",
        "ä": "e",
        "ö": "o",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "á": "a",
        "à": "a",
        "ü": "u",
        "0": "0",
        "1": "0",
        "2": "0",
        "3": "0",
        "4": "0",
        "5": "0",
        "6": "0",
        "7": "0",
        "8": "0",
        "9": "0",
    }
)
_PAIRS = re.compile(r"ae|oe|aa")
_PAIR_TO = {"ae": "e", "oe": "o", "aa": "a"}
_WORD = re.compile(r"[^\W_]+")


def normalize_words(text: str) -> list[str]:
    t = text.lower().translate(_FOLD)
    t = _PAIRS.sub(lambda m: _PAIR_TO[m.group()], t)
    return _WORD.findall(t)


def terms(text: str, settings: dict) -> dict[str, int]:
    """Term counts of one text (before idf and weighting)."""
    lo, hi = settings["char_min"], settings["char_max"]
    words = normalize_words(text)
    out: dict[str, int] = {}
    get = out.get
    for w in words:
        s = " " + w + " "
        n_s = len(s)
        for n in range(lo, hi + 1):
            for i in range(n_s - n + 1):
                g = s[i : i + n]
                out[g] = get(g, 0) + 1
    if settings.get("word_unigrams", True):
        for w in words:
            g = "w:" + w
            out[g] = get(g, 0) + 1
    if settings.get("word_bigrams", True):
        for a, b in pairwise(words):
            g = "b:" + a + " " + b
            out[g] = get(g, 0) + 1
    if settings.get("classes"):
        from .engine import word_classes

        prev: tuple[str, ...] = ()
        for cls in word_classes(text):
            for c in cls:
                g = "k:" + c
                out[g] = get(g, 0) + 1
                for p in prev:
                    g = "k:" + p + ">" + c
                    out[g] = get(g, 0) + 1
            prev = cls
    return out


_SENT_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (or lines) of a text, without surrounding blanks.

    A sentence ends at . ! ? followed by a blank or the end, or at a line break (the same
    rule as ``engine.sentence_span``). Blank pieces are left out.
    """
    spans = []
    s = 0
    n = len(text)
    for m in list(_SENT_END.finditer(text)) + [None]:
        e = n if m is None else (m.start() if m.group() == "\n" else m.end())
        a, b = s, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and _WORD.search(text, a, b):
            spans.append((a, b))
        if m is None:
            break
        s = m.end()
    return spans


def tf_weight(count: int, sublinear: bool) -> float:
    return 1.0 + math.log(count) if sublinear else float(count)


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
        self.bias: list[float] = header["bias"]
        self.rule_weight: list[list[float]] = header.get("rule_weights") or []
        self.platt: list[tuple[float, float]] = [tuple(p) for p in header["platt"]]
        self.flag: list[float] = header["thresholds"]["flag"]
        self.ask: list[float] = header["thresholds"]["ask"]

    def raw_scores(self, text: str, rule_hits: frozenset[str] = frozenset()) -> list[float]:
        """The linear score per category (before calibration)."""
        vocab = self.vocab
        w = self.weights
        idf = self.idf
        sub = self.settings["sublinear_tf"]
        a0 = a1 = a2 = a3 = a4 = 0.0
        norm2 = 0.0
        log = math.log
        for term, count in terms(text, self.settings).items():
            i = vocab.get(term)
            if i is None:
                continue
            tw = (1.0 + log(count) if count > 1 else 1.0) if sub else float(count)
            v = tw * idf[i]
            norm2 += v * v
            b = 5 * i
            a0 += tw * w[b]
            a1 += tw * w[b + 1]
            a2 += tw * w[b + 2]
            a3 += tw * w[b + 3]
            a4 += tw * w[b + 4]
        acc = (a0, a1, a2, a3, a4)
        k = 5
        scale = 1.0 / math.sqrt(norm2) if norm2 > 0 else 0.0
        out = [acc[c] * scale + self.bias[c] for c in range(k)]
        if rule_hits and self.rule_weight:
            for j, cat in enumerate(self.categories):
                if cat in rule_hits:
                    for c in range(k):
                        out[c] += self.rule_weight[c][j]
        return out

    def confidences(self, text: str, rule_hits: frozenset[str] = frozenset()) -> list[float]:
        """Calibrated confidence (0–1) per category, in ``categories`` order."""
        out = []
        for s, (a, b) in zip(self.raw_scores(text, rule_hits), self.platt):
            z = a * s + b
            out.append(1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0)
        return out


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
            data = resources.files(__package__).joinpath(MODEL_FILE).read_bytes()
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
