"""The baseline for bench/interact.py: a bare Textual app that updates one label on a key.

Any key but q redraws the label as "pressed N: KEY", so the benchmark can time how long
Textual itself takes from a keypress to the changed screen, in the same terminal.
"""

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Label("bare app ready", id="label")

    def on_key(self, event) -> None:
        if event.key == "q":
            return
        self.presses += 1
        self.query_one(Label).update(f"pressed {self.presses}: {event.key}")


if __name__ == "__main__":
    BareApp().run()
