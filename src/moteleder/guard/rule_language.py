"""The rules' pattern language over word classes, and its compiler to regular expressions.

A pattern is a sequence of items separated by blanks:

* ``CLASS`` — a word of that class (see ``lexicon.py``); ``A|B|=ord`` — any of them;
  ``=ord`` — that word in any inflection (compared by stemmed, folded key);
  ``.`` — any word. ``X^Y|Z`` — class X but not class Y, or class Z.
* ``X?`` — optional item.
* ``_N`` — up to N words in between, within the clause (no comma, no sentence end);
  ``~N`` — up to N words, commas allowed, within the sentence. ``_N!A,B`` — the same,
  but none of the words in between is of class A or B.
* ``!X`` — the next word is not X (nothing consumed).
* ``( a b / c d )`` — either sequence.

Rules are grouped by category. VETOES hold patterns that cancel a hit: ``over:`` when
the veto overlaps the hit, ``sent:`` anywhere in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Encoded tokens look like "<ABC key>": one character per word class, a blank, the key.
# Boundaries are "<#>" (sentence end) and "<,>" (comma and the like).
_WORD = "<[^#,>][^>]*>"
_ANY = "<[^#>][^>]*>"
_CODE: dict[str, str] = {}


def _code(cls: str) -> str:
    return _CODE[cls]


def _tokenize(pattern: str) -> list[str]:
    return pattern.replace("(", " ( ").replace(")", " ) ").split()


def _compile_seq(
    tokens: list[str], i: int, key: Callable[[str], str], known: set[str]
) -> tuple[str, int]:
    parts: list[str] = []
    alts: list[str] = []
    while i < len(tokens):
        t = tokens[i]
        if t == ")":
            break
        if t == "/":
            alts.append("".join(parts))
            parts = []
            i += 1
            continue
        if t == "(":
            inner, i = _compile_seq(tokens, i + 1, key, known)
            if i >= len(tokens) or tokens[i] != ")":
                raise ValueError("unbalanced ( in pattern")
            i += 1
            opt = i < len(tokens) and tokens[i] == "?"
            if opt:
                i += 1
            parts.append(f"(?:{inner})" + ("?" if opt else ""))
            continue
        i += 1
        gap = re.fullmatch(r"([_~])(\d+)(?:!([A-Z_,]+))?", t)
        if gap:
            kind, n, excl = gap.groups()
            for x in excl.split(",") if excl else ():
                if x not in known:
                    raise ValueError(f"unknown word class {x!r}")
            chars = "".join(_code(x) for x in excl.split(",")) if excl else ""
            look = f"(?![^ >]*[{chars}])" if chars else ""
            first = "[^#,>]" if kind == "_" else "[^#>]"
            parts.append(f"(?:<{look}{first}[^>]*>){{0,{int(n)}}}")
            continue
        if t.startswith("!") and len(t) > 1:
            parts.append(f"(?!{_element(t[1:], key, known)})")
            continue
        opt = t.endswith("?") and len(t) > 1
        if opt:
            t = t[:-1]
        parts.append(_element(t, key, known) + ("?" if opt else ""))
    alts.append("".join(parts))
    return ("(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]), i


def _element(t: str, key: Callable[[str], str], known: set[str]) -> str:
    if t == ".":
        return f"(?:{_WORD})"
    lits: list[str] = []
    tags: list[str] = []
    alts: list[str] = []
    for atom in t.split("|"):
        body, *excl = atom.split("^")
        for x in excl:
            if x not in known:
                raise ValueError(f"unknown word class {x!r}")
        look = f"(?![^ >]*[{''.join(_code(x) for x in excl)}])" if excl else ""
        if body.startswith("="):
            k = re.escape(key(body[1:].lower()))
            if look:
                alts.append(f"{look}[^ >]* {k}(?=>)")
            else:
                lits.append(k)
        else:
            if body not in known:
                raise ValueError(f"unknown word class {body!r}")
            if look:
                alts.append(f"{look}[^ >{_code(body)}]*{_code(body)}")
            else:
                tags.append(_code(body))
    if lits:
        alts.insert(0, "[^ >]* (?:" + "|".join(sorted(set(lits))) + ")(?=>)")
    if tags:
        chars = "".join(sorted(set(tags)))
        alts.insert(0, f"[^ >{chars}]*[{chars}]")
    return "(?:<(?:" + "|".join(alts) + ")[^>]*>)"


def requirements(pattern: str, key: Callable[[str], str]) -> tuple[frozenset[str], ...]:
    """What a text must contain for the pattern to have a chance: one set per element.

    Each set holds class codes and "=key" entries; the text needs at least one of each
    set. Only plain, non-optional elements outside groups count, so this is a quick
    necessary condition, never a wrong rejection.
    """
    reqs = []
    depth = 0
    for t in _tokenize(pattern):
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        if depth or t in ("(", ")", "/", "?", ".") or t.endswith("?") or t[0] in "_~!":
            continue
        atoms = set()
        for atom in t.split("|"):
            body = atom.split("^")[0]
            atoms.add("=" + key(body[1:].lower()) if body.startswith("=") else _code(body))
        reqs.append(frozenset(atoms))
    return tuple(reqs)


def compile_pattern(pattern: str, key: Callable[[str], str], known: set[str]) -> str:
    """One pattern of the rule language as a regular expression over encoded tokens."""
    rx, _ = _compile_seq(_tokenize(pattern), 0, key, known)
    return rx


def compile_rules(rules, vetoes, key):
    """Compile all rules.

    Returns the class -> character code table, a list of (category, [[regex source,
    requirements, first element's atoms or None], ...]) and {category: (overlap veto
    regex source, sentence veto regex source)}.
    """
    from . import lexicon

    known = set(lexicon.CLASSES) | {t for v in lexicon.SURFACE.values() for t in v} | {"NUM"}
    _CODE.clear()
    _CODE.update({c: chr(0x4E00 + i) for i, c in enumerate(sorted(known))})
    cats = []
    for cat, patterns in rules.items():
        compiled = []
        for p in patterns:
            reqs = requirements(p, key)
            first = _tokenize(p)[0]
            anchored = first not in ("(", ".") and not first.endswith("?") and first[0] not in "_~!"
            # regex source now, compiled on first use (see engine._rx): most texts never
            # meet most patterns' requirements, so start-up stays short
            compiled.append([compile_pattern(p, key, known), reqs, reqs[0] if anchored else None])
        cats.append((cat, compiled))
    veto_rx = {}
    for cat, patterns in vetoes.items():
        over = [compile_pattern(p[5:], key, known) for p in patterns if p.startswith("over:")]
        sent = [compile_pattern(p[5:], key, known) for p in patterns if p.startswith("sent:")]
        # sources, compiled on first use like the rules
        veto_rx[cat] = (
            "|".join(f"(?:{r})" for r in over) if over else None,
            "|".join(f"(?:{r})" for r in sent) if sent else None,
        )
    return dict(_CODE), cats, veto_rx
