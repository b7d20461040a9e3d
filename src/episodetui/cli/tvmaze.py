"""Commands that talk to TVmaze, and adding shows: add, refresh, upcoming."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from episodetui.cli.common import EXIT_USAGE, CliError, bounded_int, open_library, print_json
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import plural

if TYPE_CHECKING:
    from episodetui.cli import Command

# Beyond these a typo is likelier than a show; they also keep `add` from running for minutes.
MAX_EPISODES_PER_SEASON = 2000
MAX_SEASONS = 100
MAX_EPISODES = 10_000


def register(command: Command) -> None:
    sub = command(
        "add", "add a show from TVmaze (--search, --tvmaze-id), or by hand (or a season to it)", cmd_add
    )
    sub.add_argument("title", metavar="TITLE", nargs="?")
    sub.add_argument(
        "--search",
        metavar="QUERY",
        default=None,
        help="find the show on TVmaze and add it with every episode",
    )
    sub.add_argument(
        "--tvmaze-id",
        type=bounded_int(1, 10**9),
        metavar="N",
        default=None,
        help="add exactly this TVmaze show",
    )
    sub.add_argument(
        "--episodes",
        type=bounded_int(1, MAX_EPISODES_PER_SEASON),
        metavar="N",
        default=None,
        help="by hand: episodes in the season",
    )
    sub.add_argument(
        "--season",
        type=bounded_int(0, 999),
        default=None,
        metavar="S",
        help="season number (default 1; 0 is specials)",
    )
    sub.add_argument(
        "--seasons",
        type=bounded_int(1, MAX_SEASONS),
        default=1,
        metavar="K",
        help="add K seasons of N episodes each",
    )
    sub.add_argument("--year", type=bounded_int(1800, 2200), default=None)
    sub.add_argument("--network", default=None)

    sub = command(
        "refresh", "fetch a TVmaze show's episodes again (all such shows without SHOW)", cmd_refresh
    )
    sub.add_argument("show", metavar="SHOW", nargs="?")

    sub = command("upcoming", "episodes airing in the coming days, in your timezone", cmd_upcoming, json=True)
    sub.add_argument(
        "--days", type=bounded_int(0, 3660), default=21, metavar="N", help="how far ahead (default 21)"
    )


def _tvmaze():
    """The TVmaze client; tests put a fake one here."""
    from episodetui.core.tvmaze import TvMazeClient

    return TvMazeClient.default()


def _describe_tv_show(show) -> str:
    details = [
        str(show.year) if show.year else "",
        show.network_name or "",
        show.status or "",
        show.language or "",
    ]
    return f"{show.name} ({', '.join(d for d in details if d)})"


def _add_from_tvmaze(args: argparse.Namespace) -> int:
    from episodetui.core.tvmaze import NetworkError

    try:
        return _add_from_tvmaze_online(args)
    except NetworkError as error:
        raise CliError(f"{error}; you can add the show by hand: episodetui add TITLE --episodes N") from None


def _add_from_tvmaze_online(args: argparse.Namespace) -> int:
    from episodetui.core.sync import add_from_tvmaze
    from episodetui.core.tvmaze import CREDIT, best_hit

    client = _tvmaze()
    tvmaze_id = args.tvmaze_id
    if tvmaze_id is None:
        hits = client.search(args.search)
        if not hits:
            raise CliError(f"TVmaze knows no show called {args.search!r}; add it by hand with --episodes")
        hit = best_hit(args.search, hits)
        if hit is None:
            choices = "\n".join(
                f"  --tvmaze-id {h.show.id:<8} {_describe_tv_show(h.show)}" for h in hits[:10]
            )
            raise CliError(f"{len(hits)} shows match {args.search!r}; choose one:\n{choices}")
        tvmaze_id = hit.show.id
    library = open_library(args)
    show = add_from_tvmaze(library, client, tvmaze_id)
    episodes = library.episodes(show.id)
    specials = sum(1 for e in episodes if e.season == 0)
    extra = f" and {plural(specials, 'special')}" if specials else ""
    print(f"Added {show.title} with {len(episodes) - specials} episodes{extra}. {CREDIT}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from episodetui.core.sync import refresh_from_tvmaze, tvmaze_id

    library = open_library(args)
    if args.show:
        shows = [library.find_show(args.show)]
    else:
        shows = [library.show(s.id) for s in library.summaries()]
        shows = [show for show in shows if tvmaze_id(show) is not None]
        if not shows:
            print("No show in the library comes from TVmaze; nothing to refresh.")
            return 0
    client = _tvmaze()
    failures = 0
    for show in shows:
        try:
            report = refresh_from_tvmaze(library, client, show)
        except EpisodeTuiError as error:
            if len(shows) == 1:
                raise
            failures += 1
            print(f"episodetui: {show.title}: {error}", file=sys.stderr)
            continue
        print(f"{show.title}: {report.describe()}.")
    return EXIT_USAGE if failures else 0


def cmd_upcoming(args: argparse.Namespace) -> int:
    from episodetui.core.text import in_days_text
    from episodetui.core.views import upcoming_views

    library = open_library(args)
    rows = []
    for item in upcoming_views(library, args.days):
        episode = item.episode
        rows.append(
            {
                "show": item.show_title,
                "code": episode.code,
                "season": episode.season,
                "number": episode.number,
                "title": episode.title,
                "air_date": episode.air_date,
                "airs_at": item.airs_at.isoformat(timespec="minutes") if item.airs_at else None,
                "in_days": item.in_days if episode.air_date else None,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"Nothing airs in the next {args.days} days.")
        return 0
    for row in rows:
        when = row["airs_at"].replace("T", " ")[:16] if row["airs_at"] else row["air_date"]
        soon = in_days_text(row["in_days"] or 0)
        print(f"{when:<16}  {soon:<11}  {row['show']}  {row['code']}  {row['title']}".rstrip())
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from episodetui.core.text import title_key

    if args.search is not None or args.tvmaze_id is not None:
        if args.episodes is not None or args.title:
            raise CliError("give either TITLE --episodes N (by hand), or --search / --tvmaze-id")
        return _add_from_tvmaze(args)
    if not args.title or args.episodes is None:
        raise CliError("add needs TITLE --episodes N, or --search QUERY, or --tvmaze-id N")
    library = open_library(args)
    if args.episodes < 1 or args.seasons < 1:
        raise CliError("--episodes and --seasons must be at least 1")
    if args.episodes * args.seasons > MAX_EPISODES:
        raise CliError(f"that is {args.episodes * args.seasons} episodes; add at most {MAX_EPISODES} at once")
    first = 1 if args.season is None else args.season
    counts = [args.episodes] * args.seasons
    existing = [row for row in library.raw_show_rows() if row["title_key"] == title_key(args.title)]
    if existing:
        if args.season is None:
            raise CliError(
                f"{existing[0]['title']!r} is already in the library; give --season S to add a season to it"
            )
        show = library.show(existing[0]["id"])
        with library.transaction():
            added = sum(library.add_season(show.id, first + i, n) for i, n in enumerate(counts))
        print(f"Added {added} episodes to {show.title}.")
        return 0
    show = library.add_show(args.title, counts, first_season=first, year=args.year, network=args.network)
    total = sum(counts)
    print(f"Added {show.title} with {plural(total, 'episode')}.")
    return 0
