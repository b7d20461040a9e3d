"""The library: every show with its progress and next episode."""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Header, Input, Static

from episodetui.core.dates import local_day
from episodetui.core.errors import NotFound
from episodetui.core.text import in_days_text, plural, progress_bar, title_key
from episodetui.core.views import LibraryRowView, library_row_of, library_rows
from episodetui.tui.kept_screen import DrawnAhead, app_closing
from episodetui.tui.key_bar import KeyBar
from episodetui.tui.library_extras import LibraryExtras
from episodetui.tui.row_list import Column, RowList

SORTS = ("recently watched", "title", "progress")
PROGRESS_WIDTH = 16  # a bar of 10 and "12/60"; a longer count takes cells from the bar
SHOW_COLUMNS = (
    Column("Show", weight=11),
    Column("Progress", width=PROGRESS_WIDTH),
    # Extra width on a wide terminal goes to the show's title.
    Column("Next", weight=9, max_width=44),
    Column("Last watched", width=12),
)
FILTERS = ("all", "watching", "not started", "finished")

# Seconds without a key or a click before a show's changed row is drawn ahead, under
# the show's screen (LibraryScreen._prepare_return).
PREPARE_QUIET = 0.1

# Seconds the cursor rests on a show before its screen is built ahead.
OPEN_QUIET = 0.3

# Set by the `episodetui` command, not in tests (where many apps share one process).
TUNE_GC_AFTER_FIRST_FRAME = False


def tune_gc() -> None:
    """After the first frame, freeze what exists (modules, Textual, the library rows)
    out of the garbage collector's reach, and collect the young generation less often.
    Measured with bench/: full collections during a keypress fell from up to 139 ms to
    none in 24 interactions, and the longest pause to about 6 ms."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(2000, 10, 10)
    gc.enable()  # `episodetui` turns it off until the first frame (cli.common.run_tui)


EMPTY_LIBRARY = """\
Your library is empty.

Press  a  to add a show: type its title and pick it from TVmaze's results
(or press ctrl+n in that dialog to add it by hand: title, seasons, episodes).
From a shell:  episodetui add --search "Harbour Lights"

Coming from TV Time, Trakt, SeriesGuide, Showly or Yamtrack? Press  i  to import
your history.

Press  ?  for help, or try  episodetui --demo  to look around a demo library."""


def sort_rows(rows: list[LibraryRowView], sort: str) -> list[LibraryRowView]:
    by_title = sorted(rows, key=lambda s: title_key(s.title))
    if sort == "title":
        return by_title
    if sort == "progress":
        return sorted(by_title, key=lambda s: -(s.watched / s.total if s.total else 0))
    # Recently watched first; shows never watched keep title order after them.
    return sorted(by_title, key=lambda s: s.last_watched_at or "", reverse=True)


class LibraryScreen(DrawnAhead):
    """The library list. It stays alive under the other screens: coming back redraws
    only the shows whose data changed, and the cursor stays on the show you left."""

    BINDINGS = [
        Binding("a", "add_show", "Add show", id="library.add_show"),
        Binding("c", "app.upcoming", "Upcoming", id="library.upcoming"),
        Binding("i", "app.import_history", "Import", id="library.import_history"),
        Binding("s", "cycle_sort", "Sort", id="library.cycle_sort"),
        Binding("f", "cycle_filter", "Filter", id="library.cycle_filter"),
        Binding("slash", "search", "Find", id="library.search"),
        Binding("S", "app.statistics", "Stats", id="library.statistics"),
        Binding("escape", "clear_search", "Clear find", show=False, id="library.clear_search"),
        Binding("d,delete", "app.remove_show", "Remove show", show=False, id="library.remove_show"),
    ]

    AUTO_FOCUS = "#shows"

    def __init__(self) -> None:
        super().__init__(id="library")
        self.sort = SORTS[0]
        self.filter = FILTERS[0]
        self.rows: dict[int, LibraryRowView] = {}
        self._marker: tuple[int, int] | None = None
        self._touched: set[int] = set()
        self._follow: int | None = None
        self._drawn: dict[int, LibraryRowView] = {}  # the rows the list shows, by show id
        self._status_shown: Text | None = None  # the status line's text
        self._find: Input | None = None  # made after the first frame (_find_field)
        self._find_mounted: AwaitMount | None = None
        self._prepare_timer: Timer | None = None
        self._open_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        # The rows are read before the widgets are made, so the first frame drawn has
        # the status line and the list with their data (a widget updated in its screen's
        # on_mount may miss the first frame and cost a second full-screen draw).
        prefetched, self.app.first_summaries = self.app.first_summaries, None
        marker = self.library.change_marker()
        self._set_rows(library_rows(self.library, prefetched() if prefetched else None))
        self._marker = marker
        visible = self._visible()
        yield Header()
        # The find field (/) is made when first asked for (_find_field).
        self._status_shown = self._status(visible)
        yield Static(self._status_shown, id="status-line")
        shows = RowList(SHOW_COLUMNS, id="shows")
        empty = Static(Text(EMPTY_LIBRARY), id="empty")
        # Shown or hidden before they are mounted: no second layout before the first frame.
        shows.display, empty.display = bool(self.rows), not self.rows
        yield shows
        yield empty
        yield KeyBar()

    def on_mount(self) -> None:
        if self._marker is None:
            return  # the first read failed (a damaged file): the app is ending
        self.sub_title = "Library"
        # The highlighted show gets its screen built ahead once the cursor rests.
        self.watch(self.query_one("#shows", RowList), "cursor", self.prepare_open_soon, init=False)
        self._fill()
        # Once the first frame is out, load what opening a show needs (about 30 ms of
        # imports that the first Enter paid before), then settle the garbage collector.
        self.set_timer(0.3, self._warm_up)

    def _warm_up(self) -> None:
        import episodetui.tui.watching  # noqa: F401
        from episodetui.tui.show_screen import prepare_spare

        prepare_spare(self.app)  # the first show opened is shown on a screen built ahead
        self.call_later(self._find_field)  # hidden until /: the first / shows it at once

        if TUNE_GC_AFTER_FIRST_FRAME:
            tune_gc()
        if self.app.startup_check is not None:
            self.app.startup_check.start()
            self._integrity_timer = self.set_interval(0.25, self._check_integrity)
        else:
            self._read_statistics_ahead()

    def _read_statistics_ahead(self) -> None:
        # The first S then shows its figures at once (and its module is loaded already).
        from episodetui.tui.stats_screen import prefetch_statistics

        prefetch_statistics(self.app)

    def _check_integrity(self) -> None:
        """The start-up integrity check ran on a thread: a damaged file ends the app
        with the check's message (exit status 2), before anything could be written."""
        check = self.app.startup_check
        if not check.done:
            return
        self._integrity_timer.stop()
        if check.problem:
            self.app.exit(return_code=2, message=check.problem)
        else:
            self._read_statistics_ahead()  # after the check: the two would share the cores

    def on_screen_suspend(self) -> None:
        self._prepare_return()  # a show (or another screen) is on top: draw ahead

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        self.refresh_changed()
        self.prepare_open_soon()
        if event.refresh_styles:
            self._frame = None
        else:
            self.show_drawn_ahead(event)  # the frame drawn ahead, if nothing changed since

    def prepare_open_soon(self) -> None:
        """Once the cursor rests on a show, build its screen ahead (show_screen.prepare_open)."""
        if self._open_timer is None:
            self._open_timer = self.set_timer(OPEN_QUIET, self._prepare_open)

    def _prepare_open(self) -> None:
        self._open_timer = None
        if app_closing(self.app) or self is not self.app.screen or not self.rows:
            return
        quiet = monotonic() - getattr(self.app, "last_input_at", 0.0)
        if quiet < OPEN_QUIET:  # moving: later
            self._open_timer = self.set_timer(OPEN_QUIET - quiet, self._prepare_open)
            return
        show_id = self.selected_show_id()
        if show_id is not None and self.app.__dict__.get("_spare_show_screen") is not None:
            from episodetui.tui.show_screen import prepare_open

            prepare_open(self.app, show_id)

    @property
    def library(self):
        return self.app.library

    @property
    def summaries(self) -> list[LibraryRowView]:
        """Every show's row, in title order."""
        return list(self.rows.values())

    def _set_rows(self, rows: list[LibraryRowView]) -> None:
        self.rows = {row.id: row for row in rows}

    # -------------------------------------------------------------- freshness

    def came_back_from(self, show_id: int) -> None:
        """A show screen over this one closed: its row may have changed, and the
        cursor goes back to it."""
        self._touched.add(show_id)
        self._follow = show_id

    def plays_changed(self, change) -> None:
        self._touched.add(change.show_id)
        if self is self.app.screen:
            self.refresh_changed()
        else:
            self._prepare_return()

    def _prepare_return(self) -> None:
        """A show changed while its screen is on top: once the user pauses, bring its row
        up to date and draw it, off screen. Going back then only shows the library
        (re-reading the row, sorting and drawing it took 3-4 ms of a 10-13 ms Escape).
        If Escape comes first, the resume does it, as before."""
        if self._prepare_timer is None:
            self._prepare_timer = self.set_timer(PREPARE_QUIET, self._prepare_now)

    def _prepare_now(self) -> None:
        self._prepare_timer = None
        if app_closing(self.app) or self is self.app.screen or not self.is_attached:
            return
        quiet = monotonic() - getattr(self.app, "last_input_at", 0.0)
        if quiet < PREPARE_QUIET:  # typing: later
            self._prepare_timer = self.set_timer(PREPARE_QUIET - quiet, self._prepare_now)
            return
        self.refresh_changed()
        # Once the changes' messages are handled (a layout, if one is needed).
        self.set_timer(0.05, self.draw_ahead)

    def refresh_changed(self) -> None:
        """Re-read only what may have changed since the rows were read."""
        marker = self.library.change_marker()
        follow, self._follow = self._follow, None
        if marker != self._marker:
            if marker[0] != (self._marker or (None,))[0]:
                self._set_rows(library_rows(self.library))  # another process wrote
            else:
                for show_id in self._touched:
                    try:
                        self.rows[show_id] = library_row_of(self.library, show_id)
                    except NotFound:
                        self.rows.pop(show_id, None)
            self._marker = marker
            self._touched.clear()
            self._fill(follow)
        elif follow is not None:
            self.query_one("#shows", RowList).move_to(str(follow))

    def library_changed_elsewhere(self) -> None:
        """Another process changed the library: read it again on a thread, then redraw."""
        reader = self.library.summaries_in_background()

        def read() -> None:
            summaries = reader()
            self.app.call_from_thread(self._apply_summaries, summaries)

        self.run_worker(read, thread=True, group="library-reload", exclusive=True)

    def _apply_summaries(self, summaries) -> None:
        self._set_rows(library_rows(self.library, summaries))
        self._marker = self.library.change_marker()
        self._fill()

    def reload(self, select_show_id: int | None = None) -> None:
        """Read the whole library again and redraw, keeping the highlighted show."""
        self._set_rows(library_rows(self.library))
        self._marker = self.library.change_marker()
        self._touched.clear()
        self._fill(select_show_id)

    # ------------------------------------------------------------------- drawing

    def _find_text(self) -> str:
        for find in self.query("#find").results(Input):  # none yet while composing
            return find.value.strip() if find.display else ""
        return ""

    def _visible(self) -> list[LibraryRowView]:
        shown = [s for s in self.rows.values() if self.filter == "all" or s.status == self.filter]
        needle = title_key(self._find_text())
        if needle:
            shown = [s for s in shown if needle in title_key(s.title)]
        return sort_rows(shown, self.sort)

    def _fill(self, select_show_id: int | None = None) -> None:
        rows = self.query_one("#shows", RowList)
        if select_show_id is None:
            select_show_id = self.selected_show_id()
        visible = self._visible()
        keys = [str(s.id) for s in visible]
        drawn, self._drawn = self._drawn, {s.id: s for s in visible}
        if keys == rows.keys:
            # Same rows in the same order: make again only the cells of changed shows.
            for show in visible:
                if drawn.get(show.id) != show:
                    rows.invalidate(str(show.id))
            if select_show_id is not None:
                rows.move_to(str(select_show_id))
        else:
            rows.set_rows(
                keys,
                lambda index: _show_cells(self._drawn[int(keys[index])]),
                keep_key=str(select_show_id) if select_show_id else None,
            )
        empty = not self.rows
        self.query_one("#empty").display = empty
        rows.display = not empty
        status = self._status(visible)
        if status != self._status_shown:
            self._status_shown = status
            self.query_one("#status-line", Static).update(status)

    def _status(self, visible: list[LibraryRowView]) -> Text:
        count = len(self.rows)
        total = plural(count, "show")
        shown = f"{len(visible)} of {total}" if len(visible) != count else total
        find = self._find_text()
        finding = f" · matching “{find}” (Escape clears)" if find else ""
        status = Text(f" {shown} · sorted by {self.sort} · showing {self.filter}{finding}")
        if not find:
            status.append("   (s sort, f filter, / find)")
        return status

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

    async def action_search(self) -> None:
        find = await self._find_field()
        find.display = True
        find.focus()

    async def _find_field(self) -> Input:
        """The find field, hidden until /, above the status line. It is not in the first
        frame (an Input costs it ~5 ms: its styles, its mount): it is made once the app
        is idle after it (_warm_up), or by the first / if that comes sooner."""
        if self._find is None:
            self._find = Input(placeholder="Find a show by title (Escape clears)", id="find")
            self._find.display = False
            self._find_mounted = self.mount(self._find, before="#status-line")
        await self._find_mounted  # the first caller's mount, awaited by every caller
        return self._find

    def action_clear_search(self) -> None:
        for find in self.query("#find").results(Input):
            if find.display:
                find.value = ""
                find.display = False
                self._fill()
                self.query_one("#shows", RowList).focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        if event.input.display:
            self._fill()

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.query_one("#shows", RowList).focus()

    def action_add_show(self) -> None:
        self.app.action_add_show()


def _show_cells(row: LibraryRowView) -> tuple[Text, ...]:
    cells = (_title_cell(row), _progress_cell(row), _next_cell(row), _last_cell(row))
    if row.rating is None and row.rewatch is None:
        return cells
    # A rating and a rewatch in progress are drawn as the rest of the app draws them.
    extras = LibraryExtras(
        {row.id: row.rating} if row.rating else {}, {row.id: row.rewatch} if row.rewatch else {}
    )
    return extras.decorate(row.id, cells)


def _title_cell(row: LibraryRowView) -> Text:
    title = Text(row.title)
    if row.year:
        title.append(f" ({row.year})", style="dim")
    return title


def _progress_cell(row: LibraryRowView) -> Text:
    count = f" {row.watched}/{row.total}"
    bar = Text(
        progress_bar(row.watched, row.total, max(4, min(10, PROGRESS_WIDTH - len(count)))), style="green"
    )
    bar.append(count)
    return bar


def _next_cell(row: LibraryRowView) -> Text:
    nxt = row.next
    if nxt is None:
        if row.upcoming_code is not None and row.upcoming_in_days is not None:
            # An unaired episode is unwatched: its code, never its title.
            return Text(f"{row.upcoming_code} airs {in_days_text(row.upcoming_in_days)}", style="cyan")
        return Text(row.status if row.status == "finished" else "caught up", style="dim")
    return Text(f"{nxt.code} {nxt.title}".rstrip())


def _last_cell(row: LibraryRowView) -> Text:
    return Text(local_day(row.last_watched_at) if row.last_watched_at else "never", style="dim")
