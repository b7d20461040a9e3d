"""Rewatch passes: a show's second (third, ...) time through.

While a pass is active, a play recorded from the app (`watch`, `w`) belongs to it: it
carries the pass's id, so first-watch dates stay as they were and the pass has its own
progress and next episode. Playing the pass's last episode ends it; so does `--stop`.
"""

from __future__ import annotations

from dataclasses import dataclass

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.spoilers import EpisodeState
from episodetui.core.store.records import EPISODE_ORDER as _ORDER
from episodetui.core.store.shows import ShowsRoom
from episodetui.core.store.watching import MANUAL, WatchingRoom


@dataclass(frozen=True, slots=True)
class RewatchPass:
    id: int
    show_id: int
    started_at: str
    ended_at: str | None
    number: int  # 1 for the first rewatch, 2 for the second...


@dataclass(frozen=True, slots=True)
class PassProgress:
    pass_id: int
    number: int
    watched: int  # episodes played in this pass
    total: int  # the regular episodes that have aired
    next_id: int | None
    next_code: str | None
    next_title: str  # as the spoiler policy allows
    next_season: int | None = None
    next_number: int | None = None

    def describe(self) -> str:
        where = f"next {self.next_code} {self.next_title}".rstrip() if self.next_code else "done"
        return f"rewatch {self.number}: {self.watched}/{self.total}, {where}"


class RewatchRoom(WatchingRoom, ShowsRoom):
    def active_pass(self, show_id: int) -> RewatchPass | None:
        row = self._db.execute(
            "SELECT id, show_id, started_at, ended_at,"
            " (SELECT COUNT(*) FROM rewatch_passes p WHERE p.show_id = r.show_id AND p.id <= r.id)"
            " FROM rewatch_passes r WHERE show_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1",
            (show_id,),
        ).fetchone()
        return RewatchPass(*row) if row else None

    def passes(self, show_id: int) -> list[RewatchPass]:
        rows = self._db.execute(
            "SELECT id, show_id, started_at, ended_at FROM rewatch_passes WHERE show_id = ? ORDER BY id",
            (show_id,),
        ).fetchall()
        return [
            RewatchPass(pass_id, show_id, started_at, ended_at, number=index + 1)
            for index, (pass_id, show_id, started_at, ended_at) in enumerate(rows)
        ]

    def start_rewatch(self, show_id: int) -> RewatchPass:
        with self.transaction() as db:
            active = self.active_pass(show_id)
            if active is not None:
                raise EpisodeTuiError(
                    f"{self.show(show_id).title} is already being rewatched (rewatch {active.number}); "
                    "stop it first"
                )
            if not db.execute(
                "SELECT 1 FROM episodes e JOIN watches w ON w.episode_id = e.id WHERE e.show_id = ? LIMIT 1",
                (show_id,),
            ).fetchone():
                raise EpisodeTuiError(
                    f"nothing of {self.show(show_id).title} is watched yet: nothing to rewatch"
                )
            db.execute("INSERT INTO rewatch_passes(show_id, started_at) VALUES (?, ?)", (show_id, self.now()))
        started = self.active_pass(show_id)
        assert started is not None
        return started

    def stop_rewatch(self, show_id: int) -> RewatchPass | None:
        """End the show's active pass; returns it, or None if there was none."""
        with self.transaction() as db:
            active = self.active_pass(show_id)
            if active is None:
                return None
            db.execute("UPDATE rewatch_passes SET ended_at = ? WHERE id = ?", (self.now(), active.id))
        return active

    # ----------------------------------------------------------- plays in a pass

    def record_play(self, episode_id: int, *, source: str = MANUAL, pass_id: int | None = None) -> int:
        """A play from the app: during a rewatch it belongs to the pass (and may end it)."""
        with self.transaction():
            show_id = self.episode(episode_id).show_id
            active = self.active_pass(show_id)
            if pass_id is None and active is not None:
                pass_id = active.id
            plays = super().record_play(episode_id, source=source, pass_id=pass_id)
            if active is not None and pass_id == active.id:
                self._end_pass_if_done(show_id)
        return plays

    def played_in_pass(self, episode_id: int, pass_id: int) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM plays WHERE episode_id = ? AND pass_id = ?", (episode_id, pass_id)
            ).fetchone()
            is not None
        )

    def toggle_pass_play(self, episode_id: int) -> bool:
        """`w` during a rewatch: add this pass's play, or take it back. Returns whether the
        episode is now played in the pass. Plays from before the pass are never touched."""
        with self.transaction() as db:
            show_id = self.episode(episode_id).show_id
            active = self.active_pass(show_id)
            if active is None:
                raise EpisodeTuiError("no rewatch is in progress for this show")
            if self.played_in_pass(episode_id, active.id):
                db.execute("DELETE FROM plays WHERE episode_id = ? AND pass_id = ?", (episode_id, active.id))
                return False
            self.record_play(episode_id, pass_id=active.id)
            return True

    def _end_pass_if_done(self, show_id: int) -> None:
        progress = self.pass_progress(show_id)
        if progress is not None and progress.total and progress.watched >= progress.total:
            self._db.execute(
                "UPDATE rewatch_passes SET ended_at = ? WHERE id = ?", (self.now(), progress.pass_id)
            )

    # ---------------------------------------------------------------- progress

    def pass_progress(self, show_id: int) -> PassProgress | None:
        return self.active_pass_progress(show_id).get(show_id)

    def active_pass_progress(self, show_id: int | None = None) -> dict[int, PassProgress]:
        """Every show with a rewatch in progress: how far, and what is next in the pass."""
        only = "AND r.show_id = :show_id" if show_id is not None else ""
        rows = self._db.execute(
            f"""
            WITH active AS (
                SELECT r.id, r.show_id,
                       (SELECT COUNT(*) FROM rewatch_passes p WHERE p.show_id = r.show_id AND p.id <= r.id) AS number
                FROM rewatch_passes r WHERE r.ended_at IS NULL {only}
            ),
            counted AS (
                SELECT a.id, a.show_id, a.number,
                       COUNT(DISTINCT pl.episode_id) AS watched,
                       (SELECT COUNT(*) FROM episodes e WHERE e.show_id = a.show_id AND e.season > 0
                          AND e.delisted = 0 AND (e.air_date IS NULL OR e.air_date <= :today)) AS total,
                       MAX(CASE WHEN e.season > 0 THEN {_ORDER} END) AS last_k
                FROM active a
                LEFT JOIN plays pl ON pl.pass_id = a.id
                LEFT JOIN episodes e ON e.id = pl.episode_id
                GROUP BY a.id
            )
            SELECT c.id, c.show_id, c.number, c.watched, c.total,
                   (SELECT e.id FROM episodes e
                    WHERE e.show_id = c.show_id AND e.season > 0 AND e.delisted = 0
                      AND {_ORDER} > COALESCE(c.last_k, -1)
                      AND (e.air_date IS NULL OR e.air_date <= :today)
                      AND NOT EXISTS (SELECT 1 FROM plays p WHERE p.episode_id = e.id AND p.pass_id = c.id)
                    ORDER BY e.season, e.number LIMIT 1)
            FROM counted c
            """,
            {"today": self.today().isoformat(), "show_id": show_id},
        ).fetchall()
        result = {}
        for pass_id, show, number, watched, total, next_id in rows:
            code, title, season, episode_number = None, "", None, None
            if next_id is not None:
                episode = self.episode(next_id)
                policy = self.policy_for(self.show(show))
                code, season, episode_number = episode.code, episode.season, episode.number
                title = policy.episode_title(
                    episode.title, EpisodeState(watched=episode.watched, is_next=True)
                )
            result[show] = PassProgress(
                pass_id, number, watched, total, next_id, code, title, season, episode_number
            )
        return result

    def rewatch_next_episode_id(self, show_id: int) -> int | None:
        progress = self.pass_progress(show_id)
        return progress.next_id if progress else None

    def show_plays(self, show_id: int) -> dict[int, list[tuple[str | None, int | None]]]:
        """Every play of a show's episodes, by episode: (watched at, rewatch number)."""
        rows = self._db.execute(
            "SELECT p.episode_id, p.watched_at,"
            " (SELECT COUNT(*) FROM rewatch_passes r WHERE r.show_id = e.show_id AND r.id <= p.pass_id)"
            " FROM plays p JOIN episodes e ON e.id = p.episode_id WHERE e.show_id = ?"
            " ORDER BY p.episode_id, p.watched_at IS NULL, p.watched_at, p.id",
            (show_id,),
        )
        plays: dict[int, list[tuple[str | None, int | None]]] = {}
        for episode_id, watched_at, number in rows:
            plays.setdefault(episode_id, []).append((watched_at, number or None))
        return plays
