"""How long importing a big TV Time export takes, offline.

    python bench/history_import.py [--shows 300] [--plays 20000] [--repeat 3]

Writes a synthetic GDPR export (gdpr-data/tracking-prod-records-v2.csv with shuffled
columns, rewatch and bulk rows, plus followed_tv_show.csv) to a temporary folder, then
times reading it, planning and importing it into an empty library with --offline (shows
made by hand), and a second import of the same file (which must add nothing). With TVmaze
matching, the time is bounded by TVmaze's limit instead: 20 calls per 10 seconds, and a
show found by its TheTVDB id costs three (the lookup, its redirect to the show, the
episodes), so 300 shows take about seven and a half minutes; the progress bar counts them.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from episodetui.core.history import importer
from episodetui.core.history.detect import read_history
from episodetui.core.store import Library

COLUMNS = [
    "series_name",
    "gsi",
    "created_at",
    "key",
    "user_id",
    "bulk_type",
    "season_number",
    "episode_number",
    "s_id",
    "ep_id",
    "episode_id",
    "uuid",
    "s_no",
    "ep_no",
    "is_unitary",
    "runtime",
    "updated_at",
]


def write_export(folder: Path, shows: int, plays: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    data = folder / "gdpr-data"
    data.mkdir(parents=True)
    start = datetime(2015, 1, 1, tzinfo=UTC)
    rows = []
    for show in range(shows):
        per_show = plays // shows + (1 if show < plays % shows else 0)
        name, tvdb, uuid = f"Synthetic Show {show:03d}", 300000 + show, f"u-{show:04d}"
        rows.append(
            {
                "series_name": name,
                "key": f"user-series-{uuid}",
                "s_id": tvdb,
                "uuid": uuid,
                "is_unitary": "false",
                "created_at": start.strftime("%Y-%m-%d %H:%M:%S"),
            }
        )
        moment = start + timedelta(days=rng.randrange(3000))
        slot = -1
        for index in range(per_show):
            rewatch = index % 25 == 24  # the episode before, watched again
            slot += 0 if rewatch else 1
            season, number = divmod(slot, 20)
            moment += timedelta(minutes=rng.randrange(30, 3000))
            bulk = "season" if index % 40 == 3 else ""
            stamp = moment.strftime("%Y-%m-%d %H:%M:%S")
            key = f"{'re' if rewatch else ''}watch-episode-{uuid}-{index}"
            rows.append(
                {
                    "series_name": name,
                    "gsi": f"watch-episode-{int(moment.timestamp())}" if index % 3 == 0 else "",
                    "created_at": stamp,
                    "updated_at": stamp,
                    "key": key,
                    "user_id": "42",
                    "bulk_type": bulk,
                    "season_number": season + 1,
                    "episode_number": number + 1,
                    "s_id": tvdb,
                    "ep_id": 5_000_000 + show * 1000 + index,
                    "episode_id": 5_000_000 + show * 1000 + index,
                    "uuid": uuid,
                    "s_no": season + 1,
                    "ep_no": number + 1,
                    "is_unitary": "false",
                    "runtime": 2700,
                }
            )
    rng.shuffle(rows)
    with (data / "tracking-prod-records-v2.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with (data / "followed_tv_show.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["user_id", "tv_show_name", "tv_show_id", "created_at", "archived", "active"])
        for show in range(shows):
            writer.writerow(["42", f"Synthetic Show {show:03d}", 300000 + show, "2015-01-01 00:00:00", 0, 1])


def run_once(export: Path, library_dir: Path) -> tuple[float, float, importer.ImportReport]:
    library = Library.open(library_dir)
    try:
        started = time.perf_counter()
        _, _, history = read_history(export)
        report = importer.apply(library, importer.prepare(library, history, None))
        first = time.perf_counter() - started
        started = time.perf_counter()
        _, _, history = read_history(export)
        again = importer.apply(library, importer.prepare(library, history, None))
        second = time.perf_counter() - started
        assert again.totals.plays_added == 0, "a second import must add nothing"
        return first, second, report
    finally:
        library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shows", type=int, default=300)
    parser.add_argument("--plays", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export"
        write_export(export, args.shows, args.plays)
        firsts, seconds = [], []
        for attempt in range(args.repeat):
            first, second, report = run_once(export, Path(folder) / f"library-{attempt}")
            firsts.append(first)
            seconds.append(second)
        print("\n".join(report.lines()))
        print(
            f"import of {args.shows} shows / {report.totals.plays_added:,} plays, offline: "
            f"{statistics.median(firsts):.2f} s (median of {args.repeat})"
        )
        print(f"the same file again (nothing added): {statistics.median(seconds):.2f} s")


if __name__ == "__main__":
    main()
