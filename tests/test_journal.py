"""The Markdown journal: watched episodes only, dates, ratings, notes as written, recaps;
written atomically and privately; from the CLI and the palette."""

from __future__ import annotations

import os
import stat

from conftest import SECRET, fixed_clock
from episodetui.cli import main
from episodetui.core.journal import journal_chunks
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import TextPrompt
from features_fixtures import HIDDEN_RECAP, canary_library
from pilot_helpers import retype, toasts

SIZE = (100, 30)


def journal(lib, show_id=None) -> str:
    return "".join(journal_chunks(lib, show_id))


def test_watched_episodes_with_dates_ratings_notes_and_recaps(data_dir):
    lib = canary_library(data_dir)
    e1 = lib.episodes(1)[0]
    lib.set_rating(1, e1.id, 9)
    lib.set_rating(1, None, 8)
    lib.start_rewatch(1)
    lib.record_play(e1.id)
    text = journal(lib)
    assert text.startswith("# Watching journal")
    assert "## Harbour Lights (2025)" in text and "your rating 8/10" in text
    assert (
        "### S01E01 · Lantern" in text and "watched 2026-11-20, 2026-11-24 (rewatch 1) · rated 9/10" in text
    )
    assert "**Recap: The keeper rows out**" in text and "- `00:41:10` The lantern goes dark." in text
    assert "||open the whole time||" in text, "spoiler spans are kept as written"
    assert "S01E03" not in text and "S01E04" not in text
    assert SECRET not in text and "carved" not in text and HIDDEN_RECAP[:20] not in text
    lib.close()


def test_show_mode_off_still_leaves_out_unwatched_episodes(data_dir):
    lib = canary_library(data_dir)
    lib.set_show_spoiler_mode(1, None)
    lib.set_setting("spoiler_mode", "off")
    assert SECRET not in journal(lib)
    lib.set_watched(lib.episodes(1)[2].id, True)
    assert SECRET in journal(lib), "once watched, its recap is part of the journal"
    lib.close()


def test_cli_journal_to_stdout_and_file(data_dir, tmp_path, capsys):
    lib = canary_library(data_dir)
    other = lib.add_show("Night Market", [2])
    lib.set_watched(lib.episodes(other.id)[0].id, True)
    lib.close()
    run = lambda *argv: main(["--data-dir", str(data_dir), *argv])  # noqa: E731
    assert run("export", "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert "## Harbour Lights" in out and "## Night Market" in out and SECRET not in out
    assert run("export", "--format", "markdown", "--show", "night") == 0
    out = capsys.readouterr().out
    assert "## Night Market" in out and "Harbour" not in out
    target = tmp_path / "journal.md"
    target.write_text("old journal")
    assert run("export", "--format", "markdown", str(target)) == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text().startswith("# Watching journal") and SECRET not in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.md", "library"], "no temporary file left"
    assert run("export", "--show", "night", str(tmp_path / "x.json")) == 2
    assert run("export", "--format", "pdf") == 2
    assert run("export", "--format", "markdown", str(tmp_path / "missing" / "j.md")) == 2
    assert run("export", "--format", "markdown", "--show", "nope") == 2
    assert "Traceback" not in capsys.readouterr().err


async def test_palette_export_journal_writes_the_file(data_dir, tmp_path):
    lib = canary_library(data_dir)
    target = tmp_path / "from-tui.md"
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Export journal", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one("#value").value == "~/episodetui-journal-2026-11-24.md"
        await retype(pilot, str(target))  # the suggested path, replaced
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt)
        assert f"Journal written to {target}." in toasts(app)
    lib.close()
    text = target.read_text()
    assert "### S01E02 · Ledger" in text and SECRET not in text
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    again = Library.open(data_dir, clock=fixed_clock)  # the library is untouched and opens
    assert again.show_count() == 1
    again.close()


def test_journal_prompt_snapshot(snap_compare, data_dir):
    lib = canary_library(data_dir)
    assert snap_compare(
        EpisodeTuiApp(lib), terminal_size=(80, 24), press=["ctrl+p", *"Export journal", "enter"]
    )


async def test_a_bad_journal_path_is_one_clear_message(data_dir, tmp_path):
    lib = canary_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Export journal", "enter")
        await pilot.pause()
        await retype(pilot, str(tmp_path))  # a folder
        await pilot.press("enter")
        await pilot.pause()
        messages = toasts(app)
        assert any("is a folder" in m for m in messages), messages
        assert not any(m.startswith("Journal written") for m in messages)
    lib.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library"], "nothing written beside it"
