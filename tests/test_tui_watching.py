"""Pilot tests of watching in the TUI, pressed like a person and checked in the library
after the app is closed: w runs, rewatch, undo, changes made by another process, and the
library that stays as it was left."""

from __future__ import annotations

import asyncio

from conftest import fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.row_list import Column, RowList, column_widths
from episodetui.tui.show_screen import ShowScreen
from episodetui.tui.watching import RewatchChoice
from pilot_helpers import open_app, reopen, step

SIZE = (100, 30)


def _watched(data_dir, show_id: int = 1) -> list[bool]:
    library = reopen(data_dir)
    try:
        return [e.watched for e in library.episodes(show_id)]
    finally:
        library.close()


async def test_w_marks_a_run_of_episodes_and_is_saved(secret_library, data_dir):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        assert app.screen.highlighted_episode_id() == 2, "opens on the next episode"
        await step(pilot, "w", "w")
        assert "3/4 watched" in screen_text(app)
        assert app.screen.highlighted_episode_id() == 4
    secret_library.close()
    assert _watched(data_dir) == [True, True, True, False]


async def test_advance_can_be_turned_off(secret_library, data_dir, tmp_path):
    from episodetui.core.config import load_config

    # The way a person turns it off: a line in config.toml, read at start as the CLI does.
    (tmp_path / "config.toml").write_text("advance_after_watch = false\n")
    config = load_config(tmp_path / "config.toml")
    async with open_app(secret_library, start_show_id=1, config=config) as (app, pilot):
        await step(pilot, "w")
        assert app.screen.highlighted_episode_id() == 2
    secret_library.close()
    assert _watched(data_dir) == [True, True, False, False]


async def test_w_on_a_watched_episode_asks_unmark_or_rewatch(secret_library, data_dir):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        await step(pilot, "up", "w")
        assert isinstance(app.screen, RewatchChoice)
        await step(pilot, "r")
        assert isinstance(app.screen, ShowScreen)
        await step(pilot, "w")
        await step(pilot, "escape")  # cancel changes nothing
        await step(pilot, "down", "w", "u")  # S01E02 is unwatched: w marks it, no question
    secret_library.close()
    library = reopen(data_dir)
    first, second = library.episodes(1)[:2]
    assert first.plays == 2, "the rewatch was counted"
    assert second.watched
    library.close()


async def test_unmark_from_the_dialog_and_undo_it(secret_library, data_dir):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        await step(pilot, "up", "w")
        await step(pilot, "enter")  # Unmark is the focused choice
        assert "0/4 watched" in screen_text(app)
        assert "Press z to undo" in " ".join(str(n.message) for n in app._notifications)
        await step(pilot, "z")
        assert "1/4 watched" in screen_text(app)
    secret_library.close()
    assert _watched(data_dir) == [True, False, False, False]


async def test_undo_a_bulk_mark(secret_library, data_dir):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        await step(pilot, "end", "W", "y")
        assert "4/4 watched" in screen_text(app)
        await step(pilot, "z")
        assert "1/4 watched" in screen_text(app)
        await step(pilot, "z")
        assert "Nothing to undo." in " ".join(str(n.message) for n in app._notifications)
    secret_library.close()
    assert _watched(data_dir) == [True, False, False, False]


async def test_changes_by_another_process_show_up_and_are_not_undone(secret_library, data_dir):
    other = reopen(data_dir)
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        # Another process marks S01E02 (the highlighted row) watched; w comes before
        # the TUI has redrawn: it must not unmark it.
        other.set_watched(2, True)
        await step(pilot, "w")
        assert not isinstance(app.screen, RewatchChoice)
        assert secret_library.episode(2).plays == 1
        assert "2/4 watched" in screen_text(app)
        # A change while the user does nothing is drawn within about a second.
        other.set_watched(3, True)
        await pilot.pause(1.3)
        assert "3/4 watched" in screen_text(app)
        await step(pilot, "escape")
        assert "3/12" not in screen_text(app) and "3/4" in screen_text(app)
    other.close()
    secret_library.close()
    assert _watched(data_dir) == [True, True, True, False]


async def test_the_library_notices_another_process_too(demo, tmp_path):
    other = Library.open(demo.path.parent, clock=fixed_clock)
    async with open_app(demo) as (app, pilot):
        other.add_show("Brand New Show", [3])
        await pilot.pause(1.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Brand New Show" in screen_text(app)
    other.close()


async def test_back_keeps_the_cursor_on_the_show_and_sorts_by_recent_watching(library, data_dir):
    times = iter(["2026-11-20T10:00:00+00:00", "2026-11-22T10:00:00+00:00", "2026-11-21T10:00:00+00:00"])
    for title in ("Alpha", "Bravo", "Charlie", "Delta"):
        show = library.add_show(title, [3])
        if title != "Delta":
            library.add_play(library.episodes(show.id)[0].id, next(times))
    async with open_app(library) as (app, pilot):
        rows = app.screen.query_one(RowList)

        def titles() -> list[str]:
            return [rows.cells(key)[0].plain.split(" (")[0] for key in rows.keys]

        assert titles() == ["Bravo", "Charlie", "Alpha", "Delta"], "most recently watched first"
        await step(pilot, "down", "down", "enter")  # Alpha
        assert isinstance(app.screen, ShowScreen) and app.screen.show_id == 1
        await step(pilot, "w", "escape")  # watched now: Alpha moves to the top
        assert isinstance(app.screen, LibraryScreen)
        assert titles()[0] == "Alpha" and app.screen.selected_show_id() == 1
        await step(pilot, "down", "enter", "escape")  # Bravo, and back
        assert app.screen.selected_show_id() == 2


async def test_find_is_told_and_escape_clears_it(demo):
    async with open_app(demo) as (app, pilot):
        await step(pilot, "slash", *"orbit", "enter")
        assert "1 of 5 shows" in screen_text(app) and "matching “orbit”" in screen_text(app)
        await step(pilot, "enter")
        assert isinstance(app.screen, ShowScreen)
        await step(pilot, "escape")
        assert "matching “orbit”" in screen_text(app), "the status line tells the truth"
        await step(pilot, "escape")
        assert "5 shows · sorted by" in screen_text(app) and "matching" not in screen_text(app)


def test_extra_width_goes_to_the_title():
    from episodetui.tui.library_screen import SHOW_COLUMNS

    show, progress, nxt, last = column_widths(SHOW_COLUMNS, 200)
    assert nxt == 44 and show > 100 and (progress, last) == (16, 12)
    show, _, nxt, _ = column_widths(SHOW_COLUMNS, 80)
    assert show > nxt and 77 <= show + nxt + 16 + 12 + 3 <= 79
    assert column_widths([Column("a"), Column("b", max_width=5)], 41) == [34, 5]


def _damage(folder) -> None:
    db = folder / "library.sqlite3"
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, min(len(data), page_size * 4)):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))


async def test_a_damaged_library_found_after_the_first_frame_ends_the_app(tmp_path):
    from episodetui.core.backups import StartupCheck, backup_folder

    library = Library.open(tmp_path, clock=fixed_clock)
    library.add_show("Harbour Lights", [40])
    library.close()
    _damage(tmp_path)
    library = Library.open(tmp_path, check=False)  # as the TUI opens it: checked later
    app = EpisodeTuiApp(library, startup_check=StartupCheck(library))
    # It ends by itself, before a pilot could drive it: run it as the command line does.
    await asyncio.wait_for(app.run_async(headless=True, size=SIZE), timeout=30)
    library.close()
    # The first read met the damaged page: one sentence, exit status 2, no crash report.
    assert app.return_code == 2 and app.crash_report is None
    assert not list(backup_folder(tmp_path).glob("*.sqlite3"))  # a damaged file is not copied


async def test_a_sound_library_is_backed_up_after_the_first_frame(tmp_path):
    from episodetui.core.backups import StartupCheck, backup_folder

    library = Library.open(tmp_path, clock=fixed_clock)
    library.add_show("Harbour Lights", [3])
    check = StartupCheck(library)
    app = EpisodeTuiApp(library, startup_check=check)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(40):
            await pilot.pause(0.1)
            if check.done:
                break
        assert app.return_code is None and check.problem is None
    library.close()
    assert len(list(backup_folder(tmp_path).glob("auto-*.sqlite3"))) == 1


def test_the_integrity_check_on_its_own_connection(tmp_path):
    library = Library.open(tmp_path, clock=fixed_clock)
    library.add_show("Harbour Lights", [40])
    assert library.integrity_problem() is None
    library.close()
    _damage(tmp_path)
    damaged = Library.open(tmp_path, check=False)
    assert "damaged" in (damaged.integrity_problem() or "")
    damaged.close()


def test_rewatch_dialog_snapshot_at_80x24(snap_compare, demo):
    async def ask(pilot):
        await pilot.press("up", "w")  # the show opens on S01E04; S01E03 is watched
        await pilot.pause()

    assert snap_compare(EpisodeTuiApp(demo, start_show_id=1), terminal_size=(80, 24), run_before=ask)


def test_show_screen_snapshot_at_80x24(snap_compare, demo):
    assert snap_compare(EpisodeTuiApp(demo, start_show_id=1), terminal_size=(80, 24))


async def test_a_bulk_mark_of_a_long_show_redraws_rows_as_they_are_shown(library, data_dir):
    show = library.add_show("The Long Case Files", [120])
    async with open_app(library, start_show_id=show.id) as (app, pilot):
        await step(pilot, "end", "W", "y")
        text = screen_text(app)
        assert "120/120 watched" in text and "· S01E" not in text, "the rows on screen show ✓"
        await step(pilot, "home")
        assert "· S01E" not in screen_text(app) and "✓ S01E01" in screen_text(app).replace("✓S01", "✓ S01")
        await step(pilot, "z")
        assert "0/120 watched" in screen_text(app) and "✓" not in screen_text(app).split("Episode")[1]
    library.close()
    assert not any(_watched(data_dir, show.id))
