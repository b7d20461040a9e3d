"""The whole library as one versioned JSON document: export, and import that merges.

Export is lossless: every play (time, source, bulk, rewatch pass), rating, note and recap.
Import into an empty library gives the same document back. Import into a library that has
the shows already merges: plays are united by time, notes by text and timestamp, ratings
and recaps by which is newer (the recap that loses is kept as a private backup file in the
data folder). Importing the same document twice changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.models import (
    EXPORT_FORMAT,
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
from episodetui.core.store import KeyMoment, Library, Note
from episodetui.core.text import format_timestamp, title_key


def _note_doc(note: Note) -> NoteDoc:
    return NoteDoc(
        text=note.text,
        at=format_timestamp(note.at_seconds) or None,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


SAME_MOMENT_SECONDS = 60
RECAP_BACKUPS = "recap-backups"
# Version 1's watch summary is not written any more: every play is.
_NO_WATCH = {"episodes": {"__all__": {"watch"}}}


def _rating_doc(value: tuple[int, str, str] | None) -> RatingDoc | None:
    return RatingDoc(rating=value[0], rated_at=value[1], source=value[2]) if value else None


def export_library(library: Library) -> LibraryDoc:
    return LibraryDoc(settings=library.settings(), shows=list(_show_docs(library)))


def _show_docs(library: Library) -> Iterator[ShowDoc]:
    for show in library.raw_show_rows():
        notes_by_episode: dict[int | None, list[NoteDoc]] = {}
        for note in library.raw_notes(show["id"]):
            notes_by_episode.setdefault(note.episode_id, []).append(_note_doc(note))
        recaps = library.raw_recaps(show["id"])
        passes = library.execute(
            "SELECT id, started_at, ended_at FROM rewatch_passes WHERE show_id = ? ORDER BY started_at, id",
            (show["id"],),
        ).fetchall()
        pass_index = {row[0]: index for index, row in enumerate(passes)}
        ratings = library.ratings(show["id"])
        plays: dict[int, list[PlayDoc]] = {}
        for episode_id, watched_at, source, bulk, pass_id in library.execute(
            "SELECT p.episode_id, p.watched_at, p.source, p.bulk, p.pass_id FROM plays p"
            " JOIN episodes e ON e.id = p.episode_id WHERE e.show_id = ?"
            " ORDER BY p.watched_at IS NULL, p.watched_at, p.id",
            (show["id"],),
        ):
            plays.setdefault(episode_id, []).append(
                PlayDoc(watched_at=watched_at, source=source, bulk=bool(bulk), rewatch=pass_index.get(pass_id))
            )
        episodes = []
        for row in library.raw_episode_rows(show["id"]):
            recap = recaps.get(row["id"])
            episodes.append(
                EpisodeDoc(
                    season=row["season"],
                    number=row["number"],
                    title=row["title"],
                    air_date=row["air_date"],
                    runtime=row["runtime"],
                    synopsis=row["synopsis"],
                    external_id=row["external_id"],
                    airstamp=row["airstamp"],
                    delisted=bool(row["delisted"]),
                    plays=plays.get(row["id"], []),
                    rating=_rating_doc(ratings.get(row["id"])),
                    recap=RecapDoc(
                        title=recap.title,
                        text=recap.text,
                        source=recap.source,
                        added_at=recap.added_at,
                        key_moments=[
                            KeyMomentDoc(text=m.text, at=format_timestamp(m.at_seconds) or None)
                            for m in recap.key_moments
                        ],
                    )
                    if recap
                    else None,
                    notes=notes_by_episode.get(row["id"], []),
                )
            )
        yield ShowDoc(
            title=show["title"],
            year=show["year"],
            network=show["network"],
            status=show["status"],
            synopsis=show["synopsis"],
            external_ids=json.loads(show["external_ids"]),
            spoiler_mode=show["spoiler_mode"],
            count_specials=bool(show["count_specials"]),
            added_at=show["added_at"],
            rating=_rating_doc(ratings.get(None)),
            rewatch_passes=[RewatchPassDoc(started_at=r[1], ended_at=r[2]) for r in passes],
            notes=notes_by_episode.get(None, []),
            episodes=episodes,
        )


def dump_document(doc: LibraryDoc) -> str:
    return doc.model_dump_json(indent=2, exclude={"shows": {"__all__": _NO_WATCH}}) + "\n"


def export_chunks(library: Library) -> Iterator[str]:
    """The export document, show by show: the same text as `dump_document`, without
    holding every show's models in memory at once."""
    head = LibraryDoc(settings=library.settings(), shows=[]).model_dump_json(indent=2)
    opening, _, closing = head.rpartition('"shows": []')
    yield opening + '"shows": ['
    for index, show in enumerate(_show_docs(library)):
        text = show.model_dump_json(indent=2, exclude=_NO_WATCH).replace("\n", "\n    ")
        yield ("," if index else "") + "\n    " + text
    yield ("\n  ]" if library.show_count() else "]") + closing + "\n"


class ExportReader:
    """An export document read show by show.

    `settings` is ready at once; `shows()` validates one show at a time, so importing a
    40 MiB export of a big library holds the text and one show, not every show's models.
    """

    def __init__(self, data: str | bytes, origin: str = "the import"):
        self.origin = origin
        try:
            self._text = data if isinstance(data, str) else data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise EpisodeTuiError(f"{origin} is not UTF-8 text, so not an episodetui export") from None
        self._decoder = json.JSONDecoder()
        self._head: dict[str, object] = {}
        self._shows_at: int | None = None
        self._read_head()
        self.settings = self._validate(LibraryDoc, {**self._head, "shows": []}).settings

    def _fail(self, problem: str) -> EpisodeTuiError:
        return EpisodeTuiError(f"{self.origin} {problem}")

    def _skip_space(self, at: int) -> int:
        while at < len(self._text) and self._text[at] in " \t\r\n":
            at += 1
        return at

    def _expect(self, at: int, char: str) -> int:
        at = self._skip_space(at)
        if not self._text.startswith(char, at):
            raise self._fail("is not an episodetui library export (its JSON is not the export's shape)")
        return at + 1

    def _value(self, at: int) -> tuple[object, int]:
        try:
            return self._decoder.raw_decode(self._text, self._skip_space(at))
        except json.JSONDecodeError as error:
            raise self._fail(f"is not valid JSON: {error}") from None
        except RecursionError:
            raise self._fail("is nested too deeply to be a library export") from None
        except ValueError as error:  # an integer of thousands of digits
            raise self._fail(f"is not a library export: {error}") from None

    def _read_head(self) -> None:
        """Read the top-level keys up to the shows array, which is left for later."""
        if '"episodetui-library"' not in self._text[:4096]:
            if not self._text.lstrip()[:1] in ("{", "["):
                raise self._fail("is not JSON, nor an episodetui library export")
            raise self._fail("is not an episodetui library export")
        at = self._expect(0, "{")
        while True:
            at = self._skip_space(at)
            if self._text.startswith("}", at):
                break
            key, at = self._value(at)
            at = self._expect(at, ":")
            if key == "shows":
                self._shows_at = self._expect(at, "[")
                break
            value, at = self._value(at)
            self._head[str(key)] = value
            at = self._skip_space(at)
            if self._text.startswith(",", at):
                at += 1
        if self._head.get("format") != EXPORT_FORMAT:
            raise self._fail("is not an episodetui library export")

    def shows(self) -> Iterator[ShowDoc]:
        at = self._shows_at
        if at is None:
            return
        index = 0
        while True:
            at = self._skip_space(at)
            if self._text.startswith("]", at):
                return
            raw, at = self._value(at)
            yield self._validate(ShowDoc, raw, f"shows.{index}.")
            index += 1
            at = self._skip_space(at)
            if self._text.startswith(",", at):
                at += 1
            elif not self._text.startswith("]", at):
                raise self._fail("is not valid JSON: expected , or ] after a show")

    def _validate(self, model, raw: object, prefix: str = ""):  # type: ignore[no-untyped-def]
        try:
            return model.model_validate(raw)
        except ValidationError as error:
            first = error.errors()[0]
            where = prefix + ".".join(str(part) for part in first["loc"])
            raise self._fail(
                f"is malformed at {where}: {first['msg']}"
                + (f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else "")
            ) from None


def parse_document(data: str | bytes, origin: str = "the import") -> LibraryDoc:
    """The whole export as one document (small exports, tests)."""
    reader = ExportReader(data, origin)
    return LibraryDoc(settings=reader.settings, shows=list(reader.shows()))


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
        return any((self.shows_added, self.episodes_added, self.plays_added, self.notes_added,
                    self.recaps_added, self.recaps_replaced, self.ratings_set))

    def describe(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        if not self.changed:
            return f"Nothing new: {n(self.shows, 'show')} already in the library as in the export."
        parts = [f"{n(self.shows_added, 'new show')}, {n(self.shows_merged, 'show')} merged"]
        for count, word in ((self.episodes_added, "episode"), (self.plays_added, "play"), (self.notes_added, "note"),
                            (self.recaps_added, "recap"), (self.ratings_set, "rating")):
            if count:
                parts.append(f"{n(count, word)} added" if word != "rating" else f"{n(count, word)} set")
        if self.recaps_replaced or self.recaps_kept:
            parts.append(f"{self.recaps_replaced + self.recaps_kept} recaps differed (the newer kept, the other backed up)")
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
        for show in shows:
            existing = _existing_show(library, show)
            if existing is None:
                _add_show(library, show)
                report.shows_added += 1
                report.plays_added += sum(len(_plays(e)) for e in show.episodes)
                report.episodes_added += len(show.episodes)
                report.notes_added += len(show.notes) + sum(len(e.notes) for e in show.episodes)
                report.recaps_added += sum(1 for e in show.episodes if e.recap)
                report.ratings_set += int(show.rating is not None) + sum(1 for e in show.episodes if e.rating)
            else:
                _merge_show(library, existing, show, report, dry_run)
                report.shows_merged += 1
        if dry_run:
            raise _DryRun


def _existing_show(library: Library, show: ShowDoc) -> int | None:
    index = library.show_index()
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


def _add_show(library: Library, show: ShowDoc) -> None:
    cursor = library.execute(
        "INSERT INTO shows(title, title_key, year, network, status, synopsis, external_ids,"
        " spoiler_mode, count_specials, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (show.title, title_key(show.title), show.year, show.network, show.status, show.synopsis,
         json.dumps(show.external_ids, sort_keys=True), show.spoiler_mode, int(show.count_specials), show.added_at),
    )
    show_id = int(cursor.lastrowid or 0)
    pass_ids = _add_passes(library, show_id, show.rewatch_passes)
    _add_notes(library, show_id, None, show.notes)
    if show.rating:
        _set_rating(library, show_id, None, show.rating)
    for episode in show.episodes:
        episode_id = _add_episode(library, show_id, show.title, episode)
        _add_plays(library, episode_id, _plays(episode), pass_ids)
        if episode.recap:
            _set_recap(library, episode_id, episode.recap)
        if episode.rating:
            _set_rating(library, show_id, episode_id, episode.rating)
        _add_notes(library, show_id, episode_id, episode.notes)


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
            episode_id = _add_episode(library, show_id, show.title, episode)
            report.episodes_added += 1
        report.plays_added += _merge_plays(library, episode_id, _plays(episode), pass_ids)
        if episode.recap:
            _merge_recap(library, show.title, episode, episode_id, report, dry_run)
        if episode.rating:
            report.ratings_set += _set_rating(library, show_id, episode_id, episode.rating)
        report.notes_added += _merge_notes(library, show_id, episode_id, episode.notes)


def _add_episode(library: Library, show_id: int, show_title: str, episode: EpisodeDoc) -> int:
    try:
        cursor = library.execute(
            "INSERT INTO episodes(show_id, season, number, title, air_date, runtime, synopsis,"
            " external_id, airstamp, delisted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (show_id, episode.season, episode.number, episode.title, episode.air_date, episode.runtime,
             episode.synopsis, episode.external_id, episode.airstamp, int(episode.delisted)),
        )
    except Exception as error:  # sqlite3.IntegrityError: a duplicated episode
        raise EpisodeTuiError(
            f"{show_title}: episode S{episode.season:02d}E{episode.number:02d} appears twice"
        ) from error
    return int(cursor.lastrowid or 0)


def _add_passes(library: Library, show_id: int, passes: list[RewatchPassDoc]) -> list[int]:
    ids = []
    for rewatch in passes:
        cursor = library.execute(
            "INSERT INTO rewatch_passes(show_id, started_at, ended_at) VALUES (?, ?, ?)",
            (show_id, rewatch.started_at, rewatch.ended_at),
        )
        ids.append(int(cursor.lastrowid or 0))
    return ids


def _merge_passes(library: Library, show_id: int, passes: list[RewatchPassDoc]) -> list[int]:
    known = {row[1]: row[0] for row in library.execute(
        "SELECT id, started_at FROM rewatch_passes WHERE show_id = ?", (show_id,))}
    ids = []
    for rewatch in passes:
        if rewatch.started_at in known:
            ids.append(known[rewatch.started_at])
        else:
            ids.extend(_add_passes(library, show_id, [rewatch]))
    return ids


def _add_plays(library: Library, episode_id: int, plays: list[PlayDoc], pass_ids: list[int]) -> None:
    library.execute_many(
        "INSERT INTO plays(episode_id, watched_at, source, bulk, pass_id) VALUES (?, ?, ?, ?, ?)",
        [(episode_id, p.watched_at, p.source, int(p.bulk), _pass(pass_ids, p.rewatch)) for p in plays],
    )


def _pass(pass_ids: list[int], index: int | None) -> int | None:
    return pass_ids[index] if index is not None and 0 <= index < len(pass_ids) else None


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _merge_plays(library: Library, episode_id: int, plays: list[PlayDoc], pass_ids: list[int]) -> int:
    """The union by time: a play within a minute of one the episode has is that play;
    plays of unknown time are added up to as many as the document has."""
    existing = [row[0] for row in library.execute("SELECT watched_at FROM plays WHERE episode_id = ?", (episode_id,))]
    moments = [m for m in (_moment(t) for t in existing if t) if m is not None]
    unknown_here = sum(1 for t in existing if t is None)
    new: list[PlayDoc] = []
    for play in plays:
        if play.watched_at is None:
            continue
        moment = _moment(play.watched_at)
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
    return library._merge_rating(show_id, episode_id, rating.rating, rating.rated_at, rating.source)


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
        title=recap.title, text=recap.text, source=recap.source, added_at=recap.added_at,
        key_moments=[KeyMomentDoc(text=m.text, at=format_timestamp(m.at_seconds) or None) for m in recap.key_moments],
    )


def _merge_recap(
    library: Library, show_title: str, episode: EpisodeDoc, episode_id: int, report: MergeReport, dry_run: bool
) -> None:
    assert episode.recap is not None
    local = _recap_doc(library, episode_id)
    if local is None:
        _set_recap(library, episode_id, episode.recap)
        report.recaps_added += 1
        return
    if (local.title, local.text, local.key_moments) == (episode.recap.title, episode.recap.text, episode.recap.key_moments):
        return
    code = f"S{episode.season:02d}E{episode.number:02d}"
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
    text = json.dumps({"show": show_title, "episode": code, "recap": recap.model_dump()}, indent=2, ensure_ascii=False)
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
    library.execute_many(
        "INSERT INTO notes(show_id, episode_id, body, at_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [(show_id, episode_id, n.text, n.at_seconds, n.created_at, n.updated_at) for n in notes],
    )


def _merge_notes(library: Library, show_id: int, episode_id: int | None, notes: list[NoteDoc]) -> int:
    known = {
        (row[0], row[1])
        for row in library.execute(
            "SELECT body, at_seconds FROM notes WHERE show_id = ? AND episode_id IS ?", (show_id, episode_id)
        )
    }
    new = [n for n in notes if (n.text, n.at_seconds) not in known]
    _add_notes(library, show_id, episode_id, new)
    return len(new)
