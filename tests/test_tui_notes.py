"""Notes as a person uses them: keys only (Tab to move, typed text), several notes, and
the library closed and reopened to check that what the screen said was saved is saved."""

from __future__ import annotations

from conftest import SECRET, fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import ConfirmScreen, NoteEditor
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.notes import NotesList
from pilot_helpers import run_palette, settle

SIZE = (100, 30)


def _reopen(lib: Library, data_dir) -> Library:
    lib.close()
    return Library.open(data_dir, clock=fixed_clock)


def _notes(lib: Library, episode_id: int) -> list[tuple[int | None, str]]:
    return [(n.at_seconds, n.text) for n in lib.episode_notes(episode_id)]


async def test_timestamp_tab_text_ctrl_s_saves_both(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.focused.id == "at", "the editor opens in the field at the top"
        await pilot.press(*"12:34", "tab", *"he closes the lid", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EpisodeScreen)
        assert "Note saved." in screen_text(app)
        assert "00:12:34  he closes the lid" in screen_text(app)
        await pilot.press("q")
    lib = _reopen(lib, data_dir)
    assert _notes(lib, episode_id) == [(754, "he closes the lid")]
    lib.close()


async def test_a_note_typed_straight_away_lands_in_the_text(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n", *"rain on the roof, 3 times", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EpisodeScreen)
    lib = _reopen(lib, data_dir)
    assert _notes(lib, episode_id) == [(None, "rain on the roof, 3 times")]
    lib.close()


async def test_tab_goes_back_and_forth_and_nothing_typed_is_dropped(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n", *"1:02", "tab", *"first", "tab", "tab", *" then more")
        await settle(pilot)
        assert app.focused.id == "text"
        await pilot.press("shift+tab", *"1:05", "ctrl+s")  # the field selects its text on focus
        await settle(pilot)
    assert _notes(lib, episode_id) == [(65, "first then more")]


async def test_e_and_d_act_on_the_highlighted_note_moved_with_j_and_k(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    for at, text in ((100, "the lantern is relit"), (200, "the ferry horn"), (300, "rain on the roof")):
        lib.add_note(1, text, episode_id=episode_id, at_seconds=at)
    other = lib.add_show("Paper Lanterns", [2])
    lib.add_note(other.id, "a note elsewhere", episode_id=lib.episodes(other.id)[0].id)
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        assert notes.highlighted_note.text == "the lantern is relit", "a note is highlighted from the start"
        assert "j/k choose a note" in screen_text(app)

        await pilot.press("j")
        await settle(pilot)
        assert notes.highlighted_note.text == "the ferry horn"
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.focused.id == "text", "editing opens in the text, cursor at its end"
        await pilot.press(*" sounds twice", "ctrl+s")
        await settle(pilot)
        assert "Note updated." in screen_text(app)

        await pilot.press("j", "j", "k")  # down to the last, back up one
        await settle(pilot)
        assert notes.highlighted_note.text == "the ferry horn sounds twice"
        await pilot.press("j", "d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete the note at 00:05:00?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "Note deleted." in screen_text(app)
        await pilot.press("q")
    lib = _reopen(lib, data_dir)
    assert _notes(lib, episode_id) == [(100, "the lantern is relit"), (200, "the ferry horn sounds twice")]
    assert [n.text for n in lib.episode_notes(lib.episodes(other.id)[0].id)] == ["a note elsewhere"]
    lib.close()


async def test_tab_reaches_the_notes_and_arrows_move_between_them(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    for at, text in ((100, "one"), (200, "two")):
        lib.add_note(1, text, episode_id=episode_id, at_seconds=at)
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        notes = app.screen.query_one(NotesList)
        assert app.focused is notes
        await pilot.press("down")
        await settle(pilot)
        item = notes.highlighted_child
        assert item.note.text == "two"
        assert item.region.height and app.screen.region.contains_region(item.region), (
            "the highlighted note is on screen"
        )


async def test_editing_a_note_with_masked_spoilers_asks_first(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    lib.add_note(1, "I bet ||the statue moves||", episode_id=episode_id)
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "statue moves" not in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EpisodeScreen) and "statue moves" not in screen_text(app)
        await pilot.press("e", "y")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor) and "||the statue moves||" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("v", "e")  # revealed with v: no question
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)


async def test_palette_entries_for_notes_say_what_they_do(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    lib.add_note(1, "first", episode_id=episode_id)
    lib.add_note(1, "second", episode_id=episode_id)
    app = EpisodeTuiApp(lib, start_episode_id=episode_id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await run_palette(pilot, "edit note", expect="Edit note…")
        assert isinstance(app.screen, NoteEditor)
        assert "second" in screen_text(app)


async def test_reveal_in_strict_mode_says_what_it_reveals_and_ends_when_unwatched(secret_library):
    lib = secret_library
    second = lib.episodes(1)[1]
    lib.update_episode(second.id, title="The Keeper Returns", synopsis="A stranger at the lighthouse.")
    lib.set_setting("spoiler_mode", "strict")
    lib.set_watched(second.id, True)
    lib.set_watched(second.id, False)  # unwatched again; the next one is still this one
    third = lib.episodes(1)[2]
    lib.update_episode(third.id, title="Low Tide")
    app = EpisodeTuiApp(lib, start_episode_id=third.id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "Low Tide" not in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Reveal the title of S01E03 without marking it watched?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "Low Tide" in screen_text(app)
        await pilot.press(
            "w", "w", "u"
        )  # watched, then unmarked (w on a watched one asks)  # watched, then unwatched: the reveal is over
        await settle(pilot)
        assert "Low Tide" not in screen_text(app)

    app = EpisodeTuiApp(lib, start_episode_id=lib.episodes(1)[3].id)  # no recap, no title
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, EpisodeScreen), "nothing to reveal: no question"
        assert "Nothing is hidden here" in screen_text(app)


async def test_reveal_of_a_recap_names_the_recap_and_its_key_moments(secret_library):
    app = EpisodeTuiApp(secret_library, start_episode_id=secret_library.episodes(1)[1].id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "Reveal the recap and its key moments of S01E02" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert SECRET in screen_text(app)
        await pilot.press("w", "w", "u")  # watched, then unmarked (w on a watched one asks)
        await settle(pilot)
        assert SECRET not in screen_text(app), "unwatching ends the reveal"


def _texts_held(app) -> str:
    """Every piece of text any widget on the screen holds, shown or not."""
    held = []
    for widget in app.screen.walk_children(with_self=True):
        for name in ("content", "renderable", "text", "value"):
            value = getattr(widget, name, None)
            if value is not None and not callable(value):
                held.append(str(value))
        try:
            held.append(str(widget.render()))
        except Exception:
            pass
    return "\n".join(held)


async def test_a_hidden_recap_leaves_no_text_in_any_widget(secret_library):
    app = EpisodeTuiApp(secret_library, start_episode_id=secret_library.episodes(1)[1].id)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert SECRET not in _texts_held(app)
        await pilot.press("w")
        await settle(pilot)
        assert SECRET in _texts_held(app), "the check sees the recap when it is shown"
        await pilot.press("w", "u")  # unmark (w on a watched one asks)
        await settle(pilot)
        assert SECRET not in _texts_held(app)
