"""Loading the profiles: the six built-in files and the user's own, with inheritance through `base`.

Never raises on a bad file: every problem becomes a `ProfileError` (Norwegian message
naming the file, the key and the problem; each file is checked in `checks`), that file is
left out, and the others load.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moteleder.profiles.checks import LIST_KEYS, found_note, read_profile_file
from moteleder.profiles.model import (
    BUILTIN_IDS,
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileError,
    ProfileSet,
)
from moteleder.steps import DEFAULT_STEPS, StepSpec

ENV_VAR = "MOTELEDER_PROFILER"


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
                ProfileError(str(path), "id", f"må være «{profile_id}» {found_note(raw['id'])}")
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
