"""The base of the pages about one group between meetings: its id, group and routine; Esc back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from moteleder.models import Group
    from moteleder.profiles.model import Profile


class GroupPage(Screen[None]):
    """A full screen about one group, opened from the group page or home; Esc (bound by each page,
    where its key bar wants it) closes it."""

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id

    @property
    def group(self) -> Group:
        """The group as stored now (read again each time: a page may have changed it)."""
        return self.app.store.group(self.group_id)  # type: ignore[attr-defined]

    @property
    def profile(self) -> Profile:
        """The routine profile the group follows."""
        return self.app.profile_for(self.group_id)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.dismiss()
