"""Matching imported shows to TVmaze: by TheTVDB or IMDb id through TVmaze's lookup, else
by title (and year) search, taking only a clear match. Calls are paced to TVmaze's limit
(20 calls in 10 seconds), and progress is reported after each show.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from episodetui.core.history.model import HistoryShow
from episodetui.core.tvmaze import EpisodeFacts, NetworkError, SearchHit, TvMazeClient, TvShow, episode_facts

CALLS = 20
WINDOW_SECONDS = 10.0
_DISAMBIGUATOR = re.compile(r"\s*\(([^()]*)\)\s*$")

# done, total, what is happening now
Progress = Callable[[int, int, str], None]


class RateLimiter:
    """At most `calls` in any `window` seconds: waits (sleeps) when the window is full."""

    def __init__(
        self,
        calls: int = CALLS,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.calls, self.window, self.clock, self.sleep = calls, window, clock, sleep
        self.stamps: deque[float] = deque()
        self.count = 0

    def acquire(self) -> None:
        now = self.clock()
        while self.stamps and now - self.stamps[0] >= self.window:
            self.stamps.popleft()
        if len(self.stamps) >= self.calls:
            self.sleep(self.window - (now - self.stamps[0]))
            now = self.clock()
            self.stamps.popleft()
        self.stamps.append(now)
        self.count += 1


@dataclass
class Match:
    """What TVmaze said about one show: the show and its episodes, and how it was found."""

    info: TvShow
    facts: list[EpisodeFacts]
    by: str  # "tvmaze id", "TheTVDB id", "IMDb id", "title"


@dataclass
class Matcher:
    client: TvMazeClient
    limiter: RateLimiter = field(default_factory=RateLimiter)

    def __post_init__(self) -> None:
        self.client.before_request = self.limiter.acquire

    def match(self, show: HistoryShow) -> Match | None:
        """The TVmaze show this history show is, with its episodes; None if unclear.
        Raises NetworkError when TVmaze cannot be reached."""
        found = self.find(show)
        if found is None:
            return None
        info, by = found
        return Match(info, episode_facts(self.client.episodes(info.id)), by)

    def find(self, show: HistoryShow) -> tuple[TvShow, str] | None:
        if show.ids.get("tvmaze", "").isdigit():
            return self.client.show(int(show.ids["tvmaze"])), "tvmaze id"
        tvdb = show.ids.get("tvdb", "")
        if tvdb.isdigit():
            info = self.client.lookup(thetvdb=tvdb)
            if info:
                return info, "TheTVDB id"
        imdb = show.ids.get("imdb", "")
        if re.fullmatch(r"tt\d{5,10}", imdb):
            info = self.client.lookup(imdb=imdb)
            if info:
                return info, "IMDb id"
        title = search_title(show.title)
        if not title or title.startswith("Untitled show"):
            return None
        hit = clear_match(title, show.year, self.client.search(title))
        return (hit, "title") if hit else None


def search_title(title: str) -> str:
    """The title to search for: "Show (2019)" and "Show (US)" search as "Show"."""
    return _DISAMBIGUATOR.sub("", title).strip() or title.strip()


def clear_match(title: str, year: int | None, hits: list[SearchHit]) -> TvShow | None:
    """The only hit with this exact title (and year, when known); else nothing."""
    from episodetui.core.titles import normalize_title

    wanted = normalize_title(title)
    exact = [hit.show for hit in hits if normalize_title(hit.show.name) == wanted]
    if year is not None:
        exact = [show for show in exact if show.year is None or abs(show.year - year) <= 1]
    return exact[0] if len(exact) == 1 else None


def match_all(
    matcher: Matcher, shows: list[HistoryShow], progress: Progress | None = None
) -> tuple[dict[int, Match], str | None]:
    """Match every show (by index); stops at the first network failure and says why."""
    matches: dict[int, Match] = {}
    for index, show in enumerate(shows):
        if progress:
            progress(index, len(shows), show.title)
        try:
            found = matcher.match(show)
        except NetworkError as error:
            return matches, str(error)
        if found is not None:
            matches[index] = found
    if progress:
        progress(len(shows), len(shows), "")
    return matches, None
