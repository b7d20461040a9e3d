"""An episode: its details, the recap (hidden while unwatched), key moments, notes."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from episodetui.core.dates import local_day
from episodetui.core.spoilers import SpoilerPolicy
from episodetui.core.views import EpisodeView, episode_view
from episodetui.tui.notes import NoteActions, NotesList
from episodetui.tui.previously import PreviouslyPanel
from episodetui.tui.timed_lines import timed_lines

REVEAL_HOW = "Press w to mark it watched, or r to reveal it."


NOTES_HINT = "j/k choose a note · e edit · d delete · n new"


class EpisodeScreen(NoteActions):
    BINDINGS = [
        # The footer shows what fits at 80 columns; help and the palette have the rest.
        Binding("escape", "app.pop_screen", "Back", show=False, id="episode.back"),
        Binding("w", "toggle_watched", "Watched", id="episode.toggle_watched"),
        Binding("r", "reveal", "Reveal", id="episode.reveal"),
        Binding("n", "new_note", "Note", id="episode.new_note"),
        Binding("e", "edit_note", "Edit note", id="episode.edit_note"),
        Binding("d", "delete_note", "Del note", id="episode.delete_note"),
        Binding("i", "import_recap", "Import", show=False, id="episode.import_recap"),
        Binding("p", "edit_recap", "Recap", id="episode.edit_recap"),
        Binding("j", "next_note", "Next note", show=False, id="episode.next_note"),
        Binding("k", "previous_note", "Previous note", show=False, id="episode.previous_note"),
        Binding("x", "remove_recap", "Remove recap", show=False, id="episode.remove_recap"),
        Binding("v", "toggle_note_spoilers", "Note spoilers", show=False, id="episode.toggle_note_spoilers"),
        Binding("t", "edit_title", "Edit title", show=False, id="episode.edit_title"),
        Binding("asterisk", "rate", "Rate", key_display="*", id="episode.rate", show=False),
    ]

    def __init__(self, episode_id: int) -> None:
        super().__init__(id="episode")
        self.episode_id = episode_id
        self.show_id: int | None = None
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="episode-body"):
            yield Static(id="episode-title")
            yield Static(id="episode-meta")
            yield Static(id="synopsis")
            yield PreviouslyPanel()
            yield Static("Recap", classes="section-title")
            yield Static(id="recap")
            yield Static(id="key-moments")
            with Horizontal(classes="section-title"):
                yield Static("Your notes", classes="section-name")
                yield Static(Text(NOTES_HINT, style="not bold"), id="notes-hint", classes="section-hint")
            yield Static(id="no-notes")
            yield NotesList(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_notes()
        # Focus the page, so it opens at the top and arrows scroll it; j/k move the
        # highlighted note (always drawn), Tab goes to the notes, e/d act on it.
        self.query_one("#episode-body").focus()

    def on_screen_resume(self) -> None:
        # Runs when the screen is first shown and whenever it is back on top.
        self.reload()

    def view(self) -> EpisodeView:
        """This episode as the spoiler policy lets it be shown right now."""
        return episode_view(self.library, self.episode_id, self.revealed)

    def reload(self) -> None:
        library = self.library
        view = self.view()
        show_title = library.show(view.show_id).title
        self.show_id = view.show_id
        # The terminal title names the show and code only: never an episode's title.
        self.sub_title = f"{show_title} {view.code}"

        title = Text(f"{show_title}  ", style="dim")
        title.append(view.code, style="bold")
        title.append("  ")
        title.append(view.display_title, style="bold")
        self.query_one("#episode-title", Static).update(title)

        meta = []
        if view.air_date:
            meta.append(f"aired {view.air_date}" if view.aired else f"airs {view.air_date}")
        if view.runtime:
            meta.append(f"{view.runtime} min")
        if view.watched:
            plays = f", {view.plays} plays" if view.plays > 1 else ""
            meta.append(f"✓ watched {local_day(view.watched_at)}{plays}" if view.watched_at else "✓ watched")
        else:
            meta.append("not watched")
        if view.rating:
            meta.append(f"rated {view.rating}/10")
        self.query_one("#episode-meta", Static).update(Text(" · ".join(meta), style="dim"))

        synopsis = self.query_one("#synopsis", Static)
        synopsis.display = bool(view.synopsis)
        synopsis.update(Text(view.synopsis))
        self._render_recap(view)
        self._render_previously(view)

    def _render_previously(self, episode: EpisodeView) -> None:
        """On the episode about to be watched: key moments and notes of the ones before."""
        from episodetui.core.previously import previously_on, upcoming_episode_id

        about_to_watch = upcoming_episode_id(self.library, episode.show_id) == episode.id
        self.query_one(PreviouslyPanel).show_previously(
            previously_on(self.library, episode.show_id, before_episode_id=episode.id)
            if about_to_watch
            else None
        )

    def _render_recap(self, view: EpisodeView) -> None:
        recap_widget = self.query_one("#recap", Static)
        moments_widget = self.query_one("#key-moments", Static)
        recap_widget.set_class(view.recap_hidden, "hidden-recap")
        # Emptied, not only hidden: a hidden widget must not hold the recap's words
        # (select-all and copy would still find them).
        moments_widget.update("")
        moments_widget.display = False
        if not view.has_recap:
            recap_widget.update(Text("No recap yet. Press p to paste one.", style="dim"))
            return
        if view.recap is None:
            assert view.recap_shape is not None
            recap_widget.update(Text(SpoilerPolicy.hidden_recap_label(view.recap_shape, REVEAL_HOW)))
            return
        recap = view.recap
        body = Text()
        if recap.title:
            body.append(recap.title + "\n\n", style="bold")
        body.append(recap.text)
        if recap.source:
            body.append(f"\n\nSource: {recap.source}", style="dim")
        recap_widget.update(body)
        if recap.key_moments:
            moments_widget.update(
                Group(
                    Text("Key moments", style="bold"),
                    timed_lines([("•", moment.at_seconds, moment.text) for moment in recap.key_moments]),
                )
            )
            moments_widget.display = True

    def refresh_notes(self) -> None:
        notes = self.library.episode_notes(self.episode_id)
        self.query_one(NotesList).show_notes(notes, self.notes_revealed)
        no_notes = self.query_one("#no-notes", Static)
        no_notes.display = not notes
        no_notes.update(Text("No notes yet. Press n to note a key moment.", style="dim"))
        self.query_one("#notes-hint").display = bool(notes)

    def action_next_note(self) -> None:
        self.query_one(NotesList).move_highlight(1)

    def action_previous_note(self) -> None:
        self.query_one(NotesList).move_highlight(-1)

    def note_target(self) -> tuple[int, int | None, str]:
        episode = self.library.episode(self.episode_id)
        return episode.show_id, episode.id, f"{self.library.show(episode.show_id).title} {episode.code}"

    def action_toggle_watched(self) -> None:
        self.app.toggle_watched(self.episode_id)
        # A reveal ends when the episode changes state: unwatching hides it again.
        self.revealed = False
        self.reload()

    def action_reveal(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen

        episode = self.view()
        parts = episode.hidden_parts
        if not parts:
            self.notify(
                "Nothing is hidden here."
                if episode.has_recap or episode.watched
                else "Nothing is hidden here: this episode has no recap yet."
            )
            return

        def reveal(confirmed: bool | None) -> None:
            if confirmed:
                self.revealed = True
                self.reload()

        what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        self.app.push_screen(
            ConfirmScreen(
                f"Reveal {what} of {episode.code} without marking it watched? "
                "They stay visible until you leave this episode or change whether it is watched.",
                "Reveal",
                "Keep hidden",
            ),
            reveal,
        )

    def action_remove_recap(self) -> None:
        from episodetui.core.removal import REMOVED_DIR, remove_recap
        from episodetui.tui.dialogs import ConfirmScreen

        library = self.library
        view = self.view()
        if view.recap_shape is None:
            self.notify("This episode has no recap to remove.", severity="warning")
            return
        shape = view.recap_shape
        show = library.show(view.show_id)

        def remove(confirmed: bool | None) -> None:
            if not confirmed:
                return

            def remove_it() -> None:
                removed = remove_recap(library, self.episode_id)
                self.notify(
                    f"Recap removed. A copy is in {removed.copy}; to put it back: {removed.restore}",
                    timeout=20,
                )

            if self.app.saved(remove_it):
                self.reload()

        # Its size only: the recap may be hidden.
        self.app.push_screen(
            ConfirmScreen(
                f"Remove the recap of {show.title} {view.code} ({shape.describe()})? "
                f"A copy is kept in the {REMOVED_DIR}/ folder beside your library, so you can put it back.",
                "Remove",
                "Keep",
            ),
            remove,
        )

    def action_edit_recap(self) -> None:
        from episodetui.tui.dialogs import RecapDraft, RecapEditor

        library = self.library
        view = self.view()
        heading = f"Recap of {library.show(view.show_id).title} {view.code}"

        def save(draft: RecapDraft | None) -> None:
            if draft is None:
                return
            source = view.recap.source if view.recap else ""
            moments = view.recap.key_moments if view.recap else []
            if not self.app.saved(
                lambda: library.set_recap(
                    self.episode_id, draft.text, title=draft.title, source=source, key_moments=moments
                )
            ):
                # Nothing typed is lost: the editor comes back with it.
                self.app.push_screen(RecapEditor(heading, draft.title, draft.text), save)
                return
            self.reload()
            self.notify(
                "Recap saved."
                if self.view().recap_visible
                else "Recap saved, hidden until you watch the episode."
            )

        if view.recap is not None:
            self.app.push_screen(RecapEditor(heading, view.recap.title, view.recap.text), save)
        else:
            # A paste is read like an import: same preview, same "keep it raw" choice,
            # and for an unwatched episode it is never drawn.
            from episodetui.tui.recap_dialogs import open_recap_import

            open_recap_import(
                self.app, library, self.episode_id, revealed=self.revealed, paste_first=True, done=self.reload
            )

    def action_import_recap(self) -> None:
        from episodetui.tui.recap_dialogs import open_recap_import

        open_recap_import(self.app, self.library, self.episode_id, revealed=self.revealed, done=self.reload)

    def action_rate(self) -> None:
        from episodetui.tui.rating_dialog import rate

        episode = self.library.episode(self.episode_id)
        rate(
            self,
            episode.show_id,
            episode.id,
            f"{self.library.show(episode.show_id).title} {episode.code}",
            self.reload,
        )

    def action_edit_title(self) -> None:
        self.app.edit_episode_title(self.episode_id, self.reload)
