"""The first frame: what start-up does before the library is on screen, and what it leaves
for later. (How long it takes is measured by bench/compare_start.py, never asserted.)"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys

import pytest
from textual.app import App
from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey

from episodetui import cli
from episodetui.tui import library_screen
from episodetui.tui.key_bar import KeyBar
from episodetui.tui.library_screen import LibraryScreen
from pilot_helpers import open_app, settle


async def test_the_library_is_composed_with_its_data(demo, monkeypatch):
    """The status line and the rows are read before the widgets are made: a status
    line filled in on_mount missed the first frame (drawn again a frame later)."""
    seen: list[str] = []
    finds: list[int] = []
    original = LibraryScreen.on_mount

    def on_mount(screen: LibraryScreen) -> None:
        seen.append(str(screen.query_one("#status-line", Static).content))
        finds.append(len(screen.query("#find")))
        original(screen)

    monkeypatch.setattr(LibraryScreen, "on_mount", on_mount)
    async with open_app(demo) as (app, _pilot):
        assert seen and "5 shows · sorted by recently watched" in seen[0]
        assert finds == [0]  # the find field is made after the first frame
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


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], {"command": None, "demo": False}),
        (["--data-dir", "/x"], {"command": None, "data_dir": "/x"}),
        (["--data-dir=/x", "--config", "c.toml"], {"data_dir": "/x", "config": "c.toml"}),
        (["--demo"], {"command": None, "demo": True}),
    ],
)
def test_arguments_naming_no_command_open_the_tui_without_the_commands_parsers(arguments, expected):
    args = cli._tui_arguments(arguments)
    assert args is not None
    assert {key: getattr(args, key) for key in expected} == expected
    # The full parser reads them the same way.
    full = cli.build_parser().parse_args(arguments)
    assert {key: getattr(full, key) for key in expected} == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["list"],
        ["--data-dir", "/x", "list", "--json"],
        ["-h"],
        ["--he"],
        ["--bogus"],
        ["--data-dir"],
        ["--d", "x"],
    ],
)
def test_anything_else_goes_to_the_full_parser(arguments):
    assert cli._tui_arguments(arguments) is None


def test_the_tui_parser_has_every_top_level_option_of_the_full_parser():
    def options(parser) -> set[str]:  # type: ignore[no-untyped-def]
        return {
            option
            for action in parser._actions  # argparse has no public list of its options
            if not isinstance(action, argparse._SubParsersAction)
            for option in action.option_strings
        }

    assert options(cli.build_parser()) - {"-h", "--help"} == options(cli._tui_parser())


def test_opening_the_tui_imports_no_command_module(tmp_path):
    """Checked in a fresh interpreter: the TUI's start loads none of the commands' modules."""
    script = f"""
import sys
import episodetui.cli as cli
import episodetui.cli.common as common
common.run_tui = lambda library, **options: 0
assert cli.main(["--data-dir", {str(tmp_path)!r}]) == 0
loaded = sorted(name for name in sys.modules if name.startswith("episodetui.cli."))
assert loaded == ["episodetui.cli.common"], loaded
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_no_garbage_collection_until_the_first_frame(data_dir, monkeypatch):
    """`episodetui` turns the collector off while it starts; tune_gc (after the first
    frame) turns it back on, and so does the app's end when it comes first."""
    from episodetui.cli.common import run_tui
    from episodetui.core.store import Library
    from episodetui.tui.app import EpisodeTuiApp

    enabled_while_running: list[bool] = []
    monkeypatch.setattr(EpisodeTuiApp, "run", lambda app: enabled_while_running.append(gc.isenabled()))
    monkeypatch.setattr(library_screen, "TUNE_GC_AFTER_FIRST_FRAME", False)
    library = Library.open(data_dir)
    try:
        assert run_tui(library) == 0
    finally:
        library.close()
        gc.enable()
    assert enabled_while_running == [False] and gc.isenabled()
    gc.disable()
    try:
        library_screen.tune_gc()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_find_field_is_made_once_the_app_is_idle(demo):
    async with open_app(demo) as (app, pilot):
        await pilot.pause(0.6)  # the warm-up, 0.3 s after the first frame
        find = app.screen.query_one("#find", Input)
        assert not find.display and app.screen.focused is app.screen.query_one("#shows")
        await pilot.press("slash", "h")
        await settle(pilot)
        assert app.screen.query_one("#find", Input) is find and find.value == "h"


async def test_a_find_before_the_warm_up_makes_the_field_itself(demo):
    """Keys typed right after / reach the field, even when / comes before the app made it."""
    async with open_app(demo) as (app, pilot):
        screen = app.screen
        cursor = screen.query_one("#shows").cursor
        await pilot.press("slash", *"orbit")  # no pause between the keys
        await settle(pilot)
        find = screen.query_one("#find", Input)
        assert find.value == "orbit" and screen.focused is find
        assert screen.query_one("#shows").cursor == cursor  # no letter moved the list
        assert "1 of 5 shows" in str(screen.query_one("#status-line", Static).content)
        await pilot.press("escape")
        await settle(pilot)
        assert not find.display and screen.focused is screen.query_one("#shows")
        await pilot.press("slash", "h")  # made once, shown again
        await settle(pilot)
        assert screen.query_one("#find", Input) is find and find.value == "h"


def test_list_prints_without_the_json_models(tmp_path):
    """`episodetui list` prints from the views; pydantic (~100 ms to import) is for --json."""
    script = f"""
import sys
from episodetui.cli import main
from episodetui.core.store import Library
library = Library.open({str(tmp_path)!r})
library.add_show("Harbour Lights", [3])
library.close()
assert main(["--data-dir", {str(tmp_path)!r}, "list"]) == 0
assert "pydantic" not in sys.modules
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Harbour Lights" in done.stdout and "0/3" in done.stdout
