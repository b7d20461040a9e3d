"""Backups: automatic and rotating, on request, and restoring one."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import fixed_clock
from episodetui.cli import main
from episodetui.core.backups import automatic_backup, backup_folder, list_backups
from episodetui.core.store import Library


def _library(folder):
    library = Library.open(folder, clock=fixed_clock)
    show = library.add_show("Harbour Lights", [3])
    library.set_watched(library.episodes(show.id)[0].id, True)
    return library


def test_the_first_use_of_a_day_makes_a_private_backup_and_seven_are_kept(tmp_path):
    folder = tmp_path / "lib"
    _library(folder).close()
    day = datetime(2026, 11, 1, tzinfo=UTC)
    made = []
    for n in range(10):
        now = day + timedelta(days=n)
        path = automatic_backup(folder, now=now)
        assert path is not None and automatic_backup(folder, now=now) is None  # once a day
        os.utime(path, (now.timestamp(), now.timestamp()))
        made.append(path)
        # A second name per day would be needed for real days; the stamp is wall-clock.
        if n < 9:
            path.rename(path.with_name(f"auto-library-202611{n + 1:02d}T000000.sqlite3"))
    kept = sorted(backup_folder(folder).glob("auto-*.sqlite3"))
    assert len(kept) == 7
    for backup in kept:
        assert backup.stat().st_mode & 0o777 == 0o600


def test_backup_and_restore_from_the_command_line(tmp_path, capsys):
    folder = tmp_path / "lib"
    _library(folder).close()
    target = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(folder), "backup", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    # A mistake after the backup: the show is removed.
    library = Library.open(folder)
    library.delete_show(library.find_show("Harbour").id)
    library.close()
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "restore", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "1 shows" in out and "before-restore-" in out
    library = Library.open(folder)
    show = library.find_show("Harbour")
    assert library.episodes(show.id)[0].watched
    library.close()
    assert any(p.name.startswith("before-restore-") for p in list_backups(folder))


def test_restore_sees_through_an_open_connection(tmp_path):
    """A TUI that has the library open reads the restored data on its next query."""
    folder = tmp_path / "lib"
    open_elsewhere = _library(folder)
    target = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(folder), "backup", str(target)]) == 0
    open_elsewhere.add_show("Added After", [1])
    assert main(["--data-dir", str(folder), "restore", str(target)]) == 0
    assert [s.title for s in open_elsewhere.summaries()] == ["Harbour Lights"]
    open_elsewhere.close()


def test_restore_refuses_what_is_not_a_library(tmp_path, capsys):
    folder = tmp_path / "lib"
    _library(folder).close()
    other = tmp_path / "other.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for bad, message in (
        (other, "not an episodetui library"),
        (text, "not an episodetui library"),
        (tmp_path / "missing", "no such file"),
    ):
        assert main(["--data-dir", str(folder), "restore", str(bad)]) == 2
        assert message in capsys.readouterr().err
    library = Library.open(folder)
    assert library.show_count() == 1
    library.close()


async def test_restore_from_the_tui_asks_then_restores_and_says_where_the_old_one_is(tmp_path):
    from episodetui.core.backups import make_backup
    from episodetui.tui.app import EpisodeTuiApp
    from episodetui.tui.dialogs import ConfirmScreen, TextPrompt
    from pilot_helpers import run_palette, settle

    folder = tmp_path / "lib"
    library = _library(folder)
    make_backup(folder)  # the newest backup, offered first
    library.add_show("Added After", [1])
    app = EpisodeTuiApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_palette(pilot, "Restore a backup", expect="Restore a backup")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "Restored library-" in messages and "before-restore-" in messages
    assert [s.title for s in library.summaries()] == ["Harbour Lights"]
    library.close()
    again = Library.open(folder)
    assert [s.title for s in again.summaries()] == ["Harbour Lights"]
    again.close()


async def test_restore_from_the_tui_can_be_refused(tmp_path):
    from episodetui.core.backups import make_backup
    from episodetui.tui.app import EpisodeTuiApp
    from pilot_helpers import run_palette, settle

    folder = tmp_path / "lib"
    library = _library(folder)
    make_backup(folder)
    library.add_show("Added After", [1])
    app = EpisodeTuiApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_palette(pilot, "Restore a backup", expect="Restore a backup")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
    assert {s.title for s in library.summaries()} == {"Harbour Lights", "Added After"}
    library.close()
