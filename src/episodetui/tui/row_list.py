"""RowList: a list of one-line rows in columns that draws only what is on screen.

DataTable measures and renders every cell it is given; with 1,000 shows or 1,100
episodes that cost hundreds of milliseconds on each open. Here a row costs nothing
until it scrolls into view, so opening and repainting stay flat with size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None  # None: shares the space the fixed columns leave
    weight: int = 1
    max_width: int | None = None  # a shared column grows no wider; the rest goes elsewhere


class RowList(ScrollView, can_focus=True):
    """Rows with a fixed header line, a cursor, and Enter or a click to choose."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", show=False, id="list.open"),
    ]

    COMPONENT_CLASSES = {"row-list--header", "row-list--cursor", "row-list--odd"}

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        overflow-x: hidden;
    }
    RowList > .row-list--header {
        text-style: bold;
        background: $panel;
    }
    RowList > .row-list--odd {
        background: $surface-lighten-1 30%;
    }
    RowList > .row-list--cursor {
        background: $surface-lighten-2;
    }
    RowList:focus > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    # repaint=False: a cursor move repaints the two rows it changed (watch_cursor), not
    # the whole list (about 10 KB written to the terminal for every move).
    cursor = reactive(0, always_update=True, init=False, repaint=False)

    class Selected(Message):
        """Enter, or a click on the highlighted row."""

        def __init__(self, row_list: RowList, key: str) -> None:
            super().__init__()
            self.row_list = row_list
            self.key = key

        @property
        def control(self) -> RowList:
            return self.row_list

    # Rows made and lines drawn are kept for the rows seen last: a screenful is ~35 rows,
    # so scrolling back and forth costs nothing, and a long list does not keep them all.
    CELLS_KEPT = 1024
    LINES_KEPT = 512

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._cells_for: Callable[[int], tuple[Text, ...]] = lambda index: ()
        self._cells: LRUCache[int, tuple[Text, ...]] = LRUCache(self.CELLS_KEPT)
        self._cache: LRUCache[tuple[int, bool], Strip] = LRUCache(self.LINES_KEPT)
        self._column_widths: list[int] = []
        self._widths_for = -1  # the width _column_widths were computed for
        self._center_pending = False
        self._centered_on: int | None = None  # the cursor row last centered, until it moves
        self._drawn_with: tuple[Style, ...] = ()
        self._content_width = 0  # set once per batch of lines drawn

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def cells(self, key: str) -> tuple[Text, ...]:
        return self._row_cells(self._index[key])

    def _row_cells(self, index: int) -> tuple[Text, ...]:
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells_for(index)
            self._cells.set(index, cells)
        return cells

    def set_rows(
        self,
        keys: Sequence[str],
        cells_for: Callable[[int], tuple[Text, ...]],
        keep_key: str | None = None,
        center: bool = False,
    ) -> None:
        """Replace every row. A row's cells are made by `cells_for(index)` only when
        the row is first drawn. The cursor stays on `keep_key` if it is still there;
        `center` scrolls it to the middle of the list (now, or once the list has a size)."""
        self._keys = list(keys)
        self._index = {key: i for i, key in enumerate(self._keys)}
        self._cells_for = cells_for
        self._cells.clear()
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._keys) + 1)
        self._center_pending = center
        if keep_key is not None:
            self.cursor = self._index.get(keep_key, 0)
        else:
            self.cursor = min(self.cursor, max(0, len(self._keys) - 1))
        self.refresh()

    def invalidate(self, key: str) -> None:
        """The row's data changed: make its cells again when it is next drawn."""
        index = self._index.get(key)
        if index is None:
            return
        self._cells.discard(index)
        self._forget_lines(index)
        self.refresh_line(index)

    def _forget_lines(self, index: int) -> None:
        self._cache.discard((index, True))
        self._cache.discard((index, False))

    @property
    def highlighted_key(self) -> str | None:
        if not self._keys:
            return None
        return self._keys[min(self.cursor, len(self._keys) - 1)]

    def move_to(self, key: str, center: bool = False) -> None:
        if key not in self._index:
            return
        index = self._index[key]
        self._center_pending = center
        if index == self.cursor:
            self._scroll_to_cursor()  # there already: in view (centered), nothing repainted
            return
        self.cursor = index

    # ---------------------------------------------------------------- cursor

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._keys) - 1)) if self._keys else 0

    def watch_cursor(self, old: int, new: int) -> None:
        # Repaint the two rows that changed, not the whole list and its scrollbar;
        # a scroll repaints what it must by itself.
        for index in {old, new}:
            self._forget_lines(index)
            self.refresh_line(index)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        page = self._page()
        if self._center_pending and self.size.height:
            self._center_pending = False
            self._centered_on = self.cursor
            self.scroll_to(y=max(0, self.cursor - page // 2), animate=False, immediate=True)
            return
        if self.cursor != self._centered_on:
            self._centered_on = None  # moved since: a resize keeps it in view, no more
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._keys) - 1

    def action_select(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < len(self._keys):
            if index == self.cursor:
                self.action_select()
            self.cursor = index

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._widths_for:  # lines drawn for another width; a height changes none
            self._cache.clear()
        self._compute_widths(width)
        self.virtual_size = Size(self.size.width, len(self._keys) + 1)
        # A list centered on its cursor (a screen reused at another size, centered
        # before its layout) is centered again, until the cursor moves.
        if self._centered_on is not None and self._centered_on == self.cursor:
            self._center_pending = True
        self._scroll_to_cursor()

    def _row_styles(self) -> tuple[Style, ...]:
        return (
            self.rich_style,
            self.get_component_rich_style("row-list--header"),
            self.get_component_rich_style("row-list--odd"),
            self.get_component_rich_style("row-list--cursor"),
        )

    # ------------------------------------------------------------- rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per batch of lines: the width, and the styles rows are drawn with.
        # Textual re-applies styles on every screen switch; drawn rows stay valid
        # unless the styles changed (a theme, focus).
        self._content_width = self.scrollable_content_region.width
        if self._content_width != self._widths_for:  # a scrollbar came or went
            self._compute_widths(self._content_width)
        styles = self._row_styles()
        if styles != self._drawn_with:
            self._drawn_with = styles
            self._cache.clear()
        return super().render_lines(crop)

    def _compute_widths(self, content_width: int) -> None:
        """Column widths for a width: once per resize (or scrollbar), not per line."""
        self._widths_for = content_width
        self._column_widths = column_widths(self.columns, content_width)

    def _line(self, cells: Sequence[Text], style: Style) -> list[Segment]:
        """A row: a margin, then each cell cut to its column's width (an ellipsis where
        it is cut, spaces where it is short), in its style over the row's `style`.

        A cell of one style (nearly all) is cut and styled here, without rich's Text
        copy, truncate and render: a first screenful of rows is drawn ~3x faster."""
        get_style = self.app.console.get_style
        gap = Segment(" ", style)
        line = [gap]
        for i, (cell, width) in enumerate(zip(cells, self._column_widths, strict=False)):
            if i:
                line.append(gap)
            if cell.spans or width < 1:
                piece = cell.copy()
                piece.no_wrap = True
                piece.truncate(width, overflow="ellipsis", pad=True)
                drawn = Text(no_wrap=True, end="")
                drawn.append_text(piece)
                drawn.stylize_before(style)
                line.extend(segment for segment in drawn.render(self.app.console) if segment.text)
                continue
            text = cell.plain
            length = cell_len(text)
            if length > width:
                text = set_cell_size(text, width - 1) + "…"
            elif length < width:
                text += " " * (width - length)
            own = cell.style
            line.append(
                Segment(text, style + get_style(own) if isinstance(own, str) else style + own)
                if own
                else Segment(text, style)
            )
        return line

    def render_line(self, y: int) -> Strip:
        width = self._content_width
        base, header_style, odd_style, cursor_style = self._drawn_with
        if y == 0:
            header = self._line([Text(c.label) for c in self.columns], base + header_style)
            return Strip(header).extend_cell_length(width, base + header_style).crop(0, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self._keys):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        cached = self._cache.get((index, is_cursor))
        if cached is not None and cached.cell_length == width:
            return cached
        style = base
        if index % 2:
            style += odd_style
        if is_cursor:
            style += cursor_style
        line = self._line(self._row_cells(index), style)
        strip = Strip(line).extend_cell_length(width, style).crop(0, width)
        self._cache.set((index, is_cursor), strip)
        return strip

    def refresh_line(self, index: int) -> None:
        """Repaint one row if it is on screen."""
        y = index - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))


def column_widths(columns: Sequence[Column], content_width: int) -> list[int]:
    """Each column's width in a list `content_width` cells wide (after a left margin
    and one space between columns): fixed columns keep theirs, the others share the
    rest by weight, and a column at its max_width gives the rest back."""
    width = content_width - 1  # a left margin
    fixed = sum(c.width for c in columns if c.width is not None)
    spare = max(0, width - fixed - (len(columns) - 1))
    widths = [c.width for c in columns]
    shared = [i for i, c in enumerate(columns) if c.width is None]
    # Share the spare space by weight; a column at its max_width gives the rest back.
    while shared:
        weights = sum(columns[i].weight for i in shared) or 1
        capped = [
            i
            for i in shared
            if (m := columns[i].max_width) is not None and spare * columns[i].weight // weights > m
        ]
        if not capped:
            for i in shared:
                widths[i] = spare * columns[i].weight // weights
            break
        for i in capped:
            widths[i] = columns[i].max_width
            spare -= widths[i]
            shared.remove(i)
    return [w or 0 for w in widths]
