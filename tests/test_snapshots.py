"""Snapshots of each main screen at 100x30 on the demo library with a fixed clock.

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from episodetui.tui.app import EpisodeTuiApp

SIZE = (100, 30)


def _app(library, **start):
    return EpisodeTuiApp(library, **start)


def test_library_screen(snap_compare, demo):
    assert snap_compare(_app(demo), terminal_size=SIZE)


def test_empty_library_explains_how_to_start(snap_compare, library):
    assert snap_compare(_app(library), terminal_size=SIZE)


def test_show_screen(snap_compare, demo):
    assert snap_compare(_app(demo, start_show_id=1), terminal_size=SIZE)


def test_episode_unwatched_recap_hidden(snap_compare, demo):
    fourth = demo.episodes(1)[3].id
    assert snap_compare(_app(demo, start_show_id=1, start_episode_id=fourth), terminal_size=SIZE)


def test_episode_watched_recap_shown(snap_compare, demo):
    first = demo.episodes(1)[0].id
    assert snap_compare(_app(demo, start_show_id=1, start_episode_id=first), terminal_size=SIZE)


def test_note_editor(snap_compare, demo):
    first = demo.episodes(1)[0].id
    assert snap_compare(_app(demo, start_episode_id=first), terminal_size=SIZE, press=["n"])


def test_library_at_80x24(snap_compare, demo):
    assert snap_compare(_app(demo), terminal_size=(80, 24))


def test_recap_import_preview_of_an_unwatched_episode(snap_compare, demo):
    from pathlib import Path

    article = Path(__file__).parent / "fixtures" / "recaps" / "copied_text.txt"
    fifth = demo.episodes(1)[4].id

    async def import_article(pilot):
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(article), "enter")  # the path field has the focus
        await pilot.pause()

    assert snap_compare(_app(demo, start_episode_id=fifth), terminal_size=SIZE, run_before=import_article)
