"""`episodetui rewatch SHOW [--stop]`: start (or stop) a rewatch pass of a show."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "rewatch",
        "start a rewatch of a show: 'watch' then adds plays to it, first watches stay (--stop ends it)",
        cmd_rewatch,
    )
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("--stop", action="store_true", help="end the rewatch in progress")


def cmd_rewatch(args: argparse.Namespace) -> int:
    from episodetui.cli.common import CliError, open_library

    library = open_library(args)
    show = library.find_show(args.show)
    if args.stop:
        progress = library.pass_progress(show.id)
        if library.stop_rewatch(show.id) is None:
            raise CliError(f"{show.title} is not being rewatched")
        assert progress is not None
        print(f"Stopped rewatch {progress.number} of {show.title} at {progress.watched}/{progress.total}.")
        return 0
    active = library.pass_progress(show.id)
    if active is not None:
        raise CliError(f"{show.title} is already being rewatched ({active.describe()}); --stop ends it")
    library.start_rewatch(show.id)
    progress = library.pass_progress(show.id)
    assert progress is not None
    print(
        f"Started rewatch {progress.number} of {show.title}: {progress.watched}/{progress.total}, "
        + (
            f"next {progress.next_code} {progress.next_title}".rstrip()
            if progress.next_code
            else "nothing to watch"
        )
        + "."
    )
    return 0
