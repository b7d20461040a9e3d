import httpx
import pytest

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.sync import add_from_tvmaze, merge_episodes, refresh_from_tvmaze
from episodetui.core.tvmaze import NetworkError, best_hit, episode_facts, html_to_text
from tvmaze_fakes import FakeTvMaze, load


def test_search_parses_hits_with_year_network_status_language():
    fake = FakeTvMaze()
    hits = fake.client().search("harbour  lights")
    assert [
        (h.show.name, h.show.year, h.show.network_name, h.show.status, h.show.language) for h in hits
    ] == [
        ("Harbour Lights", 2025, "Streamline+", "Ended", "Korean"),
        ("Harbour Lights", 1998, "Channel 9", "Ended", "English"),
        ("Harbour Lights Tonight", None, "Northlight", "Running", "English"),
    ]
    request = fake.requests[0]
    assert request.url.params["q"] == "harbour lights"
    assert request.headers["User-Agent"].startswith("episodetui/")


def test_best_hit_is_the_only_exact_title_or_none():
    hits = FakeTvMaze().client().search("Harbour Lights")
    assert best_hit("Harbour Lights", hits) is None, "two shows share the title"
    assert best_hit("harbour lights tonight", hits).show.id == 70123
    assert best_hit("anything", hits[:1]).show.id == 90001


def test_episode_facts_put_specials_in_season_zero_and_survive_nulls():
    facts = episode_facts(FakeTvMaze().client().episodes(90001))
    assert [(f.season, f.number, f.title) for f in facts] == [
        (1, 1, "The Ferry at Dawn"),
        (1, 2, "Salt on the Window"),
        (1, 3, ""),
        (1, 4, "What the Tide Keeps"),
        (0, 1, "Behind the Lighthouse"),
    ]
    third = facts[2]
    assert (third.air_date, third.airstamp, third.runtime, third.synopsis) == (None, None, None, "")
    assert facts[0].synopsis == "Min-ji steps off the ferry.\n\nDo-hyun pretends not to notice."
    assert facts[1].synopsis == "Rain, and a borrowed umbrella."


def test_html_synopsis_becomes_clean_text():
    assert (
        html_to_text("<p>A <b>bold</b> &amp; <i>brave</i> start.</p><p>Then\x07 more.</p>")
        == "A bold & brave start.\n\nThen more."
    )
    assert html_to_text(None) == ""


def test_429_then_success_backs_off():
    fake = FakeTvMaze(
        {
            "/search/shows": [
                httpx.Response(429, headers={"Retry-After": "2"}),
                httpx.Response(429),
                httpx.Response(200, json=load("search_harbour.json")),
            ]
        }
    )
    hits = fake.client().search("harbour")
    assert len(hits) == 3 and len(fake.requests) == 3
    assert fake.sleeps == [2.0, 2.0]


def test_endless_429_gives_up_clearly():
    fake = FakeTvMaze({"/search/shows": [httpx.Response(429)]})
    with pytest.raises(NetworkError, match="rate-limiting"):
        fake.client().search("harbour")
    assert len(fake.requests) == 4


@pytest.mark.parametrize(
    "route, message",
    [
        (httpx.ReadTimeout("slow"), "did not answer in time"),
        (httpx.ConnectError("offline"), "cannot reach TVmaze"),
        (httpx.Response(200, content=b"<html>not json"), "not JSON"),
        (httpx.Response(500), "HTTP 500"),
        ([{"score": 1, "show": {"name": "no id"}}], "cannot read"),
    ],
)
def test_failures_are_one_clear_error(route, message):
    with pytest.raises(NetworkError, match=message):
        FakeTvMaze({"/search/shows": route}).client().search("harbour")


def test_responses_are_cached(tmp_path):
    fake = FakeTvMaze()
    client = fake.client(cache_dir=tmp_path / "cache")
    client.search("harbour")
    client.search("harbour")
    assert len(fake.requests) == 1
    client.episodes(90001)
    client.episodes(90001, fresh=True)
    assert len(fake.requests) == 3


def test_add_from_tvmaze(library):
    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    assert (show.title, show.year, show.network, show.status) == (
        "Harbour Lights",
        2025,
        "Streamline+",
        "Ended",
    )
    assert show.external_ids == {"tvmaze": "90001"}
    assert show.synopsis == "A songwriter comes home to a port town & a friend she left behind."
    episodes = library.episodes(show.id)
    assert [e.code for e in episodes] == ["S01E01", "S01E02", "S01E03", "S01E04", "S00E01"]
    assert episodes[3].airstamp == "2026-12-05T11:30:00+00:00"
    summary = library.summary(show.id)
    assert (summary.watched, summary.total) == (0, 3), "the unaired episode is not counted"
    with pytest.raises(EpisodeTuiError, match="already in the library"):
        add_from_tvmaze(library, FakeTvMaze().client(), 90001)


def test_a_title_clash_with_a_hand_added_show_gets_the_year(library):
    library.add_show("Harbour Lights", [2])
    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    assert show.title == "Harbour Lights (2025)"


def test_refresh_keeps_user_data_through_renumbering_renaming_removal_and_additions(library):
    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    by_code = {e.code: e for e in library.episodes(show.id)}
    library.set_watched(by_code["S01E02"].id, True)
    library.add_note(show.id, "rain scene", episode_id=by_code["S01E02"].id, at_seconds=60)
    library.set_recap(by_code["S01E03"].id, "A recap of the third.")
    library.add_note(show.id, "the removed one", episode_id=by_code["S01E01"].id)

    upstream = load("episodes_90001.json")
    upstream = [e for e in upstream if e["id"] != 500001]  # removed upstream
    for episode in upstream:
        if episode["id"] == 500002:
            episode["number"] = 1  # renumbered
        if episode["id"] == 500003:
            episode["number"] = 2
            episode["name"] = "A Lantern for Two"  # renamed
    upstream.append(
        {
            "id": 500005,
            "name": "Borrowed Umbrellas",
            "season": 1,
            "number": 3,
            "type": "regular",
            "airdate": "2025-03-29",
            "airstamp": None,
            "runtime": 64,
            "summary": None,
        }
    )
    fake.routes["/shows/90001/episodes"] = upstream
    report = refresh_from_tvmaze(library, fake.client(), library.show(show.id))
    assert (report.added, report.renumbered, report.delisted) == (1, 2, 1)
    assert report.describe().startswith("1 new")

    episodes = {e.external_id: e for e in library.episodes(show.id)}
    rain = episodes["500002"]
    assert rain.code == "S01E01" and rain.watched and rain.note_count == 1
    third = episodes["500003"]
    assert (third.code, third.title, third.has_recap) == ("S01E02", "A Lantern for Two", True)
    assert episodes["500005"].code == "S01E03"
    removed = episodes["500001"]
    assert removed.delisted and removed.note_count == 1
    assert removed.code == "S01E05", "its old slot is taken, so it moved to the end of the season"

    fake.routes["/shows/90001/episodes"] = load("episodes_90001.json")
    again = refresh_from_tvmaze(library, fake.client(), library.show(show.id))
    assert again.relisted == 1 and not library.episode(removed.id).delisted


def test_refresh_of_a_hand_added_show_is_a_clear_error(library):
    show = library.add_show("Manual", [1])
    with pytest.raises(EpisodeTuiError, match="added by hand"):
        refresh_from_tvmaze(library, FakeTvMaze().client(), show)


def test_merge_matches_hand_added_episodes_by_slot(library):
    show = library.add_show("Harbour Lights", [2])
    first = library.episodes(show.id)[0]
    library.set_watched(first.id, True)
    facts = episode_facts(FakeTvMaze().client().episodes(90001))
    merge_episodes(library, show, None, facts)
    refreshed = library.episode(first.id)
    assert refreshed.watched and refreshed.external_id == "500001" and refreshed.title == "The Ferry at Dawn"


def test_upcoming_lists_future_episodes_in_local_time(library):
    from datetime import timedelta, timezone

    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    upcoming = library.upcoming(days=21)
    assert [(u.show_title, u.episode.code) for u in upcoming] == [("Harbour Lights", "S01E04")]
    seoul = timezone(timedelta(hours=9))
    assert upcoming[0].local_time(seoul).strftime("%Y-%m-%d %H:%M") == "2026-12-05 20:30"
    assert library.upcoming(days=3) == []
    summary = library.summary(show.id)
    assert summary.upcoming is not None and summary.upcoming.code == "S01E04"
    assert summary.upcoming_in_days(library.today()) == 11


def test_strict_mode_hides_unwatched_titles_except_the_next(library):
    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    library.set_setting("spoiler_mode", SpoilerMode.STRICT.value)
    policy = library.policy_for(library.show(show.id))
    titles = [policy.episode_title(e.title, library.episode_state(e)) for e in library.episodes(show.id)]
    assert titles == ["The Ferry at Dawn", "(title hidden)", "", "(title hidden)", "(title hidden)"]


def test_tvmaze_fields_survive_export_and_import(library, tmp_path):
    from conftest import fixed_clock
    from episodetui.core.exchange import dump_document, export_library, import_library, parse_document
    from episodetui.core.store import Library

    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    fake.routes["/shows/90001/episodes"] = load("episodes_90001.json")[1:]
    refresh_from_tvmaze(library, fake.client(), library.show(show.id))
    first = dump_document(export_library(library))
    other = Library.open(tmp_path / "other", clock=fixed_clock)
    import_library(other, parse_document(first))
    assert dump_document(export_library(other)) == first
    episodes = {e.external_id: e for e in other.episodes(other.summaries()[0].id)}
    assert episodes["500001"].delisted and episodes["500004"].airstamp == "2026-12-05T11:30:00+00:00"


def test_cli_and_tui_mark_episodes_no_longer_listed(library, capsys):
    from episodetui.cli import main

    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    fake.routes["/shows/90001/episodes"] = load("episodes_90001.json")[1:]
    refresh_from_tvmaze(library, fake.client(), library.show(show.id))
    main(["--data-dir", str(library.path.parent), "show", "harbour"])
    out = capsys.readouterr().out
    assert "S01E01  The Ferry at Dawn  2025-03-01  (no longer listed on TVmaze)" in out
