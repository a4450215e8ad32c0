"""The search index kept current at write time: what a write changed is re-indexed before it commits.

Plain-SQL triggers (schema.create_search_triggers) mark each meeting or measure whose
indexed text, day or status changed in `search_dirty`; they fire on every connection and
every write path (the store's methods, the synthetic generator's bulk insert, the demo's
copy). Stemming is Python, so the triggers cannot index by themselves: `Store.transaction`
calls `index_changed` just before it commits, which re-stems only the marked documents and
upserts or deletes their rows in `search_docs` (whose FTS5 triggers keep `search_docs_fts`
in step) in the same transaction. An autosave of the clock or the step marks nothing.

A file from before this (every document marked at once, never searched) has its marks
moved to `search_backlog` by migration m023; `index_backlog` works through it in bounded
batches, one transaction each, while searches show what is indexed so far.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator

from moteleder.models import MEETING_TEXT_FIELDS

BATCH = 500  # documents per step: memory stays flat however many are marked


def index_changed(conn: sqlite3.Connection) -> int:
    """Re-index every document marked in `search_dirty`, in batches, inside the open
    transaction; the marks go (and the same documents leave the backlog). Returns how many."""
    done = 0
    while True:
        rows = conn.execute(f"select rowid, kind, ref_id from search_dirty limit {BATCH}").fetchall()
        if not rows:
            return done
        _index(conn, [(kind, ref) for _, kind, ref in rows])
        rowids = [row[0] for row in rows]
        conn.execute(f"delete from search_dirty where rowid in ({_marks(rowids)})", rowids)
        for kind in ("meeting", "measure"):
            refs = [ref for _, k, ref in rows if k == kind]
            if refs:
                conn.execute(f"delete from search_backlog where kind = ? and ref_id in ({_marks(refs)})",
                             [kind, *refs])
        done += len(rows)


def has_changes(conn: sqlite3.Connection) -> bool:
    """Is any document marked and not yet indexed? (One index probe: cheap on every commit.)"""
    return conn.execute("select 1 from search_dirty limit 1").fetchone() is not None


def backlog_progress(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(indexed, of) while an older file's backlog is being indexed; None when the index is complete."""
    left = conn.execute("select count(*) from search_backlog").fetchone()[0]
    if not left:
        return None
    total = conn.execute("select (select count(*) from meetings) + (select count(*) from measures)").fetchone()[0]
    total = max(total, left)
    return total - left, total


def index_backlog(store, *, batch: int = BATCH, max_batches: int | None = None,
                  on_progress: Callable[[int, int], None] | None = None) -> bool:
    """Index the backlog `batch` documents per transaction (at most `max_batches` of them);
    `on_progress(indexed, of)` after each. Returns True when the backlog is empty."""
    batches = 0
    while max_batches is None or batches < max_batches:
        with store.transaction():
            rows = store.conn.execute(
                "select rowid, kind, ref_id from search_backlog order by rowid limit ?", [batch]).fetchall()
            if rows:
                _index(store.conn, [(kind, ref) for _, kind, ref in rows])
                rowids = [row[0] for row in rows]
                store.conn.execute(f"delete from search_backlog where rowid in ({_marks(rowids)})", rowids)
            progress = backlog_progress(store.conn)
        batches += 1
        if progress is None:
            if on_progress is not None and rows:
                total = store.conn.execute(
                    "select (select count(*) from meetings) + (select count(*) from measures)").fetchone()[0]
                on_progress(total, total)
            return True
        if on_progress is not None:
            on_progress(*progress)
    return False


# -------------------------------------------------------------------- one batch
def _index(conn: sqlite3.Connection, marked: list[tuple[str, int]]) -> None:
    """Bring these documents' rows in search_docs up to date with the tables (at most a batch)."""
    from moteleder.search import stem_text  # (the stemmer is loaded only when something is indexed)

    meeting_ids = [ref for kind, ref in marked if kind == "meeting"]
    measure_ids = [ref for kind, ref in marked if kind == "measure"]
    docs: list[dict] = []
    gone: list[str] = []
    _meeting_docs(conn, meeting_ids, docs, gone)
    _measure_docs(conn, measure_ids, docs, gone)
    if gone:
        conn.execute(f"delete from search_docs where doc_key in ({_marks(gone)})", gone)
    docs.sort(key=lambda doc: (doc["day"] or "", doc["doc_key"]))
    for doc in docs:
        _put(conn, doc, stem_text(doc["text"]))


_DAY_BITS = 20  # a row's id is its day, then its place among that day's rows


def _day_base(day: str | None) -> int:
    """The first id of a day's rows. The search reads the newest ids first and stops at its
    limit, so ids in day order make it find the newest documents by date, whatever order
    they were written in (the generator writes group by group, the app as meetings happen)."""
    if not day:
        return 0
    from datetime import date

    try:
        return date.fromisoformat(day).toordinal() << _DAY_BITS
    except ValueError:
        return 0


def _put(conn: sqlite3.Connection, doc: dict, stemmed: str) -> None:
    """Insert or replace one document's row (the FTS5 triggers on search_docs follow)."""
    base = _day_base(doc["day"])
    values = [doc["kind"], doc["group_id"], doc["meeting_id"], doc["day"], doc["text"], stemmed, doc["doc_key"]]
    found = conn.execute("select id from search_docs where doc_key = ?", [doc["doc_key"]]).fetchone()
    if found and found[0] >> _DAY_BITS == base >> _DAY_BITS:
        conn.execute("update search_docs set kind = ?, group_id = ?, meeting_id = ?, day = ?, text = ?, "
                     "stemmed = ? where doc_key = ?", values)
        return
    if found:
        conn.execute("delete from search_docs where id = ?", [found[0]])
    last = conn.execute("select max(id) from search_docs where id >= ? and id < ?",
                        [base, base + (1 << _DAY_BITS)]).fetchone()[0]
    conn.execute("insert into search_docs (kind, group_id, meeting_id, day, text, stemmed, doc_key, id) "
                 "values (?, ?, ?, ?, ?, ?, ?, ?)", [*values, base if last is None else last + 1])


def _meeting_docs(conn: sqlite3.Connection, ids: list[int], docs: list[dict], gone: list[str]) -> None:
    """A finalized meeting is its minute; any other its notes (the typed fields); none if empty."""
    if not ids:
        return
    fields = ", ".join(MEETING_TEXT_FIELDS)
    found = set()
    for row in _rows(conn, f"select id, group_id, status, starts_at, minute_md, {fields} from meetings "
                           f"where id in ({_marks(ids)})", ids):
        found.add(row["id"])
        base = {"group_id": row["group_id"], "meeting_id": row["id"], "day": (row["starts_at"] or "")[:10] or None}
        if row["status"] == "finalized":
            docs.append({**base, "doc_key": f"minute:{row['id']}", "kind": "minute", "text": row["minute_md"] or ""})
            gone.append(f"notes:{row['id']}")
        else:
            notes = "\n".join(row[f] for f in MEETING_TEXT_FIELDS if row[f])
            gone.append(f"minute:{row['id']}")
            if notes.strip():
                docs.append({**base, "doc_key": f"notes:{row['id']}", "kind": "notes", "text": notes})
            else:
                gone.append(f"notes:{row['id']}")
    for missing in set(ids) - found:
        gone.extend([f"minute:{missing}", f"notes:{missing}"])


def _measure_docs(conn: sqlite3.Connection, ids: list[int], docs: list[dict], gone: list[str]) -> None:
    """A measure is what, who is responsible, the IP goal and every review's comment."""
    if not ids:
        return
    marks = _marks(ids)
    comments: dict[int, list[str]] = {}
    for measure_id, comment in conn.execute(
        f"select measure_id, comment from measure_reviews where measure_id in ({marks}) and comment != '' "
        "order by id", ids,
    ):
        comments.setdefault(measure_id, []).append(comment)
    found = set()
    for row in _rows(conn, "select ms.id, ms.group_id, ms.meeting_id, ms.what, ms.responsible, ms.ip_goal, "
                           "mt.starts_at from measures ms left join meetings mt on mt.id = ms.meeting_id "
                           f"where ms.id in ({marks})", ids):
        found.add(row["id"])
        parts = [row["what"] or "", f"Ansvar: {row['responsible']}" if row["responsible"] else "",
                 f"IP-mål: {row['ip_goal']}" if row["ip_goal"] else "", *comments.get(row["id"], [])]
        text = "\n".join(p for p in parts if p)
        if text.strip():
            docs.append({
                "doc_key": f"measure:{row['id']}", "kind": "measure", "group_id": row["group_id"],
                "meeting_id": row["meeting_id"], "day": (row["starts_at"] or "")[:10] or None, "text": text,
            })  # fmt: skip
        else:
            gone.append(f"measure:{row['id']}")
    gone.extend(f"measure:{missing}" for missing in set(ids) - found)


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable) -> Iterator[dict]:
    cursor = conn.execute(sql, list(params))
    keys = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(keys, row))


def _marks(items: list) -> str:
    return ",".join("?" * len(items))
