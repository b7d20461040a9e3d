"""`episodetui previously SHOW [--episodes N]`: key moments and notes before the next episode."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from episodetui.cli.common import bounded_int
from episodetui.core.dates import local_day

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "previously",
        "key moments and your notes of the last watched episodes, before the next",
        cmd_previously,
    )
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument(
        "--episodes",
        type=bounded_int(1, 1000),
        default=3,
        metavar="N",
        help="how many watched episodes (default 3)",
    )


def cmd_previously(args: argparse.Namespace) -> int:
    from episodetui.cli.common import open_library
    from episodetui.core.previously import previously_on
    from episodetui.core.text import format_timestamp

    library = open_library(args)
    show = library.find_show(args.show)
    previously = previously_on(library, show.id, count=args.episodes)
    before = f" (before {previously.before_code})" if previously.before_code else ""
    print(f"Previously on {previously.show_title}{before}:")
    if previously.empty:
        print(
            f"  nothing yet: the key moments and notes of the last {args.episodes} watched"
            " episodes appear here."
        )
        return 0
    for episode in previously.episodes:
        if not (episode.key_moments or episode.notes):
            continue
        title = f"  {episode.title}" if episode.title else ""
        watched = f"  (watched {local_day(episode.watched_at)})" if episode.watched_at else ""
        print(f"\n{episode.code}{title}{watched}")
        for moment in episode.key_moments:
            at = f"{format_timestamp(moment.at_seconds)}  " if moment.at_seconds is not None else ""
            print(f"  • {at}{moment.text}")
        for note in episode.notes:
            at = f"{format_timestamp(note.at_seconds)}  " if note.at_seconds is not None else ""
            print(f"  note: {at}{note.text}")
    return 0
