"""The library: every show with its progress and next episode."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from episodetui.core.store import ShowSummary
from episodetui.core.text import in_days_text, progress_bar, title_key
from episodetui.tui.library_extras import LibraryExtras
from episodetui.tui.row_list import Column, RowList

SORTS = ("recently watched", "title", "progress")
SHOW_COLUMNS = (
    Column("Show", weight=11),
    Column("Progress", width=16),
    Column("Next", weight=9),
    Column("Last watched", width=12),
)
FILTERS = ("all", "watching", "not started", "finished")

EMPTY_LIBRARY = """\
Your library is empty.

Press  a  to add a show: type its title and pick it from TVmaze's results
(or press ctrl+n in that dialog to add it by hand: title, seasons, episodes).
From a shell:  episodetui add --search "Harbour Lights"

Coming from TV Time, Trakt, SeriesGuide, Showly or Yamtrack? Press  i  to import
your history.

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
        Binding("c", "app.upcoming", "Upcoming"),
        Binding("i", "app.import_history", "Import"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("f", "cycle_filter", "Filter"),
        Binding("slash", "search", "Find"),
        Binding("S", "app.statistics", "Stats", id="library.statistics"),
        Binding("escape", "clear_search", "Clear find", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="library")
        self.sort = SORTS[0]
        self.filter = FILTERS[0]
        self.summaries: list[ShowSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Find a show by title (Escape clears)", id="find")
        yield Static(id="status-line")
        yield RowList(SHOW_COLUMNS, id="shows")
        yield Static(Text(EMPTY_LIBRARY), id="empty")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Library"
        self.query_one("#find", Input).display = False
        self.query_one("#shows", RowList).focus()

    def on_screen_resume(self) -> None:
        # Also runs when the screen is first shown: the one place the library is read.
        self.reload()

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
        rows = self.query_one("#shows", RowList)
        if select_show_id is None:
            select_show_id = self.selected_show_id()
        visible = self._visible()
        today = self.library.today()
        extras = LibraryExtras.read(self.library)
        rows.set_rows(
            [str(s.id) for s in visible],
            lambda index: extras.decorate(visible[index].id, _show_cells(visible[index], today)),
            keep_key=str(select_show_id) if select_show_id else None,
        )
        empty = not self.summaries
        self.query_one("#empty").display = empty
        rows.display = not empty
        total = f"{len(self.summaries)} show{'' if len(self.summaries) == 1 else 's'}"
        count = f"{len(visible)} of {total}" if len(visible) != len(self.summaries) else total
        self.query_one("#status-line", Static).update(
            Text(f" {count} · sorted by {self.sort} · showing {self.filter}   (s sort, f filter, / find)")
        )

    def selected_show_id(self) -> int | None:
        key = self.query_one("#shows", RowList).highlighted_key
        return int(key) if key else None

    @on(RowList.Selected)
    def _open(self, event: RowList.Selected) -> None:
        self.app.open_show(int(event.key))

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
            self.query_one("#shows", RowList).focus()

    @on(Input.Changed, "#find")
    def _find_changed(self) -> None:
        if self.query_one("#find", Input).display:
            self._fill()

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.query_one("#shows", RowList).focus()

    def action_add_show(self) -> None:
        self.app.action_add_show()


def _show_cells(summary: ShowSummary, today: date) -> tuple[Text, ...]:
    return (_title_cell(summary), _progress_cell(summary), _next_cell(summary, today), _last_cell(summary))


def _title_cell(summary: ShowSummary) -> Text:
    title = Text(summary.title)
    if summary.year:
        title.append(f" ({summary.year})", style="dim")
    return title


def _progress_cell(summary: ShowSummary) -> Text:
    bar = Text(progress_bar(summary.watched, summary.total), style="green")
    bar.append(f" {summary.watched}/{summary.total}")
    return bar


def _next_cell(summary: ShowSummary, today: date) -> Text:
    nxt = summary.next_episode
    if nxt is None:
        days = summary.upcoming_in_days(today)
        if summary.upcoming is not None and days is not None:
            # An unaired episode is unwatched: its code, never its title.
            return Text(f"{summary.upcoming.code} airs {in_days_text(days)}", style="cyan")
        return Text(summary.status if summary.status == "finished" else "caught up", style="dim")
    # The next episode's title is visible in every spoiler mode, strict included.
    return Text(f"{nxt.code} {nxt.title}".rstrip())


def _last_cell(summary: ShowSummary) -> Text:
    return Text((summary.last_watched_at or "")[:10] or "never", style="dim")
