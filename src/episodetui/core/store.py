"""The library: one SQLite database, one transaction per user action.

Rows come back as small dataclasses (plain and fast); pydantic models are used only at
the boundaries (import, export, CLI JSON). Recap text is only handed out through
`recap_view`, which asks the spoiler policy first.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from episodetui.core import schema
from episodetui.core.codes import format_episode_code
from episodetui.core.errors import Ambiguous, EpisodeTuiError, NewerSchemaError, NotFound
from episodetui.core.paths import DB_NAME, create_private_file, ensure_private_dir
from episodetui.core.spoilers import (
    DEFAULT_MODE,
    EpisodeState,
    RecapShape,
    SpoilerMode,
    SpoilerPolicy,
)
from episodetui.core.text import clean_line, clean_text, title_key

Clock = Callable[[], datetime]

# Episodes sort by this key; it fits any realistic season and episode number.
_ORDER = "(e.season * 100000 + e.number)"


def utc_now() -> datetime:
    return datetime.now(UTC)


def count_paragraphs(text: str) -> int:
    return sum(1 for block in text.split("\n\n") if block.strip())


@dataclass(slots=True)
class Show:
    id: int
    title: str
    year: int | None = None
    network: str | None = None
    status: str | None = None
    synopsis: str = ""
    external_ids: dict[str, str] = field(default_factory=dict)
    spoiler_mode: SpoilerMode | None = None
    count_specials: bool = False
    added_at: str = ""


@dataclass(slots=True)
class NextEpisode:
    id: int
    season: int
    number: int
    title: str

    @property
    def code(self) -> str:
        return format_episode_code(self.season, self.number)


@dataclass(slots=True)
class ShowSummary:
    id: int
    title: str
    year: int | None
    watched: int
    total: int
    last_watched_at: str | None
    next_episode: NextEpisode | None
    spoiler_mode: SpoilerMode | None
    upcoming: NextEpisode | None = None  # the first episode still to air
    upcoming_air_date: str | None = None

    def upcoming_in_days(self, today: date) -> int | None:
        if not self.upcoming_air_date:
            return None
        return (date.fromisoformat(self.upcoming_air_date) - today).days

    @property
    def status(self) -> str:
        """watching, not started or finished: what the library filter offers."""
        if self.watched == 0:
            return "not started"
        if self.watched >= self.total and self.next_episode is None:
            return "finished"
        return "watching"


@dataclass(slots=True)
class Episode:
    id: int
    show_id: int
    season: int
    number: int
    title: str
    air_date: str | None
    runtime: int | None
    synopsis: str
    watched_at: str | None
    plays: int
    note_count: int
    has_recap: bool
    external_id: str | None = None
    airstamp: str | None = None
    delisted: bool = False

    @property
    def code(self) -> str:
        return format_episode_code(self.season, self.number)

    @property
    def watched(self) -> bool:
        return self.watched_at is not None

    def aired(self, today: date) -> bool:
        return self.air_date is None or self.air_date <= today.isoformat()


@dataclass(slots=True)
class Upcoming:
    show_title: str
    episode: Episode

    def local_time(self, tz: tzinfo | None = None) -> datetime | None:
        """When it airs in the user's timezone (or `tz`), if TVmaze gave a time."""
        if not self.episode.airstamp:
            return None
        try:
            stamp = datetime.fromisoformat(self.episode.airstamp.replace("Z", "+00:00"))
        except ValueError:
            return None
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return stamp.astimezone(tz)


@dataclass(slots=True)
class KeyMoment:
    text: str
    at_seconds: int | None = None


@dataclass(slots=True)
class Recap:
    episode_id: int
    title: str
    text: str
    source: str
    added_at: str
    key_moments: list[KeyMoment]

    @property
    def shape(self) -> RecapShape:
        return RecapShape(count_paragraphs(self.text), len(self.key_moments))


@dataclass(slots=True)
class RecapView:
    """A recap as a surface may show it: the recap itself only when `visible`."""

    exists: bool
    visible: bool
    shape: RecapShape | None
    recap: Recap | None


@dataclass(slots=True)
class Note:
    id: int
    show_id: int
    episode_id: int | None
    text: str
    at_seconds: int | None
    created_at: str
    updated_at: str


def _now_text(clock: Clock) -> str:
    return clock().astimezone(UTC).isoformat(timespec="seconds")


class Library:
    """A user's library in `data_dir`. Open with `Library.open(data_dir)`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock | None = None):
        self._db = connection
        self.path = path
        self.clock = clock or utc_now

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Library:
        path = Path(data_dir) / DB_NAME
        if path.exists():
            _refuse_newer_schema(path)
        else:
            ensure_private_dir(Path(data_dir))
            create_private_file(path)
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        library = cls(connection, path, clock)
        library._migrate()
        return library

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for target in range(version, schema.SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(schema.MIGRATIONS[target]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is written, or none of it."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def now(self) -> str:
        return _now_text(self.clock)

    def today(self) -> date:
        return self.clock().date()

    # ---------------------------------------------------------------- settings

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def settings(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM settings ORDER BY key"))

    @property
    def spoiler_mode(self) -> SpoilerMode:
        value = self.setting("spoiler_mode")
        return SpoilerMode(value) if value in SpoilerMode._value2member_map_ else DEFAULT_MODE

    def policy_for(self, show: Show | ShowSummary) -> SpoilerPolicy:
        return SpoilerPolicy(show.spoiler_mode or self.spoiler_mode)

    # ------------------------------------------------------------------- shows

    def add_show(
        self,
        title: str,
        episodes_per_season: Sequence[int] = (),
        *,
        first_season: int = 1,
        year: int | None = None,
        network: str | None = None,
        status: str | None = None,
        synopsis: str = "",
    ) -> Show:
        title = clean_line(title)
        if not title:
            raise EpisodeTuiError("a show needs a title")
        with self.transaction() as db:
            if self._show_id_by_key(title_key(title)) is not None:
                raise EpisodeTuiError(f"a show called {title!r} is already in the library")
            cursor = db.execute(
                "INSERT INTO shows(title, title_key, year, network, status, synopsis, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (title, title_key(title), year, network, status, clean_text(synopsis), self.now()),
            )
            show_id = int(cursor.lastrowid or 0)
            for offset, count in enumerate(episodes_per_season):
                self._insert_season(show_id, first_season + offset, count)
        return self.show(show_id)

    def add_season(self, show_id: int, season: int, episodes: int) -> int:
        """Add a season (or more episodes to one); returns how many episodes were new."""
        with self.transaction():
            return self._insert_season(show_id, season, episodes)

    def _insert_season(self, show_id: int, season: int, episodes: int) -> int:
        if season < 0 or episodes < 0:
            raise EpisodeTuiError("season and episode counts cannot be negative")
        if episodes > 5000:
            raise EpisodeTuiError(f"{episodes} episodes in one season is more than this allows")
        cursor = self._db.executemany(
            "INSERT OR IGNORE INTO episodes(show_id, season, number) VALUES (?, ?, ?)",
            [(show_id, season, number) for number in range(1, episodes + 1)],
        )
        return cursor.rowcount

    def _show_id_by_key(self, key: str) -> int | None:
        row = self._db.execute("SELECT id FROM shows WHERE title_key = ?", (key,)).fetchone()
        return row[0] if row else None

    def show(self, show_id: int) -> Show:
        row = self._db.execute(
            "SELECT id, title, year, network, status, synopsis, external_ids, spoiler_mode,"
            " count_specials, added_at FROM shows WHERE id = ?",
            (show_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no show with id {show_id}")
        return Show(
            id=row[0],
            title=row[1],
            year=row[2],
            network=row[3],
            status=row[4],
            synopsis=row[5],
            external_ids=json.loads(row[6]),
            spoiler_mode=SpoilerMode(row[7]) if row[7] else None,
            count_specials=bool(row[8]),
            added_at=row[9],
        )

    def find_show(self, name: str) -> Show:
        """A show by title: case-insensitive, exact or unique prefix."""
        key = title_key(name)
        if not key:
            raise EpisodeTuiError("name a show")
        exact = self._show_id_by_key(key)
        if exact is not None:
            return self.show(exact)
        rows = self._db.execute("SELECT id, title, title_key FROM shows").fetchall()
        prefixed = [(id_, title) for id_, title, k in rows if k.startswith(key)]
        if len(prefixed) == 1:
            return self.show(prefixed[0][0])
        if prefixed:
            names = ", ".join(sorted(title for _, title in prefixed))
            raise Ambiguous(f"{name!r} matches several shows: {names}")
        import difflib  # only needed for a typo, so not at start-up

        keys = {k: title for _, title, k in rows}
        close = [keys[k] for k in difflib.get_close_matches(key, list(keys), n=5, cutoff=0.5)]
        close += [t for _, t, k in rows if key in k and t not in close][: 5 - len(close)]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise NotFound(f"no show called {name!r} in the library{hint}")

    def set_show_spoiler_mode(self, show_id: int, mode: SpoilerMode | None) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE shows SET spoiler_mode = ? WHERE id = ?",
                (mode.value if mode else None, show_id),
            )

    def set_count_specials(self, show_id: int, count: bool) -> None:
        with self.transaction() as db:
            db.execute("UPDATE shows SET count_specials = ? WHERE id = ?", (int(count), show_id))

    def delete_show(self, show_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM shows WHERE id = ?", (show_id,))

    def show_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM shows").fetchone()[0]

    def summaries(self) -> list[ShowSummary]:
        """Every show with progress and next episode, in one query."""
        return self._summaries()

    def summaries_in_background(self) -> Callable[[], list[ShowSummary]]:
        """Start reading the summaries on a thread; call the result to wait for them.

        SQLite releases the GIL while it works, so the first screen's data is read
        while the UI toolkit is still importing. The thread has a connection of its
        own: a Python sqlite3 connection must not be used by two threads at once.
        """
        box: list[list[ShowSummary] | BaseException] = []

        def work() -> None:
            try:
                reader = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                try:
                    box.append(self._summaries(db=reader))
                finally:
                    reader.close()
            except BaseException as error:  # handed to the caller below
                box.append(error)

        thread = threading.Thread(target=work, name="episodetui-prefetch", daemon=True)
        thread.start()

        def result() -> list[ShowSummary]:
            thread.join()
            if isinstance(box[0], BaseException):
                raise box[0]
            return box[0]

        return result

    def summary(self, show_id: int) -> ShowSummary:
        for summary in self._summaries(show_id):
            return summary
        raise NotFound(f"no show with id {show_id}")

    def _summaries(
        self, show_id: int | None = None, db: sqlite3.Connection | None = None
    ) -> list[ShowSummary]:
        # Progress counts aired (or already watched) regular episodes, and specials
        # only where the show opts in. "Next" is the first aired, unwatched regular
        # episode after the last watched one, found through the (show, season, number)
        # index so a big library costs one grouped scan, not one per show.
        only_episodes = "AND e.show_id = :show_id" if show_id is not None else ""
        only_show = "WHERE s.id = :show_id" if show_id is not None else ""
        rows = (db or self._db).execute(
            f"""
            WITH stats AS (
                SELECT e.show_id,
                       SUM(e.air_date IS NULL OR e.air_date <= :today OR w.episode_id IS NOT NULL)
                           AS total,
                       COUNT(w.episode_id) AS watched,
                       MAX(CASE WHEN w.episode_id IS NOT NULL AND e.season > 0 THEN {_ORDER} END)
                           AS last_k,
                       MAX(w.watched_at) AS last_at
                FROM episodes e
                JOIN shows s ON s.id = e.show_id
                LEFT JOIN watches w ON w.episode_id = e.id
                WHERE (e.season > 0 OR s.count_specials) {only_episodes}
                  AND (e.delisted = 0 OR w.episode_id IS NOT NULL)
                GROUP BY e.show_id
            ),
            progress AS (
                SELECT s.id, s.title, s.title_key, s.year, s.spoiler_mode,
                       COALESCE(stats.watched, 0) AS watched, COALESCE(stats.total, 0) AS total,
                       stats.last_at,
                       (SELECT e.id FROM episodes e
                        WHERE e.show_id = s.id AND e.season > 0 AND e.delisted = 0
                          AND {_ORDER} > COALESCE(stats.last_k, -1)
                          AND (e.air_date IS NULL OR e.air_date <= :today)
                          AND NOT EXISTS (SELECT 1 FROM watches w WHERE w.episode_id = e.id)
                        ORDER BY e.season, e.number LIMIT 1) AS next_id,
                       (SELECT e.id FROM episodes e
                        WHERE e.show_id = s.id AND e.season > 0 AND e.delisted = 0
                          AND e.air_date > :today
                        ORDER BY e.air_date, e.season, e.number LIMIT 1) AS upcoming_id
                FROM shows s LEFT JOIN stats ON stats.show_id = s.id
                {only_show}
            )
            SELECT json_group_array(json_array(
                       p.id, p.title, p.year, p.watched, p.total, p.last_at,
                       n.id, n.season, n.number, n.title, p.spoiler_mode,
                       u.id, u.season, u.number, u.title, u.air_date))
            FROM progress p
            LEFT JOIN episodes n ON n.id = p.next_id
            LEFT JOIN episodes u ON u.id = p.upcoming_id
            """,
            {"today": self.today().isoformat(), "show_id": show_id},
        ).fetchone()[0]
        # One JSON row rather than a row per show: a background reader then needs the
        # GIL once instead of once per show while the UI thread is busy importing.
        rows = sorted(json.loads(rows), key=lambda row: title_key(row[1]))
        return [
            ShowSummary(
                id=r[0],
                title=r[1],
                year=r[2],
                watched=r[3],
                total=r[4],
                last_watched_at=r[5],
                next_episode=NextEpisode(r[6], r[7], r[8], r[9]) if r[6] is not None else None,
                spoiler_mode=SpoilerMode(r[10]) if r[10] else None,
                upcoming=NextEpisode(r[11], r[12], r[13], r[14]) if r[11] is not None else None,
                upcoming_air_date=r[15],
            )
            for r in rows
        ]

    # ---------------------------------------------------------------- episodes

    _EPISODE_COLUMNS = (
        "e.id, e.show_id, e.season, e.number, e.title, e.air_date, e.runtime, e.synopsis,"
        " w.watched_at, COALESCE(w.plays, 0),"
        " (SELECT COUNT(*) FROM notes n WHERE n.episode_id = e.id),"
        " EXISTS (SELECT 1 FROM recaps r WHERE r.episode_id = e.id),"
        " e.external_id, e.airstamp, e.delisted"
    )

    def episodes(self, show_id: int) -> list[Episode]:
        """A show's episodes in order, specials (season 0) last."""
        rows = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS} FROM episodes e"
            " LEFT JOIN watches w ON w.episode_id = e.id"
            f" WHERE e.show_id = ? ORDER BY e.season = 0, {_ORDER}",
            (show_id,),
        ).fetchall()
        return [_episode(row) for row in rows]

    def episode(self, episode_id: int) -> Episode:
        row = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS} FROM episodes e"
            " LEFT JOIN watches w ON w.episode_id = e.id WHERE e.id = ?",
            (episode_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no episode with id {episode_id}")
        return _episode(row)

    def find_episode(self, show: Show, season: int, number: int) -> Episode:
        row = self._db.execute(
            "SELECT id FROM episodes WHERE show_id = ? AND season = ? AND number = ?",
            (show.id, season, number),
        ).fetchone()
        if row is None:
            raise NotFound(f"{show.title} has no episode {format_episode_code(season, number)}")
        return self.episode(row[0])

    def next_episode_id(self, show_id: int) -> int | None:
        summary = self.summary(show_id)
        return summary.next_episode.id if summary.next_episode else None

    def episode_state(self, episode: Episode, revealed: bool = False) -> EpisodeState:
        return EpisodeState(
            watched=episode.watched,
            is_next=self.next_episode_id(episode.show_id) == episode.id,
            revealed=revealed,
        )

    def update_episode(
        self,
        episode_id: int,
        *,
        title: str | None = None,
        air_date: str | None = None,
        runtime: int | None = None,
        synopsis: str | None = None,
    ) -> None:
        updates: dict[str, object] = {}
        if title is not None:
            updates["title"] = clean_line(title)
        if air_date is not None:
            updates["air_date"] = _check_date(air_date)
        if runtime is not None:
            updates["runtime"] = runtime
        if synopsis is not None:
            updates["synopsis"] = clean_text(synopsis).strip()
        if not updates:
            return
        assignments = ", ".join(f"{column} = :{column}" for column in updates)
        with self.transaction() as db:
            db.execute(f"UPDATE episodes SET {assignments} WHERE id = :id", updates | {"id": episode_id})

    def upcoming(self, days: int = 21) -> list[Upcoming]:
        """Episodes airing from today through the next `days` days, soonest first."""
        today = self.today()
        rows = self._db.execute(
            f"SELECT {self._EPISODE_COLUMNS}, s.title FROM episodes e"
            " JOIN shows s ON s.id = e.show_id"
            " LEFT JOIN watches w ON w.episode_id = e.id"
            " WHERE e.air_date >= ? AND e.air_date <= ? AND e.delisted = 0"
            f" ORDER BY COALESCE(e.airstamp, e.air_date), s.title_key, {_ORDER}",
            (today.isoformat(), (today + timedelta(days=days)).isoformat()),
        ).fetchall()
        return [Upcoming(row[-1], _episode(row)) for row in rows]

    # ----------------------------------------------------------------- watching

    def set_watched(self, episode_id: int, watched: bool) -> None:
        with self.transaction() as db:
            if watched:
                self._record_watch(episode_id, rewatch=False)
            else:
                db.execute("DELETE FROM watches WHERE episode_id = ?", (episode_id,))

    def record_play(self, episode_id: int) -> int:
        """Mark watched, counting a rewatch if it already was; returns the plays."""
        with self.transaction():
            self._record_watch(episode_id, rewatch=True)
        return self.episode(episode_id).plays

    def _record_watch(self, episode_id: int, rewatch: bool) -> None:
        now = self.now()
        on_conflict = (
            "UPDATE SET plays = plays + 1, watched_at = excluded.watched_at" if rewatch else "NOTHING"
        )
        self._db.execute(
            "INSERT INTO watches(episode_id, first_watched_at, watched_at, plays)"
            f" VALUES (?, ?, ?, 1) ON CONFLICT(episode_id) DO {on_conflict}",
            (episode_id, now, now),
        )

    def toggle_watched(self, episode_id: int) -> bool:
        """Flip an episode's watched mark; returns the new state."""
        watched = not self.episode(episode_id).watched
        self.set_watched(episode_id, watched)
        return watched

    def aired_unwatched_through(self, episode_id: int) -> list[Episode]:
        """What `watch_through` would mark: aired, unwatched, in order up to the episode."""
        target = self.episode(episode_id)
        today = self.today()
        if target.season == 0:
            candidates = [target]
        else:
            key = (target.season, target.number)
            candidates = [
                e
                for e in self.episodes(target.show_id)
                if e.season > 0 and (e.season, e.number) <= key
            ]
        return [e for e in candidates if not e.watched and e.aired(today)]

    def watch_through(self, episode_id: int) -> int:
        """Mark every aired episode up to this one watched; returns how many changed."""
        target = self.episode(episode_id)
        if not target.aired(self.today()):
            raise EpisodeTuiError(f"{target.code} has not aired yet ({target.air_date})")
        pending = self.aired_unwatched_through(episode_id)
        with self.transaction():
            for episode in pending:
                self._record_watch(episode.id, rewatch=False)
        return len(pending)

    # ------------------------------------------------------------------- recaps

    def set_recap(
        self,
        episode_id: int,
        text: str,
        *,
        title: str = "",
        source: str = "",
        key_moments: Sequence[KeyMoment] = (),
        added_at: str | None = None,
    ) -> None:
        body = clean_text(text).strip()
        if not body:
            raise EpisodeTuiError("the recap is empty")
        self.episode(episode_id)  # a clear error for a missing episode
        with self.transaction() as db:
            db.execute("DELETE FROM recaps WHERE episode_id = ?", (episode_id,))
            db.execute(
                "INSERT INTO recaps(episode_id, title, body, source, added_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (episode_id, clean_line(title), body, clean_line(source), added_at or self.now()),
            )
            db.executemany(
                "INSERT INTO key_moments(episode_id, position, body, at_seconds)"
                " VALUES (?, ?, ?, ?)",
                [
                    (episode_id, position, clean_text(moment.text).strip(), moment.at_seconds)
                    for position, moment in enumerate(key_moments)
                ],
            )

    def delete_recap(self, episode_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM recaps WHERE episode_id = ?", (episode_id,))

    def _load_recap(self, episode_id: int) -> Recap | None:
        row = self._db.execute(
            "SELECT title, body, source, added_at FROM recaps WHERE episode_id = ?",
            (episode_id,),
        ).fetchone()
        if row is None:
            return None
        moments = [
            KeyMoment(body, at)
            for body, at in self._db.execute(
                "SELECT body, at_seconds FROM key_moments WHERE episode_id = ? ORDER BY position",
                (episode_id,),
            )
        ]
        return Recap(episode_id, row[0], row[1], row[2], row[3], moments)

    def recap_view(self, episode: Episode, revealed: bool = False) -> RecapView:
        """The recap as the spoiler policy allows it to be shown."""
        recap = self._load_recap(episode.id)
        if recap is None:
            return RecapView(exists=False, visible=True, shape=None, recap=None)
        policy = self.policy_for(self.show(episode.show_id))
        visible = policy.recap_visible(self.episode_state(episode, revealed))
        return RecapView(True, visible, recap.shape, recap if visible else None)

    # -------------------------------------------------------------------- notes

    def add_note(
        self,
        show_id: int,
        text: str,
        *,
        episode_id: int | None = None,
        at_seconds: int | None = None,
    ) -> Note:
        body = clean_text(text).strip()
        if not body:
            raise EpisodeTuiError("the note is empty")
        if at_seconds is not None and at_seconds < 0:
            raise EpisodeTuiError("a timestamp cannot be negative")
        now = self.now()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO notes(show_id, episode_id, body, at_seconds, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (show_id, episode_id, body, at_seconds, now, now),
            )
        return self.note(int(cursor.lastrowid or 0))

    def update_note(self, note_id: int, text: str, at_seconds: int | None) -> Note:
        body = clean_text(text).strip()
        if not body:
            raise EpisodeTuiError("the note is empty; delete it instead")
        with self.transaction() as db:
            db.execute(
                "UPDATE notes SET body = ?, at_seconds = ?, updated_at = ? WHERE id = ?",
                (body, at_seconds, self.now(), note_id),
            )
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    _NOTE_COLUMNS = "id, show_id, episode_id, body, at_seconds, created_at, updated_at"
    _NOTE_ORDER = "ORDER BY at_seconds IS NULL, at_seconds, created_at, id"

    def note(self, note_id: int) -> Note:
        row = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no note with id {note_id}")
        return Note(*row)

    def episode_notes(self, episode_id: int) -> list[Note]:
        """An episode's notes sorted by timestamp (untimed ones last)."""
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE episode_id = ? {self._NOTE_ORDER}",
            (episode_id,),
        )
        return [Note(*row) for row in rows]

    def show_notes(self, show_id: int) -> list[Note]:
        """Notes on the show itself, not on one of its episodes."""
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE show_id = ? AND episode_id IS NULL"
            f" {self._NOTE_ORDER}",
            (show_id,),
        )
        return [Note(*row) for row in rows]

    # ------------------------------------------------------------ bulk, export

    def raw_show_rows(self) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM shows ORDER BY title_key")

    def raw_episode_rows(self, show_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT e.*, w.first_watched_at, w.watched_at, w.plays FROM episodes e"
            f" LEFT JOIN watches w ON w.episode_id = e.id WHERE e.show_id = ?"
            f" ORDER BY {_ORDER}",
            (show_id,),
        )

    def raw_recap(self, episode_id: int) -> Recap | None:
        """The recap without asking the policy: for the lossless export only."""
        return self._load_recap(episode_id)

    def raw_notes(self, show_id: int) -> list[Note]:
        rows = self._db.execute(
            f"SELECT {self._NOTE_COLUMNS} FROM notes WHERE show_id = ? {self._NOTE_ORDER}",
            (show_id,),
        )
        return [Note(*row) for row in rows]

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        cursor = self._db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> sqlite3.Cursor:
        """Raw SQL inside the store's own transactions (import and sync use this)."""
        return self._db.execute(sql, params)

    def execute_many(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        return self._db.executemany(sql, rows)


def _episode(row: Sequence) -> Episode:
    return Episode(*row[:11], bool(row[11]), row[12], row[13], bool(row[14]))


def _check_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise EpisodeTuiError(f"bad date {value!r}: use YYYY-MM-DD") from None


def _split_sql(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _refuse_newer_schema(path: Path) -> None:
    """Read the version without writing anything, and refuse a newer database."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise EpisodeTuiError(f"cannot open {path}: {error}") from None
    try:
        version = probe.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise EpisodeTuiError(f"{path} is not an episodetui library ({error})") from None
    finally:
        probe.close()
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer episodetui (schema {version}, this version knows"
            f" {schema.SCHEMA_VERSION}); upgrade episodetui to open it. The file was not touched."
        )
