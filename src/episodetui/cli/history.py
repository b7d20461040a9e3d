"""Bringing history in: `import` (any tracker's export, or an episodetui export, merged)
and `link` (a show made by hand, to TVmaze)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.cli.common import CliError, bounded_int, open_library

if TYPE_CHECKING:
    from episodetui.cli import Command

SOURCES = ("tvtime", "trakt", "seriesguide", "showly", "yamtrack", "episodetui")


def register(command: Command) -> None:
    sub = command(
        "import",
        "bring in history from TV Time, Trakt, SeriesGuide, Showly or Yamtrack, or merge an episodetui export",
        cmd_import,
    )
    sub.add_argument(
        "path",
        metavar="PATH",
        help="the export: a zip, a folder, a JSON or CSV file (- for standard input: an episodetui export)",
    )
    sub.add_argument(
        "--from",
        dest="source",
        choices=SOURCES,
        default=None,
        help="the source, when detection should not guess",
    )
    sub.add_argument("--dry-run", action="store_true", help="report what would be imported, change nothing")
    sub.add_argument(
        "--offline", action="store_true", help="do not ask TVmaze: shows not in the library are made by hand"
    )
    sub.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the zip's password from the first line of standard input",
    )

    sub = command("link", "link a show made by hand to TVmaze, keeping its plays, notes and recaps", cmd_link)
    sub.add_argument("show", metavar="SHOW")
    sub.add_argument(
        "--tvmaze-id", type=bounded_int(1, 10**9), metavar="N", default=None, help="exactly this TVmaze show"
    )


def _tvmaze():  # type: ignore[no-untyped-def]
    from episodetui.cli import tvmaze

    return tvmaze._tvmaze()


def _password(args: argparse.Namespace, needed: bool) -> bytes | None:
    if args.password_stdin:
        line = sys.stdin.buffer.readline().rstrip(b"\r\n")
        if not line:
            raise CliError("--password-stdin: standard input gave no password")
        return line
    if needed and sys.stdin.isatty():
        import getpass

        return getpass.getpass("The zip is protected; its password: ").encode("utf-8", "surrogateescape")
    return None


def _progress(label: str):  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, title: str) -> None:
        end = "\n" if done >= total else ""
        print(f"\r\x1b[K{label}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return report


def cmd_import(args: argparse.Namespace) -> int:
    if args.path == "-":
        return _import_document(args, sys.stdin.buffer.read(), "standard input")
    from episodetui.core.history.bundle import ZipBundle, open_bundle
    from episodetui.core.history.detect import NAMES, detect, read_from_bundle

    bundle = open_bundle(Path(args.path))
    if isinstance(bundle, ZipBundle) and (bundle.encrypted or args.password_stdin):
        bundle = open_bundle(Path(args.path), _password(args, bundle.encrypted))
    source = args.source or detect(bundle)
    if source == "episodetui":
        names = [n for n in bundle.names() if n.lower().endswith(".json")] or bundle.names()
        return _import_document(args, bundle.read_bytes(names[0]), args.path)
    history = read_from_bundle(bundle, source)
    library = open_library(args)
    return _import_history(args, library, history, NAMES[source])


def _import_history(args, library, history, source_name: str) -> int:  # type: ignore[no-untyped-def]
    from episodetui.core.history import importer
    from episodetui.core.history.matching import Matcher

    matcher = None if args.offline else Matcher(_tvmaze())
    prepared = importer.prepare(library, history, matcher, _progress("Matching shows with TVmaze"))
    report = importer.apply(library, prepared, dry_run=args.dry_run, progress=_progress("Importing shows"))
    heading = f"From {source_name}" + (" (dry run, nothing changed)" if args.dry_run else "") + ":"
    print(heading)
    for line in report.lines():
        print(f"  {line}")
    return 0


def _import_document(args: argparse.Namespace, data: bytes, origin: str) -> int:
    from episodetui.core.exchange import ExportReader, import_library

    document = ExportReader(data, origin)
    library = open_library(args)
    report = import_library(library, document, dry_run=args.dry_run)
    print(("(dry run, nothing changed) " if args.dry_run else "") + report.describe())
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from episodetui.core.history import linking
    from episodetui.core.sync import fetch_show
    from episodetui.core.tvmaze import NetworkError

    library = open_library(args)
    show = library.find_show(args.show)
    if linking.is_linked(show) and args.tvmaze_id is None:
        raise CliError(
            f"{show.title} is already linked to TVmaze; give --tvmaze-id N to link it to another show"
        )
    client = _tvmaze()
    try:
        remote_id = args.tvmaze_id
        how = "by the id you gave"
        if remote_id is None:
            found = linking.find_for(show, client)
            if found is None:
                options = linking.candidates(show, client)
                if not options:
                    raise CliError(f"TVmaze knows no show like {show.title!r}; give --tvmaze-id N")
                lines = "\n".join(f"  --tvmaze-id {o.id:<8} {o.name} ({o.year or '?'})" for o in options)
                raise CliError(f"no clear match for {show.title!r} on TVmaze; choose one:\n{lines}")
            remote_id, how = found[0].id, f"by {found[1]}"
        info, facts = fetch_show(client, remote_id)
    except NetworkError as error:
        raise CliError(f"{error}; the show stays as it is") from None
    report = linking.link_show(library, show, info, facts)
    print(f"Linked {show.title} to TVmaze show {info.id} ({info.name}), {how}: {report.describe()}.")
    return 0
