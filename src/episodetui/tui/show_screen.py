"""A show: its seasons and episodes with watched marks, air dates and note counts.

The rows are episode views from the core (the spoiler policy already applied). A change
updates in place only the rows it touched and the header; a row's cells are made only
when it is drawn.
"""

from __future__ import annotations

from dataclasses import replace
from time import monotonic

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Header, Static

from episodetui.core.marking import Change
from episodetui.core.store import Episode
from episodetui.core.text import plural, progress_bar
from episodetui.core.views import EpisodeView, EpisodeViews, ShowHeaderView, show_header, show_outline
from episodetui.tui.kept_screen import KeptScreen, app_closing, update_in_place
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


# Rows read at once when a row is drawn whose episode is not read yet: the rest of a
# screenful below it, and then some.
READ_AHEAD = 64
GONE_CELLS = (Text(""),) * len(COLUMNS)

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
    screen = _take_prepared(app, show_id) or _take_spare(app)
    if screen is None:
        screen = ShowScreen(show_id)
    elif screen.show_id == NO_SHOW:
        screen.show_id = show_id  # it reads the show when shown (on_screen_resume)
    app.install_screen(screen, name)
    kept.append(show_id)
    for old_id in kept[:-KEEP_SHOW_SCREENS]:
        old = app.get_screen(f"show-{old_id}")
        if old not in app.screen_stack:
            app.uninstall_screen(old)
            old.remove()
            kept.remove(old_id)
    app.push_screen(screen)


# Opening a show the first time composed a screen, mounted, styled, laid out and drew
# its widgets, and waited for a new screen's first frame tick: 40 of the 53 ms of the
# 1,100-episode show's first open (bench/interact.py). One empty show screen is built
# ahead, off screen, when the user pauses: after the first frame, and again after one
# was used. The first open of a show then costs about what opening it again costs. A
# spare never showed another show: it starts empty, so nothing of one show can be left
# on another's screen.
DRAW_AHEAD_AFTER = 0.2  # seconds after a show screen is left before it is drawn ahead
SPARE_QUIET = 0.5  # seconds without a key or a click before a spare is built
SPARE_ROWS = 1000
NO_SHOW = 0  # a spare's show id: no show has it (ids start at 1)


def prepare_spare(app) -> None:
    """Build an empty show screen, off screen, for the next show opened the first time;
    later if the user is typing (building it takes the app ~20 ms)."""
    if app.__dict__.get("_spare_show_screen") is not None or app_closing(app):
        return
    quiet = monotonic() - getattr(app, "last_input_at", 0.0)
    if quiet < SPARE_QUIET:
        app.set_timer(SPARE_QUIET - quiet, lambda: prepare_spare(app))
        return
    spare = app.__dict__["_spare_show_screen"] = ShowScreen()
    # What pushing a screen does, without showing it: its widgets are composed,
    # mounted and styled now; it lays itself out once they are (ShowScreen.on_mount).
    app._register(app, spare)
    app._load_screen_css(spare)


# The spare is empty: a first open still reads the show, lays the screen out for it and
# draws every row (about 20 ms of the 1,100-episode show's). When the library's cursor
# rests on a show that has no kept screen, a screen is built ahead for that show alone,
# read, laid out and drawn off screen: Enter on it shows it as a kept screen is shown.
# It is used only if nothing in the library changed since it was read (else the spare
# is), and is dropped when the cursor rests on another show.
PREPARED = "_prepared_show_screen"


def prepare_open(app, show_id: int) -> None:
    """Build, off screen, the screen of the show the library's cursor rests on."""
    if app_closing(app) or app.is_screen_installed(f"show-{show_id}"):
        return  # a kept screen opens as fast
    prepared = app.__dict__.get(PREPARED)
    if prepared is not None:
        if prepared.show_id == show_id and prepared._marker in (None, app.library.change_marker()):
            return  # being built, or built and still right
        _drop_prepared(app)
    screen = app.__dict__[PREPARED] = ShowScreen(show_id, prepared=True)
    # As for the spare: composed, mounted and styled now, without being shown; it reads
    # its show as it mounts, then lays itself out and draws (ShowScreen._lay_out_prepared).
    app._register(app, screen)
    app._load_screen_css(screen)


def _drop_prepared(app) -> None:
    prepared = app.__dict__.pop(PREPARED, None)
    if prepared is not None and prepared not in app.screen_stack:
        prepared.remove()


def _take_prepared(app, show_id: int) -> ShowScreen | None:
    prepared = app.__dict__.get(PREPARED)
    if prepared is None or prepared.show_id != show_id:
        return None
    del app.__dict__[PREPARED]
    library = app.library
    if (
        prepared.spare_ready
        and prepared._marker == library.change_marker()
        and prepared._viewing is not None
        and prepared._viewing.today == library.today()
    ):
        return prepared
    prepared.remove()  # not drawn yet, or the library changed since it was read
    return None


def _take_spare(app) -> ShowScreen | None:
    spare = app.__dict__.get("_spare_show_screen")
    if spare is None or not spare.spare_ready:
        return None  # none, or not built yet: a new screen this time
    del app.__dict__["_spare_show_screen"]
    app.set_timer(SPARE_QUIET, lambda: prepare_spare(app))
    return spare


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

    def __init__(self, show_id: int = NO_SHOW, prepared: bool = False) -> None:
        # NO_SHOW: a spare, empty until open_show gives it a show. `prepared`: built
        # ahead for this show (prepare_open).
        super().__init__(classes="show-screen")
        self.show_id = show_id
        self.prepared = prepared
        self.spare_ready = False  # built ahead, laid out and drawn (prepare_spare, prepare_open)
        self.land_pending = False
        self.header: ShowHeaderView | None = None
        # The rows' keys (episode ids) in order. An episode is read, and its view made,
        # when its row is first drawn: opening a long show reads a screenful, not 1,100.
        self._viewing: EpisodeViews | None = None
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._episodes: dict[str, Episode] = {}
        self._views: dict[str, EpisodeView] = {}
        self._marker: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="show-info")
        yield RowList(COLUMNS, id="episodes")
        yield NotesList(id="notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(NotesList).border_title = "Notes on the show"
        self.rows.focus()
        if self.show_id == NO_SHOW:  # a spare: laid out now for the terminal's size
            self.query_one(NotesList).display = False  # as for most shows
            self.call_later(self._lay_out_spare)
            return
        self.refresh_notes()
        self.reload(land_on_next=True)
        if self.prepared:
            self.call_later(self._lay_out_prepared)

    def _still_ahead(self) -> bool:
        return (
            self.prepared
            and not app_closing(self.app)
            and self.app.__dict__.get(PREPARED) is self
            and self.app.screen is not self
        )

    def _lay_out_prepared(self) -> None:
        if not self._still_ahead():
            return
        self._refresh_layout(self.app.size)
        self.styled_now()
        self.set_timer(0.05, self._draw_prepared)  # once the layout's events are handled

    def _draw_prepared(self) -> None:
        """Draw it off screen: its rows are read and drawn, its frame timer started."""
        if not self._still_ahead():
            return
        # Its rows drawn now. (Its frame is not kept: layouts its widgets ask for are
        # still pending here, and a screen not shown is laid out by no one.)
        self._compositor.render_update(full=True)
        self._update_timer.resume()
        self.spare_ready = True

    def _lay_out_spare(self) -> None:
        if self.show_id != NO_SHOW or app_closing(self.app) or self.app.screen is self:
            return
        # Laid out as for a long show (with a scrollbar): most shows fill the screen.
        self.rows.virtual_size = Size(self.app.size.width, SPARE_ROWS)
        self._refresh_layout(self.app.size)
        # Styled as it was built: shown with nothing changed since, it is not again.
        self.styled_now()
        self.set_timer(0.05, self._draw_spare)  # once the layout's events are handled

    def _draw_spare(self) -> None:
        """Draw the spare off screen once, as Textual draws a screen it shows: what does
        not change with the show (the footer, the header's frame, the scrollbar) is then
        drawn already. And start its frame timer: a new screen's first frame otherwise
        waits a whole frame period (1/60 s) for the timer's first tick."""
        if self.show_id != NO_SHOW or app_closing(self.app) or self.app.screen is self:
            return
        self._compositor.render_update(full=True)
        self._update_timer.resume()
        self.spare_ready = True
        for screen in self.app.screen_stack:  # the library: a show to build ahead?
            if hasattr(screen, "prepare_open_soon"):
                screen.prepare_open_soon()

    def on_screen_suspend(self) -> None:
        # Left (back to the library, or under an episode or a dialog): once the user
        # pauses, draw it off screen, to be shown as it is if opened again unchanged.
        self.set_timer(DRAW_AHEAD_AFTER, self._land_ahead)

    def _land_ahead(self) -> None:
        """Closed (back to the library): opening it again lands on the next episode,
        centered; do that now, then draw it, so the frame drawn ahead is the one shown."""
        if app_closing(self.app) or self is self.app.screen:
            return
        if self not in self.app.screen_stack and self.header is not None and self.header.landing_id:
            self.rows.move_to(str(self.header.landing_id), center=True)
        self.set_timer(0.05, self.draw_ahead)  # once the scroll's messages are handled

    def on_screen_resume(self) -> None:
        # Opened again, or back from an episode or a dialog: redraw only what changed.
        land, self.land_pending = self.land_pending, False
        if self.header is None:  # a spare, shown with its show the first time
            self.refresh_notes()
            self.reload(land_on_next=True)
        elif self._marker != self.library.change_marker():
            self.reload(land_on_next=land)
        elif land and self.header is not None and self.header.landing_id is not None:
            self.query_one("#episodes", RowList).move_to(str(self.header.landing_id), center=True)

    def action_back(self) -> None:
        from episodetui.tui.library_screen import LibraryScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.came_back_from(self.show_id)
        self.app.pop_screen()

    # ------------------------------------------------------------------ data

    def reload(self, land_on_next: bool = False) -> None:
        """Read the show again; redraw the header and the rows whose view changed."""
        header, context, ids = show_outline(self.library, self.show_id)
        self._marker = self.library.change_marker()
        previous, self.header = self.header, header
        self._viewing = context
        self.sub_title = header.title
        self._render_info(header)
        if previous is not None:  # notes may have changed too (another process, a reused id)
            self.refresh_notes()
        rows = self.query_one("#episodes", RowList)
        keys = [str(i) for i in ids]
        if previous is None or land_on_next or keys != self._keys:
            self._keys, self._index = keys, {key: i for i, key in enumerate(keys)}
            self._episodes, self._views = {}, {}
            land = str(header.landing_id) if land_on_next and header.landing_id else rows.highlighted_key
            rows.set_rows(keys, self._cells, keep_key=land, center=land_on_next)
            return
        # The same rows: read again the episodes drawn, redraw those whose view changed.
        drawn, self._views = self._views, {}
        self._episodes = {}
        self._redraw_changed(list(drawn), drawn, rows)

    def plays_changed(self, change: Change) -> None:
        """Update in place: the header, the changed rows, and the old and new next."""
        if change.show_id != self.show_id or self._viewing is None:
            return
        if self is not self.app.screen:
            return  # redrawn when back on top (the marker changed)
        if self._viewing.today != self.library.today():  # a new day: what aired changed too
            self.reload()
            return
        header = show_header(self.library, self.show_id)
        next_id = header.next.id if header.next else None
        ids = set(change.episode_ids)
        ids.update(i for i in (self._viewing.next_id, next_id) if i is not None)
        self._viewing = replace(self._viewing, next_id=next_id)
        keys = [key for key in map(str, ids) if key in self._index]
        for key in keys:
            self._episodes.pop(key, None)  # read again when drawn
        # Rows drawn are read again now (one read, however many were marked).
        self._redraw_changed([key for key in keys if key in self._views], self._views, self.rows)
        self.header = header
        self._render_info(header)
        self._marker = self.library.change_marker()

    def _redraw_changed(self, keys: list[str], drawn: dict[str, EpisodeView], rows: RowList) -> None:
        """Read these rows' episodes again; redraw each whose view differs from `drawn`."""
        assert self._viewing is not None
        fresh = self.library.episodes_by_id(int(key) for key in keys) if keys else {}
        for key in keys:
            episode = fresh.get(int(key))
            old = drawn.get(key)
            if episode is None:  # gone (another process): the next reload drops its row
                self._views.pop(key, None)
                rows.invalidate(key)
                continue
            self._episodes[key] = episode
            view = self._views[key] = self._viewing.view(episode)
            if view != old:
                rows.invalidate(key)

    @property
    def rows(self) -> RowList:
        return self.query_one("#episodes", RowList)

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

    def _cells(self, index: int) -> tuple[Text, ...]:
        view = self._view(self._keys[index])
        return _episode_cells(view) if view is not None else GONE_CELLS

    def _view(self, key: str) -> EpisodeView | None:
        """The row's view, reading its episode (and the next screenful's) if not yet read."""
        view = self._views.get(key)
        if view is not None:
            return view
        episode = self._episodes.get(key)
        if episode is None:
            index = self._index[key]
            unread = [int(k) for k in self._keys[index : index + READ_AHEAD] if k not in self._episodes]
            for episode_id, read in self.library.episodes_by_id(unread).items():
                self._episodes[str(episode_id)] = read
            episode = self._episodes.get(key)
            if episode is None:  # removed by another process since the rows were read
                self.call_later(self.reload)
                return None
        assert self._viewing is not None
        view = self._views[key] = self._viewing.view(episode)
        return view

    def highlighted_episode(self) -> EpisodeView | None:
        key = self.rows.highlighted_key
        return self._view(key) if key is not None and key in self._index else None

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
