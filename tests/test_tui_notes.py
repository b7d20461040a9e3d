"""Notes as a person uses them: keys only (Tab to move, typed text), several notes, and
the library closed and reopened to check that what the screen said was saved is saved."""

from __future__ import annotations

from conftest import SECRET, screen_text
from episodetui.core.store import Library
from episodetui.tui.dialogs import ConfirmScreen, NoteEditor
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.notes import NotesList
from pilot_helpers import notes_shown, open_app, reopen, run_palette, step


def _notes(lib: Library, episode_id: int) -> list[tuple[int | None, str]]:
    return [(n.at_seconds, n.text) for n in lib.episode_notes(episode_id)]


async def test_timestamp_tab_text_ctrl_s_saves_both(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        await step(pilot, "n")
        assert isinstance(app.screen, NoteEditor)
        assert app.focused.id == "at", "the editor opens in the field at the top"
        await step(pilot, *"12:34", "tab", *"he closes the lid", "ctrl+s")
        assert isinstance(app.screen, EpisodeScreen)
        assert "Note saved." in screen_text(app)
        assert "00:12:34  he closes the lid" in notes_shown(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert _notes(lib, episode_id) == [(754, "he closes the lid")]
    lib.close()


async def test_a_note_typed_straight_away_lands_in_the_text(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        await step(pilot, "n", *"rain on the roof, 3 times", "ctrl+s")
        assert isinstance(app.screen, EpisodeScreen)
    lib = reopen(data_dir, lib)
    assert _notes(lib, episode_id) == [(None, "rain on the roof, 3 times")]
    lib.close()


async def test_tab_goes_back_and_forth_and_nothing_typed_is_dropped(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        await step(pilot, "n", *"1:02", "tab", *"first", "tab", "tab", *" then more")
        assert app.focused.id == "text"
        await step(pilot, "shift+tab", *"1:05", "ctrl+s")  # the field selects its text on focus
    assert _notes(lib, episode_id) == [(65, "first then more")]


async def test_e_and_d_act_on_the_highlighted_note_moved_with_j_and_k(secret_library, data_dir):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    for at, text in ((100, "the lantern is relit"), (200, "the ferry horn"), (300, "rain on the roof")):
        lib.add_note(1, text, episode_id=episode_id, at_seconds=at)
    other = lib.add_show("Paper Lanterns", [2])
    lib.add_note(other.id, "a note elsewhere", episode_id=lib.episodes(other.id)[0].id)
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        notes = app.screen.query_one(NotesList)
        assert notes.highlighted_note.text == "the lantern is relit", "a note is highlighted from the start"
        assert "j/k choose a note" in screen_text(app)

        await step(pilot, "j")
        assert notes.highlighted_note.text == "the ferry horn"
        await step(pilot, "e")
        assert isinstance(app.screen, NoteEditor)
        assert app.focused.id == "text", "editing opens in the text, cursor at its end"
        await step(pilot, *" sounds twice", "ctrl+s")
        assert "Note updated." in screen_text(app)

        await step(pilot, "j", "j", "k")  # down to the last, back up one
        assert notes.highlighted_note.text == "the ferry horn sounds twice"
        await step(pilot, "j", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete the note at 00:05:00?" in screen_text(app)
        await step(pilot, "y")
        assert "Note deleted." in screen_text(app)
        await pilot.press("q")
    lib = reopen(data_dir, lib)
    assert _notes(lib, episode_id) == [(100, "the lantern is relit"), (200, "the ferry horn sounds twice")]
    assert [n.text for n in lib.episode_notes(lib.episodes(other.id)[0].id)] == ["a note elsewhere"]
    lib.close()


async def test_tab_reaches_the_notes_and_arrows_move_between_them(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    for at, text in ((100, "one"), (200, "two")):
        lib.add_note(1, text, episode_id=episode_id, at_seconds=at)
    async with open_app(lib, start_episode_id=episode_id, size=(80, 24)) as (app, pilot):
        await step(pilot, "tab")
        notes = app.screen.query_one(NotesList)
        assert app.focused is notes
        await step(pilot, "down")
        item = notes.highlighted_child
        assert item.note.text == "two"
        assert item.region.height and app.screen.region.contains_region(item.region), (
            "the highlighted note is on screen"
        )


async def test_editing_a_note_with_masked_spoilers_asks_first(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    lib.add_note(1, "I bet ||the statue moves||", episode_id=episode_id)
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
        await step(pilot, "e")
        assert isinstance(app.screen, ConfirmScreen)
        assert "statue moves" not in screen_text(app)
        await step(pilot, "n")
        assert isinstance(app.screen, EpisodeScreen) and "statue moves" not in screen_text(app)
        await step(pilot, "e", "y")
        assert isinstance(app.screen, NoteEditor) and "||the statue moves||" in screen_text(app)
        await step(pilot, "escape")
        await step(pilot, "v", "e")  # revealed with v: no question
        assert isinstance(app.screen, NoteEditor)


async def test_palette_entries_for_notes_say_what_they_do(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    lib.add_note(1, "first", episode_id=episode_id)
    lib.add_note(1, "second", episode_id=episode_id)
    async with open_app(lib, start_episode_id=episode_id) as (app, pilot):
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
    async with open_app(lib, start_episode_id=third.id) as (app, pilot):
        assert "Low Tide" not in screen_text(app)
        await step(pilot, "r")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Reveal the title of S01E03 without marking it watched?" in screen_text(app)
        await step(pilot, "y")
        assert "Low Tide" in screen_text(app)
        await step(
            pilot, "w", "w", "u"
        )  # watched, then unmarked (w on a watched one asks): the reveal is over
        assert "Low Tide" not in screen_text(app)

    fourth = lib.episodes(1)[3].id  # no recap, no title
    async with open_app(lib, start_episode_id=fourth) as (app, pilot):
        await step(pilot, "r")
        assert isinstance(app.screen, EpisodeScreen), "nothing to reveal: no question"
        assert "Nothing is hidden here" in screen_text(app)


async def test_reveal_of_a_recap_names_the_recap_and_its_key_moments(secret_library):
    async with open_app(secret_library, start_episode_id=secret_library.episodes(1)[1].id) as (app, pilot):
        await step(pilot, "r")
        assert "Reveal the recap and its key moments of S01E02" in screen_text(app)
        await step(pilot, "y")
        assert SECRET in screen_text(app)
        await step(pilot, "w", "w", "u")  # watched, then unmarked (w on a watched one asks)
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
    async with open_app(secret_library, start_episode_id=secret_library.episodes(1)[1].id) as (app, pilot):
        assert SECRET not in _texts_held(app)
        await step(pilot, "w")
        assert SECRET in _texts_held(app), "the check sees the recap when it is shown"
        await step(pilot, "w", "u")  # unmark (w on a watched one asks)
        assert SECRET not in _texts_held(app)


async def test_a_long_note_wraps_under_its_own_text_and_is_read_to_the_end(secret_library):
    lib = secret_library
    episode_id = lib.episodes(1)[0].id
    long = "the keeper's log names a second lighthouse further down the coast, " * 2 + "ENDWORD"
    lib.add_note(1, long, episode_id=episode_id, at_seconds=125)
    async with open_app(lib, size=(80, 24), start_episode_id=episode_id) as (app, pilot):
        text = await step(pilot, "j")
        assert "ENDWORD" in text, "the end of a long note is on screen"
        rows = notes_shown(app).splitlines()
        assert len(rows) >= 2 and rows[0].startswith("00:02:05  the keeper's log")
        assert rows[-1].endswith("ENDWORD")
        assert all(row.startswith(" " * 10) and row[10] != " " for row in rows[1:]), rows
