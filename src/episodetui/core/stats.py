"""Statistics of what was watched, from the plays (so imported history counts): episodes
and hours, per month, streaks of days, most-watched shows, rewatches, notes written.

Only titles of shows and numbers: no episode text, so nothing here can spoil.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from episodetui.core.store import Library
from episodetui.core.text import cell_width, fit_cells, plural

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Streak:
    days: int
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class ShowCount:
    title: str
    plays: int
    minutes: int


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str  # YYYY-MM
    plays: int

    @property
    def label(self) -> str:
        return MONTHS[int(self.month[5:7]) - 1]


@dataclass(frozen=True, slots=True)
class Stats:
    year: int | None  # None: all time
    plays: int
    minutes: int
    plays_without_runtime: int
    plays_without_date: int
    rewatches: int  # plays of an episode after its first
    finished_rewatches: int
    notes: int
    days_watched: int
    current_streak: Streak
    longest_streak: Streak
    months: list[MonthCount] = field(default_factory=list)
    top_shows: list[ShowCount] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # the years that have plays

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def period(self) -> str:
        return str(self.year) if self.year is not None else "All time"


def compute_stats(library: Library, year: int | None = None, today: date | None = None) -> Stats:
    today = today or library.today()
    plays, minutes, no_runtime, rewatches, no_date = library.play_totals(year)
    days = library.plays_per_day(year)
    all_days = days if year is None else library.plays_per_day(None)
    return Stats(
        year=year,
        plays=plays,
        minutes=minutes,
        plays_without_runtime=no_runtime,
        plays_without_date=no_date,
        rewatches=rewatches,
        finished_rewatches=library.finished_rewatches(year),
        notes=library.notes_written(year),
        days_watched=len(days),
        current_streak=current_streak(all_days, today),
        longest_streak=longest_streak(days),
        months=per_month(days, year, today),
        top_shows=[ShowCount(*row) for row in library.most_watched_shows(year)],
        years=library.years_with_plays(),
    )


def per_month(days: dict[str, int], year: int | None, today: date) -> list[MonthCount]:
    """Plays per month: January to December of `year`, or the last twelve months."""
    if year is not None:
        months = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
    else:
        y, m = today.year, today.month
        months = []
        for _ in range(12):
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        months.reverse()
    counts = dict.fromkeys(months, 0)
    for day, plays in days.items():
        if day[:7] in counts:
            counts[day[:7]] += plays
    return [MonthCount(month, plays) for month, plays in counts.items()]


def _runs(days: dict[str, int]) -> list[tuple[date, date]]:
    runs: list[tuple[date, date]] = []
    for day in sorted(date.fromisoformat(d) for d in days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def longest_streak(days: dict[str, int]) -> Streak:
    best: tuple[date, date] | None = None
    for start, end in _runs(days):
        if best is None or (end - start) > (best[1] - best[0]):
            best = (start, end)
    if best is None:
        return Streak(0)
    return Streak((best[1] - best[0]).days + 1, best[0].isoformat(), best[1].isoformat())


def current_streak(days: dict[str, int], today: date) -> Streak:
    """Days in a row with a play, up to today (or yesterday: today is not over yet)."""
    runs = _runs(days)
    if not runs:
        return Streak(0)
    start, end = runs[-1]
    if end < today - timedelta(days=1):
        return Streak(0)
    return Streak((end - start).days + 1, start.isoformat(), end.isoformat())


def compute_stats_apart(library: Library, year: int | None) -> Stats:
    """Statistics read on a read-only connection of the calling thread's own (a worker's:
    SQLite connections are not shared between threads)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{library.path}?mode=ro", uri=True)
    try:
        return compute_stats(Library(connection, library.path, library.clock), year)
    finally:
        connection.close()


def stats_lines(stats: Stats, months: bool = True) -> list[str]:
    """The statistics as text lines (the CLI prints them; the stats screen shows them)."""
    from episodetui.core.text import progress_bar

    lines = [stats.period]
    rewatched = f" ({plural(stats.rewatches, 'rewatch')})" if stats.rewatches else ""
    lines.append(f"  Episodes watched  {stats.plays:,}{rewatched}")
    missing = (
        f" ({plural(stats.plays_without_runtime, 'episode')} without a runtime)"
        if stats.plays_without_runtime
        else ""
    )
    # ",.1f", not "g": "g" writes a million hours as 1e+06.
    hours = f"{stats.hours:,.1f}".removesuffix(".0")
    lines.append(f"  Hours watched     {hours}{missing}")
    if stats.plays_without_date:
        lines.append(f"  Without a date    {stats.plays_without_date:,} (imported or marked without a time)")
    lines.append(f"  Days with a play  {stats.days_watched:,}")
    lines.append(f"  Current streak    {plural(stats.current_streak.days, 'day')}")
    longest = stats.longest_streak
    span = f" ({longest.start} to {longest.end})" if longest.days > 1 else ""
    lines.append(f"  Longest streak    {plural(longest.days, 'day')}{span}")
    lines.append(f"  Rewatches done    {stats.finished_rewatches:,}")
    lines.append(f"  Notes written     {stats.notes:,}")
    if not months:
        return lines + top_show_lines(stats)
    lines.append("  Per month")
    peak = max((m.plays for m in stats.months), default=0)
    for month in stats.months:
        lines.append(
            f"    {month.month}  {progress_bar(month.plays, peak, 20) if peak else '░' * 20} {month.plays:,}"
        )
    return lines + top_show_lines(stats)


def top_show_lines(stats: Stats) -> list[str]:
    if not stats.top_shows:
        return []
    lines = ["  Most watched"]
    width = min(max(cell_width(s.title) for s in stats.top_shows), 40)
    for show in stats.top_shows:
        # No runtime known for any of its plays: no hours, rather than a false "0.0 h".
        hours = f", {show.minutes / 60:.1f} h" if show.minutes else ""
        lines.append(f"    {fit_cells(show.title, width)}  {plural(show.plays, 'episode')}{hours}")
    return lines
