"""The topic guard: flags what does not belong in an ansvarsgruppe meeting.

    from moteleder.guard import check
    result = check("Kan vi ikke bare bestemme her at han får 20 timer avlastning?")
    result.categories   # ["enkeltvedtak"]
    result.matches[0]   # Match(category=..., phrase=..., start=..., end=...)

Pure Python, no Textual; the stemmer and rules load on the first call.
"""

from __future__ import annotations

from .engine import GuardResult, Match, check, sentence_span
from .texts import CATEGORIES, GUIDANCE, REFERRAL_LINE, TOPIC_NAME

__all__ = [
    "CATEGORIES",
    "GUIDANCE",
    "REFERRAL_LINE",
    "TOPIC_NAME",
    "GuardResult",
    "Match",
    "check",
    "sentence_span",
]
