"""Library rows: every show with its progress, next and upcoming episode, in one query."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable

from episodetui.core.errors import NotFound
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.store.db import Database
from episodetui.core.store.records import EPISODE_ORDER as _ORDER, NextEpisode, ShowSummary
from episodetui.core.text import title_key


class SummariesRoom(Database):
    def summaries(self) -> list[ShowSummary]:
        """Every show with progress and next episode, in one query."""
        return self._summaries()

    def summaries_in_background(self) -> Callable[[], list[ShowSummary]]:
        """Start reading the summaries on a thread; call the result to wait for them.

        SQLite releases the GIL while it works, so the first screen's data is read
        while the UI toolkit is still importing. The thread has a connection of its
        own: a Python sqlite3 connection must not be used by two threads at once.
        """
        box: list[list[ShowSummary] | BaseException] = []

        def work() -> None:
            try:
                reader = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                try:
                    box.append(self._summaries(db=reader))
                finally:
                    reader.close()
            except BaseException as error:  # handed to the caller below
                box.append(error)

        thread = threading.Thread(target=work, name="episodetui-prefetch", daemon=True)
        thread.start()

        def result() -> list[ShowSummary]:
            thread.join()
            if isinstance(box[0], BaseException):
                raise box[0]
            return box[0]

        return result

    def summary(self, show_id: int) -> ShowSummary:
        for summary in self._summaries(show_id):
            return summary
        raise NotFound(f"no show with id {show_id}")

    def _summaries(
        self, show_id: int | None = None, db: sqlite3.Connection | None = None
    ) -> list[ShowSummary]:
        # Progress counts aired (or already watched) regular episodes, and specials
        # only where the show opts in. "Next" is the first aired, unwatched regular
        # episode after the last watched one, found through the (show, season, number)
        # index so a big library costs one grouped scan, not one per show.
        only_episodes = "AND e.show_id = :show_id" if show_id is not None else ""
        only_show = "WHERE s.id = :show_id" if show_id is not None else ""
        rows = (
            (db or self._db)
            .execute(
                f"""
            WITH stats AS (
                SELECT e.show_id,
                       SUM(e.air_date IS NULL OR e.air_date <= :today OR w.episode_id IS NOT NULL)
                           AS total,
                       COUNT(w.episode_id) AS watched,
                       MAX(CASE WHEN w.episode_id IS NOT NULL AND e.season > 0 THEN {_ORDER} END)
                           AS last_k,
                       MAX(w.watched_at) AS last_at
                FROM episodes e
                JOIN shows s ON s.id = e.show_id
                LEFT JOIN watches w ON w.episode_id = e.id
                WHERE (e.season > 0 OR s.count_specials) {only_episodes}
                  AND (e.delisted = 0 OR w.episode_id IS NOT NULL)
                GROUP BY e.show_id
            ),
            progress AS (
                SELECT s.id, s.title, s.title_key, s.year, s.spoiler_mode,
                       COALESCE(stats.watched, 0) AS watched, COALESCE(stats.total, 0) AS total,
                       stats.last_at,
                       (SELECT e.id FROM episodes e
                        WHERE e.show_id = s.id AND e.season > 0 AND e.delisted = 0
                          AND {_ORDER} > COALESCE(stats.last_k, -1)
                          AND (e.air_date IS NULL OR e.air_date <= :today)
                          AND NOT EXISTS (SELECT 1 FROM watches w WHERE w.episode_id = e.id)
                        ORDER BY e.season, e.number LIMIT 1) AS next_id,
                       (SELECT e.id FROM episodes e
                        WHERE e.show_id = s.id AND e.season > 0 AND e.delisted = 0
                          AND e.air_date > :today
                        ORDER BY e.air_date, e.season, e.number LIMIT 1) AS upcoming_id
                FROM shows s LEFT JOIN stats ON stats.show_id = s.id
                {only_show}
            )
            SELECT json_group_array(json_array(
                       p.id, p.title, p.year, p.watched, p.total, p.last_at,
                       n.id, n.season, n.number, n.title, p.spoiler_mode,
                       u.id, u.season, u.number, u.title, u.air_date))
            FROM progress p
            LEFT JOIN episodes n ON n.id = p.next_id
            LEFT JOIN episodes u ON u.id = p.upcoming_id
            """,
                {"today": self.today().isoformat(), "show_id": show_id},
            )
            .fetchone()[0]
        )
        # One JSON row rather than a row per show: a background reader then needs the
        # GIL once instead of once per show while the UI thread is busy importing.
        rows = sorted(json.loads(rows), key=lambda row: title_key(row[1]))
        return [
            ShowSummary(
                id=r[0],
                title=r[1],
                year=r[2],
                watched=r[3],
                total=r[4],
                last_watched_at=r[5],
                next_episode=NextEpisode(r[6], r[7], r[8], r[9]) if r[6] is not None else None,
                spoiler_mode=SpoilerMode(r[10]) if r[10] else None,
                upcoming=NextEpisode(r[11], r[12], r[13], r[14]) if r[11] is not None else None,
                upcoming_air_date=r[15],
            )
            for r in rows
        ]
