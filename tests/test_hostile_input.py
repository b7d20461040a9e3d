"""Bad input ends in one clear line and exit status 2, leaving every file as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import SECRET, fixed_clock
from episodetui.cli import main
from episodetui.core import schema
from episodetui.core.codes import parse_episode_code
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store import Library


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


def _one_line_error(code: int, err: str) -> str:
    assert code == 2
    assert err.startswith("episodetui: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def library_dir(tmp_path) -> Path:
    folder = tmp_path / "lib"
    library = Library.open(folder, clock=fixed_clock)
    library.add_show("Harbour Lights", [4])
    library.close()
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ["watch", "Harbour", "²"],
        ["watch", "Harbour", "①"],
        ["watch", "Harbour", "9" * 40],
        ["watch", "Harbour", "S01E" + "9" * 30],
        ["watch", "Harbour\udcff", "1"],
        ["upcoming", "--days", "3000000"],
        ["upcoming", "--days", "-1"],
        ["add", "Big", "--episodes", "12", "--year", str(10**30)],
        ["add", "Big", "--episodes", "5000", "--seasons", "100000"],
        ["add", "Big", "--episodes", "2000", "--seasons", "100"],
        ["add", "Big", "--episodes", "٣"],
        ["note", "Harbour", "1", "x", "--at", "99:99:99"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_are_one_line_and_change_nothing(library_dir, capsys, argv):
    before = _digest(library_dir)
    code, out, err = _run(capsys, "--data-dir", str(library_dir), *argv)
    _one_line_error(code, err)
    assert _digest(library_dir) == before


def test_non_utf8_bytes_in_arguments_from_a_real_shell(library_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "episodetui",
            "--data-dir",
            str(library_dir),
            "watch",
            b"\xff".decode("utf-8", "surrogateescape"),
            "1",
        ],
        capture_output=True,
    )
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "episodetui: an argument is not valid UTF-8 text"


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_episode_codes_parse_or_refuse_clearly(text):
    try:
        season, number = parse_episode_code(text)
    except EpisodeTuiError as error:
        assert "bad episode" in str(error)
    else:
        assert 0 <= season < 1000 and 0 < number < 10000


def test_a_data_dir_that_is_a_file(tmp_path, capsys):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    code, _, err = _run(capsys, "--data-dir", str(target), "list")
    assert "is a file, not a folder" in _one_line_error(code, err)
    assert target.read_text() == "x"


def test_a_truncated_library_is_refused_untouched(library_dir, capsys):
    db = library_dir / "library.sqlite3"
    db.write_bytes(db.read_bytes()[:50])
    before = _digest(library_dir)
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "list")
    assert "damaged" in _one_line_error(code, err) and "restore" in err
    assert _digest(library_dir) == before
    assert sorted(p.name for p in library_dir.iterdir()) == ["library.sqlite3"]


def test_a_damaged_page_is_found_when_opening(library_dir, capsys):
    db = library_dir / "library.sqlite3"
    Library.open(library_dir, clock=fixed_clock).close()  # checkpointed into the main file
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, min(len(data), page_size * 4)):
        data[offset] = 0xA5  # scribble over b-tree pages
    db.write_bytes(bytes(data))
    for leftover in ("library.sqlite3-wal", "library.sqlite3-shm"):
        (library_dir / leftover).unlink(missing_ok=True)
    before = _digest(library_dir)
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "list")
    assert "damaged" in _one_line_error(code, err) or "not an episodetui" in err
    assert _digest(library_dir) == before


def test_another_programs_database_is_refused_untouched(tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    other = sqlite3.connect(folder / "library.sqlite3")
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    other.execute("INSERT INTO invoices(amount) VALUES (12.5)")
    other.commit()
    other.close()
    before = _digest(folder)
    code, _, err = _run(capsys, "--data-dir", str(folder), "list")
    assert "another program's SQLite database" in _one_line_error(code, err)
    assert _digest(folder) == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path, capsys):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    code, _, err = _run(capsys, "--data-dir", str(folder), "list")
    assert "not an episodetui library" in _one_line_error(code, err)


def test_a_newer_library_leaves_no_wal_or_shm_behind(library_dir, capsys):
    db = sqlite3.connect(library_dir / "library.sqlite3")
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    before = _digest(library_dir)
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "list")
    assert "newer episodetui" in _one_line_error(code, err)
    assert sorted(p.name for p in library_dir.iterdir()) == ["library.sqlite3"]
    assert _digest(library_dir) == before


def test_four_processes_creating_a_library_at_once(tmp_path):
    folder = tmp_path / "new-lib"
    script = (
        "import sys; from episodetui.cli import main; "
        f"sys.exit(main(['--data-dir', {str(folder)!r}, 'add', sys.argv[1], '--episodes', '3']))"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"Show {n}"], stderr=subprocess.PIPE, stdout=subprocess.PIPE
        )
        for n in range(4)
    ]
    results = [(p.wait(), p.stderr.read().decode()) for p in processes]
    for p in processes:
        p.stderr.close()
        p.stdout.close()
    assert results == [(0, "")] * 4
    library = Library.open(folder)
    assert library.show_count() == 4
    library.close()


def test_an_unexpected_error_is_one_line_and_a_private_report(library_dir, capsys, monkeypatch):
    import episodetui.cli.library as commands

    def broken(args):
        raise RuntimeError(f"the recap says {SECRET}")

    monkeypatch.setattr(commands, "cmd_list", broken)
    code, out, err = _run(capsys, "--data-dir", str(library_dir), "list")
    assert code == 1 and err.count("\n") == 1 and SECRET not in err + out
    assert "unexpected error (RuntimeError)" in err and "crash report" in err
    reports = list((library_dir / "crash-reports").iterdir())
    assert len(reports) == 1
    assert (reports[0].stat().st_mode & 0o777) == 0o600
    text = reports[0].read_text()
    assert SECRET not in text and "RuntimeError" in text and "in broken" in text


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_library_reads_but_refuses_writes(library_dir, capsys):
    db = library_dir / "library.sqlite3"
    Library.open(library_dir).close()
    db.chmod(0o400)
    try:
        code, out, _ = _run(capsys, "--data-dir", str(library_dir), "list")
        assert code == 0 and "Harbour Lights" in out
        code, _, err = _run(capsys, "--data-dir", str(library_dir), "watch", "Harbour", "1")
        assert "read-only" in _one_line_error(code, err)
    finally:
        db.chmod(0o600)


# ------------------------------------------------------------------ exports


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "/dev/null", "/dev/tty"])
def test_export_refuses_devices_and_leaves_them_alone(library_dir, capsys, target):
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    mode_before = os.stat(target).st_mode
    code, out, err = _run(capsys, "--data-dir", str(library_dir), "export", target)
    assert "not a regular file" in _one_line_error(code, err)
    assert out == "" and os.stat(target).st_mode == mode_before


def test_a_failed_export_leaves_the_old_file_whole(library_dir, capsys, monkeypatch):
    target = library_dir.parent / "backup.json"
    target.write_text("the previous export\n")
    import episodetui.core.files as files

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "export", str(target))
    assert "the disk is full" in _one_line_error(code, err) and "old file is untouched" in err
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".backup")] == []


def test_an_export_killed_midway_keeps_the_old_file(library_dir, tmp_path):
    """kill -9 while writing: the target is the old export or the new one, never a stub."""
    target = tmp_path / "export.json"
    target.write_text("old\n")
    script = (
        "import os, sys, episodetui.core.files as f\n"
        "real = os.fsync\n"
        "def die(fd): os.kill(os.getpid(), 9)\n"
        "f.os.fsync = die\n"
        "from episodetui.cli import main\n"
        f"main(['--data-dir', {str(library_dir)!r}, 'export', {str(target)!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert target.read_text() == "old\n"


# ------------------------------------------------------------------ imports


def test_a_lone_surrogate_in_an_export_is_a_clear_error(library_dir, tmp_path, capsys):
    path = tmp_path / "surrogate.json"
    path.write_text(
        '{"format": "episodetui-library", "shows": [{"title": "A \\udcff B", "added_at": "2026-01-01T00:00:00"}]}'
    )
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "import", str(path))
    assert "malformed at shows.0.title" in _one_line_error(code, err)


@pytest.mark.parametrize(
    "text, message",
    ids=[
        "deep-array",
        "deep-settings",
        "deep-show",
        "huge-digits",
        "2**64",
        "season-2**63",
        "not-a-date",
        "plays-2**66",
    ],
    argvalues=[
        ("[" * 100_000 + "]" * 100_000, "nests deeper than any export"),  # not any tracker's export
        (
            '{"format": "episodetui-library", "settings": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "nested too deeply",
        ),
        (
            '{"format": "episodetui-library", "shows": [' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "]}",
            "nested too deeply",
        ),
        (
            '{"format": "episodetui-library", "shows": [{"title": "X", "year": ' + "9" * 5000 + "}]}",
            "not a library export",
        ),
        (
            '{"format": "episodetui-library", "shows": [{"title": "X", "added_at": "2026-01-01T00:00:00", "year": 18446744073709551616}]}',
            "malformed at shows.0.year",
        ),
        (
            '{"format": "episodetui-library", "shows": [{"title": "X", "added_at": "2026-01-01T00:00:00", "episodes": [{"season": 9223372036854775808, "number": 1}]}]}',
            "malformed",
        ),
        (
            '{"format": "episodetui-library", "shows": [{"title": "X", "added_at": "2026-01-01T00:00:00", "episodes": [{"season": 1, "number": 1, "air_date": "not a date"}]}]}',
            "is not a date",
        ),
        (
            '{"format": "episodetui-library", "shows": [{"title": "X", "added_at": "2026-01-01T00:00:00", "episodes": [{"season": 1, "number": 1, "watch": {"plays": 99999999999999999999}}]}]}',
            "malformed",
        ),
    ],
)
def test_hostile_exports_are_refused_in_one_line(library_dir, tmp_path, capsys, text, message):
    path = tmp_path / "hostile.json"
    path.write_text(text)
    before = _digest(library_dir)
    code, _, err = _run(capsys, "--data-dir", str(library_dir), "import", str(path))
    assert message in _one_line_error(code, err)
    assert _digest(library_dir) == before


def test_imported_fields_are_cleaned_whatever_their_path(library_dir, tmp_path, capsys):
    import json

    osc_clipboard = "\x1b]52;c;cm0gLXJmIH4=\x07"
    document = {
        "format": "episodetui-library",
        "shows": [
            {
                "title": "Lone Bidi \u202eevil",
                "added_at": "2026-01-01T00:00:00+00:00",
                "network": f"Net{osc_clipboard}work",
                "status": "\x1b]0;pwned\x07Running",
                "external_ids": {"tvmaze\x1b[2J": "1\x9b31m"},
                "episodes": [{"season": 1, "number": 1, "title": "\x1b[31mRed\x1b[0m"}],
            }
        ],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    code, out, err = _run(capsys, "--data-dir", str(library_dir), "import", str(path))
    assert code == 0, err
    library = Library.open(library_dir)
    row = next(r for r in library.raw_show_rows() if r["title"].startswith("Lone"))
    assert row["title"] == "Lone Bidi evil"
    assert (row["network"], row["status"]) == ("Network", "Running")
    assert json.loads(row["external_ids"]) == {"tvmaze": "1"}  # the 8-bit CSI goes whole
    assert library.episodes(row["id"])[0].title == "Red"
    library.close()
    code, out, err = _run(capsys, "--data-dir", str(library_dir), "show", "Lone", "--json")
    assert code == 0 and "\x1b" not in out and "\x9b" not in out


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_cleaned_text_never_holds_controls_or_surrogates(text):
    from episodetui.core.text import clean_line, clean_text

    for cleaned in (clean_text(text), clean_line(text)):
        cleaned.encode("utf-8")  # no lone surrogates
        assert not any(ch in cleaned for ch in "\x1b\x9b\x07\x00\u202e\u2066")
        assert all(ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
