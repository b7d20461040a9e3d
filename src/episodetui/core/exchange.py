"""The whole library as one versioned JSON document: export, and import that merges.

Export is lossless: every play (time, source, bulk, rewatch pass), rating, note and recap.
Import into an empty library gives the same document back. Import into a library that has
the shows already merges: plays are united by time, notes by text and timestamp, ratings
and recaps by which is newer (the recap that loses is kept as a private backup file in the
data folder). Importing the same document twice changes nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.exchange_merge import RECAP_BACKUPS, MergeReport, backup_recap, import_library
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
from episodetui.core.store import Library, Note
from episodetui.core.text import format_timestamp


def _note_doc(note: Note) -> NoteDoc:
    return NoteDoc(
        text=note.text,
        at=format_timestamp(note.at_seconds) or None,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


# Version 1's watch summary is not written any more: every play is.
_Model = TypeVar("_Model", bound=BaseModel)
_NO_WATCH = {"episodes": {"__all__": {"watch"}}}


def _rating_doc(value: tuple[int, str, str] | None) -> RatingDoc | None:
    return RatingDoc(rating=value[0], rated_at=value[1], source=value[2]) if value else None


def export_library(library: Library, only_show_id: int | None = None) -> LibraryDoc:
    """The whole library, or (with `only_show_id`) one show and no settings."""
    if only_show_id is not None:
        return LibraryDoc(settings={}, shows=list(_show_docs(library, only_show_id)))
    return LibraryDoc(settings=library.settings(), shows=list(_show_docs(library)))


def _show_docs(library: Library, only_show_id: int | None = None) -> Iterator[ShowDoc]:
    for show in library.raw_show_rows():
        if only_show_id is not None and show["id"] != only_show_id:
            continue
        notes_by_episode: dict[int | None, list[NoteDoc]] = {}
        for note in library.raw_notes(show["id"]):
            notes_by_episode.setdefault(note.episode_id, []).append(_note_doc(note))
        recaps = library.raw_recaps(show["id"])
        passes = library.raw_passes(show["id"])
        pass_index = {pass_id: index for index, (pass_id, _, _) in enumerate(passes)}
        ratings = library.ratings(show["id"])
        plays: dict[int, list[PlayDoc]] = {}
        for episode_id, watched_at, source, bulk, pass_id in library.raw_plays(show["id"]):
            plays.setdefault(episode_id, []).append(
                PlayDoc(
                    watched_at=watched_at,
                    source=source,
                    bulk=bulk,
                    rewatch=pass_index.get(pass_id) if pass_id else None,
                )
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
            if self._text.lstrip()[:1] not in ("{", "["):
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

    def _validate(self, model: type[_Model], raw: object, prefix: str = "") -> _Model:
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


__all__ = [
    "RECAP_BACKUPS",
    "ExportReader",
    "MergeReport",
    "backup_recap",
    "dump_document",
    "export_chunks",
    "export_library",
    "import_library",
    "parse_document",
]
