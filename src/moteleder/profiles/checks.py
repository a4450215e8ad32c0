"""Checking one profile file: its TOML read, and every value checked against the known keys.

Never raises on a bad file: every problem becomes a `ProfileError` (Norwegian message
naming the file, the key and the problem).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from moteleder.profiles.model import ProfileError
from moteleder.steps import STEP_KEYS

# Whole numbers, with the smallest value allowed.
INT_KEYS: dict[str, int] = {
    "minute_deadline_days": 0,
    "min_meetings_per_year": 1,
    "invitation_lead_days": 0,
    "max_members_besides_family": 0,
    "person_member_from_age": 0,
    "evaluation_interval_months": 1,
}
BOOL_KEYS: frozenset[str] = frozenset(
    {
        "guardians_required",
        "guardians_absence_by_agreement",
        "consent_required",
        "consent_written",
        "minute_optional_with_ip",
        "suggest_copy_to_gp",
        "stafettlogg_with_consent",
        "pre_meeting_required",
        "archive_pdf",
    }
)
STR_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "base",
        "target_group",
        "leader",
        "meeting_frequency",
        "invitation_note",
        "members_note",
        "consent_given_by",
        "consent_form",
        "evaluation_note",
        "archive",
        "archive_barnekoordinator",
        "group_closing",
    }
)
LIST_KEYS: frozenset[str] = frozenset({"first_meeting", "minute_notes"})
KNOWN_KEYS: frozenset[str] = frozenset(
    {"id", "steps"} | set(INT_KEYS) | BOOL_KEYS | STR_KEYS | LIST_KEYS
)
STEP_FIELDS: tuple[str, ...] = ("title", "prompt", "minutes", "omit")
REQUIRED_KEYS: tuple[str, ...] = ("id", "name")

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_POS_RE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _shown(value: Any) -> str:
    """A value as the user wrote it, for «fant …» in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "en tabell"
    if isinstance(value, list):
        return "en liste"
    return str(value)


def found_note(value: Any) -> str:
    """«(fant «…»)»: the value as the user wrote it, to end a message with."""
    shown = _shown(value)
    if isinstance(value, (dict, list)):
        return f"(fant {shown})"
    return f"(fant «{shown}»)"


def _check_int(value: Any, minimum: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"må være et helt tall {found_note(value)}"
    if value < 0:
        return f"kan ikke være negativt {found_note(value)}"
    if value < minimum:
        return f"må være minst {minimum} {found_note(value)}"
    return None


def _check_bool(value: Any) -> str | None:
    if not isinstance(value, bool):
        return f"må være true eller false {found_note(value)}"
    return None


def _check_str(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"må være en tekst i anførselstegn {found_note(value)}"
    if not value.strip():
        return "kan ikke være tom"
    return None


def _check_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f'må være en liste med tekster, for eksempel ["…", "…"] {found_note(value)}'
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return f"må bare inneholde tekster som ikke er tomme {found_note(item)}"
    return None


def _unknown_key_problem(key: str, known: frozenset[str] | tuple[str, ...], what: str) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f" Mente du «{close[0]}»?" if close else ""
    return f"er ikke en kjent innstilling {what}.{hint}"


def _check_steps(value: Any, file: str) -> list[ProfileError]:
    if not isinstance(value, dict):
        return [
            ProfileError(
                file, "steps", f"må være en tabell, for eksempel [steps.opening] {found_note(value)}"
            )
        ]
    errors: list[ProfileError] = []
    omitted = 0
    for key, spec in value.items():
        where = f"steps.{key}"
        if key not in STEP_KEYS:
            errors.append(
                ProfileError(
                    file,
                    where,
                    "er ikke et kjent steg (kjente steg: " + ", ".join(STEP_KEYS) + ")",
                )
            )
            continue
        if not isinstance(spec, dict):
            errors.append(
                ProfileError(
                    file, where, f"må være en tabell med title, prompt og minutes {found_note(spec)}"
                )
            )
            continue
        for name, item in spec.items():
            problem: str | None
            if name in ("title", "prompt"):
                problem = _check_str(item)
            elif name == "minutes":
                problem = _check_int(item, 1)
            elif name == "omit":
                problem = _check_bool(item)
                if problem is None and item:
                    omitted += 1
            else:
                problem = _unknown_key_problem(name, STEP_FIELDS, "for et steg")
            if problem:
                errors.append(ProfileError(file, f"{where}.{name}", problem))
    if omitted == len(STEP_KEYS):
        errors.append(ProfileError(file, "steps", "kan ikke utelate alle stegene"))
    return errors


def check_raw(raw: Mapping[str, Any], file: str) -> list[ProfileError]:
    """Every problem in one profile file's values (empty when it is fine)."""
    errors: list[ProfileError] = []
    for key in REQUIRED_KEYS:
        if key not in raw:
            errors.append(ProfileError(file, key, "mangler"))
    for key, value in raw.items():
        problem: str | None = None
        if key == "id":
            problem = _check_str(value)
            if problem is None and not _ID_RE.match(value):
                problem = (
                    "må bestå av små bokstaver (a–z), sifre, bindestrek eller understrek "
                    f"{found_note(value)}"
                )
        elif key == "steps":
            errors.extend(_check_steps(value, file))
            continue
        elif key in INT_KEYS:
            problem = _check_int(value, INT_KEYS[key])
        elif key in BOOL_KEYS:
            problem = _check_bool(value)
        elif key in STR_KEYS:
            problem = _check_str(value)
        elif key in LIST_KEYS:
            problem = _check_list(value)
        else:
            problem = _unknown_key_problem(key, KNOWN_KEYS, "i en profil")
        if problem:
            errors.append(ProfileError(file, key, problem))
    return errors


def read_profile_file(path: Path) -> tuple[dict[str, Any] | None, list[ProfileError]]:
    """One file's TOML as a dict, checked; None and the errors when it is not usable."""
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [ProfileError(file, None, f"filen kunne ikke leses ({reason})")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, [
            ProfileError(file, None, "filen er ikke lagret som UTF-8 (lagre den på nytt som UTF-8)")
        ]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POS_RE.search(str(exc))
        where = f" (feil på linje {match.group(1)}, kolonne {match.group(2)})" if match else ""
        return None, [ProfileError(file, None, f"filen er ikke gyldig TOML{where}")]
    errors = check_raw(raw, file)
    return (None if errors else raw), errors
