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

from episodetui.core.encoding import scrub_surrogates
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.html_blocks import CAPTION, HEADING, ITEM, PARAGRAPH, Block, read_html
from episodetui.core.recaps import furniture
from episodetui.core.recaps.guess import guess_episode
from episodetui.core.recaps.model import (
    BOILERPLATE,
    IMAGE_CAPTION,
    SPOILER_WARNING,
    PAGE_CHROME,
    Moment,
    ParsedRecap,
)
from episodetui.core.recaps.text_blocks import BULLET, NUMBERED, detect_format, line_blocks
from episodetui.core.text import clean_text, parse_timestamp

KEY_MOMENTS_LABEL = re.compile(
    r"^(?:the\s+)?(?:(?:key|best|standout|stand-out|top|biggest|memorable|major)\s+moments?|highlights?|episode\s+highlights|best\s+bits)\b"
    r"(?:\s+(?:of|from|in)\s+.{0,40})?\s*:?\s*$"
    r"|^(?:명장면|(?:주요|핵심|베스트)\s*장면|하이라이트)\s*:?\s*$",
    re.I,
)
# "Moments that stayed with us", "Our favourite moments", "Highlights of the week"
_LABEL_WORDS = re.compile(r"\b(?:moments?|highlights?|best\s+bits|standout\s+scenes|best\s+scenes)\b", re.I)
# A line that only names the episode: "Season 1, Episode 8", "S01E08", "Episode 6"
EPISODE_LINE = re.compile(
    r"^(?:season\s+\w+\s*[,:·|-]?\s*)?(?:episode|ep\.?|chapter|part)\s*\w+$|^s\d{1,3}\s*e\d{1,4}$|^season\s+\w+$", re.I
)
# A headline that announces a listicle: "10 Biggest Moments", "Takeaways", "Best Moments"
LISTICLE_HEADLINE = re.compile(
    r"\b(?:moments?|takeaways?|highlights?|things\s+(?:we\s+)?learned|what\s+we\s+learned|best\s+bits|scenes|reasons|lessons)\b",
    re.I,
)
# A lead-in sentence: "Here are the five biggest moments…", "The top five moments … are:"
LEAD_IN = re.compile(
    r"\b(?:here\s+(?:are|is)|here['’]s|the\s+top\b|(?:biggest|best|key|standout|memorable|sweetest|funniest|favou?rite)\s+(?:moments|scenes)"
    r"|takeaways|highlights|stood\s+out|let['’]s\s+get\s+to\s+it|what\s+we\s+learned|in\s+order|are\s+the\s+moments)\b|:\s*$",
    re.I,
)
_KEYWORDS = re.compile(
    r"\b(?:recap|review|episode|episodes|ep|discussion|moments|takeaways|thoughts|chapter|part|premiere|finale|highlights|impressions)\b|\d화|\d회",
    re.I,
)
_LEADING_TIME = re.compile(r"^\(?\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?\)?\s*[-–—:]?\s+")
_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]$")


def _words(text: str) -> int:
    return len(text.split())


def _plain(block: Block) -> str:
    return block.text.strip().strip("*_#").strip()


def _numbered(block: Block) -> tuple[int, str] | None:
    """(number, title) of a numbered line ("1. Title", "#1 Title", "No. 1: Title")."""
    match = NUMBERED.match(block.text)
    if not match:
        return None
    return int(match.group(1) or match.group(2) or match.group(3)), block.text[match.end():].strip()


def _is_label(block: Block) -> bool:
    """A heading over a list of key moments: "Key Moments", "Best moments:",
    "Moments that stayed with us" (short, not a sentence)."""
    if block.kind not in (HEADING, PARAGRAPH):
        return False
    text = _plain(block).rstrip(":").strip()
    if KEY_MOMENTS_LABEL.match(text):
        return True
    return _words(text) <= 8 and not re.search(r"[.!?]$", text) and bool(_LABEL_WORDS.search(text)) and (
        block.kind == HEADING or _plain(block).endswith(":") or _words(text) <= 6
    )


def _is_bare_heading(text: str) -> bool:
    return _words(text) <= 6 and not _SENTENCE_END.search(text) and not text.startswith("•") and not NUMBERED.match(text)


def _moment(text: str, detail: str = "") -> Moment:
    match = _LEADING_TIME.match(text)
    if match:
        try:
            return Moment(text[match.end():].strip(), parse_timestamp(match.group(1)), detail)
        except EpisodeTuiError:
            pass
    return Moment(text.strip(), None, detail)


# ------------------------------------------------------------------- headline


def _headline_score(block: Block, index: int, markdown: bool) -> float | None:
    text = _plain(block)
    n = _words(text)
    if block.kind in (ITEM, CAPTION) or n > 25 or len(text) > 300 or furniture.kind_of_drop(block) or furniture.is_trailing(text):
        return None
    if (_is_label(block) and guess_episode(text) == (None, None)) or NUMBERED.match(block.text) or EPISODE_LINE.match(text):
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
    if _KEYWORDS.search(text):
        score += 3
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and n <= 5:
        score -= 4
    if re.search(r"\.$", text) and not text.endswith("..."):
        score -= 6
    return score


def _choose_headline(blocks: list[Block], markdown: bool) -> int | None:
    """Index of the block that looks like the headline, among those before the body."""
    candidates: list[tuple[float, int]] = []
    for index, block in enumerate(blocks[:14]):
        if block.kind == PARAGRAPH and _words(block.text) >= 25 and not furniture.kind_of_drop(block):
            break  # the body has started
        score = _headline_score(block, index, markdown)
        if score is not None:
            candidates.append((score, -index))
    if not candidates:
        return None
    score, negative_index = max(candidates)
    if score < -1:
        first = next((i for i, b in enumerate(blocks) if not furniture.kind_of_drop(b)), None)
        if (
            first is not None
            and blocks[first].kind in (HEADING, PARAGRAPH)
            and _words(blocks[first].text) <= 25
            and not re.search(r"[.]$", _plain(blocks[first]))  # a sentence is body text
        ):
            return first
        return None
    return -negative_index


def _body_starts(block: Block) -> bool:
    """The first block that is the recap rather than the page around its headline."""
    text = _plain(block)
    if block.kind == ITEM or _is_label(block) or _numbered(block):
        return True
    return bool(_SENTENCE_END.search(text)) or _words(text) >= 12 or len(text) > 300 or block.hint == "deck"


# ------------------------------------------------------------------ listicles


def _listicle_entries(body: list[Block]) -> list[tuple[int, list[int]]]:
    """Numbered titles each followed by at least one paragraph: (title index, detail
    indexes). Empty when the body is not shaped like that."""
    titles = []
    for index, block in enumerate(body):
        numbered = _numbered(block)
        if numbered and block.kind in (ITEM, HEADING, PARAGRAPH):
            number, title = numbered
            if _words(title) <= 20 and not re.search(r"[.;,]$", title):
                titles.append((index, number))
    if len(titles) < 2:
        return []
    numbers = [number for _, number in titles]
    first = numbers[0]
    step = 1 if first == 1 else -1
    if numbers != list(range(first, first + step * len(numbers), step)) or (step == -1 and numbers[-1] != 1):
        return []
    entries = []
    for position, (index, _) in enumerate(titles):
        end = titles[position + 1][0] if position + 1 < len(titles) else len(body)
        details = [i for i in range(index + 1, end) if body[i].kind == PARAGRAPH and not _numbered(body[i])]
        if position + 1 < len(titles) and not details:
            return []  # a plain numbered list, not titles with paragraphs
        if position + 1 == len(titles) and not details:
            return []
        entries.append((index, details))
    return entries


def _listicle_evidence(headline: str, body: list[Block], first_title: int) -> bool:
    if LISTICLE_HEADLINE.search(headline):
        return True
    before = [b for b in body[max(0, first_title - 2):first_title] if b.kind in (PARAGRAPH, HEADING)]
    return any(_is_label(b) or LEAD_IN.search(_plain(b)) for b in before)


# -------------------------------------------------------------------- classify


def _classify(blocks: list[Block], headline_index: int | None, headline: str, fmt: str, hints: list[str]) -> ParsedRecap:
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
    for index, block in enumerate(blocks[:start]):
        if index == headline_index:
            continue
        drop(furniture.kind_of_drop(block) or PAGE_CHROME, block, index)

    body: list[tuple[int, Block]] = []
    in_header = True
    rest = list(enumerate(blocks))[start:]
    # the last substantial paragraph: a share bar before it is mid-article, not the tail
    last_substantial = max((p for p, (_, b) in enumerate(rest) if _words(b.text) >= 25 and not b.hint), default=-1)
    for position, (index, block) in enumerate(rest):
        text = _plain(block)
        if block.kind in (HEADING, PARAGRAPH) and furniture.is_trailing(text):
            if body:
                dropped[BOILERPLATE] += len(rest) - position
                break
            dropped[BOILERPLATE] += 1  # a "Related" link above the article
            continue
        if furniture.is_weak_trailing(text) and last_substantial < position:
            dropped[BOILERPLATE] += len(rest) - position
            break
        kind = furniture.kind_of_drop(block)
        if kind:
            if kind == SPOILER_WARNING and guess_episode(text) != (None, None):
                hints.append(text)  # "Spoilers for season 2, episode 7 of …": for the guess
            drop(kind, block, index)
            continue
        if in_header and not _body_starts(block):
            if EPISODE_LINE.match(text):
                hints.append(text)  # "Season 1, Episode 8" under the headline: for the guess
            drop(PAGE_CHROME, block, index)
            continue
        in_header = False
        body.append((index, block))

    blocks_only = [block for _, block in body]
    entries = _listicle_entries(blocks_only)
    listicle_titles: dict[int, list[int]] = {}
    if entries and _listicle_evidence(headline, blocks_only, entries[0][0]):
        listicle_titles = dict(entries)

    paragraphs: list[str] = []
    moments: list[Moment] = []
    in_key_moments = False
    for position, (index, block) in enumerate(body):
        text = block.text.strip()
        if position in listicle_titles:
            title = _numbered(block)[1]
            detail = "\n\n".join(blocks_only[i].text.strip() for i in listicle_titles[position])
            moments.append(_moment(title.strip("*_ "), detail))
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
        if block.kind == PARAGRAPH and furniture.looks_like_caption(text, headline):
            drop(IMAGE_CAPTION, block, index)
            continue
        if block.kind == ITEM and not _numbered(block) and not BULLET.match(text):
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


def _heading_in_title(page) -> str:
    """A page with no <h1> (many blog themes): the first heading that the page's
    <title> repeats is its headline."""
    title = " ".join(page.title.casefold().split())
    for block in page.blocks:
        if block.kind == HEADING and block.text and _words(block.text) >= 2 and block.text.casefold() in title:
            return block.text
    return ""


def _title_without_site(title: str) -> str:
    """"Headline | Site Name" or "Headline – Site": the part that is not the site."""
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
        index = _choose_headline(blocks, fmt == "markdown")
        headline = _plain(blocks[index]) if index is not None else ""
        parsed = _classify(blocks, index, headline, fmt, [])
    if not parsed.paragraphs and not parsed.key_moments:
        raise EpisodeTuiError(
            "found no recap text in it (no paragraphs after taking out page furniture); "
            "use --raw to keep it as it is"
        )
    return parsed
