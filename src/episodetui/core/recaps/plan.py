"""Recap import as one use case: plan it (parse, guess, decide what may be shown), then
apply the user's choice. The CLI and the TUI only read the input and show the output.

What a plan says is safe to show for any recap: its shape (counts), what was dropped,
and the guess as a library show and an episode code. The recap's words are in
`plan.parsed`, to be shown only when `plan.show_text` is true.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.recaps.guess import TargetGuess, guess_target
from episodetui.core.recaps.model import ParsedRecap
from episodetui.core.recaps.parse import parse_recap

if TYPE_CHECKING:
    from episodetui.core.store import Episode, Library

HERE, SUGGESTED = "here", "suggested"


@dataclass(frozen=True)
class ImportTarget:
    episode_id: int
    code: str
    visible: bool  # would the recap be shown there once saved?


@dataclass(frozen=True)
class ImportPlan:
    parsed: ParsedRecap
    show_title: str
    here: ImportTarget
    suggested: ImportTarget | None  # another episode of the show that the headline names
    guess: TargetGuess
    source: str = ""
    title: str | None = None  # a headline given by the user instead of the article's

    @property
    def show_text(self) -> bool:
        """The text may be shown only if every episode it may be saved to allows it."""
        return self.here.visible and (self.suggested is None or self.suggested.visible)

    def summary(self) -> str:
        parsed = self.parsed
        if not self.show_text:
            headline = "headline hidden"
        else:
            headline = "headline kept" if parsed.headline else "no headline"
        return f"{headline} · {parsed.shape.describe()} · {parsed.describe_dropped()}"

    def guess_sentence(self) -> str:
        """What the headline suggests, in words that never quote it."""
        guess = self.guess
        if guess.empty:
            return "The headline names no show or episode."
        if self.suggested:
            return f"The headline suggests {guess.describe()}, not {self.here.code}."
        return f"The headline suggests {guess.describe()}."


def _target(library: Library, episode: Episode, revealed: bool) -> ImportTarget:
    policy = library.policy_for(library.show(episode.show_id))
    visible = policy.recap_visible(library.episode_state(episode, revealed))
    return ImportTarget(episode.id, episode.code, visible)


def plan_import(
    library: Library,
    episode_id: int,
    text: str,
    *,
    raw: bool = False,
    source: str = "",
    title: str | None = None,
    revealed: bool = False,
    parsed: ParsedRecap | None = None,
) -> ImportPlan:
    """Parse `text` (or take `parsed`) for the episode, and say where else it may
    belong. `revealed` is the user's reveal of this episode, if any."""
    episode = library.episode(episode_id)
    show = library.show(episode.show_id)
    parsed = parsed if parsed is not None else parse_recap(text, raw=raw)
    guess = guess_target(parsed, [summary.title for summary in library.summaries()])
    suggested = None
    if guess.show_title == show.title and guess.number is not None:
        try:
            other = library.find_episode(show, guess.season or 1, guess.number)
        except EpisodeTuiError:
            other = None
        if other is not None and other.id != episode.id:
            suggested = _target(library, other, revealed=False)
    return ImportPlan(
        parsed, show.title, _target(library, episode, revealed), suggested, guess, source, title
    )


@dataclass(frozen=True)
class ImportResult:
    episode_id: int
    code: str
    visible: bool
    message: str  # what to tell the user: the headline only if the recap is visible


def apply_import(
    library: Library, plan: ImportPlan, choice: str = HERE, *, revealed: bool = False
) -> ImportResult:
    """Save the planned recap to the chosen episode (replacing any recap it had), in one
    transaction, and say what was done in words that respect the spoiler policy."""
    from episodetui.core.store import KeyMoment

    target = plan.suggested if choice == SUGGESTED and plan.suggested else plan.here
    parsed = plan.parsed
    library.set_recap(
        target.episode_id,
        parsed.text,
        title=parsed.headline if plan.title is None else plan.title,
        source=plan.source,
        key_moments=[KeyMoment(moment.text, moment.at_seconds) for moment in parsed.key_moments],
    )
    episode = library.episode(target.episode_id)
    view = library.recap_view(episode, revealed and target is plan.here)
    summary = f"{parsed.shape.describe()}; {parsed.describe_dropped()}"
    where = f"{plan.show_title} {episode.code}"
    if view.visible:
        headline = f"“{view.recap.title}”, " if view.recap and view.recap.title else ""
        message = f"Recap attached to {where}: {headline}{summary}."
    else:
        message = f"Recap attached to {where}, hidden until you watch it (headline hidden, {summary})."
    return ImportResult(episode.id, episode.code, view.visible, message)


def guess_for_library(library: Library, text: str) -> TargetGuess:
    """What an article's headline suggests among the library's shows (recap --guess)."""
    return guess_target(parse_recap(text), [summary.title for summary in library.summaries()])
