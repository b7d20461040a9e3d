"""The command line: thin over the core, one module per group of commands.

Each group module has `register(command)`, which declares its subcommands and their
handlers. Errors are one line on stderr and exit status 2; an unexpected error is one line
too, naming the crash report written to the data folder, and never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from episodetui import __version__
from episodetui.cli.common import EXIT_USAGE, CliError
from episodetui.core.errors import EpisodeTuiError

__all__ = ["CliError", "EXIT_USAGE", "build_parser", "main"]

EXIT_CRASH = 1
Handler = Callable[[argparse.Namespace], int]


class Command(Protocol):
    def __call__(
        self, name: str, help_text: str, handler: Handler, *, json: bool = False
    ) -> argparse.ArgumentParser: ...


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the library's folder (default: $EPISODETUI_DATA_DIR, else the user data dir)",
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="the settings file (default: $EPISODETUI_CONFIG, else config.toml in the user config dir)",
    )
    return common


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line and exit status 2 like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        command = self.prog.partition(" ")[2]
        raise CliError(f"{command}: {message}" if command else message)


def _top_level_parser(common: argparse.ArgumentParser, *, add_help: bool = True) -> _Parser:
    parser = _Parser(
        prog="episodetui",
        description="A terminal episode tracker whose recaps cannot spoil you. "
        "With no command, opens the TUI.",
        parents=[common],
        add_help=add_help,
    )
    parser.add_argument("--version", action="version", version=f"episodetui {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the TUI on a demo library in a temporary folder (your library is untouched)",
    )
    return parser


def _tui_parser() -> _Parser:
    parser = _top_level_parser(_common(), add_help=False)  # -h is the full parser's
    parser.set_defaults(command=None)
    return parser


def _tui_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """The arguments when they name no command (the TUI opens), read without building
    every command's parser and importing every command module (~15 ms of the first
    frame); None for anything else (a command, help, an error): `build_parser` reads it."""
    try:
        args, rest = _tui_parser().parse_known_args(arguments)
    except CliError:
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    from episodetui.cli import (
        exchange,
        history,
        keys,
        library,
        previously,
        ratings,
        recaps,
        rewatch,
        search,
        stats,
        tvmaze,
    )

    common = _common()
    parser = _top_level_parser(common)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str, help_text: str, handler: Handler, *, json: bool = False
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        if json:
            sub.add_argument("--json", action="store_true", help="print JSON for scripts")
        return sub

    for group in (
        library,
        tvmaze,
        recaps,
        exchange,
        history,
        search,
        previously,
        ratings,
        rewatch,
        stats,
        keys,
    ):
        group.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        _refuse_undecodable(arguments)
        args = _tui_arguments(arguments) or build_parser().parse_args(arguments)
        if args.demo:
            from episodetui.cli.common import load_user_config, run_demo

            return run_demo(load_user_config(args))
        if args.command is None:
            from episodetui.cli.common import load_user_config, open_library, run_tui

            config = load_user_config(args)  # a bad line stops us before anything opens
            # The integrity check and the daily backup run on a thread once the first
            # frame is out: the first frame does not wait for a read of the whole file.
            from episodetui.core.backups import StartupCheck

            library = open_library(args, check=False)
            return run_tui(library, config=config, startup_check=StartupCheck(library))
        return args.handler(args) or 0
    except EpisodeTuiError as error:
        _say(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line and a report, never a traceback with text
        from episodetui.core.crash import write_crash_report

        report = write_crash_report(error, _data_dir_named(arguments))
        where = f"; a crash report is in {report}" if report else ""
        _say(f"unexpected error ({type(error).__name__}){where}")
        return EXIT_CRASH
    finally:
        from episodetui.cli.common import close_opened

        close_opened()


def _refuse_undecodable(arguments: list[str]) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates; say so instead of failing later."""
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise CliError("an argument is not valid UTF-8 text") from None


def _data_dir_named(arguments: list[str]):  # type: ignore[no-untyped-def]
    from episodetui.core.paths import resolve_data_dir

    explicit = None
    for index, argument in enumerate(arguments):
        if argument == "--data-dir" and index + 1 < len(arguments):
            explicit = arguments[index + 1]
        elif argument.startswith("--data-dir="):
            explicit = argument.partition("=")[2]
    return resolve_data_dir(explicit)


def _say(message: str) -> None:
    safe = message.encode("utf-8", "backslashreplace").decode("utf-8")
    try:
        print(f"episodetui: {safe}", file=sys.stderr)
    except (OSError, ValueError):
        pass
