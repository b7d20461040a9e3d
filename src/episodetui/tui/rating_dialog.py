"""Rate a show or an episode: type 1-10 and Enter; 0 or nothing clears; Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

CLEAR = 0  # the dialog's answer for "remove the rating"


class RatingPrompt(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="rating.cancel")]

    def __init__(self, what: str, current: int | None) -> None:
        super().__init__(classes="dialog-screen")
        self.what = what
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(f"Rate {self.what}"), classes="dialog-title")
            yield Static(Text("1 to 10, then Enter. 0 or nothing clears the rating. Escape cancels."))
            yield Input(
                str(self.current or ""), placeholder="1-10", restrict=r"[0-9]*", max_length=2, id="rating"
            )
            yield Label("", classes="error")

    def on_mount(self) -> None:
        self.query_one(".error", Label).display = False
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = int(event.value) if event.value else CLEAR
        if value > 10:
            error = self.query_one(".error", Label)
            error.update(Text("A rating goes from 1 to 10."))
            error.display = True
            return
        self.dismiss(value)


def rate(screen, show_id: int, episode_id: int | None, what: str, after) -> None:  # type: ignore[no-untyped-def]
    """Ask for a rating and save it (or clear it), deciding from the database."""
    library = screen.app.library
    current = library.rating(show_id, episode_id)

    def save(value: int | None) -> None:
        if value is None:
            return
        said: list[str] = []

        def write() -> None:
            if value == CLEAR:
                if library.clear_rating(show_id, episode_id):
                    said.append("Rating cleared.")
            else:
                library.set_rating(show_id, episode_id, value)
                said.append(f"Rated {value}/10.")

        if screen.app.saved(write):
            for message in said:
                screen.notify(message)
            after()

    screen.app.push_screen(RatingPrompt(what, current.rating if current else None), save)
