import json
import os
import stat
import subprocess
import sys

import pytest

from conftest import SECRET, SECRET_RECAP, fixed_clock
from episodetui.cli import main


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    """The CLI opens the library with the default clock: make it the tests' fixed one."""
    import episodetui.core.store.db as store_db

    monkeypatch.setattr(store_db, "utc_now", fixed_clock)


@pytest.fixture
def run(data_dir, capsys):
    """Run the CLI on the test library; returns (exit status, stdout, stderr)."""

    def runner(*args: str):
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return runner


@pytest.fixture
def harbour(run):
    assert run("add", "Harbour Lights", "--episodes", "4", "--year", "2025")[0] == 0
    return run


def test_add_list_watch_flow(harbour):
    run = harbour
    status, out, _ = run("watch", "harbour", "S01E01")
    assert status == 0 and "Watched Harbour Lights S01E01" in out
    status, out, _ = run("list")
    assert "Harbour Lights" in out and "1/4" in out and "next S01E02" in out
    items = json.loads(run("list", "--json")[1])
    assert items[0]["title"] == "Harbour Lights"
    assert (items[0]["watched"], items[0]["total"]) == (1, 4)
    assert items[0]["next"]["code"] == "S01E02"


def test_episode_code_forms(harbour):
    run = harbour
    assert run("watch", "Harbour Lights", "1x02")[0] == 0
    assert run("watch", "harbour lights", "3")[0] == 0
    out = json.loads(run("show", "harbour", "--json")[1])
    assert [e["watched"] for e in out["episodes"]] == [False, True, True, False]


def test_watch_through_and_unwatch(harbour):
    run = harbour
    status, out, _ = run("watch", "harbour", "S01E03", "--through")
    assert status == 0 and "Marked 3 episodes" in out
    run("unwatch", "harbour", "2")
    out = json.loads(run("list", "--json")[1])
    assert out[0]["watched"] == 2 and out[0]["next"]["code"] == "S01E04"


def test_rewatch_counts_plays(harbour):
    run = harbour
    run("watch", "harbour", "1")
    status, out, _ = run("watch", "harbour", "1")
    assert "(play 2)" in out


def test_add_season_to_existing_show(harbour):
    run = harbour
    status, _, err = run("add", "harbour lights", "--episodes", "2")
    assert status == 2 and "--season" in err
    status, out, _ = run("add", "Harbour Lights", "--season", "2", "--episodes", "3")
    assert status == 0 and "Added 3 episodes" in out
    assert json.loads(run("list", "--json")[1])[0]["total"] == 7


def test_notes_with_timestamps(harbour):
    run = harbour
    status, out, _ = run("note", "harbour", "S01E01", "he closes the lid on the box", "--at", "00:41:10")
    assert status == 0
    out = json.loads(run("show", "harbour", "--json")[1])
    assert out["episodes"][0]["notes"][0] == {
        "id": 1,
        "at": "00:41:10",
        "text": "he closes the lid on the box",
    }


def test_note_spoiler_spans_masked_in_output(harbour):
    run = harbour
    run("note", "harbour", "1", "the ||keeper did it||")
    out = run("show", "harbour")[1]
    assert "keeper did it" not in out and "░░░" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (("watch", "nothing", "1"), "no show called 'nothing'"),
        (("watch", "harb", "1"), "matches several shows: Harbour Lights, Harbour Town"),
        (("watch", "harbour lights", "S01E09"), "has no episode S01E09"),
        (("watch", "harbour lights", "first"), "bad episode 'first'"),
        (("note", "harbour lights", "1", "x", "--at", "noon"), "bad timestamp 'noon'"),
        (("recap", "harbour lights", "1", "/no/such/file.txt"), "no such file: /no/such/file.txt"),
        (("import", "/no/such/export.json"), "no such file"),
        (("spoilers", "loud"), "unknown spoiler mode"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(harbour, args, message):
    run = harbour
    run("add", "Harbour Town", "--episodes", "1")
    before = run("export", "-")[1]
    status, out, err = run(*args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("episodetui: ") and message in err
    assert "Traceback" not in err
    assert run("export", "-")[1] == before


def test_malformed_import_changes_nothing(harbour, tmp_path):
    run = harbour
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "episodetui-library", "shows": [{"title": 5}]}')
    before = run("export", "-")[1]
    status, _, err = run("import", str(bad))
    assert status == 2 and "malformed" in err
    assert run("export", "-")[1] == before


def test_export_import_round_trip(harbour, tmp_path, capsys):
    run = harbour
    run("watch", "harbour", "2", "--through")
    run("note", "harbour", "2", "a note", "--at", "12:00")
    export = tmp_path / "export.json"
    status, out, _ = run("export", str(export))
    assert status == 0 and stat.S_IMODE(os.stat(export).st_mode) == 0o600
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(export)]) == 0
    again = tmp_path / "again.json"
    assert main(["--data-dir", str(other), "export", str(again)]) == 0
    capsys.readouterr()
    assert again.read_text() == export.read_text()


def test_export_refuses_to_print_to_a_terminal(harbour, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, err = harbour("export")
    assert status == 2 and "give a FILE or pipe it" in err and out == ""


def test_recap_from_stdin_hidden_until_watched(harbour, monkeypatch):
    run = harbour
    monkeypatch.setattr(sys, "stdin", _FakeStdin(SECRET_RECAP.encode()))
    status, out, _ = run("recap", "harbour", "2", "-", "--raw", "--source", "my notes")
    assert status == 0 and "2 paragraphs" in out and "hidden until you watch it" in out and SECRET not in out
    out = run("show", "harbour")[1]
    assert SECRET not in out and "Recap hidden until you watch this episode" in out
    assert SECRET in run("show", "harbour", "--spoilers")[1]
    run("watch", "harbour", "2")
    assert SECRET in run("show", "harbour")[1]


class _FakeStdin:
    def __init__(self, data: bytes):
        import io

        self.buffer = io.BytesIO(data)


def test_no_cli_output_carries_an_unwatched_recap(secret_library, data_dir, capsys, tmp_path):
    secret_library.close()
    recap_file = tmp_path / "recap.txt"
    recap_file.write_text(SECRET_RECAP)
    commands = [
        ["list"],
        ["list", "--json"],
        ["show", "harbour"],
        ["show", "harbour", "--json"],
        ["watch", "harbour", "1"],
        ["unwatch", "harbour", "3"],
        ["watch", "harbour", "3"],
        ["note", "harbour", "2", "my note"],
        ["recap", "harbour", "2", str(recap_file)],
        ["spoilers", "strict"],
        ["show", "harbour"],
        ["spoilers", "recaps", "--show", "harbour"],
        ["show", "harbour", "--json"],
        ["watch", "harbour", "S01E09"],
        ["nope"],
    ]
    for command in commands:
        try:
            main(["--data-dir", str(data_dir), *command])
        except SystemExit:
            pass
        out, err = capsys.readouterr()
        assert SECRET not in out + err, command


def test_strict_mode_masks_titles_except_next(harbour, data_dir):
    run = harbour
    from episodetui.core.store import Library

    library = Library.open(data_dir)
    for episode, title in zip(library.episodes(1), ["Dawn", "Tide", "Keeper Returns", "Finale"], strict=True):
        library.update_episode(episode.id, title=title, synopsis=f"{title} synopsis")
    library.close()
    run("watch", "harbour", "1")
    run("spoilers", "strict")
    out = json.loads(run("show", "harbour", "--json")[1])
    assert [e["title"] for e in out["episodes"]] == ["Dawn", "Tide", "(title hidden)", "(title hidden)"]
    text = run("show", "harbour")[1]
    assert "Keeper Returns" not in text and "Finale" not in text and "Tide synopsis" in text
    run("spoilers", "off", "--show", "harbour")
    assert "Finale" in run("show", "harbour")[1]


def test_titles_with_markup_and_escapes_print_literally(run):
    run("add", "[bold]Evil[/] \x1b[2J바람 🎬", "--episodes", "1")
    out = run("list")[1]
    assert "[bold]Evil[/] 바람 🎬" in out and "\x1b" not in out


def test_version_and_help_work(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert "episodetui" in capsys.readouterr().out


def test_console_script_runs_as_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "episodetui", "--data-dir", str(tmp_path / "lib"), "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "library is empty" in result.stdout


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EPISODETUI_DATA_DIR", str(tmp_path / "env-lib"))
    assert main(["add", "Env Show", "--episodes", "1"]) == 0
    assert (tmp_path / "env-lib" / "library.sqlite3").exists()


@pytest.fixture
def launched(monkeypatch):
    """Stand in for the TUI's run(): record how it was started instead."""
    from episodetui.tui.app import EpisodeTuiApp

    calls = []

    def fake_run(self, *args, **kwargs):
        calls.append(
            (self.library.path, self.start_show_id, self.start_episode_id, self.library.show_count())
        )

    monkeypatch.setattr(EpisodeTuiApp, "run", fake_run)
    return calls


def test_open_starts_the_tui_at_a_show_or_episode(harbour, launched):
    assert harbour("open", "harbour")[0] == 0
    assert harbour("open", "harbour", "S01E03")[0] == 0
    assert [(show, episode) for _, show, episode, _ in launched] == [(1, None), (1, 3)]
    status, _, err = harbour("open", "harbour", "S09E09")
    assert status == 2 and "no episode S09E09" in err and len(launched) == 2


def test_no_command_opens_the_library(harbour, launched, data_dir):
    assert harbour()[0] == 0
    assert launched[0][0] == data_dir / "library.sqlite3"


def test_demo_uses_a_throwaway_library(launched, data_dir, capsys):
    assert main(["--demo"]) == 0
    path, _, _, shows = launched[0]
    assert shows == 5
    assert not path.exists(), "the demo folder is removed on quit"
    assert not data_dir.exists()
    import os

    assert not os.path.exists(os.environ["EPISODETUI_DATA_DIR"])


def test_the_tui_returns_only_after_its_prefetch_thread_ends(launched, data_dir, monkeypatch):
    """The first screen's rows are read on a thread while Textual imports; an app that
    ended before reading them left the thread on the library, and `--demo` then failed
    removing its folder under it (CI: OSError, "Directory not empty")."""
    import threading
    import time

    from episodetui.core.store import Library

    original = Library._summaries

    def slow(self, show_id=None, db=None):
        if db is not None:  # the prefetch thread's own connection
            time.sleep(0.3)
        return original(self, show_id, db)

    monkeypatch.setattr(Library, "_summaries", slow)
    assert main(["--demo"]) == 0
    assert "episodetui-prefetch" not in [thread.name for thread in threading.enumerate()]
    assert not launched[0][0].exists(), "the demo folder is removed on quit"


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "recaps"


def test_recap_import_into_unwatched_prints_only_the_shape(harbour):
    run = harbour
    status, out, _ = run("recap", "harbour", "2", str(FIXTURES / "copied_text.txt"), "--source", "a site")
    assert status == 0
    assert out.startswith(
        "Recap attached to Harbour Lights S01E02, hidden until you watch it (headline hidden, 3 paragraphs, 2 key moments; dropped 1 spoiler warning"
    )
    for secret in ("umbrella", "salt, rain", "thermos", "spice shelf"):
        assert secret not in out
    shown = run("show", "harbour")[1]
    assert "umbrella" not in shown and "3 paragraphs, 2 key moments" in shown
    run("watch", "harbour", "2")
    shown = json.loads(run("show", "harbour", "--json")[1])["episodes"][1]["recap"]
    assert shown["title"].startswith("‘Harbour Lights’ episode two recap")
    assert [m["text"][:16] for m in shown["key_moments"]] == ["The umbrella sce", "Min-ji hums the "]
    assert shown["source"] == "a site"


def test_recap_into_watched_names_the_headline_and_warns_on_a_mismatch(harbour):
    run = harbour
    run("watch", "harbour", "3")
    status, out, _ = run("recap", "harbour", "3", str(FIXTURES / "copied_text.txt"))
    assert "“‘Harbour Lights’ episode two recap: salt, rain and a promise kept”" in out
    assert "its headline suggests Harbour Lights S01E02" in out


def test_recap_guess(harbour):
    run = harbour
    status, out, _ = run("recap", "--guess", str(FIXTURES / "copied_text.txt"))
    assert (status, out) == (0, "Suggested: Harbour Lights S01E02\n")
    status, out, _ = run("recap", "--guess", str(FIXTURES / "markdown.md"))
    # Never the headline's words (issue 7.1): a show not in the library is only said so.
    assert out == "Suggested: S02E03 of a show that is not in your library\n"
    assert "Quiet Orbit" not in out
    assert "umbrella" not in out
    status, _, err = run("recap", "--guess", "a", "b")
    assert status == 2 and "one FILE" in err
    status, _, err = run("recap", "harbour", "2")
    assert status == 2 and "SHOW EPISODE FILE" in err


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the recap is empty"),
        (b"\x00\x01binary", "binary"),
        (b"More Stories:\n\nRelated", "no recap text"),
    ],
)
def test_bad_recap_files_change_nothing(harbour, tmp_path, content, message):
    run = harbour
    bad = tmp_path / "bad"
    bad.write_bytes(content)
    before = run("export", "-")[1]
    status, out, err = run("recap", "harbour", "1", str(bad))
    assert status == 2 and message in err and out == ""
    assert run("export", "-")[1] == before


@pytest.fixture
def fake_tvmaze(monkeypatch):
    import episodetui.cli.tvmaze as cli
    from tvmaze_fakes import FakeTvMaze

    fake = FakeTvMaze()
    monkeypatch.setattr(cli, "_tvmaze", fake.client)
    return fake


def test_add_by_search_lists_candidates_when_ambiguous(run, fake_tvmaze):
    status, out, err = run("add", "--search", "Harbour Lights")
    assert status == 2 and out == ""
    assert err.startswith("episodetui: 3 shows match 'Harbour Lights'; choose one:")
    assert "--tvmaze-id 90001    Harbour Lights (2025, Streamline+, Ended, Korean)" in err
    status, out, _ = run("add", "--tvmaze-id", "90001")
    assert status == 0
    assert out == "Added Harbour Lights with 4 episodes and 1 special. Show data from TVmaze (CC BY-SA).\n"
    listed = json.loads(run("list", "--json")[1])
    assert (listed[0]["watched"], listed[0]["total"]) == (0, 3)


def test_add_by_search_picks_a_clear_best_hit(run, fake_tvmaze):
    from tvmaze_fakes import load

    fake_tvmaze.routes["/search/shows"] = load("search_harbour.json")[:1]
    status, out, _ = run("add", "--search", "harbour")
    assert status == 0 and out.startswith("Added Harbour Lights")


def test_add_offline_is_a_clear_error_and_changes_nothing(run, fake_tvmaze):
    import httpx

    fake_tvmaze.routes["/search/shows"] = httpx.ConnectError("offline")
    status, out, err = run("add", "--search", "Harbour Lights")
    assert status == 2 and "cannot reach TVmaze" in err and "by hand" in err
    assert "library is empty" in run("list")[1]


def test_add_argument_mistakes(run, fake_tvmaze):
    assert "TITLE --episodes N" in run("add", "Harbour")[2]
    assert "either TITLE" in run("add", "Harbour", "--search", "x")[2]


def test_refresh_and_upcoming(run, fake_tvmaze, monkeypatch):
    run("add", "--tvmaze-id", "90001")
    run("add", "Manual Show", "--episodes", "2")
    status, out, _ = run("refresh")
    assert status == 0 and out == "Harbour Lights: already up to date.\n"
    fake_tvmaze.routes["/shows/90001/episodes"] = fake_tvmaze.routes["/shows/90001/episodes"][:2]
    status, out, _ = run("refresh", "harbour")
    assert out == "Harbour Lights: 3 no longer listed.\n"
    assert "added by hand" in run("refresh", "manual")[2]

    from tvmaze_fakes import load

    fake_tvmaze.routes["/shows/90001/episodes"] = load("episodes_90001.json")
    run("refresh", "harbour")
    monkeypatch.setenv("TZ", "Asia/Seoul")
    import time

    time.tzset()
    try:
        rows = json.loads(run("upcoming", "--json")[1])
        assert rows == [
            {
                "show": "Harbour Lights",
                "code": "S01E04",
                "season": 1,
                "number": 4,
                "title": "What the Tide Keeps",
                "air_date": "2026-12-05",
                "airs_at": "2026-12-05T20:30+09:00",
                "in_days": 11,
            }
        ]
        out = run("upcoming")[1]
        assert out == "2026-12-05 20:30  in 11 days   Harbour Lights  S01E04  What the Tide Keeps\n"
        run("spoilers", "strict")
        assert "What the Tide Keeps" not in run("upcoming")[1]
        assert run("upcoming", "--days", "7")[1] == "Nothing airs in the next 7 days.\n"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
