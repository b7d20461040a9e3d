"""Second baselines for bench/interact.py: bare Textual apps that switch what fills the terminal.

Each has two views, 30 lines of text under a Header and over a Footer, as the library and
a show are; o shows the second, Escape the first. With `screens` (the default) they are
two screens, the second kept and pushed, then popped; with `views` one screen swaps two
kept widgets in a ContentSwitcher, the alternative to screens the benchmark weighs. What
a switch that redraws the whole terminal costs in Textual itself, nothing of episodetui's.

    python bench/bare_switch.py [screens|views]
"""

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Static


def rows(name: str) -> str:
    return "\n".join(f"{name} row {i:02d}  " + "lorem ipsum dolor sit amet " * 3 for i in range(30))


class Second(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(rows("second"))
        yield Footer()


class First(Screen[None]):
    BINDINGS = [Binding("o", "open", "Open")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(rows("first"))
        yield Footer()

    def action_open(self) -> None:
        self.app.push_screen("second")


class Views(Screen[None]):
    BINDINGS = [Binding("o", "show('second')", "Open"), Binding("escape", "show('first')", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="first"):
            yield Static(rows("first"), id="first")
            yield Static(rows("second"), id="second")
        yield Footer()

    def action_show(self, name: str) -> None:
        self.query_one(ContentSwitcher).current = name


class BareSwitchApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, mode: str = "screens") -> None:
        super().__init__()
        self.mode = mode

    def on_mount(self) -> None:
        if self.mode == "views":
            self.push_screen(Views())
            return
        self.install_screen(Second(), "second")  # kept, as episodetui keeps the show screens
        self.push_screen(First())


if __name__ == "__main__":
    BareSwitchApp(sys.argv[1] if len(sys.argv) > 1 else "screens").run()
