"""The guard's words: fold, stem and tag each word with its lexicon classes.

Each word gets a *key*: lower-cased, stemmed with the Norwegian Snowball stemmer, then
folded so æ/ø/å, their ASCII spellings (ae/oe/aa) and the bare vowels (o/a) meet. The key
is looked up in the lexicon (also as the last part of a compound, and with one letter
added, missing or wrong for longer words), giving word classes such as SERVICE, STAFF,
NEG, DECIDE ... A text is then written as a compact string ``<CC key>`` per token (one
character per class) that the compiled rules match over (see ``engine.rule_check``).
Keys and classes are cached, so each distinct word is stemmed once per process; the
lexicon and rules are built on first use (or by ``warm`` in a background thread).
"""

from __future__ import annotations

import re

__all__ = ["fold", "warm", "word_classes", "word_key"]


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
    from .rule_language import compile_rules
    from .rules import RULES, VETOES

    state: dict = {"token": _TOKEN_SOURCE}
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
        exact=_tuples(exact),
        head=_tuples(head),
        surface=_tuples(surface),
        fuzzy={d: _tuples(cands) for d, cands in fuzzy.items()},
        override=_tuples(lexicon.SURFACE),
    )
    code, cats, vetoes = compile_rules(RULES, VETOES, word_key)
    state["code"] = code
    # the rules' requirements as sorted tuples too, so the state file is the same every time
    state["cats"] = [
        (cat, [[rx, tuple(_sorted(r) for r in reqs), _sorted(first)] for rx, reqs, first in entries])
        for cat, entries in cats
    ]
    state["vetoes"] = {cat: [over, sent] for cat, (over, sent) in vetoes.items()}
    # a word's key is written into the encoded text only if some rule names that word
    named = re.findall(
        r"=([^\s|^()]+)", " ".join(p for ps in (*RULES.values(), *VETOES.values()) for p in ps)
    )
    state["lits"] = tuple(sorted({word_key(w.lower()) for w in named}))
    state["probe"] = {w: word_key(w) for w in _PROBE_WORDS}
    return state


def _sorted(items):
    return None if items is None else tuple(sorted(items))


def _tuples(table: dict) -> dict:
    return {k: tuple(sorted(v)) for k, v in table.items()}


def warm() -> None:
    """Build the lexicon, compile every rule and load the model now (e.g. in a background
    thread at start).

    Without it, the first call to ``check`` builds the lexicon (a few hundred ms) and each
    rule is compiled the first time a text could match it.
    """
    state = _state()
    for _, compiled in state["cats"]:
        for entry in compiled:
            if isinstance(entry[0], str):
                entry[0] = re.compile(entry[0])
    for veto in state["vetoes"].values():
        veto[:] = [re.compile(v) if isinstance(v, str) else v for v in veto]
    from .model import load_model

    load_model()


# ---------------------------------------------------------------- the shipped state

# The built state (keys, classes, typo tables, rule sources) is shipped as a marshal file,
# so the first check of a session does not stem the whole lexicon and compile every rule.
# It is used only when it was built from these very rules and lexicon (their sources'
# hash), by this build code (STATE_FORMAT) and gives the same stems on this machine
# (``probe``); else the state is built here, as before. Rewrite it with
# ``python -m moteleder.guard.words`` after changing the lexicon or the rules; a test
# checks that the shipped file is current.
STATE_FILE = "lexicon_state.bin"
STATE_FORMAT = 1
_SOURCES = ("lexicon.py", "rules.py", "rule_language.py")
_PROBE_WORDS = ("tjenestene", "vedtaket", "opplæringa", "ansvaret", "klagde", "ikkje",
                "fungerte", "hjemmetjenesten", "skulen", "avlastninga")


def _here(name: str) -> str:
    # beside this module (the package is installed as files); cheaper than importlib.resources
    import os

    return os.path.join(os.path.dirname(os.path.abspath(__file__)), name)


def _read(name: str) -> bytes:
    with open(_here(name), "rb") as f:
        return f.read()


def _sources_hash() -> str:
    import hashlib

    digest = hashlib.sha256(str(STATE_FORMAT).encode())
    for name in _SOURCES:
        digest.update(_read(name))
    return digest.hexdigest()


def state_bytes() -> bytes:
    """The state file's bytes, built from the lexicon and rules as they are now."""
    import marshal

    return marshal.dumps((STATE_FORMAT, _sources_hash(), _build()))


def _shipped() -> dict | None:
    import marshal

    try:
        data = _read(STATE_FILE)
        fmt, digest, state = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if fmt != STATE_FORMAT or digest != _sources_hash():
        return None
    if any(word_key(w) != k for w, k in state.get("probe", {}).items()):
        return None  # another stemmer version: its keys would not meet the lexicon's
    return state


def _state() -> dict:
    global _STATE
    if _STATE is None:
        state = _shipped() or _build()
        state["token"] = re.compile(state["token"])
        state["lits"] = set(state["lits"])
        _STATE = state
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
    found.update(state["surface"].get(folded, ()))
    for part in parts:
        if part:
            pk = word_key(part)
            found.update(exact.get(pk, ()))
            if len(pk) >= 4:
                found.update(state["head"].get(pk, ()))
    if not found:
        head = state["head"]
        # compound: the longest known head at the end, leaving a prefix of 3+ letters
        for i in range(3, len(key) - 2):
            hit = head.get(key[i:])
            if hit:
                found.update(hit)
                break
    if not found and low.isdigit():
        found.add("NUM")
    if not found and not low.isdigit():
        # a second stemming pass catches nynorsk forms the first pass leaves half done
        key2 = fold(_stem(_stem(low)))
        if key2 != key and len(key2) >= 3:
            found.update(exact.get(key2, ()))
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


def write_state_file() -> str:
    """Rewrite the shipped state file from the lexicon and rules as they are now."""
    path = _here(STATE_FILE)
    with open(path, "wb") as f:
        f.write(state_bytes())
    return path
