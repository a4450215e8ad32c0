"""What the topic guard found in one text: its hits (``Match``) and their sum (``GuardResult``)."""

from __future__ import annotations

from dataclasses import dataclass

from .texts import CATEGORIES

__all__ = ["GuardResult", "Match"]


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
