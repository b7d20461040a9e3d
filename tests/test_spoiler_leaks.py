"""The spoiler-leak suite: canary words in an unwatched episode's recap headline, body and
key moments, and in a masked ||spoiler|| span of a note, must reach no surface.

Every CLI command is run (the table below must name each command the parser has, so a new
command cannot skip this suite), and every file written outside the database, its
backups and explicit exports is read. The TUI is walked through its screens and dialogs
while every frame it draws is recorded, along with notifications and the terminal title.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import fixed_clock
from episodetui.cli import build_parser, main
from episodetui.core.store import KeyMoment, Library

HEADLINE = "Xylophagous"
BODY = "Quetzalcoatl"
MOMENT = "Zanzibarine"
NOTE_SPAN = "Obsidianite"
CANARIES = (HEADLINE, BODY, MOMENT, NOTE_SPAN)

# Files that hold the recap by design: the database, its copies, and exports asked for.
ALLOWED_FILES = re.compile(
    r"library\.sqlite3(-wal|-shm)?$|\.sqlite3$|^export|^journal-full"
    r"|^\d{8}T\d{6}-(show|recap)-"  # the copy kept of a removed show or recap (removed/)
)


def leaked(text: str) -> list[str]:
    return [word for word in CANARIES if word in text]


def build_canary_library(data_dir: Path) -> Library:
    library = Library.open(data_dir, clock=fixed_clock)
    show = library.add_show("Harbour Lights", [4], year=2025)
    first, second = library.episodes(show.id)[:2]
    library.set_watched(first.id, True)
    library.set_recap(
        second.id,
        f"The fog lifts over the harbour.\n\nThe statue of {BODY} stands on the breakwater.",
        title=f"Harbour Lights episode 2: the {HEADLINE} twist",
        key_moments=[KeyMoment(f"{MOMENT} rises at dawn.", 600)],
    )
    library.add_note(show.id, f"who is it? ||{NOTE_SPAN}||", episode_id=second.id, at_seconds=61)
    library.add_note(show.id, "a note on the show")
    return library


# Every command of the CLI and the ways it is run here. `None` marks a command whose
# output is the recap by the user's explicit request (tested elsewhere to be exactly that).
def cli_runs(tmp: Path) -> dict[str, list[list[str]] | None]:
    recap_file = tmp / "recap.txt"
    recap_file.write_text(
        f"Harbour Lights episode 3 recap: {HEADLINE}\n\nSpoilers below.\n\n{BODY} again.\n\n"
        f"Key Moments\n\n- {MOMENT} returns\n- the lid closes\n"
    )
    return {
        "open": [],  # starts the TUI; covered by the TUI walk
        "list": [["list"], ["list", "--json"]],
        "show": [["show", "harbour"], ["show", "harbour", "--json"]],
        "watch": [["watch", "harbour", "1"], ["watch", "harbour", "S01E09"]],
        "unwatch": [["unwatch", "harbour", "3"]],
        "note": [["note", "harbour", "2", "my note", "--at", "00:01:00"]],
        "spoilers": [["spoilers", "strict"], ["show", "harbour"], ["spoilers", "recaps"]],
        "add": [["add", "Another Show", "--episodes", "3"]],
        "refresh": [["refresh"]],
        "upcoming": [["upcoming"], ["upcoming", "--json"]],
        "recap": [
            ["recap", "--guess", str(recap_file)],
            ["recap", "harbour", "3", str(recap_file)],
            ["recap", "harbour", "2", str(recap_file)],
            ["show", "harbour", "--json"],
            ["recap", "harbour", "2", "--remove"],
            ["recap", "harbour", "2", str(recap_file)],
        ],
        "export": [
            ["export", str(tmp / "export.json")],
            ["export", "--format", "markdown"],
            ["export", "--format", "markdown", str(tmp / "journal.md")],
            ["export", "--format", "markdown", "--show", "harbour"],
        ],
        "import": [["import", str(tmp / "export.json"), "--dry-run"], ["import", str(tmp / "export.json")]],
        "link": [["link", "harbour"]],  # offline in tests: one error line
        "remove": [["remove", "Another Show", "--yes"]],
        "backup": [["backup"]],
        "keys": [["keys"], ["keys", "--json"]],
        "restore": [],  # puts a database back; prints counts only (test_backups)
        "search": [
            ["search", "harbour"],
            ["search", "the", "--json"],
            *[["search", word] for word in CANARIES],
            *[["search", word[:4], "--json"] for word in CANARIES],
        ],
        "rate": [
            ["rate", "harbour", "2", "7"],
            ["show", "harbour"],
            ["show", "harbour", "--json"],
            ["rate", "harbour", "9"],
            ["list"],
            ["rate", "harbour", "2", "--clear"],
        ],
        "rewatch": [
            ["rewatch", "harbour"],
            ["watch", "harbour", "1"],
            ["previously", "harbour"],
            ["rewatch", "harbour", "--stop"],
        ],
        "stats": [["stats"], ["stats", "--json"], ["stats", "--year", "2026"]],
        "previously": [
            ["previously", "harbour"],
            ["watch", "harbour", "2"],
            ["unwatch", "harbour", "2"],
            ["previously", "harbour", "--episodes", "9"],
        ],
    }


def test_the_leak_table_names_every_command(tmp_path):
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert set(commands) == set(cli_runs(tmp_path)), "add the new command to cli_runs()"


def test_no_cli_command_prints_a_hidden_recap_or_a_masked_note(tmp_path, capsys):
    data_dir = tmp_path / "lib"
    build_canary_library(data_dir).close()
    for name, runs in cli_runs(tmp_path).items():
        for argv in runs or []:
            main(["--data-dir", str(data_dir), *argv])
            out, err = capsys.readouterr()
            assert not leaked(out + err), (name, argv, leaked(out + err))
    # Files written anywhere in the test's folder, except the database and exports.
    for path in tmp_path.rglob("*"):
        if path.is_file() and not ALLOWED_FILES.search(path.name) and path.name != "recap.txt":
            assert not leaked(path.read_text(errors="replace")), path


def test_the_export_to_a_pipe_is_the_one_place_hidden_recaps_go(tmp_path, capsys):
    data_dir = tmp_path / "lib"
    build_canary_library(data_dir).close()
    assert main(["--data-dir", str(data_dir), "export"]) == 0  # stdout is a pipe here
    assert set(leaked(capsys.readouterr().out)) == {HEADLINE, BODY, MOMENT, NOTE_SPAN}


# ------------------------------------------------------------------------ TUI


class FrameRecorder:
    """Every frame the app sends to the terminal, as plain text."""

    ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")

    def __init__(self, app) -> None:
        self.frames: list[str] = []
        self.app = app
        original = app._display

        def record(screen, renderable) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                self.frames.append(self.ANSI.sub("", renderable.render_segments(app.console)))
            original(screen, renderable)

        app._display = record

    def everything(self) -> str:
        notes = " ".join(str(n.message) for n in self.app._notifications)
        return "\n".join(self.frames) + notes + self.app.title + str(self.app.sub_title)


@pytest.mark.parametrize(
    "ahead", [False, True, "prepared"], ids=["new-screen", "spare-screen", "built-for-the-show"]
)
@pytest.mark.parametrize("mode", ["recaps", "strict"])
async def test_a_walk_through_the_tui_records_no_hidden_text(tmp_path, mode, ahead):
    from episodetui.tui.app import EpisodeTuiApp

    library = build_canary_library(tmp_path / "lib")
    library.set_setting("spoiler_mode", mode)
    app = EpisodeTuiApp(library)
    recorder = FrameRecorder(app)
    steps = [
        (),
        ("enter",),
        ("down",),
        ("enter",),  # the episode with the hidden recap
        ("r",),
        ("n",),
        ("escape",),  # reveal asked and refused
        ("i",),
        ("escape",),
        ("p",),
        ("escape",),
        ("n",),
        ("escape",),
        ("question_mark",),
        ("escape",),
        ("ctrl+p",),
        *[(c,) for c in "quetz"],
        ("escape",),  # the palette, filtered
        ("ctrl+p",),
        *[(c,) for c in "open"],
        ("escape",),
        ("j",),
        ("e",),
        ("n",),
        ("x",),
        ("n",),  # a masked note's edit, the recap's removal: asked, refused
        ("escape",),
        ("W",),
        ("n",),
        ("escape",),
        ("escape",),
        ("c",),
        ("escape",),
        ("slash",),
        *[(c,) for c in "harb"],
        ("escape",),
        # Search: each canary's first letters, and a word the hidden recap shares.
        *[
            step
            for word in ("quetz", "xylo", "zanzi", "obsid", "harbour")
            for step in [("ctrl+f",), *[(c,) for c in word], ("escape",)]
        ],
        ("ctrl+f",),
        *[(c,) for c in "breakw"],
        ("down",),
        ("enter",),
        ("escape",),
        ("escape",),
        ("escape",),
        ("escape",),
        ("S",),
        ("right",),
        ("left",),
        ("escape",),  # statistics
        ("d",),
        ("n",),  # removing the show: asked, refused
    ]
    async with app.run_test(size=(120, 36)) as pilot:
        if ahead:  # the show opens on the show screen built ahead (show_screen.prepare_spare)
            for _ in range(200):
                spare = app.__dict__.get("_spare_show_screen")
                if spare is not None and spare.spare_ready:
                    break
                await pilot.pause(0.02)
            else:
                raise AssertionError("no spare show screen was built")
        if ahead == "prepared":  # the highlighted show's screen built ahead (prepare_open)
            for _ in range(200):
                prepared = app.__dict__.get("_prepared_show_screen")
                if prepared is not None and prepared.spare_ready:
                    break
                await pilot.pause(0.02)
            else:
                raise AssertionError("no show screen was built ahead for the highlighted show")
        for keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            assert not leaked(recorder.everything()), (keys, type(app.screen).__name__)
        if ahead == "prepared":  # the show was shown on the screen built for it
            assert app.get_screen(f"show-{prepared.show_id}") is prepared
    assert len(recorder.frames) > len(steps)
    library.close()
