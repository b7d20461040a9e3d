"""Add a show from TVmaze: search as you type, pick a hit. The network work runs on a
worker thread; this screen only ever shows results, progress or a clear error."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import as_sentence, plural
from episodetui.core.tvmaze import CREDIT, SearchHit, TvMazeClient

DEBOUNCE_SECONDS = 0.35


@dataclass(frozen=True)
class AddByHand:
    """The user chose to add the show by hand; `title` is what they had typed."""

    title: str


def describe_hit(hit: SearchHit) -> Text:
    show = hit.show
    line = Text(show.name, style="bold")
    details = [
        str(show.year) if show.year else "",
        show.network_name or "",
        show.status or "",
        show.language or "",
    ]
    details = [d for d in details if d]
    if details:
        line.append("  " + " · ".join(details), style="dim")
    return line


class ShowSearchScreen(ModalScreen[int | AddByHand | None]):
    """Dismisses with a TVmaze show id, AddByHand (with the typed title), or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="tvmaze.cancel"),
        Binding("ctrl+n", "manual", "Add by hand", id="tvmaze.by_hand"),
        Binding("down", "focus_results", "Results", show=False, id="tvmaze.results"),
    ]

    def __init__(self, client: TvMazeClient) -> None:
        super().__init__(classes="dialog-screen")
        self.client = client
        self._debounce: Timer | None = None
        self._found_nothing_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label("Add a show", classes="dialog-title")
            yield Input(placeholder="Search TVmaze by title", id="query")
            yield Static(
                "Type a title. ctrl+n adds a show by hand instead.", id="search-status", classes="hint"
            )
            yield OptionList(id="hits")
            yield Static(
                f"{CREDIT}  Enter adds the highlighted show · ctrl+n by hand · Escape cancels", classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one("#hits", OptionList).display = False
        self.query_one("#query", Input).focus()

    def _status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message))

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        query = event.value.strip()
        if not query:
            self._status("Type a title. ctrl+n adds a show by hand instead.")
            return
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self._search(query))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        hits = self.query_one("#hits", OptionList)
        query = event.value.strip()
        if hits.option_count and hits.display:
            hits.focus()
        elif not query:
            self._status("Type a title first, then Enter. ctrl+n adds a show by hand instead.")
        elif query == self._found_nothing_for:
            self._status(
                f"Still nothing on TVmaze for “{query}”. Try another title, or ctrl+n to add it by hand."
            )
        else:
            self._search(query)

    def _search(self, query: str) -> None:
        self._status(f"Searching TVmaze for “{query}”…")
        self._run_search(query)

    @work(thread=True, exclusive=True, group="tvmaze-search")
    def _run_search(self, query: str) -> None:
        try:
            hits = self.client.search(query)
        except EpisodeTuiError as error:
            message = f"{as_sentence(str(error))}. Press ctrl+n to add the show by hand."
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._show_error, message)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, query, hits)

    def _show_error(self, message: str) -> None:
        self._found_nothing_for = None
        self._status(message)
        self.query_one("#hits", OptionList).display = False

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        options.add_options(Option(describe_hit(hit), id=str(hit.show.id)) for hit in hits)
        options.display = bool(hits)
        self._found_nothing_for = None if hits else query
        if hits:
            options.highlighted = 0
            self._status(f"{plural(len(hits), 'show')} for “{query}”. ↓ to choose, Enter to add.")
        else:
            self._status(f"TVmaze has nothing for “{query}”. Try another title, or ctrl+n to add it by hand.")

    @on(OptionList.OptionSelected, "#hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_focus_results(self) -> None:
        hits = self.query_one("#hits", OptionList)
        if hits.display:
            hits.focus()

    def action_manual(self) -> None:
        self.dismiss(AddByHand(self.query_one("#query", Input).value.strip()))
