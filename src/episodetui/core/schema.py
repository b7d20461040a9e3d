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

MIGRATIONS: list[str] = [V1, V2]
SCHEMA_VERSION = len(MIGRATIONS)
