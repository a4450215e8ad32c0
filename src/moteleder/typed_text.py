"""Text a user typed, cleaned of characters that never belong in a name or a note. No Textual.

Removed: NUL and the other control characters (tab and line breaks are kept), the bidi
embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a name
display as something else (`Ola\u202eelon` shows reversed), and the invisible zero-width
characters (U+200B–U+200D, U+2060, U+FEFF), which make two equal-looking names differ.
Rarer line breaks (vertical tab, form feed, U+2028 …) become an ordinary newline.

The store cleans names and texts as they are saved; the minute and the invitation clean
what they render again, for text saved before this or by other paths.
"""

from __future__ import annotations

import re

_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROL = "".join(chr(c) for c in (*range(0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))
                   if chr(c) not in _LINE_BREAKS)
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

REMOVED = _CONTROL + _BIDI + _ZERO_WIDTH
"""Every character `clean_text` takes out."""

_UNWANTED = re.compile("[" + re.escape(REMOVED + _LINE_BREAKS) + "]")


def _replace(match: re.Match) -> str:
    return "\n" if match.group() in _LINE_BREAKS else ""


def clean_text(text: str) -> str:
    """The text without control, bidi-override and zero-width characters (newlines and tabs kept)."""
    if not text or not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub(_replace, text)
