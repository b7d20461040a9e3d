"""Showly's export: showly_export_<stamp>.json (Moshi, nulls left out, ISO instants).

Shows are known by Trakt id (and TMDB id in v2); `pEp` lists watched episodes with only
the last watch time (no play count). Movies are counted as skipped. v1 files have no
`platform`, `createdAt` or `stmId`.
"""

from __future__ import annotations

from episodetui.core.history.bundle import Bundle
from episodetui.core.history.model import (
    MALFORMED,
    MOVIE,
    ORPHAN,
    History,
    HistoryPlay,
    HistoryShow,
    ShowBook,
    parse_int,
    parse_time,
    text_of,
)


def looks_like(bundle: Bundle) -> bool:
    return bool(bundle.matching(r"showly_export.*\.json"))


def looks_like_document(data: object) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("shows"), dict)
        and ("pEp" in data["shows"] or "cH" in data["shows"] or "cW" in data["shows"])
    )


def read(bundle: Bundle) -> History:
    history = History(source="showly")
    names = bundle.matching(r"showly_export.*\.json") or bundle.names()[:1]
    data = bundle.read_json(names[-1])
    if not looks_like_document(data):
        history.skip(MALFORMED, "not a Showly export")
        return history
    assert isinstance(data, dict)
    shows_part = data["shows"]
    book = ShowBook()
    by_trakt: dict[str, HistoryShow] = {}
    for key in ("cH", "cW"):
        for item in _list(shows_part.get(key)):
            if not isinstance(item, dict):
                continue
            ids = {"trakt": item.get("id"), "tmdb": item.get("tmId")}
            title = text_of(item.get("t"))
            show = book.get(title, ids)
            if show is not None and parse_int(item.get("id"), 1, 10**10):
                by_trakt[str(item["id"])] = show
    for item in _list(shows_part.get("pEp")):
        if not isinstance(item, dict):
            history.skip(MALFORMED, "an episode")
            continue
        show = by_trakt.get(str(item.get("sId")))
        if show is None and item.get("stmId") is not None:
            show = next((s for s in book.shows if s.ids.get("tmdb") == str(item["stmId"])), None)
        season, number = parse_int(item.get("sN")), parse_int(item.get("eN"))
        if show is None:
            history.skip(ORPHAN, f"Trakt show {item.get('sId')}")
            continue
        if season is None or number is None:
            history.skip(MALFORMED, show.title)
            continue
        show.episode(season, number).plays.append(HistoryPlay(watched_at=parse_time(item.get("a"))))
    movies = data.get("movies")
    if isinstance(movies, dict):
        for _ in _list(movies.get("cH")):
            history.skip(MOVIE, "")
    history.shows = book.shows
    return history


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
