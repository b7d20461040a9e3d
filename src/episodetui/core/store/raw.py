"""Rows as stored, for the lossless export: the only reads that skip the spoiler policy."""

from __future__ import annotations

import sqlite3

from episodetui.core.store.notes import NotesRoom
from episodetui.core.store.recaps import RecapsRoom
from episodetui.core.store.records import EPISODE_ORDER as _ORDER
from episodetui.core.store.records import Note, Recap


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

    def raw_recap(self, episode_id: int) -> Recap | None:
        """The recap without asking the policy: for the lossless export only."""
        return self._load_recap(episode_id)

    def raw_notes(self, show_id: int) -> list[Note]:
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE show_id = ? {self._NOTE_ORDER}",
            (show_id,),
        )
        return [Note(*row) for row in rows]
