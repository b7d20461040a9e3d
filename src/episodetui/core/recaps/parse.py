"""Turn a recap article as users bring it (copied text, Markdown, a saved web page) into
a clean recap: its headline, its body paragraphs, its key moments, and a count of
everything that was taken out. Pure: text in, a ParsedRecap out; nothing is read,
fetched or stored here.

The pipeline: detect the format from the content, split it into blocks (heading,
paragraph, list item, caption), then, with one set of rules for all formats:
choose the headline (the line that looks like one, not the first short line), drop the
page furniture above and around it, cut trailing boilerplate, find the key moments (a
list under a "Key moments" heading, or the numbered titles of a "best moments" or
"takeaways" listicle), and drop captions, warnings, bylines and prompts in the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from episodetui.core.encoding import scrub_surrogates
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.html_blocks import CAPTION, HEADING, ITEM, PARAGRAPH, Block, HtmlPage, read_html
from episodetui.core.recaps import furniture, lines, sequence
from episodetui.core.recaps.guess import guess_episode
from episodetui.core.recaps.headline import EPISODE_LINE, choose_headline, labels_only, undoubled
from episodetui.core.recaps.list_shapes import links_tail
from episodetui.core.recaps.listicles import (
    SENTENCE_END as _SENTENCE_END,
    is_label as _is_label,
    list_label,
    listicle_entries,
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
    Moment,
    ParsedRecap,
)
from episodetui.core.recaps.text_blocks import BULLET, NUMBERED, detect_format, line_blocks
from episodetui.core.text import clean_text, parse_timestamp

# "00:41:10 Title", "[12:40] Title", "12:40–15:05 – Title" (a range: its start)
_LEADING_TIME = re.compile(
    r"^\(?\[?(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*[-–—]\s*\d{1,2}:\d{2}(?::\d{2})?)?\]?\)?\s*[-–—:]?\s+"
)


def _is_bare_heading(text: str) -> bool:
    return (
        _words(text) <= 6
        and not _SENTENCE_END.search(text)
        and not text.startswith("•")
        and not NUMBERED.match(text)
        and not (text[:1].islower() and furniture.speaks(text))  # "anyway i need 2x04 right now"
    )


def _moment(text: str, detail: str = "") -> Moment:
    match = _LEADING_TIME.match(text)
    if match:
        try:
            return Moment(text[match.end() :].strip(), parse_timestamp(match.group(1)), detail)
        except EpisodeTuiError:
            pass
    return Moment(text.strip(), None, detail)


# ------------------------------------------------------------------- headline


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


# ------------------------------------------------------------------ listicles


# -------------------------------------------------------------------- classify


def _classify(
    blocks: list[Block], headline_index: int | None, headline: str, fmt: str, hints: list[str]
) -> ParsedRecap:
    dropped: Counter[str] = Counter()
    hints = list(hints)
    caption_groups: set[tuple[int, int]] = set()

    def drop(kind: str, block: Block, index: int) -> None:
        if kind == IMAGE_CAPTION and fmt != "html":
            key = (block.group, index)
            # Alt text and its caption on adjacent lines are one caption.
            if any(group == block.group and abs(other - index) == 1 for group, other in caption_groups):
                caption_groups.add(key)
                return
            caption_groups.add(key)
        dropped[kind] += 1

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

    body = _without_copies(body, drop)
    deck = next((b for _, b in body if b.kind == PARAGRAPH), None)
    if deck is not None and _words(deck.text) <= 25:
        hints.append(deck.text)  # "The flood is coming, and episode 4 knows it.": for the guess, last
    blocks_only = [block for _, block in body]
    listicle = listicle_entries(headline, blocks_only)
    label = list_label(blocks_only, listicle)
    list_end = max((max([i, *e.details]) + 1 for i, e in listicle.items()), default=len(blocks_only))
    links = links_tail(blocks_only, list_end, headline) if listicle else None  # more coverage, after the list
    hints.extend(sorted({entry.prefix for entry in listicle.values() if entry.prefix}))

    titles = {lines.fold(entry.title) for entry in listicle.values()}
    captions = {i for entry in listicle.values() for i in entry.captions}
    details = {
        i for entry in listicle.values() for i in entry.details
    }  # an entry's paragraph, even in a list item
    empty_sections = {
        p
        for p, b in enumerate(blocks_only[:-1])
        if b.kind == HEADING
        and blocks_only[p + 1].kind == HEADING
        and 0 < blocks_only[p + 1].level <= b.level
    }
    repeated = lines.repeated_lines(blocks_only)
    related = lines.related_links(blocks_only, headline) | lines.chapters(blocks_only)
    pictured = lines.pictures(blocks_only) if fmt != "html" else set()

    paragraphs: list[str] = []
    moments: list[Moment] = []
    in_key_moments = False
    for position, (index, block) in enumerate(body):
        text = block.text.strip()
        if position == label:
            continue
        if links is not None and position >= links:
            dropped[BOILERPLATE] += 1  # "Kestrel Point season 2: every episode ranked" after the list
            continue
        if position not in listicle and block.kind == ITEM and lines.fold(text) in titles:
            dropped[PAGE_CHROME] += 1  # a table of contents: the list's titles above it
            continue
        if position in related:
            drop(PAGE_CHROME, block, index)  # "- Show fans are mourning …": links to more coverage
            continue
        if (
            lines.fold(text) in repeated
            and position not in listicle
            and not _episode_under_title(blocks_only, position)
        ):
            drop(IMAGE_CAPTION, block, index)  # the same caption under every picture
            continue
        if position in captions or (position in pictured and position not in listicle):
            drop(IMAGE_CAPTION, block, index)  # the quip under each entry's picture
            continue
        entry = listicle.get(position)
        if entry is not None:
            texts = ([entry.run_in] if entry.run_in else []) + [
                blocks_only[i].text.strip() for i in entry.details
            ]
            moments.append(_moment(entry.title.strip("*_ "), "\n\n".join(texts)))
            if entry.run_in:
                paragraphs.append(entry.run_in)
            in_key_moments = False
            continue
        if _is_label(block):
            in_key_moments = True
            continue
        if in_key_moments and block.kind == ITEM:
            numbered = _numbered(block)
            moments.append(_moment(numbered[1] if numbered else text))
            continue
        in_key_moments = False
        if block.kind == PARAGRAPH and (
            furniture.looks_like_caption(text, headline)
            or lines.repeats_the_headline(text, headline)
            or lines.show_code_caption(text, headline)
        ):
            drop(IMAGE_CAPTION, block, index)
            continue
        if block.kind == PARAGRAPH and (
            lines.headline_with_code(text, headline, guess_episode)
            or lines.headline_reworded(text, headline, guess_episode)
        ):
            hints.append(text)  # it names the episode the headline does not: for the guess
            drop(IMAGE_CAPTION, block, index)
            continue
        if block.kind == PARAGRAPH and (unglued := lines.unglued_alt(text, headline)):
            dropped[IMAGE_CAPTION] += 1  # "FrostmarchAvalanches, shouting…": the alt text goes
            text = unglued
        if position in empty_sections:
            dropped[PAGE_CHROME] += 1  # a heading whose section was all furniture (a table)
            continue
        if block.kind == ITEM and block.marker in ("—", "–") and not lines.in_a_list(blocks_only, position):
            paragraphs.append(f"{block.marker} {text}")  # "— Peter shares a fact of life.": an attribution
        elif (
            block.kind == ITEM and not _numbered(block) and not BULLET.match(text) and position not in details
        ):
            paragraphs.append("• " + text)
        else:
            paragraphs.append(text)
    # A heading with nothing under it ends the page, not the recap ("TV and Movies" over a
    # newsletter box that was dropped).
    while paragraphs and _is_bare_heading(paragraphs[-1]):
        paragraphs.pop()
        dropped[PAGE_CHROME] += 1
    return ParsedRecap(fmt, headline.strip(), paragraphs, moments, dict(dropped), hints)


def numbered_or_item(block: Block) -> bool:
    return block.kind == ITEM or _numbered(block) is not None


def _episode_under_title(blocks: list[Block], position: int) -> bool:
    """ "Episode 5" right under "1. Title": the entry's text, though it comes back under
    the next title too (a weekly list of moments from two episodes)."""
    return (
        position > 0
        and _numbered(blocks[position - 1]) is not None
        and bool(EPISODE_LINE.match(_plain(blocks[position])))
    )


def _without_copies(
    body: list[tuple[int, Block]], drop: Callable[[str, Block, int], None]
) -> list[tuple[int, Block]]:
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
            and not _episode_under_title([b for _, b in once], position)
        ):
            drop(IMAGE_CAPTION, block, index)
            continue
        kept.append((index, block))
    return kept


# ------------------------------------------------------------------------ entry


def _heading_in_title(page: HtmlPage) -> str:
    """A page with no <h1> (many blog themes): the first heading that the page's
    <title> repeats is its headline."""
    title = " ".join(page.title.casefold().split())
    for block in page.blocks:
        if (
            block.kind == HEADING
            and block.text
            and _words(block.text) >= 2
            and block.text.casefold() in title
        ):
            return block.text
    return ""


def _title_without_site(title: str) -> str:
    """ "Headline | Site Name" or "Headline – Site": the part that is not the site."""
    parts = re.split(r"\s+[|–—·]\s+|\s+-\s+", title)
    return max(parts, key=len) if len(parts) > 1 else title


def _html_recap(text: str) -> ParsedRecap:
    page = read_html(text)
    blocks: list[Block] = []
    chrome = 0
    headline = page.h1 or _heading_in_title(page) or page.og_title or _title_without_site(page.title)
    headline_index = None
    for block in page.blocks:
        if not block.text:
            chrome += 1  # a navigation, sidebar or footer element
            continue
        if block.kind == HEADING and block.text == headline and headline_index is None and headline:
            headline_index = len(blocks)
        elif not block.in_article and block.hint != "deck":
            chrome += 1
            continue
        blocks.append(block)
    if headline_index is None:
        # No <h1>: the page's title names it; the article starts at its first block.
        blocks.insert(0, Block(HEADING, headline, level=1))
        headline_index = 0
    hints = [hint for hint in (page.h1, page.og_title, page.title, page.kicker) if hint]
    hints.extend(page.image_alts)  # a show named only by a picture's alt text: last
    parsed = _classify(blocks, headline_index, headline, "html", hints)
    if chrome:
        parsed.dropped = {PAGE_CHROME: chrome + parsed.dropped.pop(PAGE_CHROME, 0), **parsed.dropped}
    return parsed


def parse_recap(text: str, raw: bool = False) -> ParsedRecap:
    """A clean recap from an article. With `raw`, the text is kept as given (cleaned of
    control characters) with no headline or key moments taken out."""
    text = scrub_surrogates(clean_text(text))
    if not text.strip():
        raise EpisodeTuiError("the recap is empty")
    if raw:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        return ParsedRecap("raw", "", paragraphs, [], {})
    fmt = detect_format(text)
    if fmt == "html":
        parsed = _html_recap(text)
    else:
        blocks = line_blocks(text, markdown=fmt == "markdown")
        index = choose_headline(blocks, fmt == "markdown")
        headline = undoubled(_plain(blocks[index])) if index is not None else ""
        parsed = _classify(blocks, index, headline, fmt, [])
    if not parsed.paragraphs and not parsed.key_moments:
        raise EpisodeTuiError(
            "found no recap text in it (no paragraphs after taking out page furniture); "
            "use --raw to keep it as it is"
        )
    return parsed
