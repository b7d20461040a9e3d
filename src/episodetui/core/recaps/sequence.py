"""Numbered sequences, read by their structure rather than by one site's punctuation.

A listicle numbers its entries: `1.`, `#1`, `(1)`, `[1]`, `No. 1:`, `1 -`, `1/`, `Moment 1:`,
`1.-`, `1 .`, `1️⃣`, `1º`, `1 of 3:`, `Title (1)`, `I.`, `IV:`, `One —`, `Five:`, `First:`, a number glued to its title by a page's markup
(`1The Hope Is Back`, from `<span>1</span>The Hope…`), in text, headings or list items. What makes them a list
is not the punctuation but the sequence: numbers of one notation that count 1..n or
n..1 at the starts of blocks. Each entry's text is then a title, alone on its line or
followed on the same line by its paragraph; the two are told apart by structure:

1. a separator after a short title (": ", " – ", " — ", " - ", " | ");
2. else the end of a short first sentence ("The tailor's confession. Mr. Pike has…");
3. else the whole line, when it is short;
4. else a run of capitalised words before the paragraph's first sentence ("Worst
   Timing The storm knocks…": the title is the run without its last word).

Slide counters ("2 of 20 Network", "01 of 05", "3/4") are the same idea: numbers that
count 1..n of one total at the starts of short lines; they number pictures, not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPELLED = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
    if value
} | {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
    if value
}
_ROMAN = {
    numeral: value
    for value, numeral in enumerate(
        "_ I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
    )
    if value
}
_SEP = r"[.):\]\-–—|]"
_MARKER = re.compile(
    r"^\s*(?:"
    r"(?:#|No\.|Nr\.|Number)\s?(?P<hash>\d{1,3})\s*[.):\-–—]?"
    r"|[(\[](?P<paren>\d{1,3})[)\]]"
    r"|(?P<of>\d{1,3})\s+of\s+\d{1,3}\s*[:.)\-–—]"
    r"|(?P<digit>\d{1,3})(?:[ºª°]\.?(?=\s+[\"“‘'A-Z])|\.\)|\.\s?[-–—]|\s?[.)](?=\s)|[.):](?!\d)|/(?=\s)|\ufe0f?\u20e3|\s*[-–—|](?!\d))"
    r"|(?P<roman>[IVX]{1,5})\s*"
    + _SEP
    + r"|(?P<spelled>"
    + "|".join(sorted(_SPELLED, key=len, reverse=True))
    + r")\s*"
    r"[.):\-–—]"
    r"|(?:[A-Za-z]+\s+)?(?:moment|takeaway|scene|reason|lesson|highlight|thing)\s+#?(?P<word>\d{1,3})(?:\s+of\s+\d{1,3})?\s*[.:\-–—]"
    r"|(?P<bare>\d{1,2})\s+(?=[\"“‘'A-Z])"
    r"|(?P<glued>\d{1,2})(?=[A-Z][a-z’']|[AI]\s)"
    r")\s*(?=\S)",
    re.I,
)
_SMALL = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with", "from", "vs"}
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|Prof|Capt|Gen|Lt|Sgt)\.$")
_SEPARATOR = re.compile(r"(?::|\s[-–—|])\s+")
_SENTENCE = re.compile(r"[.!?…](?:[\"”’')\]])?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
TITLE_WORDS = 12  # a title is a few words; a paragraph is more


@dataclass(frozen=True)
class Marker:
    number: int
    notation: str  # "digit", "hash", "paren", "roman", "spelled" or "word"
    rest: str  # the text after the marker


# "The ferry that doesn't come (1)": a short title numbered at its end
_TRAILING = re.compile(r"^\s*(?P<rest>[^\W\d][^()]{1,100}?)\s+\((?P<trail>\d{1,2})\)\s*$")


def _trailing(text: str) -> Marker | None:
    match = _TRAILING.match(text)
    if not match or _words(match.group("rest")) > TITLE_WORDS or re.search(r"[.!?,;:]$", match.group("rest")):
        return None
    return Marker(int(match.group("trail")), "trailing", match.group("rest").strip())


def marker(text: str, heading: bool = False) -> Marker | None:
    """The number a block starts with, in any notation, and the text after it. A bare
    number with no punctuation ("01 The tide chart") counts when it is zero-padded or
    starts a heading: in a paragraph, "3 Scenes That…" or "10 minutes later" are words."""
    match = _MARKER.match(text)
    if not match:
        return _trailing(text)
    notation = next(name for name, value in match.groupdict().items() if value)
    if notation == "bare" and not (heading or match.group("bare").startswith("0")):
        return None
    value = match.group(notation)
    if notation == "roman":
        if value.upper() not in _ROMAN or (value != value.upper()):
            return None  # "ill." or "mix:" are words; numerals are in capitals
        number = _ROMAN[value.upper()]
    elif notation == "spelled":
        if not value[:1].isupper():
            return None  # "one - the…" mid-thought; a counted title starts in capitals
        number = _SPELLED[value.lower()]
    else:
        number = int(value)
    # "glued" and "1 of 3:" count on their own
    notation = "digit" if notation in ("digit", "hash") else notation
    return Marker(number, notation, text[match.end() :].strip())


def counts(numbers: list[int]) -> bool:
    """1, 2, 3 … or … 3, 2, 1."""
    if len(numbers) < 2:
        return False
    up = list(range(1, len(numbers) + 1))
    return numbers == up or numbers == up[::-1]


def longest_count(found: list[tuple[int, Marker]]) -> list[tuple[int, Marker]]:
    """The longest run of markers of one notation that counts 1..n or n..1, in order
    (stray numbered lines elsewhere do not break it; a later "1" starts a new run).
    Linear in the number of markers: each keeps a pointer to the run it extends."""
    best: list[tuple[int, Marker]] = []
    for notation in sorted({m.notation for _, m in found}):
        same = [(i, m) for i, m in found if m.notation == notation]
        for ordered, backwards in ((same, False), (same[::-1], True)):
            run = _counting_run(ordered)
            if backwards:
                run.reverse()
            if len(run) >= 2 and len(run) > len(best):
                best = run
    return best


def countdown_from(found: list[tuple[int, Marker]], top: int) -> list[tuple[int, Marker]]:
    """A countdown that starts at the number the headline promises and stops before 1
    ("8 Most WTF Moments" over 8, 7, 6, 5: the rest is on the next page): consecutive,
    in one notation, three entries at least."""
    for start, (_, first) in enumerate(found):
        if first.number != top:
            continue
        run = [found[start]]
        for index, mark in found[start + 1 :]:
            if mark.notation == first.notation and mark.number == run[-1][1].number - 1:
                run.append((index, mark))
        if len(run) >= 3:
            return run
    return []


def _counting_run(ordered: list[tuple[int, Marker]]) -> list[tuple[int, Marker]]:
    """The longest 1, 2, 3 … subsequence of markers, the latest start winning."""
    tip: dict[int, tuple[int, object]] = {}  # value -> (position, the node it extends)
    longest: tuple[int, object] | None = None
    length = 0
    for position, (_, mark) in enumerate(ordered):
        value = mark.number
        if value == 1:
            tip[1] = (position, None)
        elif value - 1 in tip:
            tip[value] = (position, tip[value - 1])
        else:
            continue
        if value > length:
            length, longest = value, tip[value]
    run: list[tuple[int, Marker]] = []
    node = longest
    while node is not None:
        position, parent = node
        run.append(ordered[position])
        node = parent  # type: ignore[assignment]
    run.reverse()
    return run


def _words(text: str) -> int:
    return len(text.split())


def _clean_title(text: str) -> str:
    return text.strip().rstrip(":;–—-").strip().rstrip(".").strip()


# A title whose markup ran it into its paragraph: "Mara and JoelI don't care…", "The
# reunionThe best scene…": a lower-case letter, then a word that starts sentences
_GLUED_START = re.compile(
    r"(?<=[a-z])(?:I|I['’](?:m|ve|d|ll)|The|This|That|It|It['’]s|He|She|They|We|You|When|What|After|In|As|But"
    r"|And|So|There|Here|Now|Yes|Oh|Well|If|Just|My|Our|His|Her|Their)\b(?!['’-])"
)


_GLUED_QUESTION = re.compile(r"(?<=[a-z])[?!]+(?=[\"“‘']?[A-Z][a-z])")


def _glued_sentence(text: str) -> tuple[str, str] | None:
    """(title, paragraph) of an entry whose title is glued to its first sentence with no
    space, when the part before is a title (no sentence end, no separator); a question
    or exclamation glued to its answer too ("Who opened the gate?Nobody admits it…")."""
    asked = _GLUED_QUESTION.search(text)
    if asked:
        title, rest = text[: asked.end()], text[asked.end() :]
        if 2 <= _words(title) <= TITLE_WORDS and _words(rest) >= 3 and not re.search(r"[.!?]\s", title):
            return title.strip(), rest.strip()
    glue = _GLUED_START.search(text)
    if not glue:
        return None
    title, rest = text[: glue.start()], text[glue.start() :]
    if 1 <= _words(title) <= TITLE_WORDS and _words(rest) >= 5 and not re.search(r"[.!?:;—–]", title):
        return _clean_title(title), rest.strip()
    return None


def split_title(text: str, *, alone_ok: bool = True) -> tuple[str, str] | None:
    """(title, run-in paragraph) of an entry's text, by structure; None when the text
    is a paragraph with no title in it. `alone_ok`: the entry has paragraphs under it,
    so a short line may be all title ("The waiting game – but good this time")."""
    text = text.strip()
    separator = _SEPARATOR.search(text)
    if separator and text[separator.end() : separator.end() + 1].islower():
        # "The painting in the hall: it's the same one: The portrait…": the title goes on
        # past a separator with lower case after it, to one with a sentence after it
        later = next(
            (m for m in _SEPARATOR.finditer(text, separator.end()) if text[m.end() : m.end() + 1].isupper()),
            None,
        )
        if (
            later
            and _words(text[: later.start()]) <= TITLE_WORDS
            and not re.search(r"[.!?]\s", text[: later.start()])
        ):
            separator = later
    if separator:
        title, rest = text[: separator.start()], text[separator.end() :]
        prose = _words(rest) >= 5 and bool(re.search(r"[.!?…\"”’')]$", rest))
        if (
            1 <= _words(title) <= TITLE_WORDS + 2
            and _words(rest) >= 3
            and (prose or not alone_ok)
            and not re.search(r"[.!?]\s", title)  # a sentence before it: the separator is in the prose
        ):
            return _clean_title(title), rest.strip()
    glued = _glued_sentence(text)
    if glued:
        return glued
    if alone_ok and _words(text) <= TITLE_WORDS + 4 and text.rstrip(":")[-1:] != ",":
        return text.rstrip(":").strip(), ""  # a title alone on its line, its text below it
    for sentence in _SENTENCE.finditer(text):
        title, rest = text[: sentence.start() + 1], text[sentence.end() :]
        if _ABBREVIATION.search(title):
            continue
        if _words(title) <= TITLE_WORDS and _words(rest) >= 5:
            return _clean_title(title), rest.strip()
        break
    run: list[str] = []
    for word in text.split():
        if word[:1].isupper() or word[:1].isdigit() or (run and word.lower() in _SMALL):
            run.append(word)
            continue
        break
    while run and run[-1].lower() in _SMALL - {"a", "an", "the"}:
        run.pop()
    if 3 <= len(run) <= TITLE_WORDS + 1 and run[-1][:1].isupper() and _words(text) - len(run) >= 4:
        title = " ".join(run[:-1])
        return _clean_title(title), text[len(title) :].strip()
    if _words(text) <= TITLE_WORDS and not text[:1].islower():
        return text.rstrip(":").strip(), ""  # a short line with no paragraph of its own: a title alone
    return None


# "2 of 20 Network", "01 of 05", "3/4", "Slide 2 of 9"
_COUNTER = re.compile(
    r"^\s*(?:slide|image|photo|picture)?\s*(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b(?:\s+(\S.{0,60}))?$", re.I
)


def slide_counters(texts: list[str]) -> set[int]:
    """Indexes of short lines that count pictures: "k of N" (or "k/N") with one N, the
    k counting 1, 2, 3 … in order. One such line alone is not a counter."""
    found: list[tuple[int, int, int]] = []
    for index, text in enumerate(texts):
        match = _COUNTER.match(text)
        if match and _words(text) <= 10 and not re.search(r"[.!?]$", text.strip()):
            found.append((index, int(match.group(1)), int(match.group(2))))
    by_total: dict[int, list[tuple[int, int]]] = {}
    for index, k, total in found:
        by_total.setdefault(total, []).append((index, k))
    counters: set[int] = set()
    for total, items in by_total.items():
        numbers = [k for _, k in items]
        if len(items) >= 2 and numbers == sorted(set(numbers)) and numbers[-1] <= total:
            counters.update(index for index, _ in items)
    return counters
