"""A show: its seasons and episodes with watched marks, air dates and note counts.

The rows are episode views from the core (the spoiler policy already applied). A change
updates in place only the rows it touched and the header; a row's cells are made only
when it is drawn.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from episodetui.core.marking import Change
from episodetui.core.spoilers import SpoilerPolicy
from episodetui.core.text import plural, progress_bar
from episodetui.core.views import (
    EpisodeView,
    ShowHeaderView,
    ShowView,
    episode_views,
    make_episode_view,
    show_header,
    show_view,
)
from episodetui.tui.kept_screen import KeptScreen, update_in_place
from episodetui.tui.key_bar import KeyBar
from episodetui.tui.notes import NoteActions, NotesList
from episodetui.tui.row_list import Column, RowList

COLUMNS = (
    Column("", width=1),
    Column("Episode", width=10),
    Column("Title"),
    Column("Aired", width=10),
    Column("Notes", width=5),
    Column("Recap", width=7),
    Column("Rating", width=6),
)


# The last few show screens stay alive when closed: opening one again redraws what
# changed instead of building the screen and every row anew.
KEEP_SHOW_SCREENS = 3


def open_show(app, show_id: int) -> None:
    """Push the show's screen, reusing a kept one; it lands on the next episode."""
    kept: list[int] = app.__dict__.setdefault("_kept_show_screens", [])
    name = f"show-{show_id}"
    if app.is_screen_installed(name):
        screen = app.get_screen(name)
        if screen in app.screen_stack:  # open already, lower down: a second one
            app.push_screen(ShowScreen(show_id))
            return
        kept.remove(show_id)
        kept.append(show_id)
        screen.land_pending = True
        app.push_screen(screen)
        return
    screen = ShowScreen(show_id)
    app.install_screen(screen, name)
    kept.append(show_id)
    for old_id in kept[:-KEEP_SHOW_SCREENS]:
        old = app.get_screen(f"show-{old_id}")
        if old not in app.screen_stack:
            app.uninstall_screen(old)
            old.remove()
            kept.remove(old_id)
    app.push_screen(screen)


class ShowScreen(NoteActions, KeptScreen):
    BINDINGS = [
        Binding(
            "escape", "back", "Back", id="show.back", show=False
        ),  # Escape is in help; room at 80 columns
        Binding("w", "toggle_watched", "Watched", id="show.toggle_watched"),
        Binding("W", "watch_through", "Up to here", id="show.watch_through"),
        Binding("n", "new_note", "Show note", id="show.new_note"),
        Binding("e", "edit_note", "Edit note", show=False, id="show.edit_note"),
        Binding("d", "delete_note", "Delete note", show=False, id="show.delete_note"),
        # In help and the palette; the footer keeps what fits at 80 columns.
        Binding("t", "edit_title", "Edit title", show=False, id="show.edit_title"),
        Binding("u", "refresh_show", "Refresh", show=False, id="show.refresh_show"),
        Binding("v", "toggle_note_spoilers", "Note spoilers", show=False, id="show.toggle_note_spoilers"),
        Binding("asterisk", "rate_show", "Rate show", key_display="*", id="show.rate"),
        Binding("R", "toggle_rewatch", "Rewatch", id="show.rewatch"),
    ]

    # `w` that marks an episode watched moves the cursor to the next row, unless the
    # user's config (advance_after_watch = false) says otherwise.
    advance_after_watch = True

    def _advances(self) -> bool:
        config = getattr(self.app, "config", None)
        return bool(getattr(config, "advance_after_watch", self.advance_after_watch))

    def __init__(self, show_id: int) -> None:
        super().__init__(classes="show-screen")
        self.show_id = show_id
        self.land_pending = False
        self.view: ShowView | None = None
        self._views: dict[str, EpisodeView] = {}
        self._stale: set[str] = set()  # rows whose view is read again when next needed
        self._marker: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="show-info")
        yield RowList(COLUMNS, id="episodes")
        yield NotesList(id="notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(NotesList).border_title = "Notes on the show"
        self.refresh_notes()
        self.reload(land_on_next=True)
        self.query_one("#episodes", RowList).focus()

    def on_screen_resume(self) -> None:
        # Opened again, or back from an episode or a dialog: redraw only what changed.
        land, self.land_pending = self.land_pending, False
        if self._marker != self.library.change_marker():
            self.reload(land_on_next=land)
        elif land and self.view is not None and self.view.landing_id is not None:
            self.query_one("#episodes", RowList).move_to(str(self.view.landing_id), center=True)

    def action_back(self) -> None:
        from episodetui.tui.library_screen import LibraryScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.came_back_from(self.show_id)
        self.app.pop_screen()

    # ------------------------------------------------------------------ data

    def reload(self, land_on_next: bool = False) -> None:
        """Read the show again; redraw the header and the rows whose view changed."""
        view = show_view(self.library, self.show_id)
        self._marker = self.library.change_marker()
        previous, self.view = self.view, view
        self.sub_title = view.header.title
        self._render_info(view.header)
        if previous is not None:  # notes may have changed too (another process, a reused id)
            self.refresh_notes()
        rows = self.query_one("#episodes", RowList)
        fresh = {str(e.id): e for e in view.episodes}
        keys = list(fresh)
        self._stale.clear()
        if land_on_next or rows.keys != keys:
            self._views = fresh
            land = str(view.landing_id) if land_on_next and view.landing_id else rows.highlighted_key
            rows.set_rows(
                keys,
                lambda index: _episode_cells(self._view(keys[index])),
                keep_key=land,
                center=land_on_next,
            )
            return
        for key, episode in fresh.items():
            if self._views.get(key) != episode:
                self._views[key] = episode
                rows.invalidate(key)

    def plays_changed(self, change: Change) -> None:
        """Update in place: the header, the changed rows, and the old and new next."""
        if change.show_id != self.show_id or self.view is None:
            return
        if self is not self.app.screen:
            return  # redrawn when back on top (the marker changed)
        header = show_header(self.library, self.show_id)
        ids = set(change.episode_ids)
        ids.update(i for i in (self.view.next_id, header.next.id if header.next else None) if i is not None)
        rows = self.query_one("#episodes", RowList)
        if len(ids) > 2 * rows.size.height:
            # A bulk change: read again only the rows drawn, and the rest when shown.
            for episode_id in ids:
                key = str(episode_id)
                if key in self._views:
                    self._stale.add(key)
                    rows.invalidate(key)
        else:
            for episode in episode_views(self.library, sorted(ids)):
                key = str(episode.id)
                if key in self._views and self._views[key] != episode:
                    self._views[key] = episode
                    self._stale.discard(key)
                    rows.invalidate(key)
        self.view = ShowView(header, self.view.episodes)
        self._render_info(header)
        self._marker = self.library.change_marker()

    def library_changed_elsewhere(self) -> None:
        if self is self.app.screen:
            self.reload()

    def _render_info(self, header: ShowHeaderView) -> None:
        info = Text()
        info.append(header.title, style="bold")
        rated = f"rated {header.rating}/10" if header.rating else ""
        details = [
            d
            for d in (
                str(header.year) if header.year else "",
                header.network or "",
                header.status or "",
                rated,
            )
            if d
        ]
        if details:
            info.append("  " + " · ".join(details), style="dim")
        info.append("\n")
        info.append(progress_bar(header.watched, header.total, 20), style="green")
        info.append(f" {header.watched}/{header.total} watched")
        nxt = header.next
        info.append(f" · next {nxt.code} {nxt.title}".rstrip() if nxt else " · caught up")
        if header.episode_rating_average is not None:  # the show's own rating is above
            info.append(
                f" · episodes ★ {header.episode_rating_average:.1f}".replace(".0", ""), style="yellow"
            )
        info.append(f" · spoilers: {header.mode.value}", style="dim")
        if header.rewatch is not None:
            info.append(f"\n↻ {header.rewatch.describe()} (R stops it)", style="magenta")
        if header.synopsis:
            info.append("\n" + header.synopsis, style="italic")
        update_in_place(self.query_one("#show-info", Static), info)

    def refresh_notes(self) -> None:
        self.query_one(NotesList).show_notes(self.library.show_notes(self.show_id), self.notes_revealed)

    def note_target(self) -> tuple[int, int | None, str]:
        return self.show_id, None, self.library.show(self.show_id).title

    def _view(self, key: str) -> EpisodeView:
        if key in self._stale and self.view is not None:
            # One indexed read: the show's policy and next episode are the header's.
            self._stale.discard(key)
            header = self.view.header
            old = self._views.get(key)
            self._views[key] = make_episode_view(
                self.library.episode(int(key)),
                SpoilerPolicy(header.mode),
                self.library.today(),
                self.view.next_id,
                rating=old.rating if old else None,
            )
        return self._views[key]

    def highlighted_episode(self) -> EpisodeView | None:
        key = self.query_one("#episodes", RowList).highlighted_key
        return self._view(key) if key in self._views else None

    def highlighted_episode_id(self) -> int | None:
        episode = self.highlighted_episode()
        return episode.id if episode else None

    # --------------------------------------------------------------- actions

    @on(RowList.Selected)
    def _open(self, event: RowList.Selected) -> None:
        self.app.open_episode(int(event.key))

    def action_toggle_watched(self) -> None:
        from episodetui.tui.watching import toggle_watched

        episode = self.highlighted_episode()
        if episode is None:
            return
        rows = self.query_one("#episodes", RowList)

        def done(change: Change) -> None:
            marked = change.added_play_ids and not episode.watched
            if marked and self._advances() and rows.highlighted_key == str(episode.id):
                rows.action_cursor_down()

        toggle_watched(self.app, episode.id, shown_watched=episode.watched, done=done)

    def action_watch_through(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen
        from episodetui.tui.watching import mark_through

        episode_id = self.highlighted_episode_id()
        if episode_id is None:
            return
        episode = self.library.episode(episode_id)
        if not episode.aired(self.library.today()):
            self.notify(f"{episode.code} has not aired yet.", severity="warning")
            return
        pending = self.library.aired_unwatched_through(episode_id)
        if not pending:
            self.notify(f"Everything up to {episode.code} is already watched.")
            return

        def mark(confirmed: bool | None) -> None:
            if confirmed:
                mark_through(self.app, episode_id)

        self.app.push_screen(
            ConfirmScreen(
                f"Mark {plural(len(pending), 'episode')} watched, {pending[0].code} through {episode.code}?",
                "Mark watched",
                "Cancel",
            ),
            mark,
        )

    def action_toggle_rewatch(self) -> None:
        self.app.toggle_rewatch(self.show_id, self.reload)

    def action_rate_show(self) -> None:
        from episodetui.tui.rating_dialog import rate

        rate(self, self.show_id, None, self.library.show(self.show_id).title, self.reload)

    def action_refresh_show(self) -> None:
        self.app.refresh_from_tvmaze(self.show_id, self.reload)

    def action_edit_title(self) -> None:
        episode_id = self.highlighted_episode_id()
        if episode_id is not None:
            self.app.edit_episode_title(episode_id, self.reload)


def _episode_cells(episode: EpisodeView) -> tuple[Text, ...]:
    if episode.watched:
        mark = Text("✓", style="bold green")
    elif not episode.aired:
        mark = Text("◷", style="dim")
    else:
        mark = Text("·", style="dim")
    if episode.has_recap:
        recap = Text(
            "✓ shown" if episode.recap_visible else "hidden", style="" if episode.recap_visible else "yellow"
        )
    else:
        recap = Text("")
    title_cell = Text(episode.display_title, style="" if episode.title else "dim")
    if episode.delisted:
        title_cell.append("  (no longer listed on TVmaze)", style="dim italic")
    return (
        mark,
        Text(episode.label),
        title_cell,
        Text(episode.air_date or "", style="dim"),
        Text(str(episode.note_count) if episode.note_count else ""),
        recap,
        Text(f"★ {episode.rating}" if episode.rating else "", style="yellow"),
    )
