"""The home screen's list of groups, drawn a line at a time.

A municipality can have thousands of groups. A DataTable builds an object for every
row and cell before the first paint (about 0.1 ms a row: a quarter of a second for
2,000 groups); this list keeps the rows as plain tuples and draws only the lines on
screen, so drawing it costs the same with 20,000 groups as with 20.

The columns have fixed widths from the data; the last column («Trenger
oppmerksomhet») gets the rest of the width and ends in «…» when a reason is longer,
so the list never scrolls sideways on a projector. The group page (F4) shows every
reason in full.

Keys as in a table: ↑/↓, PgUp/PgDn, Home/End, Enter selects. A click puts the cursor
on a row; a click on the row the cursor is already on selects it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

COLUMN_GAP = 2  # cells between columns
MIN_LAST = 12  # the last column is never narrower than this


class GroupList(ScrollView, can_focus=True):
    """Rows of text cells with a fixed header line and a row cursor; only visible lines are drawn."""

    BINDINGS = [
        Binding("enter", "select", "Velg", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    COMPONENT_CLASSES = {
        "group-list--header",
        "group-list--cursor",
        "group-list--even-row",
    }

    # Styled in styles/home.tcss.

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)

    class _RowMessage(Message):
        def __init__(self, group_list: GroupList, key: str | None) -> None:
            super().__init__()
            self.group_list = group_list
            self.key = key

        @property
        def control(self) -> GroupList:
            return self.group_list

    class Highlighted(_RowMessage):
        """The cursor moved to another group (key None: the list is empty)."""

    class Selected(_RowMessage):
        """Enter, or a click on the row the cursor is on."""

    def __init__(self, headers: Sequence[str], *, fit: Sequence[int] = (0,), name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        """`fit`: the columns as wide as their longest cell (at most 40); the others are as wide
        as their header, and the last takes the rest of the line."""
        super().__init__(name=name, id=id, classes=classes)
        self.headers = tuple(headers)
        self._fit = tuple(fit)
        self._keys: list[str] = []
        self._rows: list[tuple[str, ...]] = []
        self._index: dict[str, int] = {}
        self._widths: list[int] = [cell_len(h) for h in self.headers]
        self._line_cache: dict[tuple, Strip] = {}
        self._style_cache: dict[str, Style] = {}

    # ------------------------------------------------------------------ data
    def set_rows(self, keys: Sequence[str], rows: Sequence[tuple[str, ...]], *,
                 cursor_key: str | None = None) -> None:
        """Replace every row at once; the cursor stays on `cursor_key` when it is still there."""
        self._keys = list(keys)
        self._rows = list(rows)
        self._index = {key: i for i, key in enumerate(self._keys)}
        widths = [cell_len(h) for h in self.headers]
        for column in self._fit:
            longest = max((cell_len(row[column]) for row in self._rows), default=0)
            widths[column] = min(max(widths[column], longest), 40)
        self._widths = widths
        self._line_cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        self.cursor_row = self._index.get(cursor_key, 0)  # (validate_cursor_row keeps it in range)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def keys(self) -> list[str]:
        """The row keys, top to bottom."""
        return list(self._keys)

    def row(self, key: str) -> tuple[str, ...]:
        """The cells of one row, as given."""
        return self._rows[self._index[key]]

    @property
    def cursor_key(self) -> str | None:
        """The key of the row the cursor is on (None when the list is empty)."""
        return self._keys[self.cursor_row] if self._rows else None

    # ------------------------------------------------------------------ cursor
    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        # (No need to empty the line cache: whether a line has the cursor is part of its key.)
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor_key))

    def _scroll_cursor_into_view(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)  # less the header line
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 2, 1)

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= self._page()

    def action_page_down(self) -> None:
        self.cursor_row += self._page()

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self._rows) - 1

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, self._keys[self.cursor_row]))

    async def _on_click(self, event: events.Click) -> None:
        if event.y < 1 or not self._rows:  # the header line
            return
        row = round(self.scroll_y) + event.y - 1
        if row >= len(self._rows):
            return
        event.stop()
        if row == self.cursor_row:
            self.action_select()
        else:
            self.cursor_row = row

    # ------------------------------------------------------------------ drawing
    def on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        self._scroll_cursor_into_view()

    def on_focus(self) -> None:
        self._line_cache.clear()
        self._style_cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._line_cache.clear()
        self._style_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()
        self._style_cache.clear()

    def _column_widths(self, width: int) -> list[int]:
        widths = list(self._widths)
        used = sum(widths[:-1]) + COLUMN_GAP * len(widths) + 1  # a space before each cell, and after
        widths[-1] = max(width - used, MIN_LAST)
        return widths

    def _cells(self, cells: Sequence[str], widths: list[int], style: Style) -> Strip:
        parts = [" "]
        for text, width in zip(cells, widths):
            # Shown exactly as typed: no markup is read, and no control character reaches the terminal.
            text = strip_control_codes(text)
            if cell_len(text) > width:
                text = set_cell_size(text, max(width - 1, 0)) + "…"
            else:
                text = set_cell_size(text, width)
            parts.append(text)
        line = (" " * COLUMN_GAP).join(parts) + " "
        return Strip([Segment(line, style)])

    def _style(self, kind: str) -> Style:
        """The widget's style with a component's on top, worked out once per look (the focus
        and the theme change it; see `_line_cache.clear`)."""
        style = self._style_cache.get(kind)
        if style is None:
            base = self.rich_style
            style = base if kind == "" else base + self.get_component_rich_style(kind)
            self._style_cache[kind] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            key = ("header", width)
            cell_style = self._style("group-list--header")
            cells = self.headers
        else:
            row = round(self.scroll_y) + y - 1
            if row >= len(self._rows):
                return Strip.blank(width, self._style(""))
            cursor = row == self.cursor_row
            key = (row, width, cursor, self.has_focus)
            if cursor:
                cell_style = self._style("group-list--cursor")
            elif row % 2:
                cell_style = self._style("group-list--even-row")
            else:
                cell_style = self._style("")
            cells = self._rows[row]
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._cells(cells, self._column_widths(width), cell_style).crop_extend(0, width, cell_style)
            if len(self._line_cache) > 500:
                self._line_cache.clear()
            self._line_cache[key] = strip
        return strip

    def row_region(self, row: int) -> Region:
        """Where a row is drawn, relative to the widget (for tests and tooltips)."""
        return Region(0, row - round(self.scroll_y) + 1, self.scrollable_content_region.width, 1)
