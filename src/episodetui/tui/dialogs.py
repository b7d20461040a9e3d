"""Modal dialogs: confirm, one-line prompt, note editor, add show, recap editors, help."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store import count_paragraphs
from episodetui.core.text import as_sentence, clean_text, format_timestamp, parse_timestamp


class Fields(VerticalScroll, can_focus=False):
    """A dialog's scrolling part. Not focusable itself: Tab goes from field to field,
    so nothing typed after a Tab lands where it would be dropped."""


class _Dialog(ModalScreen):
    """A dialog that fits the terminal: its `.fields` part scrolls (and follows the
    focused field) while its title and buttons stay in view, down to 80×24 and below."""

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        try:
            dialog = self.query_one(".dialog")
            fields = dialog.query_one(".fields")
        except NoMatches:
            return
        used = sum(
            child.outer_size.height + child.styles.margin.height
            for child in dialog.children
            if child is not fields and child.display
        )
        room = self.size.height - dialog.styles.gutter.height - used - fields.styles.margin.height
        if fields.styles.max_height != max(3, room):
            fields.styles.max_height = max(3, room)
            if self.focused is not None:
                self.call_after_refresh(self.focused.scroll_visible, animate=False)


class ConfirmScreen(_Dialog, ModalScreen[bool]):
    """A yes/no question. y or Enter on Yes confirms; n or Escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="question.yes"),
        Binding("n,escape", "answer(False)", "No", id="question.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with Fields(classes="fields"):
                yield Static(Text(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="warning")
                yield Button(f"{self.no_label} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class _MouseButton(Button, can_focus=False):
    """A form's button: for the mouse; the keyboard has ctrl+s and Escape."""


class _Form(_Dialog):
    """A dialog with fields, an error line, and Save/Cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save"),
    ]

    def show_error(self, message: str) -> None:
        error = self.query_one(".error", Label)
        error.update(Text(message))
        error.display = bool(message)
        self.call_after_refresh(self.fit)

    def buttons(self) -> ComposeResult:
        yield Label("", classes="error")
        with Horizontal(classes="buttons"):
            # Not in the Tab order: Tab moves between the fields only, so text typed
            # after a Tab always lands in a field (ctrl+s and Escape are the keys).
            yield _MouseButton("Save (ctrl+s)", id="save", variant="primary")
            yield _MouseButton("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(".error", Label).display = False

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # Each form defines action_save for its own fields.

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPrompt(_Form):
    """Ask for one line of text (an episode title, a file path)."""

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.prompt_title), classes="dialog-title")
            with Fields(classes="fields"):
                yield Input(self.value, placeholder=self.placeholder, id="value")
            yield from self.buttons()

    @on(Input.Submitted)
    def action_save(self) -> None:
        self.dismiss(self.query_one("#value", Input).value)


@dataclass(frozen=True)
class NoteDraft:
    text: str
    at_seconds: int | None


TIMESTAMP_CHARACTERS = set("0123456789:. ")


class NoteEditor(_Form):
    """Write or edit a note: an optional HH:MM:SS timestamp and free text.

    Focus follows the page: a new note opens in the timestamp field at the top, Tab goes
    on to the text (and back); editing opens in the text with the cursor at its end.
    Words typed into the timestamp field while the text is empty are moved to the text,
    so a note typed straight away is never lost or mistaken for a time.
    """

    def __init__(
        self, heading: str, text: str = "", at_seconds: int | None = None, editing: bool = False
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.initial_text = text
        self.initial_at = format_timestamp(at_seconds)
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Text(self.heading), classes="dialog-title")
            with Fields(classes="fields"):
                yield Label("When in the episode: HH:MM:SS or MM:SS, optional (Tab: on to the note)")
                yield Input(self.initial_at, placeholder="00:41:10", id="at")
                yield Label("Note (mark spoilers like ||this||)")
                yield TextArea(self.initial_text, id="text", soft_wrap=True, show_line_numbers=False)
            yield from self.buttons()

    def on_mount(self) -> None:
        area = self.query_one("#text", TextArea)
        area.move_cursor(area.document.end)
        (area if self.editing else self.query_one("#at", Input)).focus()

    @on(Input.Changed, "#at")
    def _words_in_the_timestamp(self, event: Input.Changed) -> None:
        area = self.query_one("#text", TextArea)
        if area.text or set(event.value) <= TIMESTAMP_CHARACTERS:
            return
        area.text = event.value
        area.move_cursor(area.document.end)
        event.input.value = ""
        area.focus()
        self.show_error("")

    @on(Input.Submitted, "#at")
    def _on_to_the_text(self) -> None:
        self.query_one("#text", TextArea).focus()

    def _draft(self) -> tuple[str, str]:
        return self.query_one("#text", TextArea).text, self.query_one("#at", Input).value

    def action_save(self) -> None:
        text, at = self._draft()
        if not clean_text(text).strip():
            self.show_error("Write something first, or press Escape to cancel.")
            return
        try:
            at_seconds = parse_timestamp(at) if at.strip() else None
        except EpisodeTuiError as error:
            self.show_error(as_sentence(str(error)))
            # After the dialog has fitted itself to the error line: one order, one picture.
            self.call_after_refresh(self.query_one("#at", Input).focus)
            return
        self.dismiss(NoteDraft(text, at_seconds))

    def action_cancel(self) -> None:
        if self._draft() == (self.initial_text, self.initial_at):
            self.dismiss(None)
            return

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard the unsaved note?", "Discard", "Keep editing"), discard)


@dataclass(frozen=True)
class NewShow:
    title: str
    episodes_per_season: list[int]
    year: int | None


class AddShowScreen(_Form):
    """Add a show by hand: title, seasons, and episodes per season."""

    def __init__(self, title: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.initial_title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add a show by hand", classes="dialog-title")
            with Fields(classes="fields"):
                yield Label("Title")
                yield Input(self.initial_title, placeholder="Harbour Lights", id="title")
                yield Label("Year (optional)")
                yield Input(placeholder="2025", id="year", restrict=r"\d{0,4}")
                yield Label("Seasons")
                yield Input("1", id="seasons", restrict=r"\d{0,3}")
                yield Label("Episodes per season (16, or one per season: 10, 10, 8)")
                yield Input(placeholder="16", id="episodes", restrict=r"[\d, ]*")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            self.dismiss(self._read())
        except EpisodeTuiError as error:
            self.show_error(str(error))

    def _read(self) -> NewShow:
        value = {
            name: self.query_one(f"#{name}", Input).value.strip()
            for name in ("title", "year", "seasons", "episodes")
        }
        if not value["title"]:
            raise EpisodeTuiError("Give the show a title.")
        seasons = int(value["seasons"] or "1")
        counts = [int(part) for part in value["episodes"].replace(",", " ").split()]
        if seasons < 1:
            raise EpisodeTuiError("A show has at least one season.")
        if not counts or min(counts) < 1:
            raise EpisodeTuiError("How many episodes does each season have?")
        if len(counts) == 1:
            counts *= seasons
        elif len(counts) != seasons:
            raise EpisodeTuiError(f"{seasons} seasons but {len(counts)} episode counts.")
        return NewShow(value["title"], counts, int(value["year"]) if value["year"] else None)


@dataclass(frozen=True)
class RecapDraft:
    title: str
    text: str


class RecapEditor(_Form):
    """Paste or edit a recap in full view: only for a recap the user may see."""

    def __init__(self, heading: str, title: str = "", text: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.initial = (title, text)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(Text(self.heading), classes="dialog-title")
            with Fields(classes="fields"):
                yield Input(self.initial[0], placeholder="Headline (optional)", id="title")
                yield TextArea(self.initial[1], id="text", soft_wrap=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).focus()

    def _draft(self) -> RecapDraft:
        return RecapDraft(self.query_one("#title", Input).value, self.query_one("#text", TextArea).text)

    def action_save(self) -> None:
        draft = self._draft()
        if not clean_text(draft.text).strip():
            self.show_error("The recap is empty.")
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        if (self._draft().title, self._draft().text) == self.initial:
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmScreen("Discard the unsaved recap?", "Discard", "Keep editing"),
            lambda confirmed: self.dismiss(None) if confirmed else None,
        )


class BlindPasteScreen(_Form):
    """Take a pasted recap for an unwatched episode without ever showing it.

    The terminal's paste arrives as one event; we keep the text and show only its shape.
    """

    def __init__(self, heading: str) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.pasted = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.heading), classes="dialog-title")
            with Fields(classes="fields"):
                yield Static(
                    "This episode is unwatched, so the recap will not be shown. Paste it now "
                    "with your terminal's paste (for example ctrl+shift+v); only its size is shown.",
                    classes="hint",
                )
                yield Static("Nothing pasted yet.", id="shape", classes="shape")
            yield from self.buttons()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.pasted += event.text
        text = clean_text(self.pasted).strip()
        words = len(text.split())
        self.query_one("#shape", Static).update(
            f"Received {count_paragraphs(text)} paragraphs, {words} words (hidden)."
        )
        self.show_error("")

    def action_save(self) -> None:
        if not clean_text(self.pasted).strip():
            self.show_error("Nothing pasted yet.")
            return
        self.dismiss(RecapDraft("", self.pasted))


HELP_TEXT = """\
episodetui keeps your shows, your progress, recaps that cannot spoil
you, and your notes.
ctrl+p opens the command palette: every action by name.
Keys can be remapped in config.toml (episodetui keys lists them).

{keys}
Note editor
  Opens in the timestamp (00:41:10, optional); Tab goes to the text.
  ctrl+s saves, Escape cancels (asks first if you wrote something).

Spoilers: a recap and its key moments stay hidden until you mark the
episode watched. A reveal without watching lasts until you leave the
episode or change whether it is watched. Spoiler modes (ctrl+p):
off, recaps (default), strict (also hides the titles and synopses of
unwatched episodes, except the next one).

If episodetui stops on an unexpected error, it says so, exits with
status 1 and writes a crash report (no recap or note text) to its
data folder.
"""


def help_keys(config) -> str:  # type: ignore[no-untyped-def]
    """The keys part of the help, from the bindings themselves (with the user's keymap),
    so it cannot drift from what the keys do."""
    from episodetui.tui.keys import key_display, key_table

    keymap = getattr(config, "keymap", {}) or {}
    lines: list[str] = []
    where = None
    for info in key_table():
        if info.where != where:
            where = info.where
            lines.append(f"{'' if not lines else chr(10)}{where.capitalize()}")
        keys = key_display(keymap.get(info.id, info.key_string))
        lines.append(f"  {keys:<14} {info.description}")
    return "\n".join(lines) + "\n"


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide tall"):
            yield Label("Help", classes="dialog-title")
            yield Static(Text(HELP_TEXT.format(keys=help_keys(getattr(self.app, "config", None)))))
            yield Button("Close (esc)", id="close")

    @on(Button.Pressed)
    def _close(self) -> None:
        self.dismiss(None)
