"""What every command shares: opening the library, naming shows and episodes, reading
input, printing JSON, and starting the TUI."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.core.errors import EpisodeTuiError

if TYPE_CHECKING:
    from collections.abc import Callable

    from episodetui.core.backups import StartupCheck
    from episodetui.core.config import Config
    from episodetui.core.store import Episode, Library, Show

EXIT_USAGE = 2


class CliError(EpisodeTuiError):
    pass


def bounded_int(low: int, high: int):  # type: ignore[no-untyped-def]
    """An argparse type: a whole number from `low` to `high`, said plainly otherwise."""

    def parse(text: str) -> int:
        stripped = text.strip()
        if not stripped.lstrip("-").isascii() or not stripped.lstrip("-").isdigit() or len(stripped) > 12:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        value = int(stripped)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range: use {low} to {high}")
        return value

    parse.__name__ = "number"
    return parse


def load_user_config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The user's config.toml (or --config FILE), checked: a bad line is one error."""
    from episodetui.core.config import load_config

    return load_config(getattr(args, "config", None))


def open_library(args: argparse.Namespace, *, check: bool = True) -> Library:
    """The library of --data-dir (or the default), checked and backed up once a day;
    with `check=False` the caller runs both later (see `backups.StartupCheck`)."""
    from episodetui.core.backups import automatic_backup
    from episodetui.core.paths import resolve_data_dir
    from episodetui.core.store import Library

    library = Library.open(resolve_data_dir(getattr(args, "data_dir", None)), check=check)
    OPENED.append(library)
    if check:
        automatic_backup(library.data_dir)
    return library


# Libraries this command opened; `main` closes them so no -wal/-shm file outlives it.
OPENED: list[Library] = []


def close_opened() -> None:
    while OPENED:
        OPENED.pop().close()


def find_target(library: Library, show_name: str, code: str | None) -> tuple[Show, Episode | None]:
    from episodetui.core.codes import parse_episode_code

    show = library.find_show(show_name)
    if code is None:
        return show, None
    season, number = parse_episode_code(code)
    return show, library.find_episode(show, season, number)


def find_episode(library: Library, args: argparse.Namespace) -> tuple[Show, Episode]:
    show, episode = find_target(library, args.show, args.episode)
    assert episode is not None
    return show, episode


def print_json(model: object) -> None:
    from pydantic import BaseModel, TypeAdapter

    if isinstance(model, BaseModel):
        print(model.model_dump_json(indent=2))
    else:
        print(TypeAdapter(type(model)).dump_json(model, indent=2).decode())


# -------------------------------------------------------------------- commands


def run_tui(
    library: Library,
    show_id: int | None = None,
    episode_id: int | None = None,
    config: Config | None = None,
    startup_check: StartupCheck | None = None,
) -> int:
    first_summaries = library.summaries_in_background()  # overlaps the import below
    # No garbage collection until the first frame is out (library_screen.tune_gc turns
    # it back on): a full collection met while importing Textual and drawing the first
    # frame walks every object just made, for nothing (~25 ms, measured in the first
    # frame's drawing), and start-up makes little garbage.
    gc.disable()
    from episodetui.tui import library_screen
    from episodetui.tui.app import EpisodeTuiApp

    if config is not None and config.keymap:
        from episodetui.core.config import check_keymap
        from episodetui.tui.keys import key_table

        check_keymap(config.keymap, {info.id for info in key_table()}, config.path)
    library_screen.TUNE_GC_AFTER_FIRST_FRAME = True
    app = EpisodeTuiApp(
        library,
        start_show_id=show_id,
        start_episode_id=episode_id,
        first_summaries=first_summaries,
        config=config,
        startup_check=startup_check,
    )
    try:
        app.run()
    finally:
        gc.enable()  # if the app ended before its first frame
        _wait_for(first_summaries)
    if app.crash_report is not None:
        # What failed and where the crash report is; plain text, never a traceback.
        print(app.crash_report.message(), file=sys.stderr)
    # Non-zero when the app ended on an error.
    return app.return_code or 0


def _wait_for(prefetch: Callable[[], object]) -> None:
    """Let the prefetch thread end before the library is closed or its folder removed: an
    app that ended before its first screen read them (or a test's stand-in run) left it
    reading, and removing the demo's folder under it failed ("Directory not empty")."""
    try:
        prefetch()
    except Exception:  # noqa: BLE001 - its result is no longer needed, nor its error
        pass


def run_demo(config: Config | None = None) -> int:
    import tempfile
    from dataclasses import replace

    from episodetui.core.demo import build_demo_library

    # A worker thread still reading when the app quits may keep a file in the folder a
    # moment longer: that is no reason to end the demo on an error.
    with tempfile.TemporaryDirectory(prefix="episodetui-demo-", ignore_cleanup_errors=True) as folder:
        library = build_demo_library(Path(folder))
        # The user's keys and theme, but a theme chosen in the demo stays in the demo.
        demo_config = replace(config, path=Path(folder) / "config.toml") if config else None
        try:
            return run_tui(library, config=demo_config)
        finally:
            library.close()
