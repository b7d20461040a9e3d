"""'Previously on': watched episodes only, newest last, on the next episode's screen."""

from __future__ import annotations

from conftest import SECRET, screen_text
from episodetui.cli import main
from episodetui.core.previously import previously_on
from episodetui.core.store import KeyMoment
from episodetui.tui.app import EpisodeTuiApp
from features_fixtures import canary_library

SIZE = (100, 30)


def test_last_watched_episodes_before_the_next(data_dir):
    lib = canary_library(data_dir)
    previously = previously_on(lib, 1)
    assert previously.before_code == "S01E03"
    assert [e.code for e in previously.episodes] == ["S01E01", "S01E02"]
    assert [m.text for m in previously.episodes[1].key_moments] == [
        "The ledger burns.",
        "A ferry horn at night.",
    ]
    assert "open the whole time" not in previously.episodes[1].notes[0].text
    assert "open the whole time" in previously_on(lib, 1, notes_revealed=True).episodes[1].notes[0].text
    assert [e.code for e in previously_on(lib, 1, count=1).episodes] == ["S01E02"]
    assert SECRET not in repr(previously)


def test_never_an_unwatched_episode_even_before_the_target(data_dir):
    lib = canary_library(data_dir)
    episodes = lib.episodes(1)
    lib.set_watched(episodes[3].id, True)  # E4 watched, E3 (the canary) still not
    lib.set_recap(episodes[3].id, "E4 recap", key_moments=[KeyMoment("the fourth")])
    previously = previously_on(lib, 1, before_episode_id=None)
    assert previously.before_code == "S01E03" or previously.before_code is None
    assert all(e.code != "S01E03" for e in previously_on(lib, 1, count=10).episodes)
    assert SECRET not in repr(previously_on(lib, 1, count=10))


def test_empty_state_says_what_would_appear(library, capsys):
    library.add_show("Quiet", [3])
    assert previously_on(library, 1).empty
    assert main(["--data-dir", str(library.data_dir), "previously", "quiet"]) == 0
    out = capsys.readouterr().out
    assert "nothing yet" in out and "key moments and notes" in out


def test_cli_previously(data_dir, capsys):
    canary_library(data_dir).close()
    assert main(["--data-dir", str(data_dir), "previously", "harb", "--episodes", "2"]) == 0
    out = capsys.readouterr().out
    assert "before S01E03" in out and "The lantern goes dark." in out and "00:41:10" in out
    assert out.index("S01E01") < out.index("S01E02") and SECRET not in out
    assert main(["--data-dir", str(data_dir), "previously", "harb", "--episodes", "0"]) == 2


async def test_panel_on_the_next_episode_only(data_dir):
    lib = canary_library(data_dir)
    third, second = lib.episodes(1)[2].id, lib.episodes(1)[1].id
    app = EpisodeTuiApp(lib, start_show_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the show opens on its next episode, E3
        await pilot.pause()
        assert app.screen.episode_id == third
        text = screen_text(app)
        assert "Previously on Harbour Lights" in text and "The ledger burns." in text
        assert SECRET not in text
        # Collapsible: Enter on its title folds it away.
        app.screen.query_one("#previously").collapsed = True
        await pilot.pause()
        assert "The ledger burns." not in screen_text(app)
        await pilot.press("escape", "up", "enter")  # E2: watched, not next: no panel
        await pilot.pause()
        assert app.screen.episode_id == second
        assert "Previously on" not in screen_text(app)
    lib.close()


def test_previously_snapshot(snap_compare, data_dir):
    lib = canary_library(data_dir)
    third = lib.episodes(1)[2].id
    assert snap_compare(EpisodeTuiApp(lib, start_show_id=1, start_episode_id=third), terminal_size=SIZE)


def test_previously_snapshot_80x24(snap_compare, data_dir):
    lib = canary_library(data_dir)
    third = lib.episodes(1)[2].id
    assert snap_compare(EpisodeTuiApp(lib, start_show_id=1, start_episode_id=third), terminal_size=(80, 24))
