"""The library: every show with its progress and next episode."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from episodetui.core.store import ShowSummary
from episodetui.core.text import progress_bar, title_key
from episodetui.tui.lazy_table import LazyTable

SORTS = ("recently watched", "title", "progress")
FILTERS = ("all", "watching", "not started", "finished")

EMPTY_LIBRARY = """\
Your library is empty.

Press  a  to add a show by hand: its title, seasons and episodes per season.
From a shell:  episodetui add "Harbour Lights" --episodes 12

Press  ?  for help, or try  episodetui --demo  to look around a demo library."""


def sort_summaries(summaries: list[ShowSummary], sort: str) -> list[ShowSummary]:
    by_title = sorted(summaries, key=lambda s: title_key(s.title))
    if sort == "title":
        return by_title
    if sort == "progress":
        return sorted(by_title, key=lambda s: -(s.watched / s.total if s.total else 0))
    # Recently watched first; shows never watched keep title order after them.
    return sorted(by_title, key=lambda s: s.last_watched_at or "", reverse=True)


class LibraryScreen(Screen):
    BINDINGS = [
        Binding("a", "add_show", "Add show"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("f", "cycle_filter", "Filter"),
        Binding("slash", "search", "Find"),
        Binding("escape", "clear_search", "Clear find", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="library")
        self.sort = SORTS[0]
        self.filter = FILTERS[0]
        self.summaries: list[ShowSummary] = []
        self._column_widths: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Find a show by title (Escape clears)", id="find")
        yield Static(id="status-line")
        yield LazyTable(id="shows")
        yield Static(Text(EMPTY_LIBRARY), id="empty")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Library"
        self.query_one("#find", Input).display = False
        self.query_one("#shows", DataTable).focus()

    def on_screen_resume(self) -> None:
        # Also runs when the screen is first shown: the one place the library is read.
        self.reload()

    def on_resize(self) -> None:
        if self._wanted_widths() != self._column_widths:
            self._fill()

    def _wanted_widths(self) -> tuple[int, ...]:
        """Fit the columns to the terminal: the title and next episode share what is left."""
        progress, last = 17, 12
        spare = max(24, self.size.width - progress - last - 10)
        return (max(12, spare * 11 // 20), progress, max(10, spare * 9 // 20), last)

    def _add_columns(self, table: DataTable) -> None:
        self._column_widths = self._wanted_widths()
        labels = (("Show", "title"), ("Progress", "progress"), ("Next", "next"), ("Last watched", "last"))
        for (label, key), width in zip(labels, self._column_widths, strict=True):
            table.add_column(label, key=key, width=width)

    @property
    def library(self):
        return self.app.library

    def reload(self, select_show_id: int | None = None) -> None:
        """Read the library again and redraw, keeping the highlighted show if possible."""
        prefetched, self.app.first_summaries = self.app.first_summaries, None
        self.summaries = prefetched() if prefetched else self.library.summaries()
        self._fill(select_show_id)

    def _visible(self) -> list[ShowSummary]:
        shown = [s for s in self.summaries if self.filter == "all" or s.status == self.filter]
        find = self.query_one("#find", Input)
        if find.display and find.value.strip():
            needle = title_key(find.value)
            shown = [s for s in shown if needle in title_key(s.title)]
        return sort_summaries(shown, self.sort)

    def _fill(self, select_show_id: int | None = None) -> None:
        table = self.query_one("#shows", LazyTable)
        if select_show_id is None:
            select_show_id = self.selected_show_id()
        visible = self._visible()
        table.reset(columns=True)
        self._add_columns(table)

        def select() -> None:
            for index, summary in enumerate(visible):
                if summary.id == select_show_id:
                    table.move_cursor(row=index)
                    break

        table.add_rows_lazily(visible, _show_row, then=select if select_show_id is not None else None)
        empty = not self.summaries
        self.query_one("#empty").display = empty
        table.display = not empty
        count = f"{len(visible)} of {len(self.summaries)} shows" if len(visible) != len(self.summaries) else f"{len(visible)} shows"
        self.query_one("#status-line", Static).update(
            Text(f" {count} · sorted by {self.sort} · showing {self.filter}   (s sort, f filter, / find)")
        )

    def selected_show_id(self) -> int | None:
        key = self.query_one("#shows", LazyTable).highlighted_key
        return int(key) if key else None

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_show(int(event.row_key.value or 0))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self._fill()

    def action_search(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    def action_clear_search(self) -> None:
        find = self.query_one("#find", Input)
        if find.display:
            find.value = ""
            find.display = False
            self._fill()
            self.query_one("#shows", DataTable).focus()

    @on(Input.Changed, "#find")
    def _find_changed(self) -> None:
        if self.query_one("#find", Input).display:
            self._fill()

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.query_one("#shows", DataTable).focus()

    def action_add_show(self) -> None:
        self.app.action_add_show()


def _show_row(summary: ShowSummary) -> tuple[str, tuple[Text, ...]]:
    cells = (_title_cell(summary), _progress_cell(summary), _next_cell(summary), _last_cell(summary))
    return str(summary.id), cells


def _title_cell(summary: ShowSummary) -> Text:
    title = Text(summary.title)
    if summary.year:
        title.append(f" ({summary.year})", style="dim")
    return title


def _progress_cell(summary: ShowSummary) -> Text:
    bar = Text(progress_bar(summary.watched, summary.total), style="green")
    bar.append(f" {summary.watched}/{summary.total}")
    return bar


def _next_cell(summary: ShowSummary) -> Text:
    nxt = summary.next_episode
    if nxt is None:
        return Text(summary.status if summary.status == "finished" else "caught up", style="dim")
    # The next episode's title is visible in every spoiler mode, strict included.
    return Text(f"{nxt.code} {nxt.title}".rstrip())


def _last_cell(summary: ShowSummary) -> Text:
    return Text((summary.last_watched_at or "")[:10] or "never", style="dim")
