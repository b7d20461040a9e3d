"""`episodetui export --format markdown [FILE] [--show SHOW]`: the watching journal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(export: argparse.ArgumentParser) -> None:
    """The journal's options on the export command."""
    export.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json: the whole library, lossless (default); markdown: a readable journal of what you watched",
    )
    export.add_argument("--show", metavar="SHOW", default=None, help="markdown: only this show")


def cmd_journal(args: argparse.Namespace) -> int:
    from episodetui.cli.common import open_library
    from episodetui.core.files import check_target, write_atomic
    from episodetui.core.journal import journal_chunks

    to_file = bool(args.file and args.file != "-")
    if to_file:
        check_target(Path(args.file))
    library = open_library(args)
    show_id = library.find_show(args.show).id if args.show else None
    if to_file:
        write_atomic(Path(args.file), journal_chunks(library, show_id))
        print(f"Wrote the journal to {args.file}.")
        return 0
    # No hidden recap is in the journal, so unlike the JSON export it may go to a terminal.
    for chunk in journal_chunks(library, show_id):
        sys.stdout.write(chunk)
    return 0
