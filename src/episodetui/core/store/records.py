"""The store's rows as small dataclasses: plain and fast. Pydantic models are used only at
the boundaries (import, export, CLI JSON)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo

from episodetui.core.codes import format_episode_code
from episodetui.core.dates import parse_moment
from episodetui.core.spoilers import RecapShape, SpoilerMode

Clock = Callable[[], datetime]

# Episodes sort by this key; it fits any realistic season and episode number.
EPISODE_ORDER = "(e.season * 100000 + e.number)"


def utc_now() -> datetime:
    return datetime.now(UTC)


def count_paragraphs(text: str) -> int:
    return sum(1 for block in text.split("\n\n") if block.strip())


@dataclass(slots=True)
class Show:
    id: int
    title: str
    year: int | None = None
    network: str | None = None
    status: str | None = None
    synopsis: str = ""
    external_ids: dict[str, str] = field(default_factory=dict)
    spoiler_mode: SpoilerMode | None = None
    count_specials: bool = False
    added_at: str = ""


@dataclass(slots=True)
class NextEpisode:
    id: int
    season: int
    number: int
    title: str

    @property
    def code(self) -> str:
        return format_episode_code(self.season, self.number)


@dataclass(slots=True)
class ShowSummary:
    id: int
    title: str
    year: int | None
    watched: int
    total: int
    last_watched_at: str | None
    next_episode: NextEpisode | None
    spoiler_mode: SpoilerMode | None
    upcoming: NextEpisode | None = None  # the first episode still to air
    upcoming_air_date: str | None = None

    def upcoming_in_days(self, today: date) -> int | None:
        if not self.upcoming_air_date:
            return None
        return (date.fromisoformat(self.upcoming_air_date) - today).days

    @property
    def status(self) -> str:
        """watching, not started or finished: what the library filter offers."""
        if self.watched == 0:
            return "not started"
        if self.watched >= self.total and self.next_episode is None:
            return "finished"
        return "watching"


@dataclass(slots=True)
class Episode:
    id: int
    show_id: int
    season: int
    number: int
    title: str
    air_date: str | None
    runtime: int | None
    synopsis: str
    watched_at: str | None
    plays: int
    note_count: int
    has_recap: bool
    external_id: str | None = None
    airstamp: str | None = None
    delisted: bool = False

    @property
    def code(self) -> str:
        return format_episode_code(self.season, self.number)

    @property
    def watched(self) -> bool:
        """Watched means it has a play; a play's time may be unknown."""
        return self.plays > 0

    def aired(self, today: date) -> bool:
        return self.air_date is None or self.air_date <= today.isoformat()


@dataclass(slots=True)
class Upcoming:
    show_title: str
    episode: Episode

    def local_time(self, tz: tzinfo | None = None) -> datetime | None:
        """When it airs in the user's timezone (or `tz`), if TVmaze gave a time."""
        if not self.episode.airstamp:
            return None
        stamp = parse_moment(self.episode.airstamp)
        if stamp is None:
            return None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return stamp.astimezone(tz)


@dataclass(slots=True)
class KeyMoment:
    text: str
    at_seconds: int | None = None


@dataclass(slots=True)
class Recap:
    episode_id: int
    title: str
    text: str
    source: str
    added_at: str
    key_moments: list[KeyMoment]

    @property
    def shape(self) -> RecapShape:
        return RecapShape(count_paragraphs(self.text), len(self.key_moments))


@dataclass(slots=True)
class RecapView:
    """A recap as a surface may show it: the recap itself only when `visible`."""

    exists: bool
    visible: bool
    shape: RecapShape | None
    recap: Recap | None


@dataclass(slots=True)
class Note:
    id: int
    show_id: int
    episode_id: int | None
    text: str
    at_seconds: int | None
    created_at: str
    updated_at: str
