"""The "Previously on" panel of the episode about to be watched: key moments and notes of
the last watched episodes, newest last. Collapsible; says what would appear when empty."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Collapsible, Static

from episodetui.core.previously import DEFAULT_EPISODES, Previously
from episodetui.tui.timed_lines import TimedLine, timed_lines

EMPTY = (
    "The key moments and your notes of the last {n} watched episodes appear here before "
    "you watch the next one. None of them has any yet."
)


class PreviouslyPanel(Collapsible):
    def __init__(self) -> None:
        super().__init__(
            Static(id="previously-body"), title="Previously on", collapsed=False, id="previously"
        )

    def on_mount(self) -> None:
        self.display = False

    def show_previously(self, previously: Previously | None) -> None:
        """Show the panel for the episode about to be watched, or hide it (None)."""
        self.display = previously is not None
        if previously is None:
            return
        self.title = f"Previously on {previously.show_title}"
        self.query_one("#previously-body", Static).update(render_previously(previously))


def render_previously(previously: Previously) -> RenderableType:
    if previously.empty:
        return Text(EMPTY.format(n=DEFAULT_EPISODES), style="dim")
    parts: list[RenderableType] = []
    for episode in previously.episodes:
        if not (episode.key_moments or episode.notes):
            continue
        if parts:
            parts.append(Text())
        parts.append(Text.assemble((episode.code, "bold"), f"  {episode.title}" if episode.title else ""))
        lines: list[TimedLine] = [("  •", moment.at_seconds, moment.text) for moment in episode.key_moments]
        lines += [(Text("  ✎", style="dim"), note.at_seconds, note.text) for note in episode.notes]
        parts.append(timed_lines(lines))
    return Group(*parts)
