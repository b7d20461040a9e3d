"""Search everything, spoiler-safe, as you type (ctrl+f, or "Search" in the palette)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from episodetui.core.search import Searcher, SearchHit, SearchResults
from episodetui.core.spoilers import TextKind
from episodetui.core.text import plural
from episodetui.tui.hit_list import Entry, HitList
from episodetui.tui.kept_screen import update_in_place

# As you type, counting stops here: nobody reads 25,000 hits, and the count stays quick.
AS_YOU_TYPE_CAP = 1000
SHOWN_HITS = 100

EMPTY_HINT = (
    "Type to search show and episode titles, synopses, your notes, and the recaps and key "
    "moments of episodes you have watched. Unwatched recaps are never searched."
)


class QueryInput(Input):
    """The query field. What it holds is searched in the same step as the key that
    changed it, so the character typed and its results reach the terminal in one frame:
    searching on the Input.Changed message instead let Textual draw the character first,
    and the results waited for the next frame (up to 1/60 s later)."""

    # Textual's Input sets its virtual size on every change of its text, and a widget's
    # virtual size asks for a layout of the whole screen. The field's size never depends
    # on its text (width 100%, height 3): only its horizontal scrolling does, which
    # reads the virtual size directly.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, on_value: Callable[[str], None], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self._on_value = on_value
        self._last_key_in: events.Key | None = None  # the newest key sent to this field
        self._key_now: events.Key | None = None  # the key it is handling

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.Key):
            self._last_key_in = message
        return super().post_message(message)

    async def _on_key(self, event: events.Key) -> None:
        self._key_now = event
        await super()._on_key(event)

    def watch_value(self, value: str) -> None:
        self._on_value(value)

    @property
    def keys_waiting(self) -> bool:
        """Whether more keys are on their way: a newer key has reached this field, or the
        app holds messages it has not yet passed on (keys come to the app first). When it
        says yes, the search runs for a later value instead, never for a stale one."""
        return self._last_key_in is not self._key_now or self.app.message_queue_size > 0


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
        self._searched: str | None = None  # the query the results shown are for

    def compose(self) -> ComposeResult:
        yield Header()
        yield QueryInput(
            self._value_changed, placeholder="Search titles, notes, watched recaps…", id="search-query"
        )
        yield Static(id="search-status")
        yield HitList(id="search-results")
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

    def _value_changed(self, value: str) -> None:
        # Keys can arrive faster than results: while more are waiting, what the field
        # holds is about to change, and the search waits for the last of them.
        if self.is_mounted and not self.query_one("#search-query", QueryInput).keys_waiting:
            self.run_search()

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        # The search of a value skipped above. A Changed for a value the field no
        # longer holds is stale: the one for what it holds comes after it.
        if event.value == self.query_one("#search-query", Input).value and event.value != self._searched:
            self.run_search()

    def run_search(self) -> None:
        """Search for what the query field holds now, and show it."""
        text = self.query_one("#search-query", Input).value
        assert self._searcher is not None
        self._searched = text
        results = self._searcher.search(
            text,
            revealed=self.revealed,
            notes_revealed=self.notes_revealed,
            limit=SHOWN_HITS,
            cap=AS_YOU_TYPE_CAP,
            snippet_width=self._snippet_width(),
        )
        self._show(results if not results.query.empty else None)

    def _snippet_width(self) -> int:
        # A snippet fills its line (after its indent) and is never cut by the list.
        width = self.query_one("#search-results", HitList).scrollable_content_region.width
        return max(20, width - len(SNIPPET_INDENT) - 2) if width else 90

    def on_resize(self) -> None:
        if self.results is not None:
            self.run_search()

    def _show(self, results: SearchResults | None) -> None:
        self.results = results
        status = self.query_one("#search-status", Static)
        hit_list = self.query_one("#search-results", HitList)
        self._hits = {}
        entries: list[Entry] = []
        if results is None:
            update_in_place(status, Content(EMPTY_HINT))
        elif results.total == 0:
            update_in_place(status, Content("No matches among what you may see."))
        else:
            update_in_place(status, Content(status_line(results)))
            for group in results.groups:
                title = group.show_title
                entries.append(Entry(1, ("show", title), partial(heading_lines, title)))
                for index, hit in enumerate(group.hits):
                    key = f"{group.show_id}:{index}"
                    self._hits[key] = hit
                    entries.append(Entry(hit_height(hit), hit, partial(hit_lines, hit), key))
        hit_list.set_entries(entries)

    def action_focus_results(self) -> None:
        self.query_one("#search-results", HitList).focus()

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        hit_list = self.query_one("#search-results", HitList)
        if hit_list.highlighted_key is not None:
            hit_list.focus()
            hit_list.action_select()

    @on(HitList.Selected, "#search-results")
    def _open(self, event: HitList.Selected) -> None:
        hit = self._hits.get(event.key)
        if hit is not None:
            open_hit(self.app, hit)


def status_line(results: SearchResults) -> str:
    shows = len(results.groups)
    matches = (
        f"more than {results.cap:,} matches" if results.more_than_cap else plural(results.total, "match")
    )
    shown = (
        f"; the first {len(results.hits)} shown, type more to narrow"
        if results.total > len(results.hits)
        else ""
    )
    return f"{matches} in {plural(shows, 'show')}{shown}. Enter opens."


SNIPPET_INDENT = "    "


def heading_lines(show_title: str) -> tuple[Content, ...]:
    return (Content.styled(show_title, "bold $accent"),)


def hit_height(hit: SearchHit) -> int:
    return 1 if hit.where == "title" else 2


def hit_lines(hit: SearchHit) -> tuple[Content, ...]:
    """Where it matched, and the snippet with the matches highlighted (a title match is
    its own snippet: one line). Outside text goes in as Content text, never as markup."""
    snippet = Content(hit.snippet.text)
    for start, end in hit.snippet.spans:
        snippet = snippet.stylize("bold reverse", start, end)
    where = ("  · ", "dim"), ("show " + hit.where if hit.code is None else hit.where, "italic")
    if hit.where == "title":
        return (Content.assemble("  ", (hit.code + "  ", "bold") if hit.code else "", snippet, *where),)
    if hit.code is None:
        head = Content.assemble("  ", where[1])
    else:
        head = Content.assemble("  ", (hit.code, "bold"), "  ", hit.episode_title or "", *where)
    return head, Content.assemble(SNIPPET_INDENT, snippet)


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
