"""The command palette: its commands and the provider that draws them.

`palette_commands` is every command the app offers beyond Textual's own: each key of the
screen under a name that says what it does, and the commands that have no key.

Textual's own system-commands provider parses each title and help line as markup, so a
show called `[@click=app.quit]` would become a clickable action and `[/]` would crash
the palette. `LiteralSystemCommands` draws the same commands as `Content` built from
plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher
from textual.content import Content
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider

from episodetui.core.spoilers import SpoilerMode

if TYPE_CHECKING:
    from episodetui.tui.app import EpisodeTuiApp


def literal_highlight(matcher: Matcher, title: str) -> Content:
    """The title as plain text, with the letters the query matched styled."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if not score:
        return content
    for offset in offsets:
        if offset < len(title) and not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class LiteralSystemCommands(SystemCommandsProvider):
    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda command: command.title)
        for title, help_text, callback, discover in commands:
            if discover:
                # Content passes through Textual's prompt builder unparsed.
                yield DiscoveryHit(Content(title), callback, text=title, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, literal_highlight(matcher, title), callback, text=title, help=Content(help_text)
                )  # type: ignore[arg-type]


# What each key's action is called in the command palette: what it does and, with "…",
# that a dialog opens. (screen class name, action) entries say it for one screen.
PALETTE_NAMES: dict[str, str] = {
    "toggle_watched": "Mark watched or unwatched",
    "watch_through": "Mark watched up to here…",
    "reveal": "Reveal what is hidden…",
    "new_note": "New note…",
    "edit_note": "Edit note…",
    "delete_note": "Delete note…",
    "import_recap": "Import a recap article…",
    "edit_recap": "Paste or edit the recap…",
    "remove_recap": "Remove the recap…",
    "toggle_note_spoilers": "Show or mask spoilers in notes",
    "edit_title": "Edit episode title…",
    "refresh_show": "Refresh the show from TVmaze",
    "add_show": "Add a show from TVmaze…",
    "app.upcoming": "Upcoming episodes",
    "cycle_sort": "Sort the library by the next order",
    "cycle_filter": "Filter the library by the next filter",
    "search": "Find a show by title",
    "app.remove_show": "Remove show…",
    "app.pop_screen": "Back",
}
PALETTE_NAMES_ON: dict[tuple[str, str], str] = {
    ("ShowScreen", "toggle_watched"): "Mark the highlighted episode watched or unwatched",
    ("ShowScreen", "new_note"): "New note on the show…",
    ("ShowScreen", "edit_note"): "Edit note on the show…",
    ("ShowScreen", "delete_note"): "Delete note on the show…",
    ("ShowScreen", "edit_title"): "Edit the highlighted episode's title…",
    ("EpisodeScreen", "toggle_watched"): "Mark this episode watched or unwatched",
    ("EpisodeScreen", "new_note"): "New note on this episode…",
}


def palette_commands(app: EpisodeTuiApp, screen: Screen) -> Iterable[SystemCommand]:
    """The app's commands for the palette on `screen`, beyond Textual's own."""
    # "Import history…" is offered by name below, whatever the screen.
    seen = {"quit", "help", "command_palette", "app.import_history", "search", "app.statistics"}
    titles: set[str] = set()
    screen_name = type(screen).__name__
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.action in seen or not binding.description or not active.enabled:
            continue
        seen.add(binding.action)
        title = PALETTE_NAMES_ON.get((screen_name, binding.action)) or PALETTE_NAMES.get(
            binding.action, binding.description
        )
        titles.add(title)
        yield SystemCommand(
            title,
            f"Key: {binding.key_display or key}",
            # run_action is a coroutine: schedule it rather than call it.
            partial(screen.call_later, screen.run_action, binding.action),
        )
    yield SystemCommand("Help", "Keys and spoiler rules (? or F1)", app.action_help)
    yield SystemCommand("Search", "Titles, notes, watched recaps: spoiler-safe (ctrl+f)", app.action_search)
    yield SystemCommand(
        "Statistics",
        "Episodes and hours watched, per month, streaks (S in the library)",
        app.action_statistics,
    )
    yield SystemCommand(
        "Export journal", "A readable Markdown journal of what you watched", app.action_export_journal
    )
    yield SystemCommand(
        "Import history…",
        "From TV Time, Trakt, SeriesGuide, Showly, Yamtrack or an export (i in the library)",
        app.action_import_history,
    )
    yield SystemCommand(
        "Restore a backup…",
        "Put a backup in place of the library (asks first; keeps the current one)",
        app.action_restore_backup,
    )
    for title, help_text, callback in (
        ("Add a show from TVmaze…", "Search by title (a in the library)", app.action_add_show),
        ("Add a show by hand…", "Title, seasons, episodes per season", app.action_add_show_by_hand),
        ("Upcoming episodes", "What airs in the next weeks (c in the library)", app.action_upcoming),
    ):
        if title not in titles:
            yield SystemCommand(title, help_text, callback)
    current = app.library.spoiler_mode
    for mode in SpoilerMode:
        now = " (current)" if mode is current else ""
        yield SystemCommand(
            f"Spoiler mode: {mode.value}, library default{now}",
            f"How much of unwatched episodes is hidden; now: {current.value}",
            partial(app.set_spoiler_mode, mode),
        )
    show_id = getattr(screen, "show_id", None)
    if show_id is not None and "tvmaze" not in app.library.show(show_id).external_ids:
        yield SystemCommand(
            "Link this show to TVmaze",
            "A show made by hand: find it on TVmaze and merge its episodes (plays, notes, recaps stay)",
            partial(app.link_to_tvmaze, show_id),
        )
    if show_id is not None:
        yield SystemCommand(
            "Export journal of this show",
            "Its watched episodes, your notes and recaps, as Markdown",
            partial(app.action_export_journal, show_id),
        )
        show = app.library.show(show_id)
        counted = show.count_specials
        yield SystemCommand(
            f"{'Stop counting' if counted else 'Count'} specials in this show's progress",
            "Season 0 never becomes next either way",
            partial(app.toggle_count_specials, show_id),
        )
        own = show.spoiler_mode
        effective = own or current
        for mode in SpoilerMode:
            now = " (current)" if mode is own else ""
            yield SystemCommand(
                f"Spoiler mode for this show: {mode.value}{now}",
                f"Overrides the library default; now: {effective.value}"
                + ("" if own else " (the library default)"),
                partial(app.set_spoiler_mode, mode, show_id),
            )
        if own is not None:
            yield SystemCommand(
                f"Spoiler mode for this show: the library default ({current.value})",
                f"Now: {own.value}, set for this show",
                partial(app.set_spoiler_mode, None, show_id),
            )
        if "app.remove_show" not in seen:
            yield SystemCommand(
                "Remove this show…",
                "Asks first; a copy is kept so it can be put back",
                partial(app.remove_show, show_id),
            )
    for summary in app.library.summaries():
        yield SystemCommand(
            f"Open show: {summary.title}", "Go to the show", partial(app.open_show, summary.id)
        )
