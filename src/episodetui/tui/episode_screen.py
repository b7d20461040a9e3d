"""An episode: its details, the recap (hidden while unwatched), key moments, notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from episodetui.core.spoilers import SpoilerPolicy
from episodetui.core.text import format_timestamp
from episodetui.tui.notes import NoteActions, NotesList
from episodetui.tui.previously import PreviouslyPanel

REVEAL_HOW = "Press w to mark it watched, or r to reveal it."


class EpisodeScreen(NoteActions):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("w", "toggle_watched", "Watched"),
        Binding("r", "reveal", "Reveal"),
        Binding("n", "new_note", "Note"),
        Binding("e", "edit_note", "Edit"),
        Binding("d", "delete_note", "Delete"),
        Binding("i", "import_recap", "Import"),
        Binding("p", "edit_recap", "Recap"),
        Binding("v", "toggle_note_spoilers", "Note spoilers", show=False),
        Binding("t", "edit_title", "Edit title", show=False),
        Binding("asterisk", "rate", "Rate", key_display="*", id="episode.rate"),
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
            yield Static("Your notes", classes="section-title")
            yield Static(id="no-notes")
            yield NotesList(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_notes()
        # Focus the page, not the notes, so it opens at the top; e/d act on the
        # highlighted note either way.
        self.query_one("#episode-body").focus()

    def on_screen_resume(self) -> None:
        # Runs when the screen is first shown and whenever it is back on top.
        self.reload()

    def reload(self) -> None:
        library = self.library
        episode = library.episode(self.episode_id)
        show = library.show(episode.show_id)
        policy = library.policy_for(show)
        state = library.episode_state(episode, self.revealed)
        self.show_id = show.id
        # The terminal title names the show and code only: never an episode's title.
        self.sub_title = f"{show.title} {episode.code}"

        title = Text(f"{show.title}  ", style="dim")
        title.append(episode.code, style="bold")
        title.append("  ")
        title.append(policy.episode_title(episode.title, state) or f"Episode {episode.number}", style="bold")
        self.query_one("#episode-title", Static).update(title)

        meta = []
        if episode.air_date:
            meta.append(f"aired {episode.air_date}" if episode.aired(library.today()) else f"airs {episode.air_date}")
        if episode.runtime:
            meta.append(f"{episode.runtime} min")
        if episode.watched:
            plays = f", {episode.plays} plays" if episode.plays > 1 else ""
            meta.append(f"✓ watched {episode.watched_at[:10]}{plays}" if episode.watched_at else "✓ watched")
        else:
            meta.append("not watched")
        rating = library.ratings(show.id).get(episode.id)
        if rating:
            meta.append(f"rated {rating[0]}/10")
        self.query_one("#episode-meta", Static).update(Text(" · ".join(meta), style="dim"))

        synopsis = self.query_one("#synopsis", Static)
        synopsis.display = bool(episode.synopsis)
        synopsis.update(Text(policy.synopsis(episode.synopsis, state)))
        self._render_recap(library.recap_view(episode, self.revealed))
        self._render_previously(episode)

    def _render_previously(self, episode) -> None:
        """On the episode about to be watched: key moments and notes of the ones before."""
        from episodetui.core.previously import previously_on, upcoming_episode_id

        about_to_watch = upcoming_episode_id(self.library, episode.show_id) == episode.id
        self.query_one(PreviouslyPanel).show_previously(
            previously_on(self.library, episode.show_id, before_episode_id=episode.id) if about_to_watch else None
        )

    def _render_recap(self, view) -> None:
        recap_widget = self.query_one("#recap", Static)
        moments_widget = self.query_one("#key-moments", Static)
        recap_widget.set_class(view.exists and not view.visible, "hidden-recap")
        moments_widget.display = False
        if not view.exists:
            recap_widget.update(Text("No recap yet. Press p to paste one.", style="dim"))
            return
        if view.recap is None:
            recap_widget.update(Text(SpoilerPolicy.hidden_recap_label(view.shape, REVEAL_HOW)))
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
            moments = Text()
            moments.append("Key moments\n", style="bold")
            for moment in recap.key_moments:
                moments.append("• ")
                if moment.at_seconds is not None:
                    moments.append(format_timestamp(moment.at_seconds) + "  ", style="bold")
                moments.append(moment.text + "\n")
            moments_widget.update(moments)
            moments_widget.display = True

    def refresh_notes(self) -> None:
        notes = self.library.episode_notes(self.episode_id)
        self.query_one(NotesList).show_notes(notes, self.notes_revealed)
        no_notes = self.query_one("#no-notes", Static)
        no_notes.display = not notes
        no_notes.update(Text("No notes yet. Press n to note a key moment.", style="dim"))

    def note_target(self) -> tuple[int, int | None, str]:
        episode = self.library.episode(self.episode_id)
        return episode.show_id, episode.id, f"{self.library.show(episode.show_id).title} {episode.code}"

    def action_toggle_watched(self) -> None:
        self.app.toggle_watched(self.episode_id)
        self.reload()

    def action_reveal(self) -> None:
        from episodetui.tui.dialogs import ConfirmScreen

        library = self.library
        episode = library.episode(self.episode_id)
        view = library.recap_view(episode, self.revealed)
        policy = library.policy_for(library.show(episode.show_id))
        recap_hidden = view.exists and not view.visible
        if not recap_hidden and policy.details_visible(library.episode_state(episode, self.revealed)):
            self.notify("Nothing is hidden here." if view.exists else "This episode has no recap yet.")
            return

        def reveal(confirmed: bool | None) -> None:
            if confirmed:
                self.revealed = True
                self.reload()

        self.app.push_screen(
            ConfirmScreen(
                f"Reveal the recap of {episode.code} without marking it watched? "
                "It stays visible until you leave this episode.",
                "Reveal",
                "Keep hidden",
            ),
            reveal,
        )

    def action_edit_recap(self) -> None:
        from episodetui.tui.dialogs import RecapDraft, RecapEditor

        library = self.library
        episode = library.episode(self.episode_id)
        view = library.recap_view(episode, self.revealed)
        heading = f"Recap of {library.show(episode.show_id).title} {episode.code}"

        def save(draft: RecapDraft | None) -> None:
            if draft is None:
                return
            source = view.recap.source if view.recap else ""
            moments = view.recap.key_moments if view.recap else []
            library.set_recap(self.episode_id, draft.text, title=draft.title, source=source, key_moments=moments)
            self.reload()
            self.notify("Recap saved." if library.recap_view(library.episode(self.episode_id), self.revealed).visible else "Recap saved, hidden until you watch the episode.")

        if view.visible and view.recap is not None:
            self.app.push_screen(RecapEditor(heading, view.recap.title, view.recap.text), save)
        else:
            # A paste is read like an import: same preview, same "keep it raw" choice,
            # and for an unwatched episode it is never drawn.
            from episodetui.tui.recap_dialogs import open_recap_import

            open_recap_import(self.app, library, self.episode_id, revealed=self.revealed, paste_first=True, done=self.reload)

    def action_import_recap(self) -> None:
        from episodetui.tui.recap_dialogs import open_recap_import

        open_recap_import(self.app, self.library, self.episode_id, revealed=self.revealed, done=self.reload)

    def action_rate(self) -> None:
        from episodetui.tui.rating_dialog import rate

        episode = self.library.episode(self.episode_id)
        rate(self, episode.show_id, episode.id, f"{self.library.show(episode.show_id).title} {episode.code}", self.reload)

    def action_edit_title(self) -> None:
        self.app.edit_episode_title(self.episode_id, self.reload)
