"""When the library refuses a write from the TUI (another program holds the write lock,
the file is read-only, the disk is full), the screen says why in one line, nothing typed
is lost, the app goes on, and nothing half-written is left behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from conftest import screen_text, sql
from episodetui.core.store import Library
from episodetui.tui.dialogs import ConfirmScreen, NoteEditor, TextPrompt
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.library_screen import LibraryScreen
from pilot_helpers import notes_shown, open_app, reopen, run_palette, step, toasts

BUSY = "Another episodetui is writing to the library; try again in a moment"


@contextmanager
def another_writer(library: Library) -> Iterator[None]:
    """Another process in the middle of a long write; the app gives up waiting quickly."""
    sql(library, "PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(library.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_a_note_refused_comes_back_in_its_editor_and_saves_later(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        with another_writer(lib):
            await step(pilot, "n", *"12:34", "tab", *"the lid closes")
            text = await step(pilot, "ctrl+s")
            assert BUSY in toasts(app)
            assert isinstance(app.screen, NoteEditor), "the editor is back with what was typed"
            assert "the lid closes" in text and "12:34" in text
        text = await step(pilot, "ctrl+s")
        assert isinstance(app.screen, EpisodeScreen)
        assert "Note saved." in text and "00:12:34  the lid closes" in notes_shown(app)
        await pilot.press("q")
    assert app.return_code == 0
    lib = reopen(data_dir, lib)
    assert [(n.at_seconds, n.text) for n in lib.episode_notes(episode_id)] == [(754, "the lid closes")]
    lib.close()


async def test_a_rating_and_a_title_refused_say_so_and_change_nothing(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        with another_writer(lib):
            text = await step(pilot, "asterisk", "8", "enter")
            assert BUSY in toasts(app) and "Rated 8/10." not in text
            assert isinstance(app.screen, EpisodeScreen)
            await step(pilot, "t", "end", "ctrl+u", *"Fog")
            text = await step(pilot, "enter")
            assert isinstance(app.screen, TextPrompt), "the title prompt is back with what was typed"
            assert "Fog" in text
            await step(pilot, "escape")
        await pilot.press("q")
    assert app.return_code == 0
    lib = reopen(data_dir, lib)
    assert lib.rating(1, episode_id) is None
    assert lib.episode(episode_id).title != "Fog"
    lib.close()


async def test_removing_a_show_refused_keeps_it_in_the_library(secret_library, data_dir):
    lib = secret_library
    async with open_app(lib) as (app, pilot):
        with another_writer(lib):
            await step(pilot, "d")  # asks first; y removes
            assert isinstance(app.screen, ConfirmScreen)
            text = await step(pilot, "y")
            assert BUSY in toasts(app)
            assert isinstance(app.screen, LibraryScreen)
            assert "Harbour Lights" in text
        await pilot.press("q")
    assert app.return_code == 0
    lib = reopen(data_dir, lib)
    assert lib.show(1).title == "Harbour Lights"
    lib.close()


async def test_spoiler_mode_and_specials_refused_by_palette_are_not_announced(secret_library, data_dir):
    lib = secret_library
    before = (lib.spoiler_mode, lib.show(1).count_specials)
    async with open_app(lib, start_show_id=1) as (app, pilot):
        with another_writer(lib):
            await run_palette(pilot, "spoiler mode strict library", expect="Spoiler mode: strict")
            text = screen_text(app)
            assert BUSY in toasts(app) and "Spoiler mode: strict." not in text
            await run_palette(pilot, "count specials", expect="Count specials")
            assert "Specials now count" not in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 0
    lib = reopen(data_dir, lib)
    assert (lib.spoiler_mode, lib.show(1).count_specials) == before
    lib.close()


async def test_a_recap_import_refused_comes_back_to_its_preview_and_saves_later(secret_library, data_dir):
    from textual import events

    from episodetui.tui.recap_dialogs import RecapPreviewScreen
    from test_recap_import_safety import ARTICLE, no_canary

    lib = secret_library
    episode_id = lib.episodes(1)[2].id  # unwatched, no recap yet
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        await step(pilot, "p")
        app.post_message(events.Paste(ARTICLE))  # the terminal's paste
        await step(pilot, "ctrl+s")
        assert isinstance(app.screen, RecapPreviewScreen)
        with another_writer(lib):
            text = await step(pilot, "y")
            assert BUSY in toasts(app)
            assert isinstance(app.screen, RecapPreviewScreen), "the preview is back: y again saves"
            assert no_canary(text)
        text = await step(pilot, "y")
        assert isinstance(app.screen, EpisodeScreen) and no_canary(text)
        assert "Recap saved to S01E03, hidden until you watch it." in toasts(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert lib.raw_recap(episode_id) is not None
    lib.close()
