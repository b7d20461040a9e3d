"""Rows as stored, for the lossless export: the only reads that skip the spoiler policy."""

from __future__ import annotations

import sqlite3

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
