"""An unexpected error is contained: a short message, a crash report without local
variables (so without recap text), and a non-zero exit. Never Textual's traceback with
locals, which would print a hidden recap."""

from __future__ import annotations

import os
import pty
import select
import stat
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import SECRET, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp


def _break_recap_view(monkeypatch) -> None:
    """A bug in the middle of loading a hidden recap: its text is in a local variable."""
    original = Library.recap_view

    def recap_view(self, episode, revealed=False, state=None):
        recap_being_loaded = self.raw_recap(episode.id)  # holds SECRET for episode 2
        if recap_being_loaded is not None and not episode.watched and self._broken:
            raise RuntimeError("injected fault")
        return original(self, episode, revealed, state)

    monkeypatch.setattr(Library, "recap_view", recap_view)
    monkeypatch.setattr(Library, "_broken", False, raising=False)


def _reports(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "crash-reports").glob("crash-*.txt"))


async def test_a_crash_in_an_action_writes_a_report_without_the_recap(secret_library, data_dir, monkeypatch):
    _break_recap_view(monkeypatch)
    app = EpisodeTuiApp(secret_library, start_show_id=1)
    with pytest.raises(RuntimeError, match="injected fault"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            secret_library._broken = True
            await pilot.press(
                "enter"
            )  # the show opens on episode 2, the next one: its hidden recap is loaded
            await pilot.pause()
            assert SECRET not in screen_text(app)
    assert app.return_code == 1
    [report] = _reports(data_dir)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert SECRET not in text
    assert "RuntimeError" in text and "in recap_view" in text and "in reload" in text
    message = app.crash_report.message()
    assert SECRET not in message
    assert "RuntimeError in episode_views_with_recaps (views.py:" in message
    assert str(report) in message


async def test_a_crash_quoting_a_recap_in_a_validation_error_keeps_it_out(secret_library, data_dir):
    from pydantic import BaseModel

    class Strict(BaseModel):
        number: int

    from pydantic import ValidationError

    app = EpisodeTuiApp(secret_library)
    with pytest.raises(ValidationError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.call_later(Strict.model_validate, {"number": f"{SECRET} is not a number"})
            await pilot.pause()
    [report] = _reports(data_dir)
    text = report.read_text()
    assert SECRET not in text and "ValidationError" in text


CHILD = textwrap.dedent(
    """
    import sys
    from episodetui import cli
    from episodetui.core.store import Library

    from episodetui.core import marking

    def boom(library, episode_id):
        recap_in_a_local = library.raw_recap(episode_id)
        raise RuntimeError("injected fault")

    marking.mark_watched = boom
    sys.exit(cli.main(["--data-dir", sys.argv[1], "open", "Harbour Lights", "2"]))
    """
)


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if wanted and wanted in out:
                break
    return out


def _wait_or_kill(pid: int, seconds: float) -> int:
    """The child's wait status; a child still running after `seconds` is killed, so a
    fault that does not end the app fails this test instead of hanging the suite."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.1)
    os.kill(pid, 9)
    return os.waitpid(pid, 0)[1]


def test_the_real_terminal_stream_has_no_recap_and_the_exit_status_is_not_zero(secret_library, data_dir):
    """Run the app in a pseudo-terminal, press w (which fails), and read every byte."""
    secret_library.close()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, with a fault in the w action
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", CHILD, str(data_dir)])
    stream = _read_until(fd, b"Recap hidden", 30)
    assert b"Recap hidden" in stream, stream[-500:]
    os.write(fd, b"w")
    stream += _read_until(fd, b"", 20)
    status = _wait_or_kill(pid, 20)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 1
    assert SECRET.encode() not in stream
    assert b"Traceback" not in stream and b"locals" not in stream
    text = stream.decode("utf-8", "replace")
    assert "episodetui stopped on an unexpected error: RuntimeError in " in text
    [report] = _reports(data_dir)
    assert str(report) in text
    assert SECRET not in report.read_text()


async def test_a_busy_library_is_a_message_and_the_app_goes_on(secret_library, data_dir, monkeypatch):
    """Another process holds the write lock past the timeout: say so, apply nothing, go on."""
    from episodetui.core import marking
    from episodetui.core.errors import LibraryBusy

    def busy(library, episode_id):
        raise LibraryBusy("another episodetui is writing to the library; try again in a moment")

    monkeypatch.setattr(marking, "mark_watched", busy)
    app = EpisodeTuiApp(secret_library, start_show_id=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("another episodetui is writing" in m.lower() for m in messages), messages
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        await pilot.pause()
    assert _reports(data_dir) == []
    assert not secret_library.episodes(1)[1].watched
