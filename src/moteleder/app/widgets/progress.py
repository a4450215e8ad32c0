"""The progress line: every step of the meeting, where we are; a click jumps to a step.

On a wide screen each step is a block with its number over its title. Below 100 columns
(or 30 rows) the bar is one line: the current step in full, its neighbours by a short
name, and, when even that does not fit, the steps furthest away by their number alone.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

from moteleder.steps import StepSpec

# Short names for the titles the routines use; any other title is shortened to its first word.
SHORT_TITLES = {
    "Forrige referat": "Referat",
    "Referat fra forrige møte": "Referat",
    "Hva har fungert": "Fungert",
    "Største utfordring": "Utfordring",
    "Tiltak og ansvar": "Tiltak",
    "Konkrete tiltak": "Tiltak",
    "Status på tiltakene": "Status",
    "Oppgaver og ansvar": "Oppgaver",
    "Hva er nytt": "Nytt",
    "Veien videre": "Videre",
    "Neste møte": "Neste",
    "Oppsummering": "Oppsum.",
}

ONE_LINE_BELOW_WIDTH = 100
ONE_LINE_BELOW_HEIGHT = 30


def short_title(title: str) -> str:
    """The step's name when there is little room: «Hva har fungert» → «Fungert»."""
    return SHORT_TITLES.get(title, title.split()[0] if title.split() else title)


def one_line_labels(steps: tuple[StepSpec, ...], current: int, width: int) -> list[str]:
    """The label of each step on a one-line bar `width` cells wide (each cell has 1 cell of padding
    on each side and a gap of 1): the current step in full, the others short, then numbers only,
    furthest from the current step first."""
    labels = [f"{i} {spec.title}" if i == current else f"{i} {short_title(spec.title)}"
              for i, spec in enumerate(steps)]

    def needed() -> int:
        return sum(cell_len(label) + 3 for label in labels)

    for i in sorted(range(len(steps)), key=lambda i: -abs(i - current)):
        if needed() <= width:
            break
        if i != current:
            labels[i] = str(i)
    return labels


class StepCell(Static):
    """One step in the progress line: its number and title."""

    def __init__(self, index: int, spec: StepSpec) -> None:
        super().__init__(f"{index}\n{spec.title}", classes="step-cell", markup=False)
        self.index = index
        self.spec = spec

    def on_click(self, event: Click) -> None:
        event.stop()
        self.screen.action_goto(self.index)


class StepBar(Horizontal):
    """All the steps side by side, the current one highlighted, those done marked."""

    def __init__(self, steps: tuple[StepSpec, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.steps = steps
        self.current = 0

    def compose(self) -> ComposeResult:
        for i, spec in enumerate(self.steps):
            yield StepCell(i, spec)

    def on_resize(self) -> None:
        # On a narrow projector the cells lose their gaps so every title fits unbroken.
        self.set_class(self.size.width < 130, "compact")
        self._label()

    def _one_line(self) -> bool:
        size = self.app.size
        return size.width < ONE_LINE_BELOW_WIDTH or size.height < ONE_LINE_BELOW_HEIGHT

    def _label(self) -> None:
        one_line = self._one_line()
        self.set_class(one_line, "one-line")
        labels = one_line_labels(self.steps, self.current, self.app.size.width - 2) if one_line else None
        for cell in self.query(StepCell):
            cell.update(labels[cell.index] if labels else f"{cell.index}\n{cell.spec.title}")

    def show(self, index: int) -> None:
        self.current = index
        for cell in self.query(StepCell):
            cell.set_class(cell.index == index, "current")
            cell.set_class(cell.index < index, "done")
        self._label()
