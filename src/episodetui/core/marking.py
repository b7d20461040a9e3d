"""Marking episodes watched or not, as undoable changes to the history of plays.

Each function is one transaction that decides from the database (never from what a
screen last drew) and returns a `Change`: the plays it added and the plays it removed,
which is exactly what `undo` needs to put the history back as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import plural

if TYPE_CHECKING:
    from episodetui.core.store import Episode, Library, Play


@dataclass(frozen=True, slots=True)
class Change:
    """What one action did to the plays, and a sentence that says so (codes only: no
    episode title, which strict mode may hide)."""

    show_id: int
    description: str
    episode_ids: tuple[int, ...] = ()
    added_play_ids: tuple[int, ...] = ()
    removed_plays: tuple[Play, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.added_play_ids or self.removed_plays)


def mark_watched(library: Library, episode_id: int) -> Change:
    """Give the episode its first play; nothing if it is watched already."""
    with library.transaction():
        episode = library.episode(episode_id)
        if not episode.aired(library.today()):
            raise EpisodeTuiError(f"{episode.code} has not aired yet")
        if episode.watched:
            return Change(episode.show_id, f"{episode.code} was already watched.", (episode_id,))
        play_id = library.add_play(episode_id, library.now())
    return Change(episode.show_id, f"{episode.code} marked watched.", (episode_id,), (play_id,))


def count_rewatch(library: Library, episode_id: int) -> Change:
    """One more play of a watched episode."""
    with library.transaction():
        episode = library.episode(episode_id)
        play_id = library.add_play(episode_id, library.now())
        plays = episode.plays + 1
    return Change(
        episode.show_id, f"{episode.code}: rewatch counted (play {plays}).", (episode_id,), (play_id,)
    )


def unmark(library: Library, episode_id: int) -> Change:
    """Remove every play of the episode; nothing if it is unwatched already."""
    with library.transaction():
        episode = library.episode(episode_id)
        plays = library.plays(episode_id)
        if not plays:
            return Change(episode.show_id, f"{episode.code} was already unwatched.", (episode_id,))
        library.remove_plays(p.id for p in plays)
    return Change(
        episode.show_id, f"{episode.code} marked unwatched.", (episode_id,), removed_plays=tuple(plays)
    )


def mark_through(library: Library, episode_id: int) -> Change:
    """Every aired, unwatched episode up to this one (specials: only itself) gets a play."""
    with library.transaction():
        target = library.episode(episode_id)
        if not target.aired(library.today()):
            raise EpisodeTuiError(f"{target.code} has not aired yet ({target.air_date})")
        # One INSERT ... SELECT for all of them: ~970 plays in 2-3 ms, not one statement each.
        added = library.mark_aired_unwatched_through(episode_id)
    what = plural(len(added), "episode")
    return Change(
        target.show_id,
        f"Marked {what} watched, through {target.code}.",
        tuple(e for e, _ in added),
        tuple(p for _, p in added),
    )


def toggle_in_pass(library: Library, episode_id: int) -> Change:
    """`w` during a rewatch: add this pass's play, or take it back; plays from before the
    pass are never touched. Playing the pass's last episode ends it (undo keeps it ended)."""
    with library.transaction():
        episode = library.episode(episode_id)
        active = library.active_pass(episode.show_id)
        if active is None:
            raise EpisodeTuiError("no rewatch is in progress for this show")
        in_pass = [p for p in library.plays(episode_id) if p.pass_id == active.id]
        if in_pass:
            library.remove_plays(p.id for p in in_pass)
            return Change(
                episode.show_id,
                f"{episode.code} no longer rewatched.",
                (episode_id,),
                removed_plays=tuple(in_pass),
            )
        library.record_play(episode_id, pass_id=active.id)
        added = tuple(p.id for p in library.plays(episode_id) if p.pass_id == active.id)
        ended = library.active_pass(episode.show_id) is None
    done = f" Rewatch {active.number} finished." if ended else ""
    return Change(episode.show_id, f"{episode.code} rewatched.{done}", (episode_id,), added)


def watched_through(library: Library, episode_id: int) -> list[Episode]:
    """What `unmark_through` would unmark: watched episodes up to this one, in order."""
    target = library.episode(episode_id)
    if target.season == 0:
        return [target] if target.watched else []
    key = (target.season, target.number)
    return [
        e
        for e in library.episodes(target.show_id)
        if e.season > 0 and (e.season, e.number) <= key and e.watched
    ]


def unmark_through(library: Library, episode_id: int) -> Change:
    """Remove the plays of every episode up to this one (specials: only itself)."""
    with library.transaction():
        target = library.episode(episode_id)
        episodes = watched_through(library, episode_id)
        removed: list[Play] = []
        for episode in episodes:
            removed += library.plays(episode.id)
        library.remove_plays(p.id for p in removed)
    what = plural(len(episodes), "episode")
    return Change(
        target.show_id,
        f"Marked {what} unwatched, through {target.code}.",
        tuple(e.id for e in episodes),
        removed_plays=tuple(removed),
    )


def undo(library: Library, change: Change) -> Change:
    """Put the plays back as they were before `change`, in one transaction; returns
    what was done (the same episodes, for screens to redraw)."""
    with library.transaction():
        library.remove_plays(change.added_play_ids)
        library.restore_plays(change.removed_plays)
    return Change(
        change.show_id,
        f"Undone: {change.description[0].lower()}{change.description[1:]}",
        change.episode_ids,
    )
