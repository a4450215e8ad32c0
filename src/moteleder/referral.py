"""Steering a topic out of the meeting: the sentence leaves the note for the private list.

The same whether the guard flagged it or the leader chose it (manual refer). No Textual.
"""

from __future__ import annotations

from moteleder.guard import sentence_span


def cut_sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence holding text[start:end], and the note without it (spaces tidied)."""
    begin, stop = sentence_span(text, start, end)
    sentence = text[begin:stop].strip()
    before, after = text[:begin].rstrip(" "), text[stop:].lstrip(" ")
    joiner = " " if before.strip() and after.strip() else ""
    return sentence, (before + joiner + after).strip()
