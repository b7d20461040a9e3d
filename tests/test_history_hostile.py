"""Hostile and broken input to `import`: one clear line and exit status 2, never a
traceback, never a half write."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from episodetui.cli import main
from episodetui.core.history import bundle as bundle_module
from episodetui.core.history.bundle import HistoryFileError
from episodetui.core.history.detect import read_history

FIXTURES = Path(__file__).parent / "fixtures" / "history"


@pytest.fixture
def run(data_dir, capsys):
    def runner(*args: str, stdin: bytes | None = None):
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return runner


def one_clear_line(status: int, err: str) -> str:
    assert status == 2, err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("episodetui: ")
    return err


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nests deeper"),
        ("huge.json", b'[{"watched_at": 1' + b"0" * 10_000 + b"}]", "thousands of digits"),
        ("binary.json", b"\x00\x01\x02PNG", "binary file"),
        ("nothing.csv", b"a,b,c\n1,2,3\n", "not an export episodetui knows"),
        ("empty.json", b"", "not an export episodetui knows"),
        ("array.json", b"[1, 2, 3]", "not an export episodetui knows"),
    ],
)
def test_bad_files_are_one_clear_line(run, data_dir, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    err = one_clear_line(*run("import", str(path), "--offline")[::2])
    assert message in err
    assert not (data_dir / "library.sqlite3").exists() or run("list")[1].startswith("Your library is empty")


def test_missing_path(run, tmp_path):
    assert "no such file or folder" in one_clear_line(*run("import", str(tmp_path / "nope"))[::2])


def test_other_encodings_are_read(tmp_path):
    text = (FIXTURES / "yamtrack.csv").read_text(encoding="utf-8")
    (tmp_path / "latin.csv").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.csv").write_bytes(text.encode("utf-16"))
    for name in ("latin.csv", "utf16.csv"):
        _, source, history = read_history(tmp_path / name)
        assert source == "yamtrack" and "Café Nuit" in [s.title for s in history.shows]


def test_zip_bomb_is_refused_without_unpacking(run, tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_module, "MAX_FILE_BYTES", 1024 * 1024)
    bomb = tmp_path / "trakt-export.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("watched-history.json", b"[" + b" " * (3 * 1024 * 1024) + b"]")
    assert bomb.stat().st_size < 50_000
    assert "that is not a watch history" in one_clear_line(*run("import", str(bomb), "--offline")[::2])


def test_damaged_zip(run, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    assert "not a readable zip" in one_clear_line(*run("import", str(path))[::2])


@pytest.mark.skipif(shutil.which("zip") is None, reason="needs the zip tool to make an encrypted zip")
def test_password_protected_zip(run, tmp_path, monkeypatch):
    folder = FIXTURES / "tvtime"
    archive = tmp_path / "tvtime.zip"
    subprocess.run(["zip", "-q", "-r", "-P", "s3cret", str(archive), "gdpr-data"], cwd=folder, check=True)
    err = one_clear_line(*run("import", str(archive), "--offline")[::2])
    assert "protected by a password" in err and "--password-stdin" in err
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"wrong\n")))
    assert "password" in one_clear_line(*run("import", str(archive), "--offline", "--password-stdin")[::2])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"s3cret\n")))
    status, out, err = run("import", str(archive), "--offline", "--password-stdin")
    assert status == 0, err and "4 shows" in out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "watched_at",
                        "show",
                        "episode",
                        "season",
                        "number",
                        "ids",
                        "title",
                        "type",
                        "rating",
                        "rated_at",
                        "seasons",
                        "episodes",
                        "plays",
                        "tvdb",
                        "movie",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=25,
    )
)
def test_any_json_shape_reads_or_fails_clearly(tmp_path_factory, data):
    import json

    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("watched-history.json", "seriesguide-shows-backup.json"):
        path = folder / name
        path.write_text(json.dumps([data]))
        try:
            read_history(path)
        except HistoryFileError:
            pass
        path.unlink()


def test_markup_and_escapes_in_titles_are_plain_text(run, tmp_path):
    path = tmp_path / "yamtrack.csv"
    path.write_text(
        '"media_id","source","media_type","title","season_number","episode_number","end_date"\n'
        '"1","manual","episode","[bold]Evil[/] \x1b[31mShow\x07","1","1","2024-01-01"\n'
    )
    status, out, err = run("import", str(path), "--offline")
    assert status == 0, err
    status, out, _ = run("list", "--json")
    import json

    assert [s["title"] for s in json.loads(out)] == ["[bold]Evil[/] Show"]
