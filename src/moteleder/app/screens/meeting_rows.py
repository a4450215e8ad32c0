"""The rows of the meeting's steps: who is here, how last time's measures went, the new measures.

Each row passes what the leader does on to the meeting screen (`self.screen`), which keeps
it in its session.
"""

from __future__ import annotations

import time

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from moteleder.app.widgets.date_input import DateInput
from moteleder.dates import DateInputError, format_weekday_date
from moteleder.models import Measure, Member, Review

ATTENDANCE_CHOICES = (("present", "Til stede"), ("absent", "Forfall"))
REVIEW_CHOICES = (("done", "Gjennomført"), ("partly", "Delvis"), ("not_done", "Ikke gjennomført"))
GOAL_OPTIONS = [("Mål nådd: ja", "ja"), ("Mål nådd: delvis", "delvis"), ("Mål nådd: nei", "nei")]
DUE_KIND_OPTIONS = [("Frist", "frist"), ("Evaluering", "evaluering")]


def note(field: str, text: str, *, placeholder: str = "") -> TextArea:
    """A free-text note bound to a meeting column."""
    area = TextArea(text, id=f"f-{field}", name=field, classes="meeting-field note", soft_wrap=True,
                    show_line_numbers=False, placeholder=Content(placeholder))
    return area


def line(field: str, text: str, *, placeholder: str = "", suggestions: list[str] | None = None,
         classes: str = "") -> Input:
    """A one-line field bound to a meeting column."""
    suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
    return Input(text, id=f"f-{field}", name=field, classes=f"meeting-field {classes}".strip(),
                 placeholder=placeholder, suggester=suggester)


class ChoiceSet(RadioSet):
    """Radio buttons that also answer to one letter each (T for til stede, …).

    Any other letter typed here would vanish without a trace, so it gets a short, calm hint.
    """

    LETTERS: dict[str, str] = {}  # letter -> the name of the button it chooses
    HINT = ""
    _hinted_at = 0.0

    def action_choose(self, name: str) -> None:
        for index, button in enumerate(self.query(RadioButton)):
            if button.name == name:
                self._selected = index
                button.value = True  # the RadioSet says Changed, and the row saves it
                return

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if not event.is_printable or not character or character == " " or character.lower() in self.LETTERS:
            return
        event.stop()
        event.prevent_default()
        if time.monotonic() - self._hinted_at > 3:
            self._hinted_at = time.monotonic()
            self.app.notify(self.HINT, timeout=4)


class AttendanceChoice(ChoiceSet):
    """Til stede / Forfall: T or F."""

    LETTERS = {"t": "present", "f": "absent"}
    HINT = "Her velger du med T (til stede) eller F (forfall). Tab går til neste felt."
    BINDINGS = [
        Binding("t,T", "choose('present')", "Til stede", show=False),
        Binding("f,F", "choose('absent')", "Forfall", show=False),
    ]


class ReviewChoice(ChoiceSet):
    """Gjennomført / Delvis / Ikke gjennomført: G, D or I."""

    LETTERS = {"g": "done", "d": "partly", "i": "not_done"}
    HINT = ("Her velger du med G (gjennomført), D (delvis) eller I (ikke gjennomført). "
            "Tab går til neste felt.")
    BINDINGS = [
        Binding("g,G", "choose('done')", "Gjennomført", show=False),
        Binding("d,D", "choose('partly')", "Delvis", show=False),
        Binding("i,I", "choose('not_done')", "Ikke gjennomført", show=False),
    ]


def label_with_hint(text: str, hint: str) -> Label:
    """A field label with a dim hint after it, on the same line."""
    return Label(Content.assemble(text, ("   " + hint, "dim not bold")), classes="field-label", markup=False)


class AttendanceRow(Horizontal):
    """A member and whether they are present or sent notice of absence (forfall)."""

    def __init__(self, member: Member, status: str | None) -> None:
        super().__init__(classes="attendance-row", id=f"att-{member.id}")
        self.member = member
        self.status = status

    def compose(self) -> ComposeResult:
        guest = "" if self.member.standing else " — innkalt til dette møtet"
        yield Static(self.member.label + guest, classes="who", markup=False)
        with AttendanceChoice(classes="attendance"):
            for key, label in ATTENDANCE_CHOICES:
                yield RadioButton(label, value=self.status == key, name=key, id=f"att-{self.member.id}-{key}")

    @on(RadioSet.Changed)
    def _changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.status = event.pressed.name
        if not self.screen.write(self.screen.store.set_attendance, self.screen.meeting_id, self.member.id,
                                 self.status):
            return
        self.screen.refresh_attendance_warnings()


class ReviewRow(Vertical):
    """A measure from last time: how did it go?"""

    def __init__(self, measure: Measure, review: Review | None) -> None:
        super().__init__(classes="review-row", id=f"rev-{measure.id}")
        self.measure = measure
        self.review = review

    def compose(self) -> ComposeResult:
        from moteleder.dates import format_short_date

        m = self.measure
        due = f" · {'Evaluering' if m.due_kind == 'evaluering' else 'Frist'} {format_short_date(m.due_on)}" if m.due_on else ""
        resp = f" — {m.responsible}" if m.responsible else ""
        yield Static(f"{m.what}{resp}{due}", classes="what", markup=False)
        with Horizontal(classes="review-controls"):
            with ReviewChoice(classes="review-status"):
                for key, label in REVIEW_CHOICES:
                    yield RadioButton(label, value=bool(self.review and self.review.status == key), name=key,
                                      id=f"rev-{self.measure.id}-{key}")
            yield Select(GOAL_OPTIONS, prompt="Mål nådd?", value=(self.review.goal_reached if self.review and
                         self.review.goal_reached else Select.NULL), classes="review-goal",
                         id=f"rev-{self.measure.id}-goal")
        yield Input(self.review.comment if self.review else "", placeholder="Kommentar — begrunnelse om ikke gjennomført",
                    classes="review-comment", id=f"rev-{self.measure.id}-comment")

    @on(RadioSet.Changed)
    def _status(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.screen.write(self.screen.store.set_review, self.measure.id, self.screen.meeting_id,
                          status=event.pressed.name)

    @on(Select.Changed, ".review-goal")
    def _goal(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.NULL:
            self.screen.write(self.screen.store.set_review, self.measure.id, self.screen.meeting_id,
                              goal_reached=str(event.value))

    @on(Input.Changed, ".review-comment")
    def _comment(self, event: Input.Changed) -> None:
        event.stop()
        self.screen.pending_reviews[self.measure.id] = event.value
        self.screen.guard_dirty[f"review:{self.measure.id}"] = event.input


class MeasureRow(Vertical):
    """A measure agreed in this meeting: what, who is responsible, deadline or evaluation."""

    def __init__(self, measure: Measure, suggestions: list[str]) -> None:
        super().__init__(classes="measure-row", id=f"ms-{measure.id}")
        self.measure = measure
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        m = self.measure
        # What on its own full-width line; who, deadline or evaluation and the date below it.
        yield Label("Hva skal gjøres", classes="small-label", markup=False)
        yield Input(m.what, placeholder="Hva skal gjøres?", classes="ms-what")
        with Horizontal(classes="measure-fields"):
            with Vertical(classes="ms-field ms-resp-field"):
                yield Label("Ansvarlig", classes="small-label", markup=False)
                yield Input(m.responsible, placeholder="Person eller tjeneste", classes="ms-resp",
                            suggester=SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None)
            with Vertical(classes="ms-field ms-kind-field"):
                yield Label("Frist/evaluering", classes="small-label", markup=False)
                yield Select(DUE_KIND_OPTIONS, value=m.due_kind or "frist", allow_blank=False, classes="ms-kind")
            with Vertical(classes="ms-field ms-due-field"):
                yield Label("Dato", classes="small-label", markup=False)
                yield DateInput(m.due_text or m.due_on, optional=True, today=self.screen.meeting_day,
                                placeholder="dd.mm.åååå", classes="ms-due")
            yield Button("Fjern", classes="ms-remove")
        yield Static("", classes="field-error ms-error", markup=False)

    def pending(self) -> dict:
        return self.screen.pending_measures.setdefault(self.measure.id, {})

    @on(Input.Changed, ".ms-what")
    def _what(self, event: Input.Changed) -> None:
        event.stop()
        self.pending()["what"] = event.value
        self.screen.guard_dirty[f"measure:{self.measure.id}"] = event.input

    @on(Input.Changed, ".ms-resp")
    def _resp(self, event: Input.Changed) -> None:
        event.stop()
        self.pending()["responsible"] = event.value

    @on(Select.Changed, ".ms-kind")
    def _kind(self, event: Select.Changed) -> None:
        event.stop()
        self.pending()["due_kind"] = event.value

    @on(Input.Changed, ".ms-due")
    def _due(self, event: Input.Changed) -> None:
        event.stop()
        error = self.query_one(".ms-error", Static)
        values = self.pending()
        values["due_text"] = event.value
        if not event.value.strip():
            values["due_on"] = None
            error.update("")
            return
        try:
            day = self.query_one(".ms-due", DateInput).read()
        except DateInputError as problem:
            values["due_on"] = None
            error.update(str(problem))
            return
        assert day is not None  # the field is not blank
        values["due_on"] = day.isoformat()
        warning = "  (datoen er passert)" if day < self.screen.meeting_day else ""
        error.update(Content.styled(f"{format_weekday_date(day)}{warning}", "dim"))

    def date_problem(self) -> str | None:
        try:
            self.query_one(".ms-due", DateInput).read()
        except DateInputError as problem:
            return str(problem)
        return None

    @on(Button.Pressed, ".ms-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.screen.pending_measures.pop(self.measure.id, None)
        if self.screen.write(self.screen.store.delete_measure, self.measure.id):
            self.remove()
