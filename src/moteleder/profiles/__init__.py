"""Municipal routine profiles: each municipality's rules for ansvarsgruppe meetings, as data.

Six profiles ship with moteleder (standard, melgy, ilag, odda, lund, farsund), as TOML
files in this folder. A municipality can add its own in `user_profile_dir()`. The rules
that use a profile are pure functions in `moteleder.profiles.rules`. No Textual here.
"""

from __future__ import annotations

from moteleder.profiles.loader import (
    ENV_VAR,
    builtin_profile_dir,
    get_profile,
    load_profiles,
    user_profile_dir,
)
from moteleder.profiles.model import (
    BUILTIN_IDS,
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileError,
    ProfileSet,
)

__all__ = [
    "BUILTIN_IDS",
    "DEFAULT_PROFILE_ID",
    "ENV_VAR",
    "Profile",
    "ProfileError",
    "ProfileSet",
    "builtin_profile_dir",
    "get_profile",
    "load_profiles",
    "user_profile_dir",
]
