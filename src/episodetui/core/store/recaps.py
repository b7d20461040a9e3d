"""Recaps and their key moments. Text leaves only through `recap_view`, which asks the policy."""

from __future__ import annotations

from collections.abc import Sequence

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.spoilers import EpisodeState
from episodetui.core.store.episodes import EpisodesRoom
from episodetui.core.store.records import Episode, KeyMoment, Recap, RecapView
from episodetui.core.store.shows import ShowsRoom
from episodetui.core.text import clean_line, clean_text


class RecapsRoom(EpisodesRoom, ShowsRoom):
    def set_recap(
        self,
        episode_id: int,
        text: str,
        *,
        title: str = "",
        source: str = "",
        key_moments: Sequence[KeyMoment] = (),
        added_at: str | None = None,
    ) -> None:
        body = clean_text(text).strip()
        moments = _clean_moments(key_moments)
        if not body and not moments:  # key moments alone are a recap
            raise EpisodeTuiError("the recap is empty")
        self.episode(episode_id)  # a clear error for a missing episode
        with self.transaction() as db:
            db.execute("DELETE FROM recaps WHERE episode_id = ?", (episode_id,))
            db.execute(
                "INSERT INTO recaps(episode_id, title, body, source, added_at) VALUES (?, ?, ?, ?, ?)",
                (episode_id, clean_line(title), body, clean_line(source), added_at or self.now()),
            )
            db.executemany(
                "INSERT INTO key_moments(episode_id, position, body, at_seconds) VALUES (?, ?, ?, ?)",
                [(episode_id, position, words, at) for position, (words, at) in enumerate(moments)],
            )

    def delete_recap(self, episode_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM recaps WHERE episode_id = ?", (episode_id,))

    def _load_recap(self, episode_id: int) -> Recap | None:
        row = self._db.execute(
            "SELECT title, body, source, added_at FROM recaps WHERE episode_id = ?",
            (episode_id,),
        ).fetchone()
        if row is None:
            return None
        moments = [
            KeyMoment(body, at)
            for body, at in self._db.execute(
                "SELECT body, at_seconds FROM key_moments WHERE episode_id = ? ORDER BY position",
                (episode_id,),
            )
        ]
        return Recap(episode_id, row[0], row[1], row[2], row[3], moments)

    def recap_view(
        self, episode: Episode, revealed: bool = False, state: EpisodeState | None = None
    ) -> RecapView:
        """The recap as the spoiler policy allows it to be shown. `state` is the episode's
        state when the caller has just read it (it saves reading the show's progress again)."""
        recap = self._load_recap(episode.id)
        if recap is None:
            return RecapView(exists=False, visible=True, shape=None, recap=None)
        policy = self.policy_for(self.show(episode.show_id))
        visible = policy.recap_visible(state or self.episode_state(episode, revealed))
        return RecapView(True, visible, recap.shape, recap if visible else None)


def _clean_moments(moments: Sequence[KeyMoment]) -> list[tuple[str, int | None]]:
    """Key moments as stored: cleaned text; one with nothing left is no moment."""
    cleaned = [(clean_text(moment.text).strip(), moment.at_seconds) for moment in moments]
    return [(text, at) for text, at in cleaned if text]
