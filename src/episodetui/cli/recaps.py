"""Attaching recap articles to episodes, and removing them: recap. Input and output only:
the core plans the import (core.recaps.plan) and applies it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from episodetui.cli.common import CliError, find_episode, open_library

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "recap",
        "attach a recap article (text, Markdown or a saved web page) to an episode from a "
        "file or stdin (-); or, with --guess FILE, say which show and episode it is about; "
        "or, with --remove, remove an episode's recap (a copy is kept)",
        cmd_recap,
    )
    sub.add_argument("args", metavar="SHOW EPISODE FILE|-", nargs="+")
    sub.add_argument(
        "--remove", action="store_true", help="remove the recap of SHOW EPISODE (a copy is kept)"
    )
    sub.add_argument(
        "--guess", action="store_true", help="only print the show and episode its headline suggests"
    )
    sub.add_argument(
        "--raw", action="store_true", help="keep the text as given: no headline, key moments or clean-up"
    )
    sub.add_argument("--source", default="", metavar="NAME", help="where the recap came from")
    sub.add_argument("--title", default=None, help="the recap's headline (instead of the article's)")


def read_article(name: str) -> str:
    """The article from a file or standard input (-), through the core's one reader."""
    from episodetui.core.encoding import MAX_INPUT_BYTES, decode_text, read_text_file

    if name == "-":
        return decode_text(sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "standard input")
    return read_text_file(name)


def cmd_recap(args: argparse.Namespace) -> int:
    from episodetui.core.recaps.plan import apply_import, guess_for_library, plan_import

    if args.guess:
        if len(args.args) != 1:
            raise CliError("recap --guess takes one FILE (or - for stdin)")
        text = read_article(args.args[0])
        guess = guess_for_library(open_library(args), text)
        if guess.empty:
            raise CliError("the headline names no show or episode")
        # The headline itself may give the episode away: only a library show and a code.
        print(f"Suggested: {guess.describe()}")
        return 0
    if args.remove:
        return _remove_recap(args)
    if len(args.args) != 3:
        raise CliError("recap takes SHOW EPISODE FILE (or --guess FILE, or SHOW EPISODE --remove)")
    args.show, args.episode, source_file = args.args
    library = open_library(args)
    show, episode = find_episode(library, args)
    plan = plan_import(
        library, episode.id, read_article(source_file), raw=args.raw, source=args.source, title=args.title
    )
    print(apply_import(library, plan).message)
    guess = plan.guess
    if (
        guess.number is not None
        and guess.show_title in (None, show.title)
        and (guess.season or 1, guess.number) != (episode.season, episode.number)
    ):
        print(f"Note: its headline suggests {guess.describe()}; check it is the episode you meant.")
    return 0


def _remove_recap(args: argparse.Namespace) -> int:
    from episodetui.core.removal import remove_recap
    from episodetui.core.views import episode_view

    if len(args.args) != 2:
        raise CliError("recap --remove takes SHOW EPISODE")
    args.show, args.episode = args.args
    library = open_library(args)
    show, episode = find_episode(library, args)
    shape = episode_view(library, episode.id).recap_shape
    if shape is None:
        raise CliError(f"{show.title} {episode.code} has no recap")
    removed = remove_recap(library, episode.id)
    # Its size only: the recap may be of an unwatched episode.
    print(f"Removed the recap of {show.title} {episode.code} ({shape.describe()}).")
    print(f"A copy is in {removed.copy}; to put it back: {removed.restore}")
    return 0
