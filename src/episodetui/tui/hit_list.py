"""HitList: search results as lines, drawing only what is on screen and what changed.

An OptionList lays out, wraps and measures every option it holds whenever its options
change: with 100 two-line results that was most of the time a keystroke took in the
search screen. Here each entry is one or two lines of known height, cut to the width
(never wrapped), and a new set of entries repaints only the lines on screen that differ
from what is already there; a line drawn once is kept, so results that stay (typing
"00" after "0") cost nothing to draw again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class Entry:
    """One result (with a key: it can be highlighted and chosen) or a heading (no key),
    `height` lines tall. Its lines are made by `make()` only when one is drawn (a screen
    shows ~15 of 100 results); `look` is what they are made from: two entries with the
    same look draw the same lines."""

    height: int
    look: Hashable
    make: Callable[[], tuple[Content, ...]]
    key: str | None = None


# A drawn line: its entry's look, which line of the entry, and whether it is the cursor's.
LineKey = tuple[Hashable, int, bool]


class HitList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False, id="hits.up"),
        Binding("down", "cursor_down", "Down", show=False, id="hits.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="hits.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="hits.page_down"),
        Binding("home", "first", "First", show=False, id="hits.first"),
        Binding("end", "last", "Last", show=False, id="hits.last"),
        Binding("enter", "select", "Open", show=False, id="hits.open"),
    ]

    COMPONENT_CLASSES = {"hit-list--line", "hit-list--cursor"}

    DEFAULT_CSS = """
    HitList {
        height: 1fr;
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        color: $foreground;
        & > .hit-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .hit-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    # The highlighted entry (an index into the entries); repaint=False: a move repaints
    # the lines of the two entries it changed (watch_cursor), not the whole list.
    cursor: reactive[int | None] = reactive(None, always_update=True, init=False, repaint=False)

    class Selected(Message):
        """Enter, or a click on a result."""

        def __init__(self, hit_list: HitList, key: str) -> None:
            super().__init__()
            self.hit_list = hit_list
            self.key = key

        @property
        def control(self) -> HitList:
            return self.hit_list

    LINES_KEPT = 1024

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Entry] = []
        self._lines: list[tuple[int, int]] = []  # (entry index, line of the entry) per line
        self._first_line: list[int] = []  # per entry, its first line
        self._strips: LRUCache[LineKey, Strip] = LRUCache(self.LINES_KEPT)
        self._drawn_with: tuple[object, ...] = ()

    # ------------------------------------------------------------------ data

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    @property
    def highlighted_key(self) -> str | None:
        if self.cursor is None or not 0 <= self.cursor < len(self._entries):
            return None
        return self._entries[self.cursor].key

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Show `entries`, the cursor on the first result; repaint only the lines on
        screen that now show something else."""
        before = [self._line_key_at(y) for y in self._visible_lines()]
        self._entries = list(entries)
        self._lines = []
        self._first_line = []
        for index, entry in enumerate(self._entries):
            self._first_line.append(len(self._lines))
            self._lines.extend((index, offset) for offset in range(entry.height))
        first = next((i for i, entry in enumerate(self._entries) if entry.key is not None), None)
        self.set_reactive(HitList.cursor, first)
        self._set_virtual_height(len(self._lines))
        if round(self.scroll_y):
            self.scroll_to(y=0, animate=False, immediate=True)  # repaints everything
            return
        for y, old in zip(self._visible_lines(), before, strict=True):
            if self._line_key_at(y) != old:
                self._refresh_line(y)

    def _set_virtual_height(self, height: int) -> None:
        size = Size(self.scrollable_content_region.width, height)
        if size == self.virtual_size:
            return
        page = self.scrollable_content_region.height
        if not self.size or (height > page) != (self.virtual_size.height > page):
            self.virtual_size = size  # the scrollbar comes or goes: a layout
        else:
            # Only the scrollbar's thumb changes: that needs no layout of the screen.
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)

    def _visible_lines(self) -> range:
        top = round(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    def _line_key_at(self, y: int) -> LineKey | None:
        if not 0 <= y < len(self._lines):
            return None
        index, offset = self._lines[y]
        return (self._entries[index].look, offset, index == self.cursor)

    def _refresh_line(self, y: int) -> None:
        top = round(self.scroll_y)
        if top <= y < top + self.scrollable_content_region.height:
            self.refresh(Region(0, y - top, self.size.width, 1))

    def _refresh_entry(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._entries):
            first = self._first_line[index]
            for y in range(first, first + self._entries[index].height):
                self._refresh_line(y)

    # ---------------------------------------------------------------- cursor

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._refresh_entry(old)
        self._refresh_entry(new)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None or not self._entries:
            return
        first = self._first_line[self.cursor]
        last = first + self._entries[self.cursor].height - 1
        top = round(self.scroll_y)
        page = self.scrollable_content_region.height
        if self.cursor == next(i for i, e in enumerate(self._entries) if e.key is not None):
            first = 0  # the first result: show its heading too
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + page:
            self.scroll_to(y=last - page + 1, animate=False, immediate=True)

    def _step(self, start: int, direction: int) -> None:
        """The cursor to the nearest result from `start` in `direction` (or stays)."""
        index = start
        while 0 <= index < len(self._entries):
            if self._entries[index].key is not None:
                self.cursor = index
                return
            index += direction
        # Nothing that way: the nearest result the other way.
        index = start
        while 0 <= index < len(self._entries):
            if self._entries[index].key is not None:
                self.cursor = index
                return
            index -= direction

    def action_cursor_up(self) -> None:
        if self.cursor is not None:
            before = self.cursor
            self._step(self.cursor - 1, -1)
            if self.cursor == before:
                self.scroll_to(y=0, animate=False, immediate=True)  # its heading

    def action_cursor_down(self) -> None:
        if self.cursor is not None:
            self._step(self.cursor + 1, 1)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        if self.cursor is not None:
            line = max(0, self._first_line[self.cursor] - self._page())
            self._step(self._lines[line][0], -1)

    def action_page_down(self) -> None:
        if self.cursor is not None:
            line = min(len(self._lines) - 1, self._first_line[self.cursor] + self._page())
            self._step(self._lines[line][0], 1)

    def action_first(self) -> None:
        self._step(0, 1)

    def action_last(self) -> None:
        self._step(len(self._entries) - 1, -1)

    def action_select(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        y = round(self.scroll_y) + event.y
        if 0 <= y < len(self._lines):
            index = self._lines[y][0]
            if self._entries[index].key is not None:
                self.cursor = index
                self.action_select()

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self._scroll_to_cursor()

    # ------------------------------------------------------------- rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        # Lines drawn are kept while the width and the styles they were drawn with stay
        # (focus, a theme change them).
        styles = (
            self.scrollable_content_region.width,
            self.get_visual_style("hit-list--line"),
            self.get_visual_style("hit-list--line", "hit-list--cursor"),
        )
        if styles != self._drawn_with:
            self._drawn_with = styles
            self._strips.clear()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width, normal, cursor_style = self._drawn_with  # type: ignore[misc]
        line = round(self.scroll_y) + y
        if not 0 <= line < len(self._lines):
            return Strip.blank(width, normal.rich_style)
        index, offset = self._lines[line]
        entry = self._entries[index]
        is_cursor = index == self.cursor
        key = (entry.look, offset, is_cursor)
        strip = self._strips.get(key)
        if strip is None:
            content = entry.make()[offset]
            strip = self._draw(content, cursor_style if is_cursor else normal, width)
            self._strips.set(key, strip)
        return strip

    def _draw(self, content: Content, style: Style, width: int) -> Strip:
        if content.cell_length > width:
            content = content.truncate(width, ellipsis=True)
        segments = [
            Segment(text, (style + text_style).rich_style)
            for text, text_style in content.render(style, end="", parse_style=self._get_style)
        ]
        return Strip(segments).extend_cell_length(width, style.rich_style).crop(0, width)
