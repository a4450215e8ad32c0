"""Create or edit a group: the person, the members, who coordinates."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Label, Select, Static

from moteleder.app.widgets.key_bar import KeyBar
from moteleder.models import KIND_LABEL

KIND_OPTIONS = [(label, key) for key, label in KIND_LABEL.items()]


class MemberRow(Vertical):
    """One member: name, role, service, kind, coordinator — each field with its label.

    Two lines (name and role; service, kind, coordinator), side by side on a wide screen.
    """

    def __init__(self, member_id: int | None = None, *, name: str = "", role: str = "", service: str = "",
                 kind: str = "service", coordinator: bool = False) -> None:
        super().__init__(classes="member-row")
        self.member_id = member_id
        self._values = (name, role, service, kind, coordinator)

    def compose(self) -> ComposeResult:
        name, role, service, kind, coordinator = self._values
        with Horizontal(classes="m-line"):
            with Vertical(classes="m-field m-name-field"):
                yield Label("Navn", classes="small-label", markup=False)
                yield Input(name, placeholder="Fornavn Etternavn", classes="m-name")
            with Vertical(classes="m-field m-role-field"):
                yield Label("Rolle", classes="small-label", markup=False)
                yield Input(role, placeholder="f.eks. mor, kontaktlærer", classes="m-role")
        with Horizontal(classes="m-line"):
            with Vertical(classes="m-field m-service-field"):
                yield Label("Tjeneste", classes="small-label", markup=False)
                yield Input(service, placeholder="f.eks. PPT", classes="m-service")
            with Vertical(classes="m-field m-kind-field"):
                yield Label("Deltar som", classes="small-label", markup=False)
                yield Select(KIND_OPTIONS, value=kind, allow_blank=False, classes="m-kind")
            yield Checkbox("Koordinator", coordinator, classes="m-coord")
            yield Button("Fjern", classes="m-remove")

    def values(self) -> dict:
        return {
            "name": self.query_one(".m-name", Input).value.strip(),
            "role": self.query_one(".m-role", Input).value.strip(),
            "service": self.query_one(".m-service", Input).value.strip(),
            "kind": self.query_one(".m-kind", Select).value,
            "is_coordinator": self.query_one(".m-coord", Checkbox).value,
        }

    @on(Button.Pressed, ".m-remove")
    def _remove(self) -> None:
        self.screen.removed_member_ids.append(self.member_id) if self.member_id else None
        self.remove()

    @on(Checkbox.Changed, ".m-coord")
    def _only_one_coordinator(self, event: Checkbox.Changed) -> None:
        if event.value:
            for row in self.screen.query(MemberRow):
                if row is not self:
                    row.query_one(".m-coord", Checkbox).value = False


class GroupFormScreen(Screen[None]):
    """The group's person, members and coordinator."""

    BINDINGS = [
        Binding("f10", "save", "Lagre", priority=True),
        Binding("ctrl+t", "add_member", "Ny deltaker", priority=True),
        Binding("escape", "cancel", "Avbryt"),
    ]

    def __init__(self, group_id: int | None = None) -> None:
        super().__init__()
        self.group_id = group_id
        self.removed_member_ids: list[int] = []

    def compose(self) -> ComposeResult:
        store = self.app.store
        group = store.group(self.group_id) if self.group_id else None
        yield Header()
        with VerticalScroll(id="group-form"):
            yield Static("Endre ansvarsgruppe" if group else "Ny ansvarsgruppe", classes="screen-title", markup=False)
            with Horizontal(classes="form-row stack-narrow"):
                with Vertical(classes="field"):
                    yield Label("Personen gruppen er for (navn)", markup=False)
                    yield Input(group.person_name if group else "", id="person-name", placeholder="Fornavn Etternavn")
                with Vertical(classes="field narrow"):
                    yield Label("Fødselsår", markup=False)
                    yield Input(str(group.birth_year or "") if group else "", id="birth-year", placeholder="f.eks. 2014",
                                max_length=4)
                with Vertical(classes="field"):
                    yield Label("Hvem leder gruppen", markup=False)
                    yield Select(
                        [("Koordinator", "koordinator"), ("Barnekoordinator (vedtak)", "barnekoordinator")],
                        value=group.coordinator_kind if group else "koordinator",
                        allow_blank=False,
                        id="coordinator-kind",
                    )
            with Horizontal(classes="form-row"):
                with Vertical(classes="field"):
                    yield Label("Rutine (kommunens rutine for ansvarsgrupper)", markup=False)
                    profiles = self.app.profiles.profiles
                    current = group.profile_id if group and group.profile_id in profiles else "standard"
                    yield Select([(Content(p.name), p.id) for p in profiles.values()], value=current, allow_blank=False,
                                 id="profile")
            with Horizontal(classes="form-row"):
                yield Checkbox("Har individuell plan (IP)", group.has_ip if group else False, id="has-ip")
                yield Checkbox("Har Stafettlogg", group.has_stafettlogg if group else False, id="has-stafettlogg")
            yield Static("", id="form-error", classes="field-error", markup=False)
            yield Static("Faste deltakere", classes="section-title", markup=False)
            yield Static("Personen selv, foresatte og tjenestene. Kryss av for den som koordinerer.",
                         classes="prompt", markup=False)
            with Vertical(id="member-rows"):
                if group:
                    for member in store.members(group.id, include_guests=False):
                        yield MemberRow(member.id, name=member.name, role=member.role, service=member.service,
                                        kind=member.kind, coordinator=member.is_coordinator)
                else:
                    yield MemberRow(kind="person", role="")
                    yield MemberRow(kind="guardian", role="mor")
                    yield MemberRow(kind="guardian", role="far")
                    yield MemberRow(kind="service")
            with Horizontal(classes="button-row"):
                yield Button("Ny deltaker (Ctrl+T)", id="add-member")
                yield Button("Lagre (F10)", variant="primary", id="save")
                yield Button("Avbryt (Esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    @on(Button.Pressed, "#add-member")
    async def action_add_member(self) -> None:
        row = MemberRow()
        await self.query_one("#member-rows").mount(row)
        row.query_one(".m-name", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        error = self.query_one("#form-error", Static)
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            error.update("Skriv navnet til personen gruppen er for.")
            self.query_one("#person-name", Input).focus()
            return
        year_text = self.query_one("#birth-year", Input).value.strip()
        birth_year = None
        if year_text:
            if not year_text.isdigit() or not 1900 <= int(year_text) <= date.today().year:
                error.update(f"Fødselsåret må være et årstall mellom 1900 og {date.today().year}.")
                self.query_one("#birth-year", Input).focus()
                return
            birth_year = int(year_text)
        store = self.app.store
        fields = {
            "person_name": name,
            "birth_year": birth_year,
            "coordinator_kind": self.query_one("#coordinator-kind", Select).value,
            "has_ip": int(self.query_one("#has-ip", Checkbox).value),
            "has_stafettlogg": int(self.query_one("#has-stafettlogg", Checkbox).value),
            "profile_id": self.query_one("#profile", Select).value,
        }
        if self.group_id is None:
            self.group_id = store.create_group(name)
        store.update_group(self.group_id, **fields)
        for member_id in self.removed_member_ids:
            store.remove_member(member_id)
        for row in self.query(MemberRow):
            values = row.values()
            if not values["name"]:
                continue
            if row.member_id is None:
                row.member_id = store.add_member(self.group_id, **values)
            else:
                store.update_member(row.member_id, **values)
        self.notify(f"Ansvarsgruppen for {name} er lagret.")
        for warning in self._membership_warnings(birth_year):
            self.notify(warning, title="Etter rutinen", severity="warning", timeout=12)
        self.dismiss()

    def _membership_warnings(self, birth_year: int | None) -> list[str]:
        from moteleder.profiles.rules import membership_warnings

        members = self.app.store.members(self.group_id, include_guests=False)
        return membership_warnings(
            self.app.profile_for(self.group_id),
            members_besides_family=sum(1 for m in members if m.kind == "service"),
            person_age=date.today().year - birth_year if birth_year else None,
            person_is_member=any(m.kind == "person" for m in members),
        )
