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

Nothing is built per call: the stemmer, lexicon and regexes are made on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .texts import CATEGORIES

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


@dataclass(frozen=True)
class Match:
    """One hit: the category, the phrase that triggered it and its span in the text.

    ``confidence`` is the model's calibrated probability (0–1) that the sentence holding
    the phrase is of this category. ``level`` is ``"flag"`` (show the banner) or ``"ask"``
    (less sure: ask quietly "Kan dette være …?"). ``source`` says what found the phrase:
    ``"rule+model"`` (a rule's phrase, confirmed by the model), ``"model"`` (the model
    alone; the phrase is the whole sentence) or ``"rule"`` (rules only, no model file).
    """

    category: str
    phrase: str
    start: int
    end: int
    confidence: float = 1.0
    level: str = "flag"
    source: str = "rule"


@dataclass(frozen=True)
class GuardResult:
    """All hits for one text: ``matches`` are flags, ``asks`` the less sure ones."""

    text: str
    matches: tuple[Match, ...]
    asks: tuple[Match, ...] = ()

    @property
    def categories(self) -> list[str]:
        """The flagged categories, each once, in CATEGORIES order."""
        hit = {m.category for m in self.matches}
        return [c for c in CATEGORIES if c in hit]

    @property
    def ask_categories(self) -> list[str]:
        """Categories only asked about (none of them is also flagged), in CATEGORIES order."""
        hit = {m.category for m in self.asks}
        return [c for c in CATEGORIES if c in hit]

    @property
    def confidence(self) -> dict[str, float]:
        """The highest confidence per flagged category."""
        out: dict[str, float] = {}
        for m in self.matches:
            out[m.category] = max(out.get(m.category, 0.0), m.confidence)
        return {c: out[c] for c in CATEGORIES if c in out}

    def __bool__(self) -> bool:
        return bool(self.matches)


# --------------------------------------------------------------------------- folding

_FOLD_CHARS = str.maketrans(
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
    }
)
_FOLD_PAIRS = re.compile(r"ae|oe|aa")
_PAIR_TO = {"ae": "e", "oe": "o", "aa": "a"}


def fold(word: str) -> str:
    """Fold a lower-cased word so æ/ø/å, ae/oe/aa and e/o/a all meet."""
    word = word.translate(_FOLD_CHARS)
    if "a" in word or "o" in word:
        word = _FOLD_PAIRS.sub(lambda m: _PAIR_TO[m.group()], word)
    return word


# --------------------------------------------------------------------------- state

_STATE: dict | None = None
_STEM = None
_KEY_CACHE: dict[str, str] = {}
_TAG_CACHE: dict[str, tuple[str, frozenset[str]]] = {}  # word -> ("<CC key>", atoms)
_CACHE_LIMIT = 200_000


def _stem(word: str) -> str:
    global _STEM
    if _STEM is None:
        import snowballstemmer  # imported on first use only

        _STEM = snowballstemmer.stemmer("norwegian").stemWord
    return _STEM(word)


def word_key(word: str) -> str:
    """The lexicon key of one lower-cased word: stemmed, then folded."""
    key = _KEY_CACHE.get(word)
    if key is None:
        key = fold(_stem(word))
        if len(_KEY_CACHE) > _CACHE_LIMIT:
            _KEY_CACHE.clear()
        _KEY_CACHE[word] = key
    return key


def _build() -> dict:
    from . import lexicon
    from .rules import RULES, VETOES, compile_rules

    state: dict = {"token": re.compile(_TOKEN_SOURCE)}
    exact: dict[str, set[str]] = {}
    head: dict[str, set[str]] = {}
    surface: dict[str, set[str]] = {}
    for cls, words in lexicon.CLASSES.items():
        # sorted: the typo tables keep the first candidate, so their order must not depend
        # on the string hash seed (else a typo's classes could differ between processes)
        for w in sorted(words):
            low = w.lower()
            for part in [low] + low.split("-") if "-" in low else [low]:
                k = word_key(part)
                if not k:
                    continue
                exact.setdefault(k, set()).add(cls)
                surface.setdefault(fold(part), set()).add(cls)
                if cls in lexicon.HEAD and (len(k) >= 4 or k == "tim"):
                    head.setdefault(k, set()).add(cls)

    # typo tolerance: one-letter-deleted forms of the longer lexicon words -> {word: classes}
    fuzzy: dict[str, dict[str, set[str]]] = {}
    for table in (exact, surface):
        for k, classes in table.items():
            if len(k) >= 6:
                for i in range(1, len(k)):
                    d = k[:i] + k[i + 1 :]
                    fuzzy.setdefault(d, {}).setdefault(k, set()).update(classes)
    state.update(
        exact=exact,
        head=head,
        surface=surface,
        fuzzy=fuzzy,
        override={k: set(v) for k, v in lexicon.SURFACE.items()},
    )
    state["code"], state["cats"], state["vetoes"] = compile_rules(RULES, VETOES, word_key)
    # a word's key is written into the encoded text only if some rule names that word
    named = re.findall(
        r"=([^\s|^()]+)", " ".join(p for ps in (*RULES.values(), *VETOES.values()) for p in ps)
    )
    state["lits"] = {word_key(w.lower()) for w in named}
    return state


def warm() -> None:
    """Build the lexicon, compile every rule and load the model now (e.g. in a background
    thread at start).

    Without it, the first call to ``check`` builds the lexicon (a few hundred ms) and each
    rule is compiled the first time a text could match it.
    """
    for _, compiled in _state()["cats"]:
        for entry in compiled:
            if isinstance(entry[0], str):
                entry[0] = re.compile(entry[0])
    from .model import load_model

    load_model()


def _state() -> dict:
    global _STATE
    if _STATE is None:
        _STATE = _build()
    return _STATE


def _classes_of(low: str, state: dict) -> tuple[str, set[str]]:
    override = state["override"].get(low)
    parts = low.split("-") if "-" in low else []
    key = word_key(low.replace("-", "")) if parts else word_key(low)
    if override is not None:
        return key, set(override)
    exact = state["exact"]
    found = set(exact.get(key, ()))
    folded = fold(low)
    found |= state["surface"].get(folded, set())
    for part in parts:
        if part:
            pk = word_key(part)
            found |= exact.get(pk, set())
            found |= state["head"].get(pk, set()) if len(pk) >= 4 else set()
    if not found:
        head = state["head"]
        # compound: the longest known head at the end, leaving a prefix of 3+ letters
        for i in range(3, len(key) - 2):
            hit = head.get(key[i:])
            if hit:
                found |= hit
                break
    if not found and low.isdigit():
        found.add("NUM")
    if not found and not low.isdigit():
        # a second stemming pass catches nynorsk forms the first pass leaves half done
        key2 = fold(_stem(_stem(low)))
        if key2 != key and len(key2) >= 3:
            found |= exact.get(key2, set())
    if not found and len(folded) >= 5 and not low.isdigit():
        found = _fuzzy(key, folded, state)
    return key, found


def _fuzzy(key: str, folded: str, state: dict) -> set[str]:
    """Classes of a word one typo away from a lexicon word (longer words only).

    A letter missing (incl. a left-out æ/ø/å), added, or two neighbours swapped is
    accepted from 5 letters; a wrong letter only from 7. The first letter must be right,
    so "klar" never meets "uklar".
    """
    fuzzy, surface, exact = state["fuzzy"], state["surface"], state["exact"]
    first = folded[0]
    for word in (folded, key):
        if len(word) < 5:
            continue
        # the token lacks one letter of a lexicon word
        for cand_key, classes in fuzzy.get(word, {}).items():
            if cand_key[0] == first:
                return set(classes)
        # the token has one letter too many
        if len(word) >= 6:
            for i in range(1, len(word)):
                d = word[:i] + word[i + 1 :]
                c = surface.get(d) or exact.get(d)
                if c:
                    return set(c)
        # two neighbouring letters swapped
        for i in range(1, len(word) - 1):
            d = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            c = surface.get(d) or (exact.get(d) if len(d) >= 5 else None)
            if c:
                return set(c)
        # one wrong letter
        if len(word) >= 7:
            for i in range(1, len(word)):
                d = word[:i] + word[i + 1 :]
                for cand_key, classes in fuzzy.get(d, {}).items():
                    if cand_key[0] == first and len(cand_key) == len(word):
                        return set(classes)
    return set()


def _encode_word(low: str, state: dict) -> tuple[str, frozenset[str]]:
    hit = _TAG_CACHE.get(low)
    if hit is None:
        key, classes = _classes_of(low, state)
        code = state["code"]
        chars = "".join(sorted(code[c] for c in classes))
        shown = key if key in state["lits"] else ""
        atoms = frozenset(chars) | ({"=" + shown} if shown else frozenset())
        hit = ("<" + chars + " " + shown + ">", atoms)
        if len(_TAG_CACHE) > _CACHE_LIMIT:
            _TAG_CACHE.clear()
        _TAG_CACHE[low] = hit
    return hit


# --------------------------------------------------------------------------- tokens

# words (with inner hyphens/apostrophes), sentence ends, and comma-like breaks;
# compiled in _build so that importing the package stays cheap
_TOKEN_SOURCE = (
    r"(?P<w>[^\W_]+(?:[-'’][^\W_]+)*)"
    r"|(?P<s>[.!?]+(?!\s*[a-zæøå0-9])|\n)"
    r"|(?P<c>[,;:()\"«»]|\s[-–—]\s)"
)

_SENT = "<#>"
_COMMA = "<,>"
_GRANT_AFTER_APPLY = 4


_NO_ATOMS: frozenset[str] = frozenset()


def _encode(text: str, state: dict):
    """The encoded token string, each token's offset in it, its span in the text, its atoms."""
    pieces: list[str] = []
    offsets: list[int] = []
    spans: list[tuple[int, int]] = []
    atoms: list[frozenset[str]] = []
    pos = 0
    apply_left = 0
    grant, apply = state["code"]["GRANT"], state["code"]["APPLY"]
    for m in state["token"].finditer(text):
        kind = m.lastgroup
        if kind == "w":
            low = m.group().lower()
            if "'" in low or "’" in low:
                low = low.replace("’", "'").split("'")[0]
            enc, atom = _encode_word(low, state)
            if apply_left:
                apply_left -= 1
                if grant in atom:
                    enc = enc.replace(grant, "", 1)
                    atom = atom - {grant}
            if apply in atom:
                apply_left = _GRANT_AFTER_APPLY
        elif kind == "s":
            enc, atom = _SENT, _NO_ATOMS
            apply_left = 0
        else:
            enc, atom = _COMMA, _NO_ATOMS
        offsets.append(pos)
        spans.append(m.span())
        pieces.append(enc)
        atoms.append(atom)
        pos += len(enc)
    return "".join(pieces), offsets, spans, atoms


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
    rules hit in that sentence). At or above the category's flag threshold the sentence
    is flagged: with the rules' phrases in it when a rule of that category hit there,
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
    for c, cat in enumerate(model.categories):
        flag_t, ask_t = model.flag[c], model.ask[c]
        best: tuple[float, int] | None = None
        flagged = False
        top = max(range(len(spans)), key=lambda u: confs[u][c])  # explains the whole note
        for u, span in enumerate(units):
            conf = confs[u][c]
            if conf >= flag_t:
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


def word_classes(text: str) -> list[tuple[str, ...]]:
    """The lexicon classes of each word of the text, in order (``()`` for a word without).

    Sentence ends and commas are left out. Used as features by the learned model: the
    classes carry the rules' knowledge of nynorsk, dialect, typos and compounds.
    """
    if not text:
        return []
    state = _state()
    names = state.get("names")
    if names is None:
        names = state["names"] = {v: k for k, v in state["code"].items()}
    out = []
    for m in state["token"].finditer(text):
        if m.lastgroup != "w":
            continue
        low = m.group().lower()
        if "'" in low or "’" in low:
            low = low.replace("’", "'").split("'")[0]
        enc, _ = _encode_word(low, state)
        chars = enc[1 : enc.index(" ")]
        out.append(tuple(sorted(names[c] for c in chars)))
    return out


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
