"""Importing or pasting a recap: where the article comes from (a file path, or a paste
that is never drawn), then a preview of the core's plan that shows the recap's words
only where the spoiler policy allows, and the user's choice. `i` and `p` both come
here: a paste is parsed like an import, with the same preview and the same "keep it
raw" choice. Input and output only: the core plans and applies the import."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.recaps.plan import HERE, SUGGESTED, ImportPlan
from episodetui.core.text import as_sentence, format_timestamp
from episodetui.tui.dialogs import _Form

# Makes the plan from (article text, keep it raw, source); raises EpisodeTuiError.
Planner = Callable[[str, bool, str], ImportPlan]

_PATH_MAX = 1024
_FILE_NAME = re.compile(r"[\w.\- ]{1,200}\.(?:txt|text|md|markdown|html?|xhtml|mht|htm)", re.I)


def looks_like_path(text: str) -> bool:
    """A paste that is a file path, not an article: one line, path-sized and path-shaped."""
    value = text.strip()
    if not value or "\n" in value or "\r" in value or len(value) > _PATH_MAX:
        return False
    if value.startswith(("/", "~", "./", "../")) or re.match(r"^[A-Za-z]:[\\/]", value):
        return True
    if ("/" in value or "\\" in value) and " " not in value:
        return True
    if _FILE_NAME.fullmatch(value):
        return True
    try:
        return Path(value).expanduser().is_file()
    except (OSError, ValueError):
        return False


class _GuardedInput(Input):
    """An input that hands a paste that is not for it to the blind paste: it is never
    inserted, so it is never drawn."""

    def accepts(self, text: str) -> bool:
        # A source is a site's name or address, not a headline: short, one line.
        value = text.strip()
        if "\n" in value or len(value) > 200:
            return False
        return bool(re.match(r"^(?:https?://|www\.)\S+$", value)) or (
            len(value) <= 60 and len(value.split()) <= 6
        )

    def _on_paste(self, event: events.Paste) -> None:
        # Textual runs Input's own handler after this one unless the default is prevented.
        if self.accepts(event.text):
            return
        event.prevent_default()
        event.stop()
        screen = self.screen
        if isinstance(screen, RecapImportScreen):
            screen.take_paste(event.text)


class PathInput(_GuardedInput):
    def accepts(self, text: str) -> bool:
        return looks_like_path(text)


class PasteZone(Static, can_focus=True):
    """Where a paste lands: it shows only the size of what arrived."""


class RecapImportScreen(_Form):
    """Where the article comes from: a file path, or a paste that is never drawn.
    Dismisses with the plan the `planner` made of it."""

    DEFAULT_CSS = """
    RecapImportScreen .error {
        width: 100%;
        height: auto;
    }
    RecapImportScreen #fields {
        height: auto;
        max-height: 50vh;
    }
    """

    def __init__(self, heading: str, planner: Planner, *, paste_first: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.planner = planner
        self.paste_first = paste_first
        self.pasted = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Text(self.heading), classes="dialog-title")
            # The fields scroll on a small terminal; the error and the buttons stay in view.
            with VerticalScroll(id="fields"):
                yield Label("A file: copied text, Markdown or a saved web page")
                yield PathInput(placeholder="~/Downloads/recap.html", id="path")
                yield Static(
                    "Or paste the article with your terminal's paste (ctrl+shift+v): it is not "
                    "shown here, only its size.",
                    classes="hint",
                )
                yield PasteZone("Nothing pasted.", id="pasted", classes="shape")
                yield Label("Source (optional)")
                yield _GuardedInput(placeholder="where it came from", id="source")
                yield Checkbox("Keep the text raw (no clean-up, no key moments)", id="raw")
            yield Label("", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Preview (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#pasted" if self.paste_first else "#path").focus()

    def take_paste(self, text: str) -> None:
        self.pasted += text
        self.query_one("#pasted", Static).update(f"Pasted {len(self.pasted):,} characters (hidden).")
        self.show_error("")

    def on_paste(self, event: events.Paste) -> None:
        # A paste that reached the dialog itself (the paste zone, a button, nothing
        # focused) is the article.
        event.prevent_default()
        event.stop()
        self.take_paste(event.text)

    @on(Input.Submitted)
    def action_save(self) -> None:
        from episodetui.core.encoding import read_text_file

        path = self.query_one("#path", Input).value.strip()
        try:
            if path:
                # Echo the path only if it is shaped like one (never a pasted text).
                text = read_text_file(path, path if looks_like_path(path) else "that path")
            elif self.pasted:
                text = self.pasted
            else:
                raise EpisodeTuiError("Give a file path, or paste the article.")
            plan = self.planner(
                text, self.query_one("#raw", Checkbox).value, self.query_one("#source", Input).value.strip()
            )
        except EpisodeTuiError as error:
            self.show_error(as_sentence(str(error)))
            return
        self.dismiss(plan)


FORMAT_NAMES = {"text": "plain text", "markdown": "Markdown", "html": "a web page", "raw": "raw text"}


class RecapPreviewScreen(ModalScreen[str | None]):
    """The planned recap before it is saved. When the plan may not show its text (an
    episode it may be saved to is unwatched), only its shape is shown: headline hidden,
    counts, what was dropped. `k` re-reads the article raw, or cleaned again."""

    BINDINGS = [
        Binding("ctrl+s,y", "answer('here')", "Save here", id="preview.save"),
        Binding("s", "answer('suggested')", "Save to suggested", show=False, id="preview.save_suggested"),
        Binding("k", "toggle_raw", "Keep raw / clean up", id="preview.toggle_raw"),
        Binding("escape,n", "answer(None)", "Cancel", id="preview.cancel"),
    ]

    def __init__(self, plan: ImportPlan, replan: Callable[[bool], ImportPlan] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.plan = plan
        self.replan = replan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(classes="dialog wide tall"):
            yield Label(f"Recap preview for {plan.here.code}", classes="dialog-title")
            with VerticalScroll(id="preview-body"):
                yield Static(self._summary(), id="preview-summary")
                if plan.show_text:
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
                yield Button(f"Save to {plan.here.code} (y)", id=HERE, variant="primary")
                if plan.suggested:
                    yield Button(f"Save to {plan.suggested.code} (s)", id=SUGGESTED, variant="warning")
                if self.replan is not None:
                    raw = plan.parsed.format == "raw"
                    yield Button("Clean it up (k)" if raw else "Keep it raw (k)", id="raw")
                yield Button("Cancel (esc)", id="cancel")

    def _summary(self) -> Text:
        plan = self.plan
        summary = Text()
        summary.append(plan.summary() + "\n", style="bold")
        summary.append(f"Read as {FORMAT_NAMES[plan.parsed.format]}. ")
        summary.append(plan.guess_sentence())
        if plan.parsed.format != "raw" and self.replan is not None:
            summary.append(" ")
            summary.append("If the clean-up got it wrong, press k to keep the text raw.", style="dim")
        return summary

    def _full_text(self) -> Text:
        parsed = self.plan.parsed
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
        if event.button.id == "raw":
            self.action_toggle_raw()
            return
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_toggle_raw(self) -> None:
        if self.replan is None:
            return
        try:
            self.plan = self.replan(self.plan.parsed.format != "raw")
        except EpisodeTuiError as error:
            self.notify(as_sentence(str(error)), severity="warning")
            return
        self.refresh(recompose=True)

    def action_answer(self, answer: str | None) -> None:
        if answer == SUGGESTED and not self.plan.suggested:
            return
        self.dismiss(answer)


def open_recap_import(
    app,
    library,
    episode_id: int,
    *,
    revealed: bool = False,
    paste_first: bool = False,
    done: Callable[[], None] = lambda: None,
) -> None:
    """The whole flow for `i` and `p`: the article, the preview, the save. `revealed` is
    the user's reveal of this episode (a reveal never covers another episode)."""
    from episodetui.core.recaps.plan import apply_import, plan_import

    episode = library.episode(episode_id)
    show = library.show(episode.show_id)
    article: dict[str, str] = {}

    def planner(text: str, raw: bool, source: str) -> ImportPlan:
        article.update(text=text, source=source)
        return plan_import(library, episode_id, text, raw=raw, source=source, revealed=revealed)

    def replan(raw: bool) -> ImportPlan:
        return plan_import(
            library, episode_id, article["text"], raw=raw, source=article["source"], revealed=revealed
        )

    def preview(plan: ImportPlan | None) -> None:
        if plan is None:
            return
        screen = RecapPreviewScreen(plan, replan)

        def save(choice: str | None) -> None:
            if choice is None:
                return

            def save_it() -> None:
                result = apply_import(library, screen.plan, choice, revealed=revealed)
                app.notify(
                    f"Recap saved to {result.code}"
                    + ("." if result.visible else ", hidden until you watch it.")
                )

            if app.saved(save_it):
                done()
            else:
                preview(screen.plan)  # the preview comes back: Save again, or cancel

        app.push_screen(screen, save)

    verb = "Paste a recap into" if paste_first else "Import a recap into"
    app.push_screen(
        RecapImportScreen(f"{verb} {show.title} {episode.code}", planner, paste_first=paste_first), preview
    )
