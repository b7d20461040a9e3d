"""Adding, refreshing and linking shows from TVmaze in the TUI.

The network is used on a worker thread; whatever writes to the library runs back on the
UI thread (one SQLite connection is never used by two threads).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from episodetui.core.text import as_sentence

if TYPE_CHECKING:
    from episodetui.tui.app import EpisodeTuiApp


def add_show(app: EpisodeTuiApp) -> None:
    from episodetui.tui.search_dialog import AddByHand, ShowSearchScreen

    def chosen(choice: int | AddByHand | None) -> None:
        if isinstance(choice, AddByHand):
            # What was typed in the search is carried into the form.
            add_show_by_hand(app, choice.title)
        elif isinstance(choice, int):
            add_from_tvmaze(app, choice)

    app.push_screen(ShowSearchScreen(app.tvmaze()), chosen)


def add_show_by_hand(app: EpisodeTuiApp, title: str = "") -> None:
    from episodetui.core.errors import EpisodeTuiError
    from episodetui.tui.dialogs import AddShowScreen, NewShow

    def add(new: NewShow | None) -> None:
        if new is None:
            return
        try:
            show = app.library.add_show(new.title, new.episodes_per_season, year=new.year)
        except EpisodeTuiError as error:
            app.notify(str(error), severity="error")
            return
        app.notify(f"Added {show.title}.")
        app.show_in_library(show.id)

    app.push_screen(AddShowScreen(title, classes="dialog-screen"), add)


def fetch_from_tvmaze(app: EpisodeTuiApp, tvmaze_id: int, fresh: bool, store, on_failure: str) -> None:
    """Fetch on a worker thread; `store` writes to the library back on the UI thread
    (one SQLite connection is never used by two threads)."""
    from episodetui.core.errors import EpisodeTuiError
    from episodetui.core.sync import fetch_show

    client = app.tvmaze()

    def fetch() -> None:
        try:
            fetched = fetch_show(client, tvmaze_id, fresh=fresh)
        except EpisodeTuiError as error:
            app.call_from_thread(
                app.notify, f"{as_sentence(str(error))}{on_failure}", severity="error", timeout=8
            )
            return
        app.call_from_thread(store, fetched)

    app.run_worker(fetch, thread=True, group="tvmaze")


def add_from_tvmaze(app: EpisodeTuiApp, tvmaze_id: int) -> None:
    from episodetui.core.errors import EpisodeTuiError
    from episodetui.core.sync import add_fetched_show
    from episodetui.core.tvmaze import CREDIT

    def store(fetched) -> None:
        try:
            show = add_fetched_show(app.library, *fetched)
        except EpisodeTuiError as error:
            app.notify(str(error), severity="error")
            return
        count = sum(1 for e in app.library.episodes(show.id) if e.season > 0)
        app.notify(f"Added {show.title}: {count} episodes. {CREDIT}")
        app.show_in_library(show.id)

    app.notify("Adding the show from TVmaze…", timeout=3)
    fetch_from_tvmaze(app, tvmaze_id, False, store, ". Press a, then ctrl+n, to add it by hand.")


def refresh_from_tvmaze(app: EpisodeTuiApp, show_id: int, after: Callable[[], None]) -> None:
    from episodetui.core.errors import EpisodeTuiError
    from episodetui.core.sync import merge_episodes, require_tvmaze_id

    show = app.library.show(show_id)
    try:
        remote_id = require_tvmaze_id(show)
    except EpisodeTuiError as error:
        app.notify(str(error), severity="warning")
        return

    def store(fetched) -> None:
        report = merge_episodes(app.library, app.library.show(show_id), *fetched)
        app.notify(f"{show.title}: {report.describe()}.")
        after()

    app.notify(f"Refreshing {show.title} from TVmaze…", timeout=3)
    fetch_from_tvmaze(app, remote_id, True, store, "; the show is unchanged.")


def link_to_tvmaze(app: EpisodeTuiApp, show_id: int) -> None:
    """Find a show made by hand on TVmaze (by its ids, else a clear title match) and
    link it, merging episodes by season and number: plays, notes and recaps stay."""
    from episodetui.core.errors import EpisodeTuiError
    from episodetui.core.history import linking
    from episodetui.core.sync import fetch_show

    show = app.library.show(show_id)
    client = app.tvmaze()

    def find() -> None:
        try:
            found = linking.find_for(show, client)
            fetched = fetch_show(client, found[0].id) if found else None
        except EpisodeTuiError as error:
            app.call_from_thread(
                app.notify,
                f"{as_sentence(str(error))}; the show is unchanged.",
                severity="error",
                timeout=8,
            )
            return
        if found is None or fetched is None:
            app.call_from_thread(
                app.notify,
                "No clear match on TVmaze. From a shell, `episodetui link` lists the candidates"
                " and takes --tvmaze-id N.",
                severity="warning",
                timeout=8,
            )
            return
        app.call_from_thread(store, fetched, found[1])

    def store(fetched, how: str) -> None:
        try:
            report = linking.link_show(app.library, app.library.show(show_id), *fetched)
        except EpisodeTuiError as error:
            app.notify(str(error), severity="error")
            return
        app.notify(f"Linked to TVmaze ({fetched[0].name}), by {how}: {report.describe()}.")
        app.reload_screen()

    app.notify("Looking for the show on TVmaze…", timeout=3)
    app.run_worker(find, thread=True, group="tvmaze")
