"""Crash reports: what a bug needs to be fixed, and nothing a spoiler could hide in.

The report has the exception's type, where it happened (file, line, function) and the
episodetui version. It has no local variables and no exception message: either could hold
a recap's text. It is written 0600 into the data folder's `crash-reports/`.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path


def describe(error: BaseException) -> str:
    """The report's text: frames and exception types only."""
    from episodetui import __version__

    lines = [
        f"episodetui {__version__}, Python {platform.python_version()}, {sys.platform}",
        f"at {datetime.now(UTC).isoformat(timespec='seconds')}",
        "",
    ]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by / while handling:")
    return "\n".join(lines) + "\n"


def write_crash_report(error: BaseException, data_dir: Path) -> Path | None:
    """Write the report; returns its path, or None if even that failed."""
    try:
        folder = Path(data_dir) / "crash-reports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(describe(error))
        return path
    except OSError:
        return None
