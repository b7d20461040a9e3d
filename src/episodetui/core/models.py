"""Pydantic models for what crosses the boundary: the export document and CLI JSON."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import (
    clean_line,
    clean_optional_line,
    clean_text,
    format_timestamp,
    parse_timestamp,
)

EXPORT_FORMAT: Final = "episodetui-library"
EXPORT_VERSION: Final = 2  # 2: every play, ratings and rewatch passes (1 had one watch summary)

# Outside text is data: escape sequences and control characters go on the way in,
# whichever field it arrives in.
CleanText = Annotated[str, AfterValidator(lambda value: clean_text(value).strip())]
CleanLine = Annotated[str, AfterValidator(clean_line)]
OptionalLine = Annotated[str | None, AfterValidator(clean_optional_line)]


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{clean_line(value)[:40]!r} is not a date (YYYY-MM-DD)") from None


def _iso_time(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{clean_line(value)[:40]!r} is not a date and time (ISO 8601)") from None
    return value.strip()


DateText = Annotated[str | None, AfterValidator(_iso_date)]
TimeText = Annotated[str, AfterValidator(_iso_time)]
OptionalTimeText = Annotated[str | None, AfterValidator(_iso_time)]
# Bounds a real library never reaches, but SQLite's 64-bit integers would overflow past.
Season = Annotated[int, Field(ge=0, le=9999)]
Number = Annotated[int, Field(ge=1, le=99999)]
Minutes = Annotated[int, Field(ge=0, le=100_000)]
Year = Annotated[int, Field(ge=1000, le=9999)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Timestamped(_Doc):
    """`at` is HH:MM:SS into the episode, or absent."""

    at: str | None = None

    @field_validator("at")
    @classmethod
    def _valid_timestamp(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return format_timestamp(parse_timestamp(value))
        except EpisodeTuiError as error:
            raise ValueError(str(error)) from None

    @property
    def at_seconds(self) -> int | None:
        return None if self.at is None else parse_timestamp(self.at)


class KeyMomentDoc(_Timestamped):
    text: CleanText = Field(min_length=1)


class RecapDoc(_Doc):
    title: CleanLine = ""
    text: CleanText = ""
    source: CleanLine = ""
    added_at: TimeText
    key_moments: list[KeyMomentDoc] = []

    @model_validator(mode="after")
    def _not_empty(self) -> RecapDoc:
        # Key moments alone are a recap; nothing at all is not.
        if not self.text.strip() and not self.key_moments:
            raise ValueError("a recap needs text or key moments")
        return self


class NoteDoc(_Timestamped):
    text: CleanText = Field(min_length=1)
    created_at: TimeText
    updated_at: TimeText


class WatchDoc(_Doc):
    first_watched_at: OptionalTimeText = None  # None: watched, at a time nobody knows
    watched_at: OptionalTimeText = None
    plays: int = Field(default=1, ge=1, le=10_000)


class PlayDoc(_Doc):
    """One play: when (UTC, or None when unknown), from where, and whether a bulk mark."""

    watched_at: OptionalTimeText = None
    source: CleanLine = "manual"
    bulk: bool = False
    rewatch: int | None = Field(default=None, ge=0, le=100_000)  # index into the show's rewatch_passes


class RatingDoc(_Doc):
    rating: int = Field(ge=1, le=10)
    rated_at: TimeText
    source: CleanLine = "manual"


class RewatchPassDoc(_Doc):
    started_at: TimeText
    ended_at: OptionalTimeText = None


class EpisodeDoc(_Doc):
    season: Season
    number: Number
    title: CleanLine = ""
    air_date: DateText = None
    runtime: Minutes | None = None
    synopsis: CleanText = ""
    external_id: OptionalLine = None
    airstamp: OptionalTimeText = None
    delisted: bool = False
    watch: WatchDoc | None = None  # version 1 documents only
    plays: list[PlayDoc] = []
    rating: RatingDoc | None = None
    recap: RecapDoc | None = None
    notes: list[NoteDoc] = []


class ShowDoc(_Doc):
    title: CleanLine = Field(min_length=1)
    year: Year | None = None
    network: OptionalLine = None
    status: OptionalLine = None
    synopsis: CleanText = ""
    external_ids: dict[CleanLine, CleanLine] = {}
    spoiler_mode: Literal["off", "recaps", "strict"] | None = None
    count_specials: bool = False
    added_at: TimeText
    rating: RatingDoc | None = None
    rewatch_passes: list[RewatchPassDoc] = []
    notes: list[NoteDoc] = []
    episodes: list[EpisodeDoc] = []


class LibraryDoc(_Doc):
    format: Literal["episodetui-library"] = EXPORT_FORMAT
    version: Literal[1, 2] = EXPORT_VERSION
    settings: dict[CleanLine, CleanLine] = {}
    shows: list[ShowDoc] = []


# ----------------------------------------------------------------- CLI JSON


class EpisodeRef(BaseModel):
    code: str
    season: int
    number: int
    title: str


class RewatchOut(BaseModel):
    number: int  # 1 for the first rewatch
    watched: int
    total: int
    next: EpisodeRef | None


class ShowListItem(BaseModel):
    title: str
    year: int | None
    watched: int
    total: int
    status: str
    next: EpisodeRef | None
    last_watched_at: str | None
    rating: int | None = None  # the show's own rating, 1-10
    episode_rating_average: float | None = None
    rewatch: RewatchOut | None = None  # a rewatch in progress


class KeyMomentOut(BaseModel):
    text: str
    at: str | None


class RecapOut(BaseModel):
    hidden: bool
    paragraphs: int
    key_moment_count: int
    title: str | None = None
    text: str | None = None
    source: str | None = None
    key_moments: list[KeyMomentOut] | None = None


class NoteOut(BaseModel):
    id: int
    at: str | None
    text: str


class EpisodeOut(BaseModel):
    code: str
    season: int
    number: int
    title: str
    air_date: str | None
    runtime: int | None
    synopsis: str
    watched: bool
    watched_at: str | None
    plays: int
    rating: int | None = None  # 1-10
    listed: bool = True
    notes: list[NoteOut]
    recap: RecapOut | None


class ShowOut(BaseModel):
    title: str
    year: int | None
    network: str | None
    status: str | None
    synopsis: str
    spoiler_mode: str
    watched: int
    total: int
    next: EpisodeRef | None
    notes: list[NoteOut]
    episodes: list[EpisodeOut]
    rating: int | None = None  # 1-10
    linked: bool = False  # to TVmaze; a show made by hand is not
    episode_rating_average: float | None = None


class SearchHitOut(BaseModel):
    show: str
    code: str | None  # None: the show itself, or a note on the show
    title: str | None
    where: str  # title, synopsis, note, recap, key moment
    snippet: str
    highlights: list[list[int]]  # [start, end) of each match in the snippet


class SearchOut(BaseModel):
    total: int
    hits: list[SearchHitOut]


class StreakOut(BaseModel):
    days: int
    start: str | None
    end: str | None


class StatsOut(BaseModel):
    period: str  # a year, or "All time"
    episodes: int  # plays: a rewatched episode counts each time
    hours: float
    plays_without_runtime: int
    plays_without_date: int
    rewatches: int
    finished_rewatches: int
    notes_written: int
    days_watched: int
    current_streak: StreakOut
    longest_streak: StreakOut
    per_month: dict[str, int]  # YYYY-MM -> episodes
    most_watched: list[dict[str, int | float | str]]
