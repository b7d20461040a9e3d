"""Importing histories into the library: idempotent, merging across sources, reported
before and after, one transaction per show, offline by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import fixed_clock, sql
from episodetui.cli import main
from episodetui.core.exchange import dump_document, export_library
from episodetui.core.history import importer
from episodetui.core.history.detect import read_history
from episodetui.core.store import Library

FIXTURES = Path(__file__).parent / "fixtures" / "history"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    import episodetui.core.store.db as store_db

    monkeypatch.setattr(store_db, "utc_now", fixed_clock)


def import_offline(library: Library, name: str, dry_run: bool = False) -> importer.ImportReport:
    _, _, history = read_history(FIXTURES / name)
    return importer.apply(library, importer.prepare(library, history, None), dry_run=dry_run)


def plays_of(library: Library, title: str, code: tuple[int, int]) -> list[tuple]:
    show = library.find_show(title)
    episode = library.find_episode(show, *code)
    return [(p.watched_at, p.source, p.bulk) for p in library.plays(episode.id)]


def test_offline_import_makes_shows_by_hand(library):
    report = import_offline(library, "tvtime")
    assert [s.how for s in report.shows] == [importer.BY_HAND] * 4
    harbour = library.find_show("Harbour Lights")
    assert harbour.external_ids == {"tvdb": "81001"}  # kept, to link later; not linked
    assert [(e.season, e.number) for e in library.episodes(harbour.id)] == [
        (1, 1),
        (1, 2),
        (1, 3),
        (1, 4),
        (0, 1),
    ]
    assert plays_of(library, "Harbour Lights", (1, 1)) == [
        ("2024-01-06T21:10:00+00:00", "tvtime", False),
        ("2024-06-01T19:00:00+00:00", "tvtime", False),
    ]
    assert plays_of(library, "Harbour Lights", (1, 3)) == [("2024-02-10T08:00:00+00:00", "tvtime", True)]
    episode = library.find_episode(harbour, 1, 1)
    assert episode.watched and episode.plays == 2 and episode.watched_at == "2024-06-01T19:00:00+00:00"
    assert report.totals.plays_added == 9


def test_same_file_twice_adds_nothing(library):
    for name in (
        "tvtime",
        "trakt",
        "seriesguide-shows-backup.json",
        "showly_export_20260101120000.json",
        "yamtrack.csv",
    ):
        import_offline(library, name)
        before = dump_document(export_library(library))
        again = import_offline(library, name)
        assert again.totals.plays_added == again.totals.episodes_added == again.totals.ratings_set == 0, name
        assert dump_document(export_library(library)) == before, name


def test_tv_time_then_trakt_merges_the_same_moment(library):
    import_offline(library, "tvtime")
    report = import_offline(library, "trakt")
    # Trakt's 21:10:30 is TV Time's 21:10:00 check-in: one play, not two.
    assert plays_of(library, "Harbour Lights", (1, 1)) == [
        ("2024-01-06T21:10:00+00:00", "tvtime", False),
        ("2024-06-01T19:00:00+00:00", "tvtime", False),
    ]
    assert report.totals.plays_merged == 1
    # The show is found by its TheTVDB id and learns Trakt's other ids.
    assert library.find_show("Harbour Lights").external_ids == {
        "imdb": "tt0900001",
        "tmdb": "5001",
        "trakt": "7001",
        "tvdb": "81001",
    }
    ratings = library.ratings(library.find_show("Harbour Lights").id)
    assert ratings[None][0] == 9 and sorted(r[0] for r in ratings.values()) == [8, 9]


def test_unknown_times_are_not_doubled(library):
    import_offline(library, "seriesguide-shows-backup.json")
    assert plays_of(library, "Harbour Lights", (1, 1)) == [(None, "seriesguide", False)] * 2
    import_offline(library, "trakt")
    # Trakt's timed play gives its time to a play of unknown time instead of adding one.
    assert sorted(plays_of(library, "Harbour Lights", (1, 1)), key=str) == sorted(
        [("2024-01-06T21:10:30+00:00", "seriesguide", False), (None, "seriesguide", False)], key=str
    )
    import_offline(library, "seriesguide-shows-backup.json")
    assert len(plays_of(library, "Harbour Lights", (1, 1))) == 2


def test_newer_rating_wins(library):
    import_offline(library, "trakt")  # 9, rated 2024-07-03
    harbour = library.find_show("Harbour Lights")
    sql(
        library,
        "UPDATE ratings SET rated_at = '2030-01-01T00:00:00+00:00', rating = 4 WHERE episode_id IS NULL",
    )
    import_offline(library, "trakt")
    assert library.ratings(harbour.id)[None][0] == 4


def test_dry_run_reports_and_changes_nothing(library):
    before = dump_document(export_library(library))
    dry = import_offline(library, "tvtime", dry_run=True)
    assert dump_document(export_library(library)) == before and library.show_count() == 0
    real = import_offline(library, "tvtime")
    assert dry.lines()[1].replace("Would add", "Added") == real.lines()[1]
    assert dry.lines()[0] == real.lines()[0] == "4 shows: 4 by hand (not linked to TVmaze)"


def test_a_failing_show_leaves_the_shows_before_it_whole(library, monkeypatch):
    _, _, history = read_history(FIXTURES / "tvtime")
    prepared = importer.prepare(library, history, None)
    original = library.merge_history_show
    calls = []

    def fail_on_third(show_id, show, source):
        calls.append(show.title)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return original(show_id, show, source)

    monkeypatch.setattr(library, "merge_history_show", fail_on_third)
    with pytest.raises(RuntimeError):
        importer.apply(library, prepared)
    titles = [s.title for s in library.summaries()]
    assert len(titles) == 2 and history.shows[2].title not in titles  # never half a show
    monkeypatch.setattr(library, "merge_history_show", original)
    importer.apply(library, importer.prepare(library, history, None))
    assert library.show_count() == 4


def test_imported_history_has_no_recaps_and_respects_strict_titles(library):
    import_offline(library, "seriesguide-shows-backup.json")
    fish = library.find_show("Fish & Chips <Live>")
    assert not any(e.has_recap for s in library.summaries() for e in library.episodes(s.id))
    from episodetui.core.spoilers import SpoilerMode

    library.set_show_spoiler_mode(fish.id, SpoilerMode.STRICT)
    episode = library.episodes(fish.id)[0]
    assert episode.title == "Batter" and not episode.watched  # stored; the policy decides what shows


@pytest.fixture
def run(data_dir, capsys):
    def runner(*args: str):
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return runner


def test_cli_import_dry_run_then_real(run, data_dir):
    status, out, err = run("import", str(FIXTURES / "tvtime"), "--offline", "--dry-run")
    assert status == 0, err
    assert out.splitlines() == [
        "From TV Time (dry run, nothing changed):",
        "  4 shows: 4 by hand (not linked to TVmaze)",
        "  Would add 8 episodes, 9 plays and 0 ratings.",
        "  Skipped: TV movies 1, malformed rows 1, movies 2, ratings on an unknown scale 1, rows with no show 1.",
        "  Offline: shows not in the library are made by hand.",
    ]
    assert "empty" in run("list")[1]
    status, out, _ = run("import", str(FIXTURES / "tvtime"), "--offline")
    assert status == 0 and "Added 8 episodes, 9 plays and 0 ratings." in out
    status, out, _ = run("import", str(FIXTURES / "tvtime"), "--offline")
    assert "Added 0 episodes, 0 plays and 0 ratings; 9 plays already there." in out


def test_cli_import_from_names_the_source(run, tmp_path):
    odd = tmp_path / "history.txt"
    odd.write_text((FIXTURES / "yamtrack.csv").read_text())
    status, out, err = run("import", str(odd), "--from", "yamtrack", "--offline")
    assert status == 0, err and "From Yamtrack" in out
    status, _, err = run("import", str(odd), "--from", "trakt", "--offline")
    assert status == 2 and "episodetui:" in err and "Traceback" not in err


def test_cli_show_json_and_screen_after_import(run):
    run("import", str(FIXTURES / "trakt"), "--offline")
    status, out, _ = run("show", "harbour", "--json")
    data = json.loads(out)
    episode = next(e for e in data["episodes"] if e["code"] == "S01E02")
    assert episode["plays"] == 2 and episode["watched_at"] == "2024-07-02T20:00:00+00:00"


def test_show_json_has_ratings_and_whether_linked(run):
    run("import", str(FIXTURES / "trakt"), "--offline")
    data = json.loads(run("show", "harbour", "--json")[1])
    assert data["rating"] == 9 and data["linked"] is False
    assert [e["rating"] for e in data["episodes"] if e["code"] == "S01E01"] == [8]


def test_a_namesake_years_apart_is_another_show(library):
    library.add_show("The Quiet Orbit", [1], year=1998)
    import_offline(library, "trakt")  # The Quiet Orbit (2021), no ids
    titles = sorted(s.title for s in library.summaries())
    assert "The Quiet Orbit" in titles and "The Quiet Orbit (2021)" in titles


from hypothesis import (  # noqa: E402
    HealthCheck,
    given,
    settings,
    strategies as st,  # noqa: E402
)

from episodetui.core.history.model import History, HistoryEpisode, HistoryPlay, HistoryShow  # noqa: E402

_times = st.one_of(
    st.none(), st.integers(0, 400).map(lambda m: f"2024-01-01T{m // 60:02d}:{m % 60:02d}:00+00:00")
)
_episodes = st.lists(
    st.builds(
        HistoryEpisode,
        season=st.integers(0, 2),
        number=st.integers(1, 3),
        plays=st.lists(st.builds(HistoryPlay, watched_at=_times, bulk=st.booleans()), max_size=4),
        rating=st.one_of(st.none(), st.integers(1, 10)),
    ),
    max_size=6,
    unique_by=lambda e: (e.season, e.number),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=_episodes, second=_episodes)
def test_any_history_imported_twice_adds_nothing(tmp_path_factory, first, second):
    library = Library.open(tmp_path_factory.mktemp("lib"), clock=fixed_clock)
    try:
        for source, episodes in (("trakt", first), ("tvtime", second)):
            history = History(source=source, shows=[HistoryShow(title="Harbour Lights", episodes=episodes)])
            importer.apply(library, importer.prepare(library, history, None))
            before = dump_document(export_library(library))
            again = importer.apply(library, importer.prepare(library, history, None))
            assert again.totals.plays_added == 0 and again.totals.episodes_added == 0
            assert dump_document(export_library(library)) == before
        # Every episode that had a play in either file is watched.
        show = library.find_show("Harbour Lights")
        watched = {(e.season, e.number) for e in library.episodes(show.id) if e.watched}
        assert watched == {(e.season, e.number) for e in first + second if e.plays}
    finally:
        library.close()
