"""The home screen: the groups, what needs attention first, and the way into a meeting."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from moteleder.app.screens.confirm import ConfirmScreen
from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.group_list import GroupList
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.workers import DB, WorkDone, WorkFailed, on_db, report_failure
from moteleder.store import StoreError

# See attention.home_lines. A date (dd.mm.åååå) or «Ikke satt» fits under «Neste møte», and a
# count under «Åpne tiltak», so only the names are measured.
HEADERS = ("Person", "Neste møte", "Åpne tiltak", "Trenger oppmerksomhet")


class HomeScreen(CurtainMixin, Screen[None]):
    """Lists the groups, those needing attention first; Enter starts or continues a meeting."""

    # At 80 columns the key bar leaves out «Rediger gruppe» (F3 still works).
    KEY_BAR_DROP_ORDER = ("edit_group",)
    BINDINGS = [
        Binding("f2", "new_group", "Ny gruppe", priority=True),
        Binding("f3", "edit_group", "Rediger gruppe", priority=True),
        Binding("f4", "open_group", "Gruppen", priority=True),
        Binding("f5", "start_meeting", "Start møte", priority=True),
        Binding("f6", "search", "Søk", priority=True),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=self.app.clock_running)
        with Vertical(id="home", classes="curtained"):
            yield Static("Ansvarsgrupper", classes="screen-title", markup=False)
            yield Static(
                "Det som trenger oppmerksomhet står øverst. Velg en gruppe med piltastene og trykk Enter "
                "for å starte eller fortsette møtet, eller F4 for gruppens side.",
                id="home-hint",
                markup=False,
            )
            yield GroupList(HEADERS, id="groups")
            yield Static("", id="home-detail", markup=False)
        yield PrivacyCurtain()
        yield KeyBar()

    _stamp: tuple | None = None  # the state of the data the list was last filled from
    _fills = 0  # readings of the figures started; only the newest one's are shown
    _shown = 0  # the reading now on screen (or that failed)

    def on_mount(self) -> None:
        # Opened straight into one group's meeting (--gruppe): the list of all groups stays
        # behind the curtain until the leader chooses to show it.
        # So does a meeting left unfinished: the app may open on the projector, mid-meeting.
        self._unfinished = self.app.store.active_meetings()
        if self.app.start_group_id is not None or self._unfinished:
            self.set_curtain(True)
        # The figures are read after the first paint, in a worker (see refresh_groups).
        self._stamp = self._data_stamp()
        self.call_after_refresh(self.refresh_groups)
        self.call_after_refresh(self._offer_resume)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, right after on_mount (whose reading is on
        # its way): with thousands of groups, read again only when the data has changed since.
        self.curtain_on_return()
        if self._stamp != self._data_stamp():
            self.refresh_groups()

    def _data_stamp(self) -> tuple:
        from moteleder.prefetch import data_stamp

        return data_stamp(self.app.store)

    @property
    def groups_shown(self) -> bool:
        """Is the newest reading of the figures on screen?"""
        return self._fills > 0 and self._shown == self._fills

    def refresh_groups(self) -> None:
        """Read the figures in a worker, `needs_attention` (a few set-based queries for all
        groups) or, at start, what was read while Textual loaded; `_show_groups` fills the list."""
        self._stamp = self._data_stamp()
        self._fills += 1
        self._read_figures(self.app, self.app.profiles, self._fills)

    @work(thread=True, exclusive=True, exit_on_error=False, group=DB)
    def _read_figures(self, app, profiles, number: int) -> None:
        with on_db(self, "home"):
            figures = app.take_home_figures()
            if figures is not None:
                keys, rows = figures.keys, figures.rows
            else:
                from moteleder.attention import home_lines

                keys, rows = home_lines(app.store, date.today(), profiles=profiles)
            self.post_message(WorkDone("home", (number, keys, rows)))

    def on_work_done(self, message: WorkDone) -> None:
        if message.job == "home":
            number, keys, rows = message.result
            if number == self._fills:  # (else a newer reading is on its way)
                self._shown = number
                self._show_groups(keys, rows)

    def on_work_failed(self, message: WorkFailed) -> None:
        import sqlite3

        from moteleder.store import is_damage

        if message.job != "home":
            return
        if isinstance(message.error, sqlite3.DatabaseError) and is_damage(message.error):
            # A damaged database stops the app, as it always has: a calm message in the
            # terminal and a private report (CrashReporting), and the file left as it is.
            raise message.error
        self._shown = self._fills
        self._stamp = None  # read again on the way back to this screen
        report_failure(self, message.error, title="Oversikten ble ikke lest")

    def _show_groups(self, keys: list[str], rows: list) -> None:
        group_list = self.query_one("#groups", GroupList)
        # The selected group stays selected.
        group_list.set_rows(keys, rows, cursor_key=group_list.cursor_key)
        has_groups = bool(keys)
        for selector in ("#groups", "#home-hint", "#home-detail"):
            widget = self.query_one(selector)
            if widget.display != has_groups:  # (each change lays the screen out again)
                widget.display = has_groups
        # The welcome is built only when there is no group (once, on a new database).
        empty = self.query("#empty")
        if has_groups:
            empty.remove()
        elif not empty:
            self.query_one("#home", Vertical).mount(_Welcome(id="empty"))
        if self.curtain_down:
            return
        if has_groups:
            group_list.focus()
        elif empty:
            self.query_one("#demo", Button).focus()  # (a new welcome focuses it when mounted)

    def after_curtain_raised(self) -> None:
        self.refresh_groups()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.curtain_allows(action)

    def _selected_group_id(self) -> int | None:
        key = self.query_one("#groups", GroupList).cursor_key
        return int(key) if key is not None else None

    def _offer_resume(self) -> None:
        store = self.app.store
        start_group = self.app.start_group_id
        unfinished = self._unfinished  # read in on_mount, before the first paint
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

    @on(GroupList.Highlighted, "#groups")
    def _show_detail(self, event: GroupList.Highlighted) -> None:
        """The selected group's reasons in full, under the list (a long line ends in «…» there)."""
        text = ""
        if event.key is not None:
            name, _next, _open, reasons = event.group_list.row(event.key)
            text = f"{name}: {reasons}" if reasons else f"{name}: ingenting å følge opp nå."
        self.query_one("#home-detail", Static).update(text)

    @on(GroupList.Selected, "#groups")
    def _row_selected(self, event: GroupList.Selected) -> None:
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


class _Welcome(Vertical):
    """What a new database shows instead of the list: a demo group to try, or a first group."""

    def compose(self) -> ComposeResult:
        yield Static(
            "Velkommen til moteleder!\n\nDet finnes ingen ansvarsgrupper ennå. "
            "Prøv et møte med en demogruppe (oppdiktede personer), eller opprett din egen gruppe.",
            id="empty-text",
            markup=False,
        )
        with Horizontal(classes="button-row"):
            yield Button("Prøv med demogruppe", variant="primary", id="demo")
            yield Button("Opprett ansvarsgruppe", id="new-group")

    def on_mount(self) -> None:
        if not self.screen.curtain_down:
            self.query_one("#demo", Button).focus()
