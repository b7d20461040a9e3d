"""Reading the text blocks of an HTML page or fragment with the standard library.

No script runs and nothing is fetched: `html.parser` only tokenises. A page gives its
blocks (heading, paragraph, list item, caption) in order, each marked with what the
page's own markup says about it (inside the article or not, inside a byline, share bar,
breadcrumb or comment section), plus the page's titles (`<h1>` whole, `<title>`,
`og:title`, a kicker) for guessing what the page is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from episodetui.core.errors import EpisodeTuiError

HEADING, PARAGRAPH, ITEM, CAPTION = "heading", "paragraph", "item", "caption"


@dataclass
class Block:
    """A unit of text: a paragraph, a heading, a list item or an image caption.

    `group` numbers runs of adjacent lines (text with no blank line between them);
    `hint` is what the page's markup says the block is ("byline", "share", "deck", …);
    `in_article` is false for text outside the page's article."""

    kind: str
    text: str
    group: int = 0
    hint: str = ""
    in_article: bool = True
    level: int = 0  # heading level (1-6); 0 for other blocks
    marker: str = ""  # text: the bullet a list item started with
    indented: bool = False  # text: the line was indented (a wrapped list item goes on)
    lead: str = ""  # the bold words the block starts with, when more text follows them
    number: int = 0  # html: the number a browser shows before this item of an <ol>


@dataclass
class HtmlPage:
    blocks: list[Block] = field(default_factory=list)
    h1: str = ""
    title: str = ""
    og_title: str = ""
    kicker: str = ""
    image_alts: list[str] = field(default_factory=list)  # the first pictures' alt text: for the guess


_SKIPPED_TAGS = {
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "form",
    "button",
    "select",
    "textarea",
}
_CHROME_TAGS = {"nav", "aside", "footer"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADINGS | {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "figcaption",
    "ul",
    "ol",
    "header",
    "figure",
    "table",
    "tr",
    "dt",
    "dd",
    "pre",
    "dl",
    "address",
    "hgroup",
    "details",
    "summary",
}
_VOID_TAGS = {
    "br",
    "img",
    "hr",
    "meta",
    "link",
    "input",
    "source",
    "wbr",
    "area",
    "base",
    "col",
    "param",
    "track",
}

# What a class or id says about a container, by the words sites use for them.
_HINT_WORDS = {
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "meta": "byline",
    "postmeta": "byline",
    "entrymeta": "byline",
    "dateline": "byline",
    "date": "byline",
    "published": "byline",
    "timestamp": "byline",
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "crumbs": "navigation",
    "pagination": "navigation",
    "postnav": "navigation",
    "navlinks": "navigation",
    "postnavigation": "navigation",
    "prevnext": "navigation",
    "skiplink": "navigation",
    "menu": "navigation",
    "topbar": "navigation",
    "logo": "navigation",
    "kicker": "kicker",
    "eyebrow": "kicker",
    "category": "kicker",
    "categories": "kicker",
    "rubric": "kicker",
    "tags": "tags",
    "tag": "tags",
    "taglist": "tags",
    "labels": "tags",
    "share": "share",
    "sharing": "share",
    "sharedaddy": "share",
    "sharebuttons": "share",
    "social": "share",
    "related": "related",
    "recommended": "related",
    "morestories": "related",
    "readmore": "related",
    "comments": "comments",
    "comment": "comments",
    "respond": "comments",
    "replies": "comments",
    "newsletter": "promo",
    "subscribe": "promo",
    "signup": "promo",
    "promo": "promo",
    "ad": "promo",
    "ads": "promo",
    "advert": "promo",
    "advertisement": "promo",
    "sponsored": "promo",
    "sidebar": "navigation",
    "widget": "navigation",
    "rating": "rating",
    "stars": "rating",
    "score": "rating",
    "deck": "deck",
    "dek": "deck",
    "standfirst": "deck",
    "subtitle": "deck",
    "subhead": "deck",
    "summary": "deck",
    "excerpt": "deck",
    "lede": "deck",
    "strapline": "deck",
}
_CAPTION_HINTS = {"caption", "wpcaption", "credit", "imagecredit", "photocredit"}


def _hint_of(attrs: list[tuple[str, str | None]]) -> str:
    for name, value in attrs:
        if name not in ("class", "id") or not value:
            continue
        words = [w for w in re.split(r"[\s_]+", value.lower()) if w]
        # "post-meta" is both "post meta" and "postmeta"; "share-buttons" is "sharebuttons".
        candidates = []
        for word in words:
            candidates.append(word.replace("-", ""))
            candidates.extend(part for part in word.split("-") if part)
        for word in candidates:
            if word in _CAPTION_HINTS:
                return "caption"
            if word in _HINT_WORDS:
                return _HINT_WORDS[word]
    return ""


class _PageReader(HTMLParser):
    """Collects blocks in document order. Only the first <article> (else <main>) is the
    article; navigation, sidebars, footers, scripts and forms never give text."""

    def __init__(self, scope: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.scope = scope
        self.in_scope = scope is None
        self.scope_depth = 0
        self.skip_depth = 0
        self.stack: list[tuple[str, str]] = []  # (tag, hint)
        self.buffer: list[str] = []
        self.kind = PARAGRAPH
        self.level = 0
        self.page = HtmlPage()
        self._in_title = False
        self._h1_parts: list[str] | None = None
        self._h1_done = False
        self._last_was_inline_end = False
        self._lead_parts: list[str] | None = None  # inside a <strong>/<b> that opens a block
        self._lead = ""
        self._has_text = False  # the current block has text already (kept, not joined: linear)
        self._row_cells = 0  # cells of the current table row: a row is one block, cells joined
        self._row_heads = 0
        self._lists: list[list[int] | None] = []  # open lists: an <ol>'s next number, None for <ul>
        self._item_number = 0  # the number of the <ol> item being read

    # -- helpers

    def _hint(self) -> str:
        for _, hint in reversed(self.stack):
            if hint:
                return hint
        return ""

    def _in_heading(self) -> bool:
        return any(tag in _HEADINGS for tag, _ in self.stack)

    def _only_rank(self) -> bool:
        """Only a rank so far ("<span>#01</span><strong>Title</strong>"): a bold lead may follow."""
        return bool(_RANK.fullmatch("".join(self.buffer).strip()))

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text and not self.skip_depth:
            hint = self._hint()
            if self.kind == HEADING and hint == "byline":
                hint = ""  # an article header marked "meta" still holds the headline
            lead = " ".join(self._lead.split())
            rank = _RANK.match(text)
            after = text[rank.end() :].lstrip() if rank else text
            fits = any(part.startswith(lead) and len(part) > len(lead) for part in (text, after)) or (
                rank is not None and after == lead  # "<span>1</span><strong>Title</strong>"
            )
            lead = lead if lead and fits else ""
            if self._row_cells and self._row_heads == self._row_cells:
                hint = "table"  # a table's header row: "Rank — Moment — Why"
            number = self._item_number if self.kind == ITEM else 0
            self.page.blocks.append(
                Block(
                    self.kind,
                    text,
                    hint=hint,
                    in_article=self.in_scope,
                    level=self.level,
                    lead=lead,
                    number=number,
                )
            )
            self._item_number = 0  # the item's own paragraphs after its first block are not numbered
        self.buffer = []
        self._lead_parts, self._lead, self._has_text = None, "", False
        self._row_cells = self._row_heads = 0
        self.kind = PARAGRAPH
        self.level = 0

    # -- parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            props = dict(attrs)
            if (props.get("property") or props.get("name") or "").lower() in ("og:title", "twitter:title"):
                self.page.og_title = self.page.og_title or " ".join((props.get("content") or "").split())
            return
        if tag in _VOID_TAGS:
            if tag == "img" and len(self.page.image_alts) < 3:
                alt = " ".join((dict(attrs).get("alt") or "").split())[:200]
                if alt:
                    self.page.image_alts.append(alt)
            if tag == "br":
                self.buffer.append(" ")
                if self._h1_parts is not None:
                    self._h1_parts.append(" ")
            return
        inline_after_inline = self._last_was_inline_end and tag not in _BLOCK_TAGS
        self._last_was_inline_end = False
        hint = _hint_of(attrs)
        self.stack.append((tag, hint))
        if tag in ("ol", "ul", "menu"):
            self._lists.append([_int_attr(attrs, "start", 1)] if tag == "ol" else None)
        if tag == "title":
            self._in_title = True
        if self.skip_depth:
            self.skip_depth += 1
            return
        if tag in _SKIPPED_TAGS or tag in _CHROME_TAGS:
            self._flush()
            self.skip_depth = 1
            if tag in _CHROME_TAGS:
                self.page.blocks.append(Block(PARAGRAPH, "", hint="navigation", in_article=False))
            return
        if tag == "h1" and not self._h1_done:
            self._h1_parts = []
        if self.scope and tag == self.scope and not self.in_scope and not self.scope_depth:
            self._flush()
            self.in_scope = True
            self.scope_depth = len(self.stack)
        if tag in ("td", "th") and not self.skip_depth:
            if self._row_cells and "".join(self.buffer).strip():
                self.buffer.append(" — ")  # "4 — The kite festival — Colour, noise…"
            self._row_cells += 1
            self._row_heads += tag == "th"
            return
        if tag in _BLOCK_TAGS or (hint and not self._in_heading()):
            self._flush()
            if tag == "tr":
                self._row_cells = self._row_heads = 0
            if tag in _HEADINGS:
                self.kind, self.level = HEADING, int(tag[1])
            elif tag == "li":
                self.kind = ITEM
                counter = self._lists[-1] if self._lists else None
                if counter is not None:
                    counter[0] = _int_attr(attrs, "value", counter[0])
                    self._item_number, counter[0] = counter[0], counter[0] + 1
            elif tag == "figcaption" or hint == "caption":
                self.kind = CAPTION
        elif tag in ("strong", "b") and not self._lead and (not self._has_text or self._only_rank()):
            if inline_after_inline:
                self.buffer.append(" ")  # "<span>#01</span><strong>Title</strong>"
            self._lead_parts = []
        elif inline_after_inline:
            # <span>BY DESK</span><span>NOV 12</span>: two runs, not one word
            self.buffer.append(" ")
            if self._h1_parts is not None:
                self._h1_parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or tag not in (open_tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, open_hint = self.stack.pop()
            if open_tag in ("ol", "ul", "menu") and self._lists:
                self._lists.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            elif open_tag in _BLOCK_TAGS or (open_hint and not self._in_heading()):
                self.stack.append((open_tag, open_hint))  # the block keeps its own hint
                self._flush()
                self.stack.pop()
            if open_tag == "title":
                self._in_title = False
            if open_tag == "h1" and self._h1_parts is not None:
                self.page.h1 = " ".join("".join(self._h1_parts).split())
                self._h1_parts = None
                self._h1_done = bool(self.page.h1)
            if self.in_scope and self.scope and len(self.stack) < self.scope_depth:
                self._flush()
                self.in_scope = False
                self.scope = None  # only the first article counts
            if open_tag in ("strong", "b") and self._lead_parts is not None:
                self._lead, self._lead_parts = "".join(self._lead_parts), None
            if open_tag == tag:
                break
        self._last_was_inline_end = tag not in _BLOCK_TAGS

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._last_was_inline_end = False
        if self._in_title:
            self.page.title += data
            return
        if self.skip_depth:
            return
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        if self._lead_parts is not None:
            self._lead_parts.append(data)
        if not self._has_text and data.strip():
            self._has_text = True
        self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _int_attr(attrs: list[tuple[str, str | None]], name: str, default: int) -> int:
    """A small whole number from an attribute (`<ol start="3">`, `<li value="5">`)."""
    value = (dict(attrs).get(name) or "").strip()
    return int(value) if value.isdigit() and len(value) <= 3 else default


# A rank before a listicle entry's bold title: "#01", "1.", "No. 3"
_RANK = re.compile(r"\s*(?:#|No\.\s?)?\d{1,2}[.):]?\s*")
_STRAY_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[|doctype)", re.IGNORECASE)


def read_html(html: str) -> HtmlPage:
    """The blocks and titles of a page. With an <article> (else <main>) only its
    content is marked as the article; everything else is kept, marked outside it."""
    lowered = html.lower()
    scope = "article" if "<article" in lowered else "main" if "<main" in lowered else None
    reader = _PageReader(scope)
    # html.parser asserts on a "<!" that starts no comment, doctype or CDATA section
    # ("<<![](a.png)"); such text is text, so it is escaped before reading.
    html = _STRAY_DECLARATION.sub("&lt;!", html)
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # any other malformation html.parser trips on
        raise EpisodeTuiError(
            "the page's HTML is too damaged to read; save it again, or copy its text"
        ) from None
    page = reader.page
    page.title = " ".join(page.title.split())
    for block in page.blocks:
        if block.hint == "kicker" and block.text:
            page.kicker = block.text
            break
    return page


def html_fragment_paragraphs(html: str) -> list[str]:
    """The text blocks of a small HTML fragment (a synopsis), in order."""
    return [block.text for block in read_html(html).blocks if block.text]
