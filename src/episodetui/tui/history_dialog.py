"""Import history…: pick an export, read the dry-run report, confirm, watch the progress,
read what was done. Reading, matching with TVmaze and writing run on a worker thread with
its own connection to the library, so the screen never freezes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Static

from episodetui.core.text import as_sentence

PICK, CHECKING, REVIEW, IMPORTING, DONE = "pick", "checking", "review", "importing", "done"


class ImportHistoryScreen(ModalScreen[bool]):
    """Dismissed with True when something was imported (the library should redraw)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self.stage = PICK
        self.plan = None  # what the dry run found, applied on confirmation
        self.imported = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="import-history"):
            yield Label("Import history", classes="dialog-title")
            yield Static(
                "From TV Time, Trakt, SeriesGuide, Showly or Yamtrack (the zip, folder or file"
                " they let you download), or an episodetui export to merge.",
                classes="hint pick-only",
            )
            yield Label("Path to the export", classes="pick-only")
            yield Input(placeholder="~/Downloads/tvtime-gdpr-data.zip", id="path")
            yield Input(placeholder="the zip's password", password=True, id="password")
            yield Checkbox(
                "Offline: do not ask TVmaze (shows are made by hand, link them later)",
                id="offline",
                classes="pick-only",
            )
            yield Static("", id="report", classes="shape")
            yield ProgressBar(total=1, show_eta=False, id="progress")
            yield Static("", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Check", id="check", variant="primary")
                yield Button("Import", id="confirm", variant="success")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        for selector in ("#password", "#report", "#progress", ".error", "#confirm"):
            self.query_one(selector).display = False
        self.query_one("#path", Input).focus()

    # ----------------------------------------------------------------- helpers

    def _error(self, message: str) -> None:
        error = self.query_one(".error", Static)
        error.update(Text(message))
        error.display = bool(message)

    def _report(self, lines: list[str]) -> None:
        report = self.query_one("#report", Static)
        report.update(Text("\n".join(lines)))
        report.display = True

    def _progress(self, done: int, total: int, label: str) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self._report([label])

    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        busy = stage in (CHECKING, IMPORTING)
        self.query_one("#check", Button).display = stage == PICK
        self.query_one("#confirm", Button).display = stage == REVIEW
        cancel = self.query_one("#cancel", Button)
        cancel.label = "Close" if stage == DONE else "Cancel (esc)"
        cancel.disabled = stage == IMPORTING
        for selector in ("#path", "#offline", "#password"):
            self.query_one(selector).disabled = stage != PICK
        for widget in self.query(".pick-only"):
            widget.display = stage == PICK
        if stage != PICK:
            self.query_one("#password").display = False
        if not busy:
            self.query_one("#progress").display = False
        if stage == REVIEW:
            self.query_one("#confirm", Button).focus()
        elif stage == DONE:
            cancel.focus()

    # ----------------------------------------------------------------- actions

    @on(Input.Submitted)
    @on(Button.Pressed, "#check")
    def action_check(self) -> None:
        if self.stage != PICK:
            return
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            self._error("Give the path of the file or folder you downloaded.")
            return
        self._error("")
        password = self.query_one("#password", Input).value
        self._set_stage(CHECKING)
        self._report(["Reading the export…"])
        self._check(
            Path(raw).expanduser(),
            password.encode() if password else None,
            self.query_one("#offline", Checkbox).value,
        )

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        if self.stage != REVIEW or self.plan is None:
            return
        self._set_stage(IMPORTING)
        self._apply()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.stage == IMPORTING:
            return
        self.workers.cancel_all()
        self.dismiss(self.imported)

    # ----------------------------------------------------------------- workers

    def _library(self):  # type: ignore[no-untyped-def]
        """The worker's own connection: SQLite connections stay on their thread."""
        from episodetui.core.store import Library

        library = self.app.library
        return Library.open(library.data_dir, clock=library.clock, check=False)

    @work(thread=True, exclusive=True, group="import-history")
    def _check(self, path: Path, password: bytes | None, offline: bool) -> None:
        from episodetui.core.errors import EpisodeTuiError
        from episodetui.core.history.bundle import PasswordNeeded

        try:
            plan = self._read_and_plan(path, password, offline)
        except PasswordNeeded as error:
            self.app.call_from_thread(self._ask_password, str(error))
            return
        except EpisodeTuiError as error:
            self.app.call_from_thread(self._back_to_pick, as_sentence(str(error)))
            return
        self.app.call_from_thread(self._review, plan)

    def _read_and_plan(self, path: Path, password: bytes | None, offline: bool):  # type: ignore[no-untyped-def]
        from episodetui.core.history.bundle import open_bundle
        from episodetui.core.history.detect import NAMES, detect, read_from_bundle

        bundle = open_bundle(path, password)
        source = detect(bundle)
        library = self._library()
        try:
            if source == "episodetui":
                from episodetui.core.exchange import import_library, parse_document

                names = [n for n in bundle.names() if n.lower().endswith(".json")] or bundle.names()
                document = parse_document(bundle.read_bytes(names[0]), names[0])
                report = import_library(library, document, dry_run=True)
                return (
                    "episodetui",
                    NAMES[source],
                    document,
                    [report.describe().replace("Imported:", "Would import:")],
                )
            from episodetui.core.history import importer
            from episodetui.core.history.matching import Matcher

            history = read_from_bundle(bundle, source)
            matcher = None if offline else Matcher(self.app.tvmaze())
            progress = self._thread_progress("Matching shows with TVmaze")
            prepared = importer.prepare(library, history, matcher, progress)
            report = importer.apply(library, prepared, dry_run=True)
            return ("history", NAMES[source], prepared, report.lines())
        finally:
            library.close()

    def _thread_progress(self, label: str):  # type: ignore[no-untyped-def]
        def report(done: int, total: int, title: str) -> None:
            self.app.call_from_thread(self._progress, done, total, f"{label}: {done} of {total}")

        return report

    @work(thread=True, exclusive=True, group="import-history")
    def _apply(self) -> None:
        from episodetui.core.errors import EpisodeTuiError

        kind, source_name, payload, _ = self.plan
        library = self._library()
        try:
            if kind == "episodetui":
                from episodetui.core.exchange import import_library

                lines = [import_library(library, payload).describe()]
            else:
                from episodetui.core.history import importer

                report = importer.apply(library, payload, progress=self._thread_progress("Importing shows"))
                lines = report.lines()
        except EpisodeTuiError as error:
            self.app.call_from_thread(self._finished, [f"From {source_name}:"], as_sentence(str(error)))
            return
        finally:
            library.close()
        self.app.call_from_thread(self._finished, [f"From {source_name}: done."] + lines, "")

    # ------------------------------------------------------- back on the UI thread

    def _ask_password(self, message: str) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        wrong = "wrong" in message
        self._back_to_pick(
            "That password is wrong: try again."
            if wrong
            else "The zip is protected by a password: type it below and press Enter."
        )
        password = self.query_one("#password", Input)
        password.display = True
        password.focus()

    def _back_to_pick(self, message: str) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        self._set_stage(PICK)
        self.query_one("#report").display = False
        self._error(message)

    def _review(self, plan) -> None:  # type: ignore[no-untyped-def]
        if not self.is_attached:  # closed while the worker ran
            return
        self.plan = plan
        _, source_name, _, lines = plan
        self._report([f"From {source_name}, nothing written yet:"] + lines + ["", "Import it?"])
        self._set_stage(REVIEW)

    def _finished(self, lines: list[str], error: str) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        self.imported = not error
        self._report(lines)
        self._error(error)
        self._set_stage(DONE)
        if not error:
            self.app.notify("History imported.")
