"""The library store: one SQLite database, one transaction per user action.

Rooms, each a module: `db` (opening, refusals, migrations, transactions, settings),
`records` (the row dataclasses), `summaries` (library rows and the start-up prefetch),
`shows`, `episodes`, `watching` (plays), `recaps`, `notes`, `raw` (rows for the export
and its import), `upstream` (what TVmaze says), `history`, `ratings`, `rewatch`, `search`,
`stats`, and `library`, the façade that puts them together. Recap text only leaves through
`recap_view`, which asks the spoiler policy first.
"""

from episodetui.core.store.library import Library
from episodetui.core.store.records import (
    Clock,
    Episode,
    KeyMoment,
    NextEpisode,
    Note,
    Recap,
    RecapView,
    Show,
    ShowSummary,
    Upcoming,
    count_paragraphs,
    utc_now,
)
from episodetui.core.store.watching import Play

__all__ = [
    "Clock",
    "Episode",
    "KeyMoment",
    "Library",
    "NextEpisode",
    "Note",
    "Play",
    "Recap",
    "RecapView",
    "Show",
    "ShowSummary",
    "Upcoming",
    "count_paragraphs",
    "utc_now",
]
