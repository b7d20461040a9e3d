"""Kept screens (tui/kept_screen.py) skip Textual's restyle when shown again: they must
still follow a theme, a resize and a change made while they were away."""

from __future__ import annotations

from conftest import screen_text
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.row_list import RowList
from episodetui.tui.show_screen import ShowScreen

SIZE = (100, 30)


def _rows_background(app) -> str:
    return str(app.screen.query_one("#episodes", RowList).rich_style.bgcolor)


async def test_a_kept_show_screen_follows_a_theme_changed_while_it_was_away(secret_library):
    app = EpisodeTuiApp(secret_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        dark = _rows_background(app)
        await pilot.press("escape")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("enter")  # the same, kept, show screen
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        assert _rows_background(app) != dark, "restyled for the new theme"
        # Shown again with nothing changed, it keeps the light theme's styles.
        light = _rows_background(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert _rows_background(app) == light


async def test_a_kept_show_screen_follows_a_resize_while_it_was_away(secret_library):
    app = EpisodeTuiApp(secret_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        rows = app.screen.query_one("#episodes", RowList)
        assert rows.size.width <= 70 and app.screen.size == app.size
        assert "S01E02" in screen_text(app)
