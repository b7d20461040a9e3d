"""Adding shows from TVmaze and refreshing them without losing the user's data.

Episodes are matched by their TVmaze id first, so a renumbered or renamed episode keeps
its watch history, notes and recap. One that vanished upstream is kept and marked as no
longer listed, never deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from episodetui.core.codes import format_episode_code
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store import Library, Show
from episodetui.core.text import clean_text, title_key
from episodetui.core.tvmaze import EpisodeFacts, TvMazeClient, TvShow, episode_facts, html_to_text


@dataclass
class RefreshReport:
    added: int = 0
    updated: int = 0
    renumbered: int = 0
    delisted: int = 0
    relisted: int = 0
    moved_aside: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.added, "new"),
                (self.updated, "updated"),
                (self.renumbered, "renumbered"),
                (self.delisted, "no longer listed"),
                (self.relisted, "listed again"),
            )
            if count
        ]
        return ", ".join(parts) or "already up to date"


def tvmaze_id(show: Show) -> int | None:
    value = show.external_ids.get("tvmaze")
    return int(value) if value and str(value).isdigit() else None


def fetch_show(client: TvMazeClient, show_id: int, fresh: bool = False) -> tuple[TvShow, list[EpisodeFacts]]:
    """Everything needed to add or refresh a show; network only, so it can run on a
    worker thread while the library stays on the UI thread."""
    return client.show(show_id), episode_facts(client.episodes(show_id, fresh=fresh))


def add_from_tvmaze(library: Library, client: TvMazeClient, show_id: int) -> Show:
    """Fetch a show and all its episodes, and add them in one transaction."""
    return add_fetched_show(library, *fetch_show(client, show_id))


def add_fetched_show(library: Library, info: TvShow, facts: list[EpisodeFacts]) -> Show:
    for row in library.raw_show_rows():
        if json.loads(row["external_ids"]).get("tvmaze") == str(info.id):
            raise EpisodeTuiError(f"{row['title']!r} is already in the library")
    title = info.name
    if any(row["title_key"] == title_key(title) for row in library.raw_show_rows()):
        title = f"{info.name} ({info.year})" if info.year else f"{info.name} (TVmaze {info.id})"
    with library.transaction():
        show = library.add_show(
            title,
            year=info.year,
            network=info.network_name,
            status=info.status_text,
            synopsis=html_to_text(info.summary),
        )
        library.link_show(show.id, {"tvmaze": str(info.id)})
        library.insert_episode_facts(show.id, facts)
    return library.show(show.id)


def refresh_from_tvmaze(library: Library, client: TvMazeClient, show: Show) -> RefreshReport:
    remote_id = require_tvmaze_id(show)
    return merge_episodes(library, show, *fetch_show(client, remote_id, fresh=True))


def require_tvmaze_id(show: Show) -> int:
    remote_id = tvmaze_id(show)
    if remote_id is None:
        raise EpisodeTuiError(f"{show.title} was added by hand: there is nothing to refresh it from")
    return remote_id


def merge_episodes(
    library: Library, show: Show, info: TvShow | None, facts: list[EpisodeFacts]
) -> RefreshReport:
    """Bring a show's episodes in line with upstream, keeping every episode's user data."""
    report = RefreshReport()
    local = library.raw_episode_rows(show.id)
    by_external = {row["external_id"]: row for row in local if row["external_id"]}
    by_slot = {(row["season"], row["number"]): row for row in local if not row["external_id"]}
    matched: dict[int, EpisodeFacts] = {}  # local id -> upstream facts
    new: list[EpisodeFacts] = []
    for fact in facts:
        row = by_external.get(fact.external_id) or by_slot.pop((fact.season, fact.number), None)
        if row is None:
            new.append(fact)
        else:
            matched[row["id"]] = fact
    # What upstream no longer lists keeps its place if it is free, else goes to the end
    # of its season; either way it keeps its history, notes and recap.
    taken = {(f.season, f.number) for f in matched.values()} | {(f.season, f.number) for f in new}
    kept: list[tuple[int, int, bool]] = []
    for row in local:
        if row["id"] in matched:
            fact = matched[row["id"]]
            report.renumbered += (row["season"], row["number"]) != (fact.season, fact.number)
            report.updated += (
                row["title"],
                row["air_date"],
                row["runtime"],
                row["synopsis"],
                row["airstamp"],
            ) != (fact.title, fact.air_date, fact.runtime, clean_text(fact.synopsis), fact.airstamp)
            report.relisted += bool(row["delisted"])
            continue
        if not row["delisted"] and row["external_id"]:
            report.delisted += 1
        season, number = row["season"], row["number"]
        if (season, number) in taken:
            number = max(n for s, n in taken if s == season) + 1
            report.moved_aside.append(format_episode_code(season, row["number"]))
        taken.add((season, number))
        kept.append((row["id"], number, bool(row["external_id"])))
    report.added = len(new)
    with library.transaction():
        if info is not None:
            library.update_show_details(
                show.id,
                status=info.status_text,
                network=info.network_name,
                synopsis=html_to_text(info.summary),
            )
        library.rewrite_episodes(show.id, list(matched.items()), kept)
        library.insert_episode_facts(show.id, new)
    return report
