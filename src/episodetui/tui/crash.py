"""Containing an unexpected error in the TUI: the crash report (core/crash.py: frames and
exception types, no local variables and no message, so no recap text) and one short
message for the user, printed once the terminal is restored.

Textual's own error screen prints a traceback with every frame's locals, which can hold
a hidden recap; the app routes every unhandled exception here instead.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from pathlib import Path

from episodetui.core.crash import write_crash_report


@dataclass(frozen=True)
class CrashReport:
    path: Path | None
    where: str
    kind: str

    def message(self) -> str:
        """What the user reads after the app closes: what failed and where the report is."""
        report = (
            f"A crash report (no recap or note text) is in {self.path}"
            if self.path
            else "The crash report could not be written."
        )
        return (
            f"episodetui stopped on an unexpected error: {self.kind} in {self.where}.\n"
            "Your library is safe: every change was saved as you made it.\n"
            f"{report}"
        )


def _where(error: BaseException) -> str:
    """The innermost frame in episodetui's own code (else the innermost): func (file:line)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f"{os.sep}episodetui{os.sep}" in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "an unknown place"
    return f"{frame.name} ({Path(frame.filename).name}:{frame.lineno})"


def report_crash(error: BaseException, data_dir: Path | None) -> CrashReport:
    path = write_crash_report(error, data_dir) if data_dir is not None else None
    return CrashReport(path, _where(error), type(error).__name__)
