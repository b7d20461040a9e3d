"""What the statistics are made of: plays (the watch events, imported ones included),
grouped by day, show and kind in SQL. Days are the user's local days."""

from __future__ import annotations

from episodetui.core.store.db import Database

# A play's local day; plays of unknown time have none and count only in all-time totals.
_DAY = "date(p.watched_at, 'localtime')"


class StatsRoom(Database):
    def _period(self, year: int | None, column: str = "p.watched_at") -> tuple[str, dict[str, object]]:
        """The plays of a local calendar year, as a range of UTC times (an index range)."""
        if year is None:
            return "1 = 1", {}
        from datetime import UTC, datetime

        def utc(local_year: int) -> str:
            # A naive datetime is local time; astimezone() asks the system, DST included.
            return datetime(local_year, 1, 1).astimezone().astimezone(UTC).isoformat(timespec="seconds")

        return f"{column} >= :lo AND {column} < :hi", {"lo": utc(year), "hi": utc(year + 1)}

    def play_totals(self, year: int | None) -> tuple[int, int, int, int, int]:
        """(plays, minutes, plays without a runtime, rewatches, plays without a time).

        A rewatch is a play of an episode after its first: the plays of the period less
        the episodes first watched in it.
        """
        where, params = self._period(year)
        plays, minutes, no_runtime, no_time = self._db.execute(
            f"SELECT COUNT(*), COALESCE(SUM(e.runtime), 0), COALESCE(SUM(e.runtime IS NULL), 0),"
            f" COALESCE(SUM(p.watched_at IS NULL), 0)"
            f" FROM plays p JOIN episodes e ON e.id = p.episode_id WHERE {where}",
            params,
        ).fetchone()
        first_where, first_params = self._period(year, "w.first_watched_at")
        if year is None:
            first_where = "1 = 1"
        firsts = self._db.execute(
            f"SELECT COUNT(*) FROM watches w WHERE {first_where}", first_params
        ).fetchone()[0]
        if year is not None:
            firsts = min(firsts, plays)
        return plays, minutes, no_runtime, max(0, plays - firsts), no_time

    def plays_per_day(self, year: int | None) -> dict[str, int]:
        where, params = self._period(year)
        rows = self._db.execute(
            f"SELECT {_DAY} AS day, COUNT(*) FROM plays p WHERE p.watched_at IS NOT NULL AND {where}"
            " GROUP BY day ORDER BY day",
            params,
        )
        return {day: count for day, count in rows if day}

    def most_watched_shows(self, year: int | None, limit: int = 5) -> list[tuple[str, int, int]]:
        """(show title, plays, minutes), most plays first."""
        where, params = self._period(year)
        rows = self._db.execute(
            f"SELECT s.title, COUNT(*) AS plays, COALESCE(SUM(e.runtime), 0) FROM plays p"
            f" JOIN episodes e ON e.id = p.episode_id JOIN shows s ON s.id = e.show_id"
            f" WHERE {where} GROUP BY s.id ORDER BY plays DESC, s.title_key LIMIT :limit",
            params | {"limit": limit},
        )
        return [(title, plays, minutes) for title, plays, minutes in rows]

    def notes_written(self, year: int | None) -> int:
        if year is None:
            return int(self._db.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
        return int(
            self._db.execute(
                "SELECT COUNT(*) FROM notes WHERE date(created_at, 'localtime') BETWEEN ? AND ?",
                (f"{year:04d}-01-01", f"{year:04d}-12-31"),
            ).fetchone()[0]
        )

    def finished_rewatches(self, year: int | None) -> int:
        sql = "SELECT COUNT(*) FROM rewatch_passes WHERE ended_at IS NOT NULL"
        if year is None:
            return int(self._db.execute(sql).fetchone()[0])
        return int(
            self._db.execute(
                sql + " AND strftime('%Y', ended_at, 'localtime') = ?", (f"{year:04d}",)
            ).fetchone()[0]
        )

    def years_with_plays(self) -> list[int]:
        rows = self._db.execute(
            "SELECT DISTINCT strftime('%Y', watched_at, 'localtime') FROM plays WHERE watched_at IS NOT NULL"
        )
        return sorted(int(year) for (year,) in rows if year)
