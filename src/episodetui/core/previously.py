""" "Previously on": what you need before pressing play on the next episode.

The key moments and your notes of the last watched episodes before the one you are about
to watch (three by default), newest last. Spoiler-safe by construction: only watched
episodes are read, their key moments through the spoiler policy like everywhere else,
and ||spoiler spans|| in notes stay masked unless revealed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from episodetui.core.spoilers import SpoilerPolicy
from episodetui.core.store import Episode, KeyMoment, Library, Note

DEFAULT_EPISODES = 3


@dataclass(frozen=True, slots=True)
class PreviouslyEpisode:
    episode_id: int
    code: str
    title: str
    watched_at: str | None
    key_moments: list[KeyMoment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # note text already masked as asked


@dataclass(frozen=True, slots=True)
class Previously:
    show_title: str
    before_code: str | None  # the episode about to be watched (None: caught up)
    episodes: list[PreviouslyEpisode]

    @property
    def empty(self) -> bool:
        return not any(e.key_moments or e.notes for e in self.episodes)


def upcoming_episode_id(library: Library, show_id: int) -> int | None:
    """The episode the user is about to watch: the rewatch pass's next during a pass,
    else the show's next episode."""
    if library.active_pass(show_id) is not None:
        return library.rewatch_next_episode_id(show_id)
    return library.next_episode_id(show_id)


def previously_on(
    library: Library,
    show_id: int,
    *,
    before_episode_id: int | None = None,
    count: int = DEFAULT_EPISODES,
    notes_revealed: bool = False,
) -> Previously:
    """The last `count` watched episodes before `before_episode_id` (default: the one
    about to be watched; with none, the last watched episodes of the show)."""
    show = library.show(show_id)
    policy = library.policy_for(show)
    if before_episode_id is None:
        before_episode_id = upcoming_episode_id(library, show_id)
    episodes = [e for e in library.episodes(show_id) if e.season > 0]
    before = next((e for e in episodes if e.id == before_episode_id), None)
    if before is not None:
        episodes = [e for e in episodes if (e.season, e.number) < (before.season, before.number)]
    watched = [e for e in episodes if e.watched][-count:] if count > 0 else []
    return Previously(
        show_title=show.title,
        before_code=before.code if before else None,
        episodes=[_episode(library, policy, e, notes_revealed) for e in watched],
    )


def _episode(
    library: Library, policy: SpoilerPolicy, episode: Episode, notes_revealed: bool
) -> PreviouslyEpisode:
    view = library.recap_view(episode)
    moments = list(view.recap.key_moments) if view.recap is not None else []
    notes = [
        Note(
            n.id,
            n.show_id,
            n.episode_id,
            policy.note_text(n.text, notes_revealed),
            n.at_seconds,
            n.created_at,
            n.updated_at,
        )
        for n in library.episode_notes(episode.id)
    ]
    state = library.episode_state(episode)
    return PreviouslyEpisode(
        episode_id=episode.id,
        code=episode.code,
        title=policy.episode_title(episode.title, state),
        watched_at=episode.watched_at,
        key_moments=moments,
        notes=notes,
    )
