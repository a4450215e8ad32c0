"""The progress line: every step of the meeting, where we are; a click jumps to a step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

from moteleder.steps import StepSpec


class StepCell(Static):
    """One step in the progress line: its number and title."""

    def __init__(self, index: int, spec: StepSpec) -> None:
        super().__init__(f"{index}\n{spec.title}", classes="step-cell", markup=False)
        self.index = index

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

    def show(self, index: int) -> None:
        self.current = index
        for cell in self.query(StepCell):
            cell.set_class(cell.index == index, "current")
            cell.set_class(cell.index < index, "done")
