"""The user's notes: one list widget and one set of add/edit/delete actions, shared by
the show and episode screens."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label, ListItem, ListView

from episodetui.core.spoilers import SpoilerPolicy
from episodetui.core.store import Note
from episodetui.core.text import format_timestamp, has_spoiler_spans
from episodetui.tui.timed_lines import timed_lines


class NoteItem(ListItem):
    def __init__(self, note: Note, revealed: bool) -> None:
        text = SpoilerPolicy.note_text(note.text, revealed)
        super().__init__(Label(timed_lines([("", note.at_seconds, text)]), classes="note-text"))
        self.note = note


class NotesList(ListView):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show_notes(self, notes: list[Note], revealed: bool) -> None:
        if not notes and not self.children:  # none, as before (most shows): nothing to redo
            self.display = False
            return
        index = self.index
        self.clear()
        self.extend(NoteItem(note, revealed) for note in notes)
        self.display = bool(notes)
        if notes:
            self.index = min(index or 0, len(notes) - 1)

    def move_highlight(self, step: int) -> None:
        """Move the highlighted note (j/k from anywhere on the page) and bring it into view."""
        if not self.children:
            return
        index = self.index if self.index is not None else 0
        self.index = max(0, min(len(self.children) - 1, index + (step if self.index is not None else 0)))
        self.focus(scroll_visible=False)
        if self.highlighted_child is not None:
            self.highlighted_child.scroll_visible(animate=False)

    @property
    def highlighted_note(self) -> Note | None:
        item = self.highlighted_child
        return item.note if isinstance(item, NoteItem) else None


class NoteActions(Screen):
    """n / e / d on a screen that shows a NotesList. Subclasses say where notes go."""

    notes_revealed = False

    @property
    def library(self):
        return self.app.library

    def note_target(self) -> tuple[int, int | None, str]:
        """(show id, episode id or None, a heading for the editor)."""
        ...

    def refresh_notes(self) -> None:
        """Read the notes again and redraw them."""
        ...

    def _highlighted_note(self) -> Note | None:
        note = self.query_one(NotesList).highlighted_note
        if note is None:
            self.notify("No note to act on here. Press n to write one.", severity="warning")
        return note

    def action_new_note(self) -> None:
        from episodetui.tui.dialogs import NoteDraft, NoteEditor

        show_id, episode_id, heading = self.note_target()

        def save(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            if not self.app.saved(
                lambda: self.app.library.add_note(
                    show_id, draft.text, episode_id=episode_id, at_seconds=draft.at_seconds
                )
            ):
                # Nothing typed is lost: the editor comes back with it.
                self.app.push_screen(NoteEditor(f"New note: {heading}", draft.text, draft.at_seconds), save)
                return
            self.refresh_notes()
            self.notify("Note saved.")

        self.app.push_screen(NoteEditor(f"New note: {heading}"), save)

    def action_edit_note(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen

        note = self._highlighted_note()
        if note is None:
            return
        if has_spoiler_spans(note.text) and not self.notes_revealed:
            # The editor shows the note as written, masked spans included: ask first.
            def open_unmasked(confirmed: bool | None) -> None:
                if confirmed:
                    self._open_editor(note)

            self.app.push_screen(
                ConfirmScreen(
                    "This note has masked ||spoiler|| spans. The editor shows them as written. Edit it?",
                    "Show and edit",
                    "Cancel",
                ),
                open_unmasked,
            )
            return
        self._open_editor(note)

    def _open_editor(self, note: Note) -> None:
        from episodetui.tui.dialogs import NoteDraft, NoteEditor

        def save(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            if not self.app.saved(
                lambda: self.app.library.update_note(note.id, draft.text, draft.at_seconds)
            ):
                self.app.push_screen(NoteEditor(heading, draft.text, draft.at_seconds, editing=True), save)
                return
            self.refresh_notes()
            self.notify("Note updated.")

        heading = f"Edit note: {self.note_target()[2]}"
        self.app.push_screen(NoteEditor(heading, note.text, note.at_seconds, editing=True), save)

    def action_delete_note(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen

        note = self._highlighted_note()
        if note is None:
            return
        when = f" at {format_timestamp(note.at_seconds)}" if note.at_seconds is not None else ""

        def delete(confirmed: bool | None) -> None:
            if confirmed and self.app.saved(lambda: self.app.library.delete_note(note.id)):
                self.refresh_notes()
                self.notify("Note deleted.")

        self.app.push_screen(
            ConfirmScreen(f"Delete the note{when}? This cannot be undone.", "Delete", "Keep"), delete
        )

    def action_toggle_note_spoilers(self) -> None:
        self.notes_revealed = not self.notes_revealed
        self.refresh_notes()
