"""The topic guard's engine: fold, stem, tag, and match rules over the tag sequence.

How it works, in four steps:

1. The text is split into word tokens (with their spans into the original text) and
   sentence/comma boundaries.
2. Each word gets a *key*: lower-cased, stemmed with the Norwegian Snowball stemmer,
   then folded so æ/ø/å, their ASCII spellings (ae/oe/aa) and the bare vowels (o/a)
   meet. The key is looked up in the lexicon (also as the last part of a compound, and
   with one letter added, missing or wrong for longer words), giving word classes such
   as SERVICE, STAFF, NEG, DECIDE ... Keys and classes are cached, so each distinct
   word is stemmed once per process.
3. The token sequence is written as a compact string ``<CC key>`` per token, where each
   class is one character (C).
   The rules (see ``rules.py``) are compiled once into regular expressions over that
   string, so matching runs in the regex engine, not in Python loops.
4. Every rule hit becomes a ``Match`` whose phrase runs from the first to the last
   matched word, as a span of the original text. Veto rules remove hits that are
   ordinary meeting talk (a negated statement of the rule, a report that a complaint
   was already sent, a topic already being routed to a separate meeting ...).

The words' part (steps 1–3) is in ``words.py``. Nothing is built per call: the stemmer, lexicon and regexes are made on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .result import GuardResult, Match
from .texts import CATEGORIES
from .words import _SENT, _encode, _state, fold, warm, word_classes, word_key

__all__ = [
    "GuardResult",
    "Match",
    "check",
    "fold",
    "rule_check",
    "sentence_span",
    "warm",
    "word_classes",
    "word_key",
]


def rule_check(text: str) -> GuardResult:
    """The hand-written rules alone: zero or more off-limits topics, with the phrases that did it."""
    if not text or not text.strip():
        return GuardResult(text, ())
    state = _state()
    encoded, offsets, spans, atoms = _encode(text, state)
    if not offsets:
        return GuardResult(text, ())
    sent_of: list[int] = []
    s = 0
    for i, off in enumerate(offsets):
        if encoded.startswith(_SENT, off):
            s += 1
        sent_of.append(s)

    # what the text contains (class codes and named keys), and where each atom occurs
    where: dict[str, list[int]] = {}
    for i, atom in enumerate(atoms):
        for a in atom:
            lst = where.get(a)
            if lst is None:
                where[a] = [i]
            else:
                lst.append(i)

    matches: list[Match] = []
    for cat, compiled in state["cats"]:
        found: list[tuple[int, int]] = []
        for entry in compiled:
            rx, reqs, first = entry
            for req in reqs:
                if where.keys().isdisjoint(req):
                    break
            else:
                if isinstance(rx, str):
                    rx = entry[0] = re.compile(rx)
                if first is None:
                    for m in rx.finditer(encoded):
                        found.append(
                            (
                                bisect_right(offsets, m.start()) - 1,
                                bisect_right(offsets, m.end() - 1) - 1,
                            )
                        )
                    continue
                starts: set[int] = set()
                for a in first:
                    lst = where.get(a)
                    if lst:
                        starts.update(lst)
                for i in sorted(starts):
                    m = rx.match(encoded, offsets[i])
                    if m is not None:
                        found.append((i, bisect_right(offsets, m.end() - 1) - 1))
        if not found:
            continue
        found.sort(key=lambda h: (h[0], -h[1]))
        hits: list[tuple[int, int]] = []
        for a, b in found:
            if hits and a <= hits[-1][1]:
                continue  # overlaps a hit already kept for this category
            hits.append((a, b))
        veto = state["vetoes"].get(cat)
        if veto is not None:
            if isinstance(veto[0], str) or isinstance(veto[1], str):
                veto[:] = [re.compile(v) if isinstance(v, str) else v for v in veto]
            over_rx, sent_rx = veto
            blocked_tokens: list[tuple[int, int]] = []
            blocked_sents: set[int] = set()
            if over_rx is not None:
                for m in over_rx.finditer(encoded):
                    blocked_tokens.append(
                        (
                            bisect_right(offsets, m.start()) - 1,
                            bisect_right(offsets, m.end() - 1) - 1,
                        )
                    )
            if sent_rx is not None:
                for m in sent_rx.finditer(encoded):
                    blocked_sents.add(sent_of[bisect_right(offsets, m.start()) - 1])
            kept = []
            for a, b in hits:
                if sent_of[a] in blocked_sents:
                    continue
                if any(a <= vb and va <= b for va, vb in blocked_tokens):
                    continue
                kept.append((a, b))
            hits = kept
        for a, b in hits:
            start, end = spans[a][0], spans[b][1]
            matches.append(Match(cat, text[start:end], start, end))
    matches.sort(key=lambda m: (m.start, CATEGORIES.index(m.category)))
    return GuardResult(text, tuple(matches))


def check(text: str) -> GuardResult:
    """Classify one text: the learned model scores each sentence, the rules give phrases.

    Per category and sentence the model gives a calibrated confidence (it also sees which
    rules hit in that sentence). At or above the category's flag threshold — or its lower
    agree threshold when a rule of the category hit in that sentence — the sentence is
    flagged: with the rules' phrases in it when a rule of that category hit there,
    else with the whole sentence as the phrase. Below that but at or above the ask
    threshold, the best such sentence becomes an ask (``GuardResult.asks``), unless the
    category is already flagged. A note of several sentences is also scored as a whole
    (when the model was trained so); a hit of the whole is explained by the rules' phrases
    of that category, else by its highest-scoring sentence. Without a model file, the
    rules alone decide.
    """
    rules = rule_check(text)
    from .model import load_model, sentences

    model = load_model()
    if model is None or not text or not text.strip():
        return rules
    spans = sentences(text)
    if not spans:
        return GuardResult(text, ())
    all_hits = frozenset(m.category for m in rules.matches)
    if len(spans) == 1:
        unit_hits = [all_hits]
        whole = None
    else:
        unit_hits = [
            frozenset(m.category for m in rules.matches if a <= m.start < b) for a, b in spans
        ]
        # the whole note too (when the model was trained so): what is spread over sentences
        whole = all_hits if model.header["model"].get("units") == "both" else None
    confs = model.score_units(text, spans, unit_hits, whole)
    units: list = list(spans)
    if whole is not None:
        units.append(None)
    flags: list[Match] = []
    asks: list[Match] = []
    unit_rule_hits = unit_hits + ([whole] if whole is not None else [])
    for c, cat in enumerate(model.categories):
        flag_t, ask_t, agree_t = model.flag[c], model.ask[c], model.agree[c]
        best: tuple[float, int] | None = None
        flagged = False
        top = max(range(len(spans)), key=lambda u: confs[u][c])  # explains the whole note
        for u, span in enumerate(units):
            conf = confs[u][c]
            if conf >= flag_t or (conf >= agree_t and cat in unit_rule_hits[u]):
                if span is None:
                    if flagged:
                        continue
                    span = spans[top]
                    hits = [m for m in rules.matches if m.category == cat]
                    if hits:
                        flags.extend(_from_rules(hits, conf, "flag"))
                        flagged = True
                        continue
                flagged = True
                flags.extend(_explain(rules, cat, span[0], span[1], conf, "flag", text))
            elif conf >= ask_t and (best is None or conf > best[0]):
                best = (conf, u)
        if not flagged and best is not None:
            span = units[best[1]] or spans[top]
            asks.extend(_explain(rules, cat, span[0], span[1], best[0], "ask", text))
    order = {c: i for i, c in enumerate(CATEGORIES)}
    seen: set = set()
    flags = [
        m
        for m in flags
        if (m.category, m.start, m.end) not in seen and not seen.add((m.category, m.start, m.end))
    ]
    flags.sort(key=lambda m: (m.start, order[m.category]))
    asks.sort(key=lambda m: (m.start, order[m.category]))
    return GuardResult(text, tuple(flags), tuple(asks))


def _from_rules(hits, conf: float, level: str) -> list[Match]:
    conf = round(conf, 3)
    return [Match(m.category, m.phrase, m.start, m.end, conf, level, "rule+model") for m in hits]


def _explain(rules: GuardResult, cat: str, a: int, b: int, conf: float, level: str, text: str):
    """The rules' phrases of this category in [a, b), or the sentence itself."""
    hits = [m for m in rules.matches if m.category == cat and a <= m.start < b]
    if hits:
        return _from_rules(hits, conf, level)
    return [Match(cat, text[a:b], a, b, round(conf, 3), level, "model")]


# --------------------------------------------------------------------------- sentences

_SENT_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding text[start:end], without surrounding blanks.

    A sentence ends at . ! ? followed by a blank or the end, or at a line break. The
    returned span always contains [start, end).
    """
    n = len(text)
    start = max(0, min(start, n))
    end = max(start, min(end, n))
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        if m.end() <= start:
            s = m.end()
    e = n
    m = _SENT_END.search(text, max(start, end))
    if m is not None:
        e = m.end() if m.group() != "\n" else m.start()
    # a terminator inside the phrase itself must not cut it
    e = max(e, end)
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e
