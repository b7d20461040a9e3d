"""Trakt's data export: a flat zip of raw API JSON, one file per endpoint, paged at 250
as "<file>-<n>.json"; or the CSV variant with dotted headers ("show.ids.tvdb").

The history (one row per play, rewatches included) is the truth; `watched-shows` only
fills in shows the history does not have. The profile and settings files (which hold the
e-mail) are never opened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from episodetui.core.history.bundle import Bundle
from episodetui.core.history.model import (
    MALFORMED,
    MOVIE,
    History,
    HistoryPlay,
    HistoryShow,
    ShowBook,
    object_of,
    parse_int,
    parse_time,
    parse_year,
    rating_1_10,
    text_of,
)

_PAGE = re.compile(r"^(?P<base>[a-z-]+?)(?:-(?P<page>\d{1,5}))?\.(?P<ext>json|csv)$", re.I)
ID_KINDS = ("tvdb", "imdb", "tmdb", "trakt")


def looks_like(bundle: Bundle) -> bool:
    return bool(
        _pages(bundle, "watched-history")
        or _pages(bundle, "ratings-episodes")
        or _pages(bundle, "watched-shows")
    )


def looks_like_items(data: object) -> bool:
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        return False
    first = data[0]
    return (
        ("watched_at" in first or "rated_at" in first or "last_watched_at" in first)
        and any(k in first for k in ("episode", "show", "movie", "type", "seasons"))
        or any(k.startswith(("show.", "episode.")) for k in first)
    )


def read(bundle: Bundle) -> History:
    history = History(source="trakt")
    book = ShowBook()
    single = len(bundle.names()) == 1 and not _pages(bundle, "watched-history")
    history_items = list(_items(bundle, "watched-history")) if not single else []
    if single:
        items = list(_items_of(bundle, bundle.names()[0]))
        first = object_of(items[0]) if items else {}
        if "rated_at" in first:
            _read_ratings(items, book, history)
            history.shows = book.shows
            return history
        if "last_watched_at" in first and "watched_at" not in first:
            _read_watched_shows(items, book, history, set())
            history.shows = book.shows
            return history
        history_items = items
    for item in history_items:
        _read_play(item, book, history)
    seen = {id(show) for show in book.shows}
    _read_watched_shows(list(_items(bundle, "watched-shows")), book, history, seen)
    for base in ("ratings-episodes", "ratings-shows", "ratings-seasons", "ratings-movies"):
        _read_ratings(list(_items(bundle, base)), book, history)
    for item in _items(bundle, "lists-watchlist"):
        if isinstance(item, dict) and isinstance(item.get("show"), dict):
            _show(book, item["show"])
    history.shows = book.shows
    return history


def _pages(bundle: Bundle, base: str) -> list[str]:
    found = []
    for name in bundle.names():
        match = _PAGE.match(name.rsplit("/", 1)[-1])
        if match and match["base"].lower() == base:
            found.append((int(match["page"] or 0), name))
    return [name for _, name in sorted(found)]


def _items(bundle: Bundle, base: str) -> Iterator[object]:
    for name in _pages(bundle, base):
        yield from _items_of(bundle, name)


def _items_of(bundle: Bundle, name: str) -> Iterator[object]:
    if name.lower().endswith(".csv"):
        yield from (_unflatten(row) for row in bundle.read_csv(name))
        return
    data = bundle.read_json(name)
    if isinstance(data, list):
        yield from data


def _unflatten(row: dict[str, str]) -> dict[str, object]:
    """A CSV row with dotted headers as the nested object the JSON export has."""
    nested: dict[str, object] = {}
    for key, value in row.items():
        if value == "":
            continue
        target = nested
        parts = key.split(".")
        for part in parts[:-1]:
            child = target.setdefault(part, {})
            if not isinstance(child, dict):
                break
            target = child
        else:
            cell: object = value
            if value[:1] in "[{":
                try:
                    cell = json.loads(value)
                except ValueError:
                    pass
            target[parts[-1]] = cell
    return nested


def _show(book: ShowBook, show: dict[str, object]) -> HistoryShow | None:
    ids = object_of(show.get("ids"))
    title = text_of(show.get("title"))
    return book.get(
        title,
        {k: ids.get(k) for k in ID_KINDS if not isinstance(ids.get(k), (dict, list))},
        parse_year(show.get("year")),
    )


def _episode_slot(item: dict[str, object]) -> tuple[dict[str, object], int, int, str] | None:
    episode, show = item.get("episode"), item.get("show")
    if not isinstance(episode, dict) or not isinstance(show, dict):
        return None
    season, number = parse_int(episode.get("season")), parse_int(episode.get("number"))
    if season is None or number is None:
        return None
    title = text_of(episode.get("title"))
    return show, season, number, title


def _read_play(item: object, book: ShowBook, history: History) -> None:
    if not isinstance(item, dict):
        history.skip(MALFORMED, "not an object")
        return
    if item.get("type") == "movie" or "movie" in item:
        movie = item.get("movie")
        history.skip(MOVIE, movie.get("title", "") if isinstance(movie, dict) else "")
        return
    slot = _episode_slot(item)
    show = _show(book, slot[0]) if slot else None
    if slot is None or show is None:
        history.skip(MALFORMED, str(item.get("id", ""))[:40])
        return
    _, season, number, title = slot
    show.episode(season, number, title).plays.append(
        HistoryPlay(watched_at=parse_time(item.get("watched_at")))
    )


def _read_watched_shows(items: list[object], book: ShowBook, history: History, seen: set[int]) -> None:
    """Shows the history lacks; the old shape's seasons give per-episode play counts."""
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("show"), dict):
            continue
        show = _show(book, item["show"])
        if show is None or id(show) in seen:
            continue
        seasons = item.get("seasons")
        for season in seasons if isinstance(seasons, list) else []:
            if not isinstance(season, dict) or parse_int(season.get("number")) is None:
                continue
            episodes = season.get("episodes")
            for episode in episodes if isinstance(episodes, list) else []:
                if not isinstance(episode, dict) or parse_int(episode.get("number")) is None:
                    continue
                plays = parse_int(episode.get("plays"), 0, 1000) or 1
                target = show.episode(
                    parse_int(season.get("number")) or 0, parse_int(episode.get("number")) or 0
                )
                last = parse_time(episode.get("last_watched_at"))
                target.plays.extend(HistoryPlay() for _ in range(plays - 1))
                target.plays.append(HistoryPlay(watched_at=last))


def _read_ratings(items: list[object], book: ShowBook, history: History) -> None:
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = item.get("type")
        rating = rating_1_10(item.get("rating"))
        rated_at = parse_time(item.get("rated_at"))
        if kind == "movie":
            history.skip(MOVIE, "a movie rating")
            continue
        if rating is None:
            history.skip(MALFORMED, "a rating out of 1-10")
            continue
        if kind == "episode":
            slot = _episode_slot(item)
            show = _show(book, slot[0]) if slot else None
            if slot is None or show is None:
                history.skip(MALFORMED, "an episode rating")
                continue
            episode = show.episode(slot[1], slot[2], slot[3])
            episode.rating, episode.rated_at = rating, rated_at
        elif kind == "show" and isinstance(item.get("show"), dict):
            show = _show(book, item["show"])
            if show is not None:
                show.rating, show.rated_at = rating, rated_at
        else:
            history.skip("season ratings" if kind == "season" else MALFORMED, "")
