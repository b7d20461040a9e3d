"""`episodetui stats [--year Y] [--json]`: what you watched, when, how much."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from episodetui.cli.common import bounded_int

if TYPE_CHECKING:
    from episodetui.cli import Command
    from episodetui.core.stats import Stats


def register(command: Command) -> None:
    sub = command(
        "stats",
        "what you watched, when and how much (from every play, imported ones too)",
        cmd_stats,
        json=True,
    )
    sub.add_argument(
        "--year", type=bounded_int(1900, 2200), default=None, metavar="Y", help="one calendar year"
    )


def stats_model(stats: Stats):  # type: ignore[no-untyped-def]
    from episodetui.core.models import StatsOut, StreakOut

    return StatsOut(
        period=stats.period,
        episodes=stats.plays,
        hours=stats.hours,
        plays_without_runtime=stats.plays_without_runtime,
        plays_without_date=stats.plays_without_date,
        rewatches=stats.rewatches,
        finished_rewatches=stats.finished_rewatches,
        notes_written=stats.notes,
        days_watched=stats.days_watched,
        current_streak=StreakOut(
            days=stats.current_streak.days, start=stats.current_streak.start, end=stats.current_streak.end
        ),
        longest_streak=StreakOut(
            days=stats.longest_streak.days, start=stats.longest_streak.start, end=stats.longest_streak.end
        ),
        per_month={m.month: m.plays for m in stats.months},
        most_watched=[
            {"show": s.title, "episodes": s.plays, "hours": round(s.minutes / 60, 1)} for s in stats.top_shows
        ],
    )


def cmd_stats(args: argparse.Namespace) -> int:
    from episodetui.cli.common import open_library, print_json
    from episodetui.core.stats import compute_stats, stats_lines

    library = open_library(args)
    stats = compute_stats(library, args.year)
    if args.json:
        print_json(stats_model(stats))
        return 0
    print("\n".join(stats_lines(stats)))
    return 0
