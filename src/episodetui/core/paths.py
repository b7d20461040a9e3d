"""Where the library lives: --data-dir, then $EPISODETUI_DATA_DIR, then the platform's
user data directory."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "EPISODETUI_DATA_DIR"
DB_NAME = "library.sqlite3"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("episodetui", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create the directory readable by the user alone (an existing one is left as is)."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        path.chmod(0o700)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file with 0600 before anything writes to it."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
