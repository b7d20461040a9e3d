"""Turn a recap article as users bring it (copied text, Markdown, a saved web page)
into a clean recap: its headline, its body paragraphs, its key moments, and a count of
everything that was taken out.

The pipeline: detect the format from the content, split it into blocks (heading,
paragraph, list item, caption), then classify the blocks with one set of rules for all
formats. HTML goes through the standard library's parser: no script runs and nothing is
fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.spoilers import RecapShape
from episodetui.core.store import KeyMoment, Library
from episodetui.core.text import clean_text, parse_timestamp

# ------------------------------------------------------------------- blocks

HEADING, PARAGRAPH, ITEM, CAPTION = "heading", "paragraph", "item", "caption"

# What is dropped, by kind, with how the preview names one and several.
SPOILER_WARNING = "spoiler_warning"
IMAGE_CAPTION = "caption"
AVAILABILITY = "availability"
PROMPT = "prompt"
BOILERPLATE = "boilerplate"
PAGE_CHROME = "page_chrome"
DROP_LABELS = {
    SPOILER_WARNING: ("spoiler warning", "spoiler warnings"),
    IMAGE_CAPTION: ("image caption or credit", "image captions or credits"),
    AVAILABILITY: ("where-to-watch line", "where-to-watch lines"),
    PROMPT: ("share or newsletter prompt", "share or newsletter prompts"),
    BOILERPLATE: ("block of trailing page boilerplate", "blocks of trailing page boilerplate"),
    PAGE_CHROME: ("page navigation, sidebar or footer", "page navigations, sidebars or footers"),
}


@dataclass
class Block:
    kind: str
    text: str


@dataclass
class ParsedRecap:
    format: str
    headline: str
    paragraphs: list[str]
    key_moments: list[KeyMoment]
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def shape(self) -> RecapShape:
        return RecapShape(len(self.paragraphs), len(self.key_moments))

    def describe_dropped(self) -> str:
        if not self.dropped:
            return "nothing dropped"
        return "dropped " + ", ".join(
            f"{count} {DROP_LABELS[kind][count > 1]}" for kind, count in self.dropped.items()
        )


# ------------------------------------------------------------ format detection

_HTML_HINT = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]|<h1[\s>]", re.I)
_MARKDOWN_HINT = re.compile(r"^(#{1,6}\s|\*\*[^*\n]+\*\*\s*:?\s*$|!\[[^\]]*\]\(|\d+\.\s|[-*+]\s)|\[[^\]\n]+\]\([^)\n]+\)", re.M)


def detect_format(text: str) -> str:
    """html, markdown or text, from the content (a file name can lie)."""
    head = text[:20000]
    if _HTML_HINT.search(head) and head.count("<") >= 3:
        return "html"
    if re.search(r"^#{1,6}\s+\S", head, re.M) or re.search(r"!\[[^\]]*\]\(|\[[^\]\n]+\]\(https?:", head):
        return "markdown"
    if re.search(r"^\*\*[^*\n]+\*\*\s*:?\s*$", head, re.M):
        return "markdown"
    return "text"


# --------------------------------------------------------- text and markdown

_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*+\-–—]|\d{1,3}[.)])\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"^\s*!\[([^\]]*)\]\([^)]*\)\s*$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")


def _strip_inline_markdown(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text


def _line_blocks(text: str, markdown: bool) -> list[Block]:
    """Blocks from text or Markdown: blank lines separate blocks, bullets start items,
    and a wrapped line continues the paragraph or item above it."""
    blocks: list[Block] = []
    current: Block | None = None

    def flush() -> None:
        nonlocal current
        if current is not None and current.text.strip():
            current.text = " ".join(current.text.split())
            blocks.append(current)
        current = None

    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if markdown:
            if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):  # a rule
                flush()
                continue
            if _MD_IMAGE.match(line):
                flush()
                blocks.append(Block(CAPTION, _MD_IMAGE.match(line).group(1)))
                continue
            heading = _MD_HEADING.match(line) or _MD_BOLD_LINE.match(line)
            if heading:
                flush()
                blocks.append(Block(HEADING, _strip_inline_markdown(heading.group(heading.lastindex or 1))))
                continue
            line = re.sub(r"^\s*>\s?", "", line)  # quotes are body text
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            current = Block(ITEM, line[bullet.end():])
            continue
        if current is None:
            current = Block(PARAGRAPH, line)
        elif _looks_like_heading(current.text) and current.kind == PARAGRAPH:
            # "Key Moments" on its own line, then the list right under it
            flush()
            current = Block(PARAGRAPH, line)
        else:
            current.text += " " + line.strip()
    flush()
    if markdown:
        for block in blocks:
            block.text = _strip_inline_markdown(block.text)
    return blocks


# --------------------------------------------------------------------- HTML

_SKIPPED_TAGS = {"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "form", "button", "select"}
_CHROME_TAGS = {"nav", "aside", "footer"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "ul", "ol", "header", "figure", "table", "tr", "dt", "dd", "pre"}
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "param", "track"}


class _HtmlBlocks(HTMLParser):
    """Collects blocks from a page. With an <article> (or else <main>) only its content
    counts; navigation, sidebars, footers, scripts and forms never do."""

    def __init__(self, scope: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.scope = scope
        self.in_scope = scope is None
        self.scope_depth = 0
        self.skip_depth = 0
        self.stack: list[str] = []
        self.buffer: list[str] = []
        self.kind = PARAGRAPH
        self.blocks: list[Block] = []
        self.chrome_dropped = 0  # navigation, sidebars, footers, and text outside the article
        self.title = ""
        self.h1 = ""
        self._in_title = False
        self._in_h1 = False

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text and not self.skip_depth:
            if self.in_scope:
                self.blocks.append(Block(self.kind, text))
            else:
                self.chrome_dropped += 1
        self.buffer = []
        self.kind = PARAGRAPH

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID_TAGS:
            if tag == "br":
                self.buffer.append(" ")
            return
        self.stack.append(tag)
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if self.skip_depth:
            self.skip_depth += 1
            return
        if tag in _SKIPPED_TAGS or tag in _CHROME_TAGS:
            self._flush()
            if tag in _CHROME_TAGS:
                self.chrome_dropped += 1
            self.skip_depth = 1
            return
        if self.scope and tag == self.scope and not self.in_scope and not self.scope_depth:
            self.in_scope = True
            self.scope_depth = len(self.stack)
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.kind = HEADING
            elif tag == "li":
                self.kind = ITEM
            elif tag == "figcaption":
                self.kind = CAPTION

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            elif open_tag in _BLOCK_TAGS:
                self._flush()
            if open_tag == "title":
                self._in_title = False
            if open_tag == "h1":
                self._in_h1 = False
            if self.in_scope and self.scope and len(self.stack) < self.scope_depth:
                self._flush()
                self.in_scope = False
                self.scope = None  # only the first article counts
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_h1 and not self.h1.strip() and not self.skip_depth:
            self.h1 += data
        if not self.skip_depth:
            self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(html: str) -> tuple[list[Block], int, str]:
    lowered = html.lower()
    scope = "article" if "<article" in lowered else "main" if "<main" in lowered else None
    parser = _HtmlBlocks(scope)
    parser.feed(html)
    parser.close()
    headline = " ".join(parser.h1.split()) or " ".join(parser.title.split())
    return parser.blocks, parser.chrome_dropped, headline


# ----------------------------------------------------------- classification

_SHORT = 45  # words: warnings, captions and prompts are short

_SPOILER_WARNING = re.compile(
    r"^(?:"
    r"spoilers?\b.{0,80}\b(?:below|ahead|follow|inside|within|throughout)\b"
    r"|(?:warning|caution|heads[- ]up|note)\s*[:!\-–—]?.{0,80}\bspoil"
    r"|spoiler\s+(?:alert|warning)"
    r"|(?:this|the\s+following)\s+(?:review|recap|article|post|piece|story)\s+(?:contains|includes|has)\b.{0,20}\bspoilers"
    r"|.{0,80}\bcontains?\s+(?:major\s+|minor\s+|heavy\s+|full\s+)?spoilers\b"
    r"|스포일러\s*(?:주의|경고|있음|포함)"
    r")",
    re.I,
)
_CREDIT = re.compile(r"(?:^|[.\s(])(?:credit|credits|photo|photograph|photos|image|picture|courtesy|pictured)\s*(?:by\b|:)|©|\(photo\b", re.I)
_AVAILABILITY = re.compile(
    r"\b(?:is|are)\s+(?:now\s+)?(?:available|streaming|out)\s+(?:(?:to|for)\s+(?:stream|watch|rent|buy)\s+)?(?:now\s+)?(?:on|via|at)\b"
    r"|\bavailable\s+to\s+stream\b|\bnow\s+streaming\s+(?:on|via)\b|\bwatch\s+(?:it\s+)?(?:now\s+)?on\s+\S+\s*$"
    r"|\b(?:airs|premieres)\s+(?:weekly\s+)?on\b.{0,40}$"
    r"|에서\s*(?:시청|스트리밍|감상)",
    re.I,
)
_PROMPT = re.compile(
    r"^(?:share\s+(?:this|on|via)\b|sign\s+up\b|subscribe\b|follow\s+us\b|join\s+(?:our|the)\s+\w+|get\s+(?:our|the)\s+\w*\s*newsletter"
    r"|(?:our|the)\s+newsletter\b|click\s+here\b|like\s+us\s+on\b|tweet\s+this|email\s+this|copy\s+link|advertisement$|ad$)",
    re.I,
)
_TRAILING = re.compile(
    r"^(?:more\s+stories|sponsored(?:\s+(?:stories|content|links))?|related(?:\s+(?:stories|articles|posts|reading|content))?"
    r"|read\s+(?:more|next|also)|recommended(?:\s+(?:for\s+you|stories|reading|articles))?|you\s+(?:may|might)\s+also\s+like"
    r"|also\s+read|more\s+from\b.{0,40}|trending(?:\s+now)?|popular(?:\s+now)?|most\s+(?:read|popular)|comments?)\s*:?\s*$",
    re.I,
)
_KEY_MOMENTS = re.compile(
    r"^(?:the\s+)?(?:(?:key|best|standout|stand-out|top|biggest|memorable|major)\s+moments?|highlights?|episode\s+highlights|best\s+bits)\b"
    r"(?:\s+(?:of|from|in)\s+.{0,40})?\s*:?\s*$"
    r"|^(?:명장면|(?:주요|핵심|베스트)\s*장면|하이라이트)\s*:?\s*$",
    re.I,
)


def _words(text: str) -> int:
    return len(text.split())


def _looks_like_heading(text: str) -> bool:
    text = text.strip()
    return bool(_KEY_MOMENTS.match(text) or _TRAILING.match(text))


def _kind_of_drop(block: Block) -> str | None:
    """Which kind of page furniture a body block is, if any."""
    text = block.text.strip().strip("*_").strip()
    short = _words(text) <= _SHORT
    if block.kind == CAPTION:
        return IMAGE_CAPTION
    if short and _SPOILER_WARNING.match(text):
        return SPOILER_WARNING
    if short and _CREDIT.search(text):
        return IMAGE_CAPTION
    if _words(text) <= 25 and _AVAILABILITY.search(text):
        return AVAILABILITY
    if _words(text) <= 25 and _PROMPT.match(text):
        return PROMPT
    return None


_LEADING_TIME = re.compile(r"^\(?\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?\)?\s*[-–—:]?\s+")


def _key_moment(text: str) -> KeyMoment:
    match = _LEADING_TIME.match(text)
    if match:
        try:
            return KeyMoment(text[match.end():].strip(), parse_timestamp(match.group(1)))
        except EpisodeTuiError:
            pass
    return KeyMoment(text.strip())


def _classify(blocks: list[Block], headline: str, fmt: str, chrome_dropped: int) -> ParsedRecap:
    dropped: Counter[str] = Counter()
    if chrome_dropped:
        dropped[PAGE_CHROME] = chrome_dropped
    body = list(blocks)
    if not headline and body:
        first = body[0]
        furniture = _kind_of_drop(first) or _looks_like_heading(first.text.strip("#*_ ").rstrip(":"))
        if not furniture and (first.kind == HEADING or (first.kind == PARAGRAPH and _words(first.text) <= 30)):
            headline = first.text
            body = body[1:]
    elif body and body[0].text.strip() == headline.strip():
        body = body[1:]

    paragraphs: list[str] = []
    moments: list[KeyMoment] = []
    in_key_moments = False
    for index, block in enumerate(body):
        text = block.text.strip()
        heading_text = text.strip("#*_ ").rstrip(":").strip()
        if block.kind in (HEADING, PARAGRAPH) and _TRAILING.match(heading_text):
            if paragraphs or moments:  # the article is over: everything from here on goes
                dropped[BOILERPLATE] += len(body) - index
                break
            dropped[BOILERPLATE] += 1  # a "Related" link above the article
            continue
        if block.kind in (HEADING, PARAGRAPH) and _KEY_MOMENTS.match(heading_text):
            in_key_moments = True
            continue
        kind = _kind_of_drop(block)
        if kind:
            dropped[kind] += 1
            continue
        if in_key_moments and block.kind == ITEM:
            moments.append(_key_moment(text))
            continue
        in_key_moments = False
        if block.kind == HEADING:
            paragraphs.append(text)  # a section heading inside the article stays, in order
        elif block.kind == ITEM:
            paragraphs.append("• " + text)
        else:
            paragraphs.append(text)
    return ParsedRecap(fmt, headline.strip(), paragraphs, moments, dict(dropped))


# --------------------------------------------------------------------- entry


def parse_recap(text: str, raw: bool = False) -> ParsedRecap:
    """A clean recap from an article. With `raw`, the text is kept as given (cleaned of
    control characters) with no headline or key moments taken out."""
    text = clean_text(text)
    if not text.strip():
        raise EpisodeTuiError("the recap is empty")
    if raw:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        return ParsedRecap("raw", "", paragraphs, [], {})
    fmt = detect_format(text)
    chrome = 0
    headline = ""
    if fmt == "html":
        blocks, chrome, headline = _html_blocks(text)
    else:
        blocks = _line_blocks(text, markdown=fmt == "markdown")
    parsed = _classify(blocks, headline, fmt, chrome)
    if not parsed.paragraphs and not parsed.key_moments:
        raise EpisodeTuiError(
            "found no recap text in it (no paragraphs after taking out page furniture); "
            "use --raw to keep it as it is"
        )
    return parsed


# -------------------------------------------------------------- the target

_QUOTED = re.compile(r"[‘“«„]([^’”»“\n]{1,120})[’”»]|\"([^\"\n]{1,120})\"|(?:(?<=\s)|^)'([^'\n]{1,120})'(?=[\s:,.;!?]|$)")
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_NUM = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def normalize_title(title: str) -> str:
    """Case and punctuation insensitive: only letters and digits (any script) remain."""
    return "".join(ch for ch in title.casefold() if ch.isalnum())


@dataclass(frozen=True)
class TargetGuess:
    """What the headline suggests; the user confirms it, it is never applied silently."""

    quoted_title: str | None
    show_title: str | None  # the library show it matches, if any
    season: int | None
    number: int | None

    def describe(self) -> str:
        parts = []
        if self.show_title:
            parts.append(self.show_title)
        elif self.quoted_title:
            parts.append(f"{self.quoted_title} (not in the library)")
        if self.number is not None:
            parts.append(f"S{(self.season or 1):02d}E{self.number:02d}")
        return " ".join(parts) or "no suggestion"


def guess_episode(headline: str) -> tuple[int | None, int | None]:
    """(season, episode) named in a headline, or (None, None)."""
    text = headline.lower()
    patterns = (
        (r"\bs(\d{1,3})\s*e(\d{1,4})\b", None),
        (r"\b(\d{1,3})x(\d{1,4})\b", None),
        (rf"\bseason\s+{_NUM}\s*,?\s*(?:episode|ep\.?)\s+{_NUM}\b", None),
        (rf"\bseason\s+{_NUM}\s+premiere\b", "premiere"),
    )
    for pattern, special in patterns:
        match = re.search(pattern, text)
        if match:
            season = _number(match.group(1))
            return (season, 1) if special else (season, _number(match.group(2)))
    season_match = re.search(rf"\bseason\s+{_NUM}\b", text)
    season = _number(season_match.group(1)) if season_match else None
    match = re.search(rf"\b(?:episode|ep\.?)\s*#?\s*{_NUM}\b", text) or re.search(r"제?\s*(\d{1,4})\s*(?:화|회)(?!\w)", text)
    if match:
        return season or 1, _number(match.group(1))
    match = re.search(r"\b(" + "|".join(_ORDINALS) + r")\s+episode\b", text)
    if match:
        return season or 1, _ORDINALS[match.group(1)]
    if re.search(r"\b(?:series\s+|season\s+)?premiere\b", text):
        return season or 1, 1
    return None, None


def guess_target(headline: str, library_titles: list[str]) -> TargetGuess:
    quoted = None
    for match in _QUOTED.finditer(headline):
        quoted = next(group for group in match.groups() if group)
        break
    by_key = {normalize_title(title): title for title in library_titles}
    show_title = None
    if quoted and normalize_title(quoted) in by_key:
        show_title = by_key[normalize_title(quoted)]
    if show_title is None:
        # No quotes, or quotes around something else: a library title inside the headline.
        flat = normalize_title(headline)
        found = [title for key, title in by_key.items() if key and key in flat]
        if found:
            show_title = max(found, key=len)
    season, number = guess_episode(headline)
    return TargetGuess(quoted, show_title, season, number)


def save_parsed_recap(
    library: Library, episode_id: int, parsed: ParsedRecap, *, source: str = "", title: str | None = None
) -> None:
    """Attach a parsed recap to an episode (replacing any recap it had), in one step."""
    library.set_recap(
        episode_id,
        parsed.text,
        title=parsed.headline if title is None else title,
        source=source,
        key_moments=parsed.key_moments,
    )


def html_fragment_paragraphs(html: str) -> list[str]:
    """The text blocks of a small HTML fragment (a synopsis), in order."""
    parser = _HtmlBlocks(None)
    parser.feed(html)
    parser.close()
    return [block.text for block in parser.blocks]
