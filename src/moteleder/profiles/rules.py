"""The routine's rules as pure functions: what a profile means for one meeting.

No Textual, no I/O. Each function returns Norwegian (bokmål) text for the leader: an
empty list or None when all is well, or when the profile does not set the rule.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from moteleder.models import ADULT_AGE
from moteleder.profiles.model import Profile
from moteleder.steps import DEFAULT_STEPS, StepSpec

_WORDS = (
    "null",
    "én",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "åtte",
    "ni",
    "ti",
    "elleve",
    "tolv",
)


def _number(n: int, *, neuter: bool = False) -> str:
    """A count as Norwegian text: words up to twelve, digits above."""
    if n == 1:
        return "ett" if neuter else "én"
    if 0 <= n < len(_WORDS):
        return _WORDS[n]
    return str(n)


def _count(n: int, singular: str, plural: str, *, neuter: bool = False) -> str:
    return f"{_number(n, neuter=neuter)} {singular if n == 1 else plural}"


def _days(n: int) -> str:
    """A span of days, in weeks when it is whole weeks («to uker», «14 dager» otherwise)."""
    if n and n % 7 == 0:
        return _count(n // 7, "uke", "uker")
    return _count(n, "dag", "dager")


def format_date(d: date) -> str:
    """A date the Norwegian way: «8. desember 2026»."""
    try:
        from babel.dates import format_date as babel_format_date

        return babel_format_date(d, "d. MMMM y", locale="nb")
    except ImportError:  # babel is a dependency; this only keeps the rules usable without it
        months = (
            "januar", "februar", "mars", "april", "mai", "juni",
            "juli", "august", "september", "oktober", "november", "desember",
        )  # fmt: skip
        return f"{d.day}. {months[d.month - 1]} {d.year}"


# ---------------------------------------------------------------------------
# The minute


def minute_deadline(profile: Profile, meeting_date: date) -> date | None:
    """The date the minute must be finalized by, or None when the routine sets no deadline."""
    if profile.minute_deadline_days is None:
        return None
    return meeting_date + timedelta(days=profile.minute_deadline_days)


def minute_needed(profile: Profile, *, has_ip: bool) -> bool:
    """False only when the routine says an updated individual plan replaces the minute."""
    return not (profile.minute_optional_with_ip and has_ip)


def closing_lines(
    profile: Profile, meeting_date: date, *, barnekoordinator: bool, has_ip: bool
) -> list[str]:
    """The minute's closing lines: deadline, archive, copies and the routine's reminders."""
    lines: list[str] = []
    needed = minute_needed(profile, has_ip=has_ip)
    if not needed:
        lines.append(
            "Individuell plan er oppdatert i møtet, så referat er ikke nødvendig. "
            "Avtal om noen ønsker utskrift av planen, eller deler av den, sendt per post."
        )
    deadline = minute_deadline(profile, meeting_date)
    if needed and deadline is not None:
        lines.append(
            f"Referatet skal ferdigstilles innen {format_date(deadline)} "
            f"({_days(profile.minute_deadline_days or 0)} etter møtet)."
        )
    if barnekoordinator and profile.archive_barnekoordinator:
        if profile.archive:
            lines.append(
                f"Referatet arkiveres i {profile.archive_barnekoordinator}, ikke i {profile.archive}, "
                "fordi gruppen har barnekoordinator."
            )
        else:
            lines.append(
                f"Referatet arkiveres i {profile.archive_barnekoordinator}, "
                "fordi gruppen har barnekoordinator."
            )
    elif profile.archive:
        what = "Referatet arkiveres" if needed else "Planen oppbevares"
        lines.append(f"{what} i {profile.archive}.")
    if needed and profile.stafettlogg_with_consent:
        lines.append(
            "Har brukeren Stafettlogg og har samtykket til det, legger referenten "
            "referatet inn i Stafettloggen."
        )
    if needed and profile.suggest_copy_to_gp:
        lines.append("Vurder om fastlegen også skal ha kopi av referatet.")
    if needed:
        lines.extend(profile.minute_notes)
    return lines


# ---------------------------------------------------------------------------
# Members and attendance


def membership_warnings(
    profile: Profile,
    *,
    members_besides_family: int,
    person_age: int | None,
    person_is_member: bool,
) -> list[str]:
    """Warnings about the group's size and whether the person is a standing member.

    ``members_besides_family`` counts the members other than the person and the guardians.
    """
    warnings: list[str] = []
    limit = profile.max_members_besides_family
    if limit is not None and members_besides_family > limit:
        warnings.append(
            f"Ansvarsgruppen har {_count(members_besides_family, 'medlem', 'medlemmer', neuter=True)} "
            "i tillegg til bruker og foresatte. Etter rutinen bør den ikke ha flere enn "
            f"{_number(limit, neuter=True)}."
        )
    from_age = profile.person_member_from_age
    if (
        from_age is not None
        and person_age is not None
        and person_age >= from_age
        and not person_is_member
    ):
        warnings.append(
            f"Bruker er {person_age} år og skal etter rutinen være fast medlem av "
            f"ansvarsgruppen fra {from_age} år."
        )
    return warnings


def attendance_warnings(
    profile: Profile,
    *,
    guardians_present: bool,
    agreed_without_guardians: bool,
    person_age: int | None,
    person_present: bool,
) -> list[str]:
    """Warnings about who is present at the start of the meeting.

    Guardians are only required for a person under 18 (or of unknown age).
    """
    warnings: list[str] = []
    is_child = person_age is None or person_age < ADULT_AGE
    if profile.guardians_required and is_child and not guardians_present:
        if profile.guardians_absence_by_agreement:
            if not agreed_without_guardians:
                warnings.append(
                    "Foresatte er ikke til stede. Etter rutinen er foresatte en forutsetning "
                    "for å gjennomføre møtet, om ikke annet er avtalt. Noter avtalen om at "
                    "møtet holdes uten dem, eller utsett møtet."
                )
        else:
            warnings.append(
                "Foresatte er ikke til stede. Etter rutinen skal foresatte delta på møtet."
            )
    from_age = profile.person_member_from_age
    if (
        from_age is not None
        and person_age is not None
        and person_age >= from_age
        and not person_present
    ):
        warnings.append(
            "Bruker er fast medlem av ansvarsgruppen, men er ikke til stede. Noter forfall, "
            "og avtal hvordan brukerens egen stemme kommer fram."
        )
    return warnings


# ---------------------------------------------------------------------------
# Before and between meetings


def invitation_warning(profile: Profile, meeting_date: date, sent_date: date | None) -> str | None:
    """A warning when the invitation went out later than the routine allows.

    ``sent_date`` None means it has not been sent: then the text says when it must go.
    """
    lead = profile.invitation_lead_days
    if lead is None:
        return None
    latest = meeting_date - timedelta(days=lead)
    rule = f"Etter rutinen skal den sendes minst {_count(lead, 'dag', 'dager')} før møtet, senest {format_date(latest)}."
    if sent_date is None:
        return f"Innkallingen er ikke sendt ennå. {rule}"
    days = (meeting_date - sent_date).days
    if days >= lead:
        return None
    if days < 0:
        return f"Innkallingen er registrert som sendt etter møtet. {rule}"
    if days == 0:
        return f"Innkallingen ble sendt samme dag som møtet. {rule}"
    return f"Innkallingen ble sendt bare {_count(days, 'dag', 'dager')} før møtet. {rule}"


def first_meeting_items(profile: Profile) -> list[str]:
    """Extra items for the group's first meeting (meeting rules, introductions, a pre-meeting …)."""
    return list(profile.first_meeting)


def meetings_due_warning(profile: Profile, meetings_last_12_months: int) -> str | None:
    """A warning when the group has met less often than the routine's minimum per year."""
    minimum = profile.min_meetings_per_year
    if minimum is None or meetings_last_12_months >= minimum:
        return None
    if meetings_last_12_months <= 0:
        had = "Gruppen har ikke hatt noe møte de siste tolv månedene."
    else:
        had = (
            f"Gruppen har hatt {_count(meetings_last_12_months, 'møte', 'møter', neuter=True)} "
            "de siste tolv månedene."
        )
    times = "én gang" if minimum == 1 else f"{_number(minimum)} ganger"
    return f"{had} Etter rutinen skal den møtes minst {times} i året."


def next_evaluation(
    profile: Profile, last_evaluation: date | None, group_started: date
) -> date | None:
    """When the next evaluation is due, or None when the routine sets no interval."""
    months = profile.evaluation_interval_months
    if months is None:
        return None
    # The same day that many months later; the month's last day when it is shorter (31.08 + 6 → 28.02).
    return (last_evaluation or group_started) + relativedelta(months=months)


def evaluation_due(
    profile: Profile, last_evaluation: date | None, group_started: date, today: date
) -> date | None:
    """The date the evaluation fell due, when it is due today or overdue; otherwise None.

    Counts from the last evaluation, or from the group's start when there has been none.
    """
    due = next_evaluation(profile, last_evaluation, group_started)
    if due is None or due > today:
        return None
    return due


def steps_for(profile: Profile) -> tuple[StepSpec, ...]:
    """The meeting's steps under this profile (the default agenda if it has none)."""
    return profile.steps or DEFAULT_STEPS
