"""What any tracker's history becomes: one normalized model, whatever the source.

A reader turns a file into a `History`: shows (with whatever ids the file has), their
episodes' plays (UTC time or unknown, bulk or not), ratings on a 1-10 scale, and the rows
it skipped with the reason. Nothing here touches the library or the network.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import SupportsFloat

from pydantic import BaseModel, Field, PrivateAttr

from episodetui.core.text import clean_line, title_key

SOURCES = ("tvtime", "trakt", "seriesguide", "showly", "yamtrack", "episodetui")
ID_KINDS = ("tvmaze", "tvdb", "imdb", "tmdb", "trakt")

# Reasons a row is skipped, as the report words them.
MOVIE = "movies"
TV_MOVIE = "TV movies"
MALFORMED = "malformed rows"
ORPHAN = "rows with no show"
UNKNOWN_SCALE = "ratings on an unknown scale"


class HistoryPlay(BaseModel):
    watched_at: str | None = None  # UTC, ISO 8601 to the second; None = unknown
    bulk: bool = False


class HistoryEpisode(BaseModel):
    season: int = Field(ge=0)
    number: int = Field(ge=0)
    title: str = ""
    air_date: str | None = None
    plays: list[HistoryPlay] = []
    rating: int | None = Field(default=None, ge=1, le=10)
    rated_at: str | None = None


class HistoryShow(BaseModel):
    title: str
    year: int | None = None
    ids: dict[str, str] = {}
    episodes: list[HistoryEpisode] = []
    rating: int | None = Field(default=None, ge=1, le=10)
    rated_at: str | None = None
    _index: dict[tuple[int, int], HistoryEpisode] = PrivateAttr(default_factory=dict)

    def episode(self, season: int, number: int, title: str = "") -> HistoryEpisode:
        """The episode at this slot, created on first mention."""
        index = self._index
        if len(index) != len(self.episodes):
            index.clear()
            index.update({(e.season, e.number): e for e in self.episodes})
        found = index.get((season, number))
        if found is None:
            found = HistoryEpisode(season=season, number=number, title=title)
            self.episodes.append(found)
            index[(season, number)] = found
        elif title and not found.title:
            found.title = title
        return found


class Skipped(BaseModel):
    reason: str
    detail: str = ""


class History(BaseModel):
    """Everything a file said about the user's watching, normalized."""

    source: str
    shows: list[HistoryShow] = []
    skipped: list[Skipped] = []

    def skip(self, reason: str, detail: object = "") -> None:
        # `detail` comes straight from the file: a title may be null, a number, a list.
        text = detail if isinstance(detail, str) else "" if detail is None else str(detail)
        self.skipped.append(Skipped(reason=reason, detail=clean_line(text[:200])))

    def skipped_counts(self) -> Counter[str]:
        return Counter(s.reason for s in self.skipped)


class ShowBook:
    """Collects shows while a reader walks rows: one show per id or title."""

    def __init__(self) -> None:
        self.shows: list[HistoryShow] = []
        self._by_key: dict[str, HistoryShow] = {}

    def get(
        self, title: str, ids: dict[str, object] | None = None, year: int | None = None
    ) -> HistoryShow | None:
        clean_ids = {k: str(v).strip() for k, v in (ids or {}).items() if _real_id(v)}
        title = clean_line(title or "")
        keys = [f"{kind}:{value}" for kind, value in sorted(clean_ids.items())]
        if title:
            keys.append(f"title:{title_key(title)}")
        if not keys:
            return None
        show = next((self._by_key[k] for k in keys if k in self._by_key), None)
        if show is None:
            show = HistoryShow(title=title or _title_from_ids(clean_ids), year=year, ids=clean_ids)
            self.shows.append(show)
        else:
            for kind, value in clean_ids.items():
                show.ids.setdefault(kind, value)
            if year and not show.year:
                show.year = year
            if title and show.title.startswith("Untitled show"):
                show.title = title
        for key in keys:
            self._by_key.setdefault(key, show)
        return show


def _real_id(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return False
    text = str(value).strip()
    return bool(text) and text not in ("0", "-1", "null", "None") and len(text) <= 40


def _title_from_ids(ids: dict[str, str]) -> str:
    kind, value = next(iter(sorted(ids.items())))
    return f"Untitled show ({kind} {value})"


# ------------------------------------------------------------------ times


def iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_time(value: object) -> str | None:
    """A time as files write it, as UTC ISO; None when absent or unreadable.

    Accepts ISO 8601 (with Z, an offset, or naive = UTC), "YYYY-MM-DD HH:MM:SS", a bare
    date (midnight UTC), and epoch seconds, milliseconds or microseconds.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and _is_number(value)):
        try:
            return _from_epoch(float(value))
        except (OverflowError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 40:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if not 1900 <= moment.year <= 2200:
        return None
    return iso_utc(moment)


def _is_number(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 24:
        return False
    try:
        float(stripped)
    except ValueError:
        return False
    return stripped.lstrip("-").replace(".", "", 1).replace("e+", "", 1).replace("e", "", 1).isdigit()


def _from_epoch(number: float) -> str | None:
    if number != number or number <= 0:  # NaN, zero, negative: "never"
        return None
    for scale in (1, 1e3, 1e6, 1e9):
        seconds = number / scale
        if seconds < 7.3e9:  # before the year 2200
            if seconds < 3.2e8:  # before 1980: not a real watch time
                return None
            return iso_utc(datetime.fromtimestamp(seconds, UTC))
    return None


def text_of(value: object) -> str:
    """A text field of an export: the string, or "" when it is missing or not a string."""
    return value if isinstance(value, str) else ""


def object_of(value: object) -> dict[str, object]:
    """A nested object of an export: the dict, or {} when it is missing or not one."""
    return value if isinstance(value, dict) else {}


def parse_int(value: object, low: int = 0, high: int = 100_000) -> int | None:
    """A whole number in range from a cell ("3", "3.0", 3); None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        if value != value or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(".0"):
            text = text[:-2]
        if not text.lstrip("-").isdigit() or len(text) > 12:
            return None
        value = int(text)
    if not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def parse_year(value: object) -> int | None:
    if isinstance(value, str) and len(value) >= 4:
        value = value[:4]
    return parse_int(value, 1870, 2200)


def rating_1_10(value: object, scale: int = 10) -> int | None:
    """A rating on a 0..scale scale as a whole number 1-10; None when absent or 0."""
    if isinstance(value, bool) or value is None:
        return None
    if not isinstance(value, str | SupportsFloat):
        return None
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError, OverflowError):
        return None
    if number != number or number <= 0 or number > scale:
        return None
    return max(1, min(10, int(number * 10 / scale + 0.5)))
