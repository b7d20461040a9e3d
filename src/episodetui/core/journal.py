"""A readable Markdown journal of what you watched: per show, per watched episode, when
you watched it, your rating, your notes (with their timestamps; ||spoiler spans|| kept as
written) and the recap with its key moments.

Only watched episodes appear, and each recap is asked of the spoiler policy first, so an
unwatched episode's recap can never be in it: the journal may be printed to a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator

from episodetui.core.codes import title_or_number
from episodetui.core.dates import local_day
from episodetui.core.spoilers import EpisodeState
from episodetui.core.store import Library, Note, Show
from episodetui.core.text import format_timestamp


def journal_chunks(library: Library, show_id: int | None = None) -> Iterator[str]:
    """The journal, show by show (the whole library holds thousands of episodes)."""
    shows = (
        [library.show(show_id)]
        if show_id is not None
        else [library.show(row["id"]) for row in library.raw_show_rows()]
    )
    today = library.today().isoformat()
    scope = f"{shows[0].title}" if show_id is not None and shows else "Every show"
    yield (
        f"# Watching journal\n\n"
        f"*{scope}, written {today} by episodetui. Only episodes you have watched are here;"
        f" recaps of the others are left out.*\n"
    )
    for show in shows:
        yield from _show_section(library, show)


def _show_section(library: Library, show: Show) -> Iterator[str]:
    policy = library.policy_for(show)
    summary = library.summary(show.id)
    next_id = summary.next_episode.id if summary.next_episode else None
    episodes = [e for e in library.episodes(show.id) if e.watched]
    rating = library.rating(show.id)
    show_notes = library.show_notes(show.id)
    if not episodes and not show_notes and rating is None:
        return
    year = f" ({show.year})" if show.year else ""
    lines = [f"\n## {show.title}{year}\n\n"]
    facts = [f"{summary.watched} of {summary.total} episodes watched"]
    if rating is not None:
        facts.append(f"your rating {rating.rating}/10")
    lines.append(" · ".join(facts) + "\n")
    if show_notes:
        lines.append("\nNotes on the show:\n")
        lines.extend(_note_lines(show_notes))
    ratings = library.episode_ratings(show.id)
    plays = library.show_plays(show.id)
    recaps = library.raw_recaps(show.id)
    notes_by_episode: dict[int, list[Note]] = {}
    for note in library.raw_notes(show.id):
        if note.episode_id is not None:
            notes_by_episode.setdefault(note.episode_id, []).append(note)
    yield "".join(lines)
    for episode in episodes:
        state = EpisodeState(watched=episode.watched, is_next=episode.id == next_id)
        title = title_or_number(policy.episode_title(episode.title, state), episode.number)
        out = [f"\n### {episode.code} · {title}\n\n"]
        facts = [_watched_text(plays.get(episode.id, []))]
        if episode.id in ratings:
            facts.append(f"rated {ratings[episode.id]}/10")
        out.append(" · ".join(facts) + "\n")
        notes = notes_by_episode.get(episode.id, [])
        if notes:
            out.append("\nYour notes:\n\n")
            out.extend(_note_lines(notes))
        recap = recaps.get(episode.id)
        if recap is not None and policy.recap_visible(state):
            source = f" ({recap.source})" if recap.source else ""
            heading = f"Recap: {recap.title}" if recap.title else "Recap"
            out.append(f"\n**{heading}**{source}\n\n")
            out.append("\n\n".join(p.strip() for p in recap.text.split("\n\n") if p.strip()) + "\n")
            if recap.key_moments:
                out.append("\nKey moments:\n\n")
                for moment in recap.key_moments:
                    at = f"`{format_timestamp(moment.at_seconds)}` " if moment.at_seconds is not None else ""
                    out.append(f"- {at}{_one_line(moment.text)}\n")
        yield "".join(out)


def _note_lines(notes: list[Note]) -> list[str]:
    lines = []
    for note in notes:
        at = f"`{format_timestamp(note.at_seconds)}` " if note.at_seconds is not None else ""
        lines.append(f"- {at}{_one_line(note.text)}\n")
    return lines


def _one_line(text: str) -> str:
    """A list item stays one item: its line breaks become indented continuation lines."""
    return "\n  ".join(line for line in text.splitlines() if line.strip())


def _watched_text(plays: list[tuple[str | None, int | None]]) -> str:
    if not plays:
        return "watched"
    dates = []
    for watched_at, rewatch in plays:
        day = local_day(watched_at) if watched_at else "date unknown"
        dates.append(f"{day} (rewatch {rewatch})" if rewatch else day)
    return "watched " + ", ".join(dates)
