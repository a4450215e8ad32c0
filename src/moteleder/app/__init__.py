"""The Textual app: a thin layer over the core (storage, minute, guard, profiles)."""
