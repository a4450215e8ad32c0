"""The home screen's list of groups: a DataTable with fixed column widths.

With thousands of groups, measuring every new cell (what DataTable does to size
auto-width columns) is most of the cost of opening the home screen. Here the
widths are set from the data in one pass, so no cell needs measuring.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import RowKey


class GroupTable(DataTable):
    """A DataTable whose columns all have a width given by the screen."""

    def set_widths(self, widths: Iterable[int]) -> None:
        """Fix the width of every column, in order (each at least as wide as its label)."""
        for column, width in zip(self.ordered_columns, widths):
            column.width = max(width, cell_len(str(column.label)))
            column.auto_width = False
        self._require_update_dimensions = True
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        # Fixed widths and one-line rows: only the scrollable size changes.
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header_height)
