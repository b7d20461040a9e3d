"""Whole files written safely: all of the new content, or the old file untouched.

Exports, backups and journals go through `write_atomic`: a temporary file in the same
folder (0600), fsync, then rename over the target. A kill or a full disk at any moment
leaves either the old file or the new one, never a truncated mix.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from episodetui.core.errors import EpisodeTuiError

_SPECIAL_FOLDERS = ("/dev/", "/proc/", "/sys/")


def real_target(path: Path) -> Path:
    """Where a write to `path` really lands: symbolic links followed, so renaming a new
    file into place replaces the file, never the link (nor /dev/stdout)."""
    return Path(os.path.realpath(path))


def check_target(path: Path) -> None:
    """Refuse targets that are not (or would not be) a regular file: a terminal,
    /dev/stdout, a folder, a pipe. Writing there would splash the library on a screen or
    change a device's permissions."""
    for candidate in (str(path), str(real_target(path))):
        if candidate.startswith(_SPECIAL_FOLDERS):
            raise EpisodeTuiError(f"{path} is not a regular file (a terminal or a device?); give a file path")
    path = real_target(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise EpisodeTuiError(f"cannot write {path}: the folder {path.parent} does not exist") from None
        return
    except OSError as error:
        raise EpisodeTuiError(f"cannot write {path}: {error.strerror}") from None
    if stat.S_ISDIR(mode):
        raise EpisodeTuiError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise EpisodeTuiError(f"{path} is not a regular file (a terminal or a device?); give a file path")


def write_atomic(path: Path, data: str | bytes | Iterable[str]) -> None:
    """Write `data` (or its pieces, one after another) to `path` (0600) atomically."""
    check_target(Path(path))
    path = real_target(Path(path))
    pieces = [data] if isinstance(data, (str, bytes)) else data
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise EpisodeTuiError(_reason(f"cannot write in {folder}", error)) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
        _fsync_folder(folder)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise EpisodeTuiError(
            _reason(f"cannot write {path}", error) + "; the old file is untouched"
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(what: str, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return f"{what}: the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: permission denied"
    return f"{what}: {error.strerror or error}"
