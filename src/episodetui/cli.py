"""The command line: thin over the core. Errors are one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui import __version__
from episodetui.core.errors import EpisodeTuiError

if TYPE_CHECKING:
    from episodetui.core.store import Episode, Library, Show

EXIT_USAGE = 2


class CliError(EpisodeTuiError):
    pass


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the library's folder (default: $EPISODETUI_DATA_DIR, else the user data dir)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="episodetui",
        description="A terminal episode tracker whose recaps cannot spoil you. "
        "With no command, opens the TUI.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"episodetui {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the TUI on a demo library in a temporary folder (your library is untouched)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text, parents=[common])

    def json_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--json", action="store_true", help="print JSON for scripts")

    sub = command("open", "open the TUI at a show or an episode")
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE", nargs="?")

    sub = command("add", "add a show from TVmaze (--search, --tvmaze-id), or by hand (or a season to it)")
    sub.add_argument("title", metavar="TITLE", nargs="?")
    sub.add_argument("--search", metavar="QUERY", default=None, help="find the show on TVmaze and add it with every episode")
    sub.add_argument("--tvmaze-id", type=int, metavar="N", default=None, help="add exactly this TVmaze show")
    sub.add_argument("--episodes", type=int, metavar="N", default=None, help="by hand: episodes in the season")
    sub.add_argument("--season", type=int, default=None, metavar="S", help="season number (default 1; 0 is specials)")
    sub.add_argument("--seasons", type=int, default=1, metavar="K", help="add K seasons of N episodes each")
    sub.add_argument("--year", type=int, default=None)
    sub.add_argument("--network", default=None)

    sub = command("refresh", "fetch a TVmaze show's episodes again (all such shows without SHOW)")
    sub.add_argument("show", metavar="SHOW", nargs="?")

    sub = command("upcoming", "episodes airing in the coming days, in your timezone")
    sub.add_argument("--days", type=int, default=21, metavar="N", help="how far ahead (default 21)")
    json_flag(sub)

    sub = command("list", "shows with progress and next episode")
    json_flag(sub)

    sub = command("show", "a show's episodes; recaps only of watched ones")
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("--spoilers", action="store_true", help="also print recaps of unwatched episodes")
    json_flag(sub)

    sub = command("watch", "mark an episode watched (again: counts a rewatch)")
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")
    sub.add_argument("--through", action="store_true", help="every aired episode up to this one")

    sub = command("unwatch", "mark an episode unwatched")
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")

    sub = command(
        "recap",
        "attach a recap article (text, Markdown or a saved web page) to an episode from a "
        "file or stdin (-); or, with --guess FILE, say which show and episode it is about",
    )
    sub.add_argument("args", metavar="SHOW EPISODE FILE|-", nargs="+")
    sub.add_argument("--guess", action="store_true", help="only print the show and episode its headline suggests")
    sub.add_argument("--raw", action="store_true", help="keep the text as given: no headline, key moments or clean-up")
    sub.add_argument("--source", default="", metavar="NAME", help="where the recap came from")
    sub.add_argument("--title", default=None, help="the recap's headline (instead of the article's)")

    sub = command("note", "add a note on an episode")
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument("episode", metavar="EPISODE")
    sub.add_argument("text", metavar="TEXT")
    sub.add_argument("--at", metavar="HH:MM:SS", default=None, help="when in the episode")

    sub = command("spoilers", "set the spoiler mode: off, recaps (default) or strict")
    sub.add_argument("mode", metavar="MODE", help="off, recaps, strict; or 'default' with --show")
    sub.add_argument("--show", metavar="SHOW", default=None, help="only for this show")

    sub = command("export", "write the whole library as JSON (to FILE, or to a pipe)")
    sub.add_argument("file", metavar="FILE", nargs="?")

    sub = command("import", "add the shows of an export to the library")
    sub.add_argument("file", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.demo:
            return _run_demo()
        if args.command is None:
            return _run_tui(_library(args))
        handler = HANDLERS[args.command]
        return handler(args) or 0
    except EpisodeTuiError as error:
        print(f"episodetui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


# --------------------------------------------------------------------- helpers


def _library(args: argparse.Namespace) -> Library:
    from episodetui.core.paths import resolve_data_dir
    from episodetui.core.store import Library

    return Library.open(resolve_data_dir(getattr(args, "data_dir", None)))


def _target(library: Library, show_name: str, code: str | None) -> tuple[Show, Episode | None]:
    from episodetui.core.codes import parse_episode_code

    show = library.find_show(show_name)
    if code is None:
        return show, None
    season, number = parse_episode_code(code)
    return show, library.find_episode(show, season, number)


def _episode(library: Library, args: argparse.Namespace) -> tuple[Show, Episode]:
    show, episode = _target(library, args.show, args.episode)
    assert episode is not None
    return show, episode


def _read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        origin = "standard input"
    else:
        path = Path(name)
        if not path.is_file():
            raise CliError(f"no such file: {name}")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CliError(f"cannot read {name}: {error.strerror}") from None
        origin = name
    from episodetui.core.encoding import decode_text

    return decode_text(data, origin)


def _print_json(model: object) -> None:
    from pydantic import BaseModel, TypeAdapter

    if isinstance(model, BaseModel):
        print(model.model_dump_json(indent=2))
    else:
        print(TypeAdapter(type(model)).dump_json(model, indent=2).decode())


# -------------------------------------------------------------------- commands


def _run_tui(library: Library, show_id: int | None = None, episode_id: int | None = None) -> int:
    first_summaries = library.summaries_in_background()  # overlaps the import below
    from episodetui.tui.app import EpisodeTuiApp

    EpisodeTuiApp(
        library, start_show_id=show_id, start_episode_id=episode_id, first_summaries=first_summaries
    ).run()
    return 0


def _run_demo() -> int:
    import tempfile

    from episodetui.core.demo import build_demo_library

    with tempfile.TemporaryDirectory(prefix="episodetui-demo-") as folder:
        library = build_demo_library(Path(folder))
        try:
            return _run_tui(library)
        finally:
            library.close()


def cmd_open(args: argparse.Namespace) -> int:
    library = _library(args)
    show, episode = _target(library, args.show, args.episode)
    return _run_tui(library, show.id, episode.id if episode else None)


def _tvmaze():
    """The TVmaze client; tests put a fake one here."""
    from episodetui.core.tvmaze import TvMazeClient

    return TvMazeClient.default()


def _describe_tv_show(show) -> str:
    details = [str(show.year) if show.year else "", show.network_name or "", show.status or "", show.language or ""]
    return f"{show.name} ({', '.join(d for d in details if d)})"


def _add_from_tvmaze(args: argparse.Namespace) -> int:
    from episodetui.core.tvmaze import NetworkError

    try:
        return _add_from_tvmaze_online(args)
    except NetworkError as error:
        raise CliError(f"{error}; you can add the show by hand: episodetui add TITLE --episodes N") from None


def _add_from_tvmaze_online(args: argparse.Namespace) -> int:
    from episodetui.core.sync import add_from_tvmaze
    from episodetui.core.tvmaze import CREDIT, best_hit

    client = _tvmaze()
    tvmaze_id = args.tvmaze_id
    if tvmaze_id is None:
        hits = client.search(args.search)
        if not hits:
            raise CliError(f"TVmaze knows no show called {args.search!r}; add it by hand with --episodes")
        hit = best_hit(args.search, hits)
        if hit is None:
            choices = "\n".join(f"  --tvmaze-id {h.show.id:<8} {_describe_tv_show(h.show)}" for h in hits[:10])
            raise CliError(f"{len(hits)} shows match {args.search!r}; choose one:\n{choices}")
        tvmaze_id = hit.show.id
    library = _library(args)
    show = add_from_tvmaze(library, client, tvmaze_id)
    episodes = library.episodes(show.id)
    specials = sum(1 for e in episodes if e.season == 0)
    extra = f" and {specials} special{'s' if specials != 1 else ''}" if specials else ""
    print(f"Added {show.title} with {len(episodes) - specials} episodes{extra}. {CREDIT}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from episodetui.core.sync import refresh_from_tvmaze, tvmaze_id

    library = _library(args)
    if args.show:
        shows = [library.find_show(args.show)]
    else:
        shows = [library.show(s.id) for s in library.summaries()]
        shows = [show for show in shows if tvmaze_id(show) is not None]
        if not shows:
            print("No show in the library comes from TVmaze; nothing to refresh.")
            return 0
    client = _tvmaze()
    failures = 0
    for show in shows:
        try:
            report = refresh_from_tvmaze(library, client, show)
        except EpisodeTuiError as error:
            if len(shows) == 1:
                raise
            failures += 1
            print(f"episodetui: {show.title}: {error}", file=sys.stderr)
            continue
        print(f"{show.title}: {report.describe()}.")
    return EXIT_USAGE if failures else 0


def cmd_upcoming(args: argparse.Namespace) -> int:
    from episodetui.core.spoilers import EpisodeState
    from episodetui.core.text import in_days_text

    library = _library(args)
    today = library.today()
    rows = []
    for item in library.upcoming(args.days):
        episode = item.episode
        show = library.show(episode.show_id)
        # An unaired episode is unwatched: in strict mode its title stays hidden.
        title = library.policy_for(show).episode_title(episode.title, EpisodeState(watched=episode.watched))
        local = item.local_time()
        rows.append({
            "show": item.show_title,
            "code": episode.code,
            "season": episode.season,
            "number": episode.number,
            "title": title,
            "air_date": episode.air_date,
            "airs_at": local.isoformat(timespec="minutes") if local else None,
            "in_days": (date.fromisoformat(episode.air_date) - today).days if episode.air_date else None,
        })
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print(f"Nothing airs in the next {args.days} days.")
        return 0
    for row in rows:
        when = row["airs_at"].replace("T", " ")[:16] if row["airs_at"] else row["air_date"]
        soon = in_days_text(row["in_days"] or 0)
        print(f"{when:<16}  {soon:<11}  {row['show']}  {row['code']}  {row['title']}".rstrip())
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from episodetui.core.text import title_key

    if args.search is not None or args.tvmaze_id is not None:
        if args.episodes is not None or args.title:
            raise CliError("give either TITLE --episodes N (by hand), or --search / --tvmaze-id")
        return _add_from_tvmaze(args)
    if not args.title or args.episodes is None:
        raise CliError("add needs TITLE --episodes N, or --search QUERY, or --tvmaze-id N")
    library = _library(args)
    if args.episodes < 1 or args.seasons < 1:
        raise CliError("--episodes and --seasons must be at least 1")
    first = 1 if args.season is None else args.season
    counts = [args.episodes] * args.seasons
    existing = [row for row in library.raw_show_rows() if row["title_key"] == title_key(args.title)]
    if existing:
        if args.season is None:
            raise CliError(
                f"{existing[0]['title']!r} is already in the library; "
                "give --season S to add a season to it"
            )
        show = library.show(existing[0]["id"])
        with library.transaction():
            added = sum(library.add_season(show.id, first + i, n) for i, n in enumerate(counts))
        print(f"Added {added} episodes to {show.title}.")
        return 0
    show = library.add_show(
        args.title, counts, first_season=first, year=args.year, network=args.network
    )
    total = sum(counts)
    print(f"Added {show.title} with {total} episode{'s' if total != 1 else ''}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from episodetui.core.models import EpisodeRef, ShowListItem
    from episodetui.core.text import progress_bar

    library = _library(args)
    summaries = library.summaries()
    items = []
    for summary in summaries:
        nxt = summary.next_episode
        ref = None
        if nxt:
            # The next episode's title is shown in every mode, strict included.
            ref = EpisodeRef(code=nxt.code, season=nxt.season, number=nxt.number, title=nxt.title)
        items.append(
            ShowListItem(
                title=summary.title,
                year=summary.year,
                watched=summary.watched,
                total=summary.total,
                status=summary.status,
                next=ref,
                last_watched_at=summary.last_watched_at,
            )
        )
    if args.json:
        _print_json(items)
        return 0
    if not items:
        print("Your library is empty. Add a show: episodetui add TITLE --episodes N")
        return 0
    width = min(max(len(item.title) for item in items), 40)
    for item in items:
        next_text = f"next {item.next.code} {item.next.title}".rstrip() if item.next else item.status
        print(
            f"{item.title[:width]:<{width}}  {progress_bar(item.watched, item.total)}"
            f" {item.watched:>4}/{item.total:<4}  {next_text}"
        )
    return 0


def show_model(library: Library, show: Show, spoilers: bool):
    """The show as the CLI prints it, every text asked of the spoiler policy."""
    from episodetui.core.models import (
        EpisodeOut,
        EpisodeRef,
        KeyMomentOut,
        NoteOut,
        RecapOut,
        ShowOut,
    )
    from episodetui.core.spoilers import EpisodeState
    from episodetui.core.text import format_timestamp

    policy = library.policy_for(show)
    summary = library.summary(show.id)
    next_id = summary.next_episode.id if summary.next_episode else None

    def notes_out(notes) -> list[NoteOut]:
        return [
            NoteOut(id=n.id, at=format_timestamp(n.at_seconds) or None, text=policy.note_text(n.text))
            for n in notes
        ]

    episodes = []
    for episode in library.episodes(show.id):
        state = EpisodeState(episode.watched, episode.id == next_id, revealed=spoilers)
        view = library.recap_view(episode, revealed=spoilers)
        recap_out = None
        if view.exists:
            assert view.shape is not None
            recap_out = RecapOut(
                hidden=not view.visible,
                paragraphs=view.shape.paragraphs,
                key_moment_count=view.shape.key_moments,
            )
            if view.recap is not None:
                recap_out.title = view.recap.title
                recap_out.text = view.recap.text
                recap_out.source = view.recap.source
                recap_out.key_moments = [
                    KeyMomentOut(text=m.text, at=format_timestamp(m.at_seconds) or None)
                    for m in view.recap.key_moments
                ]
        episodes.append(
            EpisodeOut(
                code=episode.code,
                season=episode.season,
                number=episode.number,
                title=policy.episode_title(episode.title, state),
                air_date=episode.air_date,
                runtime=episode.runtime,
                synopsis=policy.synopsis(episode.synopsis, state) if episode.synopsis else "",
                watched=episode.watched,
                watched_at=episode.watched_at,
                plays=episode.plays,
                listed=not episode.delisted,
                notes=notes_out(library.episode_notes(episode.id)) if episode.note_count else [],
                recap=recap_out,
            )
        )
    nxt = summary.next_episode
    return ShowOut(
        title=show.title,
        year=show.year,
        network=show.network,
        status=show.status,
        synopsis=show.synopsis,
        spoiler_mode=policy.mode.value,
        watched=summary.watched,
        total=summary.total,
        next=EpisodeRef(code=nxt.code, season=nxt.season, number=nxt.number, title=nxt.title)
        if nxt
        else None,
        notes=notes_out(library.show_notes(show.id)),
        episodes=episodes,
    )


def cmd_show(args: argparse.Namespace) -> int:
    from episodetui.core.spoilers import RecapShape, SpoilerPolicy

    library = _library(args)
    show = library.find_show(args.show)
    model = show_model(library, show, args.spoilers)
    if args.json:
        _print_json(model)
        return 0
    year = f" ({model.year})" if model.year else ""
    print(f"{model.title}{year}  {model.watched}/{model.total} watched  [spoilers: {model.spoiler_mode}]")
    if model.synopsis:
        print(model.synopsis)
    for note in model.notes:
        print(f"  note: {note.text}")
    for episode in model.episodes:
        mark = "✓" if episode.watched else "·"
        title = episode.title or f"Episode {episode.number}"
        aired = f"  {episode.air_date}" if episode.air_date else ""
        gone = "  (no longer listed on TVmaze)" if not episode.listed else ""
        print(f"\n{mark} {episode.code}  {title}{aired}{gone}")
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
    library = _library(args)
    show, episode = _episode(library, args)
    if args.through:
        count = library.watch_through(episode.id)
        print(f"Marked {count} episode{'s' if count != 1 else ''} of {show.title} watched, through {episode.code}.")
        return 0
    if not episode.aired(library.today()):
        raise CliError(f"{episode.code} has not aired yet ({episode.air_date})")
    plays = library.record_play(episode.id)
    again = f" (play {plays})" if plays > 1 else ""
    print(f"Watched {show.title} {episode.code}{again}.")
    return 0


def cmd_unwatch(args: argparse.Namespace) -> int:
    library = _library(args)
    show, episode = _episode(library, args)
    library.set_watched(episode.id, False)
    print(f"Marked {show.title} {episode.code} unwatched.")
    return 0


def cmd_recap(args: argparse.Namespace) -> int:
    from episodetui.core.recap_import import guess_target, parse_recap, save_parsed_recap

    if args.guess:
        if len(args.args) != 1:
            raise CliError("recap --guess takes one FILE (or - for stdin)")
        parsed = parse_recap(_read_input(args.args[0]))
        library = _library(args)
        guess = guess_target(parsed.headline, [s.title for s in library.summaries()])
        if guess.show_title is None and guess.quoted_title is None and guess.number is None:
            raise CliError("the headline names no show or episode")
        # The headline itself may give the episode away: only the target is printed.
        print(f"Suggested: {guess.describe()}")
        return 0
    if len(args.args) != 3:
        raise CliError("recap takes SHOW EPISODE FILE (or --guess FILE)")
    args.show, args.episode, source_file = args.args
    library = _library(args)
    show, episode = _episode(library, args)
    parsed = parse_recap(_read_input(source_file), raw=args.raw)
    save_parsed_recap(library, episode.id, parsed, source=args.source, title=args.title)
    view = library.recap_view(library.episode(episode.id))
    summary = f"{parsed.shape.describe()}; {parsed.describe_dropped()}"
    if view.visible:
        headline = f"“{view.recap.title}”, " if view.recap and view.recap.title else ""
        print(f"Recap attached to {show.title} {episode.code}: {headline}{summary}.")
    else:
        print(
            f"Recap attached to {show.title} {episode.code}, hidden until you watch it "
            f"(headline hidden, {summary})."
        )
    guess = guess_target(parsed.headline, [show.title])
    if guess.number is not None and (guess.season or 1, guess.number) != (episode.season, episode.number):
        print(f"Note: its headline suggests {guess.describe()}; check it is the episode you meant.")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    from episodetui.core.text import parse_timestamp

    library = _library(args)
    at = parse_timestamp(args.at) if args.at else None
    show, episode = _episode(library, args)
    library.add_note(show.id, args.text, episode_id=episode.id, at_seconds=at)
    print(f"Noted on {show.title} {episode.code}.")
    return 0


def cmd_spoilers(args: argparse.Namespace) -> int:
    from episodetui.core.spoilers import SpoilerMode

    library = _library(args)
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


def cmd_export(args: argparse.Namespace) -> int:
    from episodetui.core.exchange import dump_document, export_library, write_private

    library = _library(args)
    text = dump_document(export_library(library))
    if args.file and args.file != "-":
        write_private(Path(args.file), text)
        print(f"Exported {library.show_count()} shows to {args.file}.")
        return 0
    if sys.stdout.isatty():
        # The export is lossless, hidden recaps included: never splash it on a screen.
        raise CliError("the export holds hidden recaps; give a FILE or pipe it somewhere")
    sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from episodetui.core.exchange import import_library, parse_document

    text = _read_input(args.file)
    document = parse_document(text, args.file)
    library = _library(args)
    count = import_library(library, document)
    print(f"Imported {count} show{'s' if count != 1 else ''}.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "open": cmd_open,
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "watch": cmd_watch,
    "unwatch": cmd_unwatch,
    "recap": cmd_recap,
    "note": cmd_note,
    "spoilers": cmd_spoilers,
    "refresh": cmd_refresh,
    "upcoming": cmd_upcoming,
    "export": cmd_export,
    "import": cmd_import,
}
