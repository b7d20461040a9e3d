"""What comes from upstream (TVmaze): a show's ids and details, and its episodes' facts.

The one place that writes episode facts, so a new episode column touches this module and
its migration; `core/sync.py` decides what changes, this room writes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Protocol

from episodetui.core.store.shows import ShowsRoom


class EpisodeFields(Protocol):
    """An episode as upstream describes it (`tvmaze.EpisodeFacts` is one)."""

    @property
    def external_id(self) -> str: ...
    @property
    def season(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def air_date(self) -> str | None: ...
    @property
    def airstamp(self) -> str | None: ...
    @property
    def runtime(self) -> int | None: ...
    @property
    def synopsis(self) -> str: ...


_FACT_COLUMNS = "season, number, title, air_date, airstamp, runtime, synopsis, external_id"


def _facts(fact: EpisodeFields) -> tuple[object, ...]:
    return (
        fact.season,
        fact.number,
        fact.title,
        fact.air_date,
        fact.airstamp,
        fact.runtime,
        fact.synopsis,
        fact.external_id,
    )


class UpstreamRoom(ShowsRoom):
    def link_show(self, show_id: int, ids: dict[str, str], *, year: int | None = None) -> None:
        """Set a show's external ids (sorted, as JSON) and its year if it had none."""
        self._db.execute(
            "UPDATE shows SET external_ids = ?, year = COALESCE(year, ?) WHERE id = ?",
            (json.dumps(ids, sort_keys=True), year, show_id),
        )

    def update_show_details(
        self, show_id: int, *, status: str | None, network: str | None, synopsis: str
    ) -> None:
        self._db.execute(
            "UPDATE shows SET status = ?, network = ?, synopsis = ? WHERE id = ?",
            (status, network, synopsis, show_id),
        )

    def insert_episode_facts(self, show_id: int, facts: Iterable[EpisodeFields]) -> None:
        self._db.executemany(
            f"INSERT INTO episodes(show_id, {_FACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(show_id, *_facts(fact)) for fact in facts],
        )

    def rewrite_episodes(
        self,
        show_id: int,
        matched: Sequence[tuple[int, EpisodeFields]],
        kept: Sequence[tuple[int, int, bool]],
    ) -> None:
        """Give matched episodes (id, facts) their upstream facts and place the episodes
        upstream no longer has (id, number, delisted), inside the caller's transaction."""
        # Renumbering can swap slots, so every episode first steps aside (number -id),
        # then takes its final place.
        self._db.execute("UPDATE episodes SET number = -id WHERE show_id = ?", (show_id,))
        self._db.executemany(
            "UPDATE episodes SET season = ?, number = ?, title = ?, air_date = ?, airstamp = ?,"
            " runtime = ?, synopsis = ?, external_id = ?, delisted = 0 WHERE id = ?",
            [(*_facts(fact), episode_id) for episode_id, fact in matched],
        )
        self._db.executemany(
            "UPDATE episodes SET number = ?, delisted = ? WHERE id = ?",
            [(number, int(delisted), episode_id) for episode_id, number, delisted in kept],
        )
