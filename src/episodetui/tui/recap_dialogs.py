"""Importing a recap article: choose a file or paste, then a preview that shows the
parsed recap only where the spoiler policy allows, and the user's confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from episodetui.core.encoding import decode_text
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.recap_import import ParsedRecap, TargetGuess, parse_recap
from episodetui.core.text import as_sentence, format_timestamp
from episodetui.tui.dialogs import _Form


@dataclass(frozen=True)
class ImportDraft:
    parsed: ParsedRecap
    source: str


class RecapImportScreen(_Form):
    """Where the article comes from: a file path, or a paste that is never drawn."""

    def __init__(self, heading: str) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.pasted = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield Label("A file: copied text, Markdown or a saved web page")
            yield Input(placeholder="~/Downloads/recap.html", id="path")
            yield Static(
                "Or paste the article with your terminal's paste (ctrl+shift+v): it is not "
                "shown here, only its size.",
                classes="hint",
            )
            yield Static("Nothing pasted.", id="pasted", classes="shape")
            yield Label("Source (optional)")
            yield Input(placeholder="where it came from", id="source")
            yield Checkbox("Keep the text raw (no clean-up, no key moments)", id="raw")
            yield Label("", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Preview (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_paste(self, event: events.Paste) -> None:
        # A paste into the path field is a path; anywhere else it is the article.
        if isinstance(self.focused, Input) and self.focused.id in {"path", "source"} and "\n" not in event.text:
            return
        event.prevent_default()
        event.stop()
        self.pasted += event.text
        self.query_one("#pasted", Static).update(f"Pasted {len(self.pasted):,} characters (hidden).")
        self.show_error("")

    @on(Input.Submitted)
    def action_save(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        try:
            if path:
                file = Path(path).expanduser()
                if not file.is_file():
                    raise EpisodeTuiError(f"No such file: {path}")
                text = decode_text(file.read_bytes(), path)
            elif self.pasted:
                text = self.pasted
            else:
                raise EpisodeTuiError("Give a file path, or paste the article.")
            parsed = parse_recap(text, raw=self.query_one("#raw", Checkbox).value)
        except (EpisodeTuiError, OSError) as error:
            self.show_error(as_sentence(str(error)))
            return
        self.dismiss(ImportDraft(parsed, self.query_one("#source", Input).value.strip()))


FORMAT_NAMES = {"text": "plain text", "markdown": "Markdown", "html": "a web page", "raw": "raw text"}

# What the preview answers: save here, save to the suggested episode, or nothing.
SAVE_HERE, SAVE_SUGGESTED = "here", "suggested"


class RecapPreviewScreen(ModalScreen[str | None]):
    """The parsed recap before it is saved. With `show_text` false (an unwatched
    episode) only its shape is shown: headline hidden, counts, what was dropped."""

    BINDINGS = [
        Binding("ctrl+s,y", "answer('here')", "Save here"),
        Binding("s", "answer('suggested')", "Save to suggested", show=False),
        Binding("escape,n", "answer(None)", "Cancel"),
    ]

    def __init__(
        self,
        parsed: ParsedRecap,
        target_code: str,
        guess: TargetGuess,
        suggested_code: str | None,
        show_text: bool,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.parsed = parsed
        self.target_code = target_code
        self.guess = guess
        self.suggested_code = suggested_code
        self.show_text = show_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(f"Recap preview for {self.target_code}", classes="dialog-title")
            with VerticalScroll(id="preview-body"):
                yield Static(self._summary(), id="preview-summary")
                if self.show_text:
                    yield Static(self._full_text(), id="preview-text")
                else:
                    yield Static(
                        Text(
                            "Not shown: an episode this recap may be saved to is unwatched. "
                            "It stays hidden until you watch that episode."
                        ),
                        classes="hidden-preview",
                    )
            with Horizontal(classes="buttons"):
                yield Button(f"Save to {self.target_code} (y)", id="here", variant="primary")
                if self.suggested_code:
                    yield Button(f"Save to {self.suggested_code} (s)", id="suggested", variant="warning")
                yield Button("Cancel (esc)", id="cancel")

    def _summary(self) -> Text:
        parsed = self.parsed
        summary = Text()
        headline = "headline hidden" if not self.show_text else ("no headline" if not parsed.headline else "headline kept")
        summary.append(f"{headline} · {parsed.shape.describe()} · {parsed.describe_dropped()}\n", style="bold")
        summary.append(f"Read as {FORMAT_NAMES[parsed.format]}. ")
        if self.guess.number is None and self.guess.show_title is None and self.guess.quoted_title is None:
            summary.append("The headline names no show or episode.")
        elif self.suggested_code:
            summary.append(f"The headline suggests {self.guess.describe()}, not {self.target_code}.")
        else:
            summary.append(f"The headline suggests {self.guess.describe()}.")
        return summary

    def _full_text(self) -> Text:
        parsed = self.parsed
        body = Text("\n")
        if parsed.headline:
            body.append(parsed.headline + "\n\n", style="bold")
        body.append("\n\n".join(parsed.paragraphs))
        if parsed.key_moments:
            body.append("\n\nKey moments\n", style="bold")
            for moment in parsed.key_moments:
                at = format_timestamp(moment.at_seconds)
                body.append(f"• {at + '  ' if at else ''}{moment.text}\n")
        return body

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        if answer == SAVE_SUGGESTED and not self.suggested_code:
            return
        self.dismiss(answer)
