"""The first frame: what start-up does before the library is on screen, and what it leaves
for later. (How long it takes is measured by bench/compare_start.py, never asserted.)"""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from episodetui.tui.key_bar import KeyBar
from episodetui.tui.library_screen import LibraryScreen
from pilot_helpers import open_app, settle


async def test_the_library_is_composed_with_its_data(demo, monkeypatch):
    """The status line and the rows are read before the widgets are made: a status
    line filled in on_mount missed the first frame (drawn again a frame later)."""
    seen: list[str] = []
    original = LibraryScreen.on_mount

    def on_mount(screen: LibraryScreen) -> None:
        seen.append(str(screen.query_one("#status-line", Static).content))
        original(screen)

    monkeypatch.setattr(LibraryScreen, "on_mount", on_mount)
    async with open_app(demo) as (app, _pilot):
        assert seen and "5 shows · sorted by recently watched" in seen[0]
        assert "5 shows · sorted by recently watched" in str(
            app.screen.query_one("#status-line", Static).content
        )
        assert app.screen.focused is app.screen.query_one("#shows")  # no detour by #find


async def test_the_footer_keys_are_built_without_restyling(demo, monkeypatch):
    """Textual's FooterKey starts compact and its footer binds it back to the footer's
    (not compact): two restyles per key at start-up. KeyBar sets the value before the
    key is mounted. This fails if Textual's FooterKey or its compact class change."""
    restyled: list[str] = []
    original = App.update_styles

    def update_styles(app: App, node, animate: bool = True) -> None:  # type: ignore[no-untyped-def]
        if isinstance(node, FooterKey):
            restyled.append(node.key)
        original(app, node, animate)

    monkeypatch.setattr(App, "update_styles", update_styles)
    async with open_app(demo) as (app, pilot):
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        keys = list(bar.query(FooterKey))
        assert {key.description for key in keys} >= {"Add show", "Sort", "Find", "Stats"}
        assert restyled == []
        for key in keys:
            if key.has_class("-command-palette"):  # not bound to the footer: as Textual makes it
                assert key.compact and key.has_class("-compact")
            else:
                assert key.compact is bar.compact is False and not key.has_class("-compact")
