"""Every dialog at 80×24, the size the README promises: fields, buttons and the focused
field in view. Update after an intended change with
    pytest tests/test_dialog_snapshots.py --snapshot-update
and look at the SVGs."""

from __future__ import annotations

import pytest

from episodetui.tui.app import EpisodeTuiApp

SIZE = (80, 24)


def _first(demo) -> int:
    return demo.episodes(1)[0].id  # watched, with a recap and notes


def _fourth(demo) -> int:
    return demo.episodes(1)[3].id  # unwatched, with a hidden recap


CASES = {
    "note_editor": (lambda d: {"start_episode_id": _first(d)}, ["n"]),
    "note_editor_tab_to_text": (
        lambda d: {"start_episode_id": _first(d)},
        ["n", "1", "2", ":", "3", "4", "tab"],
    ),
    "note_editor_error": (
        lambda d: {"start_episode_id": _first(d)},
        ["n", "9", "9", ":", "9", "9", "tab", "x", "ctrl+s"],
    ),
    "edit_note": (lambda d: {"start_episode_id": _first(d)}, ["e"]),
    "delete_note": (lambda d: {"start_episode_id": _first(d)}, ["d"]),
    "discard_note": (lambda d: {"start_episode_id": _first(d)}, ["n", "x", "escape"]),
    "episode_title": (lambda d: {"start_episode_id": _first(d)}, ["t"]),
    "recap_editor": (lambda d: {"start_episode_id": _first(d)}, ["p"]),
    "blind_paste": (lambda d: {"start_episode_id": _fourth(d)}, ["p"]),
    "reveal": (lambda d: {"start_episode_id": _fourth(d)}, ["r"]),
    "remove_recap": (lambda d: {"start_episode_id": _fourth(d)}, ["x"]),
    "watch_through": (lambda d: {"start_show_id": 1}, ["down", "down", "down", "down", "W"]),
    "remove_show": (lambda d: {}, ["d"]),
    "add_show_search": (lambda d: {}, ["a"]),
    "add_show_by_hand": (lambda d: {}, ["a", "ctrl+n"]),
    "add_show_by_hand_last_field": (lambda d: {}, ["a", "ctrl+n", "tab", "tab", "tab"]),
    "help": (lambda d: {}, ["question_mark"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dialog_at_80x24(snap_compare, demo, name):
    start, keys = CASES[name]

    async def type_keys(pilot) -> None:
        # The screen below (its footer too) is drawn before the dialog opens.
        for _ in range(3):
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        # A dialog fits itself after a refresh (and again when an error line appears).
        for _ in range(5):
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        # A blinking cursor would make the picture depend on timing.
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(EpisodeTuiApp(demo, **start(demo)), terminal_size=SIZE, run_before=type_keys)
