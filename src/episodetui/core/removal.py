"""Removing a show or a recap, with a copy kept beside the library so a mistake can be
undone: a show as a one-show export (`episodetui import FILE` puts it back), a recap as
Markdown (`episodetui recap SHOW EPISODE FILE` puts it back)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.files import write_atomic
from episodetui.core.paths import ensure_private_dir
from episodetui.core.store import KeyMoment, Library
from episodetui.core.text import format_timestamp, plural

REMOVED_DIR = "removed"


@dataclass(frozen=True)
class ShowContents:
    """What goes with a show when it is removed."""

    episodes: int
    watched: int
    notes: int
    recaps: int

    def describe(self) -> str:
        parts = [plural(self.episodes, "episode")]
        parts.append(f"the watch history of {self.watched}" if self.watched else "no watch history")
        parts.append(plural(self.notes, "note"))
        parts.append(plural(self.recaps, "recap"))
        return ", ".join(parts[:-1]) + " and " + parts[-1]


def show_contents(library: Library, show_id: int) -> ShowContents:
    episodes = library.episodes(show_id)
    return ShowContents(
        episodes=len(episodes),
        watched=sum(1 for e in episodes if e.watched),
        notes=len(library.raw_notes(show_id)),
        recaps=sum(1 for e in episodes if e.has_recap),
    )


@dataclass(frozen=True)
class Removed:
    """A removal done: where its copy is and the command that puts it back."""

    copy: Path
    restore: str


def removed_dir(library: Library) -> Path:
    return library.path.parent / REMOVED_DIR


def remove_show(library: Library, show_id: int) -> Removed:
    """Write the show as a one-show export, then remove it (and all that is its own)."""
    from episodetui.core.exchange import dump_document, export_library

    show = library.show(show_id)
    doc = export_library(library, only_show_id=show_id)  # no settings: putting it back leaves today's alone
    copy = write_removed_copy(library, f"show {show.title}", ".json", dump_document(doc))
    library.delete_show(show_id)
    return Removed(copy, f"episodetui import {shlex.quote(str(copy))}")


def recap_markdown(title: str, text: str, key_moments: Sequence[KeyMoment]) -> str:
    """A recap as Markdown that the recap importer reads back: headline, body, moments."""
    parts = []
    if title:
        parts.append(f"# {title}")
    parts.append(text.strip())
    if key_moments:
        lines = ["## Key Moments", ""]
        for moment in key_moments:
            at = f"{format_timestamp(moment.at_seconds)} " if moment.at_seconds is not None else ""
            lines.append(f"- {at}{' '.join(moment.text.split())}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def remove_recap(library: Library, episode_id: int) -> Removed:
    """Write the recap as Markdown, then remove it with its key moments."""
    episode = library.episode(episode_id)
    show = library.show(episode.show_id)
    recap = library.raw_recap(episode_id)
    if recap is None:
        raise EpisodeTuiError(f"{show.title} {episode.code} has no recap")
    text = recap_markdown(recap.title, recap.text, recap.key_moments)
    copy = write_removed_copy(library, f"recap {show.title} {episode.code}", ".md", text)
    library.delete_recap(episode_id)
    restore = f"episodetui recap {shlex.quote(show.title)} {episode.code} {shlex.quote(str(copy))}"
    if recap.source:
        restore += f" --source {shlex.quote(recap.source)}"
    return Removed(copy, restore)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:60].rstrip("-") or "item"


def write_removed_copy(library: Library, name: str, suffix: str, text: str) -> Path:
    """Write `text` atomically (temp file, fsync, rename) to a new 0600 file in the
    data dir's removed/ folder; never overwrites an earlier copy."""
    folder = ensure_private_dir(removed_dir(library))
    stamp = re.sub(r"[^0-9T]", "", library.now()[:19])
    base = f"{stamp}-{_slug(name)}"
    target = folder / f"{base}{suffix}"
    counter = 2
    while target.exists():
        target = folder / f"{base}-{counter}{suffix}"
        counter += 1
    write_atomic(target, text)
    return target
