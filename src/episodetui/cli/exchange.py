"""The library as a file and back: export, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.cli.common import CliError, open_library, read_input

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command("export", "write the whole library as JSON (to FILE, or to a pipe)", cmd_export)
    sub.add_argument("file", metavar="FILE", nargs="?")

    sub = command("import", "add the shows of an export to the library", cmd_import)
    sub.add_argument("file", metavar="FILE")


def cmd_export(args: argparse.Namespace) -> int:
    from episodetui.core.exchange import dump_document, export_library, write_private

    library = open_library(args)
    text = dump_document(export_library(library))
    if args.file and args.file != "-":
        write_private(Path(args.file), text)
        print(f"Exported {library.show_count()} shows to {args.file}.")
        return 0
    if sys.stdout.isatty():
        # The export is lossless, hidden recaps included: never splash it on a screen.
        raise CliError("the export holds hidden recaps; give a FILE or pipe it somewhere")
    sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from episodetui.core.exchange import import_library, parse_document

    text = read_input(args.file)
    document = parse_document(text, args.file)
    library = open_library(args)
    count = import_library(library, document)
    print(f"Imported {count} show{'s' if count != 1 else ''}.")
    return 0
