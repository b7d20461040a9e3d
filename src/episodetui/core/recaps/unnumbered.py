"""Unnumbered list titles: short title lines each followed by prose, after a headline
or lead-in that says the article is a list of moments, and question titles under a
headline or lead-in about questions."""

from __future__ import annotations

import re

from episodetui.core.html_blocks import HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps.list_shapes import (
    ASKS,
    LEAD_IN,
    LISTICLE_HEADLINE,
    POINTS_AT,
    SENTENCE_END,
    Entry,
    is_label,
    links_tail,
    numbered,
    plain,
    promised,
    without_shared_prefix,
    words,
)


def page_end(body: list[Block], index: int, headline: str = "") -> bool:
    """Nothing after a list but a line or two that are not prose ("More Show coverage",
    "Share this story"), or a tail of links to more coverage of the show: the page's
    end, which does not stop the list from reaching it."""
    tail = body[index:]
    return (
        len(tail) <= 2
        and all(
            block.kind == PARAGRAPH and words(plain(block)) <= 6 and not re.search(r"[.!?…:]$", plain(block))
            for block in tail
        )
    ) or links_tail(body, index, headline) == index


def title_line(block: Block, colon: bool = False) -> bool:
    """A short line that is not a sentence; a heading's markup says it is a title, so
    it may end like one ("### Bram is still Bram. Kind of?"); a line that is nothing but
    one quotation is a title too ('"I counted the spoons. There are eleven."'), and a
    bulleted one ("• Nessa burns the ledger"). `colon`: titles that end with a colon."""
    text = plain(block)
    if colon:
        if not text.endswith(":"):
            return False
        text = text[:-1].rstrip()
    ending = r"[:;,]$" if block.kind == HEADING else r"[.!?:;,]$"
    return (
        block.kind in (PARAGRAPH, HEADING, ITEM)
        and (1 <= words(text) <= 10 and not re.search(ending, text) or quote_line(block))
        and not numbered(block)
        and not is_label(block)
    )


_QUOTE_LINE = re.compile(r"^([\"“])[^\"“”]+[\"”]$")


def quote_line(block: Block) -> bool:
    """A line that is only a quotation, a line of dialogue ('"Then I'll carry it."'),
    short enough to be said in one breath."""
    return (
        block.kind in (PARAGRAPH, HEADING)
        and words(block.text) <= 20
        and bool(_QUOTE_LINE.match(plain(block)))
    )


def is_prose(block: Block) -> bool:
    return block.kind == PARAGRAPH and (bool(SENTENCE_END.search(plain(block))) or words(block.text) >= 12)


def unnumbered_entries(headline: str, body: list[Block]) -> dict[int, Entry]:
    """Short title lines, each followed by prose, after a headline or lead-in that says
    the article is a list of moments; as many as it promises, when it says how many.
    A title line right under a lead-in ("…here are the moments that surprised us") is
    where the list starts; else the first title line."""
    starts = [
        i
        for i, block in enumerate(body)
        if title_line(block)
        or (title_line(block, colon=True) and i + 1 < len(body) and is_prose(body[i + 1]))
    ]
    led = [i for i in starts if i and is_prose(body[i - 1]) and LEAD_IN.search(plain(body[i - 1]))]
    for start in led + [i for i in starts[:1] if i not in led]:
        entries = _unnumbered_from(headline, body, start)
        if entries:
            return without_shared_prefix(entries)
    return {}


def _unnumbered_from(headline: str, body: list[Block], start: int) -> dict[int, Entry]:
    first = start
    if _list_heading_over(body, start):
        start += 1  # "## What We Learned" over "### Title" headings: the list's own heading
    lead_in = plain(body[first - 1]) if first and is_prose(body[first - 1]) else ""
    if not (POINTS_AT.search(lead_in) or promised(lead_in) is not None):
        lead_in = (
            ""  # "The highlights of this season have all been quiet scenes, …": it describes, not announces
        )
    announced = [text for text in (lead_in, headline) if LISTICLE_HEADLINE.search(text)]
    counted = promised(headline, any_noun=True)
    if not announced and counted is None:
        return {}
    entries: dict[int, Entry] = {}
    index = start
    level = body[start].level if body[start].kind == HEADING else None
    quotes = quote_line(body[start])  # titles that are quotations: the next quotation is the next title
    colon = title_line(body[start], colon=True)  # "The Harbour Master's Confession:" over its text: all alike
    stop = links_tail(body, start + 1, headline) or len(body)
    while index < stop and title_line(body[index], colon) and _same_rank(body[index], level):
        if quote_line(body[index]) != quotes:
            break
        end = index + 1
        while end < stop and is_prose(body[end]) and not (quotes and quote_line(body[end])):
            end += 1
        if end == index + 1:
            break
        entries[index] = Entry(plain(body[index]).rstrip(":").strip(), "", list(range(index + 1, end)))
        index = end
    wanted = next((n for n in map(promised, announced) if n is not None), None)
    if not announced:
        wanted = counted  # "The 4 Biggest Shocks of …": only as many as it counts
    next_section = (
        index < len(body) and level is not None and body[index].kind == HEADING and body[index].level < level
    )
    if (
        len(entries) < 3
        or (wanted is not None and wanted != len(entries))
        or (index < len(body) and not next_section and not page_end(body, index, headline))
    ):
        return {}
    return entries


def _question_line(block: Block, longest: int = 14) -> bool:
    """One short question on its own line: "Who sent the second letter?"; in a list of
    them, one long one-sentence question too (`longest` words)."""
    text = plain(block)
    return (
        block.kind in (PARAGRAPH, HEADING)
        and 3 <= words(text) <= longest
        and text.endswith("?")
        and text[:1].isupper()
        and not re.search(r"[.!?…][\"”’')\]]?\s", text)
    )


def _alt_text(block: Block) -> bool:
    """A picture's alt text left in copied text: a few words, all in lower case, no
    punctuation ("the prioress", "harrowgate ending bell tower")."""
    text = plain(block)
    letters = [ch for ch in text if ch.isalpha()]
    return (
        block.kind == PARAGRAPH
        and 2 <= words(text) <= 8
        and bool(letters)
        and all(ch.islower() for ch in letters)
        and not re.search(r"[^\w\s'’-]", text)
    )


def question_entries(headline: str, body: list[Block]) -> dict[int, Entry]:
    """Question titles, each followed by prose, after a headline or lead-in about
    questions ("9 Burning Questions We Have After…"). The questions are the evidence:
    each ends with "?" and stands alone on its line. A short line right under every
    question (a picture's quip: "What's the plan, June?") is a caption, when every
    question has one; lower-case alt text between entries is skipped."""
    firsts = [i for i, b in enumerate(body) if _question_line(b)]
    if not firsts:
        return {}
    start = firsts[0]
    lead_in = plain(body[start - 1]) if start and is_prose(body[start - 1]) else ""
    if not (ASKS.search(headline) or ASKS.search(lead_in)):
        return {}
    entries: dict[int, Entry] = {}
    index = start
    alt: list[int] = []
    stop = links_tail(body, start + 1, headline) or len(body)
    while index < stop:
        if _alt_text(body[index]) and index + 1 < len(body) and _question_line(body[index + 1]):
            alt.append(index)
            index += 1
            continue
        longest = 30 if entries else 14  # the short questions before it make a long one a title
        if not _question_line(body[index], longest):
            break
        end = index + 1
        while (
            end < stop
            and is_prose(body[end])
            and not (end > index + 1 and _question_line(body[end], longest))
        ):
            end += 1
        if end == index + 1:
            break
        entries[index] = Entry(plain(body[index]), "", list(range(index + 1, end)))
        index = end
    if len(entries) < 3 or (index < len(body) and not page_end(body, index, headline)):
        return {}
    first = min(entries)
    entries[first].captions.extend(alt)  # alt text above a question: dropped with the list
    quipped = [e for e in entries.values() if _quip_over(body, e.details)]
    if len(quipped) >= 2 and len(quipped) * 3 >= len(entries) * 2:
        for entry in quipped:
            entry.captions, entry.details = entry.captions + entry.details[:1], entry.details[1:]
    return entries


def _quip_over(body: list[Block], details: list[int]) -> bool:
    """A few words under a title and over its much longer paragraph: a picture's quip."""
    if len(details) < 2:
        return False
    quip, text = words(body[details[0]].text), words(body[details[1]].text)
    return quip <= 8 and text >= 3 * quip


def _list_heading_over(body: list[Block], start: int) -> bool:
    block = body[start]
    return (
        block.kind == HEADING
        and bool(LISTICLE_HEADLINE.search(plain(block)))
        and start + 1 < len(body)
        and body[start + 1].kind == HEADING
        and body[start + 1].level > block.level
    )


def _same_rank(block: Block, level: int | None) -> bool:
    """Heading titles are all headings of one level; paragraph titles are not headings."""
    return block.kind != HEADING if level is None else block.kind == HEADING and block.level == level
