"""Search every minute, meeting note and measure. Opened deliberately from the home screen,
never from a meeting, so results from other groups do not appear on the shared screen by accident."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from moteleder.app.plain import plain_cells
from moteleder.app.widgets.curtain import CurtainMixin, PrivacyCurtain
from moteleder.app.widgets.key_bar import KeyBar
from moteleder.app.workers import DB, WorkDone, WorkFailed, on_db, report_failure


class SearchScreen(CurtainMixin, Screen[None]):
    """Type words and press Enter; Enter on a result opens the minute (or the group's page)."""

    # Styled in styles/between.tcss.
    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("f12", "toggle_curtain", "Skjerm", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=self.app.clock_running)
        with Vertical(id="search-page", classes="curtained"):
            yield Static("Søk i referater, notater og tiltak", classes="screen-title", markup=False)
            yield Static("Alle ordene må finnes. Bøyde former teller med: «tiltak» finner også «tiltakene».",
                         classes="muted", markup=False)
            yield Input(placeholder="Hva leter du etter?", id="query")
            yield Static("", id="search-status", markup=False)
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield PrivacyCurtain()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#results", DataTable).add_columns("Gruppe", "Dato", "Hvor", "Utdrag")
        self.query_one("#query", Input).focus()
        self._hits: dict[str, object] = {}
        self._index_backlog(self.app.store)  # an older file: indexed once, while the screen is usable

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.curtain_allows(action)

    def after_curtain_raised(self) -> None:
        self.query_one("#query", Input).focus()

    _searches = 0  # searches started; only the newest one's hits are shown

    @on(Input.Submitted, "#query")
    def _search(self, event: Input.Submitted) -> None:
        """Search in a worker: the screen says «Søker …» and stays usable; the hits land in
        `_show_hits` (while an older file is still being indexed, with how far it has come)."""
        words = event.value.strip()
        self._searches += 1
        status = self.query_one("#search-status", Static)
        if not words:
            self.query_one("#results", DataTable).clear()
            self._hits = {}
            status.update("")
            return
        status.update("Søker …")
        self._run_search(self.app.store, words, self._searches)

    @work(thread=True, exclusive=True, exit_on_error=False, group=DB)
    def _run_search(self, store, words: str, number: int) -> None:
        from moteleder.search import indexing_progress, search

        with on_db(self, "search"):
            hits = search(store, words, limit=100)
            progress = indexing_progress(store)
            self.post_message(WorkDone("search", (number, words, hits, progress)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="search-index")
    def _index_backlog(self, store) -> None:
        """An older file's search index, a batch at a time: the connection is free between batches
        (a search or an autosave waits at most one batch); stops when the screen closes."""
        from textual.worker import get_current_worker

        import moteleder.search

        worker = get_current_worker()
        if moteleder.search.indexing_progress(store) is None:
            return
        while not worker.is_cancelled:
            finished = None
            with on_db(self, "index"):  # (a failure is posted as WorkFailed; the next opening tries again)
                finished = moteleder.search.index_backlog(store, batch=200, max_batches=1)
                progress = moteleder.search.indexing_progress(store)
            if finished is None:
                return
            if finished:
                self.post_message(WorkDone("indexed"))
                return
            self.post_message(WorkDone("index-progress", progress))

    _shown_while_indexing: tuple[str, int] | None = None  # a search shown before the index was complete

    def on_work_done(self, message: WorkDone) -> None:
        if message.job == "search":
            number, words, hits, progress = message.result
            if number == self._searches:  # (else a newer search has replaced this one)
                self._show_hits(words, hits, progress)
        elif message.job == "index-progress" and self._shown_while_indexing is not None:
            words, count = self._shown_while_indexing
            self.query_one("#search-status", Static).update(_status(words, count, message.result))
        elif message.job == "indexed" and self._shown_while_indexing is not None:
            self._searches += 1  # the same search again, now over everything
            self._run_search(self.app.store, self._shown_while_indexing[0], self._searches)

    def on_work_failed(self, message: WorkFailed) -> None:
        if message.job == "search":
            self.query_one("#search-status", Static).update("Søket kunne ikke gjøres. Prøv igjen.")
            report_failure(self, message.error, title="Ikke søkt")
        elif message.job == "index":
            report_failure(self, message.error, title="Søkeindeksen ble ikke ferdig")

    def _show_hits(self, words: str, hits: list, progress: tuple[int, int] | None = None) -> None:
        from rich.text import Text

        table = self.query_one("#results", DataTable)
        table.clear()
        self._hits = {}
        for n, hit in enumerate(hits):
            snippet = Text(hit.snippet)
            for a, b in hit.marks:
                snippet.stylize("bold reverse", a, b)
            name = hit.person_name + (" (avsluttet)" if hit.group_closed else "")
            key = str(n)
            self._hits[key] = hit
            table.add_row(*plain_cells(name, hit.day_text, hit.kind_label, snippet), key=key)
        self._shown_while_indexing = (words, len(hits)) if progress else None
        self.query_one("#search-status", Static).update(_status(words, len(hits), progress))
        if hits:
            table.focus()

    @on(DataTable.RowSelected, "#results")
    def _open(self, event: DataTable.RowSelected) -> None:
        hit = self._hits.get(event.row_key.value or "")
        if hit is None:
            return
        if hit.kind == "minute" and hit.meeting_id is not None:
            from moteleder.app.screens.minute_view import MinuteViewScreen

            self.app.push_screen(MinuteViewScreen(hit.meeting_id))
        else:
            from moteleder.app.screens.group import GroupScreen

            self.app.push_screen(GroupScreen(hit.group_id))

    def action_back(self) -> None:
        self.dismiss()


def _status(words: str, count: int, progress: tuple[int, int] | None) -> str:
    """What the search found, and while an older file is still being indexed, how far it has come."""
    if progress is None:
        if not count:
            return f"Fant ingenting om «{words}»."
        more = " (viser de 100 nyeste)" if count == 100 else ""
        return f"{count} treff{more}. Velg et treff og trykk Enter for å åpne det."
    still = f"Søket indekserer fortsatt … ({progress[0]} av {progress[1]}). "
    if not count:
        return still + f"Ingen treff om «{words}» så langt."
    more = " (viser de 100 nyeste)" if count == 100 else ""
    return still + f"{count} treff så langt{more}. Velg et treff og trykk Enter for å åpne det."
