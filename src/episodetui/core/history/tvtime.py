"""TV Time's GDPR export: a folder (or zip) of CSV tables under gdpr-data/.

Every table is read by header name (column order differs between exports). Only media
tables are opened; the bundle refuses the credential tables by name anyway. Times are naive
UTC ("YYYY-MM-DD HH:MM:SS"); a `gsi` of "watch-episode-<unix seconds>" is the exact check-in.
"""

from __future__ import annotations

import re

from episodetui.core.history.bundle import Bundle
from episodetui.core.history.model import (
    MALFORMED,
    MOVIE,
    ORPHAN,
    TV_MOVIE,
    UNKNOWN_SCALE,
    History,
    HistoryPlay,
    HistoryShow,
    ShowBook,
    parse_int,
    parse_time,
)

V2 = "tracking-prod-records-v2.csv"
V1 = "tracking-prod-records.csv"
SEEN = ("seen_episode_latest.csv", "seen_episode.csv")
FOLLOWED = "followed_tv_show.csv"
SHOW_DATA = "user_tv_show_data.csv"
REWATCHED = "rewatched_episode.csv"
VOTES = "ratings-3-prod-episode_votes.csv"
KNOWN = (V2, V1, *SEEN, FOLLOWED, SHOW_DATA, REWATCHED, VOTES)

_GSI_TIME = re.compile(r"^(?:re)?watch-episode-(\d{9,11})$")
_YEAR_SUFFIX = re.compile(r"\s*\((\d{4})\)\s*$")


def looks_like(bundle: Bundle) -> bool:
    return bool(bundle.find(V2, V1, *SEEN, FOLLOWED))


def looks_like_rows(header: set[str]) -> bool:
    return (
        "key" in header
        and ("series_name" in header or "gsi" in header)
        or ("tv_show_name" in header and "episode_season_number" in header)
    )


def read(bundle: Bundle) -> History:
    history = History(source="tvtime")
    book = ShowBook()
    names = bundle.names()
    single = len(names) == 1 and not bundle.find(*KNOWN)
    show_ids = _show_ids_by_name(bundle)
    played = False
    for name in bundle.find(V2) or (names if single else []):
        played |= _read_v2(bundle.read_csv(name), book, history, show_ids)
    for name in bundle.find(V1):
        played |= _read_v1(bundle.read_csv(name), book, history, show_ids, episodes_too=not played)
    if not played:
        for name in bundle.find(*SEEN)[:1]:
            played |= _read_seen(bundle.read_csv(name), book, history, show_ids)
        for name in bundle.find(REWATCHED):
            _read_rewatched(bundle.read_csv(name), book, show_ids)
    for name in bundle.find(FOLLOWED, SHOW_DATA):
        for row in bundle.read_csv(name):
            _show(book, row.get("tv_show_name", ""), row.get("tv_show_id"))
    for name in bundle.find(VOTES):
        for row in bundle.read_csv(name):
            history.skip(
                UNKNOWN_SCALE,
                f"{row.get('series_name', '')} S{row.get('season_number')}E{row.get('episode_number')}",
            )
    history.shows = book.shows
    return history


def _show(book: ShowBook, name: str, tvdb: object) -> HistoryShow | None:
    title, year = split_year(name or "")
    return book.get(title, {"tvdb": tvdb}, year)


def split_year(name: str) -> tuple[str, int | None]:
    """ "Show (2019)" is the title "Show" of 2019; "(US)" stays part of the title."""
    match = _YEAR_SUFFIX.search(name)
    if match:
        return name[: match.start()].strip(), int(match.group(1))
    return name.strip(), None


def _show_ids_by_name(bundle: Bundle) -> dict[str, str]:
    """seen_episode has no show id: join its tv_show_name to the followed tables."""
    ids: dict[str, str] = {}
    for name in bundle.find(FOLLOWED, SHOW_DATA):
        for row in bundle.read_csv(name):
            if row.get("tv_show_name") and parse_int(row.get("tv_show_id"), 1, 10**10):
                ids.setdefault(row["tv_show_name"].strip().casefold(), row["tv_show_id"].strip())
    return ids


def _read_v2(rows: list[dict[str, str]], book: ShowBook, history: History, show_ids: dict[str, str]) -> bool:
    series_by_uuid: dict[str, tuple[str, str]] = {}
    for row in rows:
        if row.get("key", "").startswith("user-series-"):
            if _is_true(row.get("is_unitary")):
                continue
            uuid = row.get("uuid") or row["key"].removeprefix("user-series-")
            series_by_uuid[uuid] = (row.get("series_name", ""), row.get("s_id", ""))
            _show(book, row.get("series_name", ""), row.get("s_id"))
    played = False
    for row in rows:
        key = row.get("key", "")
        if not key.startswith(("watch-episode-", "rewatch-episode-")):
            continue
        label = f"{row.get('series_name', '')} {key[:40]}"
        if _is_true(row.get("is_unitary")):
            history.skip(TV_MOVIE, label)
            continue
        name, tvdb = row.get("series_name", ""), row.get("s_id", "")
        if not name and not tvdb:
            name, tvdb = series_by_uuid.get(row.get("uuid", ""), ("", ""))
        if not tvdb and name:
            tvdb = show_ids.get(name.strip().casefold(), "")
        season = parse_int(row.get("season_number") or row.get("s_no"))
        number = parse_int(row.get("episode_number") or row.get("ep_no"))
        if not name and not tvdb:
            history.skip(ORPHAN, label)
            continue
        if season is None or number is None:
            history.skip(MALFORMED, label)
            continue
        watched_at = _gsi_time(row.get("gsi", "")) or parse_time(row.get("created_at"))
        show = _show(book, name, tvdb)
        if show is None:
            history.skip(ORPHAN, label)
            continue
        show.episode(season, number).plays.append(
            HistoryPlay(watched_at=watched_at, bulk=bool(row.get("bulk_type", "").strip()))
        )
        played = True
    return played


def _read_v1(
    rows: list[dict[str, str]], book: ShowBook, history: History, show_ids: dict[str, str], episodes_too: bool
) -> bool:
    played = False
    for row in rows:
        kind = row.get("type", "")
        entity = row.get("entity_type", "")
        if entity == "movie":
            if kind in ("watch", "rewatch"):
                history.skip(MOVIE, row.get("movie_name", ""))
            continue
        if entity != "episode" or kind not in ("watch", "rewatch") or not episodes_too:
            continue
        name, tvdb = row.get("series_name", ""), row.get("series_id", "")
        tvdb = tvdb or show_ids.get(name.strip().casefold(), "")
        season, number = parse_int(row.get("season_number")), parse_int(row.get("episode_number"))
        show = _show(book, name, tvdb)
        if show is None:
            history.skip(ORPHAN, row.get("episode_id", ""))
            continue
        if season is None or number is None:
            history.skip(MALFORMED, name)
            continue
        watched_at = parse_time(row.get("watch_date")) or parse_time(row.get("created_at"))
        show.episode(season, number).plays.append(
            HistoryPlay(watched_at=watched_at, bulk=bool(row.get("bulk_type", "").strip()))
        )
        played = True
    return played


def _read_seen(
    rows: list[dict[str, str]], book: ShowBook, history: History, show_ids: dict[str, str]
) -> bool:
    played = False
    for row in rows:
        name = row.get("tv_show_name", "")
        season = parse_int(row.get("episode_season_number"))
        number = parse_int(row.get("episode_number"))
        show = _show(book, name, show_ids.get(name.strip().casefold()))
        if show is None:
            history.skip(ORPHAN, row.get("episode_id", ""))
            continue
        if season is None or number is None:
            history.skip(MALFORMED, name)
            continue
        show.episode(season, number).plays.append(HistoryPlay(watched_at=parse_time(row.get("created_at"))))
        played = True
    return played


def _read_rewatched(rows: list[dict[str, str]], book: ShowBook, show_ids: dict[str, str]) -> None:
    """`cpt` extra watches of an episode, without their times."""
    for row in rows:
        name = row.get("tv_show_name", "")
        season = parse_int(row.get("episode_season_number"))
        number = parse_int(row.get("episode_number"))
        extra = parse_int(row.get("cpt"), 0, 1000) or 0
        show = _show(book, name, show_ids.get(name.strip().casefold()))
        if show is None or season is None or number is None:
            continue
        episode = show.episode(season, number)
        episode.plays.extend(HistoryPlay() for _ in range(extra))


def _gsi_time(gsi: str) -> str | None:
    match = _GSI_TIME.match(gsi.strip())
    return parse_time(int(match.group(1))) if match else None


def _is_true(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "1")
