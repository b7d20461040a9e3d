"""Pilot tests of the TVmaze flows, against the recorded fake (no network)."""

import httpx

from conftest import screen_text
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.dialogs import AddShowScreen
from episodetui.tui.library_screen import LibraryScreen
from episodetui.tui.search_dialog import DEBOUNCE_SECONDS, ShowSearchScreen
from episodetui.tui.show_screen import ShowScreen
from episodetui.tui.upcoming_screen import UpcomingScreen
from tvmaze_fakes import FakeTvMaze, load

SIZE = (100, 30)


async def _settle(app, pilot, seconds: float = DEBOUNCE_SECONDS + 0.1) -> None:
    await pilot.pause(seconds)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_type_a_title_pick_the_show_and_start_watching(library):
    fake = FakeTvMaze()
    app = EpisodeTuiApp(library, tvmaze=fake.client)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ShowSearchScreen)
        await pilot.press(*"harb")
        await pilot.pause(0.05)
        await pilot.press(*"our")
        await _settle(app, pilot)
        assert [r.url.params["q"] for r in fake.requests] == ["harbour"], "debounced: one search"
        text = screen_text(app)
        assert "3 shows for “harbour”" in text
        assert "Harbour Lights  2025 · Streamline+ · Ended · Korean" in text
        assert "Show data from TVmaze (CC BY-SA)." in text
        await pilot.press("down", "enter")
        await _settle(app, pilot, 0)
        assert isinstance(app.screen, LibraryScreen)
        summary = library.summaries()[0]
        assert (summary.title, summary.total) == ("Harbour Lights", 3)
        assert "Harbour Lights" in screen_text(app)
        await pilot.press("enter", "w")
        await pilot.pause()
        assert isinstance(app.screen, ShowScreen)
        assert library.episodes(summary.id)[0].watched
        assert "1/3 watched" in screen_text(app)


async def test_offline_search_says_so_and_offers_the_manual_path(library):
    fake = FakeTvMaze({"/search/shows": httpx.ConnectError("offline")})
    app = EpisodeTuiApp(library, tvmaze=fake.client)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"harbour", "enter")
        await _settle(app, pilot, 0.05)
        status = str(app.screen.query_one("#search-status").render())
        assert (
            status
            == "Cannot reach TVmaze: no network connection, or TVmaze is down. Press ctrl+n to add the show by hand."
        )
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AddShowScreen)


async def test_a_failing_import_leaves_the_library_as_it_was(library):
    fake = FakeTvMaze({"/shows/90001/episodes": httpx.Response(200, content=b"{not json")})
    app = EpisodeTuiApp(library, tvmaze=fake.client)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", *"harbour", "enter")
        await _settle(app, pilot, 0.05)
        await pilot.press("down", "enter")
        await _settle(app, pilot, 0)
        assert library.show_count() == 0
        assert isinstance(app.screen, LibraryScreen)


async def test_refresh_with_u_keeps_watch_history(library):
    from episodetui.core.sync import add_from_tvmaze

    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    first = library.episodes(show.id)[0]
    library.set_watched(first.id, True)
    upstream = load("episodes_90001.json")
    upstream.append(
        {
            "id": 500010,
            "name": "Bonus",
            "season": 2,
            "number": 1,
            "type": "regular",
            "airdate": "2025-06-01",
            "airstamp": None,
            "runtime": 60,
            "summary": None,
        }
    )
    fake.routes["/shows/90001/episodes"] = upstream
    app = EpisodeTuiApp(library, start_show_id=show.id, tvmaze=fake.client)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await _settle(app, pilot, 0)
        assert [e.code for e in library.episodes(show.id)][-2:] == ["S02E01", "S00E01"]
        assert library.episode(first.id).watched
        assert "S02E01" in screen_text(app) and "1/4 watched" in screen_text(app)


async def test_upcoming_view_and_airs_in_days_in_the_library(library):
    from episodetui.core.sync import add_from_tvmaze

    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    library.watch_through(library.episodes(show.id)[2].id)
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "S01E04 airs in 11 days" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, UpcomingScreen)
        text = screen_text(app)
        assert "in 11 days" in text and "Harbour Lights" in text and "S01E04" in text
        assert "What the Tide Keeps" in text
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.episode_id == library.episodes(show.id)[3].id
        await pilot.press("w")
        await pilot.pause()
        assert not library.episodes(show.id)[3].watched, "an unaired episode cannot be marked watched"


async def test_strict_mode_hides_upcoming_titles(library):
    from episodetui.core.sync import add_from_tvmaze

    add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    library.set_setting("spoiler_mode", "strict")
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "S01E04" in text and "What the Tide Keeps" not in text and "(title hidden)" in text


def test_search_dialog_snapshot(snap_compare, library):
    fake = FakeTvMaze()

    async def search(pilot):
        await pilot.press("a", *"harbour", "enter")
        await pilot.pause(0.1)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(EpisodeTuiApp(library, tvmaze=fake.client), terminal_size=SIZE, run_before=search)


async def test_show_screen_marks_episodes_no_longer_listed(library):
    from episodetui.core.sync import add_from_tvmaze, refresh_from_tvmaze

    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    fake.routes["/shows/90001/episodes"] = load("episodes_90001.json")[1:]
    refresh_from_tvmaze(library, fake.client(), library.show(show.id))
    app = EpisodeTuiApp(library, start_show_id=show.id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "The Ferry at Dawn  (no longer listed on TVmaze)" in screen_text(app)


async def test_a_failed_refresh_says_so_and_changes_nothing(library):
    from episodetui.core.sync import add_from_tvmaze

    fake = FakeTvMaze()
    show = add_from_tvmaze(library, fake.client(), 90001)
    before = [(e.code, e.title) for e in library.episodes(show.id)]
    fake.routes["/shows/90001/episodes"] = httpx.ReadTimeout("slow")
    app = EpisodeTuiApp(library, start_show_id=show.id, tvmaze=fake.client)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await _settle(app, pilot, 0)
        messages = [notification.message for notification in app._notifications]
        assert "TVmaze did not answer in time; the show is unchanged." in messages
        assert [(e.code, e.title) for e in library.episodes(show.id)] == before


def _upcoming_library(library):  # type: ignore[no-untyped-def]
    from episodetui.core.sync import add_from_tvmaze

    show = add_from_tvmaze(library, FakeTvMaze().client(), 90001)
    library.watch_through(library.episodes(show.id)[2].id)
    return library


def test_upcoming_snapshot(snap_compare, library):
    assert snap_compare(EpisodeTuiApp(_upcoming_library(library)), terminal_size=SIZE, press=["c"])


def test_upcoming_snapshot_80x24(snap_compare, library):
    assert snap_compare(EpisodeTuiApp(_upcoming_library(library)), terminal_size=(80, 24), press=["c"])


def test_upcoming_with_nothing_airing_snapshot_80x24(snap_compare, library):
    library.add_show("Ledger of Ash", [3])
    assert snap_compare(EpisodeTuiApp(library), terminal_size=(80, 24), press=["c"])


async def test_upcoming_with_nothing_airing_says_so_and_escape_goes_back(library):
    from episodetui.tui.library_screen import LibraryScreen

    library.add_show("Ledger of Ash", [3])
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, UpcomingScreen)
        text = screen_text(app)
        assert "Nothing airs in the next 28 days." in text and "Episode" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
