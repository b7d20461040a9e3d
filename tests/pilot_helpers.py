"""Helpers for pilot tests that act like a person: keys, not widget values."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.command import CommandList, CommandPalette

SIZE = (100, 30)


async def settle(pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


@asynccontextmanager
async def open_app(library, *, size=SIZE, notifications: bool = True, **options) -> AsyncIterator:  # type: ignore[no-untyped-def]
    """Start the TUI on `library` and wait for its first frame: `options` are the app's
    own (start_show_id and start_episode_id open a show or an episode, as the command
    line's --show and --episode do; tvmaze, config). Yields (app, pilot)."""
    from episodetui.tui.app import EpisodeTuiApp

    app = EpisodeTuiApp(library, **options)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await settle(pilot)
        yield app, pilot


async def palette_choices(pilot, query: str) -> list[str]:
    """Open the palette with ctrl+p, type `query`, and return the entries it lists."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    # The palette searches on a worker and draws results in batches.
    await settle(pilot)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)
    options = pilot.app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def run_palette(pilot, query: str, expect: str | None = None) -> None:
    """Type `query` in the palette and press Enter on the first entry (which must start
    with `expect` when given)."""
    choices = await palette_choices(pilot, query)
    assert choices, f"the palette offers nothing for {query!r}"
    if expect is not None:
        assert choices[0].startswith(expect), (query, choices)
    await pilot.press("enter")
    await settle(pilot)


def keys_for(text: str) -> list[str]:
    """The keys a person presses to type `text`: one per character, Enter for a newline.
    (Pilot.press turns a lone symbol such as " " or "/" into its key name by itself.)"""
    return ["enter" if character == "\n" else character for character in text]


async def type_text(pilot, text: str) -> None:
    """Type `text` into the focused field, key by key."""
    await pilot.press(*keys_for(text))


async def clear_field(pilot) -> None:
    """Empty the focused field with the keys Textual gives a person: End then ctrl+u
    (delete all to the left) in an Input; select all (f7) then Backspace in a TextArea."""
    from textual.widgets import Input, TextArea

    field = pilot.app.focused
    if isinstance(field, TextArea):
        await pilot.press("f7", "backspace")
        assert field.text == "", "f7 and Backspace left text in the field"
    else:
        assert isinstance(field, Input), f"no text field has the focus: {field!r}"
        await pilot.press("end", "ctrl+u")
        assert field.value == "", "End and ctrl+u left text in the field"


async def retype(pilot, text: str) -> None:
    """Replace what the focused field holds with `text`, typed."""
    await clear_field(pilot)
    await type_text(pilot, text)


async def tab_to(pilot, selector: str, *, back: bool = False, most: int = 12) -> None:
    """Press Tab (shift+Tab when `back`) until the widget `selector` has the focus."""
    target = pilot.app.screen.query_one(selector)
    for _ in range(most):
        if pilot.app.focused is target:
            return
        await pilot.press("shift+tab" if back else "tab")
    assert pilot.app.focused is target, f"{most} presses of Tab never reached {selector}"


async def step(pilot, *keys: str) -> str:
    """Press `keys`, let the app settle, and return what the screen shows."""
    from conftest import screen_text

    if keys:
        await pilot.press(*keys)
    await settle(pilot)
    return screen_text(pilot.app)


async def wait_for_workers(pilot, after: float = 0) -> None:
    """Wait `after` seconds (a debounce), then let the app's background work (searches,
    imports) finish and be drawn."""
    await pilot.pause(after or None)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


def reopen(data_dir, *close):  # type: ignore[no-untyped-def]
    """Close the given libraries (the app's), and open the data dir afresh, as a later
    run of the program would."""
    from conftest import fixed_clock
    from episodetui.core.store import Library

    for library in close:
        library.close()
    return Library.open(data_dir, clock=fixed_clock)


def toasts(app) -> list[str]:
    """The notifications the app has raised (and still shows), oldest first."""
    return [str(notification.message) for notification in app._notifications]


def notes_shown(app) -> str:  # type: ignore[no-untyped-def]
    """The notes list as a person reads it, row by row (a screenshot's text loses the
    spaces between a note's columns)."""
    from textual.widgets import Label

    from episodetui.tui.notes import NoteItem

    rows = []
    for item in app.screen.query(NoteItem):
        label = item.query_one(Label)
        rows += [strip.text.rstrip() for strip in label.render_lines(label.size.region)]
    return "\n".join(rows)


# What may happen before a screen built ahead is shown: it must then look as a new one.
async def nothing(app, pilot) -> None:  # type: ignore[no-untyped-def]
    pass


async def light_theme(app, pilot) -> None:  # type: ignore[no-untyped-def]
    app.theme = "textual-light"
    await settle(pilot)


async def resize_to_80x24(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.resize_terminal(80, 24)
    await settle(pilot)
