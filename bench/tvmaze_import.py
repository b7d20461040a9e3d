"""How long adding a 1,000+ episode show from TVmaze takes on our side.

    python bench/tvmaze_import.py [--episodes 1200] [--repeat 7]

A synthetic recorded response (generated here, same shape as TVmaze's) is served by
httpx's mock transport, so the figure is our own time: parsing and validating the JSON,
cleaning the HTML synopses, and writing the show in one transaction. No network.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from episodetui.core.store import Library
from episodetui.core.sync import add_from_tvmaze
from episodetui.core.tvmaze import API, TvMazeClient


def recorded(episodes: int) -> dict[str, object]:
    show = {
        "id": 1,
        "name": "The Long Case Files",
        "premiered": "1996-01-08",
        "status": "Running",
        "language": "Japanese",
        "network": {"id": 1, "name": "Channel 9"},
        "webChannel": None,
        "summary": "<p>A detective who never ages solves a case a week.</p>",
    }
    items = []
    for index in range(episodes):
        season, number = divmod(index, 40)
        items.append(
            {
                "id": 100000 + index,
                "name": f"The Case of the Missing Thing No. {index + 1}",
                "season": season + 1,
                "number": number + 1,
                "type": "regular",
                "airdate": f"{1996 + season}-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}",
                "airstamp": f"{1996 + season}-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}T09:30:00+00:00",
                "runtime": 24,
                "summary": f"<p>Case {index + 1}: a <b>locked room</b> &amp; an alibi.</p>",
            }
        )
    for special in range(12):
        items.append(
            {
                "id": 900000 + special,
                "name": f"Movie {special + 1}",
                "season": special + 1,
                "number": None,
                "type": "significant_special",
                "airdate": f"{1997 + special}-04-15",
                "airstamp": None,
                "runtime": 110,
                "summary": None,
            }
        )
    return {"/shows/1": show, "/shows/1/episodes": items}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--episodes", type=int, default=1200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    routes = recorded(args.episodes)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=routes[request.url.path]))
    times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            library = Library.open(Path(folder))
            client = TvMazeClient(http=httpx.Client(base_url=API, transport=transport))
            started = time.perf_counter()
            show = add_from_tvmaze(library, client, 1)
            times.append(time.perf_counter() - started)
            count = len(library.episodes(show.id))
            library.close()
    print(
        f"add a show of {count:,} episodes from a recorded TVmaze response: "
        f"{statistics.median(times) * 1000:.0f} ms (median of {args.repeat})"
    )


if __name__ == "__main__":
    main()
