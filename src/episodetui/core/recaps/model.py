"""What a parsed recap is: headline, body paragraphs, key moments, and what was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from episodetui.core.spoilers import RecapShape

# What is dropped, by kind, with how the preview names one and several.
SPOILER_WARNING = "spoiler_warning"
IMAGE_CAPTION = "caption"
AVAILABILITY = "availability"
PROMPT = "prompt"
BOILERPLATE = "boilerplate"
PAGE_CHROME = "page_chrome"
BYLINE = "byline"
COMMUNITY = "community"
RATING = "rating"
DROP_LABELS = {
    SPOILER_WARNING: ("spoiler warning", "spoiler warnings"),
    IMAGE_CAPTION: ("image caption or credit", "image captions or credits"),
    AVAILABILITY: ("where-to-watch line", "where-to-watch lines"),
    PROMPT: ("share or newsletter prompt", "share or newsletter prompts"),
    BOILERPLATE: ("block of trailing page boilerplate", "blocks of trailing page boilerplate"),
    PAGE_CHROME: ("page navigation, sidebar or footer", "page navigations, sidebars or footers"),
    BYLINE: ("byline or date line", "bylines or date lines"),
    COMMUNITY: ("comment or forum line", "comment or forum lines"),
    RATING: ("rating", "ratings"),
}


@dataclass(frozen=True)
class Moment:
    """A key moment: its text, its time in the episode if given, and for a moment taken
    from a "best moments" listicle, the paragraph that came with it."""

    text: str
    at_seconds: int | None = None
    detail: str = ""


@dataclass
class ParsedRecap:
    format: str
    headline: str
    paragraphs: list[str]
    key_moments: list[Moment]
    dropped: dict[str, int] = field(default_factory=dict)
    # Other titles the page gave (<title>, og:title, a kicker): only for guessing the
    # show and episode, never shown.
    title_hints: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def shape(self) -> RecapShape:
        return RecapShape(len(self.paragraphs), len(self.key_moments))

    def describe_dropped(self) -> str:
        if not self.dropped:
            return "nothing dropped"
        return "dropped " + ", ".join(
            f"{count} {DROP_LABELS[kind][count > 1]}" for kind, count in self.dropped.items()
        )
