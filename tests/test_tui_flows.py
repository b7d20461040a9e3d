"""Pilot tests: the flows a user goes through, asserting what they would see."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from conftest import SECRET, SECRET_RECAP, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import (
    AddShowScreen,
    ConfirmScreen,
    HelpScreen,
    NoteEditor,
    RecapEditor,
)
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.recap_dialogs import RecapImportScreen, RecapPreviewScreen
from episodetui.tui.row_list import RowList
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import notes_shown, palette_choices, reopen, retype, run_palette, tab_to, toasts, type_text

SIZE = (100, 30)


def _second_episode(lib: Library) -> int:
    return lib.episodes(1)[1].id


async def test_marking_watched_reveals_the_recap(secret_library):
    app = EpisodeTuiApp(secret_library, start_episode_id=_second_episode(secret_library))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        text = screen_text(app)
        assert SECRET not in text
        assert "Recap hidden until you watch this episode (2 paragraphs, 1 key moment)" in text
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(app)
        assert SECRET in text and "Key moments" in text
        await pilot.press("w")  # on a watched episode, w asks: unmark or rewatch
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert SECRET not in screen_text(app)


async def test_reveal_asks_first_and_lasts_until_leaving(secret_library):
    episode_id = _second_episode(secret_library)
    app = EpisodeTuiApp(secret_library, start_show_id=1, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert SECRET not in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen) and SECRET not in screen_text(app)
        await pilot.press("r", "y")
        await pilot.pause()
        assert SECRET in screen_text(app)
        assert not secret_library.episode(episode_id).watched, "revealing is not watching"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        # The show opened on its next episode, episode 2: open it again.
        assert app.screen.highlighted_episode_id() == episode_id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen) and app.screen.episode_id == episode_id
        assert SECRET not in screen_text(app), "the reveal ended when we left"


async def test_add_edit_delete_notes(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        # Words typed in the timestamp field move on to the note; shift+tab goes back.
        await type_text(pilot, "he closes the lid")
        assert app.focused.id == "text"
        await pilot.press("shift+tab")
        await type_text(pilot, "00:41:10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        assert "Note saved." in toasts(app)
        notes = lib.episode_notes(episode_id)
        assert [(n.text, n.at_seconds) for n in notes] == [("he closes the lid", 2470)]
        assert "00:41:10  he closes the lid" in notes_shown(app)

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == "he closes the lid" and app.focused is area
        await type_text(pilot, " on the box")  # the cursor waits at the end
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert lib.episode_notes(episode_id)[0].text == "he closes the lid on the box"
        assert "00:41:10  he closes the lid on the box" in notes_shown(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert [(n.text, n.at_seconds) for n in lib.episode_notes(episode_id)] == [
        ("he closes the lid on the box", 2470)
    ]
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(lib.episode_notes(episode_id)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert lib.episode_notes(episode_id) == []
        assert "No notes yet" in screen_text(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert lib.episode_notes(episode_id) == []
    lib.close()


async def test_bad_timestamp_keeps_the_editor_open(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"keep me")  # words in the timestamp field go to the note
        await pilot.press("shift+tab", *"41 past")
        assert app.screen.query_one("#at", Input).value == "41 past"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "Bad timestamp '41 past'" in screen_text(app)
        assert app.screen.query_one(TextArea).text == "keep me"
        assert lib.episode_notes(episode_id) == []


async def test_leaving_an_unsaved_note_asks(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"draft", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard the unsaved note?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        assert lib.episode_notes(episode_id) == []
        # An untouched editor closes without asking.
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)


async def test_note_spoiler_spans_are_masked_until_v(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    lib.add_note(1, "I bet ||the statue moves||", episode_id=episode_id)
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "statue moves" not in screen_text(app) and "░░░░" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "I bet the statue moves" in screen_text(app)


async def test_show_screen_toggle_and_watch_through(secret_library):
    lib = secret_library
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        assert "1/4 watched" in screen_text(app)
        # The show opens on its next episode, S01E02; w marks it and moves on.
        await pilot.press("w")
        await pilot.pause()
        assert lib.episodes(1)[1].watched
        assert "2/4 watched" in screen_text(app)
        assert app.screen.highlighted_episode_id() == lib.episodes(1)[2].id
        await pilot.press("down", "W")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mark 2 episodes watched, S01E03 through S01E04?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert not lib.episodes(1)[2].watched
        await pilot.press("W", "y")
        await pilot.pause()
        assert all(e.watched for e in lib.episodes(1))
        assert "4/4 watched" in screen_text(app)


async def test_library_sort_filter_and_find(demo):
    app = EpisodeTuiApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.screen.query_one(RowList)

        def titles() -> list[str]:
            return [rows.cells(key)[0].plain.split(" (")[0] for key in rows.keys]

        assert titles()[-1] == "Ledger of Ash", "never-watched shows come last"
        await pilot.press("s")
        assert titles() == sorted(titles(), key=str.casefold)
        await pilot.press("s")
        assert titles()[0] == "Paper Lanterns" and titles()[-1] == "Ledger of Ash"
        await pilot.press("f")
        assert set(titles()) == {"Harbour Lights", "The Quiet Orbit", "바람의 정원"}
        await pilot.press("f")
        assert titles() == ["Ledger of Ash"]
        await pilot.press("f")
        assert titles() == ["Paper Lanterns"]
        await pilot.press("f", "slash", *"orbit")
        await pilot.pause()
        assert titles() == ["The Quiet Orbit"]
        await pilot.press("escape")
        assert len(titles()) == 5


async def test_add_show_by_hand(library, data_dir):
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "Your library is empty" in screen_text(app)
        await pilot.press("a", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AddShowScreen)
        await pilot.press(*"[bold]Sea[/] 바다")
        await pilot.press("tab", "tab", "2", "tab", "3")  # past the year; "1" is selected on focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Added [bold]Sea[/] 바다." in toasts(app)
        assert "[bold]Sea[/] 바다" in screen_text(app)
        await pilot.press("q")
    library = reopen(data_dir, library)
    [summary] = library.summaries()
    assert (summary.title, summary.total) == ("[bold]Sea[/] 바다", 6)
    assert [e.code for e in library.episodes(summary.id)][-1] == "S02E03"
    library.close()


async def test_add_show_rejects_bad_counts(library):
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "ctrl+n", *"Counted")
        await tab_to(pilot, "#seasons")
        await retype(pilot, "2")
        await pilot.press("tab", *"3, 4, 5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AddShowScreen)
        assert "2 seasons but 3 episode counts" in screen_text(app)
        assert library.show_count() == 0


async def test_blind_paste_into_unwatched_episode_never_shows_it(library):
    show = library.add_show("Harbour Lights", [2])
    episode_id = library.episodes(show.id)[0].id
    app = EpisodeTuiApp(library, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        # p on an unwatched episode: the same dialog and preview as an import (issue 8.7)
        assert isinstance(app.screen, RecapImportScreen)
        app.post_message(events.Paste(SECRET_RECAP))  # as a terminal's paste arrives
        await pilot.pause()
        text = screen_text(app)
        assert SECRET not in text and f"Pasted {len(SECRET_RECAP)} characters (hidden)" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecapPreviewScreen) and SECRET not in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        assert SECRET not in screen_text(app)
        assert "Recap hidden until you watch this episode (2 paragraphs" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert SECRET in screen_text(app)


async def test_edit_a_visible_recap(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No recap yet" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        # No recap yet: p takes a paste, read like an import, previewed in full here.
        assert isinstance(app.screen, RecapImportScreen)
        app.post_message(events.Paste("A watched episode's recap.\n\nSecond paragraph."))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecapPreviewScreen) and "Second paragraph." in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert "Second paragraph." in screen_text(app)
        # With a recap there, p edits it.
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, RecapEditor)
        assert app.focused is app.screen.query_one(TextArea)
        await retype(pilot, "Edited.\n\nSecond paragraph, edited.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Second paragraph, edited." in screen_text(app)
        assert "Second paragraph." not in screen_text(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    recap = lib.recap_view(lib.episode(episode_id)).recap
    assert recap.text == "Edited.\n\nSecond paragraph, edited."
    lib.close()


async def test_help_palette_and_quit(secret_library):
    app = EpisodeTuiApp(secret_library, start_episode_id=_second_episode(secret_library))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "every action by name" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in (
            "Mark this episode watched or unwatched",
            "Reveal what is hidden…",
            "New note on this episode…",
            "Edit note…",
            "Delete note…",
            "Paste or edit the recap…",
            "Add a show from TVmaze…",
            "Add a show by hand…",
            "Upcoming episodes",
            "Help",
            "Spoiler mode: strict, library default",
            "Open show: Harbour Lights",
        ):
            assert wanted in titles
        choices = await palette_choices(pilot, "reveal")
        assert choices[0] == "Reveal what is hidden…"
        assert SECRET not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_palette_action_runs_on_the_screen(secret_library):
    app = EpisodeTuiApp(secret_library, start_episode_id=_second_episode(secret_library))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_palette(pilot, "mark this episode", expect="Mark this episode watched or unwatched")
        assert isinstance(app.screen, EpisodeScreen)
        assert secret_library.episodes(1)[1].watched


async def test_strict_mode_hides_titles_in_the_tui(secret_library):
    lib = secret_library
    for episode, title in zip(lib.episodes(1), ["Dawn", "Tide", "Keeper Returns", "Finale"], strict=True):
        lib.update_episode(episode.id, title=title)
    lib.set_setting("spoiler_mode", "strict")
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Tide" in text and "Keeper Returns" not in text and "Finale" not in text
        assert "(title hidden)" in text
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert "Keeper Returns" not in screen_text(app)
        assert "Keeper" not in app.sub_title + app.title


async def test_tiny_terminal_does_not_crash(demo):
    app = EpisodeTuiApp(demo, start_show_id=1, start_episode_id=1)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_every_screen_and_dialog_keeps_the_unwatched_recap_hidden(secret_library):
    """Walk every surface with an unwatched recap in the library: the text never shows."""
    lib = secret_library
    lib.add_note(1, "show note")
    app = EpisodeTuiApp(lib)
    seen = []
    async with app.run_test(size=(120, 36)) as pilot:
        steps = [
            (),
            ("enter",),
            ("down",),
            ("W",),
            ("escape",),
            ("n",),
            ("escape",),
            ("enter",),
            ("p",),
            ("escape",),
            ("n",),
            ("escape",),
            ("t",),
            ("escape",),
            ("question_mark",),
            ("escape",),
            ("ctrl+p",),
            ("escape",),
            ("escape",),
            ("escape",),
            ("a",),
            ("ctrl+n",),
            ("escape",),
            ("c",),
            ("escape",),
            ("slash", "h"),
        ]
        for keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            seen.append(type(app.screen).__name__)
            assert SECRET not in screen_text(app), (keys, seen)
    assert {
        "LibraryScreen",
        "ShowScreen",
        "EpisodeScreen",
        "ConfirmScreen",
        "NoteEditor",
        "RecapImportScreen",
        "TextPrompt",
        "HelpScreen",
        "AddShowScreen",
        "ShowSearchScreen",
        "UpcomingScreen",
    } <= set(seen)


async def test_count_specials_from_the_palette(demo):
    orbit = demo.find_show("The Quiet Orbit")
    app = EpisodeTuiApp(demo, start_show_id=orbit.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "10/16 watched" in screen_text(app)
        command = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Count specials"))
        command.callback()
        await pilot.pause()
        assert "10/18 watched" in screen_text(app)
        assert demo.show(orbit.id).count_specials


async def test_outside_text_is_shown_literally(library):
    show = library.add_show("[bold]Evil[/] \x1b[31m바람의 정원\x1b[0m 🎬", [1])
    episode = library.episodes(show.id)[0]
    library.update_episode(
        episode.id, title="[red]Not red[/] \x1b]0;owned\x07", synopsis="[link=x]click[/link]"
    )
    library.add_note(show.id, "[/] closes nothing \x1b[2J 😀 한국어", episode_id=episode.id, at_seconds=5)
    app = EpisodeTuiApp(library, start_show_id=show.id, start_episode_id=episode.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for literal in (
            "[bold]Evil[/] 바람의 정원 🎬",
            "[red]Not red[/]",
            "[link=x]click[/link]",
            "[/] closes nothing",
            "😀 한국어",
        ):
            assert literal in text, literal
        assert "owned" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert "[red]Not red[/]" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "[bold]Evil[/] 바람의 정원 🎬" in screen_text(app)


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "recaps"
ARTICLE_WORDS = ("umbrella", "salt, rain", "thermos", "spice shelf", "Min-ji hums")


async def test_import_by_paste_into_unwatched_never_shows_the_text(library):
    from episodetui.tui.recap_dialogs import RecapImportScreen, RecapPreviewScreen

    show = library.add_show("Harbour Lights", [3])
    second = library.episodes(show.id)[1]
    article = (FIXTURES / "copied_text.txt").read_text()
    app = EpisodeTuiApp(library, start_episode_id=second.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, RecapImportScreen)
        await tab_to(pilot, "#source")  # a long paste into the source field is not a source
        app.post_message(events.Paste(article))  # as the terminal sends it, to the focused field
        await pilot.pause()
        text = screen_text(app)
        assert f"Pasted {len(article):,} characters (hidden)" in text
        assert not any(word in text for word in ARTICLE_WORDS)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecapPreviewScreen)
        text = screen_text(app)
        assert "headline hidden · 3 paragraphs, 2 key moments · dropped 1 spoiler warning" in text
        assert "The headline suggests Harbour Lights S01E02." in text
        assert not any(word in text for word in ARTICLE_WORDS)
        await pilot.press("y")
        await pilot.pause()
        text = screen_text(app)
        assert "3 paragraphs, 2 key moments" in text and not any(word in text for word in ARTICLE_WORDS)
        assert library.recap_view(library.episode(second.id)).exists
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(app)
        assert "umbrella" in text and "Key moments" in text


async def test_import_from_file_into_watched_previews_the_text_and_offers_the_suggestion(library, data_dir):
    from episodetui.tui.recap_dialogs import RecapPreviewScreen

    show = library.add_show("Harbour Lights", [3])
    first, second, _ = library.episodes(show.id)
    library.watch_through(second.id)
    app = EpisodeTuiApp(library, start_episode_id=first.id)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(FIXTURES / "copied_text.txt"))  # the path field has the focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapPreviewScreen)
        text = screen_text(app)
        assert "headline kept" in text and "umbrella" in text
        assert "The headline suggests Harbour Lights S01E02, not S01E01." in text
        await pilot.press("s")
        await pilot.pause()
        assert library.recap_view(library.episode(second.id)).exists
        assert not library.recap_view(library.episode(first.id)).exists
        await pilot.press("q")
    library = reopen(data_dir, library)
    saved = library.recap_view(library.episode(second.id)).recap
    assert "thermos" in saved.text and "salt, rain" in saved.title and len(saved.key_moments) == 2
    assert not library.recap_view(library.episode(first.id)).exists
    library.close()


async def test_import_preview_hides_text_when_the_suggested_episode_is_unwatched(library, data_dir):
    from episodetui.tui.recap_dialogs import RecapPreviewScreen

    show = library.add_show("Harbour Lights", [3])
    first = library.episodes(show.id)[0]
    library.set_watched(first.id, True)
    app = EpisodeTuiApp(library, start_episode_id=first.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(FIXTURES / "copied_text.txt"))  # the path field has the focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapPreviewScreen)
        assert not any(word in screen_text(app) for word in ARTICLE_WORDS)
        await pilot.press("escape")
        await pilot.pause()
        assert not library.recap_view(library.episode(first.id)).exists
    library = reopen(data_dir, library)
    assert not any(library.recap_view(e).exists for e in library.episodes(show.id))
    library.close()


async def test_import_errors_stay_in_the_dialog(library, tmp_path):
    from episodetui.tui.recap_dialogs import RecapImportScreen

    show = library.add_show("Harbour Lights", [1])
    episode = library.episodes(show.id)[0]
    empty = tmp_path / "empty.txt"
    empty.write_text("More Stories:\n\nRelated\n")
    app = EpisodeTuiApp(library, start_episode_id=episode.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", "ctrl+s")
        await pilot.pause()
        assert "Give a file path, or paste the article." in screen_text(app)
        await pilot.press(*"/no/such/recap.txt", "ctrl+s")
        await pilot.pause()
        assert "No such file: /no/such/recap.txt" in screen_text(app)
        await retype(pilot, str(empty))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecapImportScreen)
        assert "Found no recap text" in screen_text(app)
        assert not library.recap_view(episode).exists
