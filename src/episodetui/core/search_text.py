"""Search text without SQL: a typed query as safe FTS5 terms, and highlighted snippets.

Whatever a person types is split into words here and each word is quoted, so FTS5 syntax
(`"`, `NEAR(`, `*`, `-`, `:`, `AND`, parentheses) is only ever searched for, never run.
Words in Chinese, Japanese or Korean go to the trigram index, which finds substrings.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 200
MAX_TERMS = 12


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x1100 <= code <= 0x11FF
        or 0x3040 <= code <= 0x30FF
        or 0x3130 <= code <= 0x318F
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xFF66 <= code <= 0xFF9F
    )


def _is_word_char(char: str) -> bool:
    # What unicode61 keeps in a token: letters, numbers and marks (and private use).
    return unicodedata.category(char)[0] in "LNM" or unicodedata.category(char) == "Co"


@dataclass(frozen=True, slots=True)
class Query:
    """A query as terms: `words` for the unicode61 index (each a prefix), `cjk` for the
    trigram index (each a substring)."""

    words: tuple[str, ...] = ()
    cjk: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.words and not self.cjk

    def fts_words(self) -> str:
        """The words as an FTS5 query: each quoted, each a prefix, all required."""
        return " ".join(f'"{word}"*' for word in self.words)

    @property
    def terms(self) -> tuple[str, ...]:
        return self.words + self.cjk


def parse_query(text: str) -> Query:
    """Split what was typed into searchable terms. Never raises: anything else is ignored."""
    text = "".join(ch for ch in text[:MAX_QUERY_CHARS] if not unicodedata.category(ch).startswith("C"))
    text = unicodedata.normalize("NFC", text)
    words: list[str] = []
    cjk: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            term = "".join(current)
            target = cjk if any(_is_cjk(ch) for ch in term) else words
            if term.casefold() not in (t.casefold() for t in target):
                target.append(term)
            current.clear()

    for char in text:
        if _is_word_char(char):
            current.append(char)
        else:
            flush()
    flush()
    return Query(tuple(words[:MAX_TERMS]), tuple(cjk[: max(0, MAX_TERMS - len(words))]))


# ---------------------------------------------------------------- snippets


def _fold(text: str) -> tuple[str, list[int] | range]:
    """Text folded as the index folds it (case, accents), and for each folded character
    the index of the character of `text` it came from."""
    if text.isascii():
        return text.lower(), range(len(text))
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        for piece in (base or char).casefold():
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def _fold_term(term: str) -> str:
    return _fold(term)[0]


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of a text with the matched words marked as (start, end) spans."""

    text: str
    spans: tuple[tuple[int, int], ...] = field(default=())


def find_matches(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text`: words at the start of a word, CJK anywhere."""
    folded, origin = _fold(text)
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        needle = _fold_term(term)
        if not needle:
            continue
        whole_word = term in query.words
        start = folded.find(needle)
        while start != -1:
            if not whole_word or start == 0 or not _is_word_char(folded[start - 1]):
                end = start + len(needle)
                # A prefix match is highlighted to the end of its word.
                while whole_word and end < len(folded) and _is_word_char(folded[end]):
                    end += 1
                if len(spans) >= 50:
                    break
                spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(needle, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, query: Query, width: int = 90) -> Snippet:
    """A one-line window of about `width` characters around the first match."""
    flat = " ".join(text.split())
    matches = find_matches(flat, query)
    if len(flat) <= width:
        return Snippet(flat, tuple(matches))
    first = matches[0][0] if matches else 0
    start = max(0, first - width // 3)
    if start:
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 15 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > end - 15 else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    spans = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in matches if s < end and e > start)
    return Snippet(prefix + flat[start:end] + suffix, spans)
