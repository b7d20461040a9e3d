"""The whole library as one versioned JSON document: export, and import losslessly."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.models import (
    EpisodeDoc,
    KeyMomentDoc,
    LibraryDoc,
    NoteDoc,
    RecapDoc,
    ShowDoc,
    WatchDoc,
)
from episodetui.core.store import KeyMoment, Library, Note
from episodetui.core.text import format_timestamp, title_key


def _note_doc(note: Note) -> NoteDoc:
    return NoteDoc(
        text=note.text,
        at=format_timestamp(note.at_seconds) or None,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


def export_library(library: Library) -> LibraryDoc:
    shows = []
    for show in library.raw_show_rows():
        notes = library.raw_notes(show["id"])
        notes_by_episode: dict[int | None, list[NoteDoc]] = {}
        for note in notes:
            notes_by_episode.setdefault(note.episode_id, []).append(_note_doc(note))
        episodes = []
        for row in library.raw_episode_rows(show["id"]):
            recap = library.raw_recap(row["id"])
            episodes.append(
                EpisodeDoc(
                    season=row["season"],
                    number=row["number"],
                    title=row["title"],
                    air_date=row["air_date"],
                    runtime=row["runtime"],
                    synopsis=row["synopsis"],
                    external_id=row["external_id"],
                    airstamp=row["airstamp"],
                    delisted=bool(row["delisted"]),
                    watch=WatchDoc(
                        first_watched_at=row["first_watched_at"],
                        watched_at=row["watched_at"],
                        plays=row["plays"],
                    )
                    if row["plays"]
                    else None,
                    recap=RecapDoc(
                        title=recap.title,
                        text=recap.text,
                        source=recap.source,
                        added_at=recap.added_at,
                        key_moments=[
                            KeyMomentDoc(text=m.text, at=format_timestamp(m.at_seconds) or None)
                            for m in recap.key_moments
                        ],
                    )
                    if recap
                    else None,
                    notes=notes_by_episode.get(row["id"], []),
                )
            )
        shows.append(
            ShowDoc(
                title=show["title"],
                year=show["year"],
                network=show["network"],
                status=show["status"],
                synopsis=show["synopsis"],
                external_ids=json.loads(show["external_ids"]),
                spoiler_mode=show["spoiler_mode"],
                count_specials=bool(show["count_specials"]),
                added_at=show["added_at"],
                notes=notes_by_episode.get(None, []),
                episodes=episodes,
            )
        )
    return LibraryDoc(settings=library.settings(), shows=shows)


def dump_document(doc: LibraryDoc) -> str:
    return doc.model_dump_json(indent=2) + "\n"


def parse_document(text: str, origin: str = "the import") -> LibraryDoc:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EpisodeTuiError(f"{origin} is not JSON: {error}") from None
    except RecursionError:
        raise EpisodeTuiError(f"{origin} is nested too deeply to be a library export") from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise EpisodeTuiError(f"{origin} is not a library export: {error}") from None
    if not isinstance(data, dict) or data.get("format") != "episodetui-library":
        raise EpisodeTuiError(f"{origin} is not an episodetui library export")
    try:
        return LibraryDoc.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise EpisodeTuiError(
            f"{origin} is malformed at {where}: {first['msg']}"
            + (f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else "")
        ) from None


def import_library(library: Library, doc: LibraryDoc) -> int:
    """Add every show of the document in one transaction; returns how many.

    A show whose title is already in the library is a conflict: nothing is imported.
    """
    existing = {row["title_key"]: row["title"] for row in library.raw_show_rows()}
    seen: set[str] = set()
    clashes = []
    for show in doc.shows:
        key = title_key(show.title)
        if key in existing or key in seen:
            clashes.append(show.title)
        seen.add(key)
    if clashes:
        raise EpisodeTuiError(
            "already in the library, nothing imported: " + ", ".join(sorted(set(clashes)))
        )
    with library.transaction():
        for key, value in doc.settings.items():
            library.set_setting(key, value)
        for show in doc.shows:
            _import_show(library, show)
    return len(doc.shows)


def _import_show(library: Library, show: ShowDoc) -> None:
    cursor = library.execute(
        "INSERT INTO shows(title, title_key, year, network, status, synopsis, external_ids,"
        " spoiler_mode, count_specials, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            show.title,
            title_key(show.title),
            show.year,
            show.network,
            show.status,
            show.synopsis,
            json.dumps(show.external_ids, sort_keys=True),
            show.spoiler_mode,
            int(show.count_specials),
            show.added_at,
        ),
    )
    show_id = int(cursor.lastrowid or 0)
    _insert_notes(library, show_id, None, show.notes)
    for episode in show.episodes:
        try:
            cursor = library.execute(
                "INSERT INTO episodes(show_id, season, number, title, air_date, runtime, synopsis,"
                " external_id, airstamp, delisted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    show_id,
                    episode.season,
                    episode.number,
                    episode.title,
                    episode.air_date,
                    episode.runtime,
                    episode.synopsis,
                    episode.external_id,
                    episode.airstamp,
                    int(episode.delisted),
                ),
            )
        except Exception as error:  # sqlite3.IntegrityError: a duplicated episode
            raise EpisodeTuiError(
                f"{show.title}: episode S{episode.season:02d}E{episode.number:02d} appears twice"
            ) from error
        episode_id = int(cursor.lastrowid or 0)
        if episode.watch:
            watch = episode.watch
            times = [watch.first_watched_at] + [None] * (watch.plays - 2) + [watch.watched_at]
            for watched_at in times[: watch.plays]:
                library.add_play(episode_id, watched_at)
        if episode.recap:
            recap = episode.recap
            library.set_recap(
                episode_id,
                recap.text,
                title=recap.title,
                source=recap.source,
                added_at=recap.added_at,
                key_moments=[KeyMoment(m.text, m.at_seconds) for m in recap.key_moments],
            )
        _insert_notes(library, show_id, episode_id, episode.notes)


def _insert_notes(
    library: Library, show_id: int, episode_id: int | None, notes: list[NoteDoc]
) -> None:
    for note in notes:
        library.execute(
            "INSERT INTO notes(show_id, episode_id, body, at_seconds, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (show_id, episode_id, note.text, note.at_seconds, note.created_at, note.updated_at),
        )
