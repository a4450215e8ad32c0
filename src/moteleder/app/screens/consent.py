"""The group's consents: register a written consent, see whom it covers, withdraw it."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Header,
    Input,
    Label,
    Select,
    Static,
)

from moteleder.app.plain import plain_cells
from moteleder.app.screens.group_page import GroupPage
from moteleder.app.widgets.date_input import DateInput
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.consent import GIVEN_BY_LABEL
from moteleder.dates import format_short_date


class ConsentScreen(GroupPage):
    """Samtykke for one group."""

    # Styled in styles/between.tcss.
    BINDINGS = [
        Binding("f10", "save", "Lagre samtykke", priority=True),
        Binding("escape", "back", "Tilbake"),
    ]

    def compose(self) -> ComposeResult:
        store = self.app.store
        group = self.group
        profile = self.profile
        adult = (group.age_on(date.today()) or 0) >= 18
        yield Header()
        with VerticalScroll(id="consent-page"):
            yield Static(f"Samtykke for {group.person_name}", classes="screen-title", markup=False)
            rule = []
            if profile.consent_required:
                written = "Skriftlig samtykke" if profile.consent_written else "Samtykke"
                rule.append(f"Etter rutinen ({profile.name}): {written} fra {profile.consent_given_by or 'bruker eller foresatte'}.")
            if profile.consent_form:
                rule.append(f"Skjema: {profile.consent_form}.")
            yield Static(" ".join(rule) or "Rutinen sier ikke noe om samtykke.", classes="prompt", markup=False)
            yield DataTable(id="consents", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="button-row"):
                yield Button("Trekk tilbake valgt samtykke", id="withdraw")
            yield Static("Registrer nytt samtykke", classes="section-title", markup=False)
            with Horizontal(classes="form-row stack-narrow"):
                with Vertical(classes="field narrow"):
                    yield Label("Dato gitt", markup=False)
                    yield DateInput(date.today(), id="given-on")
                with Vertical(classes="field"):
                    yield Label("Gitt av", markup=False)
                    yield Select(
                        [(label, key) for key, label in GIVEN_BY_LABEL.items()],
                        value="person" if adult else "parents",
                        allow_blank=False,
                        id="given-by",
                    )
                with Vertical(classes="field narrow"):
                    yield Label("Gjelder til (valgfritt)", markup=False)
                    yield DateInput(optional=True, id="expires-on", placeholder="dd.mm.åååå")
            yield Static("Hvem samtykket omfatter", classes="field-label", markup=False)
            yield Checkbox("Alle faste deltakere i gruppen", True, id="covers-all")
            with Vertical(id="consent-members"):
                for member in store.members(self.group_id):
                    if member.kind in ("person", "guardian"):
                        continue
                    guest = "" if member.standing else " (ikke fast deltaker)"
                    yield Checkbox(Content(member.label + guest), False, id=f"cm-{member.id}", classes="consent-member")
            with Vertical(classes="field"):
                yield Label("Merknad (valgfritt), f.eks. hvor skjemaet er arkivert", markup=False)
                yield Input("", id="consent-note")
            yield Static("", id="consent-error", classes="field-error", markup=False)
            with Horizontal(classes="button-row"):
                yield Button("Lagre samtykke (F10)", variant="primary", id="save")
                yield Button("Tilbake (Esc)", id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#consents", DataTable).add_columns("Gitt", "Gitt av", "Omfatter", "Gjelder til", "Status")
        self._fill()
        self.query_one("#given-on", Input).focus()

    def _fill(self) -> None:
        store = self.app.store
        names = {m.id: m.name for m in store.members(self.group_id)}
        table = self.query_one("#consents", DataTable)
        table.clear()
        for consent in store.consents(self.group_id):
            covers = "Alle faste deltakere" if consent.covers_all else ""
            named = ", ".join(names.get(i, "tidligere deltaker") for i in consent.member_ids)
            covers = " + ".join(part for part in (covers, named) if part) or "Ingen tjenester"
            table.add_row(
                *plain_cells(
                    format_short_date(consent.given_on),
                    GIVEN_BY_LABEL[consent.given_by],
                    covers,
                    format_short_date(consent.expires_on) if consent.expires_on else "Ikke satt",
                    consent.state,
                ),
                key=str(consent.id),
            )
        self.query_one("#withdraw").display = table.row_count > 0

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from moteleder.dates import DateInputError

        error = self.query_one("#consent-error", Static)
        typed = {}
        for field, label in (("given-on", "Dato gitt"), ("expires-on", "Gjelder til")):
            widget = self.query_one(f"#{field}", DateInput)
            try:
                typed[field] = widget.read()
            except DateInputError as problem:
                error.update(f"{label}: {problem}")
                widget.focus()
                return
        given_on, expires_on = typed["given-on"], typed["expires-on"]
        if expires_on is not None and expires_on < given_on:
            error.update("«Gjelder til» kan ikke være før datoen samtykket ble gitt.")
            return
        if given_on > date.today():
            error.update("Datoen samtykket ble gitt kan ikke være fram i tid.")
            return
        covers_all = self.query_one("#covers-all", Checkbox).value
        member_ids = [
            int(box.id.removeprefix("cm-")) for box in self.query(".consent-member").results(Checkbox) if box.value
        ]
        if not covers_all and not member_ids:
            error.update("Kryss av for hvem samtykket omfatter.")
            return
        self.app.store.add_consent(
            self.group_id,
            given_on,
            str(self.query_one("#given-by", Select).value),
            covers_all=covers_all,
            member_ids=member_ids,
            expires_on=expires_on,
            note=self.query_one("#consent-note", Input).value,
        )
        error.update("")
        self.query_one("#expires-on", Input).value = ""
        self.query_one("#consent-note", Input).value = ""
        self._fill()
        self.notify("Samtykket er registrert.")

    @on(Button.Pressed, "#withdraw")
    def _withdraw(self) -> None:
        from moteleder.app.screens.confirm import ConfirmScreen

        table = self.query_one("#consents", DataTable)
        if not table.row_count:
            return
        consent_id = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.store.withdraw_consent(consent_id, date.today())
                self._fill()
                self.notify("Samtykket er registrert som trukket tilbake fra i dag.")

        self.app.push_screen(
            ConfirmScreen("Er samtykket trukket tilbake? Det registreres som trukket tilbake fra i dag.",
                          yes="Trekk tilbake", no="Avbryt"),
            answer,
        )

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()
