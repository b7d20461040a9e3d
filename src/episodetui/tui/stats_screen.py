"""Statistics: episodes and hours, per month (a Sparkline), streaks, most-watched shows.

The chart is Textual's own Sparkline: twelve bars need no plotting library, and
plotext with textual-plotext would add two dependencies and their import time to an
app whose start-up is measured. The numbers are read on a worker thread with a
connection of its own, so the screen opens at once and fills in when they are ready.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Sparkline, Static

from episodetui.core.stats import Stats, compute_stats, stats_lines
from episodetui.tui.kept_screen import KeptScreen
from episodetui.tui.key_bar import KeyBar


class StatsScreen(KeptScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="stats.back"),
        Binding("left", "year(-1)", "Earlier", key_display="←", id="stats.earlier"),
        Binding("right", "year(1)", "Later", key_display="→", id="stats.later"),
    ]

    def __init__(self, year: int | None = None) -> None:
        super().__init__(id="stats")
        self.year = year
        self.stats: Stats | None = None
        self._read_at: tuple[object, int | None] | None = None  # (change marker, year) of self.stats

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static(Text("Counting your plays…", style="dim"), id="stats-summary")
            yield Static(id="stats-chart-title", classes="section-title")
            yield Sparkline([], id="stats-chart")
            yield Static(id="stats-months")
            yield Static(id="stats-top")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.query_one("#stats-chart").display = False
        self.load()

    def on_screen_resume(self) -> None:
        # Kept between visits (open_statistics): read again only if the library or the
        # year changed since the figures shown were read.
        if self.stats is not None and self._read_at != (self.app.library.change_marker(), self.year):
            self.load()

    def load(self) -> None:
        self._read(self.app.library.change_marker(), self.year)

    @work(thread=True, exclusive=True, group="stats")
    def _read(self, marker: object, year: int | None) -> None:
        stats = compute_stats_apart(self.app.library, year)
        self.app.call_from_thread(self.show_stats, stats, (marker, year))

    def show_stats(self, stats: Stats, read_at: tuple[object, int | None] | None = None) -> None:
        self.stats = stats
        self._read_at = read_at
        self.sub_title = f"Statistics · {stats.period}"
        summary = Text()
        summary.append(stats.period, style="bold")
        summary.append("   ← → other years" if stats.years else "", style="dim")
        summary.append("\n" + "\n".join(line[2:] for line in stats_lines(stats, months=False)[1:]))
        self.query_one("#stats-summary", Static).update(summary)
        title = "Per month" if stats.year is not None else "Per month, the last twelve months"
        self.query_one("#stats-chart-title", Static).update(Text(title))
        # Each month gets `per` columns of the chart, with its name and count beneath.
        per = max(4, min(9, (self.size.width - 4) // 12))
        chart = self.query_one("#stats-chart", Sparkline)
        chart.styles.width = per * 12
        chart.data = [m.plays for m in stats.months for _ in range(per)]
        chart.display = any(chart.data)
        months = Text()
        for month in stats.months:
            months.append(month.label.ljust(per), style="bold" if month.plays else "dim")
        months.append("\n")
        for month in stats.months:
            months.append(str(month.plays).ljust(per), style="" if month.plays else "dim")
        self.query_one("#stats-months", Static).update(months)

    def action_year(self, step: int) -> None:
        if self.stats is None:
            return
        years = self.stats.years
        if not years:
            return
        # All time, then each year with plays, oldest to newest.
        choices: list[int | None] = [None, *years]
        index = choices.index(self.year) if self.year in choices else 0
        self.year = choices[max(0, min(len(choices) - 1, index + step))]
        self.load()


def open_statistics(app) -> None:  # type: ignore[no-untyped-def]
    """Show the statistics screen, kept between visits: opened again with nothing
    changed, it shows its figures at once instead of counting every play again."""
    if isinstance(app.screen, StatsScreen):
        return
    if not app.is_screen_installed("statistics"):
        app.install_screen(StatsScreen(), "statistics")
    screen = app.get_screen("statistics")
    if screen in app.screen_stack:
        return
    screen.year = None  # it opens on all time, as a new one would
    app.push_screen(screen)


def compute_stats_apart(library, year: int | None) -> Stats:  # type: ignore[no-untyped-def]
    """Statistics read on a connection of this thread's own (SQLite connections are not
    shared between threads), read-only."""
    import sqlite3

    from episodetui.core.store import Library

    connection = sqlite3.connect(f"file:{library.path}?mode=ro", uri=True)
    try:
        reader = Library(connection, library.path, library.clock)
        return compute_stats(reader, year)
    finally:
        connection.close()
