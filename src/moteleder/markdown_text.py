"""Typed text inside Markdown (the minute, the invitation): it can never change the layout. No Textual.

`escape_inline` is the one escaper: every character with Markdown meaning is
backslash-escaped, wherever it has meaning (anywhere in a line, or at its start: headings,
quotes, lists, thematic breaks, setext underlines, tables), so what a user typed can never
add a heading, a list, a rule, a quote, a link or HTML. Both also remove the characters
`typed_text.clean_text` removes, as a second line of defence behind the store.
"""

from __future__ import annotations

import re

from moteleder.typed_text import clean_text

# Characters that carry Markdown meaning anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!{}])")
# Characters that carry meaning only at the start of a line (headings, quotes, lists, setext, tables).
_LINE_START_SPECIAL = re.compile(r"^([#>+=:-])")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])")


def escape_inline(text: str) -> str:
    """Text safe inside a paragraph line, a list item or a table cell: one line, no Markdown meaning."""
    text = clean_text(text or "")
    text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(r"\\\1", text)
    return _ORDERED_LIST.sub(r"\1\\\2", text)


def escape_block(text: str) -> str:
    """Multi-line text as safe paragraphs: each typed line kept as a line, blank lines as breaks."""
    lines = [line.strip() for line in clean_text(text or "").splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        if out and out[-1] != "":
            out[-1] += "\\"  # a hard line break keeps the user's line without a new block
        out.append(escape_inline(line))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
