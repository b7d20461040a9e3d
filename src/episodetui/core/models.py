"""Pydantic models for what crosses the boundary: the export document and CLI JSON."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import clean_line, clean_text, format_timestamp, parse_timestamp

EXPORT_FORMAT = "episodetui-library"
EXPORT_VERSION = 1

# Outside text is data: escape sequences and control characters go on the way in.
CleanText = Annotated[str, AfterValidator(lambda value: clean_text(value).strip())]
CleanLine = Annotated[str, AfterValidator(clean_line)]


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
    text: CleanText = Field(min_length=1)
    source: CleanLine = ""
    added_at: str
    key_moments: list[KeyMomentDoc] = []


class NoteDoc(_Timestamped):
    text: CleanText = Field(min_length=1)
    created_at: str
    updated_at: str


class WatchDoc(_Doc):
    first_watched_at: str
    watched_at: str
    plays: int = Field(default=1, ge=1)


class EpisodeDoc(_Doc):
    season: int = Field(ge=0)
    number: int = Field(ge=1)
    title: CleanLine = ""
    air_date: str | None = None
    runtime: int | None = Field(default=None, ge=0)
    synopsis: CleanText = ""
    external_id: str | None = None
    airstamp: str | None = None
    delisted: bool = False
    watch: WatchDoc | None = None
    recap: RecapDoc | None = None
    notes: list[NoteDoc] = []


class ShowDoc(_Doc):
    title: CleanLine = Field(min_length=1)
    year: int | None = None
    network: str | None = None
    status: str | None = None
    synopsis: CleanText = ""
    external_ids: dict[str, str] = {}
    spoiler_mode: Literal["off", "recaps", "strict"] | None = None
    count_specials: bool = False
    added_at: str
    notes: list[NoteDoc] = []
    episodes: list[EpisodeDoc] = []


class LibraryDoc(_Doc):
    format: Literal["episodetui-library"] = EXPORT_FORMAT
    version: Literal[1] = EXPORT_VERSION
    settings: dict[str, str] = {}
    shows: list[ShowDoc] = []


# ----------------------------------------------------------------- CLI JSON


class EpisodeRef(BaseModel):
    code: str
    season: int
    number: int
    title: str


class ShowListItem(BaseModel):
    title: str
    year: int | None
    watched: int
    total: int
    status: str
    next: EpisodeRef | None
    last_watched_at: str | None


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
