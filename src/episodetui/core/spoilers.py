"""The one spoiler policy. Every surface that shows episode text asks it first.

Rules (DESIGN.md): a recap and its key moments are spoilers of their episode and stay
hidden while it is unwatched, unless the user deliberately revealed it. In `strict` mode
the titles and synopses of unwatched episodes are hidden too, except the next one to
watch. Notes are the user's own and shown, but spans marked ||like this|| stay masked
until revealed. Hidden text is replaced by a labelled placeholder, never styled down.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from episodetui.core.text import mask_spoiler_spans, plural, unwrap_spoiler_spans


class SpoilerMode(StrEnum):
    OFF = "off"
    RECAPS = "recaps"
    STRICT = "strict"

    @classmethod
    def parse(cls, value: str) -> SpoilerMode:
        try:
            return cls(value.strip().lower())
        except ValueError:
            from episodetui.core.errors import EpisodeTuiError

            choices = ", ".join(mode.value for mode in cls)
            raise EpisodeTuiError(f"unknown spoiler mode {value!r}: choose {choices}") from None


DEFAULT_MODE = SpoilerMode.RECAPS


@dataclass(frozen=True, slots=True)
class EpisodeState:
    """What the policy needs to know about an episode."""

    watched: bool
    is_next: bool = False
    revealed: bool = False


@dataclass(frozen=True, slots=True)
class RecapShape:
    """What may be said about a hidden recap: its size, never its words."""

    paragraphs: int
    key_moments: int

    def describe(self) -> str:
        return f"{plural(self.paragraphs, 'paragraph')}, {plural(self.key_moments, 'key moment')}"


class TextKind(StrEnum):
    """The kinds of text a surface can show, as the policy sees them."""

    SHOW = "show"  # a show's own title and synopsis: never a spoiler
    EPISODE_TITLE = "title"
    EPISODE_SYNOPSIS = "synopsis"
    NOTE = "note"  # the user's words: shown, with ||spans|| masked
    RECAP = "recap"  # headline and body
    KEY_MOMENT = "key moment"


HIDDEN_TITLE = "(title hidden)"
HIDDEN_SYNOPSIS = "Synopsis hidden until you watch this episode (strict spoiler mode)."


@dataclass(frozen=True, slots=True)
class SpoilerPolicy:
    mode: SpoilerMode = DEFAULT_MODE

    def recap_visible(self, state: EpisodeState) -> bool:
        return self.mode is SpoilerMode.OFF or state.watched or state.revealed

    def details_visible(self, state: EpisodeState) -> bool:
        """Title and synopsis of an episode."""
        if self.mode is not SpoilerMode.STRICT:
            return True
        return state.watched or state.is_next or state.revealed

    def text_visible(self, kind: TextKind, state: EpisodeState) -> bool:
        """May this kind of text of an episode in this state be shown at all?

        Surfaces that list many texts at once (search, the journal) ask this.
        """
        if kind in (TextKind.RECAP, TextKind.KEY_MOMENT):
            return self.recap_visible(state)
        if kind in (TextKind.EPISODE_TITLE, TextKind.EPISODE_SYNOPSIS):
            return self.details_visible(state)
        return True

    def episode_title(self, title: str, state: EpisodeState) -> str:
        return title if not title or self.details_visible(state) else HIDDEN_TITLE

    def synopsis(self, synopsis: str, state: EpisodeState) -> str:
        return synopsis if self.details_visible(state) else HIDDEN_SYNOPSIS

    @staticmethod
    def hidden_recap_label(shape: RecapShape, how_to_reveal: str) -> str:
        return f"Recap hidden until you watch this episode ({shape.describe()}). {how_to_reveal}"

    @staticmethod
    def note_text(text: str, revealed: bool = False) -> str:
        """A user's note: their words, with ||spoiler spans|| masked unless revealed."""
        return unwrap_spoiler_spans(text) if revealed else mask_spoiler_spans(text)
