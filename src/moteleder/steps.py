"""The meeting's agenda: the eight steps of an ansvarsgruppe meeting (PRODUCT.md).

Plain data, no Textual. A routine profile may override titles, prompts and time
budgets, but the step keys are fixed: storage and the minute are built on them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepSpec:
    """One step of the meeting as shown on the shared screen."""

    key: str
    title: str
    prompt: str
    minutes: int


STEP_KEYS: tuple[str, ...] = (
    "opening",
    "previous",
    "worked",
    "challenge",
    "measures",
    "aob",
    "next",
    "summary",
)

DEFAULT_STEPS: tuple[StepSpec, ...] = (
    StepSpec(
        "opening",
        "Åpning",
        "Hvem er til stede, og hvem har meldt forfall? Avtal hvem som skriver referat. "
        "Gå gjennom sakslisten og samle saker til eventuelt.",
        5,
    ),
    StepSpec(
        "previous",
        "Forrige referat",
        "Godkjenn eller kommenter referatet fra forrige møte. Gå gjennom tiltakene fra sist: "
        "gjennomført, delvis eller ikke gjennomført (med begrunnelse)? Er målet nådd?",
        10,
    ),
    StepSpec(
        "worked",
        "Hva har fungert",
        "Status siden sist: hva har fungert? Først personens egen beskrivelse, "
        "deretter tjenestenes supplement.",
        10,
    ),
    StepSpec(
        "challenge",
        "Største utfordring",
        "Hva er den største utfordringen nå? Trengs endring av mål eller ny kartlegging?",
        10,
    ),
    StepSpec(
        "measures",
        "Tiltak",
        "Konkrete tiltak: hva skal gjøres, hvem har ansvaret, og når er fristen "
        "eller evalueringen?",
        15,
    ),
    StepSpec(
        "aob",
        "Eventuelt",
        "Andre saker, bare hvis det er tid.",
        5,
    ),
    StepSpec(
        "next",
        "Neste møte",
        "Avtal dato og klokkeslett for neste møte, tema og hvem som skal innkalles.",
        3,
    ),
    StepSpec(
        "summary",
        "Oppsummering",
        "Møteleder eller referent oppsummerer. Les referatet sammen på skjermen, "
        "og ferdigstill det.",
        7,
    ),
)

assert tuple(s.key for s in DEFAULT_STEPS) == STEP_KEYS
