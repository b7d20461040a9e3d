"""Turn a recap article as users bring it (copied text, Markdown, a saved web page) into
a clean recap: its headline, its body paragraphs, its key moments, and a count of
everything that was taken out. Pure: text in, a ParsedRecap out; nothing is read,
fetched or stored here.

The pipeline: detect the format from the content, split it into blocks (heading,
paragraph, list item, caption), then, with one set of rules for all formats:
choose the headline (the line that looks like one, not the first short line), drop the
page furniture above and around it (`body`), cut trailing boilerplate, find the key moments (a
list under a "Key moments" heading, or the numbered titles of a "best moments" or
"takeaways" listicle), and drop captions, warnings, bylines and prompts in the body.
"""

from __future__ import annotations

import re
import unicodedata

from episodetui.core.encoding import scrub_surrogates
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.html_blocks import HEADING, ITEM, PARAGRAPH, Block, HtmlPage, read_html
from episodetui.core.recaps import furniture, lines
from episodetui.core.recaps.body import Drops, article_body, episode_under_title
from episodetui.core.recaps.guess import guess_episode
from episodetui.core.recaps.headline import choose_headline, undoubled
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
    IMAGE_CAPTION,
    PAGE_CHROME,
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


def _without_leading_symbols(text: str) -> str:
    """ "🔥 Gideon burns the cake", "★ The last dance": the pictographs that lead a title
    decorate it; the title is the words after them."""
    end = 0
    while end < len(text) and (
        unicodedata.category(text[end]) in ("So", "Sk", "Cf", "Mn") or text[end] in "\ufe0f\u200d"
    ):
        end += 1
    rest = text[end:]
    if end and rest[:1].isspace() and rest.strip():
        return rest.strip()
    return text


def _moment(text: str, detail: str = "") -> Moment:
    text = _without_leading_symbols(text.strip())
    match = _LEADING_TIME.match(text)
    if match:
        try:
            return Moment(text[match.end() :].strip(), parse_timestamp(match.group(1)), detail)
        except EpisodeTuiError:
            pass
    return Moment(text.strip(), None, detail)


def _classify(
    blocks: list[Block], headline_index: int | None, headline: str, fmt: str, hints: list[str]
) -> ParsedRecap:
    hints = list(hints)
    drop = Drops(fmt)
    dropped = drop.counts
    body = article_body(blocks, headline_index, headline, fmt, hints, drop)
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
            and not episode_under_title(blocks_only, position)
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
