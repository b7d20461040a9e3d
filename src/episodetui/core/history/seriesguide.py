"""SeriesGuide's backup: seriesguide-shows-backup.json, a JSON array of shows (Gson, nulls
left out). New backups carry TMDB ids (season ids as strings); legacy ones TheTVDB ids.
There is no per-episode watch time: plays are of unknown time. skipped=true wins over
watched."""

from __future__ import annotations

from episodetui.core.history.bundle import Bundle
from episodetui.core.history.model import (
    MALFORMED,
    History,
    HistoryPlay,
    ShowBook,
    parse_int,
    parse_time,
    parse_year,
    rating_1_10,
    text_of,
)

BACKUP = "seriesguide-shows-backup.json"


def looks_like(bundle: Bundle) -> bool:
    return bool(bundle.find(BACKUP))


def looks_like_items(data: object) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and isinstance(data[0], dict)
        and "seasons" in data[0]
        and any(k in data[0] for k in ("tmdb_id", "tvdb_id", "title"))
    )


def read(bundle: Bundle) -> History:
    history = History(source="seriesguide")
    book = ShowBook()
    names = bundle.find(BACKUP) or bundle.names()[:1]
    for name in names:
        data = bundle.read_json(name)
        for item in data if isinstance(data, list) else []:
            _read_show(item, book, history)
    history.shows = book.shows
    return history


def _read_show(item: object, book: ShowBook, history: History) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("title"), str):
        history.skip(MALFORMED, "a show without a title")
        return
    ids = {
        "tmdb": item.get("tmdb_id"),
        "tvdb": item.get("tvdb_id"),
        "imdb": item.get("imdb_id"),
        "trakt": item.get("trakt_id"),
    }
    ids = {k: v for k, v in ids.items() if isinstance(v, (int, str))}
    show = book.get(item["title"], ids, parse_year(item.get("first_aired")))
    if show is None:
        history.skip(MALFORMED, "a show without a title")
        return
    show.rating = rating_1_10(item.get("rating_user"))
    seasons = item.get("seasons")
    for season in seasons if isinstance(seasons, list) else []:
        number = parse_int(season.get("season")) if isinstance(season, dict) else None
        episodes = season.get("episodes") if isinstance(season, dict) else None
        if number is None or not isinstance(episodes, list):
            history.skip(MALFORMED, f"{show.title}: a season")
            continue
        for episode in episodes:
            slot = parse_int(episode.get("episode")) if isinstance(episode, dict) else None
            if slot is None:
                history.skip(MALFORMED, f"{show.title}: an episode")
                continue
            title = text_of(episode.get("title"))
            target = show.episode(number, slot, title)
            aired = parse_time(episode.get("first_aired"))
            target.air_date = aired[:10] if aired else None
            if episode.get("watched") is True and episode.get("skipped") is not True:
                plays = parse_int(episode.get("plays"), 0, 1000) or 1
                target.plays.extend(HistoryPlay() for _ in range(plays))
            target.rating = rating_1_10(episode.get("rating_user"))
