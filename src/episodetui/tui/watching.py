"""Watching from the TUI: `w` (mark, unmark, or count a rewatch), undo, and telling
every open screen what changed, so each updates only what it shows of it.

The decision is always taken from the database: a row the screen drew before another
process changed the library never turns a "mark watched" into an unmark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from episodetui.core import marking
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.marking import Change

if TYPE_CHECKING:
    from textual.app import App

UNDO_KEY = "z"
UNMARK, REWATCH = "unmark", "rewatch"


class RewatchChoice(ModalScreen[str | None]):
    """`w` on a watched episode: unmark it, or count one more play."""

    BINDINGS = [
        Binding("u", f"choose('{UNMARK}')", "Unmark"),
        Binding("r", f"choose('{REWATCH}')", "Count a rewatch"),
        Binding("escape", "choose(None)", "Cancel"),
    ]

    def __init__(self, code: str, plays: int) -> None:
        super().__init__(classes="dialog-screen")
        self.code = code
        self.plays = plays

    def compose(self) -> ComposeResult:
        times = "once" if self.plays == 1 else f"{self.plays} times"
        with Vertical(classes="dialog"):
            yield Static(
                Text(f"{self.code} is watched ({times}). Unmark it, or count a rewatch?"), classes="question"
            )
            with Horizontal(classes="buttons"):
                yield Button("Unmark (u)", id=UNMARK, variant="warning")
                yield Button("Rewatch (r)", id=REWATCH, variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#{UNMARK}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in (UNMARK, REWATCH) else None)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


def announce(app: App, change: Change) -> None:
    """Every open screen updates what it shows of the change (the rows, the progress,
    the library row of that show); screens without a hook redraw when back on top."""
    for screen in app.screen_stack:
        hook = getattr(screen, "plays_changed", None)
        if hook is not None:
            hook(change)
        elif screen is app.screen and hasattr(screen, "reload"):
            screen.reload()


def _notify_after_frame(app: App, message: str) -> None:
    """Say what changed once the frame that shows the change is out: the toast's widgets
    mounted first held that frame back (about 3 ms of `w`'s 10, traced in the pty)."""
    app.call_after_refresh(app.notify, message)


def _apply(app: App, action: Callable[[], Change], done: Callable[[Change], None] | None) -> None:
    try:
        change = action()
    except EpisodeTuiError as error:
        app.notify(str(error), severity="error")
        return
    if change.changed:
        app.last_change = change  # type: ignore[attr-defined]
        _notify_after_frame(app, f"{change.description} Press {UNDO_KEY} to undo.")
    else:
        _notify_after_frame(app, change.description)
    announce(app, change)
    if done is not None:
        done(change)


def toggle_watched(
    app: App,
    episode_id: int,
    shown_watched: bool | None = None,
    done: Callable[[Change], None] | None = None,
) -> None:
    """`w`: mark an unwatched episode watched; on a watched one, ask: unmark or rewatch.
    During a rewatch pass, `w` adds or takes back the pass's play instead.

    `shown_watched` is what the screen showed; if the library says otherwise (another
    process changed it), nothing is changed and the screen is brought up to date."""
    library = app.library  # type: ignore[attr-defined]
    episode = library.episode(episode_id)
    if library.active_pass(episode.show_id) is not None:
        # During a rewatch, w adds (or takes back) this pass's play; first watches stay.
        if not episode.aired(library.today()):
            app.notify(f"{episode.code} has not aired yet.", severity="warning")
            return
        _apply(app, lambda: marking.toggle_in_pass(library, episode_id), done)
        return
    if shown_watched is not None and shown_watched != episode.watched:
        state = "watched" if episode.watched else "unwatched"
        app.notify(f"{episode.code} is already {state} (changed elsewhere); nothing was changed.")
        announce(app, Change(episode.show_id, "", (episode_id,)))
        return
    if not episode.watched:
        if not episode.aired(library.today()):
            app.notify(f"{episode.code} has not aired yet.", severity="warning")
            return
        _apply(app, lambda: marking.mark_watched(library, episode_id), done)
        return

    def chosen(choice: str | None) -> None:
        if choice == UNMARK:
            _apply(app, lambda: marking.unmark(library, episode_id), done)
        elif choice == REWATCH:
            _apply(app, lambda: marking.count_rewatch(library, episode_id), done)

    app.push_screen(RewatchChoice(episode.code, episode.plays), chosen)


def mark_through(app: App, episode_id: int, done: Callable[[Change], None] | None = None) -> None:
    library = app.library  # type: ignore[attr-defined]
    _apply(app, lambda: marking.mark_through(library, episode_id), done)


def undo_last(app: App) -> None:
    """Undo the last mark, unmark, rewatch or bulk mark made in this session."""
    change: Change | None = getattr(app, "last_change", None)
    if change is None:
        app.notify("Nothing to undo.")
        return
    app.last_change = None  # type: ignore[attr-defined]
    try:
        undone = marking.undo(app.library, change)  # type: ignore[attr-defined]
    except EpisodeTuiError as error:
        app.notify(str(error), severity="error")
        return
    _notify_after_frame(app, undone.description)
    announce(app, undone)


# How often the TUI looks for changes other processes made (the CLI, a second TUI).
OUTSIDE_CHANGES_INTERVAL = 1.0


def watch_for_outside_changes(app: App) -> None:
    """Poll `PRAGMA data_version` (one cheap statement): when another connection has
    committed, every open screen is told, and the one on top redraws at once."""
    library = app.library  # type: ignore[attr-defined]
    seen = [library.data_version()]

    def check() -> None:
        version = library.data_version()
        if version == seen[0]:
            return
        seen[0] = version
        for screen in app.screen_stack:
            hook = getattr(screen, "library_changed_elsewhere", None)
            if hook is not None:
                hook()
            elif screen is app.screen and hasattr(screen, "reload"):
                screen.reload()

    app.set_interval(OUTSIDE_CHANGES_INTERVAL, check, name="outside-changes")
