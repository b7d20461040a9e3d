"""Search: the FTS5 indexes (schema v4) read through the spoiler policy.

The indexes hold every text; what a user may see is decided here, in the query, from a
table of every (kind of text, spoiler mode, watched, revealed, next) combination that the
one policy in `core/spoilers.py` is asked about. A hidden row is filtered out before it is
counted, ranked or cut into a snippet, so it cannot change what the search shows.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache

from episodetui.core.schema import SEARCH_KINDS, SHOW_FILL
from episodetui.core.search_text import Query
from episodetui.core.spoilers import EpisodeState, SpoilerMode, SpoilerPolicy, TextKind
from episodetui.core.store.db import Database

KIND_OF_CODE = {
    SEARCH_KINDS["show_title"]: TextKind.SHOW,
    SEARCH_KINDS["show_synopsis"]: TextKind.SHOW,
    SEARCH_KINDS["episode_title"]: TextKind.EPISODE_TITLE,
    SEARCH_KINDS["episode_synopsis"]: TextKind.EPISODE_SYNOPSIS,
    SEARCH_KINDS["note"]: TextKind.NOTE,
    SEARCH_KINDS["recap"]: TextKind.RECAP,
    SEARCH_KINDS["key_moment"]: TextKind.KEY_MOMENT,
}
# Where a hit matched, in the words a person would use.
WHERE_OF_CODE = {
    SEARCH_KINDS["show_title"]: "title",
    SEARCH_KINDS["show_synopsis"]: "synopsis",
    SEARCH_KINDS["episode_title"]: "title",
    SEARCH_KINDS["episode_synopsis"]: "synopsis",
    SEARCH_KINDS["note"]: "note",
    SEARCH_KINDS["recap"]: "recap",
    SEARCH_KINDS["key_moment"]: "key moment",
}
_MODES = list(SpoilerMode)
# Best first: titles, then the user's notes and key moments, then longer texts.
_KIND_PRIORITY = [
    "show_title",
    "episode_title",
    "note",
    "key_moment",
    "recap",
    "episode_synopsis",
    "show_synopsis",
]
_KIND_ORDER = (
    "CASE rid % 8 "
    + " ".join(f"WHEN {SEARCH_KINDS[kind]} THEN {rank}" for rank, kind in enumerate(_KIND_PRIORITY))
    + " END"
)
_MODE_SQL = "CASE {mode} " + " ".join(f"WHEN '{m.value}' THEN {i * 8}" for i, m in enumerate(_MODES)) + " END"


@cache
def visible_keys() -> str:
    """Every visible (kind, mode, watched, revealed, next) as an integer key, as JSON.

    key = kind code * 64 + mode index * 8 + watched * 4 + revealed * 2 + next; the query
    computes the same key for each row and keeps the row only if the policy said yes.
    """
    keys = []
    for code, kind in KIND_OF_CODE.items():
        for index, mode in enumerate(_MODES):
            policy = SpoilerPolicy(mode)
            for watched, revealed, is_next in itertools.product((False, True), repeat=3):
                if policy.text_visible(kind, EpisodeState(watched, is_next, revealed)):
                    keys.append(code * 64 + index * 8 + watched * 4 + revealed * 2 + is_next)
    return json.dumps(keys)


def next_matters(mode: SpoilerMode) -> bool:
    """Whether being the next episode changes what this mode shows (strict: it does)."""
    policy = SpoilerPolicy(mode)
    return any(
        policy.text_visible(kind, EpisodeState(watched, False, revealed))
        != policy.text_visible(kind, EpisodeState(watched, True, revealed))
        for kind in TextKind
        for watched, revealed in itertools.product((False, True), repeat=2)
    )


@dataclass(frozen=True, slots=True)
class SearchRow:
    """One visible hit as stored: the text itself is read separately, for shown rows only."""

    rowid: int
    show_id: int
    episode_id: int | None
    show_title: str
    season: int | None
    number: int | None
    episode_title: str | None
    state: EpisodeState
    spoiler_mode: SpoilerMode

    @property
    def code(self) -> int:
        return self.rowid % 8

    @property
    def source_id(self) -> int:
        """The note's or key moment's id (or the show's, episode's, recap's episode's)."""
        return self.rowid // 8

    @property
    def kind(self) -> TextKind:
        return KIND_OF_CODE[self.code]

    @property
    def where(self) -> str:
        return WHERE_OF_CODE[self.code]


class SearchRoom(Database):
    def add_show_unindexed(self, add: Callable[[], int]) -> int:
        """Run `add`, which inserts a new show with its rows and returns its id, with the
        row-by-row index triggers standing aside. For bulk imports, inside the caller's
        transaction: `index_shows` must index it before anything changes its rows."""
        self._indexing = 0
        try:
            return add()
        finally:
            self._indexing = 1

    def index_shows(self, show_ids: Collection[int]) -> None:
        """Index shows added by `add_show_unindexed`: one statement per kind of text."""
        if show_ids:
            ids = json.dumps(list(show_ids))
            for statement in SHOW_FILL:
                self._db.execute(statement, (ids,))

    def change_marker(self) -> tuple[int, int]:
        """Changes whenever the library does, by this connection or another process."""
        return self.data_version(), self._db.total_changes

    def spoiler_modes_in_use(self) -> set[SpoilerMode]:
        rows = self._db.execute("SELECT DISTINCT spoiler_mode FROM shows").fetchall()
        return {SpoilerMode(mode) if mode else self.spoiler_mode for (mode,) in rows}

    def search_rows(
        self,
        query: Query,
        *,
        show_id: int | None = None,
        revealed: Collection[int] = (),
        next_ids: Collection[int] = (),
        limit: int = 100,
        cap: int | None = None,
    ) -> tuple[list[SearchRow], int]:
        """The visible hits, best first (at most `limit`), and how many there are in all
        (or `cap + 1` when there are more than `cap`)."""
        if query.empty:
            return [], 0
        params: dict[str, object] = {
            "mode": self.spoiler_mode.value,
            "visible": visible_keys(),
            "revealed": json.dumps(sorted(revealed)),
            "next": json.dumps(sorted(next_ids)),
            "limit": limit,
            "show_id": show_id,
        }
        cjk_conditions = []
        for index, term in enumerate(query.cjk):
            if len(term) >= 3:
                params[f"cjk{index}"] = f'"{term}"'
                cjk_conditions.append(f"SELECT rowid FROM search_cjk WHERE search_cjk MATCH :cjk{index}")
            else:
                # Shorter than a trigram: a scan, but only of the rows that hold CJK text.
                # (instr, not LIKE: SQLite before 3.43 misreads short CJK LIKE patterns.)
                params[f"cjk{index}"] = term
                cjk_conditions.append(f"SELECT rowid FROM search_cjk WHERE instr(body, :cjk{index}) > 0")
        if query.words:
            params["words"] = query.fts_words()
            hits = (
                "SELECT rowid AS rid, show_id, episode_id FROM search_index WHERE search_index MATCH :words"
            )
            hits += "".join(f" AND rowid IN ({c})" for c in cjk_conditions)
        else:
            first, *rest = cjk_conditions
            hits = (
                "SELECT i.rowid AS rid, i.show_id, i.episode_id FROM search_index i"
                f" WHERE i.rowid IN ({first})" + "".join(f" AND i.rowid IN ({c})" for c in rest)
            )
        one_show = "AND h.show_id = :show_id" if show_id is not None else ""
        watched = "(w.episode_id IS NOT NULL)"
        is_revealed = "COALESCE(h.episode_id IN (SELECT value FROM json_each(:revealed)), 0)"
        is_next = "COALESCE(h.episode_id IN (SELECT value FROM json_each(:next)), 0)"
        mode = _MODE_SQL.format(mode="COALESCE(s.spoiler_mode, :mode)")
        # Hits are read in index order and filtered; with a cap the scan stops once that
        # many visible hits are found, so a one-letter query on a big library stays quick
        # and its count reads "more than N". Hidden rows never count towards the cap.
        params["cap"] = -1 if cap is None else cap + 1
        rows = self._db.execute(
            f"""
            WITH hits AS ({hits}),
            visible AS (
                SELECT h.rid, h.show_id, h.episode_id, s.title AS show_title,
                       e.season, e.number, e.title AS episode_title,
                       {watched} AS watched, {is_revealed} AS revealed, {is_next} AS is_next,
                       COALESCE(s.spoiler_mode, :mode) AS mode
                FROM hits h
                JOIN shows s ON s.id = h.show_id
                LEFT JOIN episodes e ON e.id = h.episode_id
                LEFT JOIN watches w ON w.episode_id = h.episode_id
                WHERE (h.rid % 8) * 64 + {mode} + {watched} * 4 + {is_revealed} * 2 + {is_next}
                      IN (SELECT value FROM json_each(:visible))
                  {one_show}
                LIMIT :cap
            )
            SELECT *, COUNT(*) OVER () FROM visible
            ORDER BY {_KIND_ORDER}, show_title, show_id, season = 0, season, number, rid
            LIMIT :limit
            """,
            params,
        ).fetchall()
        total = rows[0][-1] if rows else 0
        return [
            SearchRow(
                rowid=r[0],
                show_id=r[1],
                episode_id=r[2],
                show_title=r[3],
                season=r[4],
                number=r[5],
                episode_title=r[6],
                state=EpisodeState(watched=bool(r[7]), is_next=bool(r[9]), revealed=bool(r[8])),
                spoiler_mode=SpoilerMode(r[10]),
            )
            for r in rows
        ], total

    def search_texts(self, rowids: Collection[int]) -> dict[int, str]:
        """The indexed text of rows the search already found visible."""
        if not rowids:
            return {}
        rows = self._db.execute(
            "SELECT rowid, body FROM search_index WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )
        texts = dict(rows.fetchall())
        # A note is indexed without its ||spoiler spans||; its snippet is the note itself,
        # masked (or revealed) by the policy, so the hidden part keeps its shape.
        note = SEARCH_KINDS["note"]
        note_ids = [rowid // 8 for rowid in rowids if rowid % 8 == note]
        if note_ids:
            for note_id, body in self._db.execute(
                "SELECT id, body FROM notes WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(note_ids),),
            ):
                texts[note_id * 8 + note] = body
        return texts
