"""Rewatch passes: plays carry the pass, first watches stay, progress and next per pass."""

from __future__ import annotations

import json

import pytest

from conftest import SECRET, fixed_clock, screen_text, sql
from episodetui.cli import main
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.previously import previously_on
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import ConfirmScreen
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.show_screen import ShowScreen
from features_fixtures import canary_library

SIZE = (100, 30)


def test_a_pass_has_its_own_plays_progress_and_next(data_dir):
    lib = canary_library(data_dir)
    e1, e2, e3, e4 = lib.episodes(1)
    first_watched = sql(
        lib, "SELECT first_watched_at FROM watches WHERE episode_id = ?", (e1.id,)
    ).fetchone()[0]
    with pytest.raises(EpisodeTuiError):
        lib.stop_rewatch(1) or lib.toggle_pass_play(e1.id)
    rewatch = lib.start_rewatch(1)
    assert rewatch.number == 1
    with pytest.raises(EpisodeTuiError):
        lib.start_rewatch(1)
    progress = lib.pass_progress(1)
    assert (progress.watched, progress.total, progress.next_code) == (0, 4, "S01E01")
    assert lib.record_play(e1.id) == 2
    assert [p.pass_id for p in lib.plays(e1.id)] == [None, rewatch.id]
    assert (
        sql(lib, "SELECT first_watched_at FROM watches WHERE episode_id = ?", (e1.id,)).fetchone()[0]
        == first_watched
    )
    assert lib.pass_progress(1).next_code == "S01E02"
    # previously-on follows the pass: before S01E02 of the rewatch comes S01E01.
    assert previously_on(lib, 1).before_code == "S01E02"
    assert lib.toggle_pass_play(e2.id) and not lib.toggle_pass_play(e2.id)
    assert lib.plays(e2.id)[0].pass_id is None and len(lib.plays(e2.id)) == 1  # the first watch stays
    for episode in (e2, e3):
        lib.toggle_pass_play(episode.id)
    assert lib.pass_progress(1).watched == 3 and lib.episode(e3.id).watched  # first seen in the rewatch
    lib.toggle_pass_play(e4.id)
    assert lib.active_pass(1) is None, "playing the last episode ends the pass"
    assert lib.passes(1)[0].ended_at is not None
    assert lib.start_rewatch(1).number == 2
    lib.close()


def test_nothing_watched_means_nothing_to_rewatch(library):
    library.add_show("Fresh", [2])
    with pytest.raises(EpisodeTuiError, match="nothing to rewatch"):
        library.start_rewatch(1)


def test_cli_rewatch(data_dir, capsys):
    canary_library(data_dir).close()
    run = lambda *argv: main(["--data-dir", str(data_dir), *argv])  # noqa: E731
    assert run("rewatch", "harb") == 0
    assert "Started rewatch 1 of Harbour Lights: 0/4, next S01E01 Lantern." in capsys.readouterr().out
    assert run("watch", "harb", "1") == 0
    assert "Rewatch 1: 1/4, next S01E02 Ledger." in capsys.readouterr().out
    assert run("list") == 0 and "↻ rewatch 1/4, next S01E02 Ledger" in capsys.readouterr().out
    assert run("list", "--json") == 0
    rewatch = json.loads(capsys.readouterr().out)[0]["rewatch"]
    assert (rewatch["watched"], rewatch["total"], rewatch["next"]["code"]) == (1, 4, "S01E02")
    assert run("rewatch", "harb") == 2
    assert run("rewatch", "harb", "--stop") == 0 and "at 1/4" in capsys.readouterr().out
    assert run("rewatch", "harb", "--stop") == 2
    assert "Traceback" not in capsys.readouterr().err


async def test_rewatch_from_the_show_screen_and_the_library_shows_it(data_dir):
    lib = canary_library(data_dir)
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen) and "rewatch 1: 0/4" in screen_text(app)
        await pilot.press("home", "w")  # the first episode: a play of the pass
        await pilot.pause()
        assert "rewatch 1: 1/4, next S01E02" in screen_text(app)
        assert lib.episode(lib.episodes(1)[0].id).watched, "w in a rewatch never unwatches"
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "↻1/4" in text and "↻ S01E02 Ledger" in text
        await pilot.press("enter", "enter")  # the show opens on the pass's next: S01E02
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen) and "Previously on Harbour Lights" in screen_text(app)
        assert SECRET not in screen_text(app)
    lib.close()
    again = Library.open(data_dir, clock=fixed_clock)
    assert again.pass_progress(1).watched == 1
    again.close()


def test_library_rewatch_snapshot(snap_compare, data_dir):
    lib = canary_library(data_dir)
    lib.start_rewatch(1)
    lib.record_play(lib.episodes(1)[0].id)
    lib.set_rating(1, None, 8)
    assert snap_compare(EpisodeTuiApp(lib), terminal_size=(80, 24))
