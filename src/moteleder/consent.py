"""Consent (samtykke): who in a meeting the group's written consent does not cover.

No Textual. The meeting screen calls `consent_gaps()` before a meeting starts; the
group page shows the same warnings. The consent itself is `moteleder.models.Consent`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from moteleder.models import ADULT_AGE, GIVEN_BY_LABEL

if TYPE_CHECKING:
    from moteleder.store import Store

__all__ = ["EXPIRY_NOTICE_DAYS", "GIVEN_BY_LABEL", "consent_gaps"]  # the labels stay where screens look

EXPIRY_NOTICE_DAYS = 30
"""How many days before a consent expires the group is listed as needing attention."""


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
