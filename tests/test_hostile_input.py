"""Bad input ends in one clear line and exit status 2, leaving every file as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from episodetui.cli import main
from episodetui.core import schema
from episodetui.core.codes import parse_episode_code
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.store import Library

from conftest import SECRET, fixed_clock


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
        [sys.executable, "-m", "episodetui", "--data-dir", str(library_dir), "watch", b"\xff".decode("utf-8", "surrogateescape"), "1"],
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
        subprocess.Popen([sys.executable, "-c", script, f"Show {n}"], stderr=subprocess.PIPE, stdout=subprocess.PIPE)
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
