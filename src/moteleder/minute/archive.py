"""The archive PDF of finalized minutes: what it says about itself, from the store, and every
finalized minute written as a PDF (the core of `moteleder eksport --pdf`). No Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from moteleder.models import Group, Meeting

from .pdf import PdfError, PdfInfo, render_pdf


def meeting_leader(store, group_id: int) -> str:
    """The group's coordinator (who leads its meetings), or '' when none is marked."""
    return next((m.name for m in store.members(group_id) if m.is_coordinator and m.name.strip()), "")


def pdf_info(meeting: Meeting, group: Group, leader: str, *, finalized_at: str | None = None) -> PdfInfo:
    """The PDF's metadata: author is the meeting leader (the group's coordinator), else the
    referent, else «Koordinator»; its creation date is the minute's finalize time."""
    stamp = finalized_at or meeting.finalized_at
    return PdfInfo(
        person_name=group.person_name,
        meeting_day=meeting.starts_at.date() if meeting.starts_at else None,
        author=leader.strip() or meeting.referent.strip() or "Koordinator",
        created=datetime.fromisoformat(stamp) if stamp else None,
    )


def pdf_path(markdown_path: Path) -> Path:
    """The PDF's place: beside the Markdown file, with the same name."""
    return markdown_path.with_suffix(".pdf")


@dataclass
class PdfExport:
    """What `export_pdfs` did: how many PDFs it wrote, and the minutes it could not make one of."""

    written: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, Norwegian reason)


def export_pdfs(store, folder: Path, on_progress: Callable[[int, int, Path], None] | None = None) -> PdfExport:
    """Every finalized minute as an archive PDF in `folder`, one at a time (flat memory).

    The names are those `moteleder eksport` gives the Markdown files (oldest first, -2, -3 …
    for a second minute the same day), so each PDF lands beside its `.md`. `on_progress(done,
    total, path)` is called after each minute. A minute whose PDF cannot be made is skipped and
    listed in `failed`; a file that cannot be written stops the export (ExportError, Norwegian).
    """
    from moteleder.export import ExportError, atomic_write, os_message, prepare_folder, unique_name

    prepare_folder(folder)
    total = store.count_finalized()
    taken: set[str] = set()
    groups: dict[int, tuple[Group, str]] = {}
    result = PdfExport()
    done = 0
    for row in store.finalized_meetings():
        starts = datetime.fromisoformat(row["starts_at"]) if row["starts_at"] else None
        path = pdf_path(folder / unique_name(starts, row["person_name"], taken))
        if row["group_id"] not in groups:
            if len(groups) > 1000:
                groups.clear()  # keep memory flat over very many groups
            groups[row["group_id"]] = (store.group(row["group_id"]), meeting_leader(store, row["group_id"]))
        group, leader = groups[row["group_id"]]
        meeting = store.meeting(row["id"])
        try:
            data = render_pdf(row["minute_md"] or "", pdf_info(meeting, group, leader))
        except PdfError as error:
            result.failed.append((path.name, str(error)))
        else:
            try:
                atomic_write(path, data)
            except OSError as error:
                raise ExportError(os_message(error, path)) from None
            result.written += 1
        done += 1
        if on_progress is not None:
            on_progress(done, total, path)
    return result
