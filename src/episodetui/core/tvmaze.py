"""TVmaze's public API (no account or key; data CC BY-SA, credited where shown).

`TvMazeClient` fetches with timeouts, a clear User-Agent, backoff on HTTP 429 and a small
response cache; every failure becomes one `NetworkError` a user can read. Responses are
validated with pydantic at this boundary and turned into plain facts for the library.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, Field, ValidationError

from episodetui import __version__
from episodetui.core.dates import parse_moment
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.files import write_atomic
from episodetui.core.text import clean_line, clean_text

API = "https://api.tvmaze.com"
USER_AGENT = f"episodetui/{__version__} (terminal episode tracker)"
CACHE_SECONDS = 3600
RETRIES = 4
CREDIT = "Show data from TVmaze (CC BY-SA)."
_Parsed = TypeVar("_Parsed")  # what _parse validates TVmaze's JSON into


class NetworkError(EpisodeTuiError):
    """TVmaze could not be reached or answered badly; the manual path still works."""


class NotOnTvMaze(NetworkError):
    """TVmaze answered 404: it has no such show (a lookup that found nothing)."""


# --------------------------------------------------------- response models


class _Named(BaseModel):
    name: str = ""


class _Image(BaseModel):
    medium: str | None = None


class TvShow(BaseModel):
    id: int
    name: str
    premiered: str | None = None
    status: str | None = None
    language: str | None = None
    summary: str | None = None
    network: _Named | None = None
    webChannel: _Named | None = None  # noqa: N815 (TVmaze's name)
    externals: dict[str, Any] | None = None

    @property
    def year(self) -> int | None:
        return int(self.premiered[:4]) if self.premiered and self.premiered[:4].isdigit() else None

    @property
    def status_text(self) -> str | None:
        return clean_line(self.status) or None if self.status else None

    @property
    def network_name(self) -> str | None:
        source = self.network or self.webChannel
        return clean_line(source.name) if source and source.name else None


class SearchHit(BaseModel):
    score: float = 0.0
    show: TvShow


class TvEpisode(BaseModel):
    id: int
    name: str | None = None
    season: int | None = Field(default=None, ge=0, le=9999)
    number: int | None = Field(default=None, ge=0, le=99999)
    type: str | None = None
    airdate: str | None = None
    airstamp: str | None = None
    runtime: int | None = None
    summary: str | None = None


# -------------------------------------------------------------- facts out


def html_to_text(html: str | None) -> str:
    """TVmaze synopses are small HTML fragments: keep the words and paragraph breaks."""
    if not html:
        return ""
    from episodetui.core.html_blocks import html_fragment_paragraphs

    return clean_text("\n\n".join(html_fragment_paragraphs(html))).strip()


class EpisodeFacts(BaseModel):
    """One episode as the library stores it; specials are season 0."""

    external_id: str
    season: int
    number: int
    title: str
    air_date: str | None
    airstamp: str | None
    runtime: int | None
    synopsis: str


def episode_facts(episodes: list[TvEpisode]) -> list[EpisodeFacts]:
    """Regular episodes keep TVmaze's numbers; specials (no number, or a special type)
    become season 0, numbered in air order."""
    facts: list[EpisodeFacts] = []
    specials = []
    for episode in episodes:
        if episode.season is None:
            continue
        if episode.number is None or (episode.type or "regular") != "regular":
            specials.append(episode)
            continue
        facts.append(_facts(episode, episode.season, episode.number))
    specials.sort(key=lambda e: (e.airstamp or e.airdate or "9999", e.id))
    facts += [_facts(episode, 0, index) for index, episode in enumerate(specials, start=1)]
    # TVmaze may list the same slot twice; the first one wins, the other is a special.
    seen: set[tuple[int, int]] = set()
    unique = []
    for fact in facts:
        if (fact.season, fact.number) in seen:
            continue
        seen.add((fact.season, fact.number))
        unique.append(fact)
    return unique


def _facts(episode: TvEpisode, season: int, number: int) -> EpisodeFacts:
    return EpisodeFacts(
        external_id=str(episode.id),
        season=season,
        number=number,
        title=clean_line(episode.name or ""),
        air_date=_valid_date(episode.airdate),
        airstamp=_valid_time(episode.airstamp),
        runtime=episode.runtime if episode.runtime and 0 < episode.runtime < 100_000 else None,
        synopsis=html_to_text(episode.summary),
    )


def _valid_date(value: str | None) -> str | None:
    """An air date as YYYY-MM-DD, or None for anything else (never a crash later)."""
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def _valid_time(value: str | None) -> str | None:

    if not value:
        return None
    return clean_line(value) if parse_moment(value) else None


# ------------------------------------------------------------------ client


class TvMazeClient:
    def __init__(
        self,
        http: httpx.Client | None = None,
        cache_dir: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.http = http or httpx.Client(
            base_url=API,
            timeout=httpx.Timeout(10.0, connect=5.0),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
        )
        self.cache_dir = cache_dir
        self.sleep = sleep
        self.clock = clock
        # Called before each request that goes to the network (the history import's
        # rate limiter); cached answers do not count.
        self.before_request: Callable[[], None] | None = None

    @classmethod
    def default(cls) -> TvMazeClient:
        import platformdirs

        return cls(cache_dir=Path(platformdirs.user_cache_dir("episodetui", appauthor=False)) / "tvmaze")

    def search(self, query: str) -> list[SearchHit]:
        query = " ".join(query.split())
        if not query:
            return []
        data = self._get("/search/shows", {"q": query})
        return self._parse(list[SearchHit], data)

    def show(self, tvmaze_id: int) -> TvShow:
        return self._parse(TvShow, self._get(f"/shows/{tvmaze_id}", {}))

    def lookup(self, **ids: str) -> TvShow | None:
        """The show with this TheTVDB (`thetvdb=`) or IMDb (`imdb=`) id, or None."""
        try:
            return self._parse(TvShow, self._get("/lookup/shows", {k: str(v) for k, v in ids.items()}))
        except NotOnTvMaze:
            return None

    def episodes(self, tvmaze_id: int, fresh: bool = False) -> list[TvEpisode]:
        data = self._get(f"/shows/{tvmaze_id}/episodes", {"specials": "1"}, fresh=fresh)
        return self._parse(list[TvEpisode], data)

    # The rest is plumbing: cache, retries, errors.

    @staticmethod
    def _parse(model: type[_Parsed], data: object) -> _Parsed:
        from pydantic import TypeAdapter

        try:
            return TypeAdapter(model).validate_python(data)
        except ValidationError as error:
            raise NetworkError(
                f"TVmaze sent data episodetui cannot read ({error.error_count()} problems)"
            ) from None

    def _cache_path(self, path: str, params: dict[str, str]) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(json.dumps([path, sorted(params.items())]).encode()).hexdigest()[:32]
        return self.cache_dir / f"{key}.json"

    def _get(self, path: str, params: dict[str, str], fresh: bool = False) -> Any:
        cache = self._cache_path(path, params)
        if cache and not fresh and cache.exists() and self.clock() - cache.stat().st_mtime < CACHE_SECONDS:
            try:
                return json.loads(cache.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass  # a damaged cache entry is fetched again
        data = self._fetch(path, params)
        if cache:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                write_atomic(cache, json.dumps(data))
                self._prune_cache()
            except (OSError, EpisodeTuiError):
                pass  # caching is a nicety, never a failure
        return data

    def _prune_cache(self) -> None:
        """Entries past their hour are never read again: remove them."""
        assert self.cache_dir is not None
        expired = self.clock() - CACHE_SECONDS
        for entry in self.cache_dir.glob("*.json"):
            try:
                if entry.stat().st_mtime < expired:
                    entry.unlink()
            except OSError:
                pass

    def _fetch(self, path: str, params: dict[str, str]) -> Any:
        delay = 1.0
        for attempt in range(RETRIES):
            if self.before_request is not None:
                self.before_request()
            try:
                response = self.http.get(path, params=params, follow_redirects=True)
            except httpx.TimeoutException:
                raise NetworkError("TVmaze did not answer in time") from None
            except httpx.ConnectError:
                raise NetworkError("cannot reach TVmaze: no network connection, or TVmaze is down") from None
            except httpx.HTTPError:
                raise NetworkError("cannot reach TVmaze: the connection failed") from None
            if self.before_request is not None:
                for _ in response.history:  # a lookup's redirect was a call too
                    self.before_request()
            if response.status_code == 429:
                if attempt == RETRIES - 1:
                    break
                self.sleep(_retry_after(response, delay))
                delay *= 2
                continue
            if response.status_code == 404:
                raise NotOnTvMaze("TVmaze has no such show")
            if response.status_code >= 400:
                raise NetworkError(f"TVmaze answered HTTP {response.status_code}; try again later")
            try:
                return response.json()
            except ValueError:
                raise NetworkError("TVmaze sent a response that is not JSON; try again later") from None
        raise NetworkError("TVmaze is rate-limiting us; wait a minute and try again")


def _retry_after(response: httpx.Response, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(30.0, max(0.0, float(value)))
    except ValueError:
        return default


def best_hit(query: str, hits: list[SearchHit]) -> SearchHit | None:
    """The hit a user surely meant: the only exact title match, or a clear winner."""
    from episodetui.core.titles import normalize_title

    if not hits:
        return None
    wanted = normalize_title(query)
    exact = [hit for hit in hits if normalize_title(hit.show.name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(hits) == 1:
        return hits[0]
    ranked = sorted(hits, key=lambda hit: hit.score, reverse=True)
    if not exact and ranked[0].score >= 2 * ranked[1].score:
        return ranked[0]
    return None
