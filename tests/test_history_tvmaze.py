"""Matching imported shows to TVmaze through recorded responses (written for these tests),
the rate limiter, and linking a show made by hand later without losing anything."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from conftest import fixed_clock
from episodetui.cli import main
from episodetui.core.history import importer
from episodetui.core.history.detect import read_history
from episodetui.core.history.linking import link_show
from episodetui.core.history.matching import Matcher, RateLimiter, clear_match
from episodetui.core.tvmaze import API, USER_AGENT, SearchHit, TvMazeClient, TvShow, episode_facts
from tvmaze_fakes import load

FIXTURES = Path(__file__).parent / "fixtures" / "history"

HARBOUR = load("show_90001.json")
ORBIT = {"id": 90002, "name": "The Quiet Orbit", "premiered": "2021-02-01", "status": "Ended"}
ORBIT_OLD = {"id": 90003, "name": "The Quiet Orbit", "premiered": "1998-02-01", "status": "Ended"}


class Maze:
    """A fake TVmaze that answers by path and query."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.fail = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail:
            raise httpx.ConnectError("offline")
        path, params = request.url.path, dict(request.url.params)
        if path == "/lookup/shows":
            if params.get("thetvdb") == "81001":
                return httpx.Response(302, headers={"Location": f"{API}/shows/90001"})
            return httpx.Response(404, json={"name": "Not Found"})
        if path == "/shows/90001":
            return httpx.Response(200, json=HARBOUR)
        if path == "/shows/90001/episodes":
            return httpx.Response(200, json=load("episodes_90001.json"))
        if path == "/shows/90002/episodes":
            return httpx.Response(
                200,
                json=[
                    {
                        "id": 801,
                        "season": 1,
                        "number": 1,
                        "type": "regular",
                        "name": "Pilot: Ørbit",
                        "airdate": "2021-02-01",
                    },
                    {
                        "id": 802,
                        "season": 1,
                        "number": 2,
                        "type": "regular",
                        "name": "Second",
                        "airdate": "2021-02-08",
                    },
                ],
            )
        if path == "/search/shows":
            query = params.get("q", "").lower()
            hits = [h for h in (ORBIT, ORBIT_OLD) if h["name"].lower() == query]
            return httpx.Response(200, json=[{"score": 0.9, "show": h} for h in hits])
        return httpx.Response(404, json={"name": "Not Found"})

    def client(self) -> TvMazeClient:
        http = httpx.Client(
            base_url=API, transport=httpx.MockTransport(self.handler), headers={"User-Agent": USER_AGENT}
        )
        return TvMazeClient(http=http, sleep=lambda s: None)


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def matcher_for(maze: Maze, time: FakeTime | None = None) -> Matcher:
    time = time or FakeTime()
    return Matcher(maze.client(), RateLimiter(clock=time.clock, sleep=time.sleep))


def test_rate_limiter_allows_twenty_calls_in_ten_seconds():
    time = FakeTime()
    limiter = RateLimiter(clock=time.clock, sleep=time.sleep)
    for _ in range(20):
        limiter.acquire()
    assert time.slept == []
    limiter.acquire()
    assert time.slept == [10.0]
    for _ in range(39):
        limiter.acquire()
    # 60 calls take at least 20 seconds of waiting: never more than 20 in any 10 s.
    assert time.now >= 20.0 and limiter.count == 60


def test_match_by_tvdb_id_then_by_clear_title(library):
    maze = Maze()
    _, _, history = read_history(FIXTURES / "trakt")
    progress = []
    prepared = importer.prepare(
        library, history, matcher_for(maze), lambda d, t, title: progress.append((d, t))
    )
    by_title = {history.shows[i].title: m for i, m in prepared.matches.items()}
    assert by_title["Harbour Lights"].by == "TheTVDB id" and by_title["Harbour Lights"].info.id == 90001
    # No ids, but one show of that title around its year: a clear match.
    assert by_title["The Quiet Orbit"].by == "title" and by_title["The Quiet Orbit"].info.id == 90002
    assert "Old Friends" not in by_title and "Future Show" not in by_title
    assert progress[0] == (0, 4) and progress[-1] == (4, 4)
    assert prepared.calls == len(maze.requests)
    report = importer.apply(library, prepared)
    harbour = library.find_show("Harbour Lights")
    assert harbour.external_ids["tvmaze"] == "90001"
    # Every TVmaze episode arrives, with the plays on the right ones.
    episodes = library.episodes(harbour.id)
    assert len(episodes) == 5 and episodes[1].title == "Salt on the Window" and episodes[1].plays == 2
    hows = {s.title: s.how for s in report.shows}
    assert hows["Harbour Lights"] == "matched on TVmaze by TheTVDB id"
    assert hows["Old Friends"] == importer.BY_HAND
    assert (
        "matched on TVmaze by title" in report.lines()[0]
        and f"TVmaze: {prepared.calls} calls." in report.lines()
    )


def test_ambiguous_title_is_not_guessed():
    hits = [SearchHit(score=1, show=TvShow(**ORBIT)), SearchHit(score=1, show=TvShow(**ORBIT_OLD))]
    assert clear_match("The Quiet Orbit", None, hits) is None
    assert clear_match("The Quiet Orbit", 2021, hits).id == 90002
    assert clear_match("Quiet Orbit", 2021, hits) is None


def test_tvmaze_down_falls_back_to_by_hand(library):
    maze = Maze()
    maze.fail = True
    _, _, history = read_history(FIXTURES / "tvtime")
    prepared = importer.prepare(library, history, matcher_for(maze))
    report = importer.apply(library, prepared)
    assert all(s.how == importer.BY_HAND for s in report.shows)
    assert "Cannot reach TVmaze" in report.lines()[-1]


def test_link_later_keeps_plays_notes_and_recaps(library):
    _, _, history = read_history(FIXTURES / "tvtime")
    importer.apply(library, importer.prepare(library, history, None))
    harbour = library.find_show("Harbour Lights")
    first = library.find_episode(harbour, 1, 1)
    library.add_note(harbour.id, "the ferry horn", episode_id=first.id)
    library.set_recap(first.id, "A recap written by hand.", title="Mine")
    maze = Maze()
    client = maze.client()
    report = link_show(library, harbour, client.show(90001), episode_facts(client.episodes(90001)))
    linked = library.show(harbour.id)
    assert linked.external_ids["tvmaze"] == "90001" and linked.external_ids["tvdb"] == "81001"
    first = library.episode(first.id)
    assert (first.title, first.plays, first.note_count, first.has_recap) == ("The Ferry at Dawn", 2, 1, True)
    assert report.added >= 0 and len(library.episodes(harbour.id)) >= 5


@pytest.fixture
def run(data_dir, capsys, monkeypatch):
    import episodetui.core.store.db as store_db
    from episodetui.cli import tvmaze as cli_tvmaze

    monkeypatch.setattr(store_db, "utc_now", fixed_clock)
    maze = Maze()
    monkeypatch.setattr(cli_tvmaze, "_tvmaze", maze.client)

    def runner(*args: str):
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    runner.maze = maze
    return runner


def test_cli_link_by_the_shows_own_ids(run):
    assert run("import", str(FIXTURES / "tvtime"), "--offline")[0] == 0
    status, out, err = run("link", "harbour")
    assert status == 0, err
    assert out.startswith("Linked Harbour Lights to TVmaze show 90001 (Harbour Lights), by TheTVDB id")
    status, _, err = run("link", "harbour")
    assert status == 2 and "already linked" in err
    status, _, err = run("link", "soundtrack")  # TVmaze does not know it: choose by hand
    assert status == 2 and "give --tvmaze-id" in err


def test_cli_import_online_shows_calls(run):
    status, out, err = run("import", str(FIXTURES / "trakt"))
    assert status == 0, err
    assert "matched on TVmaze by TheTVDB id" in out and "TVmaze:" in out


def test_specials_are_found_by_title_or_air_date(library):
    from episodetui.core.history.model import History, HistoryEpisode, HistoryPlay, HistoryShow

    played = [HistoryPlay(watched_at="2025-03-11T20:00:00+00:00")]
    show = HistoryShow(
        title="Harbour Lights",
        ids={"tvdb": "81001"},
        episodes=[
            # TheTVDB numbers it S00E07; TVmaze has it as a special in season 1 (our S00E01).
            HistoryEpisode(season=0, number=7, title="Behind the Lighthouse", plays=played),
            # No title, but its air date is TVmaze's special's.
            HistoryEpisode(
                season=0,
                number=9,
                air_date="2025-03-10",
                plays=[HistoryPlay(watched_at="2025-03-12T20:00:00+00:00")],
            ),
            # Unknown to TVmaze: kept as a special of its own, never dropped.
            HistoryEpisode(season=0, number=1, title="A Christmas Short", plays=played),
        ],
    )
    prepared = importer.prepare(library, History(source="tvtime", shows=[show]), matcher_for(Maze()))
    report = importer.apply(library, prepared)
    harbour = library.find_show("Harbour Lights")
    specials = [e for e in library.episodes(harbour.id) if e.season == 0]
    assert [(e.number, e.title, e.plays) for e in specials] == [
        (1, "Behind the Lighthouse", 2),
        (2, "A Christmas Short", 1),
    ]
    assert report.totals.episodes_added == 1
