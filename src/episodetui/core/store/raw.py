"""Rows as stored, for the lossless export and its import: the only reads that skip the
spoiler policy, and the only writes that take rows as an export holds them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from episodetui.core.store.notes import NotesRoom
from episodetui.core.store.recaps import RecapsRoom
from episodetui.core.store.records import EPISODE_ORDER as _ORDER, KeyMoment, Note, Recap


class RawRoom(RecapsRoom, NotesRoom):
    def raw_show_rows(self) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM shows ORDER BY title_key")

    def raw_episode_rows(self, show_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT e.*, w.first_watched_at, w.watched_at, w.plays FROM episodes e"
            f" LEFT JOIN watches w ON w.episode_id = e.id WHERE e.show_id = ?"
            f" ORDER BY {_ORDER}",
            (show_id,),
        )

    def raw_recaps(self, show_id: int) -> dict[int, Recap]:
        """Every recap of a show by episode id, in two queries (the export reads 60,000
        episodes; one query per episode cost seconds)."""
        moments: dict[int, list[KeyMoment]] = {}
        for episode_id, body, at in self._db.execute(
            "SELECT k.episode_id, k.body, k.at_seconds FROM key_moments k"
            " JOIN episodes e ON e.id = k.episode_id WHERE e.show_id = ?"
            " ORDER BY k.episode_id, k.position",
            (show_id,),
        ):
            moments.setdefault(episode_id, []).append(KeyMoment(body, at))
        return {
            row[0]: Recap(row[0], row[1], row[2], row[3], row[4], moments.get(row[0], []))
            for row in self._db.execute(
                "SELECT r.episode_id, r.title, r.body, r.source, r.added_at FROM recaps r"
                " JOIN episodes e ON e.id = r.episode_id WHERE e.show_id = ?",
                (show_id,),
            )
        }

    def raw_recap(self, episode_id: int) -> Recap | None:
        """The recap without asking the policy: for the lossless export only."""
        return self._load_recap(episode_id)

    def raw_notes(self, show_id: int) -> list[Note]:
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE show_id = ? {self._NOTE_ORDER}",
            (show_id,),
        )
        return [Note(*row) for row in rows]

    def raw_passes(self, show_id: int) -> list[tuple[int, str, str | None]]:
        """A show's rewatch passes (id, started, ended), oldest first."""
        return [
            (row[0], row[1], row[2])
            for row in self._db.execute(
                "SELECT id, started_at, ended_at FROM rewatch_passes WHERE show_id = ?"
                " ORDER BY started_at, id",
                (show_id,),
            )
        ]

    def raw_plays(self, show_id: int) -> list[tuple[int, str | None, str, bool, int | None]]:
        """A show's plays (episode id, when, source, bulk, pass id), timed ones first."""
        return [
            (row[0], row[1], row[2], bool(row[3]), row[4])
            for row in self._db.execute(
                "SELECT p.episode_id, p.watched_at, p.source, p.bulk, p.pass_id FROM plays p"
                " JOIN episodes e ON e.id = p.episode_id WHERE e.show_id = ?"
                " ORDER BY p.watched_at IS NULL, p.watched_at, p.id",
                (show_id,),
            )
        ]

    def play_times(self, episode_id: int) -> list[str | None]:
        return [
            row[0]
            for row in self._db.execute("SELECT watched_at FROM plays WHERE episode_id = ?", (episode_id,))
        ]

    def note_keys(self, show_id: int, episode_id: int | None) -> set[tuple[str, int | None]]:
        """(body, time) of the notes on a show (`episode_id` None) or an episode."""
        return {
            (row[0], row[1])
            for row in self._db.execute(
                "SELECT body, at_seconds FROM notes WHERE show_id = ? AND episode_id IS ?",
                (show_id, episode_id),
            )
        }

    # Writing rows as an export stored them, inside the caller's transaction: the import
    # of an export has validated and cleaned every field already.

    def insert_raw_show(self, row: dict[str, object]) -> int:
        """`row` holds every column of `shows` but the id."""
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = self._db.execute(f"INSERT INTO shows({columns}) VALUES ({marks})", tuple(row.values()))
        return int(cursor.lastrowid or 0)

    def insert_raw_episodes(self, show_id: int, rows: list[dict[str, object]]) -> list[int] | None:
        """`rows` (new episodes of one show) hold the same columns of `episodes` but the id
        and the show; their ids in order, or None when two of them take the same slot."""
        if not rows:
            return []
        columns = ", ".join(rows[0])
        marks = ", ".join("?" * (len(rows[0]) + 1))
        before = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM episodes").fetchone()[0]
        try:
            self._db.executemany(
                f"INSERT INTO episodes(show_id, {columns}) VALUES ({marks})",
                [(show_id, *row.values()) for row in rows],
            )
        except sqlite3.IntegrityError:
            return None
        # New rowids count up from the largest in the table: these rows, in their order.
        return [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM episodes WHERE show_id = ? AND id > ? ORDER BY id", (show_id, before)
            )
        ]

    def insert_pass(self, show_id: int, started_at: str, ended_at: str | None) -> int:
        cursor = self._db.execute(
            "INSERT INTO rewatch_passes(show_id, started_at, ended_at) VALUES (?, ?, ?)",
            (show_id, started_at, ended_at),
        )
        return int(cursor.lastrowid or 0)

    def insert_plays(self, plays: Iterable[tuple[int, str | None, str, bool, int | None]]) -> None:
        """Plays as (episode id, when, source, bulk, pass id)."""
        rows = [(episode, when, source, int(bulk), pass_id) for episode, when, source, bulk, pass_id in plays]
        if rows:  # most episodes of an import have none: skip the statement
            self._db.executemany(
                "INSERT INTO plays(episode_id, watched_at, source, bulk, pass_id) VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def insert_notes(
        self, show_id: int, notes: Iterable[tuple[int | None, str, int | None, str, str]]
    ) -> None:
        """Notes as (episode id or None for the show, body, time, created, updated)."""
        rows = [(show_id, *note) for note in notes]
        if rows:
            self._db.executemany(
                "INSERT INTO notes(show_id, episode_id, body, at_seconds, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
