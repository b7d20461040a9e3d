"""Snapshots of the recap import dialog and its preview at 80x24 (the smallest size the
README promises). Update after an intended change with:
pytest tests/test_recap_import_snapshots.py --snapshot-update"""

from pathlib import Path

from textual import events

from episodetui.tui.app import EpisodeTuiApp

SMALL = (80, 24)
ARTICLE = Path(__file__).parent / "fixtures" / "recaps" / "listicle_numbered_dot.txt"


async def _settle(pilot) -> None:
    """Let the screen below and the dialog's fitting finish, and stop the cursor blinking:
    under load the picture would otherwise depend on timing."""
    for _ in range(3):
        await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def test_import_dialog_after_a_paste_at_80x24(snap_compare, demo):
    fifth = demo.episodes(1)[4].id

    async def paste(pilot):
        await _settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        pilot.app.post_message(events.Paste(ARTICLE.read_text(encoding="utf-8")))
        await pilot.pause()
        await _settle(pilot)

    assert snap_compare(EpisodeTuiApp(demo, start_episode_id=fifth), terminal_size=SMALL, run_before=paste)


def test_preview_of_a_watched_episode_at_80x24(snap_compare, demo):
    first = demo.episodes(1)[0].id

    async def preview(pilot):
        await _settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        pilot.app.post_message(events.Paste(ARTICLE.read_text(encoding="utf-8")))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await _settle(pilot)

    assert snap_compare(EpisodeTuiApp(demo, start_episode_id=first), terminal_size=SMALL, run_before=preview)
