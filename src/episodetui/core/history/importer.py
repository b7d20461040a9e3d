"""Importing a history into the library: find each show (in the library, on TVmaze, or
make it by hand), then merge, one transaction per show. `prepare` does the matching (the
slow, networked part); `apply` writes, or with `dry_run` computes the exact same report and
rolls everything back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field

from episodetui.core.history.matching import Match, Matcher, Progress, match_all
from episodetui.core.history.model import History, HistoryShow
from episodetui.core.store import Library
from episodetui.core.store.history import ID_KINDS, MergeCounts
from episodetui.core.text import plural, title_key

BY_HAND = "by hand (not linked to TVmaze)"
IN_LIBRARY = "already in the library"


@dataclass
class Prepared:
    history: History
    library_ids: dict[int, int]  # history show index -> library show id
    matches: dict[int, Match]  # history show index -> TVmaze match
    offline_reason: str | None = None  # why TVmaze was not (fully) asked
    calls: int = 0


@dataclass
class ShowOutcome:
    title: str
    how: str
    counts: MergeCounts


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    shows: list[ShowOutcome] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    offline_reason: str | None = None
    calls: int = 0

    @property
    def totals(self) -> MergeCounts:
        total = MergeCounts()
        for show in self.shows:
            total.add(show.counts)
        return total

    def lines(self) -> list[str]:
        return report_lines(self)


def local_match(library: Library, show: HistoryShow, index: dict[str, int]) -> int | None:
    for kind in ID_KINDS:
        value = show.ids.get(kind)
        if value and f"{kind}:{value}" in index:
            return index[f"{kind}:{value}"]
    key = title_key(show.title)
    if show.year and f"title:{key}:{show.year}" in index:
        return index[f"title:{key}:{show.year}"]
    found = index.get(f"title:{key}")
    if found is not None and show.year:
        # Same title, years far apart: a remake or a namesake, not this show.
        year = library.show(found).year
        if year and abs(year - show.year) > 1:
            return None
    return found


def prepare(
    library: Library, history: History, matcher: Matcher | None, progress: Progress | None = None
) -> Prepared:
    """Match every show: the library first, then TVmaze (unless `matcher` is None)."""
    index = library.show_index()
    library_ids: dict[int, int] = {}
    for position, show in enumerate(history.shows):
        found = local_match(library, show, index)
        if found is not None:
            library_ids[position] = found
    prepared = Prepared(history, library_ids, {})
    pending = [(i, s) for i, s in enumerate(history.shows) if i not in library_ids]
    if matcher is None:
        prepared.offline_reason = "offline: shows not in the library are made by hand"
        return prepared
    start = matcher.limiter.count
    matched, error = match_all(matcher, [s for _, s in pending], progress)
    prepared.calls = matcher.limiter.count - start
    for local_position, match in matched.items():
        position = pending[local_position][0]
        existing = index.get(f"tvmaze:{match.info.id}")
        if existing is not None:
            library_ids[position] = existing
        else:
            prepared.matches[position] = match
    if error:
        prepared.offline_reason = f"{error}; the shows TVmaze did not answer for are made by hand"
    return prepared


class _DryRun(Exception):
    pass


def apply(
    library: Library,
    prepared: Prepared,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportReport:
    history = prepared.history
    report = ImportReport(
        history.source,
        dry_run,
        skipped=history.skipped_counts(),
        offline_reason=prepared.offline_reason,
        calls=prepared.calls,
    )
    made: dict[int, int] = {}  # TVmaze id -> show made by this import (two rows, one show)
    try:
        with library.transaction() if dry_run else nullcontext():
            for position, show in enumerate(history.shows):
                if progress:
                    progress(position, len(history.shows), show.title)
                with library.transaction():
                    report.shows.append(_apply_show(library, prepared, position, show, made))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    if progress:
        progress(len(history.shows), len(history.shows), "")
    return report


def _apply_show(
    library: Library, prepared: Prepared, position: int, show: HistoryShow, made: dict[int, int]
) -> ShowOutcome:
    match = prepared.matches.get(position)
    if position in prepared.library_ids:
        show_id, how = prepared.library_ids[position], IN_LIBRARY
    elif match is not None and match.info.id in made:
        show_id, how = made[match.info.id], f"matched on TVmaze by {match.by}"
    elif match is not None:
        show_id = library.create_imported_show(
            show.title, year=show.year, ids=show.ids, info=match.info, facts=match.facts
        )
        made[match.info.id] = show_id
        how = f"matched on TVmaze by {match.by}"
    else:
        show_id = library.create_imported_show(show.title, year=show.year, ids=show.ids)
        how = BY_HAND
    library.add_show_ids(show_id, show.ids)
    counts = library.merge_history_show(show_id, show, prepared.history.source)
    return ShowOutcome(library.show(show_id).title, how, counts)


def report_lines(report: ImportReport) -> list[str]:
    total = report.totals
    verb = "would add" if report.dry_run else "added"
    hows = Counter(show.how for show in report.shows)
    lines = [
        f"{plural(len(report.shows), 'show')}: "
        + (", ".join(f"{count} {how}" for how, count in sorted(hows.items())) or "none"),
        f"{verb.capitalize()} {plural(total.episodes_added, 'episode')}, {plural(total.plays_added, 'play')}"
        f" and {plural(total.ratings_set, 'rating')}"
        + (f"; {plural(total.plays_merged, 'play')} already there" if total.plays_merged else "")
        + ".",
    ]
    if report.skipped:
        lines.append(
            "Skipped: "
            + ", ".join(f"{reason} {count:,}" for reason, count in sorted(report.skipped.items()))
            + "."
        )
    if report.calls:
        lines.append(f"TVmaze: {plural(report.calls, 'call')}.")
    if report.offline_reason:
        lines.append(report.offline_reason[:1].upper() + report.offline_reason[1:] + ".")
    return lines
