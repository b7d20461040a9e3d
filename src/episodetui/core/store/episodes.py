"""Episodes: reading them, editing their details, what airs soon."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from episodetui.core.codes import format_episode_code
from episodetui.core.errors import EpisodeTuiError, NotFound
from episodetui.core.spoilers import EpisodeState
from episodetui.core.store.records import EPISODE_ORDER as _ORDER, Episode, Show, Upcoming
from episodetui.core.store.summaries import SummariesRoom
from episodetui.core.text import clean_line, clean_text


class EpisodesRoom(SummariesRoom):
    _EPISODE_COLUMNS = (
        "e.id, e.show_id, e.season, e.number, e.title, e.air_date, e.runtime, e.synopsis,"
        " w.watched_at, COALESCE(w.plays, 0),"
        " (SELECT COUNT(*) FROM notes n WHERE n.episode_id = e.id),"
        " EXISTS (SELECT 1 FROM recaps r WHERE r.episode_id = e.id),"
        " e.external_id, e.airstamp, e.delisted"
    )

    def episodes(self, show_id: int) -> list[Episode]:
        """A show's episodes in order, specials (season 0) last."""
        rows = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS} FROM episodes e"
            " LEFT JOIN watches w ON w.episode_id = e.id"
            f" WHERE e.show_id = ? ORDER BY e.season = 0, {_ORDER}",
            (show_id,),
        ).fetchall()
        return [_episode(row) for row in rows]

    def episode_ids(self, show_id: int) -> list[int]:
        """A show's episode ids in the order `episodes` reads them, without the episodes."""
        rows = self._db.execute(
            f"SELECT e.id FROM episodes e WHERE e.show_id = ? ORDER BY e.season = 0, {_ORDER}", (show_id,)
        ).fetchall()
        return [row[0] for row in rows]

    def episodes_by_id(self, episode_ids: Iterable[int]) -> dict[int, Episode]:
        """Some episodes, by id, in one read (ids that do not exist are left out)."""
        rows = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS} FROM episodes e"
            " LEFT JOIN watches w ON w.episode_id = e.id"
            " WHERE e.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(episode_ids)),),
        ).fetchall()
        return {row[0]: _episode(row) for row in rows}

    def episode(self, episode_id: int) -> Episode:
        row = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS} FROM episodes e"
            " LEFT JOIN watches w ON w.episode_id = e.id WHERE e.id = ?",
            (episode_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no episode with id {episode_id}")
        return _episode(row)

    def find_episode(self, show: Show, season: int, number: int) -> Episode:
        row = self._db.execute(
            "SELECT id FROM episodes WHERE show_id = ? AND season = ? AND number = ?",
            (show.id, season, number),
        ).fetchone()
        if row is None:
            raise NotFound(f"{show.title} has no episode {format_episode_code(season, number)}")
        return self.episode(row[0])

    def next_episode_id(self, show_id: int) -> int | None:
        summary = self.summary(show_id)
        return summary.next_episode.id if summary.next_episode else None

    def episode_state(self, episode: Episode, revealed: bool = False) -> EpisodeState:
        return EpisodeState(
            watched=episode.watched,
            is_next=self.next_episode_id(episode.show_id) == episode.id,
            revealed=revealed,
        )

    def update_episode(
        self,
        episode_id: int,
        *,
        title: str | None = None,
        air_date: str | None = None,
        runtime: int | None = None,
        synopsis: str | None = None,
    ) -> None:
        updates: dict[str, object] = {}
        if title is not None:
            updates["title"] = clean_line(title)
        if air_date is not None:
            updates["air_date"] = _check_date(air_date)
        if runtime is not None:
            updates["runtime"] = runtime
        if synopsis is not None:
            updates["synopsis"] = clean_text(synopsis).strip()
        if not updates:
            return
        assignments = ", ".join(f"{column} = :{column}" for column in updates)
        with self.transaction() as db:
            db.execute(f"UPDATE episodes SET {assignments} WHERE id = :id", updates | {"id": episode_id})

    def upcoming(self, days: int = 21) -> list[Upcoming]:
        """Episodes airing from today through the next `days` days, soonest first."""
        today = self.today()
        rows = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS}, s.title FROM episodes e"
            " JOIN shows s ON s.id = e.show_id"
            " LEFT JOIN watches w ON w.episode_id = e.id"
            " WHERE e.air_date >= ? AND e.air_date <= ? AND e.delisted = 0"
            f" ORDER BY COALESCE(e.airstamp, e.air_date), s.title_key, {_ORDER}",
            (today.isoformat(), (today + timedelta(days=days)).isoformat()),
        ).fetchall()
        return [Upcoming(row[-1], _episode(row)) for row in rows]


def _episode(row: tuple[Any, ...]) -> Episode:
    """An episode from a row of the episode select (sqlite3 types its rows as Any)."""
    (
        episode_id,
        show_id,
        season,
        number,
        title,
        air_date,
        runtime,
        synopsis,
        watched_at,
        plays,
        notes,
        has_recap,
        external_id,
        airstamp,
        delisted,
    ) = row[:15]
    return Episode(
        episode_id,
        show_id,
        season,
        number,
        title,
        air_date,
        runtime,
        synopsis,
        watched_at,
        plays,
        notes,
        bool(has_recap),
        external_id,
        airstamp,
        bool(delisted),
    )


def _check_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise EpisodeTuiError(f"bad date {value!r}: use YYYY-MM-DD") from None
