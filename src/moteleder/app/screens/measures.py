"""A group's measures over time: filter open, overdue or done; see each one's history meeting by meeting."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, RadioButton, RadioSet, Static

from moteleder.app.plain import plain_cells
from moteleder.app.screens.group_page import GroupPage
from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.dates import format_short_date
from moteleder.followup import FILTERS


class MeasuresScreen(CurtainMixin, GroupPage):
    """Tiltak for one group."""

    # Styled in styles/between.tcss.
    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def __init__(self, group_id: int, *, which: str = "open") -> None:
        super().__init__(group_id)
        self.which = which

    def compose(self) -> ComposeResult:
        group = self.group
        yield Header(show_clock=self.app.clock_running)
        with Vertical(id="measures-page", classes="curtained"):
            yield Static(f"Tiltak for {group.person_name}", classes="screen-title", markup=False)
            with RadioSet(id="measure-filter"):
                for key, label in FILTERS.items():
                    yield RadioButton(label, value=key == self.which, id=f"filter-{key}")
            yield DataTable(id="measure-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="measure-history", markup=False)
        yield PrivacyCurtain()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#measure-table", DataTable).add_columns("Tiltak", "Ansvar", "Frist / evaluering",
                                                                 "Avtalt", "Status")
        self._fill()
        # The list is what the page is for: the arrow keys walk it and show each measure's history.
        self.query_one("#measure-table", DataTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.curtain_allows(action)

    def _fill(self) -> None:
        from moteleder.followup import group_measures

        table = self.query_one("#measure-table", DataTable)
        table.clear()
        lines = group_measures(self.app.store, self.group_id, self.which, date.today())
        for line in lines:
            m = line.measure
            agreed = format_short_date(line.agreed_at) if line.agreed_at else ""
            table.add_row(*plain_cells(m.what or "(uten tekst)", m.responsible, line.due_text, agreed, line.status_text),
                          key=str(m.id))
        history = self.query_one("#measure-history", Static)
        if not lines:
            history.update(f"Ingen tiltak under «{FILTERS[self.which]}».")
        else:
            self._show_history(lines[0].measure.id)

    def _show_history(self, measure_id: int) -> None:
        from moteleder.followup import history_lines

        measure = self.app.store.measure(measure_id)
        lines = history_lines(self.app.store, measure_id)
        body = "\n".join(lines) if lines else "Ikke fulgt opp i noe møte ennå."
        self.query_one("#measure-history", Static).update(f"Historikk for «{measure.what}»:\n{body}")

    @on(RadioSet.Changed, "#measure-filter")
    def _filter(self, event: RadioSet.Changed) -> None:
        self.which = (event.pressed.id or "filter-open").removeprefix("filter-")
        self._fill()

    @on(DataTable.RowHighlighted, "#measure-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_history(int(event.row_key.value))
