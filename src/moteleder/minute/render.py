"""The minute as Markdown, in the order every routine asks for.

Whatever a user typed is escaped (`moteleder.markdown_text`), so it can never add a heading,
break a table or inject HTML; the structure of the minute is ours alone.
"""

from __future__ import annotations

from moteleder.markdown_text import escape_block, escape_inline
from moteleder.models import DUE_KIND_LABEL, GOAL_LABEL, REVIEW_STATUS_LABEL, Measure

from .data import Minute

CONFIDENTIAL = "Unntatt offentlighet, jf. offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 1"
"""The minute's confidentiality marking with its legal ground (first line, and on every PDF page)."""
INVITATION_CONFIDENTIAL = "Taushetsbelagt — unntatt offentlighet"
"""The invitation's shorter marking (it holds the agenda, not what was said)."""
TITLE = "Referat fra ansvarsgruppemøte"

SECTION_TITLES: tuple[str, ...] = (
    "Til stede",
    "Forfall",
    "Godkjenning av forrige referat",
    "Oppfølging av tiltak fra forrige møte",
    "Hva har fungert",
    "Største utfordring",
    "Tiltak",
    "Eventuelt",
    "Neste møte",
    "Referent",
    "Frist for ferdigstilling",
)
"""The minute's second-level headings, in the order every routine asks for."""


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A pipe table; every cell escaped."""
    head = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join("---" for _ in headers) + "|"
    body = ["| " + " | ".join(escape_inline(cell) or " " for cell in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


def _when(minute: Minute) -> str:
    from moteleder.dates import format_datetime, format_time

    if minute.starts_at is None:
        return "Ikke satt"
    text = format_datetime(minute.starts_at)
    if minute.ended_at and minute.ended_at.date() == minute.starts_at.date() and minute.ended_at > minute.starts_at:
        text += f"–{format_time(minute.ended_at)}"
    return text


def _due_text(measure: Measure) -> str:
    from moteleder.dates import format_short_date

    if measure.due_on is None:
        return ""
    return f"{DUE_KIND_LABEL.get(measure.due_kind, 'Frist')} {format_short_date(measure.due_on)}"


def render_minute(minute: Minute) -> str:
    """The minute as Markdown, in the order the routines ask for."""
    from moteleder.dates import format_date, format_datetime

    none = "Ingen."
    parts: list[str] = [f"**{CONFIDENTIAL}**", f"# {TITLE}"]
    parts.append(f"**Navn:** {escape_inline(minute.person_name)}\\\n**Dato og tid:** {_when(minute)}")

    parts.append("## Til stede")
    if minute.present:
        parts.append(table(["Navn", "Rolle"], [[m.name, m.role_label] for m in minute.present]))
    else:
        parts.append("Ikke registrert.")

    parts.append("## Forfall")
    if minute.absent:
        parts.append("\n".join(f"- {escape_inline(m.label)}" for m in minute.absent))
    else:
        parts.append(none)

    parts.append("## Godkjenning av forrige referat")
    if minute.previous_comment.strip():
        parts.append(escape_block(minute.previous_comment))
    elif minute.had_previous:
        parts.append("Godkjent uten kommentarer.")
    else:
        parts.append("Første møte; ingen tidligere referat.")

    parts.append("## Oppfølging av tiltak fra forrige møte")
    if minute.followed_up:
        rows = []
        for item in minute.followed_up:
            review = item.review
            status = REVIEW_STATUS_LABEL.get(review.status or "", "Ikke vurdert") if review else "Ikke vurdert"
            comment_parts = []
            if review and review.goal_reached:
                comment_parts.append(f"Mål nådd: {GOAL_LABEL.get(review.goal_reached, review.goal_reached)}.")
            if review and review.comment.strip():
                comment_parts.append(review.comment.strip())
            rows.append([item.measure.what, item.measure.responsible, status, " ".join(comment_parts)])
        parts.append(table(["Tiltak", "Ansvarlig", "Status", "Kommentar"], rows))
    else:
        parts.append("Ingen tiltak å følge opp.")

    parts.append("## Hva har fungert")
    worked: list[str] = []
    if minute.person_voice.strip():
        worked.append(f"**{escape_inline(minute.person_label)}:**\\\n{escape_block(minute.person_voice)}")
    if minute.worked.strip():
        worked.append(f"**Tjenestene:**\\\n{escape_block(minute.worked)}")
    parts.append("\n\n".join(worked) if worked else "Ikke notert.")

    parts.append("## Største utfordring")
    parts.append(escape_block(minute.challenge) if minute.challenge.strip() else "Ikke notert.")

    parts.append("## Tiltak")
    agreed = [m for m in minute.measures if m.what.strip()]
    if agreed:
        parts.append(
            table(
                ["Tiltak", "Ansvarlig", "Frist/evaluering"],
                [[m.what, m.responsible, _due_text(m)] for m in agreed],
            )
        )
    else:
        parts.append("Ingen nye tiltak.")

    parts.append("## Eventuelt")
    aob: list[str] = []
    if minute.aob.strip():
        aob.append(escape_block(minute.aob))
    elif minute.aob_items.strip():
        aob.append(escape_block(minute.aob_items))
    aob.extend(escape_inline(line) for line in minute.referral_lines)
    parts.append("\n\n".join(aob) if aob else none)

    parts.append("## Neste møte")
    if minute.next_meeting is not None:
        when = format_datetime(minute.next_meeting)
        if minute.next_meeting.hour == 0 and minute.next_meeting.minute == 0:
            when = format_date(minute.next_meeting.date()) + ", klokkeslett ikke avtalt"
        lines = [f"**Tid:** {when}"]
    elif minute.next_meeting_text.strip():
        lines = [f"**Tid:** {escape_inline(minute.next_meeting_text)}"]
    else:
        lines = ["**Tid:** Ikke avtalt"]
    if minute.next_theme.strip():
        lines.append(f"**Tema:** {escape_inline(minute.next_theme)}")
    if minute.next_invitees.strip():
        lines.append(f"**Innkalles:** {escape_inline(minute.next_invitees)}")
    parts.append("\\\n".join(lines))

    parts.append("## Referent")
    parts.append(escape_inline(minute.referent) if minute.referent.strip() else "Ikke avtalt.")

    parts.append("## Frist for ferdigstilling")
    if minute.closing_lines:
        # The group's routine profile words the deadline, the archive and any copies.
        closing = [escape_inline(line) for line in minute.closing_lines]
    else:
        deadline = minute.deadline
        closing = [f"Referatet skal ferdigstilles innen {format_date(deadline)}." if deadline else "Ikke satt."]
    parts.append("\n\n".join(closing))
    return "\n\n".join(parts) + "\n"
