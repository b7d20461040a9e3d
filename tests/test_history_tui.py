"""The "Import history…" dialog, driven like a person: type a path, read the dry run,
confirm, read the report; then reopen the library and check it was saved."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import SECRET, SECRET_RECAP, fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.history_dialog import ImportHistoryScreen
from episodetui.tui.library_screen import LibraryScreen

FIXTURES = Path(__file__).parent / "fixtures" / "history"
SIZE = (100, 30)


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_import_from_the_library_key_offline(library, data_dir):
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportHistoryScreen)
        await pilot.press(*str(FIXTURES / "tvtime"))
        await pilot.press("tab", "space")  # tab past the hidden password field to "Offline"
        await pilot.click("#check")
        await settle(app, pilot)
        text = screen_text(app)
        assert "From TV Time, nothing written yet:" in text
        assert "Would add 8 episodes, 9 plays and 0 ratings." in text
        assert "Offline: shows not in the library are made by hand." in text
        assert library.show_count() == 0  # a dry run wrote nothing
        await pilot.press("enter")  # "Import" has the focus
        await settle(app, pilot)
        text = screen_text(app)
        assert "From TV Time: done." in text and "Added 8 episodes, 9 plays" in text
        await pilot.press("enter")  # Close
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Harbour Lights" in screen_text(app)
    library.close()
    reopened = Library.open(data_dir, clock=fixed_clock)
    harbour = reopened.find_show("Harbour Lights")
    assert reopened.find_episode(harbour, 1, 1).plays == 2
    reopened.close()


async def test_palette_command_and_a_clear_error(library):
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"import history")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportHistoryScreen)
        await pilot.press(*"/nowhere/at/all.zip", "enter")
        await settle(app, pilot)
        assert "No such file or folder: /nowhere/at/all.zip" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_merging_an_export_never_shows_a_hidden_recap(library, tmp_path):
    from episodetui.core.exchange import dump_document, export_library

    other = Library.open(tmp_path / "other", clock=fixed_clock)
    show = other.add_show("Harbour Lights", [2])
    other.set_recap(other.episodes(show.id)[1].id, SECRET_RECAP, title=f"The {SECRET} episode")
    export = tmp_path / "export.json"
    export.write_text(dump_document(export_library(other)))
    other.close()
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", *str(export), "enter")
        await settle(app, pilot)
        assert "Would import: 1 new show" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert SECRET not in screen_text(app) and "done." in screen_text(app)
        assert SECRET not in app.title + app.sub_title


def test_import_dialog_snapshot_80x24(snap_compare, library):
    # The export where a person keeps it (HOME is a temporary folder in tests), so the
    # path typed, and drawn, is the same on every machine.
    downloads = Path.home() / "Downloads"
    downloads.mkdir()
    with zipfile.ZipFile(downloads / "trakt-export-someone.zip", "w") as archive:
        for part in sorted((FIXTURES / "trakt").iterdir()):
            archive.write(part, part.name)

    async def dry_run(pilot):
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"~/Downloads/trakt-export-someone.zip")
        await pilot.press("tab", "space")  # tab past the hidden password field to "Offline"
        await pilot.click("#check")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(EpisodeTuiApp(library), terminal_size=(80, 24), run_before=dry_run)


async def test_imported_ratings_show_on_the_show_and_episode_screens(library):
    from episodetui.core.history import importer
    from episodetui.core.history.detect import read_history

    _, _, history = read_history(FIXTURES / "trakt")
    importer.apply(library, importer.prepare(library, history, None))
    harbour = library.find_show("Harbour Lights")
    app = EpisodeTuiApp(library, start_show_id=harbour.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "rated 9/10" in screen_text(app)
        first = library.find_episode(harbour, 1, 1)
        await pilot.press("home", "enter")  # the first episode, opened
        await pilot.pause()
        assert app.screen.episode_id == first.id
        assert "rated 8/10" in screen_text(app)


async def test_link_a_show_made_by_hand_from_the_palette(library):
    from episodetui.core.history import importer
    from episodetui.core.history.detect import read_history
    from test_history_tvmaze import Maze

    _, _, history = read_history(FIXTURES / "tvtime")
    importer.apply(library, importer.prepare(library, history, None))
    harbour = library.find_show("Harbour Lights")
    maze = Maze()
    app = EpisodeTuiApp(library, start_show_id=harbour.id, tvmaze=maze.client)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"link this show")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.1)
        assert library.show(harbour.id).external_ids["tvmaze"] == "90001"
        first = library.find_episode(harbour, 1, 1)
        assert first.title == "The Ferry at Dawn" and first.plays == 2
        assert "The Ferry at Dawn" in screen_text(app)  # watched: its title shows


async def test_a_password_protected_zip_asks_for_the_password(library, data_dir, tmp_path):
    import shutil
    import subprocess

    import pytest

    if shutil.which("zip") is None:
        pytest.skip("needs the zip tool")
    archive = tmp_path / "tvtime.zip"
    subprocess.run(
        ["zip", "-q", "-r", "-P", "s3cret", str(archive), "gdpr-data"], cwd=FIXTURES / "tvtime", check=True
    )
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", "space", "shift+tab")  # "Offline" on, and back to the path
        assert app.screen.query_one("#offline").value
        await pilot.press(*str(archive), "enter")
        await settle(app, pilot)
        assert "The zip is protected by a password: type it below and press Enter." in screen_text(app)
        await pilot.press(*"s3cret", "enter")  # the password field has the focus
        await settle(app, pilot)
        assert "s3cret" not in screen_text(app)
        assert "Would add 8 episodes, 9 plays" in screen_text(app)
        assert "Offline: shows not in the library are made by hand." in screen_text(app)
        await pilot.press("enter")  # "Import" has the focus
        await settle(app, pilot)
        assert "From TV Time: done." in screen_text(app)
    library.close()
    reopened = Library.open(data_dir, clock=fixed_clock)
    harbour = reopened.find_show("Harbour Lights")
    assert "tvmaze" not in harbour.external_ids, "offline: made by hand, not linked"
    assert reopened.find_episode(harbour, 1, 1).plays == 2
    reopened.close()


async def test_closing_while_checking_is_harmless(library):
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", *str(FIXTURES / "tvtime"), "enter", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen) and library.show_count() == 0
