"""Bulk import of watch histories: finding a history's show in the library, creating the
shows the library lacks, and merging plays and ratings idempotently.

Merging rules (the same for every source): a timed play within a minute of a play the
episode already has is that play; a timed play may give its time to a play whose time was
unknown; plays of unknown time are added only up to the number the file states; a rating
replaces another only when it is newer. So the same file imported twice adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from episodetui.core.store.upstream import UpstreamRoom
from episodetui.core.store.watching import WatchingRoom
from episodetui.core.text import clean_line, title_key

if TYPE_CHECKING:
    from episodetui.core.history.model import HistoryEpisode, HistoryShow
    from episodetui.core.tvmaze import EpisodeFacts, TvShow

SAME_MOMENT_SECONDS = 60
ID_KINDS = ("tvmaze", "tvdb", "imdb", "tmdb", "trakt")


@dataclass
class MergeCounts:
    episodes_added: int = 0
    plays_added: int = 0
    plays_merged: int = 0
    ratings_set: int = 0

    def add(self, other: MergeCounts) -> None:
        self.episodes_added += other.episodes_added
        self.plays_added += other.plays_added
        self.plays_merged += other.plays_merged
        self.ratings_set += other.ratings_set


@dataclass(slots=True)
class _LibraryPlay:
    """A play the library has, while a file's plays are merged into it."""

    id: int
    watched_at: str | None


class HistoryRoom(WatchingRoom, UpstreamRoom):
    def show_index(self, only: int | None = None, into: dict[str, int] | None = None) -> dict[str, int]:
        """Every way the library knows a show: "tvdb:81189", "title:<key>", ... -> show id.
        With `only`, that show's ways are added to `into` (where not taken already)."""
        index: dict[str, int] = {} if into is None else into
        where, params = (" WHERE id = ?", (only,)) if only is not None else ("", ())
        for show_id, key, ids, year in self._db.execute(
            f"SELECT id, title_key, external_ids, year FROM shows{where} ORDER BY id", params
        ):
            try:
                parsed = json.loads(ids)
            except ValueError:
                parsed = {}
            for kind in ID_KINDS:
                if parsed.get(kind):
                    index.setdefault(f"{kind}:{parsed[kind]}", show_id)
            index.setdefault(f"title:{key}", show_id)
            if year:
                index.setdefault(f"title:{key}:{year}", show_id)
        return index

    def create_imported_show(
        self,
        title: str,
        *,
        year: int | None,
        ids: dict[str, str],
        info: TvShow | None = None,
        facts: Sequence[EpisodeFacts] = (),
    ) -> int:
        """A new show: from TVmaze (with every episode) or, without `info`, by hand and
        not linked (its ids kept so it can be linked later)."""
        from episodetui.core.tvmaze import html_to_text

        title = clean_line(info.name if info else title) or "Untitled show"
        year = (info.year if info else None) or year
        unique = title
        if self._show_id_by_key(title_key(unique)) is not None:
            unique = f"{title} ({year})" if year else title
            counter = 2
            while self._show_id_by_key(title_key(unique)) is not None:
                unique = f"{title} ({counter})"
                counter += 1
        external = {k: str(v) for k, v in ids.items() if k in ID_KINDS and k != "tvmaze"}
        if info:
            external["tvmaze"] = str(info.id)
        cursor = self._db.execute(
            "INSERT INTO shows(title, title_key, year, network, status, synopsis, external_ids, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                unique,
                title_key(unique),
                year,
                info.network_name if info else None,
                info.status_text if info else None,
                html_to_text(info.summary) if info else "",
                json.dumps(external, sort_keys=True),
                self.now(),
            ),
        )
        show_id = int(cursor.lastrowid or 0)
        self.insert_episode_facts(show_id, facts)
        return show_id

    def add_show_ids(self, show_id: int, ids: dict[str, str]) -> None:
        """Remember ids the library did not have for a show (never overwrite one)."""
        row = self._db.execute("SELECT external_ids FROM shows WHERE id = ?", (show_id,)).fetchone()
        current = json.loads(row[0]) if row else {}
        merged = {k: str(v) for k, v in ids.items() if k in ID_KINDS and k != "tvmaze"} | current
        if merged != current:
            self._db.execute(
                "UPDATE shows SET external_ids = ? WHERE id = ?",
                (json.dumps(merged, sort_keys=True), show_id),
            )

    def merge_history_show(self, show_id: int, show: HistoryShow, source: str) -> MergeCounts:
        """Merge a show's episodes, plays and ratings into the library (inside the
        caller's transaction)."""
        counts = MergeCounts()
        rows = self._db.execute(
            "SELECT id, season, number, title, air_date, external_id FROM episodes WHERE show_id = ?",
            (show_id,),
        ).fetchall()
        by_slot = {(r[1], r[2]): r[0] for r in rows}
        specials = [r for r in rows if r[1] == 0]
        linked = any(r[5] for r in rows)
        plays: dict[int, list[_LibraryPlay]] = {}
        for play_id, episode_id, watched_at in self._db.execute(
            "SELECT p.id, p.episode_id, p.watched_at FROM plays p JOIN episodes e ON e.id = p.episode_id"
            " WHERE e.show_id = ?",
            (show_id,),
        ):
            plays.setdefault(episode_id, []).append(_LibraryPlay(play_id, watched_at))
        for episode in show.episodes:
            episode_id = self._episode_for(show_id, episode, by_slot, specials, linked, counts)
            self._merge_plays(episode_id, episode, plays.setdefault(episode_id, []), source, counts)
            if episode.rating is not None:
                counts.ratings_set += self.merge_rating(
                    show_id, episode_id, episode.rating, episode.rated_at, source
                )
        if show.rating is not None:
            counts.ratings_set += self.merge_rating(show_id, None, show.rating, show.rated_at, source)
        return counts

    def _episode_for(
        self,
        show_id: int,
        episode: HistoryEpisode,
        by_slot: dict[tuple[int, int], int],
        specials: list[tuple[Any, ...]],  # rows of sqlite3, which types them as Any
        linked: bool,
        counts: MergeCounts,
    ) -> int:
        if episode.season == 0 and linked and specials:
            # TVmaze numbers specials its own way: find them by title, then by air date.
            from episodetui.core.titles import normalize_title

            wanted = normalize_title(episode.title) if episode.title else None
            for row in specials:
                if (wanted and normalize_title(row[3]) == wanted) or (
                    episode.air_date and row[4] == episode.air_date
                ):
                    return int(row[0])
        found = by_slot.get((episode.season, episode.number))
        if found is not None and not (episode.season == 0 and linked):
            if episode.title and not linked:  # a show by hand learns its episodes' titles
                self._db.execute(
                    "UPDATE episodes SET title = ? WHERE id = ? AND title = ''",
                    (clean_line(episode.title), found),
                )
            return int(found)
        number = episode.number
        if (episode.season, number) in by_slot:
            number = max(n for s, n in by_slot if s == episode.season) + 1
        cursor = self._db.execute(
            "INSERT INTO episodes(show_id, season, number, title, air_date) VALUES (?, ?, ?, ?, ?)",
            (show_id, episode.season, number, clean_line(episode.title), episode.air_date),
        )
        counts.episodes_added += 1
        episode_id = int(cursor.lastrowid or 0)
        by_slot[(episode.season, number)] = episode_id
        return episode_id

    def _merge_plays(
        self,
        episode_id: int,
        episode: HistoryEpisode,
        existing: list[_LibraryPlay],
        source: str,
        counts: MergeCounts,
    ) -> None:
        timed = [(p.watched_at, p.bulk) for p in episode.plays if p.watched_at]
        unknown = sum(1 for p in episode.plays if not p.watched_at)
        claimed: set[int] = set()  # the library's plays that this file's timed plays are
        for watched_at, bulk in timed:
            moment = datetime.fromisoformat(watched_at)
            same = next(
                (
                    p
                    for p in existing
                    if p.watched_at
                    and abs((datetime.fromisoformat(p.watched_at) - moment).total_seconds())
                    <= SAME_MOMENT_SECONDS
                ),
                None,
            )
            if same is not None:
                claimed.add(same.id)
                counts.plays_merged += 1
                continue
            untimed = next((p for p in existing if p.watched_at is None), None)
            if untimed is not None:
                self._db.execute("UPDATE plays SET watched_at = ? WHERE id = ?", (watched_at, untimed.id))
                untimed.watched_at = watched_at
                claimed.add(untimed.id)
                counts.plays_merged += 1
                continue
            cursor = self._db.execute(
                "INSERT INTO plays(episode_id, watched_at, source, bulk) VALUES (?, ?, ?, ?)",
                (episode_id, watched_at, source, int(bulk)),
            )
            existing.append(_LibraryPlay(int(cursor.lastrowid or 0), watched_at))
            claimed.add(existing[-1].id)
            counts.plays_added += 1
        # Plays of unknown time: as many as the file says the episode had in all.
        wanted = len(claimed) + unknown
        missing = min(unknown, max(0, wanted - len(existing)))
        counts.plays_merged += unknown - missing
        for _ in range(missing):
            cursor = self._db.execute(
                "INSERT INTO plays(episode_id, watched_at, source, bulk) VALUES (?, NULL, ?, 0)",
                (episode_id, source),
            )
            existing.append(_LibraryPlay(int(cursor.lastrowid or 0), None))
            counts.plays_added += 1

    def merge_rating(
        self, show_id: int, episode_id: int | None, rating: int, rated_at: str | None, source: str
    ) -> int:
        """Set a rating unless the library's is as new or newer; 1 if it changed."""
        rated_at = rated_at or self.now()
        row = self._db.execute(
            "SELECT rating, rated_at FROM ratings WHERE show_id = ? AND COALESCE(episode_id, 0) = ?",
            (show_id, episode_id or 0),
        ).fetchone()
        if row is not None and (row[0] == rating or row[1] >= rated_at):
            return 0
        self._db.execute(
            "INSERT INTO ratings(show_id, episode_id, rating, rated_at, source) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (show_id, COALESCE(episode_id, 0)) DO UPDATE SET rating = excluded.rating,"
            " rated_at = excluded.rated_at, source = excluded.source",
            (show_id, episode_id, rating, rated_at, source),
        )
        return 1

    def ratings(self, show_id: int) -> dict[int | None, tuple[int, str, str]]:
        """A show's ratings: episode id (None for the show) -> (rating, rated_at, source)."""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self._db.execute(
                "SELECT episode_id, rating, rated_at, source FROM ratings WHERE show_id = ?", (show_id,)
            )
        }
