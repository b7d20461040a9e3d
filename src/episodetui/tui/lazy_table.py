"""A DataTable that paints big tables at once: the first screenful of rows is added
now, the rest right after that frame is on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

Row = tuple[str, tuple[Text, ...]]
T = TypeVar("T")

FIRST_ROWS = 60  # a tall terminal's worth


class LazyTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._generation = 0

    def reset(self, columns: bool = False) -> None:
        """Clear the table and drop any rows still waiting to be added."""
        self._generation += 1
        self.clear(columns=columns)

    def add_rows_lazily(
        self,
        items: Sequence[T],
        make_row: Callable[[T], Row],
        on_added: Callable[[str, tuple[Text, ...]], None] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Add a row for each item; rows past the first screenful are made later."""
        generation = self._generation

        def add(batch: Sequence[T]) -> None:
            if generation != self._generation:
                return  # the table was reset meanwhile
            for item in batch:
                key, cells = make_row(item)
                if key not in self.rows:
                    self.add_row(*cells, key=key)
                    if on_added:
                        on_added(key, cells)
            if then and batch is rest:
                then()

        rest = items[FIRST_ROWS:]
        add(items[:FIRST_ROWS])
        if rest:
            self.call_after_refresh(add, rest)
        elif then:
            then()

    @property
    def highlighted_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
