"""Starting and finalizing a meeting (its Markdown minute and archive PDF): the core workflow behind
the meeting screen. No Textual."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from moteleder.minute import Minute, build_minute, render_minute
from moteleder.store import Store, StoreError


def begin_meeting(store: Store, group_id: int, *, now: datetime | None = None) -> int:
    """The meeting to hold now: the group's unfinished one, else its planned one, else a new one."""
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    for meeting in store.active_meetings():
        if meeting.group_id == group_id:
            return meeting.id
    planned = store.planned_meeting(group_id)
    if planned is not None:
        if planned.starts_at is None or planned.starts_at.date() != now.date():
            # Held on another day than planned: the minute records when it really took place.
            store.move_meeting(planned.id, now)
        meeting_id = planned.id
    else:
        meeting_id = store.create_meeting(group_id, now)
    store.start_meeting(meeting_id)
    return meeting_id


@dataclass
class MinuteRules:
    """What the group's routine says about the minute."""

    deadline_days: int | None
    closing_lines: list[str]


def group_profile(store: Store, group_id: int, profiles=None):
    """The routine profile the group follows (standard when its id is unknown)."""
    from moteleder.profiles import get_profile

    return get_profile(store.group(group_id).profile_id, profiles)


def minute_rules(store: Store, meeting_id: int, profiles=None) -> MinuteRules:
    """Deadline and closing lines for this meeting's minute, from the group's routine profile."""
    from moteleder.profiles.rules import closing_lines

    meeting = store.meeting(meeting_id)
    group = store.group(meeting.group_id)
    profile = group_profile(store, group.id, profiles)
    day = (meeting.starts_at or datetime.now()).date()
    return MinuteRules(
        deadline_days=profile.minute_deadline_days,
        closing_lines=closing_lines(
            profile, day, barnekoordinator=group.coordinator_kind == "barnekoordinator", has_ip=group.has_ip
        ),
    )


def referral_lines(store: Store, meeting_id: int) -> list[str]:
    """One neutral minute line per topic steered out of the meeting, without details."""
    from moteleder.guard import REFERRAL_LINE

    return [REFERRAL_LINE[r.category] for r in store.referrals(meeting_id=meeting_id)]


def assemble_minute(store: Store, meeting_id: int, profiles=None) -> Minute:
    rules = minute_rules(store, meeting_id, profiles)
    return build_minute(
        store,
        meeting_id,
        closing_lines=rules.closing_lines,
        deadline_days=rules.deadline_days,
        referral_lines=referral_lines(store, meeting_id),
    )


def preview_minute(store: Store, meeting_id: int, profiles=None) -> str:
    """The minute as it would be finalized now (step 7 shows this)."""
    return render_minute(assemble_minute(store, meeting_id, profiles))


@dataclass
class Finalized:
    """What finalizing wrote: the minute's Markdown file, and its archive PDF or why there is none."""

    path: Path
    pdf_path: Path | None = None
    pdf_problem: str | None = None  # Norwegian; the minute itself is finalized all the same


def finalize(store: Store, meeting_id: int, minutes_dir: Path, profiles=None, *,
             on_pdf_problem: Callable[[str], None] | None = None) -> Path:
    """Finalize the minute (see `finalize_minute`); the Markdown file's path. `on_pdf_problem`
    hears (Norwegian) why the archive PDF is missing, when it is."""
    done = finalize_minute(store, meeting_id, minutes_dir, profiles)
    if done.pdf_problem and on_pdf_problem is not None:
        on_pdf_problem(done.pdf_problem)
    return done.path


def finalize_minute(store: Store, meeting_id: int, minutes_dir: Path, profiles=None) -> Finalized:
    """Freeze the minute in the database and write its Markdown file and archive PDF, as one unit.

    Either the database says finalized and exactly one minute file exists (with its PDF beside
    it, `<same name>.pdf`), or neither: the files are written to hidden temporary names first,
    moved into place inside the database transaction, and removed again if the commit fails
    (a locked database, a full disk). Raises ExportError / StoreError with a Norwegian message;
    the meeting then stays open, so finalizing can simply be tried again.

    A PDF that cannot be made or written never stops the minute: the Markdown and the database
    are written, and `pdf_problem` says in Norwegian what happened. The routine profile's
    `archive_pdf = false` turns the PDF off.
    """
    import os

    from moteleder.export import ExportError, prepare_folder, stage_file, unique_name
    from moteleder.minute.archive import meeting_leader, pdf_info, pdf_path

    meeting = store.meeting(meeting_id)
    if meeting.is_finalized:
        raise StoreError("Referatet er allerede ferdigstilt.")
    minute = assemble_minute(store, meeting_id, profiles)
    finalized_at = datetime.now().isoformat(timespec="seconds")
    ended_at = meeting.ended_at or datetime.now().isoformat(timespec="minutes")
    if minute.ended_at is None:
        minute.ended_at = datetime.fromisoformat(ended_at)
    text = render_minute(minute)
    group = store.group(meeting.group_id)
    folder = prepare_folder(minutes_dir)
    taken = {p.name for p in folder.glob("*.md")}
    path = folder / unique_name(minute.starts_at, group.person_name, taken)
    result = Finalized(path)
    staged_pdf = None
    if group_profile(store, group.id, profiles).archive_pdf is not False:
        staged_pdf = _stage_pdf(text, pdf_info(meeting, group, meeting_leader(store, group.id),
                                               finalized_at=finalized_at), pdf_path(path), result)
    try:
        staged = stage_file(path, text)
    except BaseException:
        if staged_pdf is not None:
            staged_pdf.unlink(missing_ok=True)
        raise
    placed: list[Path] = []

    def place() -> None:
        os.replace(staged, path)
        placed.append(path)
        if staged_pdf is not None:
            try:
                os.replace(staged_pdf, pdf_path(path))
            except OSError:
                staged_pdf.unlink(missing_ok=True)
                result.pdf_problem = PDF_MISSING.format(reason=f"«{pdf_path(path).name}» kunne ikke skrives.")
            else:
                placed.append(pdf_path(path))
                result.pdf_path = pdf_path(path)

    try:
        store.finalize_meeting(meeting_id, text, minute_path=str(path), ended_at=ended_at, place_file=place,
                               finalized_at=finalized_at)
    except BaseException as error:
        for leftover in (*placed, staged, *([staged_pdf] if staged_pdf else [])):
            leftover.unlink(missing_ok=True)
        if isinstance(error, OSError):
            from moteleder.export import os_message

            raise ExportError(os_message(error, path)) from None
        raise
    return result


PDF_MISSING = "Referatet er ferdigstilt og lagret, men PDF-en til arkivet mangler: {reason} " \
              "Den kan lages senere med «moteleder eksport --pdf»."


def _stage_pdf(text: str, info, target: Path, result: Finalized) -> Path | None:
    """The archive PDF built and staged beside `target`; None (and `result.pdf_problem` set) when
    it cannot be made or written — the minute goes on without it."""
    from moteleder.export import ExportError, stage_file
    from moteleder.minute.pdf import PdfError, render_pdf

    try:
        return stage_file(target, render_pdf(text, info))
    except PdfError as error:
        result.pdf_problem = PDF_MISSING.format(reason=str(error))
    except ExportError:
        result.pdf_problem = PDF_MISSING.format(reason=f"«{target.name}» kunne ikke skrives.")
    return None
