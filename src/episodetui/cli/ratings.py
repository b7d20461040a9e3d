"""`episodetui rate SHOW [EPISODE] N [--clear]`: rate a show or an episode 1-10."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command("rate", "rate a show or an episode from 1 to 10 (--clear removes it)", cmd_rate)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("args", metavar="[EPISODE] N", nargs="*", help="the episode (optional) and the rating")
    sub.add_argument("--clear", action="store_true", help="remove the rating instead")


def parse_rating(text: str) -> int:
    from episodetui.cli.common import CliError

    stripped = text.strip()
    if not (stripped.isascii() and stripped.isdigit() and len(stripped) <= 2 and 1 <= int(stripped) <= 10):
        raise CliError(f"a rating is a whole number from 1 to 10, not {text!r}")
    return int(stripped)


def cmd_rate(args: argparse.Namespace) -> int:
    from episodetui.cli.common import CliError, find_target, open_library

    wanted = 0 if args.clear else 1
    if not wanted <= len(args.args) <= wanted + 1:
        raise CliError("rate SHOW [EPISODE] N, or rate SHOW [EPISODE] --clear")
    code = args.args[0] if len(args.args) > wanted else None
    rating = None if args.clear else parse_rating(args.args[-1])
    library = open_library(args)
    show, episode = find_target(library, args.show, code)
    target = f"{show.title} {episode.code}" if episode else show.title
    episode_id = episode.id if episode else None
    if rating is None:
        had = library.clear_rating(show.id, episode_id)
        print(f"Cleared the rating of {target}." if had else f"{target} had no rating.")
        return 0
    library.set_rating(show.id, episode_id, rating)
    print(f"Rated {target}: {rating}/10.")
    return 0
