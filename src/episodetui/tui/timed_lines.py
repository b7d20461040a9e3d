"""Key moments and notes: lines that may start with a marker and a timestamp. In columns,
so a long line wraps under its own text, not back under the bullet or the timestamp."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from episodetui.core.text import format_timestamp

# (marker such as "•" or "", seconds into the episode or None, the line's text)
TimedLine = tuple[Text | str, int | None, Text | str]


def timed_lines(lines: Sequence[TimedLine]) -> Table:
    with_markers = any(marker for marker, _, _ in lines)
    with_times = any(at is not None for _, at, _ in lines)
    grid = Table.grid()
    if with_markers:
        grid.add_column(no_wrap=True)
    if with_times:
        grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for marker, at, text in lines:
        cells: list[Text] = [Text.assemble(marker, " ")] if with_markers else []
        if with_times:
            cells.append(Text(format_timestamp(at) + "  ", style="bold") if at is not None else Text())
        # A str cell would be read as Rich markup: outside text goes in as Text, always.
        cells.append(text if isinstance(text, Text) else Text(text))
        grid.add_row(*cells)
    return grid
