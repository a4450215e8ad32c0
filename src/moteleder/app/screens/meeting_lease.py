"""One meeting, one writer, on the meeting screen: the lease banner, its heartbeat, F9 to take over.

A mixin for the meeting screen; the lease itself is the session's (`MeetingSession.take_lease`,
`.renew_lease`, `.lease_is_free`, `.take_over`).
"""

from __future__ import annotations

from textual.widgets import Static

from moteleder.store import StoreError


class LeaseOnScreen:
    """What the screen shows while another window runs the meeting, and taking it over."""

    def _lease_text(self, held) -> str:
        if self._lease_free:
            return (f"{held.describe()}, men det har ikke vært aktivt siden kl. {held.last_seen()}. "
                    "Trykk F9 for å ta over møtet her." if held is not None else
                    "Møtet er ikke lenger åpent et annet sted. Trykk F9 for å fortsette det her.")
        return (f"{held.describe()}. Her kan du bare lese; det som skrives der, lagres der. "
                "Du kan ta over når det andre vinduet er lukket eller ikke har vært aktivt på 30 sekunder.")

    def _lease_tick(self) -> None:
        """Renew our lease; or, read-only, see whether the other instance has let go."""
        session = self.session
        try:
            if not session.read_only:
                if session.renew_lease():
                    return
                self.query_one("#steps").disabled = True
                self.notify("Møtet er tatt over i et annet vindu. Det som skrives der, lagres der; "
                            "her kan du bare lese.", title="Bare lesing", severity="warning", timeout=12)
            free = session.lease_is_free()
        except StoreError:
            return  # busy: try again on the next tick
        changed = free != self._lease_free
        self._lease_free = free
        banner = self.query_one("#lease-banner", Static)
        banner.update(self._lease_text(session.other_lease))
        banner.display = True
        if changed:
            self.refresh_bindings()

    def action_take_over(self) -> None:
        """Run the meeting here: take the lease and open the meeting afresh from the database."""
        if not (self.read_only and self._lease_free):
            return
        try:
            self.session.take_over(self.steps[self.step_index].key)
        except StoreError as error:
            self.notify(f"{error} Prøv igjen.", title="Ikke tatt over", severity="error")
            return
        self.app.switch_screen(type(self)(self.meeting_id, profile=self.profile, lease_holder=self.lease_holder))
