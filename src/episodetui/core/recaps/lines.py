"""Single lines of an article, judged against their neighbours and the headline: the
line that names the episode under a headline, a caption repeated under each picture or
repeating the headline's words, an attribution under a quote, a first section heading."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from episodetui.core.html_blocks import ITEM, PARAGRAPH, Block
from episodetui.core.recaps import furniture
from episodetui.core.recaps.listicles import SENTENCE_END, is_label, plain, words

QUOTED_TITLE = re.compile(r"(?:^|(?<=[\s:(]))[\"“‘'][^\"“”‘’]{2,80}[\"”’'](?=[\s:,.;!?)]|$)")


def section_title(rest: list[tuple[int, Block]], position: int) -> bool:
    """A short Title Case line right above the first paragraph of prose: the recap's
    first section heading ("Degrees of Change"), not the page around it."""
    text = plain(rest[position][1])
    following = rest[position + 1][1] if position + 1 < len(rest) else None
    return (
        following is not None
        and prose(following)
        and not furniture.kind_of_drop(following)  # a name over a spoiler warning is a byline
        and 2 <= words(text) <= 6
        and not re.search(r"[.!?:;|]", text)
        and all(w[:1].isupper() or w in SMALL_WORDS for w in text.split())
        and not text.isupper()  # "TV RECAPS": a kicker
        and not _RECAP_LABEL.match(text)  # "Episode Recap" under the headline: a label
        and not furniture.kind_of_drop(rest[position][1])
    )


_RECAP_LABEL = re.compile(r"^(?:(?:the\s+)?episode\s+)?(?:recap|review|summary|synopsis)$", re.I)
SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with", "from"}


def in_a_list(blocks: list[Block], position: int) -> bool:
    return any(0 <= p < len(blocks) and blocks[p].kind == ITEM for p in (position - 1, position + 1))


def repeats_the_headline(text: str, headline: str) -> bool:
    """A caption that starts with words of the headline (the show's name) and adds a
    few of its own: "Corvid Hall Red Wedding" under "4 Scenes From Corvid Hall…"."""
    words = fold(text).split()
    if not 3 <= len(words) <= 6 or re.search(r"[.!?:;,]$", text.strip()) or ": " in text:
        return False
    flat = " ".join(re.sub(r"[^\w\s]", " ", fold(headline)).split())
    start = " ".join(re.sub(r"[^\w\s]", " ", " ".join(words[:2])).split())
    whole = " ".join(re.sub(r"[^\w\s]", " ", " ".join(words)).split())
    own = set(whole.split()) - set(flat.split())  # a caption adds words; a section heading re-uses them
    return (
        bool(start)
        and f" {start} " in f" {flat} "
        and whole not in flat
        and bool(own)
        and text.strip()[:1].isupper()
    )


def fold(text: str) -> str:
    return " ".join(text.strip("*_ ").split()).casefold()


def repeated_lines(blocks: list[Block]) -> set[str]:
    """Short lines that are not sentences and come back word for word: a caption or a
    credit repeated under each picture ("Ferris Lane (2026-)")."""
    counts = Counter(
        fold(b.text)
        for b in blocks
        if b.kind == PARAGRAPH
        and 1 <= words(b.text) <= 8
        # a sentence of four words or more said twice word for word is a picture's caption
        and (not re.search(r"[.!?:]$", b.text.strip()) or words(b.text) >= 4)
        and not is_label(b)  # "Key Moments" over each of two lists is a heading, not a caption
    )
    # one word ("Fernline", a network's credit under each picture) only when it comes back twice more
    return {text for text, count in counts.items() if count >= (3 if len(text.split()) == 1 else 2)}


def captions_over_credits(blocks: list[Block], repeated: set[str]) -> set[int]:
    """A picture's caption: one short sentence right above a credit that comes back
    under each picture ("Warden Pike at the quarry's edge." over "Fernline")."""
    found = set()
    for p, block in enumerate(blocks[:-1]):
        credit = fold(blocks[p + 1].text)
        text = block.text.strip()
        if (
            credit in repeated
            and len(credit.split()) <= 3
            and block.kind == PARAGRAPH
            and 4 <= words(text) <= 20
            and re.search(r"[.!]$", text)
            and not re.search(r"[.!?…][\"”’')\]]?\s", text)
            and fold(text) not in repeated
        ):
            found.add(p)
    return found


def prose(block: Block) -> bool:
    return block.kind == PARAGRAPH and words(block.text) >= 10 and bool(SENTENCE_END.search(block.text))


# "Episode #7: Its Title", "Season 2 Episode 8: Glasshouse": the episode's number and title
EPISODE_TITLE_LINE = re.compile(
    r"^(?:season\s+\w+\s*[,:·|-]?\s*)?(?:episode|ep\.?)\s*#?\s*\d{1,4}\s*[:.–—-]\s*\S", re.I
)
QUOTED_LINE = re.compile(r"^[\"“‘']([^\"“”‘’]{1,80})[\"”’']$")


def names_the_episode(text: str, headline: str) -> bool:
    """A line under the headline that only names the episode: its number and title, or
    the title in quotes that the headline quotes too."""
    if words(text) > 12:
        return False
    if EPISODE_TITLE_LINE.match(text) and not re.search(r"[.!?]$", text.rstrip("\"”’'")):
        return True
    quoted = QUOTED_LINE.match(text)
    return bool(quoted and quoted.group(1).strip(" .,!?").casefold() in headline.casefold())


# "Episode 4 Recap:", "Ep. 7 review": a label that only repeats which episode this is
_EPISODE_LABEL = re.compile(
    r"^(?:season\s+\w+\s*,?\s*)?(?:episode|ep\.?)\s*#?\s*\w+\s*(?:recap|review|summary|thoughts|impressions|notes)?\s*:?$",
    re.I,
)


# "Season Two: Episode Five – Wolfsbane": a post's subtitle, the episode's number (in
# words or digits) and its title, not a sentence
_NUMBERED_TITLE = re.compile(
    r"^(?:season\s+\w+\s*[,:·|-]?\s*)?(?:episode|ep\.?)\s*#?\s*\w+\s*[:–—-]\s*[\"“‘']?[A-Z][^.!?]{0,60}$",
    re.I,
)


def repeats_the_episode(
    text: str, headline: str, episode_of: Callable[[str], tuple[int | None, int | None]]
) -> bool:
    """A short label in the body that names the same episode as the headline, and nothing
    else but the episode's title."""
    text = text.strip()
    shaped = bool(_EPISODE_LABEL.match(text)) or (words(text) <= 12 and bool(_NUMBERED_TITLE.match(text)))
    mine, theirs = episode_of(text), episode_of(headline)
    if not shaped or theirs[1] is None or mine[1] != theirs[1]:
        return False
    # "Episode seven" under "Show Season 2 Episode 7 Recap": a label that names no season
    # names the headline's
    named_season = re.search(r"\bseason\b|\bs\d", text, re.I)
    return (mine[0] == theirs[0] or not named_season) and not one_of_the_episodes(text, headline, episode_of)


# "Episodes 7 & 8", "Episode 9-10", "ep 5-6", "– 05 & 06": a recap of several episodes
_SEVERAL = re.compile(
    r"(?:\b(?:episodes?|eps?\.?)\s*|\s[-–—]\s*)(\d{1,3})\s*(?:&|and|\+|,|-|–|to)\s*(?:(?:episode|ep\.?)\s*)?(\d{1,3})\b",
    re.I,
)


def one_of_the_episodes(
    text: str, headline: str, episode_of: Callable[[str], tuple[int | None, int | None]]
) -> bool:
    """A heading for one episode of a recap of several ("Episode 7 – “Title”" under
    "Show Season 1 – Episodes 7 & 8 Recap"): a section of the recap, not a caption."""
    match = _SEVERAL.search(headline)
    if not match:
        return False
    first, last = int(match.group(1)), int(match.group(2))
    return 0 < last - first <= 5 and first <= (episode_of(text)[1] or 0) <= last


_CODE_WORDS = re.compile(r"^(?:season|episode|ep|s\d+e\d+|\d+x\d+|\d+|the|of)$")


def headline_with_code(
    text: str, headline: str, episode_of: Callable[[str], tuple[int | None, int | None]]
) -> bool:
    """Alt text under a picture: the headline's words and an episode code, nothing else
    and no sentence ("The Show season 2 episode 5" under "The Show season 2 Reflection
    recap"); the code is not in the headline."""
    own = re.sub(r"[^\w]+", " ", fold(text)).split()
    head = set(re.sub(r"[^\w]+", " ", fold(headline)).split())
    return (
        3 <= len(own) <= 10
        and not re.search(r"[.!?:;]$", text.strip())
        and episode_of(text)[1] is not None
        and episode_of(headline)[1] is None
        and all(w in head or _CODE_WORDS.match(w) for w in own)
        and sum(w in head and not _CODE_WORDS.match(w) for w in own) >= 1
    )


def headline_reworded(
    text: str, headline: str, episode_of: Callable[[str], tuple[int | None, int | None]]
) -> bool:
    """The headline's words again in another order, naming the same episode, and no
    sentence: a picture's alt text ("Korean KBC Drama Show Episode 8 Recap" under
    "[RECAP] KBC Korean Drama Show Episode 8"). In the headline's order they are a
    section heading ("Show Episode 7 Review" under "Show Episode 7 Recap and Review: …")."""
    if re.search(r"[.!?:;]$", text.strip()) or not restates_the_headline(text, headline):
        return False
    head = _word_run(fold(headline))
    places = [head.index(word) for word in _word_run(fold(text)) if word in head]
    reordered = any(later < earlier for earlier, later in zip(places, places[1:], strict=False))
    return reordered and episode_of(text) == episode_of(headline) != (None, None)


_CODE_TOKEN = re.compile(r"^(?:\d{3,4}|s\d{1,2}e\d{1,3}|\d{1,2}x\d{2})$")


def show_code_caption(text: str, headline: str) -> bool:
    """A still's alt text named after its file: the show's first word, an episode code,
    then what the picture shows ("Duskmere 104 Jonas as Seen from Inside the Cave"); not
    a year ("Duskmere 1986" over the part of a recap set then)."""
    own = re.sub(r"[^\w]+", " ", fold(text)).split()
    head = re.sub(r"[^\w]+", " ", fold(headline)).split()
    return (
        len(own) >= 6
        and words(text) <= 14
        and bool(head)
        and own[0] == head[0]
        and bool(_CODE_TOKEN.match(own[1]))
        and not re.match(r"^(?:19|20)\d\d$", own[1])
        and not re.search(r"[.!?:;]$", text.strip())
    )


# Alt text run into a paragraph's first word: "FrostmarchAvalanches, shouting…", "Walking
# DeadHelicopters, explosions…" (the glued words are the headline's)
_GLUED_LEAD = re.compile(r"^((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*[a-z])([A-Z][a-z][\w'’-]*)\b")


# An image file's name run into a paragraph: "OmakeGif-Show-Episode5-Scene_zps76f968While we…"
_GLUED_FILE = re.compile(r"^(?=[^\s]*\d)[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+?(?=[A-Z][a-z]+[\s,;:])")


def unglued_alt(text: str, headline: str) -> str | None:
    """The paragraph without the alt text glued to its start, or None when nothing is
    glued there (not "McAllister", "YouTube": the glued part must be the headline's words,
    the last of them four letters or more; or an image file's name, with a digit and a
    dash or an underscore in it)."""
    if words(text) < 8:
        return None
    named = _GLUED_FILE.match(text)
    if named and re.search(r"[a-z0-9]$", named.group(0)):
        return text[named.end() :]
    match = _GLUED_LEAD.match(text)
    if not match:
        return None
    glued = match.group(1).casefold().split()
    head = set(re.sub(r"[^\w\s]", " ", headline.casefold()).split())
    if len(glued[-1]) < 4 or not all(word in head for word in glued):
        return None
    return text[match.start(2) :]


def cut_headline(text: str, headline: str) -> bool:
    """The headline again in the body, whole or its first part cut where a caption cuts
    it ("… Ending Explained" under "… Ending Explained! Does she survive?")."""
    line, head = fold(text), fold(headline)
    if not line or not head:
        return False
    if line == head:
        return True
    # the headline's words again without its punctuation, an image file's "(1)" after them:
    # "Show Season 2 Episode 6 Recap Ending Explained (1)" under "Show (Season 2), Episode 6: Recap & …"
    bare = re.sub(r"\s*[(\[]?\d{1,2}[)\]]?$", "", line) if re.search(r"[(\[]\d{1,2}[)\]]$", line) else line
    if words(line) >= 4 and _word_run(bare) == _word_run(head):
        return True
    after = head[len(line) :].lstrip()
    return (
        words(line) >= 4 and head.startswith(line) and after[:1] in ("!", "?", ":", ".", "–", "—", "-", "|")
    )


_FILLER = {"a", "an", "the", "of", "for", "to", "in", "on", "and", "with", "this", "is", "my", "our", "here"}


def restates_the_headline(text: str, headline: str) -> bool:
    """A line under the headline that says nothing the headline does not: its words
    are the headline's and a few small ones ("An Anime QandA review for Show Season 3
    Episode 1 & 2." under "Show Season 3 Episode 1 & 2 – Anime QandA Review")."""
    own = _word_run(fold(text))
    head = set(_word_run(fold(headline)))
    return 3 <= len(own) <= 25 and len(set(own) & head) >= 3 and all(w in head or w in _FILLER for w in own)


def _word_run(text: str) -> list[str]:
    return [w for w in re.sub(r"[^\w]+", " ", text).split() if w != "and"]


def episode_caption(text: str, episode_of: Callable[[str], tuple[int | None, int | None]]) -> bool:
    """A short line under a picture that names an episode and its quoted title, and is
    not a sentence: "Show (2026) – Ep.11: “Its Title”"."""
    parts = re.split(r"\s+[-–—|]\s+", text)
    code_alone = len(parts) == 3 and episode_of(parts[1]) != (None, None) and len(parts[1].split()) <= 2
    return (
        words(text) <= 14
        and (bool(QUOTED_TITLE.search(text)) or code_alone)  # "Show - 4.10 - Its Title"
        and episode_of(text) != (None, None)
        and not re.search(r"[.!?]$", text.rstrip("\"”’'"))
        and not re.search(r"\b(?:recap|review|discussion|thoughts|impressions)\b", text, re.I)
    )


def _names(blocks: list[Block]) -> set[str]:
    """Capitalised words met mid-sentence in the article's prose: its characters' names."""
    found: set[str] = set()
    for block in blocks:
        if block.kind == PARAGRAPH and prose(block):
            for match in re.finditer(r"(?<=[a-z,;]\s)([A-Z][a-z'’]+)\b", block.text):
                found.add(match.group(1))
    return found


def _describes_picture(text: str, names: set[str]) -> bool:
    """ "Jess and her shotgun at the edge of the woods": a line in sentence case with
    no end punctuation that starts with a character's name and does not speak (alt
    text under a still), longer than a section heading."""
    split = text.split()
    return (
        6 <= len(split) <= 14
        and not re.search(r"[.!?:;,\"”’')…]$", text)
        and re.sub(r"['’]s$", "", split[0]) in names
        and sum(w[:1].isupper() for w in split[1:]) * 3 < len(split) - 1
        and not furniture.speaks(text)
    )


def pictures(blocks: list[Block]) -> set[int]:
    """Positions of picture captions in copied text: alt text that describes a still
    (see above) and the quip under it (a line or two, shorter than the paragraph
    after it), when the article has two such pictures at least: one such line alone
    may be a heading."""
    names = _names(blocks)
    alts = [
        p
        for p, b in enumerate(blocks)
        if b.kind == PARAGRAPH and 0 < p < len(blocks) - 1 and _describes_picture(plain(b), names)
    ]
    if len(alts) < 2:
        return set()
    found = set(alts)
    for p in alts:
        if p + 2 < len(blocks):
            quip, after = blocks[p + 1], blocks[p + 2]
            if (
                quip.kind == PARAGRAPH
                and words(quip.text) <= 22
                and len(re.findall(r"[.!?](?:\s|$)", quip.text)) <= 2
                and words(after.text) * 2 >= 3 * words(quip.text)
                and prose(after)
            ):
                found.add(p + 1)
    return found


def related_links(blocks: list[Block], headline: str) -> set[int]:
    """A run of two or more bullets between paragraphs, each the headline of another
    article about the same show ("- Fallowmere fans are mourning Corin's beard"): links
    to more coverage, not the recap. Each names the headline's show and none is a
    sentence that ends in a full stop."""
    show = {
        w.casefold() for w in re.findall(r"[A-Z][\w'’]{3,}", re.split(r"[:|–—]", headline, maxsplit=1)[0])
    }
    found: set[int] = set()
    run: list[int] = []
    for position, block in enumerate([*blocks, Block(PARAGRAPH, "")]):
        text = plain(block)
        if (
            block.kind == ITEM
            and block.marker in ("-", "•", "*")
            and 3 <= words(text) <= 12
            and not re.search(r"[.!;,]$", text)
            and show & {w.casefold() for w in re.findall(r"[a-zA-Z0-9]+", text)}
        ):
            run.append(position)
            continue
        between = run and run[0] > 0 and prose(blocks[run[0] - 1]) and position < len(blocks) and prose(block)
        if len(run) >= 2 and between:
            found.update(run)
        run = []
    return found


# A video's or a podcast episode's chapter: "00:00 Intro", "1:12 The market fire" (not a
# liveblog's "9:14 PM" and not a sentence)
_CHAPTER = re.compile(
    r"^\(?((?:\d{1,2}:)?\d{1,2}:\d{2})\)?(?!\s*[ap]\.?m\b)\s*[-–—|:]?\s*\S[^.!?]{0,60}$", re.I
)


def chapters(blocks: list[Block]) -> set[int]:
    """A video's or a podcast's chapters: a run of three or more short timestamped lines
    whose first is at 0:00 (a video site wants the first chapter there). Timestamped
    highlights start later in the episode ("04:12 – The grill fire") and stay a list."""
    found: set[int] = set()
    run: list[int] = []
    for position, block in enumerate([*blocks, Block(PARAGRAPH, "")]):
        match = _CHAPTER.match(plain(block))
        if match and words(plain(block)) <= 10 and (run or not match.group(1).strip("0:")):
            run.append(position)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


def subtitle_under(blocks: list[Block], headline_index: int | None, index: int) -> bool:
    """A newsletter's subtitle copied on the line right under its title, with a blank line
    after it ("Three people, one greenhouse, and the best fight of the season so far"):
    a line of words that does not end as a sentence does. (In text copied without blank
    lines every line is its own paragraph, so a line with another right under it stays.)"""
    if headline_index is None or index != headline_index + 1 or index + 1 >= len(blocks):
        return False
    block, title, after = blocks[index], blocks[headline_index], blocks[index + 1]
    text = plain(block)
    return (
        block.kind == PARAGRAPH
        and block.group == title.group
        and after.group != block.group
        and 4 <= words(text) <= 20
        and not re.search(r"[.!?…:;,]$|^\d", text)
    )
