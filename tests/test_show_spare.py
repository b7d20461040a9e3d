"""The show screen built ahead (show_screen.prepare_spare): the first open of a show is
shown on it. It must look and behave as a new screen would, and show nothing of
another show: titles, progress, spoiler mode, cursor and scroll are the new show's."""

from __future__ import annotations

import pytest

from conftest import fixed_clock, screen_text
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.store import Library
from episodetui.tui import show_screen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.row_list import RowList
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import (
    light_theme,
    nothing,
    open_app,
    palette_choices,
    reopen,
    resize_to_80x24,
    settle,
    step,
)

SIZE = (100, 30)


@pytest.fixture
def two_shows(data_dir) -> Library:
    """Harbour Lights: 4 episodes, strict spoilers, the first watched. Northern Line: 40
    episodes, the first 25 watched (its next episode is below a screenful)."""
    library = Library.open(data_dir, clock=fixed_clock)
    harbour = library.add_show("Harbour Lights", [4], year=2025)
    for episode in library.episodes(harbour.id):
        library.update_episode(episode.id, title=f"Harbour tale {episode.number}")
    library.set_watched(library.episodes(harbour.id)[0].id, True)
    library.set_show_spoiler_mode(harbour.id, SpoilerMode.STRICT)
    northern = library.add_show("Northern Line", [40], year=2024)
    for episode in library.episodes(northern.id):
        library.update_episode(episode.id, title=f"Northern stop {episode.number}")
        if episode.number <= 25:
            library.set_watched(episode.id, True)
    yield library
    library.close()


async def spare_ready(app, pilot) -> ShowScreen:
    """Wait (a bounded number of frames) until the spare show screen is built."""
    for _ in range(200):
        spare = app.__dict__.get("_spare_show_screen")
        if spare is not None and spare.spare_ready:
            return spare
        await pilot.pause(0.02)
    raise AssertionError("no spare show screen was built")


async def open_from_library(app, pilot, title: str) -> None:
    """Move the library's cursor to the show called `title` (Home, then down) and press Enter."""
    assert isinstance(app.screen, LibraryScreen)
    await pilot.press("home")
    for _ in range(len(app.screen.rows) + 1):
        if app.library.show(app.screen.selected_show_id()).title == title:
            break
        await pilot.press("down")
    await step(pilot, "enter")
    assert isinstance(app.screen, ShowScreen) and app.library.show(app.screen.show_id).title == title


def _ids(library: Library, title: str) -> list[int]:
    show = next(s for s in library.summaries() if s.title == title)
    return [e.id for e in library.episodes(show.id)]


async def test_the_first_open_of_a_show_is_on_the_spare_and_shows_only_that_show(two_shows):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        spare = await spare_ready(app, pilot)
        await open_from_library(app, pilot, "Harbour Lights")
        assert app.screen is spare
        harbour = screen_text(app)
        assert "1/4 watched" in harbour and "spoilers: strict" in harbour
        assert "Harbour tale 2" in harbour, "the next episode's title (strict lets it through)"
        assert "Harbour tale 3" not in harbour and "(title hidden)" in harbour
        await step(pilot, "escape")

        spare = await spare_ready(app, pilot)  # a new one: the first was used
        assert spare is not app.get_screen(f"show-{_show_id(app, 'Harbour Lights')}")
        await open_from_library(app, pilot, "Northern Line")
        assert app.screen is spare
        northern = screen_text(app)
        assert "25/40 watched" in northern and "spoilers: recaps" in northern
        assert "Northern stop 30" in northern, "titles are shown in recaps mode"
        assert "Harbour" not in northern and "(title hidden)" not in northern
        assert app.screen.sub_title == "Northern Line"
        # The cursor is on Northern Line's next episode, scrolled to the middle.
        next_id = _ids(two_shows, "Northern Line")[25]
        assert app.screen.highlighted_episode_id() == next_id
        rows = app.screen.query_one("#episodes", RowList)
        assert rows.row_count == 40
        assert 0 < rows.scroll_y <= 25 < rows.scroll_y + rows.size.height - 1
        # Escape lands on the library, on the show that was left.
        await step(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.selected_show_id() == _show_id(app, "Northern Line")


def _show_id(app, title: str) -> int:
    return next(s.id for s in app.library.summaries() if s.title == title)


async def test_a_change_made_on_a_spare_shown_show_stays_after_other_shows(two_shows, data_dir):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        await spare_ready(app, pilot)
        await open_from_library(app, pilot, "Harbour Lights")
        await step(pilot, "w")  # marks Harbour Lights 2, the next
        assert "2/4 watched" in screen_text(app)
        await step(pilot, "escape")
        await spare_ready(app, pilot)
        await open_from_library(app, pilot, "Northern Line")
        assert "25/40 watched" in screen_text(app)
        await step(pilot, "escape")
        await open_from_library(app, pilot, "Harbour Lights")  # its kept screen
        shown = screen_text(app)
        assert "2/4 watched" in shown and "Harbour tale 3" in shown, "the next one now"
        assert app.screen.highlighted_episode_id() == _ids(two_shows, "Harbour Lights")[2]
    library = reopen(data_dir, two_shows)
    harbour = next(s.id for s in library.summaries() if s.title == "Harbour Lights")
    assert [e.watched for e in library.episodes(harbour)] == [True, True, False, False]
    library.close()


async def _first_open_screenshot(library: Library, title: str, spare: bool, before) -> str:  # type: ignore[no-untyped-def]
    async with open_app(library, size=SIZE) as (app, pilot):
        if spare:
            await spare_ready(app, pilot)
        await before(app, pilot)
        await open_from_library(app, pilot, title)
        assert (app.screen.spare_ready) is spare  # shown on the spare, or on a new screen
        await settle(pilot)
        return app.export_screenshot()


@pytest.mark.parametrize(
    "before", [nothing, light_theme, resize_to_80x24], ids=["as-built", "theme", "resize"]
)
async def test_a_show_on_the_spare_looks_as_on_a_new_screen(two_shows, monkeypatch, before):
    on_spare = await _first_open_screenshot(two_shows, "Northern Line", True, before)
    monkeypatch.setattr(show_screen, "prepare_spare", lambda app: None)
    on_new = await _first_open_screenshot(two_shows, "Northern Line", False, before)
    assert on_spare == on_new


async def test_focus_footer_help_and_palette_work_on_a_spare_shown_show(two_shows):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        spare = await spare_ready(app, pilot)
        await open_from_library(app, pilot, "Northern Line")
        assert app.screen is spare
        assert app.focused is app.screen.query_one("#episodes", RowList)
        assert "Watched" in screen_text(app) and "Up to here" in screen_text(app), "the footer"
        await step(pilot, "down", "down")  # the list has the keys
        assert app.screen.highlighted_episode_id() == _ids(two_shows, "Northern Line")[27]
        await step(pilot, "question_mark")
        assert "Up to here" in screen_text(app) and not isinstance(app.screen, ShowScreen)
        await step(pilot, "escape")
        assert app.screen is spare
        choices = await palette_choices(pilot, "highlighted episode")
        assert "Mark the highlighted episode watched or unwatched" in choices
        await step(pilot, "escape")
        assert app.screen is spare and app.focused is app.screen.query_one("#episodes", RowList)


async def test_a_spare_built_before_another_process_wrote_shows_what_it_wrote(two_shows, data_dir):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        spare = await spare_ready(app, pilot)
        other = Library.open(data_dir, clock=fixed_clock)  # the CLI, say
        try:
            other.set_watched(_ids(other, "Northern Line")[25], True)
        finally:
            other.close()
        await open_from_library(app, pilot, "Northern Line")
        assert app.screen is spare
        assert "26/40 watched" in screen_text(app)
        assert app.screen.highlighted_episode_id() == _ids(two_shows, "Northern Line")[26]


async def test_the_spares_timers_firing_while_the_app_closes_do_nothing(two_shows):
    async with open_app(two_shows) as (app, pilot):
        await pilot.pause(1.0)  # idle: the spare is built
        spare = app.__dict__.get("_spare_show_screen")
        assert isinstance(spare, ShowScreen)
    # Its layout and drawing timers can fire once more after the last screen is gone
    # (in the app's context, as a timer's callback runs).
    from textual._context import active_app

    token = active_app.set(app)
    try:
        spare._lay_out_spare()
        spare._draw_spare()
        show_screen.prepare_spare(app)
    finally:
        active_app.reset(token)
