"""`episodetui search QUERY [--show SHOW] [--json]`: spoiler-safe search of everything."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from episodetui.cli.common import bounded_int

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    sub = command(
        "search",
        "spoiler-safe search of titles, synopses, notes, recaps and key moments",
        cmd_search,
        json=True,
    )
    sub.add_argument("query", metavar="QUERY", nargs="+", help="words (each a prefix; all must match)")
    sub.add_argument("--show", metavar="SHOW", default=None, help="only this show")
    sub.add_argument(
        "--limit", type=bounded_int(1, 10_000), default=100, metavar="N", help="at most N hits (default 100)"
    )


def cmd_search(args: argparse.Namespace) -> int:
    from episodetui.cli.common import CliError, open_library, print_json
    from episodetui.core.models import SearchHitOut, SearchOut
    from episodetui.core.search import Searcher

    library = open_library(args)
    show_id = library.find_show(args.show).id if args.show else None
    text = " ".join(args.query)
    results = Searcher(library).search(text, show_id=show_id, limit=args.limit)
    if args.json:
        print_json(
            SearchOut(
                total=results.total,
                hits=[
                    SearchHitOut(
                        show=hit.show_title,
                        code=hit.code,
                        title=hit.episode_title,
                        where=hit.where,
                        snippet=hit.snippet.text,
                        highlights=[list(span) for span in hit.snippet.spans],
                    )
                    for hit in results.hits
                ],
            )
        )
        return 0
    if results.query.empty:
        raise CliError("nothing to search for: give a word")
    bold = sys.stdout.isatty()
    for hit in results.hits:
        where = f"{hit.code}  {hit.where}" if hit.code else f"show {hit.where}"
        print(f"{hit.show_title}  {where}  {_marked(hit.snippet, bold)}")
    shown = len(results.hits)
    if results.total == 0:
        print("No matches.")
    elif results.total > shown:
        print(f"{results.total} matches; showing the best {shown} (--limit N for more).")
    return 0


def _marked(snippet, bold: bool) -> str:
    """The snippet, its matches in bold on a terminal (the text itself is clean data)."""
    if not bold:
        return snippet.text
    out, last = [], 0
    for start, end in snippet.spans:
        out += [snippet.text[last:start], "\x1b[1m", snippet.text[start:end], "\x1b[0m"]
        last = end
    out.append(snippet.text[last:])
    return "".join(out)
