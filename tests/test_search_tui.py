"""The search screen, driven like a person: ctrl+f, type, arrows, Enter."""

from __future__ import annotations

from conftest import SECRET, fixed_clock, screen_text
from episodetui.core.store import Library
from episodetui.tui.app import EpisodeTuiApp
from episodetui.tui.episode_screen import EpisodeScreen
from episodetui.tui.search_screen import SearchScreen
from features_fixtures import canary_library
from pilot_helpers import clear_field

SIZE = (100, 30)


async def test_type_to_search_and_open_the_episode_at_the_match(data_dir):
    lib = canary_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        for key in "ledger bu":
            await pilot.press(key)
        await pilot.pause()
        text = screen_text(app)
        assert "Harbour Lights" in text and "S01E02" in text and "key moment" in text
        assert "1 match in 1 show" in text
        assert SECRET not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        assert app.screen.episode_id == lib.episodes(1)[1].id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        # The canary finds nothing, and the count says so.
        assert app.focused is app.screen.query_one("#search-query"), "back in the query"
        await clear_field(pilot)
        for key in SECRET[:6]:
            await pilot.press(key)
        await pilot.pause()
        text = screen_text(app)
        assert "No matches" in text and SECRET not in text.replace(SECRET[:6], "")
    lib.close()


async def test_palette_search_then_watch_from_the_result_makes_the_recap_findable(data_dir):
    lib = canary_library(data_dir)
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        for key in "Search":
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        for key in "hull":
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("down", "enter")  # the results, then the first hit (E3)
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "recap" in screen_text(app)
        await pilot.press("ctrl+f")  # edit the query
        await clear_field(pilot)
        for key in "carved":
            await pilot.press(key)
        await pilot.pause()
        assert "carved" in screen_text(app) and "S01E03" in screen_text(app)
    lib.close()
    # Reopen: the play is saved, and search finds it from a fresh library object.
    again = Library.open(data_dir, clock=fixed_clock)
    assert again.episodes(1)[2].watched
    from episodetui.core.search import Searcher

    assert Searcher(again).search("carved").total == 1
    again.close()


async def test_markup_in_titles_and_notes_is_shown_literally(library):
    show = library.add_show("[bold]Evil[/] Lanterns", [1])
    library.add_note(show.id, "[red]lantern[/red] markup", episode_id=library.episodes(show.id)[0].id)
    app = EpisodeTuiApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"lantern")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Evil[/] Lanterns" in text and "[red]lantern[/red] markup" in text


def test_search_snapshot(snap_compare, data_dir):
    lib = canary_library(data_dir)
    assert snap_compare(EpisodeTuiApp(lib), terminal_size=SIZE, press=["ctrl+f", *"lantern"])


def test_search_snapshot_80x24(snap_compare, data_dir):
    lib = canary_library(data_dir)
    assert snap_compare(EpisodeTuiApp(lib), terminal_size=(80, 24), press=["ctrl+f", *"ledg"])


async def test_a_recap_revealed_on_the_episode_screen_is_searchable_from_there(data_dir):
    lib = canary_library(data_dir)
    third = lib.episodes(1)[2].id
    app = EpisodeTuiApp(lib, start_episode_id=third)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", *"carved")
        await pilot.pause()
        assert "No matches" in screen_text(app)
        await pilot.press("escape", "r", "y")  # reveal, asked first
        await pilot.pause()
        await pilot.press("ctrl+f", *"carved")
        await pilot.pause()
        assert "carved" in screen_text(app) and "S01E03" in screen_text(app)
        await pilot.press("escape", "escape")  # leaving the episode ends the reveal
        await pilot.pause()
        await pilot.press("ctrl+f", *"carved")
        await pilot.pause()
        assert "No matches" in screen_text(app)
    lib.close()


async def test_keys_faster_than_results_never_leave_an_older_querys_results(data_dir, monkeypatch):
    """Keys typed faster than results come (all four reach the app before the first is
    handled, as on a busy machine): the queries they overtake are not searched, and no
    result shown is for an older query than one shown before it. Then typed one key at
    a time, every key's results show."""
    import time

    from textual import events

    from episodetui.core.search import Searcher

    lib = canary_library(data_dir)
    searched: list[str] = []
    shown: list[str | None] = []
    search = Searcher.search

    def slow_search(self, text, **options):  # type: ignore[no-untyped-def]
        searched.append(text)
        if len(text) == 1:
            time.sleep(0.05)  # the shortest query is the slowest, as on a big library
        return search(self, text, **options)

    show = SearchScreen._show

    def spy_show(self, results):  # type: ignore[no-untyped-def]
        shown.append(None if results is None else " ".join(results.query.terms))
        show(self, results)

    monkeypatch.setattr(Searcher, "search", slow_search)
    monkeypatch.setattr(SearchScreen, "_show", spy_show)
    typed = ["l", "le", "led", "ledg"]
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        shown.clear()
        for key in "ledg":
            app.post_message(events.Key(key, key))
        for _ in range(3):
            await pilot.pause()
        assert shown and shown[-1] == "ledg", shown
        order = [typed.index(query) for query in shown if query is not None]
        assert order == sorted(order), f"older results shown after newer ones: {shown}"
        assert len(searched) < len(typed), f"overtaken queries searched anyway: {searched}"
        assert "5 matches in 1 show" in screen_text(app)
        assert app.screen.results.query.terms == ("ledg",)
        await clear_field(pilot)
        searched.clear()
        shown.clear()
        for key in "hul":
            await pilot.press(key)
        await pilot.pause()
        assert searched == ["h", "hu", "hul"]
        assert shown[-1] == "hul"


async def test_arrows_move_between_results_over_show_headings(data_dir):
    """Down from the query goes to the results; the arrows, Home and End move between
    results and never stop on a show's heading; Enter opens the highlighted one."""
    lib = canary_library(data_dir)
    other = lib.add_show("Night Market", [2])
    lib.update_episode(lib.episodes(other.id)[0].id, title="Market ledger")
    app = EpisodeTuiApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", *"ledger")
        await pilot.pause()
        hits = app.screen.query_one("#search-results")
        keys = [entry.key for entry in hits.entries]
        assert keys[0] is None and None in keys[1:], "two shows, each under its heading"
        results = [key for key in keys if key is not None]
        await pilot.press("down")
        assert app.focused is hits and hits.highlighted_key == results[0]
        seen = [hits.highlighted_key]
        for _ in results[1:]:
            await pilot.press("down")
            seen.append(hits.highlighted_key)
        assert seen == results, "every result in turn, no heading"
        await pilot.press("down")
        assert hits.highlighted_key == results[-1], "the last stays the last"
        await pilot.press("home")
        assert hits.highlighted_key == results[0]
        await pilot.press("end")
        assert hits.highlighted_key == results[-1]
        await pilot.press("up")
        assert hits.highlighted_key == results[-2]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EpisodeScreen)
    lib.close()


async def test_typing_in_the_query_field_lays_nothing_out_again(demo, monkeypatch):
    """A key that changes only the field's text draws the field: Textual's Input set its
    virtual size on every change, which asked for a layout of the whole screen. Long
    queries still scroll in the field, and back."""
    from textual.screen import Screen

    from pilot_helpers import open_app, settle

    layouts: list[str] = []
    original = Screen._refresh_layout  # Textual's (private): counted, not changed

    def counted(screen, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts.append(type(screen).__name__)
        return original(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    async with open_app(demo, size=(60, 24)) as (app, pilot):
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press(*"zzq")  # no matches from the first key on
        await settle(pilot)
        assert "No matches" in screen_text(app)
        layouts.clear()
        await pilot.press(*"qqq")  # the results and the status line stay as they are
        await settle(pilot)
        assert layouts == []
        await pilot.press(*["backspace"] * 6, *("harbourlights" * 6))
        await settle(pilot)
        field = next(line for line in screen_text(app).splitlines() if "harbour" in line)
        assert "harbourlightsharbourlights▎" in field and app.screen.focused.scroll_x > 0
        await pilot.press(*["backspace"] * 70)
        await settle(pilot)
        assert "▊harbourl▎" in screen_text(app) and app.screen.focused.scroll_x == 0
