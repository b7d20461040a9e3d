"""episodetui's own export: plays, ratings and rewatch passes round-trip losslessly, and
importing into a library that has the shows merges (twice changes nothing)."""

from __future__ import annotations

import json
import stat

from conftest import SECRET, SECRET_RECAP, fixed_clock, sql
from episodetui.cli import main
from episodetui.core.exchange import (
    RECAP_BACKUPS,
    dump_document,
    export_library,
    import_library,
    parse_document,
)
from episodetui.core.store import Library


def rich_library(library: Library) -> Library:
    show = library.add_show("Harbour Lights", [3], year=2025)
    one, two, three = library.episodes(show.id)
    library.add_play(one.id, "2025-01-01T20:00:00+00:00", source="tvtime", bulk=True)
    library.add_play(one.id, None, source="seriesguide")
    cursor = sql(
        library,
        "INSERT INTO rewatch_passes(show_id, started_at, ended_at) VALUES (?, ?, NULL)",
        (show.id, "2025-06-01T00:00:00+00:00"),
    )
    library.add_play(one.id, "2025-06-02T20:00:00+00:00", pass_id=int(cursor.lastrowid))
    library.add_play(two.id, "2025-01-02T20:00:00+00:00", source="trakt")
    with library.transaction():
        library.merge_rating(show.id, None, 9, "2025-02-01T00:00:00+00:00", "trakt")
        library.merge_rating(show.id, two.id, 7, "2025-02-01T00:00:00+00:00", "manual")
    library.add_note(show.id, "the ferry horn", episode_id=one.id, at_seconds=61)
    library.set_recap(three.id, SECRET_RECAP, title="Episode three", added_at="2025-03-01T00:00:00+00:00")
    return library


def test_export_import_is_lossless_with_plays_ratings_and_passes(library, tmp_path):
    first = dump_document(export_library(rich_library(library)))
    doc = json.loads(first)
    assert doc["version"] == 2
    episode = doc["shows"][0]["episodes"][0]
    assert [(p["watched_at"], p["source"], p["bulk"], p["rewatch"]) for p in episode["plays"]] == [
        ("2025-01-01T20:00:00+00:00", "tvtime", True, None),
        ("2025-06-02T20:00:00+00:00", "manual", False, 0),
        (None, "seriesguide", False, None),
    ]
    assert (
        doc["shows"][0]["rating"]["rating"] == 9 and doc["shows"][0]["episodes"][1]["rating"]["rating"] == 7
    )
    fresh = Library.open(tmp_path / "fresh", clock=fixed_clock)
    import_library(fresh, parse_document(first))
    assert dump_document(export_library(fresh)) == first
    # Twice: nothing changes.
    report = import_library(fresh, parse_document(first))
    assert not report.changed and dump_document(export_library(fresh)) == first


def test_version_1_documents_still_import(library):
    doc = parse_document(
        json.dumps(
            {
                "format": "episodetui-library",
                "version": 1,
                "shows": [
                    {
                        "title": "Old",
                        "added_at": "2020-01-01T00:00:00+00:00",
                        "episodes": [
                            {
                                "season": 1,
                                "number": 1,
                                "watch": {
                                    "first_watched_at": "2020-01-01T00:00:00+00:00",
                                    "watched_at": "2020-02-01T00:00:00+00:00",
                                    "plays": 3,
                                },
                            }
                        ],
                    }
                ],
            }
        )
    )
    import_library(library, doc)
    episode = library.episodes(1)[0]
    assert [p.watched_at for p in library.plays(episode.id)] == [
        "2020-01-01T00:00:00+00:00",
        "2020-02-01T00:00:00+00:00",
        None,
    ]


def test_laptop_and_desktop_merge(library, tmp_path):
    laptop = rich_library(library)
    exported = export_library(laptop)
    desktop = Library.open(tmp_path / "desktop", clock=fixed_clock)
    show = desktop.add_show("Harbour Lights", [4], year=2025)
    one, two, three, four = desktop.episodes(show.id)
    desktop.add_play(one.id, "2025-01-01T20:00:30+00:00", source="manual")  # the same moment
    desktop.add_play(four.id, "2025-04-01T20:00:00+00:00")
    desktop.add_note(show.id, "the ferry horn", episode_id=one.id, at_seconds=61)  # the same note
    desktop.add_note(show.id, "only here", episode_id=two.id)
    desktop.set_recap(three.id, "My older recap.", title="Mine", added_at="2025-01-01T00:00:00+00:00")
    with desktop.transaction():
        desktop.merge_rating(
            show.id, None, 3, "2026-01-01T00:00:00+00:00", "manual"
        )  # newer than the export's 9
    report = import_library(desktop, exported)
    assert report.shows_merged == 1 and report.shows_added == 0
    assert [p.watched_at for p in desktop.plays(one.id)] == [
        "2025-01-01T20:00:30+00:00",
        "2025-06-02T20:00:00+00:00",
        None,
    ]
    assert desktop.episode(four.id).plays == 1
    assert sorted(n.text for n in desktop.raw_notes(show.id)) == ["only here", "the ferry horn"]
    assert desktop.ratings(show.id)[None][0] == 3  # newer wins
    assert desktop.ratings(show.id)[two.id][0] == 7
    # The export's recap is newer: it wins; the desktop's is kept, private, in the data dir.
    assert desktop.raw_recap(three.id).title == "Episode three"
    backups = list((desktop.data_dir / RECAP_BACKUPS).iterdir())
    assert len(backups) == 1 and "My older recap." in backups[0].read_text()
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    before = dump_document(export_library(desktop))
    again = import_library(desktop, exported)
    assert not again.changed and dump_document(export_library(desktop)) == before
    assert len(list((desktop.data_dir / RECAP_BACKUPS).iterdir())) == 1


def test_cli_merge_of_an_export_never_prints_a_hidden_recap(library, data_dir, tmp_path, capsys, monkeypatch):
    import episodetui.core.store.db as store_db

    monkeypatch.setattr(store_db, "utc_now", fixed_clock)
    rich_library(library)
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(data_dir), "export", str(export)]) == 0
    other = tmp_path / "other"
    for flags in (["--dry-run"], [], []):
        assert main(["--data-dir", str(other), "import", str(export), *flags]) == 0
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert "Nothing new" in out.splitlines()[-1]
    assert "(dry run, nothing changed)" in out.splitlines()[1]
