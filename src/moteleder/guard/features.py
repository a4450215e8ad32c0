"""The guard model's features of one text, as the training script and the scorer count them.

Lower-cased, æ/ø/å and the typed ae/oe/aa folded to e/o/a, digits to 0; words are
``[^\\W_]+``. Character n-grams inside each word padded with blanks (``" ord "``), word
unigrams ``w:ord``, bigrams ``b:ord ord`` and (when the model says so) skip-bigrams
``s:ord ord``; the rule lexicon's word classes ``k:CLASS``, ``k:A>B`` and ``k:A>>B``.
Sentences are split as ``engine.sentence_span`` does.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

from .words import _FOLD_CHARS

__all__ = ["normalize_words", "sentences", "terms", "tf_weight"]

# The engine's folding of æ/ø/å and accents, and every digit to 0.
_FOLD = {**_FOLD_CHARS, **str.maketrans("0123456789", "0000000000")}
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
    if settings.get("word_skip"):
        for a, b in zip(words, words[2:]):
            g = "s:" + a + " " + b
            out[g] = get(g, 0) + 1
    if settings.get("classes"):
        from .words import word_classes

        if settings.get("class_skip"):
            wc = word_classes(text)
            for pc, cls in zip(wc, wc[2:]):
                for c in cls:
                    for p in pc:
                        g = "k:" + p + ">>" + c
                        out[g] = get(g, 0) + 1
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
