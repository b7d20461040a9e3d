"""Ratings 1-10 of shows and episodes: store, CLI, TUI (keys, list, screens), export."""

from __future__ import annotations

import json

import pytest

from conftest import fixed_clock, screen_text
from episodetui.cli import main
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.exchange import export_library, import_library
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.rating_dialog import RatingPrompt
from episodetui.tui.show_screen import ShowScreen
from features_fixtures import canary_library

SIZE = (100, 30)


def test_one_rating_per_target_newest_wins(library):
    show = library.add_show("Rated", [3])
    first = library.episodes(show.id)[0]
    library.set_rating(show.id, first.id, 7)
    library.set_rating(show.id, first.id, 9)
    library.set_rating(show.id, None, 8, source="trakt")
    assert library.rating(show.id, first.id).rating == 9
    assert library.rating(show.id).source == "trakt"
    assert library.episode_ratings(show.id) == {first.id: 9}
    library.set_rating(show.id, library.episodes(show.id)[1].id, 6)
    summary = library.rating_summary(show.id)
    assert (summary.own, summary.average, summary.rated_episodes) == (8, 7.5, 2)
    assert summary.describe() == "★ 8"
    assert library.clear_rating(show.id, None) and not library.clear_rating(show.id, None)
    assert library.rating_summary(show.id).describe() == "★ 7.5 avg"
    for bad in (0, 11, -1, 7.5, True, "8"):
        with pytest.raises(EpisodeTuiError):
            library.set_rating(show.id, None, bad)  # type: ignore[arg-type]
    library.delete_show(show.id)
    assert library.rating_summaries() == {}


def test_export_carries_ratings_and_imports_them(library, tmp_path):
    show = library.add_show("Rated", [2])
    library.set_rating(show.id, library.episodes(show.id)[1].id, 10)
    library.set_rating(show.id, None, 4)
    doc = export_library(library)
    assert doc.shows[0].rating.rating == 4 and doc.shows[0].episodes[1].rating.rating == 10
    other = Library.open(tmp_path / "other", clock=fixed_clock)
    import_library(other, doc)
    assert export_library(other).model_dump() == doc.model_dump()
    other.close()


def test_cli_rate(data_dir, capsys):
    canary_library(data_dir).close()
    run = lambda *argv: main(["--data-dir", str(data_dir), *argv])  # noqa: E731
    assert (
        run("rate", "harb", "2", "8") == 0 and "Rated Harbour Lights S01E02: 8/10." in capsys.readouterr().out
    )
    assert run("rate", "harb", "9") == 0
    assert run("rate", "harb", "S01E03", "6") == 0
    capsys.readouterr()
    assert run("show", "harb", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rating"] == 9 and data["episode_rating_average"] == 7.0
    assert [e["rating"] for e in data["episodes"]] == [None, 8, 6, None]
    assert run("list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["rating"] == 9
    assert run("rate", "harb", "2", "--clear") == 0 and "Cleared" in capsys.readouterr().out
    for bad in (
        ["rate", "harb", "11"],
        ["rate", "harb", "0"],
        ["rate", "harb", "x"],
        ["rate", "harb"],
        ["rate", "harb", "1", "2", "3"],
        ["rate", "harb", "99", "5"],
        ["rate", "harb", "²"],
    ):
        assert run(*bad) == 2, bad
        assert "Traceback" not in capsys.readouterr().err


async def test_rate_an_episode_and_the_show_with_keys(data_dir):
    lib = canary_library(data_dir)
    second = lib.episodes(1)[1].id
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("up", "enter")  # the show opens on its next episode, the third
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        await pilot.press("asterisk")
        await pilot.pause()
        assert isinstance(app.screen, RatingPrompt)
        await pilot.press("1", "2", "enter")  # out of range: stays open
        await pilot.pause()
        assert isinstance(app.screen, RatingPrompt) and "from 1 to 10" in screen_text(app)
        await pilot.press("backspace", "backspace", "8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen) and "rated 8/10" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen) and "★ 8" in screen_text(app)
        await pilot.press("asterisk", "7", "enter")
        await pilot.pause()
        assert "rated 7/10" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "★ 7" in screen_text(app)  # the library row
    lib.close()
    again = Library.open(data_dir, clock=fixed_clock)
    assert again.rating(1, second).rating == 8 and again.rating(1).rating == 7
    again.close()


async def test_zero_clears_and_escape_keeps(data_dir):
    lib = canary_library(data_dir)
    lib.set_rating(1, None, 5)
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("asterisk", "backspace", "9", "escape")
        await pilot.pause()
        assert lib.rating(1).rating == 5
        await pilot.press("asterisk", "backspace", "0", "enter")
        await pilot.pause()
        assert lib.rating(1) is None
        assert any("Rating cleared" in str(n.message) for n in app._notifications)
    lib.close()


def test_rating_dialog_snapshot(snap_compare, data_dir):
    lib = canary_library(data_dir)
    lib.set_rating(1, lib.episodes(1)[0].id, 9)
    assert snap_compare(EpisodeTuiApp(lib, start_show_id=1), terminal_size=SIZE, press=["asterisk", "8"])
