"""Backups of the library: automatic and rotating, on request, and putting one back.

Copies are made with SQLite's backup API from a connection of their own, so they are
consistent even while another episodetui writes, and safe to take on a thread.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.core import schema
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.files import check_target, real_target
from episodetui.core.paths import DB_NAME

if TYPE_CHECKING:
    from episodetui.core.store import Library

FOLDER = "backups"
AUTO_PREFIX = "auto-"
KEEP_AUTOMATIC = 7
AUTOMATIC_EVERY = timedelta(days=1)


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")


def make_backup(data_dir: Path, target: Path | None = None, *, prefix: str = "") -> Path:
    """Copy the library to `target` (default: the backups folder); returns the path."""
    source_path = Path(data_dir) / DB_NAME
    if not source_path.is_file():
        raise EpisodeTuiError(f"there is no library in {data_dir} to back up")
    if target is None:
        folder = backup_folder(data_dir)
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / f"{prefix}library-{_stamp()}.sqlite3"
    check_target(Path(target))
    target = real_target(Path(target))
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
            source.close()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:
        temp.unlink(missing_ok=True)
        raise EpisodeTuiError(f"cannot write the backup {target}: {error}") from None
    return target


def automatic_backup(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Once a day: a copy in the backups folder, keeping the last seven. Never raises."""
    folder = backup_folder(data_dir)
    now = now or datetime.now(UTC)
    try:
        existing = sorted(folder.glob(f"{AUTO_PREFIX}library-*.sqlite3"))
        if existing:
            newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, UTC)
            if now - newest < AUTOMATIC_EVERY:
                return None
        made = make_backup(data_dir, prefix=AUTO_PREFIX)
        for old in sorted(folder.glob(f"{AUTO_PREFIX}library-*.sqlite3"))[:-KEEP_AUTOMATIC]:
            old.unlink(missing_ok=True)
        return made
    except (OSError, EpisodeTuiError):
        return None  # a backup is a courtesy; it must never stop the user's work


def list_backups(data_dir: Path) -> list[Path]:
    folder = backup_folder(data_dir)
    return sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []


def check_backup(path: Path) -> int:
    """Is this file an episodetui library we can restore? Returns its schema version."""
    if not path.is_file():
        raise EpisodeTuiError(f"no such file: {path}")
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            if probe.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                raise EpisodeTuiError(f"{path} is damaged; choose another backup")
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        raise EpisodeTuiError(f"{path} is not an episodetui library") from None
    if version < 1 or not {"shows", "episodes", "notes"} <= tables:
        raise EpisodeTuiError(f"{path} is not an episodetui library")
    if version > schema.SCHEMA_VERSION:
        raise EpisodeTuiError(f"{path} was written by a newer episodetui; upgrade to restore it")
    return version


def restore_backup(library: Library, path: Path) -> Path:
    """Put a backup in place of the library, keeping the current one as a backup first.

    The copy goes through the open connection, so every episodetui that has the library
    open sees the restored data. Returns where the previous library was saved.
    """
    path = Path(path)
    check_backup(path)
    saved = make_backup(library.data_dir, prefix="before-restore-")
    source = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        source.backup(library._db)
    except sqlite3.Error as error:
        raise EpisodeTuiError(f"cannot restore {path}: {error}; the library is unchanged") from None
    finally:
        source.close()
    library._db.execute("PRAGMA journal_mode = WAL")
    library._migrate()
    return saved


class StartupCheck:
    """The integrity check, then the daily backup, on a thread of their own.

    The TUI starts it once its first frame is out: on a library of 1,000 shows the check
    reads ~30 MB (300 ms, more than the rest of start-up together). The check uses a
    connection of its own, so the library's stays on the UI thread.
    """

    def __init__(self, library: Library) -> None:
        self._library = library
        self._thread: threading.Thread | None = None
        self._finished = threading.Event()
        self.problem: str | None = None  # what to tell the user when the file is damaged

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="startup-check", daemon=True)
            self._thread.start()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def _run(self) -> None:
        try:
            self.problem = self._library.integrity_problem()
            if self.problem is None:
                automatic_backup(self._library.data_dir)
        finally:
            self._finished.set()
