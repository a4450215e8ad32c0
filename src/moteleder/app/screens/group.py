"""One group's page: who is in it, consent, what needs attention, its meetings."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Static

from moteleder.app.plain import plain_cells
from moteleder.app.screens.group_page import GroupPage
from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.dates import format_short_date


class GroupScreen(CurtainMixin, GroupPage):
    """A group between meetings. A closed group is shown read-only."""

    # Styled in styles/between.tcss.

    # Keys the page's buttons also show go first when the key bar is short.
    KEY_BAR_DROP_ORDER = ("evaluation", "invitation", "measures", "consent")
    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("f5", "start_meeting", "Start møte", priority=True),
        Binding("f6", "consent", "Samtykke", priority=True),
        Binding("f7", "measures", "Tiltak", priority=True),
        Binding("f8", "invitation", "Innkalling", priority=True),
        Binding("f9", "evaluation", "Evaluering", priority=True),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=self.app.clock_running)
        with VerticalScroll(id="group-page", classes="curtained"):
            yield Static("", id="group-title", classes="screen-title", markup=False)
            yield Static("", id="group-closed", classes="closed-banner", markup=False)
            yield Static("", id="group-facts", classes="facts", markup=False)
            yield Static("Trenger oppmerksomhet", classes="section-title", markup=False)
            yield Static("", id="group-attention", classes="facts", markup=False)
            yield Static("Samtykke", classes="section-title", markup=False)
            yield Static("", id="group-consent", classes="facts", markup=False)
            yield Static("Møter og evalueringer", classes="section-title", markup=False)
            yield Static("Nyeste først. Velg et ferdigstilt møte og trykk Enter for å lese referatet.",
                         classes="muted", markup=False)
            yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
            # The numbers the command line asks for (moteleder --gruppe ID, moteleder innkalling MØTE-ID),
            # under the list the page opens on, so they are in view.
            yield Static("", id="group-ids", classes="muted", markup=False)
            with Horizontal(classes="button-row", id="group-buttons"):
                yield Button("Samtykke (F6)", id="consent")
                yield Button("Tiltak (F7)", id="measures")
                yield Button("Innkalling (F8)", id="invitation")
                yield Button("Evaluering (F9)", id="evaluation")
            # Apart and last in the focus order: Shift+Tab from the list never lands here.
            with Horizontal(classes="button-row", id="group-close-row"):
                yield Button("Avslutt gruppe", id="close-group", variant="warning")
        yield PrivacyCurtain()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#history", DataTable).add_columns("Dato", "Hva", "Status", "Tema")
        self.refresh_page()
        self._focus_history()

    def _focus_history(self) -> None:
        """The page opens on its list of meetings: Enter reads the chosen minute."""
        if not self.curtain_down:
            self.query_one("#history", DataTable).focus()

    def after_curtain_raised(self) -> None:
        self._focus_history()

    def on_screen_resume(self) -> None:
        self.curtain_on_return()
        self.refresh_page()

    def refresh_page(self) -> None:
        from moteleder.consent import consent_gaps

        store = self.app.store
        group = self.group
        profile = self.profile
        title = f"Ansvarsgruppe for {group.person_name}" + (" (demo)" if group.is_demo else "")
        self.query_one("#group-title", Static).update(title)
        planned = store.planned_meeting(group.id)
        ids = f"Gruppe nr. {group.id}"
        if planned is not None:
            ids += f" · planlagt møte nr. {planned.id}"
        self.query_one("#group-ids", Static).update(ids)
        closed = self.query_one("#group-closed", Static)
        closed.display = group.is_closed
        if group.is_closed:
            reason = f": {group.close_reason}" if group.close_reason else ""
            closed.update(
                f"Gruppen ble avsluttet {format_short_date(date.fromisoformat(group.closed_on))}{reason}. "
                "Den kan leses, men ikke endres."
            )
        members = store.members(group.id, include_guests=False)
        coordinator = next((m for m in members if m.is_coordinator), None)
        lead = "Barnekoordinator" if group.coordinator_kind == "barnekoordinator" else "Koordinator"
        facts = [f"Rutine: {profile.name}"]
        if group.birth_year:
            facts.append(f"Fødselsår: {group.birth_year}")
        facts.append(f"{lead}: {coordinator.label if coordinator else 'ikke valgt'}")
        facts.append("Faste deltakere: " + (", ".join(m.label for m in members) or "ingen ennå"))
        self.query_one("#group-facts", Static).update("\n".join(facts))
        self.query_one("#group-attention", Static).update(self._attention_text())

        consents = store.consents(group.id)
        lines = []
        valid = [c for c in consents if c.valid_on(date.today())]
        if valid:
            for consent in valid:
                lines.append(_consent_line(consent, members))
        elif not consents:
            lines.append("Ingen samtykke er registrert.")
        if not group.is_closed:
            gaps = consent_gaps(store, group.id, [m.id for m in members], profiles=self.app.profiles)
            lines.extend(f"⚠ {gap}" for gap in gaps)
        self.query_one("#group-consent", Static).update("\n".join(lines) or "Samtykket dekker alle faste deltakere.")
        self._fill_history()
        self.query_one("#group-buttons").display = not group.is_closed
        self.query_one("#group-close-row").display = not group.is_closed

    def _attention_text(self) -> str:
        from moteleder.attention import group_status

        today = date.today()
        status = group_status(self.app.store, self.group_id, today, profiles=self.app.profiles)
        if status is None or not status.reasons:
            return "Ingenting akkurat nå."
        return "\n".join(f"• {reason.text}" for reason in status.reasons)

    def _fill_history(self) -> None:
        from moteleder.history import group_history

        table = self.query_one("#history", DataTable)
        table.clear()
        for entry in group_history(self.app.store, self.group_id):
            table.add_row(*plain_cells(entry.day_text, entry.kind_label, entry.status_label, entry.summary),
                          key=entry.key)

    # ---------------------------------------------------------------- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.curtain_allows(action):
            return False
        editing = action in ("start_meeting", "consent", "invitation", "evaluation")
        return not (editing and self.group.is_closed)

    def action_start_meeting(self) -> None:
        from moteleder.meeting import begin_meeting

        self.app.open_meeting(begin_meeting(self.app.store, self.group_id))

    @on(Button.Pressed, "#consent")
    def action_consent(self) -> None:
        from moteleder.app.screens.consent import ConsentScreen

        self.app.push_screen(ConsentScreen(self.group_id))

    @on(Button.Pressed, "#measures")
    def action_measures(self) -> None:
        from moteleder.app.screens.measures import MeasuresScreen

        self.app.push_screen(MeasuresScreen(self.group_id))

    @on(Button.Pressed, "#invitation")
    def action_invitation(self) -> None:
        from moteleder.app.screens.invitation import InvitationScreen

        self.app.push_screen(InvitationScreen(self.group_id))

    @on(Button.Pressed, "#evaluation")
    def action_evaluation(self) -> None:
        from moteleder.app.screens.evaluation import EvaluationScreen

        self.app.push_screen(EvaluationScreen(self.group_id))

    @on(Button.Pressed, "#close-group")
    def _close_group(self) -> None:
        from moteleder.app.screens.close_group import CloseGroupScreen

        def closed(done: bool | None) -> None:
            if done:
                self.refresh_page()
                self.notify("Gruppen er avsluttet. Den vises ikke lenger i oversikten, men finnes i søket.")

        self.app.push_screen(CloseGroupScreen(self.group_id), closed)

    @on(DataTable.RowSelected, "#history")
    def _open_entry(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        kind, _, number = key.partition("-")
        if kind == "meeting":
            meeting = self.app.store.meeting(int(number))
            if meeting.is_finalized:
                from moteleder.app.screens.minute_view import MinuteViewScreen

                self.app.push_screen(MinuteViewScreen(meeting.id))
            elif meeting.status == "active":
                self.notify("Møtet er ikke avsluttet ennå. Start møtet (F5) for å fortsette det.")
            else:
                self.notify("Møtet er planlagt og har ikke noe referat ennå.")
        elif kind == "evaluation":
            from moteleder.app.screens.evaluation import EvaluationScreen

            self.app.push_screen(EvaluationScreen(self.group_id, evaluation_id=int(number)))


def _consent_line(consent, members) -> str:
    from moteleder.consent import GIVEN_BY_LABEL

    names = {m.id: m.name for m in members}
    if consent.covers_all:
        covers = "alle faste deltakere"
    else:
        covers = ", ".join(names.get(i, "tidligere deltaker") for i in consent.member_ids) or "ingen tjenester"
    text = f"Gitt {format_short_date(consent.given_on)} av {GIVEN_BY_LABEL[consent.given_by].lower()}, omfatter {covers}"
    if consent.expires_on:
        text += f", gjelder til {format_short_date(consent.expires_on)}"
    return text + "."
