"""The invitation (innkalling): agenda, time frame, items reported in advance. No Textual.

Written as Markdown (for the members) and as an .ics calendar file, both private (0600)
and atomically. The calendar file holds only the time and a neutral title: calendars are
often synced to services outside the municipality, so no names and no topics go there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from moteleder.dates import format_short_date
from moteleder.markdown_text import escape_inline
from moteleder.minute import INVITATION_CONFIDENTIAL as CONFIDENTIAL

if TYPE_CHECKING:
    from moteleder.store import Store

TIMEZONE = "Europe/Oslo"


class InvitationError(Exception):
    """The invitation cannot be written; the message is Norwegian."""


@dataclass
class Invitation:
    meeting_id: int
    group_id: int
    person_name: str
    starts_at: datetime
    ends_at: datetime
    theme: str
    steps: list[tuple[str, int]]  # (title, minutes)
    reported: list[tuple[str, str]]  # (who, text)
    invited: list[str]
    extra_invitees: str
    coordinator: str
    sent_on: date
    warning: str | None = None
    notes: list[str] = field(default_factory=list)


def build_invitation(store: Store, meeting_id: int, *, sent_on: date, profiles=None) -> Invitation:
    """Everything the invitation says, from the meeting, the group and its routine profile."""
    from moteleder.profiles import get_profile
    from moteleder.profiles.rules import invitation_warning, steps_for

    meeting = store.meeting(meeting_id)
    if meeting.is_finalized:
        raise InvitationError("Møtet er allerede holdt og ferdigstilt. Innkalling lages for et planlagt møte.")
    if meeting.starts_at is None:
        raise InvitationError("Møtet har ingen dato ennå. Sett dato og klokkeslett først.")
    group = store.group(meeting.group_id)
    profile = get_profile(group.profile_id, profiles)
    steps = [(spec.title, spec.minutes) for spec in steps_for(profile)]
    total = sum(minutes for _, minutes in steps)
    members = store.members(group.id, include_guests=False)
    coordinator = next((m.label for m in members if m.is_coordinator), "")
    notes = [profile.invitation_note[0].upper() + profile.invitation_note[1:] + "."] if profile.invitation_note else []
    return Invitation(
        meeting_id=meeting.id,
        group_id=group.id,
        person_name=group.person_name,
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + timedelta(minutes=total),
        theme=meeting.theme,
        steps=steps,
        reported=[(item["who"] or "", item["text"]) for item in store.agenda_items(meeting.id)],
        invited=[m.label for m in members],
        extra_invitees=meeting.invitees,
        coordinator=coordinator,
        sent_on=sent_on,
        warning=invitation_warning(profile, meeting.starts_at.date(), sent_on),
        notes=notes,
    )


def render_markdown(inv: Invitation) -> str:
    from moteleder.dates import format_time, format_weekday_date

    lines = [
        "# Innkalling til ansvarsgruppemøte",
        "",
        f"**{CONFIDENTIAL}**",
        "",
        f"- **Ansvarsgruppe for:** {escape_inline(inv.person_name)}",
        (
            f"- **Tid:** {format_weekday_date(inv.starts_at.date())} kl. {format_time(inv.starts_at)}–"
            f"{format_time(inv.ends_at)} ({_minutes(inv)} minutter)"
        ),
    ]
    if inv.theme:
        lines.append(f"- **Tema:** {escape_inline(inv.theme)}")
    if inv.coordinator:
        lines.append(f"- **Koordinator:** {escape_inline(inv.coordinator)}")
    lines += ["", "## Innkalt", ""]
    lines += [f"- {escape_inline(name)}" for name in inv.invited] or ["- (ingen faste deltakere registrert)"]
    if inv.extra_invitees.strip():
        lines.append(f"- Også invitert: {escape_inline(inv.extra_invitees.strip())}")
    lines += ["", "## Saksliste", ""]
    for n, (title, minutes) in enumerate(inv.steps, start=1):
        lines.append(f"{n}. {escape_inline(title)} ({minutes} min)")
    lines += ["", "## Saker meldt inn på forhånd", ""]
    if inv.reported:
        for who, text in inv.reported:
            lines.append(f"- {escape_inline(text)}" + (f" (meldt av {escape_inline(who)})" if who else ""))
    else:
        lines.append("- Ingen ennå.")
    lines += [
        "",
        "Andre saker tas opp under eventuelt hvis tiden tillater det.",
        "",
        f"Møtet varer til kl. {format_time(inv.ends_at)}. Meld forfall til koordinator så snart som mulig.",
    ]
    lines += ["", f"Sendt {format_short_date(inv.sent_on)}.", ""]
    return "\n".join(lines)


def _minutes(inv: Invitation) -> int:
    return int((inv.ends_at - inv.starts_at).total_seconds() // 60)


def render_ics(inv: Invitation, *, now: datetime | None = None) -> str:
    """A calendar event with the time frame and a neutral title (no names, no topics)."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//moteleder//innkalling//NO")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"moteleder-mote-{inv.meeting_id}@moteleder.local")
    event.add("dtstamp", (now or datetime.now(zone)).astimezone(zone))
    event.add("dtstart", inv.starts_at.replace(tzinfo=zone))
    event.add("dtend", inv.ends_at.replace(tzinfo=zone))
    event.add("summary", "Ansvarsgruppemøte")
    event.add("description", "Innkalling med saksliste er sendt separat. Taushetsbelagt.")
    event.add("class", "CONFIDENTIAL")
    calendar.add_component(event)
    if hasattr(calendar, "add_missing_timezones"):  # icalendar 6+: a VTIMEZONE for Europe/Oslo
        # Only the years around the meeting (from the time zone database), not 1970–2038.
        calendar.add_missing_timezones(first_date=date(inv.starts_at.year - 1, 1, 1),
                                       last_date=date(inv.ends_at.year + 2, 1, 1))
        for timezone in calendar.walk("VTIMEZONE"):
            # icalendar notes the years in English ("This timezone only works from …"); a
            # calendar entry carries no English text, and the VTIMEZONE is complete without it.
            timezone.pop("COMMENT", None)
    return calendar.to_ical().decode("utf-8")


@dataclass
class WrittenInvitation:
    markdown_path: Path
    ics_path: Path
    warning: str | None


def write_invitation(store: Store, meeting_id: int, folder: Path, *, sent_on: date | None = None,
                     profiles=None) -> WrittenInvitation:
    """Write the invitation's Markdown and .ics files (0600) and record that it went out today."""
    from moteleder.export import ExportError, atomic_write, os_message, prepare_folder, slugify

    sent_on = sent_on or date.today()
    inv = build_invitation(store, meeting_id, sent_on=sent_on, profiles=profiles)
    prepare_folder(folder)
    stem = f"{inv.starts_at.date().isoformat()}-{slugify(inv.person_name)}-innkalling"
    md_path, ics_path = folder / f"{stem}.md", folder / f"{stem}.ics"
    for path, text in ((md_path, render_markdown(inv)), (ics_path, render_ics(inv))):
        try:
            atomic_write(path, text)
        except OSError as error:
            raise ExportError(os_message(error, path)) from None
    store.record_invitation(meeting_id, sent_on, str(md_path), str(ics_path))
    return WrittenInvitation(md_path, ics_path, inv.warning)
