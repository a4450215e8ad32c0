"""The home screen: the groups, what needs attention first, and the way into a meeting."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.group_table import GroupTable
from moteleder.storage import StoreError

# With thousands of groups the list is filled in two steps: what fits on a screen (and more)
# at once, the rest right after the list is on screen. (In one step the first paint waits for
# all 2,000 rows; in many small steps the table is re-measured each time and takes longer.)
FIRST_ROWS = 100


class HomeScreen(CurtainMixin, Screen[None]):
    """Lists the groups, those needing attention first; Enter starts or continues a meeting."""

    BINDINGS = [
        Binding("f2", "new_group", "Ny gruppe", priority=True),
        Binding("f3", "edit_group", "Rediger gruppe", priority=True),
        Binding("f4", "open_group", "Gruppen", priority=True),
        Binding("f5", "start_meeting", "Start møte", priority=True),
        Binding("f6", "search", "Søk", priority=True),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=True)
        with Vertical(id="home", classes="curtained"):
            yield Static("Ansvarsgrupper", classes="screen-title")
            yield Static("", id="home-hint")
            yield GroupTable(id="groups", cursor_type="row", zebra_stripes=True)
            with Vertical(id="empty"):
                yield Static(
                    "Velkommen til moteleder!\n\nDet finnes ingen ansvarsgrupper ennå. "
                    "Prøv et møte med en demogruppe (oppdiktede personer), eller opprett din egen gruppe.",
                    id="empty-text",
                )
                with Horizontal(classes="button-row"):
                    yield Button("Prøv med demogruppe", variant="primary", id="demo")
                    yield Button("Opprett ansvarsgruppe", id="new-group")
        yield PrivacyCurtain()
        yield Footer()

    _stamp: tuple | None = None  # the state of the data the list was last filled from
    _filling = 0  # counts the fills; the rest of an older fill is dropped

    def on_mount(self) -> None:
        table = self.query_one("#groups", DataTable)
        table.add_columns("Person", "Neste møte", "Åpne tiltak", "Trenger oppmerksomhet")
        # Opened straight into one group's meeting (--gruppe): the list of all groups stays
        # behind the curtain until the leader chooses to show it.
        if self.app.start_group_id is not None:
            self.set_curtain(True)
        self.refresh_groups()
        self.call_after_refresh(self._offer_resume)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, right after on_mount has filled the list:
        # with thousands of groups, fill it again only when the data has changed since.
        if self._stamp != self._data_stamp():
            self.refresh_groups()

    def _data_stamp(self) -> tuple:
        """Changes on this connection, commits by others (e.g. the command line), and the day."""
        connection = self.app.store.db.conn
        others = connection.execute("pragma data_version").fetchone()[0]
        return (connection.total_changes, others, date.today())

    def refresh_groups(self) -> None:
        """Fill the list from `needs_attention` (a few set-based queries for all groups)."""
        from moteleder.attention import needs_attention

        self._stamp = self._data_stamp()
        statuses = needs_attention(self.app.store, date.today(), profiles=self.app.profiles)
        table = self.query_one("#groups", DataTable)
        selected = self._selected_group_id()
        table.clear()
        self._filling += 1
        # The selected group is in the first batch, so the cursor is back on it at once.
        first = FIRST_ROWS
        if selected is not None:
            at = next((i for i, status in enumerate(statuses) if status.group_id == selected), 0)
            first = max(first, at + 1)
        table.set_widths(_column_widths(statuses))
        self._add_rows(table, statuses[:first])
        if selected is not None and str(selected) in table.rows:
            table.move_cursor(row=table.get_row_index(str(selected)))
        if len(statuses) > first:
            filling = self._filling

            def add_the_rest() -> None:
                if filling == self._filling:  # not filled again since
                    self._add_rows(self.query_one("#groups", DataTable), statuses[first:])

            self.call_after_refresh(add_the_rest)
        has_groups = bool(statuses)
        self.query_one("#groups").display = has_groups
        self.query_one("#home-hint").display = has_groups
        self.query_one("#empty").display = not has_groups
        self.query_one("#home-hint", Static).update(
            "Det som trenger oppmerksomhet står øverst. Velg en gruppe med piltastene og trykk Enter "
            "for å starte eller fortsette møtet, eller F4 for gruppens side."
        )
        if self.curtain_down:
            return
        if has_groups:
            table.focus()
        else:
            self.query_one("#demo", Button).focus()

    @staticmethod
    def _add_rows(table: DataTable, statuses: list) -> None:
        for status in statuses:
            next_text = f"{status.next_meeting:%d.%m.%Y}" if status.next_meeting else "Ikke satt"
            name = status.person_name + (" (demo)" if status.is_demo else "")
            # Text, not str: a name is shown as typed (a str cell is read as markup, so
            # "[...]" in a name would vanish), and the table need not parse 2,000 of them.
            table.add_row(Text(name), Text(next_text), Text(str(status.open_measures)),
                          status.reason_text, key=str(status.group_id))  # fmt: skip

    def after_curtain_raised(self) -> None:
        self.refresh_groups()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.curtain_allows(action)

    def _selected_group_id(self) -> int | None:
        table = self.query_one("#groups", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None

    def _offer_resume(self) -> None:
        store = self.app.store
        start_group = self.app.start_group_id
        unfinished = store.active_meetings()
        if start_group is not None:
            from moteleder.meeting import begin_meeting

            self.app.start_group_id = None
            try:
                group = store.group(start_group)
            except StoreError:
                self.notify(f"Fant ingen ansvarsgruppe med nummer {start_group}.", severity="error")
                return
            if group.is_closed:
                self._open_group_page(group.id)
                self.notify("Gruppen er avsluttet. Møtene kan leses, men det kan ikke holdes nye møter.")
                return
            self.app.open_meeting(begin_meeting(store, group.id))
            return
        if not unfinished:
            return
        meeting = unfinished[0]
        group = store.group(meeting.group_id)
        from moteleder.profiles.rules import steps_for

        # The step's title as the group's routine names it, the same as the meeting screen shows.
        titles = {s.key: s.title for s in steps_for(self.app.profile_for(group.id))}
        question = (
            f"Møtet for {group.person_name} ble ikke avsluttet.\n\n"
            f"Vil du fortsette der du slapp, i steget «{titles.get(meeting.current_step, 'Åpning')}»?"
        )

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.open_meeting(meeting.id)

        self.app.push_screen(ConfirmScreen(question, yes="Fortsett møtet", no="Senere"), answer)

    @on(DataTable.RowSelected, "#groups")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_start_meeting()

    def action_start_meeting(self) -> None:
        from moteleder.meeting import begin_meeting

        group_id = self._selected_group_id()
        if group_id is None:
            self.notify("Opprett en ansvarsgruppe først (F2).")
            return
        self.app.open_meeting(begin_meeting(self.app.store, group_id))

    def action_open_group(self) -> None:
        group_id = self._selected_group_id()
        if group_id is None:
            self.notify("Opprett en ansvarsgruppe først (F2).")
            return
        self._open_group_page(group_id)

    def _open_group_page(self, group_id: int) -> None:
        from moteleder.app.screens.group import GroupScreen

        self.app.push_screen(GroupScreen(group_id))

    def action_search(self) -> None:
        from moteleder.app.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_new_group(self) -> None:
        from moteleder.app.screens.group_form import GroupFormScreen

        self.app.push_screen(GroupFormScreen())

    def action_edit_group(self) -> None:
        from moteleder.app.screens.group_form import GroupFormScreen

        group_id = self._selected_group_id()
        if group_id is None:
            self.notify("Det er ingen gruppe å redigere ennå.")
            return
        self.app.push_screen(GroupFormScreen(group_id))

    @on(Button.Pressed, "#demo")
    def _demo(self) -> None:
        from moteleder.demo import create_demo_group

        create_demo_group(self.app.store)
        self.refresh_groups()
        self.notify("Demogruppen er laget. Velg den og trykk Enter for å starte et møte.")

    @on(Button.Pressed, "#new-group")
    def _new_group(self) -> None:
        self.action_new_group()


def _column_widths(statuses: list) -> list[int]:
    """Person, next meeting, open measures, reason: wide enough for the longest, within reason."""
    from rich.cells import cell_len

    names = max((cell_len(s.person_name) + (7 if s.is_demo else 0) for s in statuses), default=10)
    reasons = max((cell_len(s.reason_text) for s in statuses), default=10)
    return [min(names, 40), 10, 11, min(reasons, 120)]
