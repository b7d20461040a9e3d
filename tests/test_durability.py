"""Killed and raced processes: no acknowledged write is lost, nothing is corrupted."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from conftest import fixed_clock, sql
from episodetui.cli import main
from episodetui.core.store import Library

WRITER = textwrap.dedent(
    """
    import sys
    from episodetui.core.store import Library

    library = Library.open(sys.argv[1])
    show = library.find_show("Harbour")
    episode = library.episodes(show.id)[0]
    n = 0
    while True:
        n += 1
        library.add_note(show.id, f"note {sys.argv[2]}-{n}", episode_id=episode.id)
        library.record_play(episode.id)
        print(n, flush=True)  # acknowledged: the commit returned
    """
)


@pytest.fixture
def library_dir(tmp_path):
    folder = tmp_path / "lib"
    library = Library.open(folder, clock=fixed_clock)
    library.add_show("Harbour Lights", [3])
    library.close()
    return folder


def test_kill_9_while_writing_loses_no_acknowledged_write(library_dir):
    acknowledged = 0
    for trial in range(3):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(library_dir), str(trial)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        last = 0
        for line in writer.stdout:
            last = int(line)
            if last >= 40 + 17 * trial:  # kill at a different moment each time
                break
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        acknowledged += last
    db = sqlite3.connect(library_dir / "library.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    plays = db.execute("SELECT COUNT(*) FROM plays").fetchone()[0]
    summary = db.execute("SELECT plays FROM watches").fetchone()[0]
    db.close()
    # Every acknowledged write is there; at most one unacknowledged one per kill as well.
    assert acknowledged <= notes <= acknowledged + 3
    assert plays == summary and acknowledged <= plays <= acknowledged + 3


def test_parallel_writers_lose_no_update(library_dir):
    script = textwrap.dedent(
        """
        import sys
        from episodetui.cli import main
        for n in range(25):
            assert main(["--data-dir", sys.argv[1], "watch", "Harbour", "1"]) == 0
            assert main(["--data-dir", sys.argv[1], "note", "Harbour", "2", f"w{sys.argv[2]}-{n}"]) == 0
        """
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(library_dir), str(n)], stdout=subprocess.DEVNULL)
        for n in range(4)
    ]
    assert [w.wait() for w in writers] == [0, 0, 0, 0]
    library = Library.open(library_dir)
    first, second, _ = library.episodes(library.find_show("Harbour").id)
    assert first.plays == 100 and second.note_count == 100
    library.close()


def test_a_locked_library_is_one_line_and_the_write_is_not_applied(library_dir, capsys, monkeypatch):
    import episodetui.core.store.db as store_db

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(library_dir / "library.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        code = main(["--data-dir", str(library_dir), "watch", "Harbour", "1"])
        err = capsys.readouterr().err
        assert code == 2
        assert err == "episodetui: another episodetui is writing to the library; try again in a moment\n"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    library = Library.open(library_dir)
    assert not library.episodes(library.find_show("Harbour").id)[0].watched
    library.close()


def test_synchronous_full_is_in_force(library_dir):
    library = Library.open(library_dir)
    assert sql(library, "PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert sql(library, "PRAGMA journal_mode").fetchone()[0] == "wal"
    library.close()
