"""Fixtures for the search, previously-on, ratings, rewatch, stats and journal tests: a
library where the canary word sits in an unwatched episode's recap headline, body and key
moments, beside watched episodes with recaps, notes and ratings of their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import SECRET, fixed_clock
from episodetui.core.store import KeyMoment, Library

WATCHED_RECAP = """\
The lantern keeper rows out past the breakwater before the storm.

Back in town the ferry crew argue about the missing ledger."""

# Shares words with the watched recap, so a leak would also show in counts.
HIDDEN_RECAP = f"""\
The lantern keeper finds {SECRET} carved into the ferry's hull.

The ledger was never missing: {SECRET} had it all along."""


def canary_library(data_dir, clock=fixed_clock) -> Library:
    """Harbour Lights: E1, E2 watched (recaps, notes), E3 unwatched and next, with the
    canary in its recap's headline, body and key moment, E4 unwatched."""
    lib = Library.open(data_dir, clock=clock)
    show = lib.add_show("Harbour Lights", [4], year=2025)
    e1, e2, e3, e4 = lib.episodes(show.id)
    for episode, title in zip((e1, e2, e3, e4), ("Lantern", "Ledger", "Hull", "Dawn"), strict=True):
        lib.update_episode(episode.id, title=title, runtime=50, synopsis=f"The {title.lower()} episode.")
    start = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
    lib.add_play(e1.id, start.isoformat(timespec="seconds"))
    lib.add_play(e2.id, (start + timedelta(days=1)).isoformat(timespec="seconds"))
    lib.set_recap(
        e1.id,
        WATCHED_RECAP,
        title="The keeper rows out",
        key_moments=[KeyMoment("The lantern goes dark.", 2470)],
    )
    lib.set_recap(
        e2.id,
        "The crew finds the ledger in the lantern room.",
        title="Ledger found",
        key_moments=[KeyMoment("The ledger burns.", 600), KeyMoment("A ferry horn at night.")],
    )
    lib.set_recap(
        e3.id,
        HIDDEN_RECAP,
        title=f"{SECRET} rises",
        key_moments=[KeyMoment(f"{SECRET} at the lantern.", 900)],
    )
    lib.add_note(
        show.id, "the lantern room door was ||open the whole time||", episode_id=e2.id, at_seconds=1500
    )
    lib.add_note(show.id, "keeper looks like his father", episode_id=e1.id)
    return lib
