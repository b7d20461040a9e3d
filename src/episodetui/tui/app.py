"""The Textual app: a thin layer over the core library."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from episodetui.core.codes import title_or_number
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.store import Library, ShowSummary
from episodetui.core.text import as_sentence

if TYPE_CHECKING:
    from episodetui.core.backups import StartupCheck
    from episodetui.core.config import Config
    from episodetui.core.tvmaze import TvMazeClient
from episodetui.tui.commands import LiteralSystemCommands, palette_commands
from episodetui.tui.library_screen import LibraryScreen


class EpisodeTuiApp(App[None]):
    # Absolute, so subclasses defined elsewhere (tests, benchmarks) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "episodetui"
    # Palette entries are drawn as literal text: titles are data, never markup.
    COMMANDS = {LiteralSystemCommands}
    # Screens narrower than 110 columns get the "-narrow" class: a compact footer.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        # q is in the help and works everywhere; the footer keeps its room at 80 columns.
        Binding("q", "quit", "Quit", id="quit", show=False),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("ctrl+f", "search", "Search", id="app.search", show=False),  # in help and the palette
        Binding("z,ctrl+z", "undo", "Undo", id="undo", show=False),
    ]

    def __init__(
        self,
        library: Library,
        start_show_id: int | None = None,
        start_episode_id: int | None = None,
        first_summaries: Callable[[], list[ShowSummary]] | None = None,
        tvmaze: Callable[[], TvMazeClient] | None = None,
        config: Config | None = None,
        startup_check: StartupCheck | None = None,
    ) -> None:
        super().__init__()
        # Preferences (theme, keymap, advance after watch): config.toml, never the library.
        # Tests and the demo get a config of their own, so the user's file is not touched.
        self.config = config
        self.library = library
        self._tvmaze_factory = tvmaze
        self._tvmaze: TvMazeClient | None = None
        # The library screen's first data, possibly already being read on a thread.
        self.first_summaries = first_summaries
        # The integrity check and daily backup the library screen starts after the first frame.
        self.startup_check = startup_check
        self.start_show_id = start_show_id
        self.start_episode_id = start_episode_id
        self.last_change = None  # the last mark/unmark, for undo (tui/watching.py)
        self.last_input_at = 0.0
        self.crash_report = None

    # ------------------------------------------------------- fault containment

    def _damage_behind(self, error: Exception) -> str | None:
        """The integrity check's sentence when `error` is SQLite finding the file damaged."""
        import sqlite3

        if type(error) is not sqlite3.DatabaseError:  # not locked, not a bug in our SQL
            return None
        try:
            return self.library.integrity_problem()
        except Exception:
            return None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is literal text: messages carry titles and file names."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def saved(self, write: Callable[[], object]) -> bool:
        """Run a write to the library. When the library refuses it (another program is
        writing, the file is read-only, the disk is full), say why in one line and return
        False: nothing was changed, the core rolled back. An unexpected error is still a
        crash (`_handle_exception`)."""
        from episodetui.core.errors import EpisodeTuiError

        try:
            write()
        except EpisodeTuiError as error:
            self.notify(as_sentence(str(error)), severity="error", timeout=8)
            return False
        return True

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: never Textual's traceback with locals (they can hold a
        hidden recap). Write a report without locals, say where it is, exit non-zero."""
        from episodetui.tui.crash import report_crash

        problem = self._damage_behind(error)
        if problem is not None:
            # Not a bug: the file is damaged (a read met a bad page before the start-up
            # check did). One sentence and exit status 2, as the command line says it.
            self.exit(return_code=2, message=problem)
            return

        try:
            data_dir = self.library.path.parent
        except Exception:
            data_dir = None
        self.crash_report = report_crash(error, data_dir)
        self._return_code = 1
        if self._exception is None:
            # Under a test pilot the error is raised again when the test's app ends.
            self._exception = error
            self._exception_event.set()
        # The message is printed by the command line once the terminal is restored.
        self._close_messages_no_wait()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.last_input_at = monotonic()  # work done ahead waits for a pause (show_screen)
        await super().on_event(event)

    def on_mount(self) -> None:
        if self.config is not None:
            self.set_keymap(self.config.keymap)
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from episodetui.tui.watching import watch_for_outside_changes

        watch_for_outside_changes(self)
        self.push_screen(LibraryScreen())
        if self.start_show_id is not None:
            self.open_show(self.start_show_id)
        if self.start_episode_id is not None:
            self.open_episode(self.start_episode_id)

    def _remember_theme(self, theme) -> None:
        if self.config is None:
            return
        from episodetui.core.config import save_setting
        from episodetui.core.errors import EpisodeTuiError

        self.config.theme = theme.name
        try:
            save_setting(self.config.path, "theme", theme.name)
        except EpisodeTuiError as error:
            self.notify(f"The theme is not remembered: {error}", severity="warning")

    # ------------------------------------------------------------- navigation

    def open_show(self, show_id: int) -> None:
        """Open a show. One show screen at a time in the stack: going to another show (from
        the palette) first leaves the one that is open; show screens are reused."""
        self.call_later(self._open_show, show_id)

    async def _open_show(self, show_id: int) -> None:
        from episodetui.tui.show_screen import ShowScreen, open_show

        open_one = next((s for s in self.screen_stack if isinstance(s, ShowScreen)), None)
        if open_one is not None:
            while self.screen is not open_one:
                await self.pop_screen()
            if open_one.show_id == show_id:
                return
            await self.pop_screen()
        open_show(self, show_id)

    def open_episode(self, episode_id: int) -> None:
        from episodetui.tui.episode_screen import EpisodeScreen

        self.call_later(self._open_one, EpisodeScreen, "episode_id", episode_id)

    async def _open_one(self, screen_type: type[Screen], key: str, value: int) -> None:
        open_one = next((s for s in self.screen_stack if isinstance(s, screen_type)), None)
        if open_one is not None:
            while self.screen is not open_one:
                await self.pop_screen()
            if getattr(open_one, key) == value:
                return
            await self.pop_screen()
        self.push_screen(screen_type(value))

    async def _leave_show(self, show_id: int) -> None:
        """Close every screen of a show (it is about to be removed), the kept one too."""
        while any(getattr(screen, "show_id", None) == show_id for screen in self.screen_stack):
            await self.pop_screen()
        name = f"show-{show_id}"  # show screens are kept for reuse (show_screen.open_show)
        if self.is_screen_installed(name):
            screen = self.get_screen(name)
            self.uninstall_screen(name)
            kept = self.__dict__.get("_kept_show_screens", [])
            if show_id in kept:
                kept.remove(show_id)
            await screen.remove()

    # ----------------------------------------------------------------- actions

    def toggle_watched(self, episode_id: int, shown_watched: bool | None = None) -> None:
        """Mark watched; on a watched episode ask: unmark or count a rewatch (undoable)."""
        from episodetui.tui.watching import toggle_watched

        toggle_watched(self, episode_id, shown_watched)

    def action_undo(self) -> None:
        from episodetui.tui.watching import undo_last

        undo_last(self)

    def edit_episode_title(self, episode_id: int, after: Callable[[], None]) -> None:
        from episodetui.core.views import episode_views
        from episodetui.tui.dialogs import TextPrompt

        episode = self.library.episode(episode_id)
        if episode_views(self.library, [episode_id])[0].title_hidden:
            self.notify("This title is hidden by strict spoiler mode.", severity="warning")
            return

        def ask(title: str) -> None:
            self.push_screen(
                TextPrompt(f"Title of {episode.code}", title, title_or_number("", episode.number)), save
            )

        def save(title: str | None) -> None:
            if title is None:
                return
            if self.saved(lambda: self.library.update_episode(episode_id, title=title)):
                after()
            else:
                ask(title)  # what was typed is not lost: the prompt comes back with it

        ask(episode.title)

    def tvmaze(self) -> TvMazeClient:
        """The TVmaze client, made on first use (httpx is not loaded at start-up)."""
        if self._tvmaze is None:
            if self._tvmaze_factory is not None:
                self._tvmaze = self._tvmaze_factory()
            else:
                from episodetui.core.tvmaze import TvMazeClient

                self._tvmaze = TvMazeClient.default()
        return self._tvmaze

    def action_add_show(self) -> None:
        from episodetui.tui import tvmaze_actions

        tvmaze_actions.add_show(self)

    def action_add_show_by_hand(self, title: str = "") -> None:
        from episodetui.tui import tvmaze_actions

        tvmaze_actions.add_show_by_hand(self, title)

    def refresh_from_tvmaze(self, show_id: int, after: Callable[[], None]) -> None:
        from episodetui.tui import tvmaze_actions

        tvmaze_actions.refresh_from_tvmaze(self, show_id, after)

    def link_to_tvmaze(self, show_id: int) -> None:
        from episodetui.tui import tvmaze_actions

        tvmaze_actions.link_to_tvmaze(self, show_id)

    def show_in_library(self, show_id: int | None) -> None:
        """Redraw the library under the current screen, on `show_id` when given."""
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.reload(select_show_id=show_id)

    def action_import_history(self) -> None:
        from episodetui.tui.history_dialog import ImportHistoryScreen

        def done(imported: bool | None) -> None:
            if imported:
                self.reload_screen()

        if not isinstance(self.screen, ImportHistoryScreen):
            self.push_screen(ImportHistoryScreen(), done)

    def action_remove_show(self) -> None:
        """Remove the highlighted (library) or open (show screen) show, after asking."""
        screen = self.screen
        show_id = getattr(screen, "show_id", None)
        if show_id is None and isinstance(screen, LibraryScreen):
            show_id = screen.selected_show_id()
        if show_id is None:
            self.notify("No show to remove here.", severity="warning")
            return
        self.remove_show(show_id)

    def remove_show(self, show_id: int) -> None:
        from episodetui.core.removal import REMOVED_DIR, remove_show, show_contents
        from episodetui.tui.dialogs import ConfirmScreen

        show = self.library.show(show_id)
        contents = show_contents(self.library, show_id)

        async def remove(confirmed: bool | None) -> None:
            if not confirmed:
                return
            # Leave the show's screens first: none may redraw a show that is gone.
            await self._leave_show(show_id)

            def remove_it() -> None:
                removed = remove_show(self.library, show_id)
                self.notify(
                    f"Removed {show.title}. A copy is in {removed.copy}; to put it back: {removed.restore}",
                    timeout=20,
                )

            self.show_in_library(None if self.saved(remove_it) else show_id)

        self.push_screen(
            ConfirmScreen(
                f"Remove {show.title} from your library?\n\n"
                f"With it go {contents.describe()}. A copy is kept in the {REMOVED_DIR}/ folder "
                "beside your library, so you can put it back (episodetui import).",
                "Remove",
                "Keep",
            ),
            remove,
        )

    def action_upcoming(self) -> None:
        from episodetui.tui.upcoming_screen import UpcomingScreen

        if not isinstance(self.screen, UpcomingScreen):
            self.push_screen(UpcomingScreen())

    def action_search(self) -> None:
        from episodetui.tui.search_screen import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.action_focus_query()
            return
        # A recap revealed on the episode screen is searchable from there too.
        episode_id = getattr(self.screen, "episode_id", None)
        revealed = [episode_id] if episode_id is not None and getattr(self.screen, "revealed", False) else []
        self.push_screen(SearchScreen(revealed, notes_revealed=getattr(self.screen, "notes_revealed", False)))

    def action_statistics(self) -> None:
        from episodetui.tui.stats_screen import open_statistics

        open_statistics(self)

    def action_export_journal(self, show_id: int | None = None) -> None:
        """Ask where, then write the Markdown journal there (atomically, 0600)."""
        from pathlib import Path

        from episodetui.core.errors import EpisodeTuiError
        from episodetui.core.files import write_atomic
        from episodetui.core.journal import journal_chunks
        from episodetui.tui.dialogs import TextPrompt

        day = self.library.today().isoformat()
        default = str(Path("~") / f"episodetui-journal-{day}.md")

        def write(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = Path(path.strip()).expanduser()
            try:
                write_atomic(target, journal_chunks(self.library, show_id))
            except EpisodeTuiError as error:
                self.notify(as_sentence(str(error)), severity="error", timeout=8)
                return
            self.notify(f"Journal written to {target}.")

        what = "this show's" if show_id is not None else "your"
        self.push_screen(
            TextPrompt(f"Write {what} watching journal (Markdown) to", default, "a file path"), write
        )

    def action_help(self) -> None:
        from episodetui.tui.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def set_spoiler_mode(self, mode: SpoilerMode | None, show_id: int | None = None) -> None:
        if show_id is None:
            assert mode is not None
            if not self.saved(lambda: self.library.set_setting("spoiler_mode", mode.value)):
                return
            self.notify(f"Spoiler mode: {mode.value}.")
        else:
            if not self.saved(lambda: self.library.set_show_spoiler_mode(show_id, mode)):
                return
            effective = mode or self.library.spoiler_mode
            self.notify(
                f"Spoiler mode for this show: {effective.value}"
                + ("." if mode else " (the library default).")
            )
        self.reload_screen()

    def toggle_rewatch(self, show_id: int, after: Callable[[], None]) -> None:
        """Start a rewatch of the show, or stop the one in progress (asks first)."""
        from episodetui.core.errors import EpisodeTuiError
        from episodetui.tui.dialogs import ConfirmScreen

        show = self.library.show(show_id)
        active = self.library.pass_progress(show_id)
        if active is not None:
            question = f"Stop rewatching {show.title} at {active.watched}/{active.total}?"
        else:
            question = f"Start rewatching {show.title}? w then adds plays to the rewatch; first watches stay."

        def answer(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                if active is not None:
                    self.library.stop_rewatch(show_id)
                    self.notify(f"Stopped rewatching {show.title}.")
                else:
                    started = self.library.start_rewatch(show_id)
                    self.notify(f"Rewatch {started.number} of {show.title} started.")
            except EpisodeTuiError as error:
                self.notify(as_sentence(str(error)), severity="warning")
            after()

        self.push_screen(ConfirmScreen(question, "Stop" if active else "Start", "Cancel"), answer)

    def toggle_count_specials(self, show_id: int) -> None:
        counted = not self.library.show(show_id).count_specials
        if not self.saved(lambda: self.library.set_count_specials(show_id, counted)):
            return
        self.notify("Specials now count towards progress." if counted else "Specials no longer count.")
        self.reload_screen()

    def action_restore_backup(self) -> None:
        """Ask for a backup (the newest is offered), ask again, then restore it."""
        from episodetui.core.backups import list_backups
        from episodetui.tui.dialogs import ConfirmScreen, TextPrompt

        backups = list_backups(self.library.data_dir)
        newest = str(backups[-1]) if backups else ""

        def chosen(path: str | None) -> None:
            if not path:
                return

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._restore(Path(path).expanduser())

            self.push_screen(
                ConfirmScreen(
                    f"Replace the library with {path}? The library as it is now is saved to the backups"
                    " folder first.",
                    yes="Restore",
                    no="Cancel",
                ),
                confirmed,
            )

        self.push_screen(
            TextPrompt("Restore a backup: its file", newest, "path to a .sqlite3 backup"), chosen
        )

    def _restore(self, path: Path) -> None:
        from episodetui.core.backups import restore_backup
        from episodetui.core.errors import EpisodeTuiError

        try:
            saved = restore_backup(self.library, path)
        except EpisodeTuiError as error:
            self.notify(as_sentence(str(error)), severity="error", timeout=8)
            return
        while len(self.screen_stack) > 2:  # back to the library, which reads it again
            self.pop_screen()
        self.show_in_library(None)
        self.notify(f"Restored {path.name}. The library as it was is in {saved}.", timeout=8)

    def reload_screen(self) -> None:
        """Redraw the current screen after a setting changed what it may show."""
        reload = getattr(self.screen, "reload", None)
        if reload:
            reload()

    # ---------------------------------------------------------- command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)
