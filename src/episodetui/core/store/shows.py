"""Shows: adding, finding, settings of one show, removing."""

from __future__ import annotations

import json
from collections.abc import Sequence

from episodetui.core.errors import Ambiguous, EpisodeTuiError, NotFound
from episodetui.core.spoilers import SpoilerMode
from episodetui.core.store.db import Database
from episodetui.core.store.records import Show
from episodetui.core.text import clean_line, clean_optional_line, clean_text, title_key


class ShowsRoom(Database):
    def add_show(
        self,
        title: str,
        episodes_per_season: Sequence[int] = (),
        *,
        first_season: int = 1,
        year: int | None = None,
        network: str | None = None,
        status: str | None = None,
        synopsis: str = "",
    ) -> Show:
        title = clean_line(title)
        if not title:
            raise EpisodeTuiError("a show needs a title")
        with self.transaction() as db:
            if self._show_id_by_key(title_key(title)) is not None:
                raise EpisodeTuiError(f"a show called {title!r} is already in the library")
            cursor = db.execute(
                "INSERT INTO shows(title, title_key, year, network, status, synopsis, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    title,
                    title_key(title),
                    year,
                    clean_optional_line(network),
                    clean_optional_line(status),
                    clean_text(synopsis),
                    self.now(),
                ),
            )
            show_id = int(cursor.lastrowid or 0)
            for offset, count in enumerate(episodes_per_season):
                self._insert_season(show_id, first_season + offset, count)
        return self.show(show_id)

    def add_season(self, show_id: int, season: int, episodes: int) -> int:
        """Add a season (or more episodes to one); returns how many episodes were new."""
        with self.transaction():
            return self._insert_season(show_id, season, episodes)

    def _insert_season(self, show_id: int, season: int, episodes: int) -> int:
        if season < 0 or episodes < 0:
            raise EpisodeTuiError("season and episode counts cannot be negative")
        if episodes > 5000:
            raise EpisodeTuiError(f"{episodes} episodes in one season is more than this allows")
        cursor = self._db.executemany(
            "INSERT OR IGNORE INTO episodes(show_id, season, number) VALUES (?, ?, ?)",
            [(show_id, season, number) for number in range(1, episodes + 1)],
        )
        return cursor.rowcount

    def _show_id_by_key(self, key: str) -> int | None:
        row = self._db.execute("SELECT id FROM shows WHERE title_key = ?", (key,)).fetchone()
        return row[0] if row else None

    def show(self, show_id: int) -> Show:
        row = self._db.execute(
            "SELECT id, title, year, network, status, synopsis, external_ids, spoiler_mode,"
            " count_specials, added_at FROM shows WHERE id = ?",
            (show_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no show with id {show_id}")
        return Show(
            id=row[0],
            title=row[1],
            year=row[2],
            network=row[3],
            status=row[4],
            synopsis=row[5],
            external_ids=json.loads(row[6]),
            spoiler_mode=SpoilerMode(row[7]) if row[7] else None,
            count_specials=bool(row[8]),
            added_at=row[9],
        )

    def find_show(self, name: str) -> Show:
        """A show by title: case-insensitive, exact or unique prefix."""
        key = title_key(name)
        if not key:
            raise EpisodeTuiError("name a show")
        exact = self._show_id_by_key(key)
        if exact is not None:
            return self.show(exact)
        rows = self._db.execute("SELECT id, title, title_key FROM shows").fetchall()
        prefixed = [(id_, title) for id_, title, k in rows if k.startswith(key)]
        if len(prefixed) == 1:
            return self.show(prefixed[0][0])
        if prefixed:
            names = ", ".join(sorted(title for _, title in prefixed))
            raise Ambiguous(f"{name!r} matches several shows: {names}")
        import difflib  # only needed for a typo, so not at start-up

        keys = {k: title for _, title, k in rows}
        close = [keys[k] for k in difflib.get_close_matches(key, list(keys), n=5, cutoff=0.5)]
        close += [t for _, t, k in rows if key in k and t not in close][: 5 - len(close)]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise NotFound(f"no show called {name!r} in the library{hint}")

    def set_show_spoiler_mode(self, show_id: int, mode: SpoilerMode | None) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE shows SET spoiler_mode = ? WHERE id = ?",
                (mode.value if mode else None, show_id),
            )

    def set_count_specials(self, show_id: int, count: bool) -> None:
        with self.transaction() as db:
            db.execute("UPDATE shows SET count_specials = ? WHERE id = ?", (int(count), show_id))

    def delete_show(self, show_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM shows WHERE id = ?", (show_id,))

    def show_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM shows").fetchone()[0])
