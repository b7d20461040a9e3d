"""What every list shape shares: the words that announce a list of key moments (a
label, a headline, a lead-in, a count), the plain text of a block, and an entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from episodetui.core.html_blocks import HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import sequence

KEY_MOMENTS_LABEL = re.compile(
    r"^(?:the\s+)?(?:(?:key|best|standout|stand-out|top|biggest|memorable|major)\s+(?:moments?|scenes)|highlights?|episode\s+highlights|best\s+bits)\b"
    r"(?:\s+(?:of|from|in)\s+.{0,40})?\s*:?\s*$"
    r"|^(?:명장면|(?:주요|핵심|베스트)\s*장면|하이라이트)\s*:?\s*$",
    re.I,
)
# "Moments that stayed with us", "Our favourite moments", "Highlights of the week"
_LABEL_WORDS = re.compile(r"\b(?:moments?|highlights?|best\s+bits|standout\s+scenes|best\s+scenes)\b", re.I)
# A headline that announces a listicle: "10 Biggest Moments", "Takeaways", "Best Moments"
LISTICLE_HEADLINE = re.compile(
    r"\b(?:moments?|takeaways?|highlights?|things\s+(?:we\s+)?learned|what\s+we\s+learned|best\s+bits|scenes|reasons|lessons"
    r"|favou?rite\s+(?:\w+\s+)?(?:bits|parts|things)|my\s+favou?rites|easter\s+eggs?|references|callbacks)\b",
    re.I,
)
# A lead-in sentence: "Here are the five biggest moments…", "The top five moments … are:"
LEAD_IN = re.compile(
    r"\b(?:here\s+(?:are|is)|here['’]s|the\s+top\b|(?:biggest|best|key|standout|memorable|sweetest|funniest|favou?rite)\s+(?:moments|scenes)"
    r"|takeaways|highlights|stood\s+out|let['’]s\s+get\s+to\s+it|what\s+we\s+learned|in\s+order|are\s+the\s+moments)\b|:\s*$",
    re.I,
)
# A lead-in that points at what follows ("Here are …", "These are the lines …", "…, ranked",
# "… are:", "The four biggest takeaways…"), not one that only talks about highlights
POINTS_AT = re.compile(
    r"\bhere\b|\bthese\s+(?:are|were)\b|\b(?:below|following|as\s+follows|ranked|in\s+order|stood\s+out)\b|\blet['’]s\b"
    r"|\bwe\s+(?:picked|chose|ranked|rounded\s+up|went\s+back)\b|\bthe\s+(?:top|best|biggest)\s+(?:\w+\s+)?(?:moments|scenes)\b"
    r"|\bare\s+the\s+(?:moments|scenes|lines)\b|[:…]\s*$|\.\.\.\s*$",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?…\"”’')\]]$")
_COUNT_WORDS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
# "the four moments", "5 Moments From …", "3 Scenes That …": how many the article promises
_COUNT = re.compile(
    r"\b(\d{1,2}|"
    + "|".join(_COUNT_WORDS)
    + r")\s+(?:\w+\s+){0,2}?(?:moments?|takeaways?|highlights?|scenes|things|reasons|lessons|bits)\b",
    re.I,
)


def words(text: str) -> int:
    return len(text.split())


def plain(block: Block) -> str:
    return block.text.strip().strip("*_#").strip()


def numbered(block: Block) -> tuple[int, str] | None:
    """(number, title) of a numbered line in any notation ("1. Title", "#1 Title",
    "No. 1: Title", "IV. Title", "Three — Title")."""
    found = sequence.marker(block.text)
    return (found.number, found.rest) if found else None


def is_label(block: Block) -> bool:
    """A heading over a list of key moments: "Key Moments", "Best moments:",
    "Moments that stayed with us" (short, not a sentence)."""
    if block.kind not in (HEADING, PARAGRAPH):
        return False
    text = plain(block).rstrip(":").strip()
    if KEY_MOMENTS_LABEL.match(text):
        return True
    return (
        words(text) <= 8
        and not re.search(r"[.!?]$", text)
        and bool(_LABEL_WORDS.search(text))
        and (block.kind == HEADING or plain(block).endswith(":") or words(text) <= 6)
    )


@dataclass
class Entry:
    title: str
    run_in: str = ""  # text on the title's own line, after the title: a body paragraph
    details: list[int] = field(default_factory=list)  # indexes of the paragraphs under it
    prefix: str = ""  # words every title of the list starts with ("Show ep. 12"): a hint for the guess
    captions: list[int] = field(default_factory=list)  # a picture's quip under the title: dropped


# "The 4 Biggest Shocks of …", "Five Things …": a count and a plural noun
_ANY_COUNT = re.compile(
    r"^(?:the\s+|our\s+|my\s+)?(\d{1,2}|" + "|".join(_COUNT_WORDS) + r")\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+s\b",
    re.I,
)


def promised(text: str, any_noun: bool = False) -> int | None:
    """How many entries a headline or lead-in promises ("the four moments", "8 Most WTF Moments")."""
    match = _COUNT.search(text) or (_ANY_COUNT.search(text) if any_noun else None)
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def without_shared_prefix(entries: dict[int, Entry]) -> dict[int, Entry]:
    """Titles that all start with the same words before a separator ("“Show” – The
    Arrival", "“Show” – The Empty Pool"): the shared part is not the title."""
    parts = [re.split(r"\s+[-–—|:]\s+|:\s+", entry.title, maxsplit=1) for entry in entries.values()]
    if len(parts) >= 2 and all(len(p) == 2 for p in parts) and len({p[0] for p in parts}) == 1:
        for entry, part in zip(entries.values(), parts, strict=True):
            entry.title, entry.prefix = part[1].strip(), part[0].strip()
    return entries


# Words that say an article asks: "Burning Questions", "what we still want to know",
# "everything we're wondering", "the mysteries left unanswered"
ASKS = re.compile(
    r"\bquestions\b|\bwant\s+to\s+know\b|\b(?:still\s+)?wondering\b|\bunanswered\b|\bmysteries\b|\bcan['’]t\s+stop\s+asking\b",
    re.I,
)


def _link_like(block: Block) -> bool:
    """A short line that is not a sentence: another article's headline, linked."""
    text = plain(block)
    return (
        block.kind in (PARAGRAPH, ITEM, HEADING)
        and 2 <= words(text) <= 12
        and not re.search(r"[.!…:;,\"”’')]$", text)
        and text[:1].isupper()
    )


def links_tail(body: list[Block], start: int, headline: str) -> int | None:
    """Where the page's tail of links starts, at `start` or after it: two to six short
    lines that are not sentences run to the page's end, one of them naming the
    headline's show ("Kestrel Point season 2: every episode ranked", "Who is the
    stranger on the Kestrel Point ferry?"). None when there is no such tail."""
    names = {w for w in re.findall(r"\b[A-Z][\w'’]{3,}", headline) if w.casefold() not in _COMMON}
    for index in range(max(start, len(body) - 6), len(body) - 1):
        tail = body[index:]
        if all(_link_like(b) for b in tail) and any(
            re.search(rf"\b{re.escape(name)}\b", b.text) for b in tail for name in names
        ):
            return index
    return None


# Capitalised words of a headline that do not name a show
_COMMON = {
    w.casefold()
    for w in "Episode Season Recap Review Moments Best Biggest Most Things Takeaways Questions Premiere Finale "
    "Every Ranked What Here This That From With After Before Part Chapter Week".split()
}
