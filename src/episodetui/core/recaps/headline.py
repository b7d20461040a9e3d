"""Which line of an article is its headline: the one that looks like one (names the
show or an episode, title case or a sentence without a full stop, near the top), not the
first short line. Scored block by block; pure."""

from __future__ import annotations

import re

from episodetui.core.html_blocks import CAPTION, HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import furniture, lines, sequence
from episodetui.core.recaps.guess import guess_episode
from episodetui.core.recaps.listicles import is_label as _is_label, plain as _plain, promised, words as _words
from episodetui.core.recaps.text_blocks import NUMBERED

# A line that only names the episode: "Season 1, Episode 8", "S01E08", "Episode 6"
EPISODE_LINE = re.compile(
    r"^(?:season\s+\w+\s*[,:·|-]?\s*)?(?:episode|ep\.?|chapter|part)\s*\w+$|^s\d{1,3}\s*e\d{1,4}$|^season\s+\w+$",
    re.I,
)
_KEYWORDS = re.compile(
    r"\b(?:recap|review|episode|episodes|ep|discussion|moments|takeaways|thoughts|chapter|part|premiere|finale|highlights|impressions)\b|\d화|\d회",
    re.I,
)


def headline_score(block: Block, index: int, markdown: bool) -> float | None:
    text = _plain(block)
    n = _words(text)
    if (
        block.kind in (ITEM, CAPTION)
        or n > 25
        or len(text) > 300
        or furniture.kind_of_drop(block)
        or furniture.is_trailing(text)
    ):
        return None
    counted_first = index == 0 and promised(text, any_noun=True) is not None
    if (
        (_is_label(block) and guess_episode(text) == (None, None) and not counted_first)
        or NUMBERED.match(block.text)
        or EPISODE_LINE.match(text)
    ):
        return None
    score = -0.3 * index
    if n < 3:
        score -= 5
    elif n >= 4:
        score += 1
    if block.kind == HEADING:
        score += {1: 6, 2: 3}.get(block.level, 1)
    if guess_episode(text) != (None, None):
        score += 4
    if lines.QUOTED_LINE.match(text):
        score += 6  # an episode's title in quotes, alone: the headline of many blogs
    elif (
        lines.QUOTED_TITLE.search(text)
        and not lines.EPISODE_TITLE_LINE.match(text)
        and not re.search(r"[.!?]", text[:-1])
    ):
        score += 2  # it names the show or the episode in quotes
    if _KEYWORDS.search(text):
        score += 3
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and n <= 5:
        score -= 4
    if re.search(r"\.[\"”’']?$", text) and not text.endswith("..."):
        score -= 6
        if n >= 16:
            return None  # a long sentence ending in a full stop is the body's first line
    if re.search(r"[a-z]{3}\.\s+[A-Z]", text):
        score -= 4  # two sentences ("…on Friday. Why not…"): body text, not a title
    if labels_only(text):
        score -= 8  # "RECAP - Season 5: Episode 12": a kicker that names the episode and nothing else
    if text.endswith(":"):
        score -= 4  # "Episode 4 Recap:": a lead-in to what follows, not a title
    return score


_LABEL_WORDS = re.compile(
    r"^(?:recap|review|episode|ep|season|chapter|part|the|a|of|and|\d+|one|two|three|four|five|six|seven|eight|nine|ten)$"
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.sub(r"[^\w]+", " ", text.casefold()).split() if not _LABEL_WORDS.match(w)}


def _restated(blocks: list[Block], best: int, candidates: list[tuple[float, int]]) -> int | None:
    """An earlier title that says everything the chosen line says and more: the chosen
    line is alt text that restates it ("The Show season 2 episode 5" under "The Show
    season 2 Reflection recap" and its byline)."""
    chosen = _content_words(_plain(blocks[best]))
    for _, negative_index in sorted(candidates, reverse=True):
        index = -negative_index
        earlier = _content_words(_plain(blocks[index]))
        if index < best and _words(_plain(blocks[index])) >= 4 and chosen and chosen < earlier:
            return index
    return None


def labels_only(text: str) -> bool:
    """A line made only of recap words and episode numbers: "Episode 7 Recap",
    "RECAP - Season 5: Episode 12"."""
    rest = _KEYWORDS.sub(" ", text)
    rest = re.sub(r"\b(?:season|s\d+\s*e\d+|\d+(?:st|nd|rd|th)?|[ivx]+)\b", " ", rest, flags=re.I)
    return not re.search(r"\w", rest)


def undoubled(text: str) -> str:
    """A forum's flair glued to the title it repeats: "Episode Discussion Episode
    Discussion: 103 …" is "Episode Discussion: 103 …"."""
    match = re.match(r"^(\w+(?:\s+\w+){1,4})\s+(?=\1\b)", text, re.I)
    return text[match.end() :] if match else text


# "Episode Name: …", "Air Date: …": a field of a labelled list, not a title
_FIELD = re.compile(
    r"^(?:episode\s+(?:name|title|number)|title|name|(?:original\s+)?air\s*date|aired|date|synopsis|summary|rating"
    r"|score|grade|runtime|network|genre|cast|starring|directed\s+by|director|writers?|written\s+by"
    r"|who|what|when|where|why|verdict):\s+\S",
    re.I,
)


def _numbered_title(block: Block) -> bool:
    """A numbered entry's title line ("1. The crane on the windowsill")."""
    mark = sequence.marker(block.text, block.kind == HEADING)
    return mark is not None and mark.number <= 30 and 1 <= _words(mark.rest) <= 14


def choose_headline(blocks: list[Block], markdown: bool) -> int | None:
    """Index of the block that looks like the headline, among those before the body."""
    candidates: list[tuple[float, int]] = []
    for index, block in enumerate(blocks[:14]):
        if _FIELD.match(_plain(block)):
            continue  # "Episode Name: …", "Air Date: …": a field, not a title
        if index and _numbered_title(blocks[index - 1]):
            continue  # 'Episode 5, "Long Field"' under "1. Title": the entry's text, the list has begun
        if block.kind == PARAGRAPH and _words(block.text) >= 25 and not furniture.kind_of_drop(block):
            break  # the body has started
        score = headline_score(block, index, markdown)
        following = _plain(blocks[index + 1]) if index + 1 < len(blocks) else ""
        if score is not None and EPISODE_LINE.match(following) and _words(_plain(block)) <= 8:
            score += 6  # "Wolf Moon" over "Season 2 Episode 5": the episode's title over its code
        if score is not None:
            candidates.append((score, -index))
    score, negative_index = max(candidates, default=(-99.0, 0))
    if score < -1:
        first = next((i for i, b in enumerate(blocks) if not furniture.kind_of_drop(b)), None)
        if (
            first is not None
            and blocks[first].kind in (HEADING, PARAGRAPH)
            and _words(blocks[first].text) <= 25
            and not re.search(r"[.]$", _plain(blocks[first]))  # a sentence is body text
            and (candidates or _over_prose(blocks, first))
        ):
            return first  # no line looks like a headline: the first line, when it sits over the recap
        return None
    earlier = _restated(blocks, -negative_index, candidates)
    return -negative_index if earlier is None else earlier


def _over_prose(blocks: list[Block], index: int) -> bool:
    """A line right over a paragraph of prose ("The Moments That Broke Us" over "Two
    episodes this week, …"): a headline, though its words would make it a list's label
    over the list itself."""
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        after is not None
        and after.kind == PARAGRAPH
        and _words(after.text) >= 8
        and bool(re.search(r"[.!?…\"”’')]$", _plain(after)))
    )
