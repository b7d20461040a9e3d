"""Commands over the library itself: open, list, show, watch, unwatch, note, spoilers,
remove."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from episodetui.cli.common import (
    CliError,
    find_episode,
    find_target,
    load_user_config,
    open_library,
    print_json,
    run_tui,
)
from episodetui.core.codes import title_or_number
from episodetui.core.text import cell_width, fit_cells, plural

if TYPE_CHECKING:
    from episodetui.cli import Command
    from episodetui.core.marking import Change
    from episodetui.core.store import Episode, Library, Show


def register(command: Command) -> None:
    sub = command("open", "open the TUI at a show or an episode", cmd_open)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE", nargs="?")

    sub = command("list", "shows with progress and next episode", cmd_list, json=True)

    sub = command("show", "a show's episodes; recaps only of watched ones", cmd_show, json=True)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("--spoilers", action="store_true", help="also print recaps of unwatched episodes")

    sub = command("watch", "mark an episode watched (again: counts a rewatch)", cmd_watch)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")
    sub.add_argument("--through", action="store_true", help="every aired episode up to this one")

    sub = command("unwatch", "mark an episode unwatched", cmd_unwatch)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")
    sub.add_argument(
        "--through", action="store_true", help="every episode up to this one (specials: only this)"
    )

    sub = command("note", "add a note on an episode", cmd_note)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")
    sub.add_argument("text", metavar="TEXT")
    sub.add_argument("--at", metavar="HH:MM:SS", default=None, help="when in the episode")

    sub = command(
        "remove",
        "remove a show with its episodes, watch history, notes and recaps "
        "(a copy is kept in the data folder; episodetui import puts it back)",
        cmd_remove,
    )
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("--yes", action="store_true", help="do not ask (needed when not at a terminal)")

    sub = command("spoilers", "set the spoiler mode: off, recaps (default) or strict", cmd_spoilers)
    sub.add_argument("mode", metavar="MODE", help="off, recaps, strict; or 'default' with --show")
    sub.add_argument("--show", metavar="SHOW", default=None, help="only for this show")


def cmd_open(args: argparse.Namespace) -> int:
    library = open_library(args)
    show, episode = find_target(library, args.show, args.episode)
    return run_tui(library, show.id, episode.id if episode else None, config=load_user_config(args))


def cmd_list(args: argparse.Namespace) -> int:
    from episodetui.core.views import library_rows

    library = open_library(args)
    rows = library_rows(library)
    if args.json:
        print_json([_list_item(row) for row in rows])
        return 0
    # Printed from the views themselves: the models (pydantic, ~100 ms to import) are
    # for --json.
    from episodetui.core.text import progress_bar

    if not rows:
        print("Your library is empty. Add a show: episodetui add TITLE --episodes N")
        return 0
    width = min(max(cell_width(row.title) for row in rows), 40)
    for row in rows:
        nxt = row.next
        next_text = f"next {nxt.code} {nxt.title}".rstrip() if nxt else row.status
        if row.rewatch is not None:
            rewatch = row.rewatch  # its next title already through the spoiler policy
            next_text = f"↻ rewatch {rewatch.watched}/{rewatch.total}, " + (
                f"next {rewatch.next_code} {rewatch.next_title}".rstrip()
                if rewatch.next_code is not None
                else "done"
            )
        print(
            f"{fit_cells(row.title, width)}  {progress_bar(row.watched, row.total)}"
            f" {row.watched:>4}/{row.total:<4}  {next_text}"
        )
    return 0


def _episode_ref(episode):  # type: ignore[no-untyped-def]
    """A next episode as the JSON names it (None when there is none)."""
    from episodetui.core.models import EpisodeRef

    if episode is None:
        return None
    return EpisodeRef(code=episode.code, season=episode.season, number=episode.number, title=episode.title)


def _list_item(row):  # type: ignore[no-untyped-def]
    from episodetui.core.models import ShowListItem

    nxt = row.next
    return ShowListItem(
        title=row.title,
        year=row.year,
        watched=row.watched,
        total=row.total,
        status=row.status,
        next=_episode_ref(nxt),
        last_watched_at=row.last_watched_at,
        rating=row.rating.own if row.rating else None,
        episode_rating_average=_average(row.rating.average if row.rating else None),
        rewatch=_rewatch_out(row.rewatch),
    )


def _rewatch_out(progress):  # type: ignore[no-untyped-def]
    from episodetui.core.models import EpisodeRef, RewatchOut

    if progress is None:
        return None
    nxt = None
    if progress.next_code is not None:  # its title already through the spoiler policy
        nxt = EpisodeRef(
            code=progress.next_code,
            season=progress.next_season,
            number=progress.next_number,
            title=progress.next_title,
        )
    return RewatchOut(number=progress.number, watched=progress.watched, total=progress.total, next=nxt)


def _average(average: float | None) -> float | None:
    return round(average, 2) if average is not None else None


def show_model(library: Library, show: Show, spoilers: bool):
    """The show as the CLI prints it: rendered from the core's views, which applied the
    spoiler policy (`spoilers` reveals every episode, as a deliberate act)."""
    from episodetui.core.models import (
        EpisodeOut,
        KeyMomentOut,
        NoteOut,
        RecapOut,
        ShowOut,
    )
    from episodetui.core.spoilers import SpoilerPolicy
    from episodetui.core.text import format_timestamp
    from episodetui.core.views import episode_views_with_recaps, show_view

    revealed = frozenset(e.id for e in library.episodes(show.id)) if spoilers else frozenset()
    view = show_view(library, show.id, revealed)
    header = view.header

    def notes_out(notes) -> list[NoteOut]:
        return [
            NoteOut(id=n.id, at=format_timestamp(n.at_seconds) or None, text=SpoilerPolicy.note_text(n.text))
            for n in notes
        ]

    with_recaps = episode_views_with_recaps(library, [e.id for e in view.episodes if e.has_recap], revealed)
    fulls = {full.id: full for full in with_recaps}
    episodes = []
    for episode in view.episodes:
        recap_out = None
        if episode.has_recap:
            full = fulls[episode.id]
            assert full.recap_shape is not None
            recap_out = RecapOut(
                hidden=full.recap is None,
                paragraphs=full.recap_shape.paragraphs,
                key_moment_count=full.recap_shape.key_moments,
            )
            if full.recap is not None:
                recap_out.title = full.recap.title
                recap_out.text = full.recap.text
                recap_out.source = full.recap.source
                recap_out.key_moments = [
                    KeyMomentOut(text=m.text, at=format_timestamp(m.at_seconds) or None)
                    for m in full.recap.key_moments
                ]
        episodes.append(
            EpisodeOut(
                code=episode.code,
                season=episode.season,
                number=episode.number,
                title=episode.title,
                air_date=episode.air_date,
                runtime=episode.runtime,
                synopsis=episode.synopsis,
                watched=episode.watched,
                watched_at=episode.watched_at,
                plays=episode.plays,
                rating=episode.rating,
                listed=not episode.delisted,
                notes=notes_out(library.episode_notes(episode.id)) if episode.note_count else [],
                recap=recap_out,
            )
        )
    nxt = header.next
    return ShowOut(
        title=header.title,
        year=header.year,
        network=header.network,
        status=header.status,
        synopsis=header.synopsis,
        spoiler_mode=header.mode.value,
        watched=header.watched,
        total=header.total,
        next=_episode_ref(nxt),
        notes=notes_out(library.show_notes(show.id)),
        episodes=episodes,
        rating=header.rating,
        linked="tvmaze" in show.external_ids,
        episode_rating_average=_average(header.episode_rating_average),
    )


def cmd_show(args: argparse.Namespace) -> int:
    from episodetui.core.spoilers import RecapShape, SpoilerPolicy

    library = open_library(args)
    show = library.find_show(args.show)
    model = show_model(library, show, args.spoilers)
    if args.json:
        print_json(model)
        return 0
    year = f" ({model.year})" if model.year else ""
    rated = f"  ★ {model.rating}/10" if model.rating else ""
    average = f"  (episodes ★ {model.episode_rating_average:g})" if model.episode_rating_average else ""
    print(
        f"{model.title}{year}  {model.watched}/{model.total} watched{rated}{average}  [spoilers: {model.spoiler_mode}]"
    )
    if model.synopsis:
        print(model.synopsis)
    for note in model.notes:
        print(f"  note: {note.text}")
    for episode in model.episodes:
        mark = "✓" if episode.watched else "·"
        title = title_or_number(episode.title, episode.number)
        aired = f"  {episode.air_date}" if episode.air_date else ""
        gone = "  (no longer listed on TVmaze)" if not episode.listed else ""
        rating = f"  ★ {episode.rating}" if episode.rating else ""
        print(f"\n{mark} {episode.code}  {title}{aired}{rating}{gone}")
        if episode.synopsis:
            print(f"    {episode.synopsis}")
        recap = episode.recap
        if recap and recap.hidden:
            shape = RecapShape(recap.paragraphs, recap.key_moment_count)
            print("    " + SpoilerPolicy.hidden_recap_label(shape, "Watch it, or pass --spoilers."))
        elif recap:
            if recap.title:
                print(f"    Recap: {recap.title}")
            for paragraph in (recap.text or "").split("\n\n"):
                print(f"    {paragraph.strip()}")
            for moment in recap.key_moments or []:
                at = f"{moment.at} " if moment.at else ""
                print(f"    • {at}{moment.text}")
        for note in episode.notes:
            at = f"{note.at} " if note.at else ""
            print(f"    note {at}{note.text}")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from episodetui.core import marking

    library = open_library(args)
    show, episode = find_episode(library, args)
    if args.through:
        return _mark_through(marking.mark_through(library, episode.id), show, episode, "watched")
    if not episode.aired(library.today()):
        raise CliError(f"{episode.code} has not aired yet ({episode.air_date})")
    rewatch = library.pass_progress(show.id)
    plays = library.record_play(episode.id)  # during a rewatch, a play of the pass
    again = f" (play {plays})" if plays > 1 else ""
    print(f"Watched {show.title} {episode.code}{again}.")
    if rewatch is not None:
        now = library.pass_progress(show.id)
        print(
            f"Rewatch {rewatch.number}: " + (now.describe().partition(": ")[2] if now else "finished") + "."
        )
    return 0


def _mark_through(change: Change, show: Show, episode: Episode, how: str) -> int:
    count = len(change.episode_ids)
    print(f"Marked {plural(count, 'episode')} of {show.title} {how}, through {episode.code}.")
    return 0


def cmd_unwatch(args: argparse.Namespace) -> int:
    from episodetui.core import marking

    library = open_library(args)
    show, episode = find_episode(library, args)
    if args.through:
        return _mark_through(marking.unmark_through(library, episode.id), show, episode, "unwatched")
    marking.unmark(library, episode.id)
    print(f"Marked {show.title} {episode.code} unwatched.")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    from episodetui.core.text import parse_timestamp

    library = open_library(args)
    at = parse_timestamp(args.at) if args.at else None
    show, episode = find_episode(library, args)
    library.add_note(show.id, args.text, episode_id=episode.id, at_seconds=at)
    print(f"Noted on {show.title} {episode.code}.")
    return 0


def cmd_spoilers(args: argparse.Namespace) -> int:
    from episodetui.core.spoilers import SpoilerMode

    library = open_library(args)
    if args.show:
        show = library.find_show(args.show)
        mode = None if args.mode.lower() == "default" else SpoilerMode.parse(args.mode)
        library.set_show_spoiler_mode(show.id, mode)
        print(f"Spoiler mode for {show.title}: {mode.value if mode else 'library default'}.")
        return 0
    mode = SpoilerMode.parse(args.mode)
    library.set_setting("spoiler_mode", mode.value)
    print(f"Spoiler mode: {mode.value}.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    import sys

    from episodetui.core.removal import remove_show, show_contents

    library = open_library(args)
    show = library.find_show(args.show)
    contents = show_contents(library, show.id).describe()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"remove {show.title} ({contents})? add --yes to confirm")
        answer = input(f"Remove {show.title} with {contents}? A copy is kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.")
            return 0
    removed = remove_show(library, show.id)
    print(f"Removed {show.title} ({contents}).")
    print(f"A copy is in {removed.copy}; to put it back: {removed.restore}")
    return 0
