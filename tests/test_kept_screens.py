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


def _count_restyles(screen) -> list[int]:
    count = [0]
    restyle = screen.update_node_styles

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        count[0] += 1
        return restyle(*args, **kwargs)

    screen.update_node_styles = counted
    return count


async def test_css_of_widgets_a_kept_screen_has_none_of_does_not_restyle_it(secret_library):
    """The statistics screen, built ahead, brings CSS of its own (Sparkline's): a kept show
    screen styled before it need not be styled again; CSS that can apply to it must be."""
    from textual.widgets import Sparkline

    app = EpisodeTuiApp(secret_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ShowScreen)
        await pilot.press("escape")
        await pilot.pause()
        restyles = _count_restyles(screen)
        scoped = ("elsewhere.tcss", "Sparkline.DEFAULT_CSS")
        app.stylesheet.add_source("Sparkline { height: 3; }", read_from=scoped, scope="Sparkline")
        app.stylesheet.reparse()
        assert Sparkline.__name__ in app.stylesheet.source[scoped].scope
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and restyles == [0], "not styled again for a Sparkline's CSS"
        await pilot.press("escape")
        await pilot.pause()
        # An unscoped rule can style any screen: the kept one follows it.
        app.stylesheet.add_source("RowList { background: #102030; }", read_from=("new.tcss", ""))
        app.stylesheet.reparse()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and restyles == [1]
        assert "#102030" in _rows_background(app)
