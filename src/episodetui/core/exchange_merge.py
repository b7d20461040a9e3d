"""Merging an export into a library that may already have its shows: plays united by
time, notes by text and timestamp, ratings and recaps by which is newer (the recap that
loses is kept as a private backup file in the data folder). Twice changes nothing."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from episodetui.core.codes import format_episode_code
from episodetui.core.dates import parse_moment
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.models import (
    EpisodeDoc,
    KeyMomentDoc,
    LibraryDoc,
    NoteDoc,
    PlayDoc,
    RatingDoc,
    RecapDoc,
    RewatchPassDoc,
    ShowDoc,
)
from episodetui.core.store import KeyMoment, Library
from episodetui.core.text import format_timestamp, plural, title_key

if TYPE_CHECKING:
    from episodetui.core.exchange import ExportReader

SAME_MOMENT_SECONDS = 60
RECAP_BACKUPS = "recap-backups"


@dataclass
class MergeReport:
    shows_added: int = 0
    shows_merged: int = 0
    episodes_added: int = 0
    plays_added: int = 0
    notes_added: int = 0
    recaps_added: int = 0
    recaps_replaced: int = 0
    recaps_kept: int = 0
    ratings_set: int = 0

    @property
    def shows(self) -> int:
        return self.shows_added + self.shows_merged

    @property
    def changed(self) -> bool:
        return any(
            (
                self.shows_added,
                self.episodes_added,
                self.plays_added,
                self.notes_added,
                self.recaps_added,
                self.recaps_replaced,
                self.ratings_set,
            )
        )

    def describe(self) -> str:
        if not self.changed:
            return f"Nothing new: {plural(self.shows, 'show')} already in the library as in the export."
        parts = [f"{plural(self.shows_added, 'new show')}, {plural(self.shows_merged, 'show')} merged"]
        for count, word in (
            (self.episodes_added, "episode"),
            (self.plays_added, "play"),
            (self.notes_added, "note"),
            (self.recaps_added, "recap"),
            (self.ratings_set, "rating"),
        ):
            if count:
                parts.append(
                    f"{plural(count, word)} added" if word != "rating" else f"{plural(count, word)} set"
                )
        if self.recaps_replaced or self.recaps_kept:
            parts.append(
                f"{self.recaps_replaced + self.recaps_kept} recaps differed (the newer kept, the other backed up)"
            )
        return "Imported: " + "; ".join(parts) + "."


class _DryRun(Exception):
    pass


def import_library(library: Library, doc: LibraryDoc | ExportReader, *, dry_run: bool = False) -> MergeReport:
    """Merge every show of the document into the library, in one transaction (rolled
    back with `dry_run`, which writes no recap backups either)."""
    report = MergeReport()
    try:
        _import(library, doc, report, dry_run)
    except _DryRun:
        pass
    return report


def _import(library: Library, doc: LibraryDoc | ExportReader, report: MergeReport, dry_run: bool) -> None:
    shows = doc.shows if isinstance(doc, LibraryDoc) else doc.shows()
    with library.transaction():
        current = library.settings()
        for key, value in doc.settings.items():
            if key not in current:
                library.set_setting(key, value)
        # Read once, not once per show (1,000 shows: 3 s); a show added joins it, a merge
        # (which may give a show new ids) reads it again.
        index = library.show_index()
        unindexed: list[int] = []  # new shows, indexed together (before any merge)
        for show in shows:
            existing = _existing_show(index, show)
            if existing is None:
                show_id = library.add_show_unindexed(partial(_add_show, library, show))
                unindexed.append(show_id)
                library.show_index(only=show_id, into=index)
                report.shows_added += 1
                report.plays_added += sum(len(_plays(e)) for e in show.episodes)
                report.episodes_added += len(show.episodes)
                report.notes_added += len(show.notes) + sum(len(e.notes) for e in show.episodes)
                report.recaps_added += sum(1 for e in show.episodes if e.recap)
                report.ratings_set += int(show.rating is not None) + sum(1 for e in show.episodes if e.rating)
            else:
                library.index_shows(unindexed)
                unindexed.clear()
                _merge_show(library, existing, show, report, dry_run)
                report.shows_merged += 1
                index = library.show_index()
        library.index_shows(unindexed)
        if dry_run:
            raise _DryRun


def _existing_show(index: dict[str, int], show: ShowDoc) -> int | None:
    tvmaze = show.external_ids.get("tvmaze")
    if tvmaze and f"tvmaze:{tvmaze}" in index:
        return index[f"tvmaze:{tvmaze}"]
    return index.get(f"title:{title_key(show.title)}")


def _plays(episode: EpisodeDoc) -> list[PlayDoc]:
    """Version 1 documents carry one watch summary: its first, unknown and last plays."""
    if episode.plays or episode.watch is None:
        return episode.plays
    watch = episode.watch
    times = [watch.first_watched_at] + [None] * (watch.plays - 2) + [watch.watched_at]
    return [PlayDoc(watched_at=t) for t in times[: watch.plays]]


def _add_show(library: Library, show: ShowDoc) -> int:
    show_id = library.insert_raw_show(
        {
            "title": show.title,
            "title_key": title_key(show.title),
            "year": show.year,
            "network": show.network,
            "status": show.status,
            "synopsis": show.synopsis,
            "external_ids": json.dumps(show.external_ids, sort_keys=True),
            "spoiler_mode": show.spoiler_mode,
            "count_specials": int(show.count_specials),
            "added_at": show.added_at,
        }
    )
    pass_ids = _add_passes(library, show_id, show.rewatch_passes)
    if show.rating:
        _set_rating(library, show_id, None, show.rating)
    # One statement per kind of row for the whole show, not one per episode.
    episode_ids = _add_episodes(library, show_id, show.title, show.episodes)
    library.insert_plays(
        (episode_id, *_play_row(play, pass_ids))
        for episode_id, episode in zip(episode_ids, show.episodes, strict=True)
        for play in _plays(episode)
    )
    library.insert_notes(
        show_id,
        [_note_row(None, note) for note in show.notes]
        + [
            _note_row(episode_id, note)
            for episode_id, episode in zip(episode_ids, show.episodes, strict=True)
            for note in episode.notes
        ],
    )
    for episode_id, episode in zip(episode_ids, show.episodes, strict=True):
        if episode.recap:
            _set_recap(library, episode_id, episode.recap)
        if episode.rating:
            _set_rating(library, show_id, episode_id, episode.rating)
    return show_id


def _merge_show(library: Library, show_id: int, show: ShowDoc, report: MergeReport, dry_run: bool) -> None:
    library.add_show_ids(show_id, show.external_ids)
    pass_ids = _merge_passes(library, show_id, show.rewatch_passes)
    rows = library.raw_episode_rows(show_id)
    by_external = {row["external_id"]: row["id"] for row in rows if row["external_id"]}
    by_slot = {(row["season"], row["number"]): row["id"] for row in rows}
    report.notes_added += _merge_notes(library, show_id, None, show.notes)
    if show.rating:
        report.ratings_set += _set_rating(library, show_id, None, show.rating)
    for episode in show.episodes:
        episode_id = by_external.get(episode.external_id) if episode.external_id else None
        episode_id = episode_id or by_slot.get((episode.season, episode.number))
        if episode_id is None:
            [episode_id] = _add_episodes(library, show_id, show.title, [episode])
            report.episodes_added += 1
        report.plays_added += _merge_plays(library, episode_id, _plays(episode), pass_ids)
        if episode.recap:
            _merge_recap(library, show.title, episode, episode_id, report, dry_run)
        if episode.rating:
            report.ratings_set += _set_rating(library, show_id, episode_id, episode.rating)
        report.notes_added += _merge_notes(library, show_id, episode_id, episode.notes)


def _add_episodes(library: Library, show_id: int, show_title: str, episodes: list[EpisodeDoc]) -> list[int]:
    ids = library.insert_raw_episodes(
        show_id,
        [
            {
                "season": episode.season,
                "number": episode.number,
                "title": episode.title,
                "air_date": episode.air_date,
                "runtime": episode.runtime,
                "synopsis": episode.synopsis,
                "external_id": episode.external_id,
                "airstamp": episode.airstamp,
                "delisted": int(episode.delisted),
            }
            for episode in episodes
        ],
    )
    if ids is None:
        slots = Counter((episode.season, episode.number) for episode in episodes)
        taken = [slot for slot, count in slots.items() if count > 1] or [
            (episodes[0].season, episodes[0].number)
        ]
        raise EpisodeTuiError(f"{show_title}: episode {format_episode_code(*taken[0])} appears twice")
    return ids


def _add_passes(library: Library, show_id: int, passes: list[RewatchPassDoc]) -> list[int]:
    return [library.insert_pass(show_id, rewatch.started_at, rewatch.ended_at) for rewatch in passes]


def _merge_passes(library: Library, show_id: int, passes: list[RewatchPassDoc]) -> list[int]:
    known = {started_at: pass_id for pass_id, started_at, _ in library.raw_passes(show_id)}
    ids = []
    for rewatch in passes:
        if rewatch.started_at in known:
            ids.append(known[rewatch.started_at])
        else:
            ids.extend(_add_passes(library, show_id, [rewatch]))
    return ids


def _add_plays(library: Library, episode_id: int, plays: list[PlayDoc], pass_ids: list[int]) -> None:
    library.insert_plays((episode_id, *_play_row(play, pass_ids)) for play in plays)


def _play_row(play: PlayDoc, pass_ids: list[int]) -> tuple[str | None, str, bool, int | None]:
    return play.watched_at, play.source, play.bulk, _pass(pass_ids, play.rewatch)


def _pass(pass_ids: list[int], index: int | None) -> int | None:
    return pass_ids[index] if index is not None and 0 <= index < len(pass_ids) else None


def _merge_plays(library: Library, episode_id: int, plays: list[PlayDoc], pass_ids: list[int]) -> int:
    """The union by time: a play within a minute of one the episode has is that play;
    plays of unknown time are added up to as many as the document has."""
    existing = library.play_times(episode_id)
    moments = [m for m in (parse_moment(t) for t in existing if t) if m is not None]
    unknown_here = sum(1 for t in existing if t is None)
    new: list[PlayDoc] = []
    for play in plays:
        if play.watched_at is None:
            continue
        moment = parse_moment(play.watched_at)
        if moment is None:
            if play.watched_at not in existing:
                new.append(play)
            continue
        if any(_close(moment, other) for other in moments):
            continue
        moments.append(moment)
        new.append(play)
    unknown = [p for p in plays if p.watched_at is None]
    new += unknown[unknown_here:]
    _add_plays(library, episode_id, new, pass_ids)
    return len(new)


def _close(one: datetime, other: datetime) -> bool:
    try:
        return abs((one - other).total_seconds()) <= SAME_MOMENT_SECONDS
    except TypeError:  # naive against aware: compare as written
        return one.replace(tzinfo=None) == other.replace(tzinfo=None)


def _set_rating(library: Library, show_id: int, episode_id: int | None, rating: RatingDoc) -> int:
    return library.merge_rating(show_id, episode_id, rating.rating, rating.rated_at, rating.source)


def _set_recap(library: Library, episode_id: int, recap: RecapDoc) -> None:
    library.set_recap(
        episode_id,
        recap.text,
        title=recap.title,
        source=recap.source,
        added_at=recap.added_at,
        key_moments=[KeyMoment(m.text, m.at_seconds) for m in recap.key_moments],
    )


def _recap_doc(library: Library, episode_id: int) -> RecapDoc | None:
    recap = library.raw_recap(episode_id)
    if recap is None:
        return None
    return RecapDoc(
        title=recap.title,
        text=recap.text,
        source=recap.source,
        added_at=recap.added_at,
        key_moments=[
            KeyMomentDoc(text=m.text, at=format_timestamp(m.at_seconds) or None) for m in recap.key_moments
        ],
    )


def _merge_recap(
    library: Library,
    show_title: str,
    episode: EpisodeDoc,
    episode_id: int,
    report: MergeReport,
    dry_run: bool,
) -> None:
    assert episode.recap is not None
    local = _recap_doc(library, episode_id)
    if local is None:
        _set_recap(library, episode_id, episode.recap)
        report.recaps_added += 1
        return
    if (local.title, local.text, local.key_moments) == (
        episode.recap.title,
        episode.recap.text,
        episode.recap.key_moments,
    ):
        return
    code = format_episode_code(episode.season, episode.number)
    if episode.recap.added_at > local.added_at:
        if not dry_run:
            backup_recap(library.data_dir, show_title, code, local)
        _set_recap(library, episode_id, episode.recap)
        report.recaps_replaced += 1
    elif dry_run or backup_recap(library.data_dir, show_title, code, episode.recap):
        report.recaps_kept += 1


def backup_recap(data_dir: Path, show_title: str, code: str, recap: RecapDoc) -> Path | None:
    """Keep a recap that lost a merge as a file only the user can read; named by its
    content, so the same recap is kept once. Returns the path when it is new."""
    text = json.dumps(
        {"show": show_title, "episode": code, "recap": recap.model_dump()}, indent=2, ensure_ascii=False
    )
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    folder = Path(data_dir) / RECAP_BACKUPS
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{code}-{digest}.json"
    if path.exists():
        return None
    from episodetui.core.files import write_atomic

    write_atomic(path, text + "\n")
    return path


def _add_notes(library: Library, show_id: int, episode_id: int | None, notes: list[NoteDoc]) -> None:
    library.insert_notes(show_id, [_note_row(episode_id, note) for note in notes])


def _note_row(episode_id: int | None, note: NoteDoc) -> tuple[int | None, str, int | None, str, str]:
    return episode_id, note.text, note.at_seconds, note.created_at, note.updated_at


def _merge_notes(library: Library, show_id: int, episode_id: int | None, notes: list[NoteDoc]) -> int:
    known = library.note_keys(show_id, episode_id)
    new = [n for n in notes if (n.text, n.at_seconds) not in known]
    _add_notes(library, show_id, episode_id, new)
    return len(new)
