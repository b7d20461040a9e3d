"""Attaching recap articles to episodes: recap."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from episodetui.cli.common import CliError, find_episode, open_library, read_input

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "recap",
        "attach a recap article (text, Markdown or a saved web page) to an episode from a "
        "file or stdin (-); or, with --guess FILE, say which show and episode it is about",
        cmd_recap,
    )
    sub.add_argument("args", metavar="SHOW EPISODE FILE|-", nargs="+")
    sub.add_argument("--guess", action="store_true", help="only print the show and episode its headline suggests")
    sub.add_argument("--raw", action="store_true", help="keep the text as given: no headline, key moments or clean-up")
    sub.add_argument("--source", default="", metavar="NAME", help="where the recap came from")
    sub.add_argument("--title", default=None, help="the recap's headline (instead of the article's)")


def cmd_recap(args: argparse.Namespace) -> int:
    from episodetui.core.recap_import import guess_target, parse_recap, save_parsed_recap

    if args.guess:
        if len(args.args) != 1:
            raise CliError("recap --guess takes one FILE (or - for stdin)")
        parsed = parse_recap(read_input(args.args[0]))
        library = open_library(args)
        guess = guess_target(parsed.headline, [s.title for s in library.summaries()])
        if guess.show_title is None and guess.quoted_title is None and guess.number is None:
            raise CliError("the headline names no show or episode")
        # The headline itself may give the episode away: only the target is printed.
        print(f"Suggested: {guess.describe()}")
        return 0
    if len(args.args) != 3:
        raise CliError("recap takes SHOW EPISODE FILE (or --guess FILE)")
    args.show, args.episode, source_file = args.args
    library = open_library(args)
    show, episode = find_episode(library, args)
    parsed = parse_recap(read_input(source_file), raw=args.raw)
    save_parsed_recap(library, episode.id, parsed, source=args.source, title=args.title)
    view = library.recap_view(library.episode(episode.id))
    summary = f"{parsed.shape.describe()}; {parsed.describe_dropped()}"
    if view.visible:
        headline = f"“{view.recap.title}”, " if view.recap and view.recap.title else ""
        print(f"Recap attached to {show.title} {episode.code}: {headline}{summary}.")
    else:
        print(
            f"Recap attached to {show.title} {episode.code}, hidden until you watch it "
            f"(headline hidden, {summary})."
        )
    guess = guess_target(parsed.headline, [show.title])
    if guess.number is not None and (guess.season or 1, guess.number) != (episode.season, episode.number):
        print(f"Note: its headline suggests {guess.describe()}; check it is the episode you meant.")
    return 0
