"""Going back to the library from a show: the library, kept under the show's screen,
brings the show's row up to date once the user pauses after a change (drawn off screen),
so Escape only shows it. What the user sees must be the same as when it is done on
Escape: the new progress, the show sorted where it now belongs, the cursor on it."""

from __future__ import annotations

import re

import pytest

from conftest import screen_text
from episodetui.tui.library_screen import PREPARE_QUIET, LibraryScreen
from episodetui.tui.row_list import RowList
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import open_app, reopen, step


def _library_with_four_shows(library) -> None:
    times = iter(["2026-11-20T10:00:00+00:00", "2026-11-22T10:00:00+00:00", "2026-11-21T10:00:00+00:00"])
    for title in ("Alpha", "Bravo", "Charlie", "Delta"):
        show = library.add_show(title, [3])
        if title != "Delta":
            library.add_play(library.episodes(show.id)[0].id, next(times))


def _titles(rows: RowList) -> list[str]:
    return [rows.cells(key)[0].plain.split(" (")[0] for key in rows.keys]


async def test_a_pause_after_w_brings_the_library_up_to_date_under_the_show(library, data_dir):
    _library_with_four_shows(library)
    async with open_app(library) as (app, pilot):
        lib_screen = app.screen
        assert isinstance(lib_screen, LibraryScreen)
        rows = lib_screen.query_one(RowList)
        assert _titles(rows) == ["Bravo", "Charlie", "Alpha", "Delta"]
        await step(pilot, "down", "down", "enter")  # Alpha
        assert isinstance(app.screen, ShowScreen) and app.screen.show_id == 1
        await step(pilot, "w")
        await pilot.pause(PREPARE_QUIET * 3)
        await step(pilot)
        # Still on the show, the library has read and sorted Alpha's new row.
        assert isinstance(app.screen, ShowScreen)
        assert _titles(rows) == ["Alpha", "Bravo", "Charlie", "Delta"]
        assert lib_screen.rows[1].watched == 2
        # ... and drawn it (Textual's compositor, called off screen: a private call).
        assert rows._cache.get((0, True)) is not None, "Alpha's line, with the cursor, drawn ahead"
        text = await step(pilot, "escape")
        assert app.screen is lib_screen
        assert lib_screen.selected_show_id() == 1, "the cursor stays on the show you left"
        alpha_line = next(line for line in text.splitlines() if "Alpha" in line)
        assert "2/3" in alpha_line and "S01E03" in alpha_line
        assert text.index("Alpha") < text.index("Bravo")
    library.close()
    again = reopen(data_dir)
    try:
        assert [e.watched for e in again.episodes(1)] == [True, True, False]
    finally:
        again.close()


async def test_escape_before_the_pause_still_shows_the_change(library):
    _library_with_four_shows(library)
    async with open_app(library) as (app, pilot):
        await step(pilot, "down", "down", "enter")
        await pilot.press("w", "escape")  # no pause between them
        text = await step(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen.selected_show_id() == 1
        alpha_line = next(line for line in text.splitlines() if "Alpha" in line)
        assert "2/3" in alpha_line


async def test_a_resize_under_the_show_is_followed_when_going_back(library):
    _library_with_four_shows(library)
    async with open_app(library) as (app, pilot):
        await step(pilot, "down", "down", "enter")
        await pilot.resize_terminal(70, 20)
        await step(pilot, "w")
        await pilot.pause(PREPARE_QUIET * 3)
        text = await step(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen) and app.screen.size == app.size
        alpha_line = next(line for line in text.splitlines() if "Alpha" in line)
        assert "2/3" in alpha_line and len(alpha_line.rstrip()) <= 70
        assert screen_text(app).index("Alpha") < screen_text(app).index("Bravo")


async def _other_process_watches_bravo(app, pilot, data_dir) -> None:  # type: ignore[no-untyped-def]
    from conftest import fixed_clock
    from episodetui.core.store import Library

    other = Library.open(data_dir, clock=fixed_clock)  # the CLI, say
    try:
        other.set_watched(other.episodes(2)[1].id, True)
    finally:
        other.close()
    await pilot.pause(1.3)  # the TUI looks once a second
    await app.workers.wait_for_complete()
    await step(pilot)


async def _theme(app, pilot, data_dir) -> None:  # type: ignore[no-untyped-def]
    app.theme = "textual-light"
    await step(pilot)


async def _resize(app, pilot, data_dir) -> None:  # type: ignore[no-untyped-def]
    await pilot.resize_terminal(80, 24)
    await step(pilot)


async def _nothing(app, pilot, data_dir) -> None:  # type: ignore[no-untyped-def]
    pass


async def _back_to_the_library(library, data_dir, ahead: bool, before) -> str:  # type: ignore[no-untyped-def]
    _library_with_four_shows(library)
    async with open_app(library) as (app, pilot):
        lib_screen = app.screen
        await step(pilot, "down", "down", "enter")
        await step(pilot, "w")
        await pilot.pause(PREPARE_QUIET * 3)
        await step(pilot)
        assert (lib_screen._frame is not None) is ahead, "the library drawn ahead, under the show"
        await before(app, pilot, data_dir)
        frames: list[str] = []
        display = app._display

        def record(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None and hasattr(renderable, "render_segments"):
                frames.append(renderable.render_segments(app.console))
            display(screen, renderable)

        app._display = record
        await step(pilot, "escape")
        assert app.screen is lib_screen and lib_screen.selected_show_id() == 1
        return frames[0]  # the first frame after Escape: what the user sees first


@pytest.mark.parametrize(
    "before",
    [_nothing, _theme, _resize, _other_process_watches_bravo],
    ids=["as-drawn", "theme", "resize", "other"],
)
async def test_the_library_drawn_ahead_shows_what_a_full_repaint_shows(data_dir, monkeypatch, before):
    from conftest import fixed_clock
    from episodetui.core.store import Library

    ahead = await _back_to_the_library(
        Library.open(data_dir / "a", clock=fixed_clock), data_dir / "a", True, before
    )
    monkeypatch.setattr(LibraryScreen, "draw_ahead", lambda self: None)
    repainted = await _back_to_the_library(
        Library.open(data_dir / "b", clock=fixed_clock), data_dir / "b", False, before
    )
    assert ahead == repainted, "the frame drawn ahead is the one a full repaint draws"
    if before is _other_process_watches_bravo:
        bravo = re.sub(r"\x1b\[[0-9;]*m", "", ahead).split("Bravo")[1][:200]
        assert "2/3" in bravo
