"""`moteleder flagg`: check texts for off-limits topics, one JSON line per text (and the JSON of
the leader's feedback; the command line's `moteleder.cli.guard` opens the database for it)."""

from __future__ import annotations

import io
import json
import sys

from .engine import check


def _utf8(stream, write: bool):
    """The stream as UTF-8 text, whatever the locale says."""
    try:
        stream.reconfigure(encoding="utf-8", errors="replace" if not write else "strict")
        return stream
    except (AttributeError, ValueError):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            return stream
        if write:
            return io.TextIOWrapper(buffer, encoding="utf-8", line_buffering=True)
        return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace")


def _match(m) -> dict:
    return {
        "category": m.category,
        "phrase": m.phrase,
        "start": m.start,
        "end": m.end,
        "confidence": m.confidence,
        "level": m.level,
    }


def result_json(text: str) -> str:
    """One text's result as one JSON line (without the newline).

    ``categories`` and ``matches`` are the flags; ``confidence`` the highest confidence per
    flagged category; ``asks`` (only when there are any) the less sure matches, which the
    app asks about quietly instead of flagging.
    """
    result = check(text)
    obj = {
        "text": text,
        "categories": result.categories,
        "matches": [_match(m) for m in result.matches],
        "confidence": result.confidence,
    }
    if result.asks:
        obj["asks"] = [_match(m) for m in result.asks]
    return json.dumps(obj, ensure_ascii=False)


def feedback_json(row: dict) -> str:
    """One piece of the leader's feedback as a corpus line: a manual refer is a miss of its
    category, a kept flag is a text that is not that category."""
    missed = row["kind"] == "missed"
    return json.dumps(
        {
            "text": row["text"] or row["phrase"] or "",
            "kind": "oversett" if missed else "falsk_alarm",
            "category": row["category"],
            "labels": [row["category"]] if missed else [],
            "created_at": row["created_at"],
        },
        ensure_ascii=False,
    )


def run_flagg(args) -> int:
    """Check each argument, or each line of standard input, and write one JSON line each."""
    out = _utf8(sys.stdout, write=True)
    texts = list(getattr(args, "tekst", None) or [])
    if texts:
        for text in texts:
            out.write(result_json(text) + "\n")
    else:
        inp = _utf8(sys.stdin, write=False)
        for line in inp:
            text = line.removesuffix("\n")
            text = text.removesuffix("\r")
            out.write(result_json(text) + "\n")
    out.flush()
    return 0
