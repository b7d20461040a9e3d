"""What the library rows show beyond progress: a show's rating and a rewatch in progress.

Read once per redraw (one grouped query each) and added to the cells the library screen
makes, so the screen itself only passes them along.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from episodetui.core.text import progress_bar


@dataclass(slots=True)
class LibraryExtras:
    ratings: dict = field(default_factory=dict)  # show id → RatingSummary
    passes: dict = field(default_factory=dict)  # show id → PassProgress

    @classmethod
    def read(cls, library) -> LibraryExtras:  # type: ignore[no-untyped-def]
        passes = library.active_pass_progress()
        return cls(library.rating_summaries(), passes)

    def decorate(self, show_id: int, cells: tuple[Text, ...]) -> tuple[Text, ...]:
        """The library screen's (title, progress, next, last watched) cells, with extras."""
        rating = self.ratings.get(show_id)
        rewatch = self.passes.get(show_id)
        if rating is None and rewatch is None:
            return cells
        title, progress, nxt, *rest = cells
        if rating is not None and rating.describe():
            title = title.copy()
            title.append(f"  {rating.describe()}", style="yellow")
        if rewatch is not None:
            # The rewatch's own progress, in its own colour, with ↻ before the count.
            progress = Text(progress_bar(rewatch.watched, rewatch.total), style="magenta")
            progress.append(f" ↻{rewatch.watched}/{rewatch.total}")
            nxt = Text(
                f"↻ {rewatch.next_code} {rewatch.next_title}".rstrip()
                if rewatch.next_code
                else "↻ rewatch done"
            )
        return (title, progress, nxt, *rest)
