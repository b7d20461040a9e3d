"""Everyday use, typed like a person: removing shows and recaps, adding a show by hand
from the search, the palette between shows; then the library reopened to check."""

from __future__ import annotations

import os
import stat

import httpx

from conftest import SECRET, screen_text
from episodetui.core.store import Library
from episodetui.tui.dialogs import AddShowScreen, ConfirmScreen
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.search_dialog import DEBOUNCE_SECONDS, ShowSearchScreen
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import open_app, palette_choices, reopen, run_palette, step, wait_for_workers
from tvmaze_fakes import FakeTvMaze


def flat(app) -> str:
    """What the screen shows, a dialog's wrapped sentences joined: on each line the part
    inside the dialog's border (█ … █) if there is one; line breaks folded."""
    parts = []
    for line in screen_text(app).splitlines():
        if line.count("█") >= 2:
            line = line[line.index("█") + 1 : line.rindex("█")]
        parts.append(line)
    return " ".join(" ".join(parts).split())


def _two_shows(lib: Library) -> None:
    """Harbour Lights (with the hidden SECRET recap) and Paper Lanterns, watched later."""
    lib.add_note(1, "show note")
    lib.add_note(1, "episode note", episode_id=lib.episodes(1)[0].id)
    paper = lib.add_show("Paper Lanterns", [3])
    lib.set_watched(lib.episodes(paper.id)[0].id, True)


async def test_remove_a_show_from_the_library_says_what_goes_and_keeps_a_copy(secret_library, data_dir):
    lib = secret_library
    _two_shows(lib)
    async with open_app(lib) as (app, pilot):
        await pilot.press("s")  # by title: Harbour Lights first
        await step(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(app)
        assert "Remove Harbour Lights from your library?" in text
        assert "With it go 4 episodes, the watch history of 1, 2 notes and 1 recap." in text
        assert SECRET not in text
        await step(pilot, "n")
        assert lib.show_count() == 2
        await step(pilot, "d", "y")
        assert isinstance(app.screen, LibraryScreen)
        text = flat(app)
        assert "Removed Harbour Lights. A copy is in" in text
        assert "Harbour Lights" not in text.split("Removed")[0]
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert [s.title for s in lib.summaries()] == ["Paper Lanterns"]
    [copy] = (data_dir / "removed").iterdir()
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert SECRET in copy.read_text(), "the copy is whole, hidden recap included"
    lib.close()


async def test_remove_the_open_show_from_the_palette_goes_back_to_the_library(secret_library, data_dir):
    lib = secret_library
    _two_shows(lib)
    async with open_app(lib, start_show_id=1, start_episode_id=lib.episodes(1)[1].id) as (app, pilot):
        await step(pilot, "escape")
        assert isinstance(app.screen, ShowScreen)
        await run_palette(pilot, "remove this show", expect="Remove this show…")
        assert isinstance(app.screen, ConfirmScreen)
        await step(pilot, "y")
        assert isinstance(app.screen, LibraryScreen)
        assert [type(s).__name__ for s in app.screen_stack][-1] == "LibraryScreen"
        assert not any(isinstance(s, (ShowScreen, EpisodeScreen)) for s in app.screen_stack)
        assert "Paper Lanterns" in screen_text(app)
    lib = reopen(data_dir, lib)
    assert [s.title for s in lib.summaries()] == ["Paper Lanterns"]
    lib.close()


async def test_remove_a_hidden_recap_shows_only_its_size(secret_library, data_dir):
    lib = secret_library
    second = lib.episodes(1)[1].id
    async with open_app(lib, start_episode_id=second) as (app, pilot):
        await step(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(app)
        assert "Remove the recap of Harbour Lights S01E02 (2 paragraphs, 1 key moment)?" in text
        assert SECRET not in text and "statue" not in text
        await step(pilot, "y")
        text = flat(app)
        assert "Recap removed. A copy is in" in text and "No recap yet" in text
        assert SECRET not in text
        await step(pilot, "x")
        assert isinstance(app.screen, EpisodeScreen)
        assert "This episode has no recap to remove." in screen_text(app)
    lib = reopen(data_dir, lib)
    assert not lib.recap_view(lib.episode(second)).exists
    [copy] = (data_dir / "removed").iterdir()
    assert copy.suffix == ".md" and SECRET in copy.read_text()
    lib.close()


async def test_add_by_hand_from_the_search_at_80x24_typed_like_a_person(library, data_dir):
    fake = FakeTvMaze({"/search/shows": httpx.ConnectError("offline")})
    async with open_app(library, size=(80, 24), tvmaze=fake.client) as (app, pilot):
        await pilot.press("a", *"[bold]Sea[/] 바다")
        await wait_for_workers(pilot, after=DEBOUNCE_SECONDS + 0.1)  # the search as you type
        assert "no network connection" in screen_text(app)
        await step(pilot, "ctrl+n")
        assert isinstance(app.screen, AddShowScreen)
        assert "[bold]Sea[/] 바다" in screen_text(app), "the typed title is carried over"
        await step(pilot, "tab", *"2025", "tab", "2", "tab", *"3, 4")
        focused = app.focused
        assert focused.id == "episodes"
        assert app.screen.region.contains_region(focused.region) and focused.region.height == 3, (
            "the focused field is in view"
        )
        assert "Save (ctrl+s)" in screen_text(app), "the buttons are on screen at 80×24"
        await step(pilot, "ctrl+s")
        assert isinstance(app.screen, LibraryScreen)
        assert "Added [bold]Sea[/] 바다." in screen_text(app)
        await pilot.press("q")
    library = reopen(data_dir, library)
    [summary] = library.summaries()
    assert (summary.title, summary.year, summary.total) == ("[bold]Sea[/] 바다", 2025, 7)
    library.close()


async def test_enter_with_nothing_found_says_so(library):
    fake = FakeTvMaze({"/search/shows": []})
    async with open_app(library, tvmaze=fake.client) as (app, pilot):
        await step(pilot, "a", "enter")
        assert "Type a title first, then Enter." in screen_text(app)
        await pilot.press(*"zzyzx", "enter")
        await wait_for_workers(pilot, after=DEBOUNCE_SECONDS + 0.1)  # the search as you type
        assert "TVmaze has nothing for “zzyzx”" in screen_text(app)
        await step(pilot, "enter")
        assert isinstance(app.screen, ShowSearchScreen)
        assert "Still nothing on TVmaze for “zzyzx”" in screen_text(app)


async def test_palette_open_show_while_a_show_is_open(secret_library):
    lib = secret_library
    _two_shows(lib)
    async with open_app(lib, start_show_id=1, start_episode_id=lib.episodes(1)[0].id) as (app, pilot):
        await run_palette(pilot, "open show paper", expect="Open show: Paper Lanterns")
        assert isinstance(app.screen, ShowScreen) and app.screen.show_id == 2
        assert sum(isinstance(s, ShowScreen) for s in app.screen_stack) == 1
        assert "Paper Lanterns" in screen_text(app)
        await run_palette(pilot, "open show harbour", expect="Open show: Harbour Lights")
        assert isinstance(app.screen, ShowScreen) and app.screen.show_id == 1
        await run_palette(pilot, "open show harbour", expect="Open show: Harbour Lights")
        assert isinstance(app.screen, ShowScreen) and app.screen.show_id == 1
        assert sum(isinstance(s, ShowScreen) for s in app.screen_stack) == 1


async def test_spoiler_mode_entries_show_the_current_mode(secret_library):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        choices = await palette_choices(pilot, "spoiler mode")
        assert "Spoiler mode: recaps, library default (current)" in choices
        assert "Spoiler mode: strict, library default" in choices
        assert "Spoiler mode for this show: strict" in choices
        await pilot.press("escape")
        await run_palette(pilot, "for this show strict", expect="Spoiler mode for this show: strict")
        assert "Spoiler mode for this show: strict." in screen_text(app)
        choices = await palette_choices(pilot, "spoiler mode")
        assert "Spoiler mode for this show: strict (current)" in choices
        assert "Spoiler mode for this show: the library default (recaps)" in choices
        await pilot.press("escape")
    assert secret_library.show(1).spoiler_mode.value == "strict"


async def test_the_footer_fits_at_80_columns_on_every_screen(demo):
    from textual.widgets._footer import FooterKey

    for start in ({}, {"start_show_id": 1}, {"start_episode_id": 1}):
        async with open_app(demo, size=(80, 24), **start) as (app, pilot):
            keys = list(app.screen.query(FooterKey))
            palette = next(k for k in keys if k.has_class("-command-palette"))
            others = [k for k in keys if k is not palette]
            assert len(others) >= 5, type(app.screen).__name__
            for key in others:
                assert key.region.right <= palette.region.x, (type(app.screen).__name__, key.description)
            assert "Help" in [k.description for k in others]


async def test_a_key_bar_too_long_for_a_tiny_terminal_stays_behind_the_palette_hint(demo):
    """At 30 columns the keys are cut at the palette hint; the end of the bar used to show
    through one unpainted cell at the right edge ("^p paletteo")."""
    from textual.widgets._footer import FooterKey

    for start in ({}, {"start_show_id": 1}, {"start_episode_id": 1}):
        async with open_app(demo, size=(30, 8), **start) as (app, pilot):
            await step(pilot)
            palette = next(k for k in app.screen.query(FooterKey) if k.has_class("-command-palette"))
            bar = palette.parent
            assert bar is not None
            assert palette.region.right == bar.region.right, type(app.screen).__name__


async def test_dialog_labels_are_whole_at_100_columns(demo):
    from textual.widgets import Label

    for start, keys in (
        ({}, ("a", "ctrl+n")),
        ({"start_episode_id": 1}, ("n",)),
        ({"start_episode_id": 1}, ("t",)),
    ):
        async with open_app(demo, **start) as (app, pilot):
            await step(pilot, *keys)
            shown = flat(app)
            labels = [str(label.render()) for label in app.screen.query(Label) if label.display]
            assert labels
            for text in labels:
                assert " ".join(text.split()) in shown, text


async def test_a_long_shows_count_is_whole_in_the_library_the_bar_gives_way(library):
    short = library.add_show("Short Story", [12])
    library.watch_through(library.episodes(short.id)[2].id)
    long = library.add_show("The Long Case Files", [1100])
    library.watch_through(library.episodes(long.id)[126].id)
    async with open_app(library, size=(80, 24)) as (app, pilot):
        text = await step(pilot)
        assert "█░░░░░░ 127/1100" in text, "a bar of 7 and the whole count"
        assert "██░░░░░░░░ 3/12" in text, "a short count keeps the bar of 10"
