"""Linking a show made by hand (an offline or unmatched import) to TVmaze later: its
episodes are merged by season and number, so plays, notes and recaps stay where they are."""

from __future__ import annotations

import json

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.history.matching import Matcher, search_title
from episodetui.core.history.model import HistoryShow
from episodetui.core.store import Library, Show
from episodetui.core.sync import RefreshReport, merge_episodes, tvmaze_id
from episodetui.core.tvmaze import EpisodeFacts, TvMazeClient, TvShow


def is_linked(show: Show) -> bool:
    return tvmaze_id(show) is not None


def find_for(show: Show, client: TvMazeClient, matcher: Matcher | None = None) -> tuple[TvShow, str] | None:
    """The TVmaze show a library show surely is (by its ids, else a clear title match)."""
    matcher = matcher or Matcher(client)
    ids = {k: str(v) for k, v in show.external_ids.items() if k != "tvmaze"}
    return matcher.find(HistoryShow(title=show.title, year=show.year, ids=ids))


def candidates(show: Show, client: TvMazeClient) -> list[TvShow]:
    return [hit.show for hit in client.search(search_title(show.title))[:10]]


def link_show(library: Library, show: Show, info: TvShow, facts: list[EpisodeFacts]) -> RefreshReport:
    """Link `show` to TVmaze show `info` and merge its episodes, in one transaction."""
    for row in library.raw_show_rows():
        if row["id"] != show.id and json.loads(row["external_ids"]).get("tvmaze") == str(info.id):
            raise EpisodeTuiError(f"{row['title']!r} is already linked to that TVmaze show ({info.name})")
    with library.transaction():
        library.link_show(show.id, dict(show.external_ids) | {"tvmaze": str(info.id)}, year=info.year)
        return merge_episodes(library, library.show(show.id), info, facts)
