"""Key moments from the shape of an article: a list under a "Key moments" heading, and
the titles of a "best moments" or "takeaways" listicle.

A listicle entry is a title and the paragraphs that come with it. Titles come in three
shapes, each seen across many real pages:

- numbered: "1. Title", "#1 Title", "No. 1: Title", "### 1) Title" (counting up or down),
  with the title alone on its line or run into its paragraph ("5. Best Comeback: When
  the mayor…", "1. **Title.** Text");
- bold-led list items: `<li><strong>Title.</strong> Text</li>`, "- **Title.** Text";
- unnumbered short title lines each followed by a paragraph, only when the headline or
  a lead-in says the article is a list of moments (and how many, when it says so).

An entry's run-in text stays in the body as a paragraph; the title becomes a key moment
with the paragraphs as its detail. Numbered section headings of an ordinary review
(no such headline, no lead-in) stay headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from episodetui.core.html_blocks import HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import sequence
from episodetui.core.recaps.text_blocks import NUMBERED

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
    """An entry that is one sentence and nothing under it ("4. Without a second
    thought, Edwin offers them every coin for her."): the sentence is its title, when
    the entries around it are titles (the run's count decides)."""
    text = text.strip()
    if details or words(text) > 25 or not re.search(r"[.!?]$", text):
        return None
    if re.search(r"[.!?…][\"”’')\]]?\s+[\"“‘'(\[]?[A-Z]", text):
        return None  # two sentences: a numbered paragraph
    return text, ""


def _numbered_entries(body: list[Block], headline: str = "") -> dict[int, Entry]:
    """Blocks whose numbers count 1..n or n..1 in one notation (or down from the number
    the headline promises), each a title followed by prose or with its prose run into
    the same line."""
    found = [
        (index, mark)
        for index, block in enumerate(body)
        if block.kind in (ITEM, HEADING, PARAGRAPH)
        and (mark := sequence.marker(block.text, block.kind == HEADING))
    ]
    run = sequence.longest_count(found)
    top = promised(headline, any_noun=True)
    if len(run) < 3 and top is not None:
        run = sequence.countdown_from(found, top) or run
    if not run:
        return {}
    entries = {}
    for position, (index, mark) in enumerate(run):
        end = run[position + 1][0] if position + 1 < len(run) else len(body)
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
        entries[index] = Entry(title, run_in, details)
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


def _title_line(block: Block) -> bool:
    """A short line that is not a sentence; a heading's markup says it is a title, so
    it may end like one ("### Bram is still Bram. Kind of?")."""
    text = plain(block)
    ending = r"[:;,]$" if block.kind == HEADING else r"[.!?:;,]$"
    return (
        block.kind in (PARAGRAPH, HEADING)
        and 1 <= words(text) <= 10
        and not re.search(ending, text)
        and not numbered(block)
        and not is_label(block)
    )


def _is_prose(block: Block) -> bool:
    return block.kind == PARAGRAPH and (bool(SENTENCE_END.search(plain(block))) or words(block.text) >= 12)


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


def _unnumbered_entries(headline: str, body: list[Block]) -> dict[int, Entry]:
    """Short title lines, each followed by prose, after a headline or lead-in that says
    the article is a list of moments; as many as it promises, when it says how many.
    A title line right under a lead-in ("…here are the moments that surprised us") is
    where the list starts; else the first title line."""
    starts = [i for i, block in enumerate(body) if _title_line(block)]
    led = [i for i in starts if i and _is_prose(body[i - 1]) and LEAD_IN.search(plain(body[i - 1]))]
    for start in led + [i for i in starts[:1] if i not in led]:
        entries = _unnumbered_from(headline, body, start)
        if entries:
            return _without_shared_prefix(entries)
    return {}


def _unnumbered_from(headline: str, body: list[Block], start: int) -> dict[int, Entry]:
    first = start
    if _list_heading_over(body, start):
        start += 1  # "## What We Learned" over "### Title" headings: the list's own heading
    lead_in = plain(body[first - 1]) if first and _is_prose(body[first - 1]) else ""
    announced = [text for text in (lead_in, headline) if LISTICLE_HEADLINE.search(text)]
    counted = promised(headline, any_noun=True)
    if not announced and counted is None:
        return {}
    entries: dict[int, Entry] = {}
    index = start
    level = body[start].level if body[start].kind == HEADING else None
    while index < len(body) and _title_line(body[index]) and _same_rank(body[index], level):
        end = index + 1
        while end < len(body) and _is_prose(body[end]):
            end += 1
        if end == index + 1:
            break
        entries[index] = Entry(plain(body[index]), "", list(range(index + 1, end)))
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
        or (index < len(body) and not next_section)
    ):
        return {}
    return entries


_ASKS = re.compile(r"\bquestions\b", re.I)


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


def _question_entries(headline: str, body: list[Block]) -> dict[int, Entry]:
    """Question titles, each followed by prose, after a headline or lead-in about
    questions ("9 Burning Questions We Have After…"). The questions are the evidence:
    each ends with "?" and stands alone on its line. A short line right under every
    question (a picture's quip: "What's the plan, June?") is a caption, when every
    question has one; lower-case alt text between entries is skipped."""
    firsts = [i for i, b in enumerate(body) if _question_line(b)]
    if not firsts:
        return {}
    start = firsts[0]
    lead_in = plain(body[start - 1]) if start and _is_prose(body[start - 1]) else ""
    if not (_ASKS.search(headline) or _ASKS.search(lead_in)):
        return {}
    entries: dict[int, Entry] = {}
    index = start
    alt: list[int] = []
    while index < len(body):
        if _alt_text(body[index]) and index + 1 < len(body) and _question_line(body[index + 1]):
            alt.append(index)
            index += 1
            continue
        longest = 30 if entries else 14  # the short questions before it make a long one a title
        if not _question_line(body[index], longest):
            break
        end = index + 1
        while (
            end < len(body)
            and _is_prose(body[end])
            and not (end > index + 1 and _question_line(body[end], longest))
        ):
            end += 1
        if end == index + 1:
            break
        entries[index] = Entry(plain(body[index]), "", list(range(index + 1, end)))
        index = end
    if len(entries) < 3 or index < len(body):
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


def _without_shared_prefix(entries: dict[int, Entry]) -> dict[int, Entry]:
    """Titles that all start with the same words before a separator ("“Show” – The
    Arrival", "“Show” – The Empty Pool"): the shared part is not the title."""
    parts = [re.split(r"\s+[-–—|:]\s+|:\s+", entry.title, maxsplit=1) for entry in entries.values()]
    if len(parts) >= 2 and all(len(p) == 2 for p in parts) and len({p[0] for p in parts}) == 1:
        for entry, part in zip(entries.values(), parts, strict=True):
            entry.title, entry.prefix = part[1].strip(), part[0].strip()
    return entries


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


# A lead-in says what its list holds: moments, scenes, takeaways, "what happened" (not
# "the biggest winners, ranked": a ranking of characters is not a list of moments)
_NAMES_EVENTS = re.compile(
    LISTICLE_HEADLINE.pattern
    + r"|\b(?:what|everything\s+that)\s+happened\b|\btook\s+(?:away|from)\b|\bstood\s+out\b|\blearned\b",
    re.I,
)


def _evidence(headline: str, body: list[Block], entries: dict[int, Entry]) -> bool:
    """The headline or the lines right above the first title say the article is a
    list: words that name one, or a count the entries make exactly ("The 5 most
    shocking deaths …" over 5 numbered titles)."""
    first_title = min(entries)
    if LISTICLE_HEADLINE.search(headline) or _ASKS.search(headline):
        return True  # "Burning Questions" over numbered questions; not a thread's "Questions of the day:"
    if promised(headline, any_noun=True) == len(entries) >= 3:
        return True
    before = [b for b in body[max(0, first_title - 2) : first_title] if b.kind in (PARAGRAPH, HEADING)]
    return any(
        is_label(b)
        or (LEAD_IN.search(plain(b)) and _NAMES_EVENTS.search(plain(b)))
        or (b.kind == HEADING and LISTICLE_HEADLINE.search(plain(b)))
        for b in before
    ) or _titles_over_prose(headline, entries)


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
    if (block.kind == HEADING or text.endswith(":")) and words(text) <= 8 and not SENTENCE_END.search(text):
        if is_label(block) or LISTICLE_HEADLINE.search(text):
            return first - 1
    if block.kind == PARAGRAPH and text.endswith(":") and words(text) <= 8 and not re.search(r"[.!?;]", text):
        return first - 1  # "Here were the biggest surprises:": it only points at the list
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
            return _without_shared_prefix(entries)
    return _question_entries(headline, body) or _unnumbered_entries(headline, body)
