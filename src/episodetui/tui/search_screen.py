"""Search everything, spoiler-safe, as you type (ctrl+f, or "Search" in the palette)."""

from __future__ import annotations

from collections.abc import Collection

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from episodetui.core.search import Searcher, SearchHit, SearchResults
from episodetui.core.spoilers import TextKind
from episodetui.core.text import plural

# As you type, counting stops here: nobody reads 25,000 hits, and the count stays quick.
AS_YOU_TYPE_CAP = 1000
SHOWN_HITS = 100

EMPTY_HINT = (
    "Type to search show and episode titles, synopses, your notes, and the recaps and key "
    "moments of episodes you have watched. Unwatched recaps are never searched."
)


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
        Binding("ctrl+f", "focus_query", "Edit query", show=False, id="search.query"),
    ]

    def __init__(self, revealed: Collection[int] = (), notes_revealed: bool = False) -> None:
        super().__init__(id="search")
        self.revealed = frozenset(revealed)
        self.notes_revealed = notes_revealed
        self.results: SearchResults | None = None
        self._hits: dict[str, SearchHit] = {}
        self._searcher: Searcher | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search titles, notes, watched recaps…", id="search-query")
        yield Static(id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self._searcher = Searcher(self.app.library)
        self._searcher.prepare()  # strict mode's next episodes, before the first key
        self._show(None)
        self.query_one("#search-query", Input).focus()

    def on_screen_resume(self) -> None:
        # Back from an episode: what was watched there may change what search can show.
        if self.results is not None:
            self.run_search()
        self.query_one("#search-query", Input).focus()

    @on(Input.Changed, "#search-query")
    def run_search(self) -> None:
        text = self.query_one("#search-query", Input).value
        assert self._searcher is not None
        results = self._searcher.search(
            text,
            revealed=self.revealed,
            notes_revealed=self.notes_revealed,
            limit=SHOWN_HITS,
            cap=AS_YOU_TYPE_CAP,
        )
        self._show(results if not results.query.empty else None)

    def _show(self, results: SearchResults | None) -> None:
        self.results = results
        status = self.query_one("#search-status", Static)
        options = self.query_one("#search-results", OptionList)
        options.clear_options()
        self._hits = {}
        if results is None:
            status.update(Content(EMPTY_HINT))
            return
        if results.total == 0:
            status.update(Content("No matches among what you may see."))
            return
        shows = len(results.groups)
        matches = (
            f"more than {results.cap:,} matches" if results.more_than_cap else plural(results.total, "match")
        )
        shown = (
            f"; the first {len(results.hits)} shown, type more to narrow"
            if results.total > len(results.hits)
            else ""
        )
        status.update(Content(f"{matches} in {plural(shows, 'show')}{shown}. Enter opens."))
        batch: list[Option | None] = []
        for group in results.groups:
            batch.append(Option(Content.styled(group.show_title, "bold $accent"), disabled=True))
            for index, hit in enumerate(group.hits):
                key = f"{group.show_id}:{index}"
                self._hits[key] = hit
                batch.append(Option(hit_prompt(hit), id=key))
        options.add_options(batch)
        if options.option_count > 1:
            options.highlighted = 1

    def action_focus_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        options = self.query_one("#search-results", OptionList)
        if options.highlighted is not None:
            options.focus()
            options.action_select()

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self._hits.get(event.option.id or "")
        if hit is not None:
            open_hit(self.app, hit)


def hit_prompt(hit: SearchHit) -> Content:
    """Where it matched, and the snippet with the matches highlighted (a title match is
    its own snippet: one line). Outside text goes in as Content text, never as markup."""
    snippet = Content(hit.snippet.text)
    for start, end in hit.snippet.spans:
        snippet = snippet.stylize("bold reverse", start, end)
    where = ("  · ", "dim"), ("show " + hit.where if hit.code is None else hit.where, "italic")
    if hit.where == "title":
        return Content.assemble("  ", (hit.code + "  ", "bold") if hit.code else "", snippet, *where)
    if hit.code is None:
        head = Content.assemble("  ", where[1])
    else:
        head = Content.assemble("  ", (hit.code, "bold"), "  ", hit.episode_title or "", *where)
    return Content.assemble(head, "\n\u00a0\u00a0\u00a0\u00a0", snippet)  # (plain spaces are folded)


def open_hit(app, hit: SearchHit) -> None:
    """Open the episode (or show) of a hit, scrolled to where it matched."""
    if hit.episode_id is None:
        app.open_show(hit.show_id)
        return
    app.open_episode(hit.episode_id)
    screen = app.screen
    target = {TextKind.RECAP: "#recap", TextKind.KEY_MOMENT: "#key-moments", TextKind.NOTE: "#notes"}.get(
        hit.kind
    )

    def scroll() -> None:
        if target is None:
            return
        widgets = screen.query(target)
        if not widgets:
            return
        widget = widgets.first()
        if hit.note_id is not None:
            from episodetui.tui.notes import NoteItem, NotesList

            if isinstance(widget, NotesList):
                for index, item in enumerate(widget.query(NoteItem)):
                    if item.note.id == hit.note_id:
                        widget.index = index
        screen.scroll_to_widget(widget, animate=False, top=True)

    screen.call_after_refresh(scroll)
