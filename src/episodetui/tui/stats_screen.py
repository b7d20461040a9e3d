"""Statistics: episodes and hours, per month (a Sparkline), streaks, most-watched shows.

The chart is Textual's own Sparkline: twelve bars need no plotting library, and
plotext with textual-plotext would add two dependencies and their import time to an
app whose start-up is measured. The numbers are read on a worker thread with a
connection of its own, so the screen opens at once and fills in when they are ready.

They are also read ahead, on a thread, once the app is idle after its first frame
(`prefetch_statistics`), and kept with what they were read at: the library's change
marker (any write, here or by another process, moves it), the year and today's date.
The screen shows kept figures only if all three are still the same, so the first S
shows them at once and a change always has them counted again.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Sparkline, Static

from episodetui.core.stats import Stats, compute_stats_apart, stats_lines
from episodetui.tui.kept_screen import KeptScreen, app_closing
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
        self._read_at: ReadAt | None = None  # what self.stats were read at

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
        if not self.is_current:
            self.styled_now()  # built ahead: its widgets were styled as they mounted
            self.app.set_timer(0.2, self._drawn_ahead)

    def styled_ahead(self) -> None:
        """Not shown: style it now if the CSS changed since (other screens' widgets add
        theirs as they first mount), as Textual would when it is shown, and draw it."""
        if not self.styles_current():
            self.update_node_styles(animate=False)
            self.styled_now()
            self._drawn_ahead()

    def _drawn_ahead(self) -> None:
        """Built ahead and still not shown: lay it out and draw it once, off screen, so
        its first visit finds its widgets sized and their lines drawn (Textual's own
        steps when a screen is shown; the drawing is not sent to the terminal). After
        the messages the screen already has (its widgets ask for a layout as they change),
        and once more after the first sizing (widgets ask for another as they are sized)."""
        self.call_later(self._lay_out_ahead, again=True)

    def _lay_out_ahead(self, again: bool = False) -> None:
        if self.is_current or self in self.app.screen_stack:
            return
        self._refresh_layout(self.app.size)
        self._layout_required = False  # done (Textual's own update clears it after it)
        self._compositor.render_update(full=True)
        # Textual draws a screen on its update timer, made when first needed: its first
        # tick comes a frame (1/60 s) after. Made and run once now, the first visit's
        # frame goes out at once.
        self._update_timer.resume()
        if again:
            self.app.set_timer(0.1, lambda: self.call_later(self._lay_out_ahead))

    def on_screen_resume(self) -> None:
        # Kept between visits (open_statistics): read again only if the library, the
        # year or the day changed since the figures shown were read.
        if self.stats is not None and self._read_at != read_at(self.app.library, self.year):
            self.load()

    def load(self) -> None:
        """Show the figures of self.year: kept ones at once if still right, else read them."""
        now = read_at(self.app.library, self.year)
        kept = kept_statistics(self.app).get(now)
        if kept is not None:
            self.show_stats(kept, now)
            return
        if self.stats is not None:
            self._counting()  # figures of an older read are never shown as these
        self._read(now)

    def _counting(self) -> None:
        self.stats = None
        self._read_at = None
        self.query_one("#stats-summary", Static).update(Text("Counting your plays…", style="dim"))
        self.query_one("#stats-chart").display = False
        for part in ("#stats-chart-title", "#stats-months", "#stats-top"):
            self.query_one(part, Static).update("")

    @work(thread=True, exclusive=True, group="stats")
    def _read(self, now: ReadAt) -> None:
        stats = compute_stats_apart(self.app.library, now[1])
        self.app.call_from_thread(self._arrived, stats, now)

    def _arrived(self, stats: Stats, now: ReadAt) -> None:
        keep_statistics(self.app, now, stats)
        self.show_stats(stats, now)

    def show_stats(self, stats: Stats, read_at: ReadAt | None = None) -> None:
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
        # (the app's width: a screen built ahead, not yet shown, has no size of its own)
        per = max(4, min(9, (self.app.size.width - 4) // 12))
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


# (the library's change marker, the year or None for all time, today's date)
ReadAt = tuple[tuple[int, int], int | None, date]


def read_at(library, year: int | None) -> ReadAt:  # type: ignore[no-untyped-def]
    return (library.change_marker(), year, library.today())


def kept_statistics(app) -> dict[ReadAt, Stats]:  # type: ignore[no-untyped-def]
    """Figures read, by what they were read at (only ones of the latest change marker)."""
    kept: dict[ReadAt, Stats] = app.__dict__.setdefault("_kept_statistics", {})
    return kept


def keep_statistics(app, when: ReadAt, stats: Stats) -> None:  # type: ignore[no-untyped-def]
    """Keep figures read at `when`, if the library has not changed since: older ones go."""
    if when[0] != app.library.change_marker():
        return  # a change came while they were read: they may be out of date already
    kept = kept_statistics(app)
    for old in [key for key in kept if key[0] != when[0] or key[2] != when[2]]:
        del kept[old]
    kept[when] = stats


# After a change, the figures are read ahead again this many seconds later at most.
READ_AHEAD_EVERY = 2.0


def prefetch_statistics(app) -> None:  # type: ignore[no-untyped-def]
    """Read the all-time figures ahead on a thread (the app is idle after its first
    frame), so the first S shows them at once; after a change (here or in another
    process), read them again within READ_AHEAD_EVERY seconds. If a read fails or a
    change comes while it reads, the screen reads them itself when opened."""
    read_ahead(app)
    if "_statistics_ahead" not in app.__dict__:
        app._statistics_ahead = app.set_interval(
            READ_AHEAD_EVERY, lambda: read_ahead(app), name="statistics-ahead"
        )


def read_ahead(app) -> None:  # type: ignore[no-untyped-def]
    if app_closing(app):
        return  # the app is closing: its timer can still fire once (no screen then)
    if isinstance(app.screen, StatsScreen) or app.__dict__.get("_statistics_reading"):
        return  # the screen reads what it shows; one read ahead at a time
    if app.is_screen_installed("statistics"):
        screen = app.get_screen("statistics")
        if screen.is_mounted and screen not in app.screen_stack:
            screen.styled_ahead()
    now = read_at(app.library, None)
    if now in kept_statistics(app):
        return
    library = app.library
    app._statistics_reading = True

    def read() -> None:
        try:
            stats = compute_stats_apart(library, None)
        except Exception:  # noqa: BLE001 - ahead of need only: the screen reads them itself
            stats = None
        try:
            app.call_from_thread(kept_ahead, app, now, stats)
        except RuntimeError:
            pass  # the app has closed

    app.run_worker(read, thread=True, group="stats-ahead", exit_on_error=False)


def kept_ahead(app, now: ReadAt, stats: Stats | None) -> None:  # type: ignore[no-untyped-def]
    """Keep figures read ahead, and build the screen that shows them (not shown yet):
    composing and styling it was most of what the first S cost once they were kept.
    A screen built before gets them too."""
    app._statistics_reading = False
    if stats is None:
        return
    keep_statistics(app, now, stats)
    if now not in kept_statistics(app):
        return
    if not app.is_screen_installed("statistics"):
        app.install_screen(StatsScreen(), "statistics")
        # What push_screen does first: register the screen, which composes and mounts it.
        app._get_screen("statistics")
        return
    screen = app.get_screen("statistics")
    if screen.is_mounted and screen not in app.screen_stack:
        screen.year = None  # it opens on all time
        screen.show_stats(stats, now)
        screen._drawn_ahead()  # the new figures laid out and drawn too
