"""RowList draws a cell of one style without rich's Text machinery: every row must come
out exactly as rich would draw it (cut with an ellipsis, padded, styled over the row)."""

from __future__ import annotations

import types

from hypothesis import given, settings, strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from episodetui.tui.row_list import RowList

CONSOLE = Console(width=200)
ROW = Style(bgcolor="grey11") + Style(color="white", bold=True)


def _as_rich_draws_it(cells: list[Text], widths: list[int], style: Style) -> list[Segment]:
    line = Text(" ", no_wrap=True, end="")
    for i, (cell, width) in enumerate(zip(cells, widths, strict=False)):
        if i:
            line.append(" ")
        piece = cell.copy()
        piece.no_wrap = True
        piece.truncate(width, overflow="ellipsis", pad=True)
        line.append_text(piece)
    line.stylize_before(style)
    return list(Segment.simplify(line.render(CONSOLE)))


def _as_the_list_draws_it(cells: list[Text], widths: list[int], style: Style) -> list[Segment]:
    fake = types.SimpleNamespace(app=types.SimpleNamespace(console=CONSOLE), _column_widths=widths)
    return list(Segment.simplify(RowList._line(fake, cells, style)))  # type: ignore[arg-type]


def test_cells_cut_padded_and_styled_as_rich_does():
    spanned = Text("Northern stop 4")
    spanned.append("  (no longer listed on TVmaze)", style="dim italic")
    cells = [
        Text("✓", style="bold green"),
        Text("S01E04"),
        Text("exactly ten"),  # 11 cells in 10: cut
        Text("十年目の夏休み", style="dim"),  # wide characters, cut mid-character
        Text(""),
        spanned,
        Text("★ 8", style=Style(color="yellow")),
        Text("no room"),
    ]
    widths = [1, 10, 10, 9, 5, 20, 6, 0]
    assert _as_the_list_draws_it(cells, widths, ROW) == _as_rich_draws_it(cells, widths, ROW)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(max_size=30), st.sampled_from(["", "dim", "bold green", "yellow"]), st.integers(0, 25)
        ),
        max_size=8,
    )
)
def test_any_cells_are_drawn_as_rich_draws_them(columns):
    cells = [Text(text, style=style) for text, style, _ in columns]
    widths = [width for _, _, width in columns]
    assert _as_the_list_draws_it(cells, widths, ROW) == _as_rich_draws_it(cells, widths, ROW)
