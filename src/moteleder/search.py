"""Full-text search over minutes, meeting notes and measures, Norwegian-aware. No Textual.

SQLite's own stemmer (porter) is English, so every text is stemmed here with the
Snowball Norwegian stemmer and the stems are indexed with FTS5: «tiltak» finds
«tiltakene». The index is kept current at write time (store/search_index.py), so a
search never waits for it; an older file is indexed once, in batches, and a search
meanwhile shows what is indexed so far. Topics steered out of a meeting (referrals)
are never indexed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from moteleder.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)
_MARKUP = re.compile(r"[#*|_>`\\]+")
KIND_LABEL = {"minute": "Referat", "notes": "Møtenotater", "measure": "Tiltak"}


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """One lower-case word's Norwegian stem: «tiltakene» → «tiltak»."""
    return _stemmer().stemWord(word)


def stem_text(text: str) -> str:
    """A text as its stems, space-separated (what the FTS index holds)."""
    return " ".join(stem(w) for w in _WORD.findall(text.lower()))


@dataclass(frozen=True)
class Hit:
    """One search result: where it is, and a snippet with the matches marked."""

    kind: str
    group_id: int
    person_name: str
    meeting_id: int | None
    day: str | None
    snippet: str
    marks: tuple[tuple[int, int], ...]
    group_closed: bool = False

    @property
    def kind_label(self) -> str:
        return KIND_LABEL.get(self.kind, self.kind)

    @property
    def day_text(self) -> str:
        return f"{self.day[8:10]}.{self.day[5:7]}.{self.day[:4]}" if self.day else "Uten dato"


# ---------------------------------------------------------------- the index
def refresh_index(store: Store) -> int:
    """Index what a write from outside the store left marked (every store write indexes its
    own before it commits, so this is normally nothing). Returns how many. The backlog of an
    older file is not touched here: see `indexing_progress` and `index_backlog`."""
    from moteleder.store.search_index import has_changes, index_changed

    if not has_changes(store.conn):
        return 0
    with store.transaction():  # (the commit's own indexing finds nothing left)
        return index_changed(store.conn)


def indexing_progress(store: Store) -> tuple[int, int] | None:
    """(indexed, of) while an older file is still being indexed; None when every document is."""
    from moteleder.store.search_index import backlog_progress

    return backlog_progress(store.conn)


def index_backlog(store: Store, **options) -> bool:
    """Index an older file's waiting documents in bounded batches (see store/search_index.py)."""
    from moteleder.store import search_index

    return search_index.index_backlog(store, **options)


# ---------------------------------------------------------------- searching
def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query of stems (all must match, each as a prefix)."""
    stems = [stem(w) for w in _WORD.findall(text.lower())]
    stems = [s for s in dict.fromkeys(stems) if s]
    if not stems:
        return None
    return " ".join(f'"{s}"*' for s in stems)


def search(store: Store, text: str, *, limit: int = 50, group_id: int | None = None) -> list[Hit]:
    """Minutes, notes and measures matching all the words (every form of them), newest first."""
    query = fts_query(text)
    if query is None:
        return []
    refresh_index(store)
    params: list[object] = [query]
    where = ""
    if group_id is not None:
        where = " and d.group_id = ?"
        params.append(group_id)
    params.append(limit)
    # Newest indexed first, not by relevance: FTS5 then stops after `limit` matches instead
    # of scoring every minute that mentions a common word (16,000 minutes: ~2 ms, not ~50 ms).
    rows = store.db.execute(
        "select d.kind, d.group_id, d.meeting_id, d.day, d.text, g.person_name, g.closed_on "
        "from (select rowid from search_docs_fts where search_docs_fts match ? order by rowid desc) f "
        f"join search_docs d on d.id = f.rowid join groups g on g.id = d.group_id where 1{where} "
        "limit ?",
        params,
    ).fetchall()
    rows.sort(key=lambda row: row[3] or "", reverse=True)
    stems = [stem(w) for w in _WORD.findall(text.lower())]
    hits = []
    for kind, gid, meeting_id, day, body, name, closed_on in rows:
        snippet, marks = make_snippet(body or "", stems)
        hits.append(Hit(kind, gid, name, meeting_id, day, snippet, marks, bool(closed_on)))
    return hits


@lru_cache(maxsize=64)
def _candidates(stems: tuple[str, ...]) -> re.Pattern:
    """Words that begin with one of the stems. A stem is always the start of its word (the
    Norwegian stemmer only takes endings off), so every match is among these; the regular
    expression skips the other words without calling the stemmer on each."""
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def make_snippet(text: str, stems: list[str], *, width: int = 90) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters of plain text around the first match, and where the matches are."""
    plain = " ".join(_MARKUP.sub(" ", text).split())
    candidates = _candidates(tuple(stems))

    def matches(word: str) -> bool:
        return any(stem(word.lower()).startswith(s) for s in stems)

    first = next((m.start() for m in candidates.finditer(plain) if matches(m.group())), 0)
    start = max(0, first - width // 3)
    if start:
        space = plain.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(plain), start + width)
    if end < len(plain):
        space = plain.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(plain) else ""
    snippet = prefix + plain[start:end] + suffix
    marks = tuple(
        (m.start(), m.end()) for m in candidates.finditer(snippet) if matches(m.group())
    )
    return snippet, marks
