"""Hostile titles through every TUI surface: the library, headers, dialogs, toasts, the
command palette (searched and chosen by typing), and the bytes sent to the terminal.
Titles are data: `[@click=app.quit]` is text to show, never an action to run."""

from __future__ import annotations

import os
import pty
import sys
import textwrap

from conftest import fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import ConfirmScreen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.show_screen import ShowScreen
from pilot_helpers import palette_choices, run_palette, settle
from test_tui_crash import _read_until

MARKUP_TITLES = [
    "[@click=app.quit]Quit me",
    "[@click=app.screenshot('x.svg','/tmp')]Shot",
    "[/] closes nothing",
    "[link=https://x.example]Linked[/link]",
    "[bold red]Red[/]",
]
# Arrive with terminal sequences and bidi controls; are stored (and shown) without them.
ESCAPED_TITLES = {
    "Clip \x1b]52;c;aGFja2Vk\x07board": "Clip board",
    "Title \x1b]0;owned\x07bar": "Title bar",
    "Bidi \u202eesrever\u202c end": "Bidi esrever end",
    "C1 \x9b31mred\x9b0m": "C1 red",
}


def _hostile_library(data_dir) -> Library:
    lib = Library.open(data_dir, clock=fixed_clock)
    for title in MARKUP_TITLES + list(ESCAPED_TITLES):
        lib.add_show(title, [2])
    return lib


async def test_markup_titles_are_text_in_the_library_palette_dialogs_and_toasts(data_dir):
    lib = _hostile_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for title in MARKUP_TITLES + list(ESCAPED_TITLES.values()):
            assert title in text, title

        choices = await palette_choices(pilot, "open show")
        for title in MARKUP_TITLES + list(ESCAPED_TITLES.values()):
            assert f"Open show: {title}" in choices, title
        assert "[/] closes nothing" in screen_text(app), "the palette draws the title as typed"
        await pilot.press("escape")
        await settle(pilot)

        # Choosing the [@click=app.quit] show opens it; nothing quits.
        await run_palette(pilot, "open show: [@click=app.quit]", expect="Open show: [@click=app.quit]Quit me")
        assert app.is_running and isinstance(app.screen, ShowScreen)
        assert "[@click=app.quit]Quit me" in screen_text(app), "the header and the show info show it as typed"
        await pilot.press("escape")
        await settle(pilot)

        # A dialog and a toast carry the title literally.
        library_screen = app.screen
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        title = lib.show(library_screen.selected_show_id()).title
        assert title in MARKUP_TITLES + list(ESCAPED_TITLES.values())
        assert f"Remove {title} from your library?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert f"Removed {title}." in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 0
    lib.close()


CHILD = textwrap.dedent(
    """
    import sys
    from episodetui import cli
    sys.exit(cli.main(["--data-dir", sys.argv[1]]))
    """
)


def test_no_escape_sequence_or_bidi_control_reaches_the_terminal(data_dir):
    """The real byte stream, palette and toasts included, has none of the hostile bytes."""
    _hostile_library(data_dir).close()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", CHILD, str(data_dir)])
    stream = _read_until(fd, b"shows", 30)
    assert b"shows" in stream
    os.write(fd, b"\x10")  # ctrl+p
    palette = _read_until(fd, b"Search for commands", 10)
    assert b"Search for commands" in palette, "the palette opened"
    os.write(fd, b"open show")
    typed = _read_until(fd, b"", 3)
    assert b"closes nothing" in typed and b"Quit me" in typed, "the palette listed the shows"
    stream += palette + typed
    os.write(fd, b"\x1b")  # escape
    stream += _read_until(fd, b"", 2)
    os.write(fd, b"q")
    stream += _read_until(fd, b"", 10)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    for hostile in (
        b"\x1b]52",
        b"aGFja2Vk",
        b"\x1b]0;owned",
        "\u202e".encode(),
        "\u202c".encode(),
        "\x9b".encode(),
    ):
        assert hostile not in stream, hostile
