"""Everyday use, typed like a person: removing shows and recaps, adding a show by hand
from the search, the palette between shows; then the library reopened to check."""

from __future__ import annotations

import os
import stat

import httpx

from conftest import SECRET, fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import AddShowScreen, ConfirmScreen
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.search_dialog import DEBOUNCE_SECONDS, ShowSearchScreen
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import palette_choices, run_palette, settle
from tvmaze_fakes import FakeTvMaze

SIZE = (100, 30)


def flat(app) -> str:
    """What the screen shows, a dialog's wrapped sentences joined: on each line the part
    inside the dialog's border (█ … █) if there is one; line breaks folded."""
    parts = []
    for line in screen_text(app).splitlines():
        if line.count("█") >= 2:
            line = line[line.index("█") + 1 : line.rindex("█")]
        parts.append(line)
    return " ".join(" ".join(parts).split())


def _reopen(lib: Library, data_dir) -> Library:
    lib.close()
    return Library.open(data_dir, clock=fixed_clock)


def _two_shows(lib: Library) -> None:
    """Harbour Lights (with the hidden SECRET recap) and Paper Lanterns, watched later."""
    lib.add_note(1, "show note")
    lib.add_note(1, "episode note", episode_id=lib.episodes(1)[0].id)
    paper = lib.add_show("Paper Lanterns", [3])
    lib.set_watched(lib.episodes(paper.id)[0].id, True)


async def test_remove_a_show_from_the_library_says_what_goes_and_keeps_a_copy(secret_library, data_dir):
    lib = secret_library
    _two_shows(lib)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("s")  # by title: Harbour Lights first
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(app)
        assert "Remove Harbour Lights from your library?" in text
        assert "With it go 4 episodes, the watch history of 1, 2 notes and 1 recap." in text
        assert SECRET not in text
        await pilot.press("n")
        await settle(pilot)
        assert lib.show_count() == 2
        await pilot.press("d", "y")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        text = flat(app)
        assert "Removed Harbour Lights. A copy is in" in text
        assert "Harbour Lights" not in text.split("Removed")[0]
        await pilot.press("q")
    lib = _reopen(lib, data_dir)
    assert [s.title for s in lib.summaries()] == ["Paper Lanterns"]
    [copy] = (data_dir / "removed").iterdir()
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert SECRET in copy.read_text(), "the copy is whole, hidden recap included"
    lib.close()


async def test_remove_the_open_show_from_the_palette_goes_back_to_the_library(secret_library, data_dir):
    lib = secret_library
    _two_shows(lib)
    app = EpisodeTuiApp(lib, start_show_id=1, start_episode_id=lib.episodes(1)[1].id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ShowScreen)
        await run_palette(pilot, "remove this show", expect="Remove this show…")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert [type(s).__name__ for s in app.screen_stack][-1] == "LibraryScreen"
        assert not any(isinstance(s, (ShowScreen, EpisodeScreen)) for s in app.screen_stack)
        assert "Paper Lanterns" in screen_text(app)
    lib = _reopen(lib, data_dir)
    assert [s.title for s in lib.summaries()] == ["Paper Lanterns"]
    lib.close()


async def test_remove_a_hidden_recap_shows_only_its_size(secret_library, data_dir):
    lib = secret_library
    second = lib.episodes(1)[1].id
    app = EpisodeTuiApp(lib, start_episode_id=second)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        text = flat(app)
        assert "Remove the recap of Harbour Lights S01E02 (2 paragraphs, 1 key moment)?" in text
        assert SECRET not in text and "statue" not in text
        await pilot.press("y")
        await settle(pilot)
        text = flat(app)
        assert "Recap removed. A copy is in" in text and "No recap yet" in text
        assert SECRET not in text
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, EpisodeScreen)
        assert "This episode has no recap to remove." in screen_text(app)
    lib = _reopen(lib, data_dir)
    assert not lib.recap_view(lib.episode(second)).exists
    [copy] = (data_dir / "removed").iterdir()
    assert copy.suffix == ".md" and SECRET in copy.read_text()
    lib.close()


async def test_add_by_hand_from_the_search_at_80x24_typed_like_a_person(library, data_dir):
    fake = FakeTvMaze({"/search/shows": httpx.ConnectError("offline")})
    app = EpisodeTuiApp(library, tvmaze=fake.client)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a", *"[bold]Sea[/] 바다")
        await pilot.pause(DEBOUNCE_SECONDS + 0.1)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "no network connection" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, AddShowScreen)
        assert "[bold]Sea[/] 바다" in screen_text(app), "the typed title is carried over"
        await pilot.press("tab", *"2025", "tab", "2", "tab", *"3, 4")
        await settle(pilot)
        focused = app.focused
        assert focused.id == "episodes"
        assert app.screen.region.contains_region(focused.region) and focused.region.height == 3, (
            "the focused field is in view"
        )
        assert "Save (ctrl+s)" in screen_text(app), "the buttons are on screen at 80×24"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "Added [bold]Sea[/] 바다." in screen_text(app)
        await pilot.press("q")
    library = _reopen(library, data_dir)
    [summary] = library.summaries()
    assert (summary.title, summary.year, summary.total) == ("[bold]Sea[/] 바다", 2025, 7)
    library.close()


async def test_enter_with_nothing_found_says_so(library):
    fake = FakeTvMaze({"/search/shows": []})
    app = EpisodeTuiApp(library, tvmaze=fake.client)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        assert "Type a title first, then Enter." in screen_text(app)
        await pilot.press(*"zzyzx", "enter")
        await pilot.pause(DEBOUNCE_SECONDS + 0.1)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "TVmaze has nothing for “zzyzx”" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ShowSearchScreen)
        assert "Still nothing on TVmaze for “zzyzx”" in screen_text(app)


async def test_palette_open_show_while_a_show_is_open(secret_library):
    lib = secret_library
    _two_shows(lib)
    app = EpisodeTuiApp(lib, start_show_id=1, start_episode_id=lib.episodes(1)[0].id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
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
    app = EpisodeTuiApp(secret_library, start_show_id=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
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
        app = EpisodeTuiApp(demo, **start)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            keys = list(app.screen.query(FooterKey))
            palette = next(k for k in keys if k.has_class("-command-palette"))
            others = [k for k in keys if k is not palette]
            assert len(others) >= 5, type(app.screen).__name__
            for key in others:
                assert key.region.right <= palette.region.x, (type(app.screen).__name__, key.description)
            assert "Help" in [k.description for k in others]


async def test_dialog_labels_are_whole_at_100_columns(demo):
    from textual.widgets import Label

    for start, keys in (
        ({}, ("a", "ctrl+n")),
        ({"start_episode_id": 1}, ("n",)),
        ({"start_episode_id": 1}, ("t",)),
    ):
        app = EpisodeTuiApp(demo, **start)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)
            shown = flat(app)
            labels = [str(label.render()) for label in app.screen.query(Label) if label.display]
            assert labels
            for text in labels:
                assert " ".join(text.split()) in shown, text
