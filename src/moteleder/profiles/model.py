"""The data of a routine profile: `Profile`, `ProfileError` and `ProfileSet`.

Plain data, no Textual. A profile holds one municipality's rules for running an
ansvarsgruppe. A rule the routine does not set is ``None`` (or an empty tuple), never a
guessed value: the app then simply does not check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moteleder.steps import StepSpec

DEFAULT_PROFILE_ID = "standard"

# The order the built-in profiles are listed in.
BUILTIN_IDS: tuple[str, ...] = ("standard", "melgy", "ilag", "odda", "lund", "farsund")


@dataclass(frozen=True)
class ProfileError:
    """A problem in one profile file. The file is then not used; the others are."""

    file: str
    key: str | None
    problem: str
    folder: bool = False  # the problem is with the folder of user profiles, not one file

    @property
    def message(self) -> str:
        """One Norwegian sentence naming the file, the key and the problem."""
        name = Path(self.file).name or self.file
        problem = self.problem if self.problem.endswith((".", "?", "!")) else f"{self.problem}."
        if self.folder:
            return f"Profilmappen «{self.file}»: {problem}"
        if self.key:
            return f"Profilen «{name}»: «{self.key}» {problem}"
        return f"Profilen «{name}»: {problem}"

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Profile:
    """One municipality's routine for ansvarsgruppe meetings."""

    id: str
    name: str
    steps: tuple[StepSpec, ...]
    source: str = ""
    base: str | None = None
    # Who the routine is for, and who leads the group.
    target_group: str | None = None
    leader: str | None = None
    # The minute (referat).
    minute_deadline_days: int | None = None
    archive: str | None = None
    archive_barnekoordinator: str | None = None
    archive_pdf: bool | None = None  # the archive PDF beside the Markdown; not set (None) means yes
    stafettlogg_with_consent: bool | None = None
    minute_optional_with_ip: bool | None = None
    suggest_copy_to_gp: bool | None = None
    minute_notes: tuple[str, ...] = ()
    # Meetings and invitations.
    min_meetings_per_year: int | None = None
    meeting_frequency: str | None = None
    invitation_lead_days: int | None = None
    invitation_note: str | None = None
    # Members and attendance.
    max_members_besides_family: int | None = None
    person_member_from_age: int | None = None
    members_note: str | None = None
    guardians_required: bool | None = None
    guardians_absence_by_agreement: bool | None = None
    # Consent.
    consent_required: bool | None = None
    consent_written: bool | None = None
    consent_given_by: str | None = None
    consent_form: str | None = None
    # Evaluation and closing the group.
    evaluation_interval_months: int | None = None
    evaluation_note: str | None = None
    group_closing: str | None = None
    # The first meeting.
    pre_meeting_required: bool | None = None
    first_meeting: tuple[str, ...] = ()

    def step(self, key: str) -> StepSpec | None:
        """The step with this key, or None when the profile leaves it out."""
        for spec in self.steps:
            if spec.key == key:
                return spec
        return None

    def to_dict(self) -> dict[str, Any]:
        """All keys as plain JSON-ready values (steps as a list of dicts)."""
        out: dict[str, Any] = {}
        for name in PROFILE_FIELDS:
            value = getattr(self, name)
            if name == "steps":
                value = [
                    {"key": s.key, "title": s.title, "prompt": s.prompt, "minutes": s.minutes}
                    for s in value
                ]
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out


# Field order for to_dict(): identity first, then the rules, then steps and source.
PROFILE_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "base",
    "target_group",
    "leader",
    "minute_deadline_days",
    "min_meetings_per_year",
    "meeting_frequency",
    "invitation_lead_days",
    "invitation_note",
    "max_members_besides_family",
    "person_member_from_age",
    "members_note",
    "guardians_required",
    "guardians_absence_by_agreement",
    "consent_required",
    "consent_written",
    "consent_given_by",
    "consent_form",
    "evaluation_interval_months",
    "evaluation_note",
    "archive",
    "archive_barnekoordinator",
    "archive_pdf",
    "stafettlogg_with_consent",
    "minute_optional_with_ip",
    "suggest_copy_to_gp",
    "minute_notes",
    "pre_meeting_required",
    "first_meeting",
    "group_closing",
    "steps",
    "source",
)


@dataclass
class ProfileSet:
    """The loaded profiles (built-ins first) and the problems found in broken files."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    errors: list[ProfileError] = field(default_factory=list)

    def __getitem__(self, profile_id: str) -> Profile:
        return self.profiles[profile_id]

    def __contains__(self, profile_id: object) -> bool:
        return profile_id in self.profiles

    def __iter__(self):
        return iter(self.profiles.values())

    def __len__(self) -> int:
        return len(self.profiles)

    def get(self, profile_id: str, default: Profile | None = None) -> Profile | None:
        return self.profiles.get(profile_id, default)
