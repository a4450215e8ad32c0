"""Reading and checking profile files: the six built-in ones and the user's own.

Never raises on a bad file: every problem becomes a `ProfileError` (Norwegian message
naming the file, the key and the problem), that file is left out, and the others load.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moteleder.profiles.model import (
    BUILTIN_IDS,
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileError,
    ProfileSet,
)
from moteleder.steps import DEFAULT_STEPS, STEP_KEYS, StepSpec

ENV_VAR = "MOTELEDER_PROFILER"

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


def user_profile_dir() -> Path:
    """The folder a municipality puts its own profiles in.

    ``MOTELEDER_PROFILER`` overrides it; by default it is the folder ``profiler`` in the
    user's configuration folder for moteleder.
    """
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("moteleder") / "profiler"


def builtin_profile_dir() -> Path:
    """The folder the six built-in profile files ship in (next to this module; package data)."""
    return Path(__file__).resolve().parent


# ---------------------------------------------------------------------------
# Checking one file's values


def _shown(value: Any) -> str:
    """A value as the user wrote it, for «fant …» in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "en tabell"
    if isinstance(value, list):
        return "en liste"
    return str(value)


def _found(value: Any) -> str:
    shown = _shown(value)
    if isinstance(value, (dict, list)):
        return f"(fant {shown})"
    return f"(fant «{shown}»)"


def _check_int(value: Any, minimum: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"må være et helt tall {_found(value)}"
    if value < 0:
        return f"kan ikke være negativt {_found(value)}"
    if value < minimum:
        return f"må være minst {minimum} {_found(value)}"
    return None


def _check_bool(value: Any) -> str | None:
    if not isinstance(value, bool):
        return f"må være true eller false {_found(value)}"
    return None


def _check_str(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"må være en tekst i anførselstegn {_found(value)}"
    if not value.strip():
        return "kan ikke være tom"
    return None


def _check_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f'må være en liste med tekster, for eksempel ["…", "…"] {_found(value)}'
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return f"må bare inneholde tekster som ikke er tomme {_found(item)}"
    return None


def _unknown_key_problem(key: str, known: frozenset[str] | tuple[str, ...], what: str) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f" Mente du «{close[0]}»?" if close else ""
    return f"er ikke en kjent innstilling {what}.{hint}"


def _check_steps(value: Any, file: str) -> list[ProfileError]:
    if not isinstance(value, dict):
        return [
            ProfileError(
                file, "steps", f"må være en tabell, for eksempel [steps.opening] {_found(value)}"
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
                    file, where, f"må være en tabell med title, prompt og minutes {_found(spec)}"
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
                    f"{_found(value)}"
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


# ---------------------------------------------------------------------------
# Building profiles, with inheritance through `base`


def _merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(dict(base))
    for key, value in child.items():
        if key == "steps":
            steps = merged.setdefault("steps", {})
            for step_key, spec in value.items():
                steps[step_key] = {**steps.get(step_key, {}), **spec}
        else:
            merged[key] = copy.deepcopy(value)
    merged["base"] = child.get("base")
    return merged


def _build_steps(overrides: Mapping[str, Mapping[str, Any]]) -> tuple[StepSpec, ...]:
    steps = []
    for default in DEFAULT_STEPS:
        spec = overrides.get(default.key, {})
        if spec.get("omit", False):
            continue
        steps.append(
            StepSpec(
                default.key,
                spec.get("title", default.title),
                spec.get("prompt", default.prompt),
                spec.get("minutes", default.minutes),
            )
        )
    return tuple(steps)


def build_profile(merged: Mapping[str, Any], source: str) -> Profile:
    """A Profile from a checked (and, if it has a base, merged) dict."""
    values: dict[str, Any] = {}
    for key, value in merged.items():
        if key == "steps":
            continue
        values[key] = tuple(value) if key in LIST_KEYS else value
    return Profile(steps=_build_steps(merged.get("steps", {})), source=source, **values)


@dataclass
class _Entry:
    raw: dict[str, Any]
    source: str
    builtin: bool


def load_profiles(user_dir: Path | None = None) -> ProfileSet:
    """The built-in profiles (standard, melgy, ilag, odda, lund, farsund) and the user's.

    ``user_dir`` defaults to `user_profile_dir()`. A user profile with the id of a
    built-in one replaces it (and may inherit from it with ``base`` set to the same id).
    Broken files are reported in ``.errors`` and left out; this never raises.
    """
    result = ProfileSet()
    builtins: dict[str, _Entry] = {}
    folder = builtin_profile_dir()
    for profile_id in BUILTIN_IDS:
        path = folder / f"{profile_id}.toml"
        raw, errors = read_profile_file(path)
        result.errors.extend(errors)
        if raw is None:
            continue
        if raw["id"] != profile_id:
            result.errors.append(
                ProfileError(str(path), "id", f"må være «{profile_id}» {_found(raw['id'])}")
            )
            continue
        builtins[profile_id] = _Entry(raw, str(path), builtin=True)

    users: dict[str, _Entry] = {}
    directory = user_profile_dir() if user_dir is None else Path(user_dir)
    paths: list[Path] = []
    if directory.is_dir():
        try:
            paths = sorted(p for p in directory.glob("*.toml") if p.is_file())
        except OSError as exc:
            result.errors.append(
                ProfileError(
                    str(directory),
                    None,
                    f"mappen kunne ikke leses ({exc.strerror or exc})",
                    folder=True,
                )
            )
    elif directory.exists():
        result.errors.append(
            ProfileError(str(directory), None, "dette er en fil, ikke en mappe", folder=True)
        )
    for path in paths:
        raw, errors = read_profile_file(path)
        result.errors.extend(errors)
        if raw is None:
            continue
        other = users.get(raw["id"])
        if other is not None:
            result.errors.append(
                ProfileError(
                    str(path),
                    "id",
                    f"«{raw['id']}» er allerede brukt av profilen «{Path(other.source).name}»",
                )
            )
            continue
        users[raw["id"]] = _Entry(raw, str(path), builtin=False)

    resolved: dict[tuple[bool, str], dict[str, Any] | None] = {}

    def base_of(entry: _Entry) -> _Entry | None:
        base_id = entry.raw["base"]
        if entry.builtin:
            return builtins.get(base_id) if base_id != entry.raw["id"] else None
        if base_id == entry.raw["id"]:
            # A user profile refining the built-in profile of the same id.
            return builtins.get(base_id)
        return users.get(base_id) or builtins.get(base_id)

    def resolve(entry: _Entry, chain: tuple[tuple[bool, str], ...]) -> dict[str, Any] | None:
        key = (entry.builtin, entry.raw["id"])
        if key in resolved:
            return resolved[key]
        merged: dict[str, Any] | None = dict(entry.raw)
        base_id = entry.raw.get("base")
        if base_id is not None:
            base_entry = base_of(entry)
            base_key = None if base_entry is None else (base_entry.builtin, base_id)
            if base_entry is None:
                problem = f"viser til profilen «{base_id}», som ikke finnes eller har feil"
            elif base_key in chain or base_key == key:
                ids = [k[1] for k in (*chain, key)] + [base_id]
                problem = "går i ring (" + " → ".join(ids) + ")"
            else:
                problem = ""
                base_merged = resolve(base_entry, (*chain, key))
                if base_merged is None:
                    problem = f"viser til profilen «{base_id}», som har feil"
                else:
                    merged = _merge(base_merged, entry.raw)
            if problem:
                result.errors.append(ProfileError(entry.source, "base", problem))
                merged = None
        resolved[key] = merged
        return merged

    built: dict[str, Profile] = {}
    for entry in [*builtins.values(), *users.values()]:
        merged = resolve(entry, ())
        if merged is None:
            continue
        try:
            profile = build_profile(merged, entry.source)
        except (TypeError, ValueError) as exc:  # defensive: check_raw should catch all
            result.errors.append(
                ProfileError(entry.source, None, f"filen kunne ikke brukes ({exc})")
            )
            continue
        built[profile.id] = profile  # a user profile replaces a built-in one, same place

    # Built-ins first in their fixed order, then the user's own in file order.
    for profile_id in BUILTIN_IDS:
        if profile_id in built:
            result.profiles[profile_id] = built.pop(profile_id)
    result.profiles.update(built)
    return result


_FALLBACK = Profile(id=DEFAULT_PROFILE_ID, name="Standard", steps=DEFAULT_STEPS, source="")


def get_profile(
    profile_id: str | None,
    profiles: ProfileSet | Mapping[str, Profile] | None = None,
) -> Profile:
    """The profile with this id; the standard profile when the id is unknown.

    ``profiles`` may be a ProfileSet or a dict of profiles; when None they are loaded.
    """
    if profiles is None:
        profiles = load_profiles()
    mapping = profiles.profiles if isinstance(profiles, ProfileSet) else profiles
    if profile_id and profile_id in mapping:
        return mapping[profile_id]
    if DEFAULT_PROFILE_ID in mapping:
        return mapping[DEFAULT_PROFILE_ID]
    return _FALLBACK
