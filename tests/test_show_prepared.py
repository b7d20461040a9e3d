"""The screen of the show the library's cursor rests on, built ahead off screen
(show_screen.prepare_open): Enter on that show shows it at once. It must look and behave
as a new screen would, be used only for its own show, and only if nothing changed since
it was read."""

from __future__ import annotations

import pytest

from conftest import fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui import show_screen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import light_theme, nothing, open_app, resize_to_80x24, settle, step

SIZE = (100, 30)


@pytest.fixture
def two_shows(data_dir) -> Library:
    """Harbour Lights: 4 episodes, the first watched, watched last (first in the
    library). Northern Line: 40 episodes, the first 25 watched."""
    library = Library.open(data_dir, clock=fixed_clock)
    northern = library.add_show("Northern Line", [40], year=2024)
    for episode in library.episodes(northern.id):
        library.update_episode(episode.id, title=f"Northern stop {episode.number}")
        if episode.number <= 25:
            library.add_play(episode.id, "2026-11-01T10:00:00+00:00")
    harbour = library.add_show("Harbour Lights", [4], year=2025)
    for episode in library.episodes(harbour.id):
        library.update_episode(episode.id, title=f"Harbour tale {episode.number}")
    library.add_play(library.episodes(harbour.id)[0].id, "2026-11-10T10:00:00+00:00")
    yield library
    library.close()


async def built_for(app, pilot, title: str) -> ShowScreen:
    """Wait (a bounded number of frames) until a screen is built ahead for `title`."""
    for _ in range(300):
        prepared = app.__dict__.get(show_screen.PREPARED)
        if prepared is not None and prepared.spare_ready:
            assert app.library.show(prepared.show_id).title == title
            return prepared
        await pilot.pause(0.02)
    raise AssertionError(f"no screen was built ahead for {title}")


def _titles(app) -> list[str]:
    return [s.title for s in app.library.summaries()]


async def test_enter_on_the_show_the_cursor_rests_on_shows_the_screen_built_for_it(two_shows):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        assert app.library.show(app.screen.selected_show_id()).title == "Harbour Lights"
        await step(pilot, "down")  # Northern Line, and rest there
        prepared = await built_for(app, pilot, "Northern Line")
        await step(pilot, "enter")
        assert app.screen is prepared
        text = screen_text(app)
        assert "25/40 watched" in text and "Northern stop 26" in text and "Harbour" not in text
        assert app.screen.sub_title == "Northern Line"
        northern = next(s.id for s in app.library.summaries() if s.title == "Northern Line")
        assert app.screen.highlighted_episode_id() == app.library.episodes(northern)[25].id
        await step(pilot, "w")
        assert "26/40 watched" in screen_text(app)
        await step(pilot, "escape")
        assert isinstance(app.screen, LibraryScreen) and app.screen.selected_show_id() == northern


async def test_moving_on_before_the_rest_opens_the_other_show_elsewhere(two_shows):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        harbour = await built_for(app, pilot, "Harbour Lights")  # where the cursor starts
        await pilot.press("down", "enter")  # no pause: Northern Line
        await settle(pilot)
        assert isinstance(app.screen, ShowScreen) and app.screen is not harbour
        text = screen_text(app)
        assert "25/40 watched" in text and "Harbour" not in text
        assert app.screen.sub_title == "Northern Line"


async def test_a_change_after_it_was_built_is_shown(two_shows, data_dir):
    async with open_app(two_shows, size=SIZE) as (app, pilot):
        await step(pilot, "down")
        prepared = await built_for(app, pilot, "Northern Line")
        other = Library.open(data_dir, clock=fixed_clock)  # the CLI, say
        try:
            northern = next(s.id for s in other.summaries() if s.title == "Northern Line")
            other.set_watched(other.episodes(northern)[25].id, True)
        finally:
            other.close()
        await step(pilot, "enter")
        assert isinstance(app.screen, ShowScreen) and app.screen is not prepared
        assert "26/40 watched" in screen_text(app)
        assert app.screen.highlighted_episode_id() == two_shows.episodes(northern)[26].id


async def _open_northern(library: Library, ahead: bool, before) -> str:  # type: ignore[no-untyped-def]
    async with open_app(library, size=SIZE) as (app, pilot):
        await step(pilot, "down")
        if ahead:
            prepared = await built_for(app, pilot, "Northern Line")
        await before(app, pilot)
        await step(pilot, "enter")
        assert (app.screen is prepared) if ahead else isinstance(app.screen, ShowScreen)
        await settle(pilot)
        return app.export_screenshot()


@pytest.mark.parametrize(
    "before", [nothing, light_theme, resize_to_80x24], ids=["as-built", "theme", "resize"]
)
async def test_a_show_on_the_screen_built_ahead_looks_as_on_a_new_screen(two_shows, monkeypatch, before):
    ahead = await _open_northern(two_shows, True, before)
    monkeypatch.setattr(show_screen, "prepare_open", lambda app, show_id: None)
    monkeypatch.setattr(show_screen, "prepare_spare", lambda app: None)
    new = await _open_northern(two_shows, False, before)
    assert ahead == new


async def test_its_timers_firing_while_the_app_closes_do_nothing(two_shows):
    async with open_app(two_shows) as (app, pilot):
        prepared = await built_for(app, pilot, "Harbour Lights")
    from textual._context import active_app

    token = active_app.set(app)
    try:
        prepared._lay_out_prepared()
        prepared._draw_prepared()
        show_screen.prepare_open(app, prepared.show_id)
    finally:
        active_app.reset(token)


def _record_first_frame(app) -> list[str]:
    frames: list[str] = []
    display = app._display

    def record(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and hasattr(renderable, "render_segments"):
            frames.append(renderable.render_segments(app.console))
        display(screen, renderable)

    app._display = record
    return frames


async def _another_process_watches(app, pilot) -> None:  # type: ignore[no-untyped-def]
    other = Library.open(app.library.path.parent, clock=fixed_clock)
    try:
        northern = next(s.id for s in other.summaries() if s.title == "Northern Line")
        other.set_watched(other.episodes(northern)[30].id, True)
    finally:
        other.close()
    await pilot.pause(1.3)  # the TUI looks once a second
    await app.workers.wait_for_complete()
    await settle(pilot)


async def _first_frame_of_northern(library: Library, again: bool, before) -> str:  # type: ignore[no-untyped-def]
    async with open_app(library, size=SIZE) as (app, pilot):
        await step(pilot, "down")
        prepared = await built_for(app, pilot, "Northern Line")
        if again:
            await step(pilot, "enter", "w", "down", "escape")
            await pilot.pause(0.5)
            await pilot.pause(show_screen.DRAW_AHEAD_AFTER * 2)
            await settle(pilot)
        await before(app, pilot)
        frames = _record_first_frame(app)
        await step(pilot, "enter")
        # On the screen built ahead, unless the library changed since it was built.
        assert (app.screen is prepared) is (before is not _another_process_watches or again)
        assert "Northern Line" in screen_text(app)
        return frames[0]


@pytest.mark.parametrize("again", [False, True], ids=["first-open", "opened-again"])
@pytest.mark.parametrize(
    "before",
    [nothing, light_theme, resize_to_80x24, _another_process_watches],
    ids=["as-drawn", "theme", "resize", "other"],
)
async def test_the_frame_drawn_ahead_is_the_one_a_full_repaint_draws(data_dir, monkeypatch, again, before):
    def library(name: str) -> Library:
        built = Library.open(data_dir / name, clock=fixed_clock)
        northern = built.add_show("Northern Line", [40], year=2024)
        for episode in built.episodes(northern.id)[:25]:
            built.add_play(episode.id, "2026-11-01T10:00:00+00:00")
        harbour = built.add_show("Harbour Lights", [4], year=2025)
        built.add_play(built.episodes(harbour.id)[0].id, "2026-11-10T10:00:00+00:00")
        return built

    shown: list[bool] = []
    show_drawn_ahead = ShowScreen.show_drawn_ahead

    def spy(self, event) -> bool:  # type: ignore[no-untyped-def]
        shown.append(show_drawn_ahead(self, event))
        return shown[-1]

    monkeypatch.setattr(ShowScreen, "show_drawn_ahead", spy)
    ahead = await _first_frame_of_northern(library("a"), again, before)
    if before is nothing:  # opened again: its kept screen's frame drawn ahead is shown
        assert shown[-1] is again
    monkeypatch.setattr(ShowScreen, "show_drawn_ahead", lambda self, event: False)
    repainted = await _first_frame_of_northern(library("b"), again, before)
    assert ahead == repainted
