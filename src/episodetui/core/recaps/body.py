"""The article's body: which blocks under (and above) the headline are the recap, and
which are the page around it (kickers, decks that restate the headline, galleries'
counters, warnings, "Related" links, forum rules, comments, copies of a caption). The
blocks kept go on to `parse` to become paragraphs and key moments.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from episodetui.core.html_blocks import CAPTION, HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import furniture, lines, sequence
from episodetui.core.recaps.guess import guess_episode
from episodetui.core.recaps.headline import EPISODE_LINE, labels_only
from episodetui.core.recaps.listicles import (
    SENTENCE_END as _SENTENCE_END,
    is_label as _is_label,
    numbered as _numbered,
    plain as _plain,
    words as _words,
)
from episodetui.core.recaps.model import (
    BOILERPLATE,
    COMMUNITY,
    IMAGE_CAPTION,
    PAGE_CHROME,
    SPOILER_WARNING,
)


class Drops:
    """What was taken out, by kind. Alt text and its caption on adjacent lines of copied
    text are one caption."""

    def __init__(self, fmt: str) -> None:
        self.counts: Counter[str] = Counter()
        self._fmt = fmt
        self._caption_groups: set[tuple[int, int]] = set()

    def __call__(self, kind: str, block: Block, index: int) -> None:
        if kind == IMAGE_CAPTION and self._fmt != "html":
            key = (block.group, index)
            if any(group == block.group and abs(other - index) == 1 for group, other in self._caption_groups):
                self._caption_groups.add(key)
                return
            self._caption_groups.add(key)
        self.counts[kind] += 1


def _body_starts(block: Block) -> bool:
    """The first block that is the recap rather than the page around its headline."""
    text = _plain(block)
    if block.kind == ITEM or _is_label(block) or _numbered(block):
        return True
    if text.endswith(":") and _words(text) >= 6:
        return True  # a lead-in: "Here is what we took away:"
    if _words(text) >= 7 and sum(w[:1].islower() for w in text.split()) * 5 >= _words(text) * 3:
        return True  # a deck in sentence case: "We're still picking our jaws up off the floor"
    if text.endswith(",") and _words(text) >= 3:
        return True  # a greeting: "Fellow villagers, bakers, and assorted ghosts,"
    return bool(_SENTENCE_END.search(text)) or _words(text) >= 12 or len(text) > 300 or block.hint == "deck"


def article_body(
    blocks: list[Block], headline_index: int | None, headline: str, fmt: str, hints: list[str], drop: Drops
) -> list[tuple[int, Block]]:
    """The blocks that are the article, with their index in `blocks`; what goes is counted
    in `drop`, and lines that may name the show or episode are added to `hints`."""
    dropped = drop.counts
    # Everything above the headline is the page around it.
    start = 0 if headline_index is None else headline_index + 1
    body: list[tuple[int, Block]] = []
    for index, block in enumerate(blocks[:start]):
        if index == headline_index:
            continue
        if fmt != "html" and _words(block.text) <= 8:
            hints.append(_plain(block))  # a kicker or a subreddit may name the show
        kind = furniture.kind_of_drop(block)
        if (
            not kind
            and index == start - 2
            and block.kind == PARAGRAPH
            and lines.prose(block)
            and fmt != "html"
        ):
            body.append((index, block))  # the article's first sentence copied right above its title
            continue
        drop(kind or PAGE_CHROME, block, index)

    in_header = True
    rest = list(enumerate(blocks))[start:]
    # the last substantial paragraph: a share bar before it is mid-article, not the tail
    last_substantial = max(
        (p for p, (_, b) in enumerate(rest) if _words(b.text) >= 25 and not b.hint), default=-1
    )
    last_prose = max((p for p, (_, b) in enumerate(rest) if lines.prose(b)), default=-1)
    forum_rules = dangling = warned = False
    counters = sequence.slide_counters([block.text for _, block in rest])
    for position, (index, block) in enumerate(rest):
        text = _plain(block)
        after_warning, warned = warned, False
        if position in counters:
            dropped[PAGE_CHROME] += 1  # "2 of 20 Network": a gallery's slides start here
            in_header = False
            continue
        if (
            after_warning
            and not body
            and block.kind == PARAGRAPH
            and _words(text) <= 4
            and text[-1:] in ".!?"
            and position + 1 < len(rest)  # the recap follows it
        ):
            drop(SPOILER_WARNING, block, index)  # "All good? Let's go.", "You've been warned.": its end
            warned = True
            continue
        under_title = (
            bool(body) and _numbered(body[-1][1]) is not None
        )  # 'Episode 2, "Long Field"' under "5. Title"
        if (
            body
            and not _numbered(block)
            and not under_title
            and lines.episode_caption(text, guess_episode)
            and not lines.one_of_the_episodes(text, headline, guess_episode)
        ):
            if position < 12:
                hints.append(text)  # "Show (2026) – Ep.11: “Title”" under a picture: for the guess, last
            drop(IMAGE_CAPTION, block, index)
            continue
        if body and lines.repeats_the_episode(text, headline, guess_episode):
            drop(PAGE_CHROME, block, index)  # "Episode 4 Recap:" under a note, below the headline
            continue
        if (body or not re.search(r"[.!?…]$", text)) and lines.cut_headline(text, headline):
            drop(IMAGE_CAPTION, block, index)  # the headline again, as a gallery's first caption
            continue
        if forum_rules and block.kind == ITEM:
            dropped[COMMUNITY] += 1
            continue
        if dangling and _words(text) <= 4 and not _SENTENCE_END.search(text):
            dangling = False
            continue  # the rest of "Image hosting by" on its own line: one credit
        forum_rules = dangling = False
        if (
            body
            and furniture.LINKS_LEAD.search(text)
            and _words(text) <= 25
            and position + 1 < len(rest)
            and all(b.kind == ITEM for _, b in rest[position + 1 :])
        ):
            dropped[BOILERPLATE] += len(rest) - position  # "here are some links:" over a list of links
            break
        if body and furniture.LABELLED_LINK.match(text):
            if last_prose > position:
                dropped[BOILERPLATE] += 1  # "Read more: [another recap]" between two paragraphs
                continue
            dropped[BOILERPLATE] += len(rest) - position  # "Also Read: …" after the last paragraph
            break
        if body and block.kind == PARAGRAPH and furniture.COMMENT_START.match(text):
            dropped[COMMUNITY] += len(rest) - position  # the comments under a post
            break
        if furniture.RULES_LEAD.search(text) and _words(text) <= 16:
            forum_rules = True
            dropped[COMMUNITY] += 1
            continue
        if block.kind in (HEADING, PARAGRAPH) and furniture.is_trailing(text):
            if body:
                dropped[BOILERPLATE] += len(rest) - position
                break
            dropped[BOILERPLATE] += 1  # a "Related" link above the article
            continue
        if furniture.is_weak_trailing(text) and last_substantial < position:
            dropped[BOILERPLATE] += len(rest) - position
            break
        if under_title and EPISODE_LINE.match(text):
            body.append((index, block))  # "Episode 5" under "1. Title": the entry's text, not a count
            continue
        kind = furniture.kind_of_drop(block)
        marked_tail = kind is None and bool(
            re.search(r"(?:^|\s)[\[(*][^\[\]()*]{3,80}[\])*]$", block.text.strip())
        )
        if (
            (kind == SPOILER_WARNING or marked_tail)  # "… of teasers. [Warning: Spoilers ahead.]"
            and block.kind == PARAGRAPH
            and (head := furniture.warning_tail(text))
        ):
            dropped[SPOILER_WARNING] += (
                1  # "…, no contest. *Spoilers ahead": the warning goes, the prose stays
            )
            block, text, kind = replace(block, text=head), head, None
        if kind:
            dangling = kind == IMAGE_CAPTION and bool(furniture.DANGLING_CREDIT.search(text))
            if (kind == SPOILER_WARNING or position < 12) and guess_episode(text) != (None, None):
                hints.append(text)  # "Spoilers for season 2, episode 7 of …", "Air Date: … Episode 4"
            drop(kind, block, index)
            warned = kind == SPOILER_WARNING
            continue
        is_deck = (
            in_header
            and not body
            and index == start
            and block.kind == HEADING
            and _words(text) >= 6
            and index > 0
        )
        if in_header and not body and lines.restates_the_headline(text, headline):
            drop(PAGE_CHROME, block, index)  # "An Anime QandA review for <the headline's words>."
            continue
        if in_header and not body and lines.names_the_episode(text, headline):
            hints.append(text)  # 'Episode #7: "Its Title"' or '"Its Title"' under the headline
            drop(PAGE_CHROME, block, index)
            continue
        if in_header and not body and fmt != "html" and lines.subtitle_under(blocks, headline_index, index):
            drop(PAGE_CHROME, block, index)  # a newsletter's subtitle on the line under its title
            continue
        if in_header and not is_deck and not _body_starts(block) and not lines.section_title(rest, position):
            if EPISODE_LINE.match(text) or (labels_only(text) and guess_episode(text) != (None, None)):
                hints.append(text)  # "Season 1, Episode 8", "RECAP - Season 5: Episode 12": for the guess
            drop(PAGE_CHROME, block, index)
            continue
        in_header = False
        body.append((index, block))

    return _without_copies(body, drop)


def numbered_or_item(block: Block) -> bool:
    return block.kind == ITEM or _numbered(block) is not None


def episode_under_title(blocks: list[Block], position: int) -> bool:
    """ "Episode 5" right under "1. Title": the entry's text, though it comes back under
    the next title too (a weekly list of moments from two episodes)."""
    return (
        position > 0
        and _numbered(blocks[position - 1]) is not None
        and bool(EPISODE_LINE.match(_plain(blocks[position])))
    )


def _without_copies(body: list[tuple[int, Block]], drop: Drops) -> list[tuple[int, Block]]:
    """A short line repeated right under itself (a gallery's title copied into its
    caption) is said once, and the same caption or credit under every picture goes."""
    once: list[tuple[int, Block]] = []
    for index, block in body:
        if (
            once
            and block.kind in (PARAGRAPH, HEADING, CAPTION)
            and _words(block.text) <= 40
            and lines.fold(block.text) == lines.fold(once[-1][1].text)
        ):
            # a short one is a caption; a sentence said twice is a page's deck printed again
            drop(IMAGE_CAPTION if _words(block.text) <= 12 else PAGE_CHROME, block, index)
            if 4 <= _words(block.text) <= 12 and _SENTENCE_END.search(block.text):
                first_index, first = once.pop()  # "That picture is creepy." twice: a caption and its alt
                drop(IMAGE_CAPTION, first, first_index)
            continue
        once.append((index, block))
    repeated = lines.repeated_lines([block for _, block in once])
    over_credits = lines.captions_over_credits([block for _, block in once], repeated)
    kept: list[tuple[int, Block]] = []
    for position, (index, block) in enumerate(once):
        if position in over_credits or (
            lines.fold(block.text) in repeated
            and not numbered_or_item(block)
            and not episode_under_title([b for _, b in once], position)
        ):
            drop(IMAGE_CAPTION, block, index)
            continue
        kept.append((index, block))
    return kept
