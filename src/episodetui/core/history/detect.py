"""Which tracker a file or folder came from, decided by its content (names, headers, keys),
and the one entry point: `read_history(path)`."""

from __future__ import annotations

from pathlib import Path

from episodetui.core.history import seriesguide, showly, trakt, tvtime, yamtrack
from episodetui.core.history.bundle import Bundle, HistoryFileError, load_csv, open_bundle
from episodetui.core.history.model import SOURCES, History, HistoryShow

READERS = {
    "tvtime": tvtime.read,
    "trakt": trakt.read,
    "seriesguide": seriesguide.read,
    "showly": showly.read,
    "yamtrack": yamtrack.read,
}
NAMES = {
    "tvtime": "TV Time",
    "trakt": "Trakt",
    "seriesguide": "SeriesGuide",
    "showly": "Showly",
    "yamtrack": "Yamtrack",
    "episodetui": "an episodetui export",
}
SAME_MOMENT_SECONDS = 60


def detect(bundle: Bundle) -> str:
    """The source's name, or a clear error saying what was looked for."""
    if tvtime.looks_like(bundle):
        return "tvtime"
    if trakt.looks_like(bundle):
        return "trakt"
    if seriesguide.looks_like(bundle):
        return "seriesguide"
    if showly.looks_like(bundle):
        return "showly"
    candidates = [n for n in bundle.names() if n.lower().endswith((".json", ".csv"))]
    if len(bundle.names()) == 1:
        candidates = bundle.names()
    for name in candidates[:20]:
        found = _sniff(bundle, name)
        if found:
            return found
    raise HistoryFileError(
        f"{bundle.origin} is not an export episodetui knows (TV Time, Trakt, SeriesGuide,"
        " Showly, Yamtrack or episodetui); name the source with --from if it is one"
    )


def _sniff(bundle: Bundle, name: str) -> str | None:
    head = bundle.read_bytes(name)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] == b"{" and b'"episodetui-library"' in head:
        return "episodetui"  # read show by show by the export's own reader
    if head[:1] in (b"[", b"{"):
        data = bundle.read_json(name)
        if isinstance(data, dict) and data.get("format") == "episodetui-library":
            return "episodetui"
        if showly.looks_like_document(data):
            return "showly"
        if seriesguide.looks_like_items(data):
            return "seriesguide"
        if trakt.looks_like_items(data):
            return "trakt"
        return None
    first_line = bundle.read_text(name).split("\n", 1)[0]
    header = set(next(iter(load_csv(first_line + "\n" + first_line, name)), {}).keys())
    if yamtrack.looks_like_rows(header):
        return "yamtrack"
    if tvtime.looks_like_rows(header):
        return "tvtime"
    if any(h.startswith(("show.", "episode.")) for h in header) and "watched_at" in header | {"rated_at"}:
        return "trakt"
    return None


def read_history(
    path: Path, source: str | None = None, password: bytes | None = None
) -> tuple[Bundle, str, History | None]:
    """Open what the user pointed at, find its source, and read it into a `History`.

    For an episodetui export the history is None: the caller merges the document itself.
    """
    if source is not None and source not in SOURCES:
        raise HistoryFileError(f"unknown source {source!r}: use one of {', '.join(SOURCES)}")
    bundle = open_bundle(path, password)
    found = source or detect(bundle)
    if found == "episodetui":
        return bundle, found, None
    return bundle, found, read_from_bundle(bundle, found)


def read_from_bundle(bundle: Bundle, source: str) -> History:
    history = READERS[source](bundle)
    for show in history.shows:
        merge_same_moment(show)
    if not history.shows and not history.skipped:
        raise HistoryFileError(
            f"{bundle.origin} holds no shows or episodes episodetui can read as {NAMES[source]}"
        )
    return history


def merge_same_moment(show: HistoryShow) -> None:
    """Plays of one episode less than a minute apart are one play (two tables of one
    export often record the same check-in)."""
    from datetime import datetime

    for episode in show.episodes:
        timed = sorted((p for p in episode.plays if p.watched_at), key=lambda p: p.watched_at or "")
        kept = []
        last: datetime | None = None
        for play in timed:
            moment = datetime.fromisoformat(play.watched_at or "")
            if last is not None and (moment - last).total_seconds() <= SAME_MOMENT_SECONDS:
                continue
            kept.append(play)
            last = moment
        episode.plays = kept + [p for p in episode.plays if not p.watched_at]
