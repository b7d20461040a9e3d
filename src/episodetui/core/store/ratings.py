"""Ratings, 1 to 10, of a show or of one of its episodes; one per target, the newest wins.

Rated from the app (`rate`, the TUI) or imported from another tracker's history: both land
in the `ratings` table of schema v3, with where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store.db import Database

MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Rating:
    show_id: int
    episode_id: int | None
    rating: int
    rated_at: str
    source: str


@dataclass(frozen=True, slots=True)
class RatingSummary:
    """What the library shows for a show: its own rating and its episodes' average."""

    own: int | None
    average: float | None
    rated_episodes: int

    def describe(self) -> str:
        """★ 8 (the show's own rating), ★ 7.5 avg (its episodes'), or ''."""
        if self.own is not None:
            return f"★ {self.own}"
        if self.average is not None:
            return f"★ {self.average:.1f} avg".replace(".0 ", " ")
        return ""


def check_rating(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
        raise EpisodeTuiError(f"a rating is a whole number from 1 to 10, not {value!r}")
    return value


class RatingsRoom(Database):
    _RATING_COLUMNS = "show_id, episode_id, rating, rated_at, source"

    def set_rating(
        self,
        show_id: int,
        episode_id: int | None,
        rating: int,
        *,
        source: str = MANUAL,
        rated_at: str | None = None,
    ) -> Rating:
        check_rating(rating)
        with self.transaction() as db:
            self._forget_rating(show_id, episode_id)
            db.execute(
                "INSERT INTO ratings(show_id, episode_id, rating, rated_at, source) VALUES (?, ?, ?, ?, ?)",
                (show_id, episode_id, rating, rated_at or self.now(), source),
            )
        found = self.rating(show_id, episode_id)
        assert found is not None
        return found

    def clear_rating(self, show_id: int, episode_id: int | None) -> bool:
        """Remove a rating; returns whether there was one."""
        with self.transaction():
            return self._forget_rating(show_id, episode_id) > 0

    def _forget_rating(self, show_id: int, episode_id: int | None) -> int:
        cursor = self._db.execute(
            "DELETE FROM ratings WHERE show_id = ? AND COALESCE(episode_id, 0) = ?",
            (show_id, episode_id or 0),
        )
        return cursor.rowcount

    def rating(self, show_id: int, episode_id: int | None = None) -> Rating | None:
        row = self._db.execute(
            f"SELECT {self._RATING_COLUMNS} FROM ratings WHERE show_id = ? AND COALESCE(episode_id, 0) = ?",
            (show_id, episode_id or 0),
        ).fetchone()
        return Rating(*row) if row else None

    def episode_ratings(self, show_id: int) -> dict[int, int]:
        """The show's rated episodes: episode id → rating."""
        rows = self._db.execute(
            "SELECT episode_id, rating FROM ratings WHERE show_id = ? AND episode_id IS NOT NULL",
            (show_id,),
        )
        return dict(rows.fetchall())

    def rating_summaries(self, show_id: int | None = None) -> dict[int, RatingSummary]:
        """Every rated show (or only `show_id`): its own rating and its episodes' average,
        in one query."""
        only = "" if show_id is None else "WHERE show_id = ?"  # uses the ratings_target index
        rows = self._db.execute(
            "SELECT show_id, MAX(CASE WHEN episode_id IS NULL THEN rating END),"
            " AVG(CASE WHEN episode_id IS NOT NULL THEN rating END),"
            f" COUNT(episode_id) FROM ratings {only} GROUP BY show_id",
            () if show_id is None else (show_id,),
        )
        return {show_id: RatingSummary(own, avg, count) for show_id, own, avg, count in rows}

    def rating_summary(self, show_id: int) -> RatingSummary:
        # One show's rows only: this is read on every `w` (the header and the library row).
        return self.rating_summaries(show_id).get(show_id, RatingSummary(None, None, 0))
