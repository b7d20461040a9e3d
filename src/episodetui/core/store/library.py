"""The `Library` façade: one object over the store's rooms. Open with `Library.open(dir)`."""

from __future__ import annotations

from pathlib import Path

from episodetui.core.store.history import HistoryRoom
from episodetui.core.store.ratings import RatingsRoom
from episodetui.core.store.raw import RawRoom
from episodetui.core.store.records import Clock
from episodetui.core.store.rewatch import RewatchRoom
from episodetui.core.store.search import SearchRoom
from episodetui.core.store.stats import StatsRoom
from episodetui.core.store.upstream import UpstreamRoom


class Library(RewatchRoom, HistoryRoom, RawRoom, SearchRoom, RatingsRoom, StatsRoom, UpstreamRoom):
    """A user's library in `data_dir`: shows, episodes, plays, recaps and notes."""

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None, *, check: bool = True) -> Library:
        library = super().open(data_dir, clock, check=check)
        assert isinstance(library, Library)
        return library
