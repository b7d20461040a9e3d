"""Each tracker's export read into the normalized history: every trap INTEROP.md lists."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from episodetui.core.history.bundle import HistoryFileError, is_sensitive, open_bundle
from episodetui.core.history.detect import detect, read_history
from episodetui.core.history.model import parse_time, rating_1_10

FIXTURES = Path(__file__).parent / "fixtures" / "history"


def plays(history, title, season, number):
    show = next(s for s in history.shows if s.title == title)
    episode = next(e for e in show.episodes if (e.season, e.number) == (season, number))
    return [(p.watched_at, p.bulk) for p in episode.plays]


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


@pytest.mark.parametrize(
    "name, source",
    [
        ("tvtime", "tvtime"),
        ("tvtime-seen", "tvtime"),
        ("tvtime/gdpr-data/tracking-prod-records-v2.csv", "tvtime"),
        ("trakt", "trakt"),
        ("trakt/watched-history-2.json", "trakt"),
        ("trakt-csv/watched-history.csv", "trakt"),
        ("seriesguide-shows-backup.json", "seriesguide"),
        ("seriesguide-legacy", "seriesguide"),
        ("showly_export_20260101120000.json", "showly"),
        ("showly_export_v1.json", "showly"),
        ("yamtrack.csv", "yamtrack"),
    ],
)
def test_format_is_detected_from_content(name, source, tmp_path):
    assert detect(open_bundle(FIXTURES / name)) == source
    # Renamed, a single file is still recognized by what it holds.
    path = FIXTURES / name
    if path.is_file():
        renamed = tmp_path / ("export" + path.suffix)
        shutil.copy(path, renamed)
        assert detect(open_bundle(renamed)) == source


def test_tv_time_export(tmp_path):
    _, source, history = read_history(FIXTURES / "tvtime")
    assert source == "tvtime"
    titles = {s.title: s for s in history.shows}
    assert set(titles) == {"Harbour Lights", "Soundtrack #2", "바다의 노래", "The Lantern Keepers (US)"}
    harbour = titles["Harbour Lights"]
    assert harbour.ids == {"tvdb": "81001"}
    # The gsi's unix seconds are the exact check-in; a rewatch row is a second play.
    assert plays(history, "Harbour Lights", 1, 1) == [
        ("2024-01-06T21:10:00+00:00", False),
        ("2024-06-01T19:00:00+00:00", False),
    ]
    # Bulk rows are flagged; season and number fall back to s_no / ep_no.
    assert plays(history, "Harbour Lights", 1, 3) == [("2024-02-10T08:00:00+00:00", True)]
    assert plays(history, "Harbour Lights", 1, 4) == [("2024-02-10T08:00:00+00:00", True)]
    # Season 0 is specials whatever is_special says.
    assert plays(history, "Harbour Lights", 0, 1) == [("2024-03-01T10:00:00+00:00", False)]
    # "(2019)" is a year, "(US)" part of the title.
    assert titles["Soundtrack #2"].year == 2019 and titles["Soundtrack #2"].ids == {"tvdb": "81002"}
    # A row without series name or id is joined to its show through the uuid.
    assert [e.number for e in titles["바다의 노래"].episodes] == [1, 2]
    assert titles["The Lantern Keepers (US)"].episodes == []
    assert history.skipped_counts() == {
        "TV movies": 1,
        "rows with no show": 1,
        "malformed rows": 1,
        "movies": 2,
        "ratings on an unknown scale": 1,
    }


def test_tv_time_credential_files_are_never_opened(tmp_path):
    bundle, _, _ = read_history(FIXTURES / "tvtime")
    assert bundle.opened and not any(is_sensitive(n) for n in bundle.opened)
    assert not any(
        Path(n).name in {"auth-prod-login.csv", "user.csv", "access_token.csv"} for n in bundle.opened
    )
    # Even a reader that asked could not: the bundle refuses those names.
    with pytest.raises(HistoryFileError, match="account details"):
        bundle.read_bytes("gdpr-data/access_token.csv")
    # And a folder where they cannot be read at all imports fine.
    copy = tmp_path / "export"
    shutil.copytree(FIXTURES / "tvtime", copy)
    for name in (
        "auth-prod-login.csv",
        "user.csv",
        "access_token.csv",
        "refresh_token.csv",
        "ip_address.csv",
    ):
        (copy / "gdpr-data" / name).chmod(0)
    assert len(read_history(copy)[2].shows) == 4


def test_older_tv_time_export_joins_names_to_ids():
    _, _, history = read_history(FIXTURES / "tvtime-seen")
    harbour = next(s for s in history.shows if s.title == "Harbour Lights")
    assert harbour.ids == {"tvdb": "81001"}
    # rewatched_episode's cpt: extra plays of unknown time.
    assert plays(history, "Harbour Lights", 1, 1) == [
        ("2022-03-01T10:00:00+00:00", False),
        (None, False),
        (None, False),
    ]


def test_tv_time_account_without_history_has_its_followed_shows():
    _, _, history = read_history(FIXTURES / "tvtime-empty")
    assert [(s.title, s.ids, s.episodes) for s in history.shows] == [
        ("Harbour Lights", {"tvdb": "81001"}, [])
    ]


def test_trakt_zip_with_pages(tmp_path):
    archive = zip_folder(FIXTURES / "trakt", tmp_path / "trakt-export-someone.zip")
    bundle, source, history = read_history(archive)
    assert source == "trakt"
    assert not any("user-" in n for n in bundle.opened), "the profile (with the e-mail) is never read"
    titles = {s.title: s for s in history.shows}
    harbour = titles["Harbour Lights"]
    assert harbour.ids == {"tvdb": "81001", "imdb": "tt0900001", "tmdb": "5001", "trakt": "7001"}
    assert harbour.rating == 9 and harbour.year == 2024
    # Both pages, newest first in the file, one play per row (a rewatch is another row).
    assert plays(history, "Harbour Lights", 1, 2) == [
        ("2024-07-01T20:00:00+00:00", False),
        ("2024-07-02T20:00:00+00:00", False),
    ]
    first = next(e for e in harbour.episodes if e.number == 1)
    assert first.rating == 8 and first.title == "The Lantern"
    # Ids may be null: the title is all there is.
    assert titles["The Quiet Orbit"].ids == {"trakt": "7002"}
    # watched-shows fills in a show the history lacks (old shape with seasons).
    assert plays(history, "Old Friends", 1, 1) == [("2015-02-01T20:00:00+00:00", False), (None, False)]
    assert titles["Future Show"].episodes == []  # the watchlist
    assert history.skipped_counts() == {"movies": 2, "malformed rows": 1, "season ratings": 1}


def test_trakt_csv_variant():
    _, _, history = read_history(FIXTURES / "trakt-csv" / "watched-history.csv")
    assert plays(history, "Harbour Lights", 1, 1) == [("2024-01-06T21:10:30+00:00", False)]
    assert history.shows[0].ids["tvdb"] == "81001"
    assert history.skipped_counts() == {"movies": 1}


def test_seriesguide_new_and_legacy():
    _, _, history = read_history(FIXTURES / "seriesguide-shows-backup.json")
    harbour = history.shows[0]
    assert harbour.ids == {"tmdb": "5001", "imdb": "tt0900001", "trakt": "7001"}
    assert harbour.rating == 9
    # No watch times; plays counted; skipped beats watched; unwatched episodes still listed.
    assert plays(history, "Harbour Lights", 1, 1) == [(None, False), (None, False)]
    assert plays(history, "Harbour Lights", 1, 3) == []
    assert [e.title for e in harbour.episodes][:2] == ["The Lantern", "The Second Tide"]
    assert history.shows[1].title == "Fish & Chips <Live>"  # Gson's \u0026 escapes
    _, _, legacy = read_history(FIXTURES / "seriesguide-legacy")
    assert legacy.shows[0].ids == {"tvdb": "81001", "imdb": "tt0900001"}
    assert plays(legacy, "Harbour Lights", 1, 2) == [(None, False)]


def test_showly_v2_and_v1():
    _, _, history = read_history(FIXTURES / "showly_export_20260101120000.json")
    assert [s.title for s in history.shows] == ["Harbour Lights", "The Quiet Orbit", "Future Show"]
    assert plays(history, "Harbour Lights", 1, 1) == [("2024-06-01T19:00:00+00:00", False)]
    assert plays(history, "The Quiet Orbit", 1, 1) == [(None, False)]
    assert history.skipped_counts() == {"rows with no show": 1, "movies": 1}
    _, _, v1 = read_history(FIXTURES / "showly_export_v1.json")
    assert v1.shows[0].ids == {"trakt": "7001", "tmdb": "5001"}
    assert v1.skipped_counts() == {"malformed rows": 1}


def test_yamtrack():
    _, _, history = read_history(FIXTURES / "yamtrack.csv")
    assert [s.title for s in history.shows] == ["Harbour Lights", "Café Nuit"]
    assert history.shows[0].rating == 9  # 8.5 of 10, rounded
    assert plays(history, "Harbour Lights", 1, 1) == [
        ("2024-01-06T21:10:00+00:00", False),
        ("2024-06-01T00:00:00+00:00", False),
    ]
    assert history.skipped_counts() == {
        "movies": 1,
        "not TV series (anime, manga, games, books)": 1,
        "malformed rows": 1,
    }


def test_columns_in_any_order(tmp_path):
    source = (FIXTURES / "tvtime" / "gdpr-data" / "tracking-prod-records-v2.csv").read_text()
    import csv
    import io

    rows = list(csv.reader(io.StringIO(source)))
    order = list(reversed(range(len(rows[0]))))
    shuffled = "\n".join(",".join(f'"{row[i]}"' if i < len(row) else "" for i in order) for row in rows)
    (tmp_path / "tracking-prod-records-v2.csv").write_text(shuffled + "\n")
    _, _, history = read_history(tmp_path / "tracking-prod-records-v2.csv")
    assert plays(history, "Harbour Lights", 1, 1) == [
        ("2024-01-06T21:10:00+00:00", False),
        ("2024-06-01T19:00:00+00:00", False),
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-01-06 21:10:00", "2024-01-06T21:10:00+00:00"),
        ("2024-01-06T21:10:00.000Z", "2024-01-06T21:10:00+00:00"),
        ("2024-01-06T23:10:00+02:00", "2024-01-06T21:10:00+00:00"),
        (1704575400, "2024-01-06T21:10:00+00:00"),
        (1704575400000, "2024-01-06T21:10:00+00:00"),
        ("1.7045754e+15", "2024-01-06T21:10:00+00:00"),
        ("", None),
        (-1, None),
        (0, None),
        ("yesterday", None),
        (10**400, None),
        (float("nan"), None),
    ],
)
def test_times(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize(
    "value, scale, expected",
    [(8, 10, 8), ("8.5", 10, 9), (0, 10, None), (11, 10, None), (3, 5, 6), ("x", 10, None)],
)
def test_ratings_scale(value, scale, expected):
    assert rating_1_10(value, scale) == expected
