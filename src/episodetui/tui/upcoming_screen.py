"""Upcoming: what airs in the next weeks for the shows in the library, in local time."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static

from episodetui.core.text import in_days_text, plural
from episodetui.core.views import UpcomingView, upcoming_views
from episodetui.tui.key_bar import KeyBar
from episodetui.tui.row_list import Column, RowList

DAYS = 28
COLUMNS = (
    Column("Airs", width=16),
    Column("", width=11),
    Column("Show", weight=3),
    Column("Episode", width=8),
    Column("Title", weight=4),
)


class UpcomingScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="upcoming.back")]

    def __init__(self) -> None:
        super().__init__(id="upcoming")
        self.items: list[UpcomingView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="upcoming-status")
        yield RowList(COLUMNS, id="upcoming-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Upcoming"
        self.query_one(RowList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.items = upcoming_views(self.app.library, DAYS)
        rows = self.query_one(RowList)

        def cells(index: int) -> tuple[Text, ...]:
            item = self.items[index]
            episode = item.episode
            # The view's title: unaired means unwatched, so strict mode hides it.
            airs = item.airs_at.strftime("%a %d %b %H:%M") if item.airs_at else episode.air_date or ""
            return (
                Text(airs),
                Text(in_days_text(item.in_days), style="dim"),
                Text(item.show_title),
                Text(episode.code),
                Text(episode.title),
            )

        rows.set_rows([str(item.episode.id) for item in self.items], cells)
        rows.display = bool(self.items)  # no column heads over nothing
        status = (
            f"{plural(len(self.items), 'episode')} airing in the next {DAYS} days, in your local time"
            if self.items
            else f"Nothing airs in the next {DAYS} days. Shows added from TVmaze list their future episodes here."
        )
        self.query_one("#upcoming-status", Static).update(Text(status))

    @on(RowList.Selected)
    def _open(self, event: RowList.Selected) -> None:
        self.app.open_episode(int(event.key))
