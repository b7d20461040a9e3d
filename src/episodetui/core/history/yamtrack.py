"""Yamtrack's CSV export (every cell quoted; columns named after model fields, read by
name). An `episode` row is one watch, its `end_date` the watch date; `tv` rows carry the
show's score (0-10). Movies, anime, manga, games and books are not TV episodes."""

from __future__ import annotations

from episodetui.core.history.bundle import Bundle
from episodetui.core.history.model import (
    MALFORMED,
    MOVIE,
    ORPHAN,
    History,
    HistoryPlay,
    ShowBook,
    parse_int,
    parse_time,
    rating_1_10,
)

NOT_TV = "not TV series (anime, manga, games, books)"


def looks_like_rows(header: set[str]) -> bool:
    return {"media_id", "media_type"} <= header


def read(bundle: Bundle) -> History:
    history = History(source="yamtrack")
    book = ShowBook()
    names = [n for n in bundle.names() if n.lower().endswith(".csv")] or bundle.names()[:1]
    for name in names:
        for row in bundle.read_csv(name):
            _read_row(row, book, history)
    history.shows = book.shows
    return history


def _ids(row: dict[str, str]) -> dict[str, object]:
    source = row.get("source", "").strip().lower()
    return {source: row.get("media_id")} if source in ("tmdb", "tvdb", "imdb", "trakt", "tvmaze") else {}


def _read_row(row: dict[str, str], book: ShowBook, history: History) -> None:
    kind = row.get("media_type", "").strip().lower()
    title = row.get("title", "")
    if kind == "movie":
        history.skip(MOVIE, title)
        return
    if kind not in ("tv", "season", "episode"):
        history.skip(NOT_TV, title)
        return
    season, number = parse_int(row.get("season_number")), parse_int(row.get("episode_number"))
    if kind == "episode" and (season is None or number is None):
        history.skip(MALFORMED, title)
        return
    show = book.get(title, _ids(row))
    if show is None:
        history.skip(ORPHAN, row.get("media_id", ""))
        return
    if kind == "tv":
        show.rating = rating_1_10(row.get("score")) or show.rating
        return
    if kind == "season" or season is None or number is None:
        return
    episode = show.episode(season, number)
    watched_at = parse_time(row.get("end_date")) or parse_time(row.get("progressed_at"))
    episode.plays.append(HistoryPlay(watched_at=watched_at))
    if rating_1_10(row.get("score")):
        episode.rating = rating_1_10(row.get("score"))
