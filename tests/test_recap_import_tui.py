"""The import dialog (i) and the paste (p) in the TUI, acted like a person would, with
canary words in the article's headline, body and key moments: nothing of a recap that
would be hidden is ever drawn, at any step; then the library is reopened to check what
the screen said was saved is saved."""

from __future__ import annotations

import codecs
import re

from textual import events
from textual.widgets import Input

from conftest import fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.recap_dialogs import RecapImportScreen, RecapPreviewScreen, looks_like_path
from pilot_helpers import clear_field, tab_to
from test_recap_import_safety import ARTICLE, CANARIES, MOMENT_CANARY, MOMENTS_ONLY, OTHER_SHOW, no_canary

SIZE = (100, 30)


def _harbour(library: Library, watched: int = 0) -> list[int]:
    show = library.add_show("Harbour Lights", [4])
    ids = [e.id for e in library.episodes(show.id)]
    for episode_id in ids[:watched]:
        library.set_watched(episode_id, True)
    return ids


async def _step(pilot, *keys: str) -> str:
    """Press keys one by one; after each, nothing of the hidden recap is on screen."""
    for key in keys or ("",):
        if key:
            await pilot.press(key)
        await pilot.pause()
        text = screen_text(pilot.app)
        assert no_canary(text), (key, [c for c in CANARIES if c in text])
    return screen_text(pilot.app)


def flat(text: str) -> str:
    """Screen text with box drawing removed and wrapped lines joined."""
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", text).split())


def _reopen(data_dir) -> Library:
    return Library.open(data_dir, clock=fixed_clock)


async def test_a_paste_into_the_path_field_goes_to_the_blind_paste(library, data_dir):
    ids = _harbour(library)
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await _step(pilot, "i")
        assert isinstance(app.screen, RecapImportScreen)
        assert app.focused is app.screen.query_one("#path", Input)
        app.post_message(events.Paste(ARTICLE))  # the terminal's paste, to the focused field
        text = await _step(pilot)
        assert app.screen.query_one("#path", Input).value == ""
        assert f"Pasted {len(ARTICLE):,} characters (hidden)" in text
        # a one-line paste that is not a path (the headline alone) is not drawn either
        app.post_message(events.Paste(ARTICLE.splitlines()[0]))
        await _step(pilot)
        assert app.screen.query_one("#path", Input).value == ""
        app.post_message(events.Paste(ARTICLE.split("\n\n", 1)[1]))
        # the source field takes a short line, never an article
        await pilot.press("tab", "tab")
        app.post_message(events.Paste(OTHER_SHOW))
        await _step(pilot)
        app.post_message(events.Paste(ARTICLE.splitlines()[0]))  # a headline is no source
        await _step(pilot)
        assert app.screen.query_one("#source", Input).value == ""
        app.post_message(events.Paste("https://example.invalid/recaps/harbour-lights-2"))
        await pilot.pause()
        assert (
            app.screen.query_one("#source", Input).value == "https://example.invalid/recaps/harbour-lights-2"
        )
        text = await _step(pilot, "ctrl+s")
        assert isinstance(app.screen, RecapPreviewScreen)
        assert "headline hidden" in text and "The headline suggests Harbour Lights S01E02." in text
        text = await _step(pilot, "k")  # keep it raw: still nothing shown
        assert "Read as raw text" in text
        await _step(pilot, "k", "y")
        assert isinstance(app.screen, EpisodeScreen)
    reopened = _reopen(data_dir)
    view = reopened.recap_view(reopened.episode(ids[1]), revealed=True)
    assert view.exists and MOMENT_CANARY in view.recap.key_moments[0].text
    reopened.close()


async def test_a_path_shaped_paste_is_a_path_and_bad_paths_never_echo_text(library, tmp_path):
    ids = _harbour(library)
    article = tmp_path / "recap.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert looks_like_path(str(article)) and not looks_like_path(ARTICLE.splitlines()[0])
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await _step(pilot, "i")
        app.post_message(events.Paste("/no/such/recap.txt"))
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == "/no/such/recap.txt"
        text = await _step(pilot, "ctrl+s")
        assert "No such file: /no/such/recap.txt" in text
        # typed words that are no path: the error does not repeat them
        await clear_field(pilot)  # the path field still has the focus
        await pilot.press(*"my recap notes", "ctrl+s")
        await pilot.pause()
        assert "No such file: that path" in screen_text(app)


async def test_p_on_an_unwatched_episode_reads_the_paste_like_an_import(library, data_dir):
    ids = _harbour(library)
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await _step(pilot, "p")
        assert isinstance(app.screen, RecapImportScreen)
        assert app.focused is app.screen.query_one("#pasted")
        app.post_message(events.Paste(ARTICLE))
        await _step(pilot)
        text = await _step(pilot, "ctrl+s")
        # parsed like an import: the warning dropped, the key moments found
        assert "headline hidden · 1 paragraph, 2 key moments · dropped 1 spoiler warning" in text
        await _step(pilot, "y")
        text = await _step(pilot)
        assert "Recap hidden until you watch this episode (1 paragraph, 2 key moments)" in text
    reopened = _reopen(data_dir)
    recap = reopened.recap_view(reopened.episode(ids[1]), revealed=True).recap
    assert "Spoilers ahead" not in recap.text and len(recap.key_moments) == 2
    reopened.close()


async def test_p_with_keep_raw_keeps_the_text_as_given(library, data_dir):
    ids = _harbour(library)
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await _step(pilot, "p")
        app.post_message(events.Paste(ARTICLE))
        await pilot.pause()
        await tab_to(pilot, "#raw")  # past the source field
        await _step(pilot, "space", "ctrl+s")
        text = await _step(pilot)
        assert "Read as raw text" in text and "0 key moments" in text
        await _step(pilot, "y")
    reopened = _reopen(data_dir)
    recap = reopened.recap_view(reopened.episode(ids[1]), revealed=True).recap
    assert "Spoilers ahead!" in recap.text and recap.key_moments == []
    reopened.close()


async def test_a_headline_naming_another_show_is_not_quoted(library):
    ids = _harbour(library)
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await _step(pilot, "i")
        app.post_message(events.Paste(OTHER_SHOW))
        text = await _step(pilot, "ctrl+s")
        assert "The headline suggests S01E07 of a show that is not in your library." in flat(text)
        await _step(pilot, "escape")


async def test_key_moments_only_saves_and_shows_once_watched(library, data_dir):
    ids = _harbour(library, watched=2)
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        app.post_message(events.Paste(MOMENTS_ONLY))
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "0 paragraphs, 2 key moments" in text and MOMENT_CANARY in text  # watched: shown
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen) and MOMENT_CANARY in screen_text(app)
    reopened = _reopen(data_dir)
    recap = reopened.recap_view(reopened.episode(ids[1])).recap
    assert recap.text == "" and [m.text for m in recap.key_moments][0].startswith(MOMENT_CANARY)
    reopened.close()


async def test_an_undecodable_file_is_one_line_in_the_dialog(library, tmp_path):
    ids = _harbour(library)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00x")
    app = EpisodeTuiApp(library, start_episode_id=ids[1])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.press(*str(bad))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapImportScreen)
        assert "says it is UTF-16 text but is not" in flat(screen_text(app))
        assert not library.recap_view(library.episode(ids[1])).exists
