"""Opening the library's SQLite file: refusals, migrations, transactions and settings.

Every way the file can be wrong ends in one `EpisodeTuiError` sentence, and a file that is
refused is never written to: the header is read as bytes before SQLite touches it, so no
`-wal`/`-shm` files appear beside a database we will not open.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date
from pathlib import Path
from typing import Self

from episodetui.core import schema
from episodetui.core.errors import EpisodeTuiError, LibraryBusy, NewerSchemaError
from episodetui.core.paths import DB_NAME, create_private_file, ensure_private_dir
from episodetui.core.spoilers import DEFAULT_MODE, SpoilerMode, SpoilerPolicy
from episodetui.core.store.records import Clock, Show, ShowSummary, utc_now
from episodetui.core.text import without_spoiler_spans

# How long a write waits for another process's write to finish before giving up.
BUSY_TIMEOUT_SECONDS = 15.0

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_USER_VERSION_OFFSET = 60

RESTORE_HINT = "Restore a backup with 'episodetui restore FILE' (backups are in {folder})"


class Database:
    """The connection and what every room of the store shares."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock | None = None):
        self._db = connection
        self.path = path
        self.clock = clock or utc_now
        connection.create_function("episodetui_searchable_note", 1, _searchable_note, deterministic=True)
        # 0 while a show is added in bulk: its rows are then indexed set-based (schema v6).
        self._indexing = 1
        connection.create_function("episodetui_indexing", 0, lambda: self._indexing)

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None, *, check: bool = True) -> Self:
        data_dir = Path(data_dir)
        path = data_dir / DB_NAME
        _prepare_folder(data_dir)
        if path.exists():
            _check_header(path)
        else:
            try:
                create_private_file(path)
            except OSError as error:
                raise EpisodeTuiError(_os_reason(f"cannot create the library in {data_dir}", error)) from None
        try:
            connection = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
            )
        except sqlite3.Error as error:
            raise EpisodeTuiError(f"cannot open {path}: {error}") from None
        library = cls(connection, path, clock)
        try:
            library._configure(check)
            library._migrate()
        except BaseException:
            connection.close()
            raise
        return library

    def _configure(self, check: bool) -> None:
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            if check:
                result = self._db.execute("PRAGMA quick_check(1)").fetchone()[0]
                if result != "ok":
                    raise EpisodeTuiError(self._damaged(result))
            if self._foreign_database():
                raise EpisodeTuiError(
                    f"{self.path} is another program's SQLite database, not an episodetui"
                    " library; it was not changed"
                )
            if not self._read_only():
                self._db.execute("PRAGMA journal_mode = WAL")
            # FULL: in WAL mode a commit is durable once acknowledged, even across a power
            # cut. It costs one fsync per user action, which bench/ does not show as a
            # difference a user would notice.
            self._db.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as error:
            raise EpisodeTuiError(self._damaged(str(error))) from None

    def integrity_problem(self) -> str | None:
        """Run the integrity check on a connection of its own (any thread); the
        sentence to tell the user, or None when the file is sound."""
        try:
            checker = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                result = checker.execute("PRAGMA quick_check(1)").fetchone()[0]
            finally:
                checker.close()
        except sqlite3.DatabaseError as error:
            result = str(error)
        return None if result == "ok" else self._damaged(result)

    def _damaged(self, detail: str) -> str:
        detail = " ".join(detail.replace("*", "").split())
        return f"{self.path} is damaged ({detail}); nothing was changed. " + RESTORE_HINT.format(
            folder=self.data_dir / "backups"
        )

    def _read_only(self) -> bool:
        return not os.access(self.path, os.W_OK) or not os.access(self.data_dir, os.W_OK)

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        if self._version() == schema.SCHEMA_VERSION:
            return
        if self._read_only():
            raise EpisodeTuiError(
                f"{self.path} needs an upgrade to this version of episodetui, but it is read-only"
            )
        # Two processes may open a new library at once: the version is read again inside
        # the write transaction, so only one of them creates the tables.
        with self.transaction():
            version = self._version()
            _refuse_version(self.path, version)
            for target in range(version, schema.SCHEMA_VERSION):
                for statement in schema.statements(schema.MIGRATIONS[target]):
                    try:
                        self._db.execute(statement)
                    except sqlite3.OperationalError as error:
                        _refuse_missing_feature(error)
                        raise
            self._db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _foreign_database(self) -> bool:
        """Tables but no episodetui version. One statement, so one snapshot: read apart,
        a second process creating the library could commit between the two reads and
        its new library would look like another program's."""
        version, tables = self._db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')"
        ).fetchone()
        return int(version) == 0 and bool(tables)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is written, or none of it."""
        if self._db.in_transaction:
            yield self._db
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise self._write_error(error) from None
        try:
            yield self._db
        except sqlite3.OperationalError as error:
            self._rollback()
            raise self._write_error(error) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback()
            raise self._write_error(error) from None

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def _write_error(self, error: sqlite3.OperationalError) -> EpisodeTuiError:
        message = str(error)
        if "locked" in message or "busy" in message:
            return LibraryBusy("another episodetui is writing to the library; try again in a moment")
        if "readonly" in message or "read-only" in message:
            return EpisodeTuiError(f"the library is read-only ({self.path}); nothing was changed")
        if "disk" in message and "full" in message:
            return EpisodeTuiError("the disk is full; nothing was changed")
        return EpisodeTuiError(f"cannot write to the library: {message}; nothing was changed")

    def now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    def today(self) -> date:
        return self.clock().date()

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap to poll."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def change_marker(self) -> tuple[int, int]:
        """Differs after any commit, by this connection or another: a screen that kept
        it can tell whether what it shows may be out of date."""
        return self.data_version(), self._db.total_changes

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
        if value is None or value not in SpoilerMode._value2member_map_:
            return DEFAULT_MODE
        return SpoilerMode(value)

    def policy_for(self, show: Show | ShowSummary) -> SpoilerPolicy:
        return SpoilerPolicy(show.spoiler_mode or self.spoiler_mode)

    # ------------------------------------------------------------ raw access

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        cursor = self._db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchall()


def _refuse_missing_feature(error: sqlite3.OperationalError) -> None:
    """Search needs FTS5 and its trigram tokenizer; an SQLite built without them says
    "no such module: fts5", which would mean nothing to the user."""
    message = str(error)
    for marker in ("no such module: ", "no such tokenizer: "):
        if message.startswith(marker):
            missing = message.removeprefix(marker)
            raise EpisodeTuiError(
                f"the SQLite this Python uses ({sqlite3.sqlite_version}) lacks {missing!r}, which"
                " episodetui's search needs (FTS5 with the trigram tokenizer, SQLite 3.34 or later);"
                " nothing was changed. Use a Python whose SQLite has it (python.org and most"
                " Linux distributions' builds do)"
            ) from None


def _searchable_note(body: str | None) -> str:
    return without_spoiler_spans(body or "")


def _prepare_folder(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise EpisodeTuiError(f"the data folder {data_dir} is a file, not a folder")
    try:
        ensure_private_dir(data_dir)
    except OSError as error:
        raise EpisodeTuiError(_os_reason(f"cannot create the data folder {data_dir}", error)) from None


def _os_reason(what: str, error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: permission denied"
    return f"{what}: {error.strerror or error}"


def _check_header(path: Path) -> None:
    """Refuse what is not an episodetui library, reading bytes only."""
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
    except OSError as error:
        raise EpisodeTuiError(_os_reason(f"cannot read {path}", error)) from None
    if not header:
        return  # an empty file: a library being created
    if not header.startswith(_SQLITE_MAGIC[: len(header)]) or len(header) < _HEADER_SIZE:
        if header.startswith(_SQLITE_MAGIC):
            raise EpisodeTuiError(
                f"{path} is damaged (cut short); nothing was changed. "
                + RESTORE_HINT.format(folder=path.parent / "backups")
            )
        raise EpisodeTuiError(f"{path} is not an episodetui library (not an SQLite database)")
    version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    _refuse_version(path, version)


def _refuse_version(path: Path, version: int) -> None:
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer episodetui (schema {version}, this version knows"
            f" {schema.SCHEMA_VERSION}); upgrade episodetui to open it. The file was not touched."
        )
