"""Watching: plays added and removed. `plays` is the truth; `watches` follows by trigger."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store.episodes import EpisodesRoom
from episodetui.core.store.records import Episode

MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Play:
    """One time an episode was watched."""

    id: int
    episode_id: int
    watched_at: str | None  # UTC ISO time; None when the source did not know
    source: str
    bulk: bool
    pass_id: int | None


class WatchingRoom(EpisodesRoom):
    def set_watched(self, episode_id: int, watched: bool) -> None:
        with self.transaction() as db:
            if watched:
                self._first_play(episode_id, bulk=False)
            else:
                db.execute("DELETE FROM plays WHERE episode_id = ?", (episode_id,))

    def record_play(self, episode_id: int, *, source: str = MANUAL, pass_id: int | None = None) -> int:
        """Add a play (a rewatch if it was watched already); returns the plays now."""
        with self.transaction():
            self.add_play(episode_id, self.now(), source=source, pass_id=pass_id)
        return self.episode(episode_id).plays

    def add_play(
        self,
        episode_id: int,
        watched_at: str | None,
        *,
        source: str = MANUAL,
        bulk: bool = False,
        pass_id: int | None = None,
    ) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO plays(episode_id, watched_at, source, bulk, pass_id) VALUES (?, ?, ?, ?, ?)",
                (episode_id, watched_at, source, int(bulk), pass_id),
            )
        return int(cursor.lastrowid or 0)

    def _first_play(self, episode_id: int, bulk: bool) -> None:
        """A play only if the episode has none yet (marking watched is not a rewatch)."""
        self._db.execute(
            "INSERT INTO plays(episode_id, watched_at, source, bulk)"
            " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM plays WHERE episode_id = ?)",
            (episode_id, self.now(), MANUAL, int(bulk), episode_id),
        )

    def plays(self, episode_id: int) -> list[Play]:
        rows = self._db.execute(
            "SELECT id, episode_id, watched_at, source, bulk, pass_id FROM plays"
            " WHERE episode_id = ? ORDER BY watched_at IS NULL, watched_at, id",
            (episode_id,),
        )
        return [Play(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]

    def remove_plays(self, play_ids: Iterable[int]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM plays WHERE id = ?", [(play_id,) for play_id in play_ids])

    def restore_plays(self, plays: Iterable[Play]) -> None:
        """Put removed plays back as they were (an undo)."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO plays(id, episode_id, watched_at, source, bulk, pass_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(p.id, p.episode_id, p.watched_at, p.source, int(p.bulk), p.pass_id) for p in plays],
            )

    def toggle_watched(self, episode_id: int) -> bool:
        """Flip an episode's watched mark, deciding from the database; returns the new state."""
        with self.transaction():
            watched = not self.episode(episode_id).watched
            self.set_watched(episode_id, watched)
        return watched

    def aired_unwatched_through(self, episode_id: int) -> list[Episode]:
        """What `watch_through` would mark: aired, unwatched, in order up to the episode."""
        target = self.episode(episode_id)
        today = self.today()
        if target.season == 0:
            candidates = [target]
        else:
            key = (target.season, target.number)
            candidates = [
                e for e in self.episodes(target.show_id) if e.season > 0 and (e.season, e.number) <= key
            ]
        return [e for e in candidates if not e.watched and e.aired(today)]

    def mark_aired_unwatched_through(self, episode_id: int) -> list[tuple[int, int]]:
        """One play now for each episode `aired_unwatched_through` names, in one
        statement (a bulk mark when more than one); the (episode id, play id) pairs."""
        target = self.episode(episode_id)
        if target.season == 0:
            if target.watched or not target.aired(self.today()):
                return []
            return [(episode_id, self.add_play(episode_id, self.now()))]
        with self.transaction() as db:
            added = db.execute(
                "INSERT INTO plays(episode_id, watched_at, source, bulk)"
                " SELECT e.id, ?, ?, 1 FROM episodes e"
                " WHERE e.show_id = ? AND e.season > 0 AND (e.season, e.number) <= (?, ?)"
                " AND (e.air_date IS NULL OR e.air_date <= ?)"
                " AND NOT EXISTS (SELECT 1 FROM plays p WHERE p.episode_id = e.id)"
                " RETURNING episode_id, id",
                (self.now(), MANUAL, target.show_id, target.season, target.number, self.today().isoformat()),
            ).fetchall()
            if len(added) == 1:  # one episode is not a bulk mark
                db.execute("UPDATE plays SET bulk = 0 WHERE id = ?", (added[0][1],))
        return sorted((int(e), int(p)) for e, p in added)

    def watch_through(self, episode_id: int) -> int:
        """Mark every aired episode up to this one watched; returns how many changed."""
        target = self.episode(episode_id)
        if not target.aired(self.today()):
            raise EpisodeTuiError(f"{target.code} has not aired yet ({target.air_date})")
        return len(self.mark_aired_unwatched_through(episode_id))
