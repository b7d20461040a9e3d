"""The SQLite schema and its forward migrations.

`MIGRATIONS[n]` takes a database from version n to n+1. The version lives in
`PRAGMA user_version`, so it can be read without trusting any table.
"""

from __future__ import annotations

V1 = """
CREATE TABLE shows (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL UNIQUE,
    year INTEGER,
    network TEXT,
    status TEXT,
    synopsis TEXT NOT NULL DEFAULT '',
    external_ids TEXT NOT NULL DEFAULT '{}',
    spoiler_mode TEXT,
    count_specials INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL
);
CREATE TABLE episodes (
    id INTEGER PRIMARY KEY,
    show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    season INTEGER NOT NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    air_date TEXT,
    runtime INTEGER,
    synopsis TEXT NOT NULL DEFAULT '',
    UNIQUE (show_id, season, number)
);
CREATE TABLE watches (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    first_watched_at TEXT NOT NULL,
    watched_at TEXT NOT NULL,
    plays INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE recaps (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE TABLE key_moments (
    id INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES recaps(episode_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    at_seconds INTEGER
);
CREATE INDEX key_moments_episode ON key_moments(episode_id, position);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    episode_id INTEGER REFERENCES episodes(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    at_seconds INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX notes_episode ON notes(episode_id);
CREATE INDEX notes_show ON notes(show_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# v2: episodes from TVmaze. `external_id` matches an episode across refreshes however
# it is renumbered; `airstamp` is the exact air time (UTC) for the upcoming view;
# `delisted` marks an episode that vanished upstream but keeps the user's data.
V2 = """
ALTER TABLE episodes ADD COLUMN external_id TEXT;
ALTER TABLE episodes ADD COLUMN airstamp TEXT;
ALTER TABLE episodes ADD COLUMN delisted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX episodes_external ON episodes(show_id, external_id);
CREATE INDEX episodes_air_date ON episodes(air_date);
"""

# v3: watching is a history of plays. `plays` is the truth: one row per play, its time
# (UTC, or NULL when unknown), where it came from, whether it was a bulk mark, and the
# rewatch pass it belongs to. `watches` becomes a per-episode summary that triggers keep
# in step with `plays`, so the queries that only ask "watched? when? how often?" stay one
# indexed lookup. A v2 watch with N plays becomes its first play, N-2 plays of unknown
# time, and its last play. Ratings (1-10) are per show or per episode; a rewatch pass is
# a show's second (third, ...) time through.
V3 = """
CREATE TABLE rewatch_passes (
    id INTEGER PRIMARY KEY,
    show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX rewatch_passes_show ON rewatch_passes(show_id, ended_at);
CREATE TABLE plays (
    id INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    watched_at TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    bulk INTEGER NOT NULL DEFAULT 0,
    pass_id INTEGER REFERENCES rewatch_passes(id) ON DELETE SET NULL
);
CREATE INDEX plays_episode ON plays(episode_id, watched_at);
CREATE INDEX plays_watched_at ON plays(watched_at);
INSERT INTO plays(episode_id, watched_at)
    SELECT episode_id, first_watched_at FROM watches;
WITH RECURSIVE extra(k) AS (
    SELECT 2 UNION ALL SELECT k + 1 FROM extra WHERE k < (SELECT MAX(plays) FROM watches)
)
INSERT INTO plays(episode_id, watched_at)
    SELECT w.episode_id, CASE WHEN extra.k = w.plays THEN w.watched_at END
    FROM watches w JOIN extra ON extra.k <= w.plays;
DROP TABLE watches;
CREATE TABLE watches (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    first_watched_at TEXT,
    watched_at TEXT,
    plays INTEGER NOT NULL
);
INSERT INTO watches(episode_id, first_watched_at, watched_at, plays)
    SELECT episode_id, MIN(watched_at), MAX(watched_at), COUNT(*) FROM plays GROUP BY episode_id;
CREATE TRIGGER plays_added AFTER INSERT ON plays BEGIN
    INSERT OR REPLACE INTO watches(episode_id, first_watched_at, watched_at, plays)
        SELECT episode_id, MIN(watched_at), MAX(watched_at), COUNT(*)
        FROM plays WHERE episode_id = NEW.episode_id GROUP BY episode_id;
END;
CREATE TRIGGER plays_removed AFTER DELETE ON plays BEGIN
    DELETE FROM watches WHERE episode_id = OLD.episode_id;
    INSERT INTO watches(episode_id, first_watched_at, watched_at, plays)
        SELECT episode_id, MIN(watched_at), MAX(watched_at), COUNT(*)
        FROM plays WHERE episode_id = OLD.episode_id GROUP BY episode_id;
END;
CREATE TRIGGER plays_moved AFTER UPDATE OF episode_id, watched_at ON plays BEGIN
    DELETE FROM watches WHERE episode_id IN (OLD.episode_id, NEW.episode_id);
    INSERT INTO watches(episode_id, first_watched_at, watched_at, plays)
        SELECT episode_id, MIN(watched_at), MAX(watched_at), COUNT(*)
        FROM plays WHERE episode_id IN (OLD.episode_id, NEW.episode_id) GROUP BY episode_id;
END;
CREATE TABLE ratings (
    id INTEGER PRIMARY KEY,
    show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
    episode_id INTEGER REFERENCES episodes(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
    rated_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'manual'
);
CREATE UNIQUE INDEX ratings_target ON ratings(show_id, COALESCE(episode_id, 0));
"""


# v4: spoiler-safe search. One FTS5 index over everything a user can search (show titles
# and synopses, episode titles and synopses, notes, recaps, key moments), kept in step with
# the data by triggers, so every write updates it in the same transaction. A row's rowid is
# its source row's id * 8 + the kind of text (below), so a trigger finds it without a scan.
# `unicode61 remove_diacritics 2` folds case and accents ("cafe" finds "Café"); the prefix
# indexes make as-you-type prefix queries cheap. Chinese, Japanese and Korean are written
# without spaces between words, which unicode61 would index as one long token: text that
# contains them is also kept in a trigram index (only that text, so it stays small), which
# finds any substring. Which rows a user may see is decided at query time by the spoiler
# policy, never here: the index holds everything, like the tables it mirrors.
SEARCH_KINDS = {
    "show_title": 0,
    "show_synopsis": 1,
    "episode_title": 2,
    "episode_synopsis": 3,
    "note": 4,
    "recap": 5,
    "key_moment": 6,
}
# Hangul Jamo, kana, compatibility Jamo, CJK ideographs (and extension A), Hangul
# syllables, half-width katakana.
_CJK = (
    "GLOB '*[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]*'"
)


def _rowid(table: str, kind: str) -> str:
    """A text's rowid in the indexes, as SQL over the row `R.`."""
    return f"R.{'episode_id' if table == 'recaps' else 'id'} * 8 + {SEARCH_KINDS[kind]}"


def _add_to_index(row: str, table: str, kind: str, text: str, show: str, episode: str) -> str:
    """The statements that index one text of `row` (NEW in a trigger)."""
    values = (_rowid(table, kind), text, show, episode)
    rid, body, show_id, episode_id = (v.replace("R.", f"{row}.") for v in values)
    return (
        f"INSERT INTO search_index(rowid, body, show_id, episode_id)"
        f" SELECT {rid}, {body}, {show_id}, {episode_id} WHERE {body} != '';\n"
        f"    INSERT INTO search_cjk(rowid, body) SELECT {rid}, {body} WHERE {body} {_CJK};"
    )


def _insert_trigger(table: str, kind: str, text: str, show: str, episode: str, when: str = "") -> str:
    return f"""CREATE TRIGGER search_{table}_{kind}_added AFTER INSERT ON {table}{when} BEGIN
    {_add_to_index("NEW", table, kind, text, show, episode)}
END;"""


def _index_triggers(table: str, kind: str, text: str, show: str, episode: str, watch: str) -> str:
    """Triggers that keep one kind of text of `table` in both search indexes.

    `text`, `show` and `episode` are SQL over the row, written with `R.` for the row;
    `watch` lists the columns whose update changes the text.
    """
    rowid = _rowid(table, kind)

    def add(row: str) -> str:
        return _add_to_index(row, table, kind, text, show, episode)

    def remove(row: str) -> str:
        rid = rowid.replace("R.", f"{row}.")
        return (
            f"DELETE FROM search_index WHERE rowid = {rid};\n    DELETE FROM search_cjk WHERE rowid = {rid};"
        )

    name = f"search_{table}_{kind}"
    # Only a real change reindexes: a TVmaze refresh rewrites every episode's title.
    changed = " OR ".join(f"OLD.{c.strip()} IS NOT NEW.{c.strip()}" for c in watch.split(","))
    return f"""
{_insert_trigger(table, kind, text, show, episode)}
CREATE TRIGGER {name}_changed AFTER UPDATE OF {watch} ON {table} WHEN {changed} BEGIN
    {remove("OLD")}
    {add("NEW")}
END;
CREATE TRIGGER {name}_removed AFTER DELETE ON {table} BEGIN
    {remove("OLD")}
END;
INSERT INTO search_index(rowid, body, show_id, episode_id)
    SELECT {rowid.replace("R.", "")}, {text.replace("R.", "")}, {show.replace("R.", "")},
           {episode.replace("R.", "")}
    FROM {table} WHERE {text.replace("R.", "")} != '';
INSERT INTO search_cjk(rowid, body)
    SELECT {rowid.replace("R.", "")}, {text.replace("R.", "")}
    FROM {table} WHERE {text.replace("R.", "")} {_CJK};
"""


_RECAP_TEXT = "CASE WHEN R.title = '' THEN R.body ELSE R.title || char(10) || char(10) || R.body END"
_SHOW_OF_EPISODE = "(SELECT e.show_id FROM episodes e WHERE e.id = R.episode_id)"

V4 = (
    """
CREATE VIRTUAL TABLE search_index USING fts5(
    body, show_id UNINDEXED, episode_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIRTUAL TABLE search_cjk USING fts5(body, tokenize = 'trigram');
"""
    + _index_triggers("shows", "show_title", "R.title", "R.id", "NULL", "title")
    + _index_triggers("shows", "show_synopsis", "R.synopsis", "R.id", "NULL", "synopsis")
    + _index_triggers("episodes", "episode_title", "R.title", "R.show_id", "R.id", "title")
    + _index_triggers("episodes", "episode_synopsis", "R.synopsis", "R.show_id", "R.id", "synopsis")
    + _index_triggers("notes", "note", "R.body", "R.show_id", "R.episode_id", "body")
    + _index_triggers("recaps", "recap", _RECAP_TEXT, _SHOW_OF_EPISODE, "R.episode_id", "title, body")
    + _index_triggers("key_moments", "key_moment", "R.body", _SHOW_OF_EPISODE, "R.episode_id", "body")
)

# v5: a note's ||spoiler spans|| are not searchable: a hit (or a count) on words inside a
# masked span would tell what it hides. The note trigger indexes the note through
# `episodetui_searchable_note`, a function every connection of the store registers.
V5 = """
DROP TRIGGER search_notes_note_added;
DROP TRIGGER search_notes_note_changed;
DROP TRIGGER search_notes_note_removed;
DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 4 FROM notes);
DELETE FROM search_cjk WHERE rowid IN (SELECT id * 8 + 4 FROM notes);
""" + _index_triggers(
    "notes", "note", "episodetui_searchable_note(R.body)", "R.show_id", "R.episode_id", "body"
)


# v6: a bulk import indexes a new show's rows in one statement per kind of text (set-based:
# 1.5 s for the 1,000-show library, where the row triggers took 7 s). While a show is
# added in bulk, `episodetui_indexing()` (registered on every connection of the store)
# answers 0 and the insert triggers stand aside; the store then runs `SHOW_FILL`.
# (table, kind, text, show, episode, watched columns), as v4 and v5 index them.
INDEX_SOURCES = [
    ("shows", "show_title", "R.title", "R.id", "NULL", "title"),
    ("shows", "show_synopsis", "R.synopsis", "R.id", "NULL", "synopsis"),
    ("episodes", "episode_title", "R.title", "R.show_id", "R.id", "title"),
    ("episodes", "episode_synopsis", "R.synopsis", "R.show_id", "R.id", "synopsis"),
    ("notes", "note", "episodetui_searchable_note(R.body)", "R.show_id", "R.episode_id", "body"),
    ("recaps", "recap", _RECAP_TEXT, _SHOW_OF_EPISODE, "R.episode_id", "title, body"),
    ("key_moments", "key_moment", "R.body", _SHOW_OF_EPISODE, "R.episode_id", "body"),
]


def _gated_insert_trigger(table: str, kind: str, text: str, show: str, episode: str, watch: str) -> str:
    gated = _insert_trigger(table, kind, text, show, episode, when=" WHEN episodetui_indexing()")
    return f"DROP TRIGGER search_{table}_{kind}_added;\n{gated}\n"


def _show_fill(table: str, kind: str, text: str, show: str, episode: str, watch: str) -> list[str]:
    """Statements that index some shows' rows of `table` (parameter: their ids, as JSON)."""
    rowid, text, show, episode = (v.replace("R.", "") for v in (_rowid(table, kind), text, show, episode))
    shows = "(SELECT value FROM json_each(?1))"
    where = {
        "shows": f"id IN {shows}",
        "episodes": f"show_id IN {shows}",
        "notes": f"show_id IN {shows}",
    }.get(table, f"episode_id IN (SELECT id FROM episodes WHERE show_id IN {shows})")
    return [
        f"INSERT INTO search_index(rowid, body, show_id, episode_id)"
        f" SELECT {rowid}, {text}, {show}, {episode} FROM {table} WHERE {where} AND {text} != ''",
        f"INSERT INTO search_cjk(rowid, body) SELECT {rowid}, {text} FROM {table} WHERE {where} AND {text} {_CJK}",
    ]


V6 = "".join(_gated_insert_trigger(*source) for source in INDEX_SOURCES)
SHOW_FILL = [statement for source in INDEX_SOURCES for statement in _show_fill(*source)]

MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6]
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """A migration script as single statements (a trigger's body has semicolons too)."""
    import sqlite3

    done: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if pending.strip(" \n;") and sqlite3.complete_statement(pending):
            done.append(pending.strip())
            pending = ""
    return done
