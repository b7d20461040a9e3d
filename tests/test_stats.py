"""Statistics from plays: totals, hours (and plays without a runtime), months, streaks,
most-watched shows, rewatches, notes; the CLI and the screen."""

from __future__ import annotations

import json
import time
from datetime import date

import pytest

from conftest import SECRET, screen_text
from episodetui.cli import main
from episodetui.core.stats import compute_stats, current_streak, longest_streak
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.stats_screen import StatsScreen
from features_fixtures import canary_library

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    """Days are local days: pin the time zone so the figures are the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def history_library(data_dir) -> Library:
    lib = canary_library(data_dir)
    other = lib.add_show("Night Market", [3])
    a, b, c = lib.episodes(other.id)
    lib.update_episode(a.id, runtime=30)
    lib.update_episode(b.id, runtime=30)  # c has no runtime
    for episode, when in (
        (a, "2025-12-30T20:00:00+00:00"),
        (b, "2025-12-31T20:00:00+00:00"),
        (c, "2026-01-01T20:00:00+00:00"),
        (a, "2026-03-05T20:00:00+00:00"),
    ):
        lib.add_play(episode.id, when, source="trakt")
    lib.add_play(c.id, None, source="tvtime")  # a play of unknown time
    return lib


def test_totals_and_months_from_plays(data_dir):
    lib = history_library(data_dir)
    everything = compute_stats(lib)
    assert everything.plays == 7 and everything.rewatches == 2
    assert everything.plays_without_runtime == 2 and everything.plays_without_date == 1
    assert everything.minutes == 50 + 50 + 30 + 30 + 30
    this_year = compute_stats(lib, 2026)
    assert this_year.plays == 4  # 1 Jan, 5 Mar, and the two Harbour Lights in November
    assert this_year.rewatches == 1  # 5 Mar is a second play of episode a
    assert [m.plays for m in this_year.months] == [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0]
    assert [s.title for s in this_year.top_shows] == ["Harbour Lights", "Night Market"]
    assert compute_stats(lib, 2025).plays == 2
    assert this_year.longest_streak.days == 2 and compute_stats(lib, 2025).longest_streak.days == 2
    assert everything.longest_streak.days == 3  # 30 Dec to 1 Jan, across the year
    assert this_year.notes == 2 and everything.years == [2025, 2026]
    lib.close()


def test_streaks():
    days = {"2026-11-20": 1, "2026-11-21": 2, "2026-11-23": 1, "2026-11-24": 1}
    assert current_streak(days, date(2026, 11, 24)).days == 2
    assert current_streak(days, date(2026, 11, 25)).days == 2  # today is not over yet
    assert current_streak(days, date(2026, 11, 26)).days == 0
    assert longest_streak(days).days == 2 and longest_streak({}).days == 0


def test_cli_stats(data_dir, capsys):
    history_library(data_dir).close()
    assert main(["--data-dir", str(data_dir), "stats", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "Episodes watched  4 (1 rewatch)" in out and "2026-03" in out and SECRET not in out
    assert main(["--data-dir", str(data_dir), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["episodes"] == 7 and data["plays_without_runtime"] == 2 and data["most_watched"][0]["show"]
    assert main(["--data-dir", str(data_dir), "stats", "--year", "99999"]) == 2
    assert main(["--data-dir", str(data_dir), "stats", "--year", "x"]) == 2


def test_a_show_without_any_runtime_shows_no_hours_rather_than_zero(data_dir, capsys):
    lib = Library.open(data_dir)
    show = lib.add_show("Lantern Street", [2])
    for episode in lib.episodes(show.id):
        lib.add_play(episode.id, "2026-03-05T20:00:00+00:00", source="trakt")
    lib.close()
    assert main(["--data-dir", str(data_dir), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Lantern Street  2 episodes\n" in out and "0.0 h" not in out
    assert "(2 episodes without a runtime)" in out


async def test_stats_screen_from_the_library_key_and_other_years(data_dir):
    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "All time" in text and "Episodes watched  7" in text and SECRET not in text
        await pilot.press("right")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2025" in screen_text(app) and "Episodes watched  2" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p", *"Statistics", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
    lib.close()


async def test_stats_screen_kept_between_visits_counts_again_only_after_a_change(data_dir, monkeypatch):
    from episodetui.tui import stats_screen

    reads = []
    count = stats_screen.compute_stats_apart
    monkeypatch.setattr(stats_screen, "compute_stats_apart", lambda *a: reads.append(a) or count(*a))
    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S", "right")  # a year, then away: it opens on all time again
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "All time" in screen_text(app) and "Episodes watched  7" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        before = len(reads)
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(reads) == before, "nothing changed: the figures shown are still right"
        assert "Episodes watched  7" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        other = Library.open(data_dir)  # another process watches an episode
        unwatched = next(e for e in other.episodes(1) if not e.watched and e.season > 0)
        other.add_play(unwatched.id, "2026-03-06T20:00:00+00:00")
        other.close()
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Episodes watched  8" in screen_text(app)
    lib.close()


def _stats_app(data_dir):
    lib = history_library(data_dir)
    return EpisodeTuiApp(lib)


async def _open_stats(pilot):
    await pilot.press("S")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_stats_snapshot(snap_compare, data_dir):
    assert snap_compare(_stats_app(data_dir), terminal_size=SIZE, run_before=_open_stats)


def test_stats_snapshot_80x24(snap_compare, data_dir):
    assert snap_compare(_stats_app(data_dir), terminal_size=(80, 24), run_before=_open_stats)


async def _watch_the_next_episode_of_the_first_show(pilot) -> None:
    """From the library: open the show under the cursor, w on its landing row (the next
    episode), back to the library."""
    from episodetui.tui.show_screen import ShowScreen

    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ShowScreen)
    await pilot.press("w")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def test_statistics_read_ahead_show_at_once_and_move_after_a_change(data_dir, monkeypatch):
    """Idle after its first frame, the app reads the figures ahead and builds the screen:
    the first S shows them without counting again. Watch an episode, and the next S
    counts again: the figure moved."""
    from episodetui.tui import stats_screen

    reads = []
    count = stats_screen.compute_stats_apart
    monkeypatch.setattr(stats_screen, "compute_stats_apart", lambda *a: reads.append(a) or count(*a))
    monkeypatch.setattr(stats_screen, "READ_AHEAD_EVERY", 1000)  # no read ahead after the change
    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)  # a person looks at the library first
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(reads) == 1 and app.is_screen_installed("statistics")
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert "Episodes watched  7" in screen_text(app) and len(reads) == 1, "shown at once"
        assert SECRET not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await _watch_the_next_episode_of_the_first_show(pilot)
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Episodes watched  8" in screen_text(app) and len(reads) == 2
    lib.close()


async def test_figures_read_ahead_while_a_change_is_made_are_not_kept(data_dir, monkeypatch):
    """The read ahead is slow, and an episode is watched while it reads: what it read may
    predate the change, so it is not kept, and S counts again (8, not 7)."""
    import threading

    from episodetui.tui import stats_screen

    lib = history_library(data_dir)
    before_the_change = compute_stats(lib)
    assert before_the_change.plays == 7
    gate = threading.Event()
    count = stats_screen.compute_stats_apart
    calls = []

    def slow_then_real(library, year):  # type: ignore[no-untyped-def]
        calls.append(year)
        if len(calls) == 1:
            gate.wait(10)  # the read ahead: it read the library before the change
            return before_the_change
        return count(library, year)

    monkeypatch.setattr(stats_screen, "compute_stats_apart", slow_then_real)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert calls, "the read ahead has started"
        await _watch_the_next_episode_of_the_first_show(pilot)
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Episodes watched  8" in screen_text(app)
        assert "Episodes watched  7" not in screen_text(app)
    lib.close()


async def test_figures_from_before_a_change_are_never_shown_while_counting_again(data_dir, monkeypatch):
    """S shown (7), back, watch an episode, S again while counting is slow: the screen
    says it is counting, never the 7 of before, then shows 8."""
    from episodetui.tui import stats_screen

    count = stats_screen.compute_stats_apart
    slow = []

    def counted(library, year):  # type: ignore[no-untyped-def]
        if slow:
            time.sleep(0.3)
        return count(library, year)

    monkeypatch.setattr(stats_screen, "compute_stats_apart", counted)
    monkeypatch.setattr(stats_screen, "READ_AHEAD_EVERY", 1000)
    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Episodes watched  7" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await _watch_the_next_episode_of_the_first_show(pilot)
        slow.append(True)
        await pilot.press("S")
        await pilot.pause()
        assert "Episodes watched  7" not in screen_text(app)
        assert "Counting your plays" in screen_text(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Episodes watched  8" in screen_text(app)
    lib.close()


async def test_after_a_change_the_figures_are_read_ahead_again(data_dir, monkeypatch):
    """Watch an episode and wait: the figures are read ahead again, and S shows the new
    ones at once, without counting then."""
    from episodetui.tui import stats_screen

    reads = []
    count = stats_screen.compute_stats_apart
    monkeypatch.setattr(stats_screen, "compute_stats_apart", lambda *a: reads.append(a) or count(*a))
    monkeypatch.setattr(stats_screen, "READ_AHEAD_EVERY", 0.1)
    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        assert len(reads) == 1
        await _watch_the_next_episode_of_the_first_show(pilot)
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(reads) == 2, "read ahead again after the change"
        await pilot.press("S")
        await pilot.pause()
        assert "Episodes watched  8" in screen_text(app) and len(reads) == 2
    lib.close()


def test_large_figures_read_with_thousands_separators():
    from episodetui.core.stats import Stats, Streak, stats_lines

    stats = Stats(
        year=None,
        plays=30653,
        minutes=60 * 1_234_567 + 30,
        plays_without_runtime=0,
        plays_without_date=0,
        rewatches=0,
        finished_rewatches=0,
        notes=20000,
        days_watched=1200,
        current_streak=Streak(0),
        longest_streak=Streak(0),
    )
    text = "\n".join(stats_lines(stats, months=False))
    assert "Episodes watched  30,653" in text and "Notes written     20,000" in text
    assert "Days with a play  1,200" in text
    assert "Hours watched     1,234,567.5" in text and "e+" not in text


async def test_the_read_ahead_timer_firing_while_the_app_closes_does_nothing(data_dir):
    from episodetui.tui.stats_screen import read_ahead

    lib = history_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    read_ahead(app)  # its interval can fire once more after the last screen is gone
    lib.close()
