"""Consent (samtykke): who gave it, whom it covers, and who in a meeting it does not cover.

No Textual. The meeting screen calls `consent_gaps()` before a meeting starts; the
group page shows the same warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from moteleder.dates import format_short_date

if TYPE_CHECKING:
    from moteleder.storage import Store

GIVEN_BY_LABEL = {
    "person": "Bruker selv",
    "parents": "Foresatte (barn under 18 år)",
    "guardian": "Verge",
}
ADULT_AGE = 18
EXPIRY_NOTICE_DAYS = 30


@dataclass
class Consent:
    """One written consent to set up the group and share information within it."""

    id: int
    group_id: int
    given_on: date
    given_by: str
    covers_all: bool = False
    member_ids: tuple[int, ...] = ()
    expires_on: date | None = None
    withdrawn_on: date | None = None
    note: str = ""

    def valid_on(self, day: date) -> bool:
        """Given, not yet expired and not withdrawn on that day."""
        if self.given_on > day:
            return False
        if self.expires_on is not None and day > self.expires_on:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on

    def covers(self, member_id: int, *, standing: bool) -> bool:
        """«Alle faste deltakere» covers the standing members; a guest must be named."""
        return (self.covers_all and standing) or member_id in self.member_ids

    @property
    def state(self) -> str:
        """`Gyldig`, `Utløpt 01.02.2026` or `Trukket tilbake 01.02.2026`, as of today."""
        today = date.today()
        if self.withdrawn_on is not None and self.withdrawn_on <= today:
            return f"Trukket tilbake {format_short_date(self.withdrawn_on)}"
        if self.expires_on is not None and self.expires_on < today:
            return f"Utløpt {format_short_date(self.expires_on)}"
        if self.given_on > today:
            return f"Gjelder fra {format_short_date(self.given_on)}"
        return "Gyldig"


def consent_gaps(store: Store, group_id: int, member_ids: list[int], *, today: date | None = None,
                 profiles=None) -> list[str]:
    """Norwegian warnings for the attendees the group's consent does not cover.

    The person and the guardians are never gaps (the consent is theirs). When the
    routine does not ask for consent and none is registered, there is nothing to warn about.
    ``profiles``: the loaded profiles (the app's); loaded from disk when None.
    """
    from moteleder.profiles import get_profile

    today = today or date.today()
    group = store.group(group_id)
    profile = get_profile(group.profile_id, profiles)
    consents = store.consents(group_id)
    if not consents and not profile.consent_required:
        return []
    valid = [c for c in consents if c.valid_on(today)]
    if not valid:
        text = "Det er ikke registrert gyldig samtykke for ansvarsgruppen."
        if consents:
            text = "Samtykket for ansvarsgruppen er ikke lenger gyldig (utløpt eller trukket tilbake)."
        if profile.consent_given_by:
            written = "skriftlig " if profile.consent_written else ""
            text += f" Etter rutinen skal {profile.consent_given_by} gi {written}samtykke."
        return [text]
    warnings: list[str] = []
    age = group.age_on(today)
    if age is not None and age >= ADULT_AGE and all(c.given_by == "parents" for c in valid):
        warnings.append(
            f"Samtykket er gitt av foresatte, men {group.person_name} er nå {age} år "
            "og må samtykke selv (eller verge)."
        )
    members = {m.id: m for m in store.members(group_id)}
    for member_id in member_ids:
        member = members.get(member_id) or store.member(member_id)
        if member.kind in ("person", "guardian"):
            continue
        if not any(c.covers(member.id, standing=member.standing) for c in valid):
            warnings.append(f"Samtykket omfatter ikke {member.label}. Innhent samtykke før det deles opplysninger.")
    return warnings
