import hashlib
import os
import sqlite3
import stat

import pytest

from conftest import SECRET, fixed_clock, sql
from episodetui.core import schema
from episodetui.core.errors import Ambiguous, EpisodeTuiError, NewerSchemaError, NotFound
from episodetui.core.paths import DB_NAME
from episodetui.core.store import KeyMoment, Library


def test_new_library_files_are_private(data_dir, library):
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data_dir / DB_NAME).st_mode) == 0o600


def test_library_uses_wal_and_current_schema(library):
    assert sql(library, "PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sql(library, "PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_add_show_and_progress_excludes_specials(library):
    show = library.add_show("Harbour Lights", [3, 2])
    library.add_season(show.id, 0, 2)
    episodes = library.episodes(show.id)
    assert [e.code for e in episodes] == [
        "S01E01",
        "S01E02",
        "S01E03",
        "S02E01",
        "S02E02",
        "S00E01",
        "S00E02",
    ]
    specials = [e for e in episodes if e.season == 0]
    library.set_watched(specials[0].id, True)
    summary = library.summary(show.id)
    assert (summary.watched, summary.total) == (0, 5)
    assert summary.next_episode.code == "S01E01"
    library.set_count_specials(show.id, True)
    summary = library.summary(show.id)
    assert (summary.watched, summary.total) == (1, 7)
    assert summary.next_episode.code == "S01E01", "specials never become next"


def test_next_is_after_the_last_watched_even_with_gaps(library):
    show = library.add_show("Gappy", [5])
    episodes = library.episodes(show.id)
    library.set_watched(episodes[0].id, True)
    library.set_watched(episodes[3].id, True)
    summary = library.summary(show.id)
    assert summary.next_episode.code == "S01E05"
    assert summary.status == "watching"
    library.set_watched(episodes[4].id, True)
    assert library.summary(show.id).next_episode is None


def test_next_crosses_seasons_and_finished_status(library):
    show = library.add_show("Two Seasons", [1, 1])
    first, second = library.episodes(show.id)
    library.set_watched(first.id, True)
    assert library.summary(show.id).next_episode.code == "S02E01"
    library.set_watched(second.id, True)
    summary = library.summary(show.id)
    assert summary.status == "finished" and summary.next_episode is None


def test_unaired_episodes_are_not_counted_nor_next(library):
    show = library.add_show("Airing", [3])
    episodes = library.episodes(show.id)
    library.update_episode(episodes[2].id, air_date="2027-01-01")
    library.set_watched(episodes[0].id, True)
    library.set_watched(episodes[1].id, True)
    summary = library.summary(show.id)
    assert (summary.watched, summary.total) == (2, 2)
    assert summary.next_episode is None
    with pytest.raises(EpisodeTuiError, match="not aired"):
        library.watch_through(episodes[2].id)


def test_watch_through_marks_aired_regular_episodes_only(library):
    show = library.add_show("Through", [3, 3])
    library.add_season(show.id, 0, 1)
    episodes = library.episodes(show.id)
    target = next(e for e in episodes if e.code == "S02E02")
    assert library.watch_through(target.id) == 5
    watched = [e.code for e in library.episodes(show.id) if e.watched]
    assert watched == ["S01E01", "S01E02", "S01E03", "S02E01", "S02E02"]
    assert library.watch_through(target.id) == 0


def test_toggle_and_rewatch_counts_plays(library):
    show = library.add_show("Plays", [1])
    (episode,) = library.episodes(show.id)
    assert library.toggle_watched(episode.id) is True
    assert library.record_play(episode.id) == 2
    assert library.toggle_watched(episode.id) is False
    assert library.episode(episode.id).plays == 0


def test_find_show_exact_prefix_ambiguous_unknown(library):
    library.add_show("Harbour Lights", [1])
    library.add_show("Harbour Lights Returns", [1])
    library.add_show("Ledger of Ash", [1])
    assert library.find_show("harbour lights").title == "Harbour Lights"
    assert library.find_show("LEDGER").title == "Ledger of Ash"
    with pytest.raises(Ambiguous, match="Harbour Lights, Harbour Lights Returns"):
        library.find_show("harb")
    with pytest.raises(NotFound, match="did you mean: Ledger of Ash"):
        library.find_show("Ledgr of Ash")


def test_duplicate_title_refused(library):
    library.add_show("Harbour Lights", [1])
    with pytest.raises(EpisodeTuiError, match="already in the library"):
        library.add_show("harbour  lights", [2])
    assert library.show_count() == 1


def test_titles_are_data(library):
    show = library.add_show("[bold]Evil[/] \x1b[31m바람\x1b[0m 🎬", [1])
    assert show.title == "[bold]Evil[/] 바람 🎬"


def test_recap_view_hides_unwatched_recap(secret_library):
    lib = secret_library
    episode = lib.episodes(1)[1]
    view = lib.recap_view(episode)
    assert view.exists and not view.visible and view.recap is None
    assert (view.shape.paragraphs, view.shape.key_moments) == (2, 1)
    assert SECRET not in repr(view)
    assert lib.recap_view(episode, revealed=True).recap.text.count(SECRET) == 1
    lib.set_watched(episode.id, True)
    shown = lib.recap_view(lib.episode(episode.id))
    assert shown.visible and shown.recap.key_moments == [KeyMoment(f"{SECRET} appears at dawn.", 600)]


def test_recap_visible_in_off_mode_and_hidden_per_show_override(secret_library):
    lib = secret_library
    episode = lib.episodes(1)[1]
    lib.set_setting("spoiler_mode", "off")
    assert lib.recap_view(episode).visible
    lib.set_show_spoiler_mode(1, lib.spoiler_mode.RECAPS)
    assert not lib.recap_view(episode).visible


def test_notes_sorted_by_timestamp_untimed_last(library):
    show = library.add_show("Notes", [1])
    (episode,) = library.episodes(show.id)
    library.add_note(show.id, "late", episode_id=episode.id, at_seconds=2000)
    library.add_note(show.id, "untimed", episode_id=episode.id)
    library.add_note(show.id, "early", episode_id=episode.id, at_seconds=10)
    assert [n.text for n in library.episode_notes(episode.id)] == ["early", "late", "untimed"]
    assert library.episode(episode.id).note_count == 3
    show_note = library.add_note(show.id, "on the show")
    assert [n.text for n in library.show_notes(show.id)] == ["on the show"]
    updated = library.update_note(show_note.id, "edited", 5)
    assert (updated.text, updated.at_seconds) == ("edited", 5)
    library.delete_note(show_note.id)
    assert library.show_notes(show.id) == []


def test_empty_note_and_recap_refused(library):
    show = library.add_show("Empty", [1])
    (episode,) = library.episodes(show.id)
    with pytest.raises(EpisodeTuiError, match="empty"):
        library.add_note(show.id, "  \n ", episode_id=episode.id)
    with pytest.raises(EpisodeTuiError, match="empty"):
        library.set_recap(episode.id, "\x1b[0m  ")


def test_a_failed_action_writes_nothing(library):
    show = library.add_show("Atomic", [2])
    before = library.episodes(show.id)
    with pytest.raises(EpisodeTuiError):
        with library.transaction():
            library.set_watched(before[0].id, True)
            raise EpisodeTuiError("boom")
    assert not library.episode(before[0].id).watched


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_schema_is_refused_and_untouched(data_dir):
    data_dir.mkdir()
    path = data_dir / DB_NAME
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future(x)")
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = _sha(path), os.stat(path).st_mtime_ns
    with pytest.raises(NewerSchemaError, match="newer episodetui"):
        Library.open(data_dir)
    assert (_sha(path), os.stat(path).st_mtime_ns) == before
    assert not (data_dir / f"{DB_NAME}-wal").exists()


def test_not_a_database_is_a_clear_error(data_dir):
    data_dir.mkdir()
    (data_dir / DB_NAME).write_text("this is not sqlite " * 100)
    with pytest.raises(EpisodeTuiError, match="not an episodetui library"):
        Library.open(data_dir)


def test_forward_migration_keeps_data(data_dir, monkeypatch):
    lib = Library.open(data_dir, clock=fixed_clock)
    show = lib.add_show("Kept", [2])
    lib.set_watched(lib.episodes(show.id)[0].id, True)
    lib.close()
    migrations = schema.MIGRATIONS + ["ALTER TABLE shows ADD COLUMN rating INTEGER"]
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations))
    lib = Library.open(data_dir, clock=fixed_clock)
    assert sql(lib, "PRAGMA user_version").fetchone()[0] == len(migrations)
    assert lib.summary(show.id).watched == 1
    assert sql(lib, "SELECT rating FROM shows").fetchone() == (None,)
    lib.close()


def test_settings_round_trip(library):
    assert library.setting("theme") is None
    library.set_setting("theme", "nord")
    library.set_setting("theme", "gruvbox")
    assert library.setting("theme") == "gruvbox"


def test_summaries_in_background_match_and_use_their_own_connection(demo):
    result = demo.summaries_in_background()
    demo.set_watched(demo.episodes(1)[5].id, True)  # the main connection stays usable meanwhile
    background = result()
    assert [s.title for s in background] == [s.title for s in demo.summaries()]
    assert {s.title for s in background} >= {"Harbour Lights", "Ledger of Ash"}


def test_summary_of_one_show_matches_the_library_view(demo):
    for summary in demo.summaries():
        assert demo.summary(summary.id) == summary


def _old_library(data_dir, version: int):
    """A library as an older episodetui left it, written with plain SQL."""
    import sqlite3

    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(data_dir / "library.sqlite3")
    for script in schema.MIGRATIONS[:version]:
        for statement in schema.statements(script):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.execute("INSERT INTO shows(id, title, title_key, added_at) VALUES (1, 'Old Show', 'old show', 'x')")
    db.executemany(
        "INSERT INTO episodes(id, show_id, season, number) VALUES (?, 1, 1, ?)", [(i, i) for i in (1, 2, 3)]
    )
    db.execute("INSERT INTO watches VALUES (1, '2024-01-01T20:00:00+00:00', '2024-01-01T20:00:00+00:00', 1)")
    db.execute("INSERT INTO watches VALUES (2, '2024-02-01T20:00:00+00:00', '2025-06-01T20:00:00+00:00', 3)")
    db.execute(
        "INSERT INTO notes(show_id, episode_id, body, created_at, updated_at) VALUES (1, 1, 'kept', 'x', 'x')"
    )
    db.commit()
    db.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_library_is_migrated_with_its_watches_as_plays(data_dir, version):
    _old_library(data_dir, version)
    new = Library.open(data_dir, clock=fixed_clock)
    assert sql(new, "PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 6
    first, second, third = new.episodes(1)
    assert first.watched and first.note_count == 1 and first.plays == 1
    assert (first.external_id, first.airstamp, first.delisted) == (None, None, False)
    # Three plays: the first and last keep their times, the one between is unknown.
    assert [p.watched_at for p in new.plays(second.id)] == [
        "2024-02-01T20:00:00+00:00",
        "2025-06-01T20:00:00+00:00",
        None,
    ]
    assert second.plays == 3 and second.watched_at == "2025-06-01T20:00:00+00:00"
    assert not third.watched
    new.close()


def test_plays_keep_the_watch_summary_in_step(library):
    show = library.add_show("Plays", [2])
    episode = library.episodes(show.id)[0]
    library.add_play(episode.id, None, source="tvtime")
    assert library.episode(episode.id).watched and library.episode(episode.id).watched_at is None
    library.add_play(episode.id, "2026-01-02T03:04:05+00:00", source="trakt", bulk=True)
    library.record_play(episode.id)
    again = library.episode(episode.id)
    assert again.plays == 3 and again.watched_at == fixed_clock().isoformat(timespec="seconds")
    library.set_watched(episode.id, False)
    assert not library.episode(episode.id).watched and library.plays(episode.id) == []


def test_an_sqlite_without_fts5_is_refused_in_one_sentence_and_nothing_changes(data_dir, monkeypatch, capsys):
    from episodetui.cli import main

    _old_library(data_dir, 3)
    # An SQLite built without FTS5 answers the v4 migration with "no such module: fts5".
    v4 = schema.MIGRATIONS[3].replace("USING fts5(", "USING fts5_not_built_in(")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:3], v4, *schema.MIGRATIONS[4:]])
    with pytest.raises(EpisodeTuiError, match="lacks 'fts5_not_built_in'.*nothing was changed"):
        Library.open(data_dir)
    assert main(["--data-dir", str(data_dir), "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "SQLite 3.34 or later" in err and "Traceback" not in err
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3  # the migration rolled back
    assert db.execute("SELECT title FROM shows").fetchall() == [("Old Show",)]
    db.close()
