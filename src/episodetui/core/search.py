"""Spoiler-safe search over everything in the library: the use case the TUI and CLI share.

    results = Searcher(library).search("lantern")

Hits come back best first and grouped by show, each with where it matched (title,
synopsis, note, recap, key moment) and a one-line snippet with the matched words marked.
Only what the spoiler policy lets the user see is searched, counted or quoted; notes'
||spoiler spans|| are masked in snippets unless `notes_revealed`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from episodetui.core.search_text import Query, Snippet, make_snippet, parse_query
from episodetui.core.spoilers import SpoilerPolicy, TextKind
from episodetui.core.store import Library
from episodetui.core.store.search import SearchRow, next_matters

DEFAULT_LIMIT = 100


@dataclass(frozen=True, slots=True)
class SearchHit:
    show_id: int
    show_title: str
    episode_id: int | None  # None: the show itself, or a note on the show
    code: str | None  # S01E02
    season: int | None
    number: int | None
    episode_title: str | None  # as the spoiler policy allows (strict may hide it)
    where: str  # title, synopsis, note, recap, key moment
    kind: TextKind
    note_id: int | None
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class ShowHits:
    show_id: int
    show_title: str
    hits: list[SearchHit]


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: Query
    total: int  # every visible hit, also those past the limit (cap + 1: more than cap)
    cap: int | None = None
    groups: list[ShowHits] = field(default_factory=list)

    @property
    def hits(self) -> list[SearchHit]:
        return [hit for group in self.groups for hit in group.hits]

    @property
    def more_than_cap(self) -> bool:
        return self.cap is not None and self.total > self.cap


class Searcher:
    """Searches one library; keeps what does not change between keystrokes."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._next_ids: tuple[tuple[int, int], frozenset[int]] | None = None  # (change marker, ids)

    def prepare(self) -> None:
        """Read now what the first search would otherwise wait for."""
        self._next_episode_ids()

    def _next_episode_ids(self) -> frozenset[int]:
        """Next episodes of every show, only if a spoiler mode in use cares (strict)."""
        if not any(next_matters(mode) for mode in self.library.spoiler_modes_in_use()):
            return frozenset()
        version = self.library.change_marker()
        if self._next_ids is None or self._next_ids[0] != version:
            ids = frozenset(s.next_episode.id for s in self.library.summaries() if s.next_episode)
            self._next_ids = (version, ids)
        return self._next_ids[1]

    def search(
        self,
        text: str,
        *,
        show_id: int | None = None,
        revealed: Collection[int] = (),
        notes_revealed: bool = False,
        limit: int = DEFAULT_LIMIT,
        cap: int | None = None,
        snippet_width: int = 90,
    ) -> SearchResults:
        """Hits best first, grouped by show. With `cap`, counting stops past `cap` hits."""
        query = parse_query(text)
        if query.empty:
            return SearchResults(query, 0, cap=cap)
        rows, total = self.library.search_rows(
            query,
            show_id=show_id,
            revealed=revealed,
            next_ids=self._next_episode_ids(),
            limit=limit,
            cap=cap,
        )
        texts = self.library.search_texts([row.rowid for row in rows])
        groups: dict[int, ShowHits] = {}
        for row in rows:
            hit = _hit(row, texts.get(row.rowid, ""), query, notes_revealed, snippet_width)
            groups.setdefault(row.show_id, ShowHits(row.show_id, row.show_title, [])).hits.append(hit)
        for group in groups.values():
            group.hits.sort(key=_episode_order)
        return SearchResults(query, total, cap=cap, groups=list(groups.values()))


def _hit(row: SearchRow, text: str, query: Query, notes_revealed: bool, width: int) -> SearchHit:
    policy = SpoilerPolicy(row.spoiler_mode)
    if row.kind is TextKind.NOTE:
        text = policy.note_text(text, notes_revealed)
    code = title = None
    if row.episode_id is not None and row.season is not None and row.number is not None:
        from episodetui.core.codes import format_episode_code

        code = format_episode_code(row.season, row.number)
        title = policy.episode_title(row.episode_title or "", row.state)
    return SearchHit(
        show_id=row.show_id,
        show_title=row.show_title,
        episode_id=row.episode_id,
        code=code,
        season=row.season,
        number=row.number,
        episode_title=title,
        where=row.where,
        kind=row.kind,
        note_id=row.source_id if row.kind is TextKind.NOTE else None,
        snippet=make_snippet(text, query, width),
    )


_WHERE_ORDER = {"title": 0, "note": 1, "key moment": 2, "recap": 3, "synopsis": 4}


def _episode_order(hit: SearchHit) -> tuple[int, int, int, int]:
    # The show's own hits first, then episodes in order (specials after the seasons);
    # within one, the title first, then notes, key moments, the recap, the synopsis.
    where = _WHERE_ORDER.get(hit.where, 9)
    if hit.season is None or hit.number is None:
        return (0, 0, 0, where)
    return (2 if hit.season == 0 else 1, hit.season, hit.number, where)
