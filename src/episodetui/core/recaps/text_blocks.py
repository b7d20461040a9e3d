"""Blocks from copied text and Markdown, and telling the formats apart by content."""

from __future__ import annotations

import re

from episodetui.core.html_blocks import CAPTION, HEADING, ITEM, PARAGRAPH, Block
from episodetui.core.recaps import furniture

_HTML_HINT = re.compile(
    r"<!doctype html|<html[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]|<h1[\s>]", re.I
)


def detect_format(text: str) -> str:
    """html, markdown or text, from the content (a file name can lie)."""
    head = text[:20000]
    if _HTML_HINT.search(head) and head.count("<") >= 3:
        return "html"
    if re.search(r"^#{1,6}\s+\S", head, re.M) or re.search(
        r"!\[[^\]]*\]\(|\[[^\]\n]+\]\((?:https?:|/|#)", head
    ):
        return "markdown"
    if re.search(r"^\*\*[^*\n]+\*\*\s*:?\s*$", head, re.M):
        return "markdown"
    if len(re.findall(r"^\s*(?:\d{1,2}[.)]\s+)?\*\*[^*\n]{2,100}\*\*[ \t]*\S", head, re.M)) >= 2:
        return "markdown"  # "**1. Title.** Its text": bold run-in titles, two at least
    return "text"


_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# Alt text run into a numbered title: "Marlow on the pier4. The Sin of the Father"
_GLUED_NUMBER = re.compile(
    r"^\s*((?:[A-Za-z][\w'’-]*\s+){0,7}[A-Za-z][\w'’-]*[a-z])(\d{1,2}\.\s+[A-Z][^.!?]{0,80})$"
)
_PRO_CON = re.compile(r"^[+\-−]\S")
# A heading run into its paragraph by markup, the same word ending one and starting the
# other: "What is KestrelfordKestrelford is a TV show…"
_GLUED_HEADING = re.compile(r"^((?:[\w'’]+\s+){1,7}?([A-Z][a-z]{3,}))(\2\b(?:\s+\S+){7,}.*)$")
BULLET = re.compile(r"^\s*(?:--|[•·▪●◦‣∙*+\-–—])\s+(?=\S)")
# 1. Title / 1) / 1.) / 1/ Title / 1 - Title / #1 Title / No. 1: Title / Moment 1: Title
NUMBERED = re.compile(
    r"^\s*(?:(?:#|No\.|Nr\.|Number)\s?(\d{1,2})\s*[.):\-–—]?|(\d{1,2})(?:\.\)|[.):/]|\s+[-–—:])|\((\d{1,2})\)"
    r"|(?:[a-z]+\s+)?(?:moment|takeaway|scene|reason|lesson|highlight|thing)\s+#?(\d{1,2})\s*[.:\-–—])\s+(?=\S)",
    re.I,
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"^\s*!\[([^\]]*)\]\([^)]*\)\s*$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
# "**Title.** Text" or "1. **Title** – text": a bold lead run into its paragraph
_MD_LEAD = re.compile(r"^\s*(?:(?:#|No\.\s?)?\d{1,2}[.):]?\)?\s+)?(\*\*|__)(.+?)\1(?=\s*\S)")
_MD_RULE = re.compile(r"\s*([-*_])(\s*\1){2,}\s*")
SOFT_LINE = 100  # a line this long was not wrapped by hand: each line is a block


def strip_inline_markdown(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text


# "…we knew this was coming.3. Actually, the whole standoff": the next entry's number run
# into the end of the last sentence of the entry before it (a page that lost its line break)
_NUMBER_AFTER_SENTENCE = re.compile(r"(?<=[a-z][.!?])(?=\d{1,2}\.\s+[\"“‘'A-Z])")


def _unglued(line: str) -> list[str]:
    """A line split where a numbered title starts right after a sentence's full stop."""
    match = _NUMBER_AFTER_SENTENCE.search(line)
    if not match or len(line[: match.start()].split()) < 3:
        return [line]
    return [line[: match.start()], line[match.start() :]]


# "1. When Randall spits the truth.  In a flashback, …": a bold title's sentence, its
# markup lost in the copy, and two spaces where the bold ended
_SPACED_LEAD = re.compile(r"^\s*(\S.*?[.!?…][\"”’')]?)[ \t\u00a0]{2,}(?=\S)")


def _spaced_lead(line: str) -> str:
    """The first sentence of a numbered line when two spaces set it apart from the
    text after it, and only it (a typist who puts two spaces after every sentence sets
    nothing apart)."""
    lead = _SPACED_LEAD.match(line)
    if not lead or len(re.findall(r"[.!?…][\"”’')]?[ \t\u00a0]{2,}\S", line)) != 1:
        return ""
    return " ".join(lead.group(1).split()) if len(lead.group(1).split()) <= 26 else ""


def _title_like(text: str) -> bool:
    """A short line that does not end a sentence: a title, not a wrapped sentence."""
    text = text.strip().strip("*_").strip()
    return bool(text) and len(text.split()) <= 14 and not re.search(r"[.!?,;]$", text)


def _wrap_width(lines: list[str]) -> int:
    """The width a hand-wrapped text was wrapped at: its second-longest line (one long
    link or title line does not set it)."""
    lengths = sorted((len(line.rstrip()) for line in lines if line.strip()), reverse=True)
    return lengths[1] if len(lengths) > 1 else sum(lengths)


def _hand_wrapped(lines: list[str], width: int) -> bool:
    """Most lines with another line under them run close to the wrap width, as a
    wrapped paragraph's lines do; lines of copied text (one paragraph or title each)
    are as long as they happen to be."""
    above = [a.rstrip() for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    return not above or sum(len(a) * 5 >= width * 4 for a in above) * 2 >= len(above)


def _room_above(above: str, line: str, width: int) -> bool:
    """The line's first word would have fitted on the line above it: a wrapped paragraph
    never leaves that room, so the line above ended its block ("Posted on April 3" under
    a headline, "He doesn't have to." under a short sentence, lines of dialogue)."""
    first = line.split()[0] if line.split() else ""
    return len(above.rstrip()) + 1 + len(first) <= width


def line_blocks(text: str, markdown: bool) -> list[Block]:
    """Blocks from text or Markdown. Blank lines separate blocks; bullets and numbers
    start items; a hand-wrapped line continues the paragraph or item above it. Text
    copied from a browser has one paragraph per line: then each line is a block."""
    lines = [part for line in text.split("\n") for part in _unglued(line)]
    width = _wrap_width(lines)
    soft = any(len(line.strip()) > SOFT_LINE for line in lines) or (
        not markdown and not _hand_wrapped(lines, width)  # Markdown joins a paragraph's lines anyway
    )
    previous = ""  # the line above the current one
    blocks: list[Block] = []
    current: Block | None = None
    group = 0

    more: list[str] = []  # wrapped lines of the current block, joined once at the end
    after_image = False  # Markdown: the line right under an image is its credit or caption

    def flush() -> None:
        nonlocal current
        if current is not None:
            current.text = " ".join(" ".join([current.text, *more]).split())
            if current.text:
                blocks.append(current)
        current = None
        more.clear()

    def start(kind: str, body: str, indented: bool = False, level: int = 0) -> Block:
        nonlocal current
        flush()
        current = Block(kind, body, group=group, indented=indented, level=level)
        return current

    for raw in lines:
        line = raw.rstrip()
        above, previous = previous, line
        if not line.strip():
            flush()
            group += 1
            after_image = False
            continue
        under_image, after_image = after_image, False
        indented = line[:1] in (" ", "\t")
        if markdown:
            if _MD_RULE.fullmatch(line):
                flush()
                group += 1
                continue
            image = _MD_IMAGE.match(line)
            if image:
                start(CAPTION, image.group(1) or " ")
                flush()
                after_image = True
                continue
            if under_image and _title_like(line) and len(line.split()) <= 8 and not NUMBERED.match(line):
                start(CAPTION, line.strip())  # "Netflix", "Photo: X" under the picture
                flush()
                continue
            heading = _MD_HEADING.match(line)
            if heading:
                start(HEADING, strip_inline_markdown(heading.group(2)), level=len(heading.group(1)))
                flush()
                continue
            bold = _MD_BOLD_LINE.match(line)
            if bold and len(bold.group(2).split()) <= 14:
                start(HEADING, strip_inline_markdown(bold.group(2)), level=0)
                flush()
                continue
            if _MD_TABLE_ROW.match(line):
                start(PARAGRAPH, line.strip()).hint = "table"
                flush()
                continue
            line = re.sub(r"^\s*>\s?", "", line)  # quotes are body text
        if (
            _PRO_CON.match(line)
            and current is not None
            and current.kind == PARAGRAPH
            and _PRO_CON.match(current.text)
            and "+" in (current.text[0], line[0])
        ):
            more.append(line.strip())  # "+Tough choices" / "-Weaker story": one list of pros and cons
            continue
        if furniture.IMAGE_ID.match(line.strip()):
            start(CAPTION, line.strip())  # a picture's id between an item's title and its text
            flush()
            continue
        bullet = BULLET.match(line)
        if bullet:
            start(ITEM, line[bullet.end() :]).marker = line.strip()[0]
            continue
        glued = _GLUED_NUMBER.match(line)
        if glued and NUMBERED.match(glued.group(2)):
            start(
                CAPTION, glued.group(1).strip()
            )  # "Marlow on the pier4. The Sin…": alt text run into the title
            flush()
            line = glued.group(2)
        if NUMBERED.match(line):
            start(ITEM, line.strip()).lead = _spaced_lead(line)
            continue
        if (
            current is not None
            and current.kind == ITEM
            and indented
            and not more
            and _item_title_over(current.text, line)
        ):
            start(PARAGRAPH, line.strip(), indented=True)  # "  1. Title" over "    Its text."
            continue
        continues = current is not None and (
            (current.kind == ITEM and indented)
            or (
                not soft
                and (markdown or not _room_above(above, line, width))
                and not (current.kind == ITEM and not more and _title_like(current.text) and not indented)
                and not (current.kind == PARAGRAPH and not more and _looks_like_label(current.text))
                # in copied text the room above already told a title from a wrapped line
                and not (
                    markdown and current.kind == PARAGRAPH and not more and _title_over(current.text, line)
                )
            )
        )
        if (
            not continues
            and current is not None
            and current.kind == PARAGRAPH
            and _lines_of_a_label(current.text, more, line)
        ):
            more.append("· " + line.strip())  # "Season Tally:" over its short lines: one block
        elif continues:
            more.append(line.strip())
        elif glued_heading := _GLUED_HEADING.match(line.strip()):
            start(PARAGRAPH, glued_heading.group(1))  # "What is ShowShow is a TV show…": two blocks
            start(PARAGRAPH, glued_heading.group(3), indented=indented)
        else:
            start(PARAGRAPH, line.strip(), indented=indented)
    flush()
    if markdown:
        for block in blocks:
            lead = _MD_LEAD.match(block.text)
            block.text = " ".join(strip_inline_markdown(block.text).split())
            if lead:
                block.lead = " ".join(strip_inline_markdown(lead.group(2)).split())
    return [block for block in blocks if block.text.strip()]


_LABEL = re.compile(
    r"^(?:the\s+)?(?:key|best|standout|stand-out|top|biggest|memorable|major)\s+moments?\b.{0,50}:?$"
    r"|^(?:highlights?|episode\s+highlights|best\s+bits|more\s+stories|sponsored\s+stories|related|read\s+more)\s*:?$",
    re.I,
)


def _title_over(first: str, second: str) -> bool:
    """A short title line over a longer line of prose ("The lifeboat drill" / "A comic
    scene that…"): a hand-wrapped paragraph's first line is about as long as the next."""
    first = first.strip()
    if _title_like(first) and _title_like(second) and len(first.split()) <= 6 and len(second.split()) <= 6:
        return True  # two short lines ("Harlan Dies" / "Vale Network"): a title and a credit, not a wrap
    return (
        _title_like(first)
        and len(first.split()) <= 8
        and first[:1].isupper()
        and len(first) * 5 <= len(second.strip()) * 3
    )


def _item_title_over(item: str, line: str) -> bool:
    """An indented sentence under a short list item that is a title: the item's text,
    not the rest of a wrapped item (which goes on mid-sentence, in lower case)."""
    line = line.strip()
    return (
        _title_like(item)
        and len(item.strip()) <= 40
        and line[:1].isupper()
        and bool(re.search(r"[.!?…\"”’)]$", line))
    )


def _lines_of_a_label(label: str, more: list[str], line: str) -> bool:
    """A short line under a short label that ends with a colon ("Up-to-date Season
    Tally:" / "Red Team has lost 1 player"), in the same group: the label's lines."""
    line = line.strip()
    return (
        label.rstrip().endswith(":")
        and len(label.split()) <= 6
        and (not more or all(m.startswith("· ") for m in more))
        and not furniture.kind_of_drop(Block(PARAGRAPH, label))
        and not furniture.is_trailing(label.strip())  # "No comments:" over a page's links
        and len(line.split()) <= 8
        and not re.search(r"[.!?:]$", line)
        and not BULLET.match(line)
        and not NUMBERED.match(line)
    )


def _looks_like_label(text: str) -> bool:
    return bool(_LABEL.match(text.strip().strip("*_#").strip()))
