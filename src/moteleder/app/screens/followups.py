"""The coordinator's private follow-up list: topics steered out of the meetings.

Opened deliberately after the meeting, never shown during it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Static

from moteleder.app.screens.group_page import GroupPage
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.models import Referral


class ReferralRow(Vertical):
    """One referred topic: what was said, where it belongs, handled or not."""

    def __init__(self, referral: Referral) -> None:
        super().__init__(classes="referral-row", id=f"ref-{referral.id}")
        self.referral = referral

    def compose(self) -> ComposeResult:
        from moteleder.guard import GUIDANCE, TOPIC_NAME

        r = self.referral
        yield Static(f"{TOPIC_NAME.get(r.category, r.category)} — {r.created_at[:10]}", classes="referral-topic",
                     markup=False)
        yield Static(f"«{r.text}»", classes="referral-text", markup=False)
        with Horizontal(classes="referral-controls"):
            yield Static(GUIDANCE.get(r.category, ""), classes="referral-where", markup=False)
            yield Checkbox("Håndtert", bool(r.handled_at), id=f"ref-{r.id}-handled")

    @on(Checkbox.Changed)
    def _handled(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.app.store.mark_referral_handled(self.referral.id, event.value)


class FollowUpScreen(GroupPage):
    """Private to the coordinator: what was steered out of this group's meetings."""

    BINDINGS = [Binding("escape", "back", "Tilbake"), Binding("ctrl+o", "back", "Tilbake", priority=True)]

    def compose(self) -> ComposeResult:
        store = self.app.store
        group = self.group
        referrals = store.referrals(group_id=self.group_id)
        with VerticalScroll(id="followups"):
            yield Static(f"Henviste temaer — {group.person_name}", classes="screen-title", markup=False)
            yield Static("Privat for koordinator. Disse temaene hører ikke hjemme i ansvarsgruppemøtet og står "
                         "ikke i referatet. Følg dem opp der de hører hjemme, og kryss av når det er gjort.",
                         classes="prompt", markup=False)
            if not referrals:
                yield Static("Ingen temaer er henvist videre.", classes="muted", markup=False)
            open_first = sorted(referrals, key=lambda r: (r.handled_at is not None, r.id))
            for referral in open_first:
                yield ReferralRow(referral)
        yield KeyBar()
