"""Removing a show or a recap: what goes, the copy kept, and that the copy puts it back."""

from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import SECRET, SECRET_RECAP
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.exchange import dump_document, export_library, import_library, parse_document
from episodetui.core.recaps.plan import apply_import, plan_import
from episodetui.core.removal import remove_recap, remove_show, removed_dir, show_contents
from episodetui.core.store import KeyMoment


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_show_contents_say_what_goes_with_it(secret_library):
    lib = secret_library
    lib.add_note(1, "show note")
    lib.add_note(1, "episode note", episode_id=lib.episodes(1)[0].id)
    contents = show_contents(lib, 1)
    assert contents.describe() == "4 episodes, the watch history of 1, 2 notes and 1 recap"


def test_removing_a_show_keeps_a_private_copy_that_puts_it_back(secret_library):
    lib = secret_library
    other = lib.add_show("Paper Lanterns", [2])
    lib.add_note(1, "the lantern is relit", episode_id=lib.episodes(1)[0].id, at_seconds=2470)
    lib.set_setting("spoiler_mode", "strict")
    before = json.loads(dump_document(export_library(lib, only_show_id=1)))

    removed = remove_show(lib, 1)

    assert [s.title for s in lib.summaries()] == ["Paper Lanterns"], "only that show went"
    assert lib.episodes(other.id), "the other show keeps its episodes"
    assert removed.copy.parent == removed_dir(lib)
    assert _mode(removed.copy) == 0o600 and _mode(removed.copy.parent) == 0o700
    assert removed.restore == f"episodetui import {removed.copy}"
    assert not [p for p in removed.copy.parent.iterdir() if p.name.startswith(".")], "no temp file left"

    lib.set_setting("spoiler_mode", "off")
    import_library(lib, parse_document(removed.copy.read_text()))
    assert lib.setting("spoiler_mode") == "off", "putting a show back leaves settings alone"
    back = lib.find_show("Harbour Lights")
    after = json.loads(dump_document(export_library(lib, only_show_id=back.id)))
    assert after["shows"] == before["shows"]


def test_each_removal_gets_its_own_copy(library):
    first = library.add_show("Harbour Lights", [1])
    copy_one = remove_show(library, first.id).copy
    second = library.add_show("Harbour Lights", [2])
    copy_two = remove_show(library, second.id).copy
    assert copy_one != copy_two and copy_one.exists() and copy_two.exists()


def test_removing_a_recap_keeps_markdown_that_the_importer_reads_back(secret_library):
    lib = secret_library
    second = lib.episodes(1)[1]
    lib.set_recap(
        second.id,
        SECRET_RECAP,
        title="The statue",
        source="my notes",
        key_moments=[KeyMoment(f"{SECRET} appears at dawn.", 600), KeyMoment("The fog lifts.")],
    )
    removed = remove_recap(lib, second.id)
    assert not lib.recap_view(lib.episode(second.id)).exists
    assert lib.episode(second.id).watched is False, "the episode itself stays"
    assert _mode(removed.copy) == 0o600
    assert removed.restore == f"episodetui recap 'Harbour Lights' S01E02 {removed.copy} --source 'my notes'"

    apply_import(lib, plan_import(lib, second.id, removed.copy.read_text(), source="my notes"))
    recap = lib.raw_recap(second.id)
    assert recap.title == "The statue"
    assert recap.text == SECRET_RECAP
    assert [(m.text, m.at_seconds) for m in recap.key_moments] == [
        (f"{SECRET} appears at dawn.", 600),
        ("The fog lifts.", None),
    ]


def test_removing_a_missing_recap_is_a_clear_error(library):
    show = library.add_show("Harbour Lights", [1])
    with pytest.raises(EpisodeTuiError, match="Harbour Lights S01E01 has no recap"):
        remove_recap(library, library.episodes(show.id)[0].id)


# ------------------------------------------------------------------ command line


@pytest.fixture
def run(data_dir, capsys):
    from episodetui.cli import main

    def runner(*args: str):
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return runner


def test_cli_remove_needs_yes_then_removes_and_import_puts_it_back(run, data_dir, monkeypatch):
    assert run("add", "Harbour Lights", "--episodes", "3")[0] == 0
    assert run("add", "Paper Lanterns", "--episodes", "2")[0] == 0
    run("watch", "harbour", "2", "--through")
    run("note", "harbour", "1", "the lantern is relit", "--at", "00:41:10")
    monkeypatch.setattr("sys.stdin", open(os.devnull))

    status, out, err = run("remove", "harbour")
    assert status == 2 and out == ""
    assert "remove Harbour Lights (3 episodes, the watch history of 2, 1 note and 0 recaps)? add --yes" in err
    assert "Harbour Lights" in run("list")[1], "nothing removed without --yes"

    status, out, err = run("remove", "harbour", "--yes")
    assert status == 0 and err == ""
    assert out.startswith(
        "Removed Harbour Lights (3 episodes, the watch history of 2, 1 note and 0 recaps).\n"
    )
    copy = out.split("A copy is in ")[1].split(";")[0]
    assert f"to put it back: episodetui import {copy}" in out
    listing = run("list")[1]
    assert "Harbour Lights" not in listing and "Paper Lanterns" in listing

    assert run("import", copy)[0] == 0
    shown = json.loads(run("show", "harbour", "--json")[1])
    assert [e["code"] for e in shown["episodes"] if e["watched"]] == ["S01E01", "S01E02"]
    assert shown["episodes"][0]["notes"][0]["text"] == "the lantern is relit"


def test_cli_remove_of_an_unknown_show_is_a_clear_error(run):
    status, out, err = run("remove", "nothing", "--yes")
    assert status == 2 and out == "" and err.count("\n") == 1


def test_cli_recap_remove_prints_only_the_shape_and_the_copy_restores(run, tmp_path):
    run("add", "Harbour Lights", "--episodes", "3")
    article = tmp_path / "recap.md"
    article.write_text(
        f"# The statue\n\n{SECRET_RECAP}\n\n## Key Moments\n\n- 00:10:00 {SECRET} appears at dawn.\n"
    )
    assert run("recap", "harbour", "2", str(article))[0] == 0

    status, out, err = run("recap", "harbour", "2", "--remove")
    assert status == 0 and err == ""
    assert SECRET not in out and "statue" not in out
    assert out.startswith("Removed the recap of Harbour Lights S01E02 (2 paragraphs, 1 key moment).\n")
    restore = out.split("to put it back: ")[1].strip()
    assert json.loads(run("show", "harbour", "--json")[1])["episodes"][1].get("recap") is None

    status, out, err = run("recap", "harbour", "2", "--remove")
    assert status == 2 and "Harbour Lights S01E02 has no recap" in err

    args = __import__("shlex").split(restore)[1:]
    assert run(*args)[0] == 0
    run("watch", "harbour", "2")
    recap = json.loads(run("show", "harbour", "--json")[1])["episodes"][1]["recap"]
    assert recap["title"] == "The statue" and SECRET in recap["text"]
    assert recap["key_moments"] == [{"text": f"{SECRET} appears at dawn.", "at": "00:10:00"}]


def test_cli_recap_remove_takes_show_and_episode_only(run):
    run("add", "Harbour Lights", "--episodes", "1")
    status, _, err = run("recap", "harbour", "1", "x.txt", "--remove")
    assert status == 2 and "recap --remove takes SHOW EPISODE" in err
