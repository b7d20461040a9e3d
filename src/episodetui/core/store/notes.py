"""The user's notes on shows and episodes."""

from __future__ import annotations

from episodetui.core.errors import EpisodeTuiError, NotFound
from episodetui.core.store.db import Database
from episodetui.core.store.records import Note
from episodetui.core.text import clean_text


class NotesRoom(Database):
    def add_note(
        self,
        show_id: int,
        text: str,
        *,
        episode_id: int | None = None,
        at_seconds: int | None = None,
    ) -> Note:
        body = clean_text(text).strip()
        if not body:
            raise EpisodeTuiError("the note is empty")
        if at_seconds is not None and at_seconds < 0:
            raise EpisodeTuiError("a timestamp cannot be negative")
        now = self.now()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO notes(show_id, episode_id, body, at_seconds, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (show_id, episode_id, body, at_seconds, now, now),
            )
        return self.note(int(cursor.lastrowid or 0))

    def update_note(self, note_id: int, text: str, at_seconds: int | None) -> Note:
        body = clean_text(text).strip()
        if not body:
            raise EpisodeTuiError("the note is empty; delete it instead")
        with self.transaction() as db:
            db.execute(
                "UPDATE notes SET body = ?, at_seconds = ?, updated_at = ? WHERE id = ?",
                (body, at_seconds, self.now(), note_id),
            )
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    _NOTE_COLUMNS = "id, show_id, episode_id, body, at_seconds, created_at, updated_at"
    _NOTE_ORDER = "ORDER BY at_seconds IS NULL, at_seconds, created_at, id"

    def note(self, note_id: int) -> Note:
        row = self._db.execute(f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NotFound(f"no note with id {note_id}")
        return Note(*row)

    def episode_notes(self, episode_id: int) -> list[Note]:
        """An episode's notes sorted by timestamp (untimed ones last)."""
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE episode_id = ? {self._NOTE_ORDER}",
            (episode_id,),
        )
        return [Note(*row) for row in rows]

    def show_notes(self, show_id: int) -> list[Note]:
        """Notes on the show itself, not on one of its episodes."""
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE show_id = ? AND episode_id IS NULL"
            f" {self._NOTE_ORDER}",
            (show_id,),
        )
        return [Note(*row) for row in rows]
