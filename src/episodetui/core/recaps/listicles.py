"""Key moments from the shape of an article: a list under a "Key moments" heading, and
the titles of a "best moments" or "takeaways" listicle.

A listicle entry is a title and the paragraphs that come with it. Titles come in three
shapes, each seen across many real pages:

- numbered: "1. Title", "#1 Title", "No. 1: Title", "### 1) Title" (counting up or down),
  with the title alone on its line or run into its paragraph ("5. Best Comeback: When
  the mayor…", "1. **Title.** Text");
- bold-led list items: `<li><strong>Title.</strong> Text</li>`, "- **Title.** Text";
- list items that take turns, a title item then its text's items
  (`<li><strong>Title</strong></li><li>Text.</li>`);
- unnumbered short title lines each followed by a paragraph, only when the headline or
  a lead-in says the article is a list of moments (and how many, when it says so).

An entry's run-in text stays in the body as a paragraph; the title becomes a key moment
with the paragraphs as its detail. Numbered section headings of an ordinary review
(no such headline, no lead-in) stay headings.

Numbered and bold-led titles are found here; unnumbered and question titles in
`unnumbered`; the words that announce a list, and the entry, in `list_shapes`.
"""

from __future__ import annotations

import re

from episodetui.core.html_blocks import HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import sequence
from episodetui.core.recaps.list_shapes import (
    ASKS,
    KEY_MOMENTS_LABEL,
    LEAD_IN,
    LISTICLE_HEADLINE,
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
from episodetui.core.recaps.text_blocks import NUMBERED
from episodetui.core.recaps.unnumbered import question_entries, unnumbered_entries

__all__ = [
    "KEY_MOMENTS_LABEL",
    "SENTENCE_END",
    "is_label",
    "list_label",
    "listicle_entries",
    "numbered",
    "plain",
    "promised",
    "words",
]


def _bold_lead(block: Block, text: str) -> tuple[str, str] | None:
    """A bold title run into its text ("**Title.** Text", "<strong>1. Title</strong> text")."""
    lead = block.lead.strip()
    number = NUMBERED.match(lead)
    if number and not NUMBERED.match(text):
        lead = lead[number.end() :].strip()  # "<strong>1. Title</strong> text": the number is not the title
    if lead and text.startswith(lead) and len(text) > len(lead):
        return lead.rstrip(".:;–—- ").strip(), text[len(lead) :].lstrip(" .:;–—-").strip()
    return None


def _title_ok(title: str, alone: bool = False) -> bool:
    """A title does not end like a clause; one alone on its line may be a short
    sentence ("2. Otto can't keep a secret, and he knows it.")."""
    if not title or words(title) > 20:
        return False
    if alone and words(title) <= 12 and re.search(r"[.]$", title) and not title.endswith(".."):
        return True
    return not re.search(r"[.;,]$", title)


def _details(body: list[Block], start: int, end: int) -> list[int]:
    """The paragraphs under a title; under a list item's title, the unnumbered items
    after it in the same list too (`<li>5) Title</li><li>Its paragraph</li>`)."""
    kinds = (PARAGRAPH, ITEM) if start and body[start - 1].kind == ITEM else (PARAGRAPH,)
    return [i for i in range(start, end) if body[i].kind in kinds and not numbered(body[i])]


def _one_sentence_title(text: str, details: list[int]) -> tuple[str, str] | None:
    """An entry that is one sentence, alone on its line ("4. Without a second thought,
    Edwin offers them every coin for her."), with nothing under it or over its own
    paragraphs; a quotation too ('2. "Do you know how many people … on a gravestone?"'):
    the sentence is its title, when the entries around it are titles (the run's count
    decides)."""
    text = text.strip()
    if words(text) > 25 or not re.search(r"[.!?][\"”’']?$", text):
        return None
    if re.search(r"[.!?…][\"”’')\]]?\s+[\"“‘'(\[]?[A-Z]", text):
        return None  # two sentences: a numbered paragraph
    return text, ""


def _names_the_picture(text: str, title: str, headline: str) -> bool:
    """A picture's alt text right under a title: a few capitalised words, each one
    from the title or the headline ("Velmont Ada Corin" under "4. Ada & Corin Walk The
    Wreckage" in "Velmont Season 2 Finale: …")."""
    known = {word.casefold() for word in re.findall(r"[\w'’]+", f"{title} {headline}")}
    found = text.split()
    return (
        2 <= len(found) <= 6
        and all(re.fullmatch(r"[A-Z][\w'’]*|&", word) for word in found)
        and all(word == "&" or word.casefold() in known for word in found)
    )


def _marker(block: Block) -> sequence.Marker | None:
    """The number a block starts with; a bare one too when it starts a heading or sits
    before a bold title (`<span>1</span><strong>Title</strong>`); else the number an
    <ol> shows before an item that is a title (the page's text does not have it)."""
    bold_after = bool(block.lead) and block.text.endswith(block.lead) and block.text != block.lead
    found = sequence.marker(block.text, block.kind == HEADING or bold_after)
    if found is None and block.number and _item_title(block):
        return sequence.Marker(block.number, "ordered", plain(block))
    return found


def _numbered_entries(body: list[Block], headline: str = "") -> dict[int, Entry]:
    """Blocks whose numbers count 1..n or n..1 in one notation (or down from the number
    the headline promises), each a title followed by prose or with its prose run into
    the same line."""
    found = [
        (index, mark)
        for index, block in enumerate(body)
        if block.kind in (ITEM, HEADING, PARAGRAPH) and (mark := _marker(block))
    ]
    run = sequence.longest_count(found)
    top = promised(headline, any_noun=True)
    if len(run) < 3 and top is not None:
        run = sequence.countdown_from(found, top) or run
    if not run:
        return {}
    entries = {}
    tail = links_tail(body, run[-1][0] + 1, headline)
    for position, (index, mark) in enumerate(run):
        end = run[position + 1][0] if position + 1 < len(run) else (tail or len(body))
        details = _details(body, index + 1, end)
        block = body[index]
        split = (
            _bold_lead(block, mark.rest)
            or sequence.split_title(mark.rest, alone_ok=bool(details))
            or _one_sentence_title(mark.rest, details)
        )
        if split is None:
            return {}  # a numbered paragraph with no title in it: not a listicle
        title, run_in = split
        alt = (
            details[:1]
            if len(details) >= 2 and _names_the_picture(plain(body[details[0]]), title, headline)
            else []
        )
        entries[index] = Entry(title, run_in, details[len(alt) :], captions=alt)
    with_text = sum(bool(entry.details or entry.run_in) for entry in entries.values())
    if with_text * 2 < len(entries):
        return {}  # a plain numbered list, not titles with paragraphs (one title alone among them may be)
    return entries


def _bold_led_items(body: list[Block]) -> dict[int, Entry]:
    """A run of list items, or of paragraphs, that each start with a bold title and go
    on with text ("**The toast.** Gran stands up…"). Paragraph titles have two words at
    least and differ from each other: a run of "**Vera:** …" lines is a conversation."""
    entries: dict[int, Entry] = {}
    kind = None
    for index, block in enumerate(body):
        if block.kind in (ITEM, PARAGRAPH) and block.lead and block.kind == (kind or block.kind):
            title, run_in = _bold_lead(block, block.text.strip()) or ("", "")
            if _title_ok(title) and run_in and (block.kind == ITEM or words(title) >= 2):
                entries[index] = Entry(title, run_in)
                kind = block.kind
                continue
        if entries:
            break  # one run only
    titles = [entry.title.casefold() for entry in entries.values()]
    return entries if len(entries) >= 2 and len(set(titles)) == len(titles) else {}


def _alternating_items(body: list[Block]) -> dict[int, Entry]:
    """One list whose items take turns: a short title item, then the item or items of
    prose under it (`<li><strong>Title</strong></li><li>Its paragraph.</li>`, a page
    that put each entry's title and text in separate items). Every item of the run is
    one or the other, it starts with a title, and three titles at least."""
    entries: dict[int, Entry] = {}
    start = next((i for i, b in enumerate(body) if b.kind == ITEM and _item_title(b)), None)
    if start is None:
        return {}
    index = start
    while index < len(body) and body[index].kind == ITEM:
        end = index + 1
        while end < len(body) and body[end].kind == ITEM and _item_prose(body[end]):
            end += 1
        if not _item_title(body[index]) or end == index + 1:
            return {}  # an item that is neither, or a title with nothing under it
        entries[index] = Entry(plain(body[index]), "", list(range(index + 1, end)))
        index = end
    return entries if len(entries) >= 3 else {}


def _item_title(block: Block) -> bool:
    text = plain(block)
    return (
        1 <= words(text) <= 12 and not numbered(block) and _title_ok(text) and not text.endswith(("!", "?"))
    )


def _item_prose(block: Block) -> bool:
    text = plain(block)
    return words(text) >= 6 and bool(re.search(r"[.!?…\"”’')]$", text))


_COLON_LEAD = re.compile(r"^([^:.!?;]{3,80}?):\s+(?=[\"“‘'(]?[A-Z])")


def _colon_led_paragraphs(body: list[Block]) -> dict[int, Entry]:
    """Plain paragraphs in a row that each start with a title and a colon and go on
    with sentences ("The lighthouse goes dark: The final scene had…"): a list whose
    titles lost their bold. Titles have two words at least and differ from each other
    (a run of "Vera: …" lines is a conversation, "Plot: …" a review's fields)."""
    entries: dict[int, Entry] = {}
    for index, block in enumerate(body):
        lead = _COLON_LEAD.match(plain(block)) if block.kind == PARAGRAPH else None
        rest = plain(block)[lead.end() :] if lead else ""
        if lead and 2 <= words(lead.group(1)) <= 10 and words(rest) >= 8 and _title_ok(lead.group(1)):
            entries[index] = Entry(lead.group(1).strip(), rest)
            continue
        if entries:
            break  # one run only
    titles = [entry.title.casefold() for entry in entries.values()]
    return entries if len(entries) >= 3 and len(set(titles)) == len(titles) else {}


# A lead-in says what its list holds: moments, scenes, takeaways, "what happened" (not
# "the biggest winners, ranked": a ranking of characters is not a list of moments)
_NAMES_EVENTS = re.compile(
    LISTICLE_HEADLINE.pattern
    + r"|\b(?:what|everything\s+that)\s+happened\b|\btook\s+(?:away|from)\b|\bstood\s+out\b|\blearned\b",
    re.I,
)


def _evidence(headline: str, body: list[Block], entries: dict[int, Entry], prior: bool = True) -> bool:
    """The headline or the lines right above the first title say the article is a
    list: words that name one, or a count the entries make exactly ("The 5 most
    shocking deaths …" over 5 numbered titles)."""
    first_title = min(entries)
    if LISTICLE_HEADLINE.search(headline) or ASKS.search(headline):
        return True  # "Burning Questions" over numbered questions; not a thread's "Questions of the day:"
    if promised(headline, any_noun=True) == len(entries) >= 3:
        return True
    before = [b for b in body[max(0, first_title - 2) : first_title] if b.kind in (PARAGRAPH, HEADING)]
    return any(
        is_label(b)
        or (LEAD_IN.search(plain(b)) and _NAMES_EVENTS.search(plain(b)))
        or (b.kind == HEADING and LISTICLE_HEADLINE.search(plain(b)))
        for b in before
    ) or (prior and _titles_over_prose(headline, entries))


# The nouns of a review's sections ("2. The performances", "5. Verdict"): a run of
# numbered titles made of these is the review's outline, not a list of moments.
_SECTION_NOUNS = re.compile(
    r"^(?:the\s+|my\s+|our\s+|final\s+)?(?:introduction|intro|synopsis|summary|recap|plot(?:\s+analysis)?|story(?:\s+so\s+far)?"
    r"|characters?(?:\s+development)?|performances?|acting|cast|direction|directing|writing|script|cinematography|visuals"
    r"|music|soundtrack|score|themes?(?:\s+and\s+messages)?|pacing|production|verdict|conclusion|thoughts|overall|rating"
    r"|the\s+good|the\s+bad|pros|cons|impact(?:\s+and\s+conclusion)?|bottom\s+line)\b",
    re.I,
)
_REVIEW_HEADLINE = re.compile(
    r"\b(?:reviews?|reviewed|rank(?:s|ed|ings?)?|winners?|losers?|report\s+cards?|grades?)\b", re.I
)


def _titles_over_prose(headline: str, entries: dict[int, Entry]) -> bool:
    """The prior flipped: three or more numbered titles in a row, each alone on its line
    with prose under it, are a list of moments unless the evidence says they are a
    review's sections (a section noun among the titles, a review or ranking headline, a
    headline that promises another count).
    Titles run into their text ("1. Queen Adela: Just when…") are too often a ranking's
    names or a recap's steps to count without other evidence."""
    if len(entries) < 3 or not all(entry.details and not entry.run_in for entry in entries.values()):
        return False
    if _REVIEW_HEADLINE.search(headline) or promised(headline, any_noun=True) not in (None, len(entries)):
        return False  # a review, a ranking, or a headline that counts something else
    return not any(_SECTION_NOUNS.match(entry.title.strip()) for entry in entries.values())


def list_label(body: list[Block], entries: dict[int, Entry]) -> int | None:
    """The heading right above a listicle's first entry that names the list ("Three
    scenes I loved"): it belongs to the list, not to the body."""
    first = min(entries, default=0)
    if first == 0:
        return None
    block = body[first - 1]
    text = plain(block)
    if (
        (block.kind == HEADING or text.endswith(":"))
        and words(text) <= 8
        and not SENTENCE_END.search(text)
        and not re.search(r"[.!?;](?=\s)", text)  # "Finally caught up. My favourite bits:": a sentence first
    ):
        if is_label(block) or LISTICLE_HEADLINE.search(text):
            return first - 1
    if block.kind == PARAGRAPH and text.endswith(":") and words(text) <= 8 and not re.search(r"[.!?;]", text):
        return first - 1  # "Here were the biggest surprises:": it only points at the list
    if (
        block.kind == PARAGRAPH
        and re.match(r"here\s+(?:are|is|were)\b|here['’]s\b", text, re.I)
        and text.endswith(":")
        and words(text) <= 16
        and not re.search(r"[.!?;](?=\s)", text)
    ):
        return first - 1  # 'Here are 4 questions we have after episode 2, "Low Water":' points at it too
    if (
        block.kind == PARAGRAPH
        and re.match(r"(?:a\s+|the\s+)?list\s+of\b", text, re.I)
        and words(text) <= 16
        and not SENTENCE_END.search(text)
    ):
        return first - 1  # "List of key easter eggs and references in Show Episode 3": the list's label
    return None


def listicle_entries(headline: str, body: list[Block]) -> dict[int, Entry]:
    """The entries of a listicle, by the index of their title block; empty when the
    article is not one."""
    for entries in (_numbered_entries(body, headline), _bold_led_items(body), _colon_led_paragraphs(body)):
        if entries and _evidence(headline, body, entries):
            return without_shared_prefix(entries)
    entries = _alternating_items(body)  # unnumbered titles: the prior for numbered ones does not hold
    if entries and _evidence(headline, body, entries, prior=False):
        return entries
    return question_entries(headline, body) or unnumbered_entries(headline, body)
