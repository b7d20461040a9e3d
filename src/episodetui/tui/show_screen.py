"""A show: its seasons and episodes with watched marks, air dates and note counts."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from episodetui.core.spoilers import EpisodeState
from episodetui.core.store import Episode
from episodetui.core.text import progress_bar
from episodetui.tui.row_list import Column, RowList
from episodetui.tui.notes import NoteActions, NotesList

COLUMNS = (
    Column("", width=1),
    Column("Episode", width=10),
    Column("Title"),
    Column("Aired", width=10),
    Column("Notes", width=5),
    Column("Recap", width=7),
    Column("Rating", width=6),
)


class ShowScreen(NoteActions):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("w", "toggle_watched", "Watched"),
        Binding("W", "watch_through", "Up to here"),
        Binding("n", "new_note", "Show note"),
        Binding("e", "edit_note", "Edit note", show=False),
        Binding("d", "delete_note", "Delete note", show=False),
        Binding("t", "edit_title", "Edit title"),
        Binding("u", "refresh_show", "Refresh"),
        Binding("v", "toggle_note_spoilers", "Note spoilers", show=False),
        Binding("asterisk", "rate_show", "Rate show", key_display="*", id="show.rate"),
        Binding("R", "toggle_rewatch", "Rewatch", id="show.rewatch"),
    ]

    def __init__(self, show_id: int) -> None:
        super().__init__(id="show")
        self.show_id = show_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="show-info")
        yield RowList(COLUMNS, id="episodes")
        yield NotesList(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        show = self.library.show(self.show_id)
        self.sub_title = show.title
        table = self.query_one("#episodes", RowList)
        self.query_one(NotesList).border_title = "Notes on the show"
        self.refresh_notes()
        table.focus()

    def on_screen_resume(self) -> None:
        # Runs when the screen is first shown and whenever it is back on top.
        self.reload()

    def reload(self) -> None:
        """Redraw progress and every episode row whose cells changed."""
        library = self.library
        show = library.show(self.show_id)
        summary = library.summary(self.show_id)
        policy = library.policy_for(show)
        next_id = summary.next_episode.id if summary.next_episode else None
        self._render_info(show, summary, policy.mode.value)
        rows = self.query_one("#episodes", RowList)
        today = library.today()
        ratings = library.episode_ratings(self.show_id)
        fresh = []
        for episode in library.episodes(self.show_id):
            state = EpisodeState(watched=episode.watched, is_next=episode.id == next_id)
            title = policy.episode_title(episode.title, state)
            cells = _episode_cells(episode, title, policy.recap_visible(state), today)
            fresh.append((str(episode.id), (*cells, _rating_cell(ratings.get(episode.id)))))
        if rows.row_count != len(fresh) or rows.keys != [key for key, _ in fresh]:
            rows.set_rows([key for key, _ in fresh], lambda index: fresh[index][1], keep_key=rows.highlighted_key)
            return
        for key, cells in fresh:
            if rows.cells(key) != cells:
                rows.update_row(key, cells)

    def _render_info(self, show, summary, mode: str) -> None:
        info = Text()
        info.append(show.title, style="bold")
        rating = self.library.ratings(show.id).get(None)
        details = [str(show.year) if show.year else "", show.network or "", show.status or "",
                   f"rated {rating[0]}/10" if rating else ""]
        details = [d for d in details if d]
        if details:
            info.append("  " + " · ".join(details), style="dim")
        info.append("\n")
        info.append(progress_bar(summary.watched, summary.total, 20), style="green")
        info.append(f" {summary.watched}/{summary.total} watched")
        nxt = summary.next_episode
        info.append(f" · next {nxt.code} {nxt.title}".rstrip() if nxt else " · caught up")
        average = self.library.rating_summary(show.id).average  # the show's own is above
        if average is not None:
            info.append(f" · episodes ★ {average:.1f}".replace(".0", ""), style="yellow")
        info.append(f" · spoilers: {mode}", style="dim")
        rewatch = self.library.pass_progress(show.id)
        if rewatch is not None:
            info.append(f"\n↻ {rewatch.describe()} (R stops it)", style="magenta")
        if show.synopsis:
            info.append("\n" + show.synopsis, style="italic")
        self.query_one("#show-info", Static).update(info)

    def refresh_notes(self) -> None:
        self.query_one(NotesList).show_notes(self.library.show_notes(self.show_id), self.notes_revealed)

    def note_target(self) -> tuple[int, int | None, str]:
        return self.show_id, None, self.library.show(self.show_id).title

    def highlighted_episode_id(self) -> int | None:
        key = self.query_one("#episodes", RowList).highlighted_key
        return int(key) if key else None

    @on(RowList.Selected)
    def _open(self, event: RowList.Selected) -> None:
        self.app.open_episode(int(event.key))

    def action_toggle_watched(self) -> None:
        episode_id = self.highlighted_episode_id()
        if episode_id is None:
            return
        self.app.toggle_watched(episode_id)
        self.reload()

    def action_watch_through(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen

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
                count = self.library.watch_through(episode_id)
                self.reload()
                self.notify(f"Marked {count} episodes watched.")

        plural = "s" if len(pending) != 1 else ""
        self.app.push_screen(
            ConfirmScreen(f"Mark {len(pending)} episode{plural} watched, {pending[0].code} through {episode.code}?", "Mark watched", "Cancel"),
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


def _rating_cell(rating: int | None) -> Text:
    return Text(f"★ {rating}" if rating else "", style="yellow")


def _episode_cells(episode: Episode, title: str, recap_visible: bool, today) -> tuple[Text, ...]:
    if episode.watched:
        mark = Text("✓", style="bold green")
    elif not episode.aired(today):
        mark = Text("◷", style="dim")
    else:
        mark = Text("·", style="dim")
    code = "Special " + str(episode.number) if episode.season == 0 else episode.code
    if episode.has_recap:
        recap = Text("✓ shown" if recap_visible else "hidden", style="" if recap_visible else "yellow")
    else:
        recap = Text("")
    title_cell = Text(title or f"Episode {episode.number}", style="dim" if not title else "")
    if episode.delisted:
        title_cell.append("  (no longer listed on TVmaze)", style="dim italic")
    return (
        mark,
        Text(code),
        title_cell,
        Text(episode.air_date or "", style="dim"),
        Text(str(episode.note_count) if episode.note_count else ""),
        recap,
    )
