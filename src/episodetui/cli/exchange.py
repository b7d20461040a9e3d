"""The library as a file and back: export, import, backup, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.cli.common import CliError, open_library

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "export", "write the whole library as JSON (to FILE, or to a pipe), or a Markdown journal", cmd_export
    )
    sub.add_argument("file", metavar="FILE", nargs="?")
    from episodetui.cli.journal import add_arguments

    add_arguments(sub)

    sub = command(
        "backup", "copy the library to FILE (default: a new file in the backups folder)", cmd_backup
    )
    sub.add_argument("file", metavar="FILE", nargs="?")

    sub = command(
        "restore", "put a backup in place of the library (the current one is backed up first)", cmd_restore
    )
    sub.add_argument("file", metavar="FILE")


def cmd_export(args: argparse.Namespace) -> int:
    from episodetui.core.exchange import export_chunks
    from episodetui.core.files import check_target, write_atomic

    if getattr(args, "format", "json") == "markdown":
        from episodetui.cli.journal import cmd_journal

        return cmd_journal(args)
    if getattr(args, "show", None):
        raise CliError("--show goes with --format markdown; the JSON export is the whole library")
    to_file = bool(args.file and args.file != "-")
    if to_file:
        check_target(Path(args.file))  # before the work: /dev/tty is refused at once
    elif sys.stdout.isatty():
        # The export is lossless, hidden recaps included: never splash it on a screen.
        raise CliError("the export holds hidden recaps; give a FILE or pipe it somewhere")
    library = open_library(args)
    if to_file:
        write_atomic(Path(args.file), export_chunks(library))
        print(f"Exported {library.show_count()} shows to {args.file}.")
        return 0
    for chunk in export_chunks(library):
        sys.stdout.write(chunk)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from episodetui.core.backups import make_backup

    library = open_library(args)
    target = make_backup(library.data_dir, Path(args.file) if args.file else None)
    print(f"Backed up the library to {target}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from episodetui.core.backups import restore_backup

    library = open_library(args)
    saved = restore_backup(library, Path(args.file))
    print(f"Restored {args.file}: {library.show_count()} shows. The library as it was is in {saved}.")
    return 0
