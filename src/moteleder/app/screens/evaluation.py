"""The yearly evaluation: the process and the group's work, dated; shown in the group's history."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Label, Static, TextArea

from moteleder.app.screens.group_page import GroupPage
from moteleder.app.widgets.date_input import DateInput
from moteleder.app.widgets.key_bar import KeyBar

EVALUATION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("composition", "Prosess: Sammensetning", "Er de riktige med i gruppen? Mangler noen, eller er noen overflødige?"),
    ("atmosphere", "Prosess: Stemning", "Hvordan er stemningen i møtene? Blir alle hørt, særlig barnet og familien?"),
    ("effectiveness", "Prosess: Effektivitet", "Bruker vi tiden godt? Holder vi oss til sakslisten og tidsrammen?"),
    ("challenges", "Prosess: Utfordringer", "Hva er vanskelig i samarbeidet?"),
    ("tasks", "Arbeidet: Oppgaver", "Hvilke oppgaver har gruppen løst, og hva gjenstår?"),
    ("responsibility", "Arbeidet: Ansvar", "Er det tydelig hvem som har ansvar for hva? Blir tiltakene fulgt opp?"),
)


class EvaluationScreen(GroupPage):
    """Write a new evaluation, or read one (evaluation_id given)."""

    # Styled in styles/between.tcss.
    BINDINGS = [
        Binding("f10", "save", "Lagre evaluering", priority=True),
        Binding("escape", "back", "Tilbake"),
    ]

    def __init__(self, group_id: int, *, evaluation_id: int | None = None) -> None:
        super().__init__(group_id)
        self.evaluation_id = evaluation_id

    def compose(self) -> ComposeResult:
        store = self.app.store
        group = self.group
        saved = store.evaluation(self.evaluation_id) if self.evaluation_id else None
        profile = self.profile
        yield Header()
        with VerticalScroll(id="evaluation-page"):
            title = "Evaluering" if saved else "Ny evaluering"
            yield Static(f"{title} – {group.person_name}", classes="screen-title", markup=False)
            if profile.evaluation_note and not saved:
                yield Static(f"Etter rutinen: {profile.evaluation_note}.", classes="prompt", markup=False)
            with Vertical(classes="field narrow"):
                yield Label("Dato", markup=False)
                held = date.fromisoformat(saved["held_on"]) if saved else date.today()
                yield DateInput(held, id="held-on", disabled=bool(saved))
            for key, label, prompt in EVALUATION_FIELDS:
                yield Static(label, classes="field-label", markup=False)
                if not saved:
                    yield Static(prompt, classes="prompt", markup=False)
                yield TextArea(saved[key] or "" if saved else "", id=f"ev-{key}", read_only=bool(saved))
            yield Static("", id="evaluation-error", classes="field-error", markup=False)
            if not saved:
                with Horizontal(classes="button-row"):
                    yield Button("Lagre evaluering (F10)", variant="primary", id="save")
                    yield Button("Avbryt (Esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.evaluation_id:
            self.query_one("#ev-composition", TextArea).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "save" and self.evaluation_id)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from moteleder.dates import DateInputError

        error = self.query_one("#evaluation-error", Static)
        try:
            held_on = self.query_one("#held-on", DateInput).read()
        except DateInputError as problem:
            error.update(str(problem))
            return
        values = {key: self.query_one(f"#ev-{key}", TextArea).text for key, _, _ in EVALUATION_FIELDS}
        if not any(v.strip() for v in values.values()):
            error.update("Skriv minst ett av punktene før du lagrer.")
            return
        self.app.store.add_evaluation(self.group_id, held_on, **values)
        self.notify("Evalueringen er lagret og vises i gruppens historikk.")
        self.dismiss()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_back()
