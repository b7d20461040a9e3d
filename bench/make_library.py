"""Build a synthetic library of realistic size for benchmarks.

    python bench/make_library.py --data-dir DIR --shows 1000 --episodes-per-show 60 \
        --notes 20000 --recaps 5000

One extra long-running show of --long-show episodes (default 1,100) is added for the
"open a big show" figure. Text is generated, never copied from anywhere.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from episodetui.core.store import KeyMoment, Library

WORDS = (
    "harbour lantern keeper ferry signal orbit ledger ash garden wind tide letter crew "
    "station market night crossing photo song promise secret archive detective winter"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def build(
    data_dir: Path, shows: int, per_show: int, notes: int, recaps: int, long_show: int, seed: int = 7
) -> Library:
    rng = random.Random(seed)
    library = Library.open(data_dir)
    if library.show_count():
        sys.exit(f"{data_dir} already holds a library; give an empty folder")
    today = datetime.now(UTC).date()
    with library.transaction() as db:
        show_ids = []
        for index in range(shows):
            seasons = max(1, per_show // 12)
            counts = [per_show // seasons] * seasons
            counts[-1] += per_show - sum(counts)
            show = library.add_show(f"{sentence(rng, 2)[:-1]} {index:04d}", counts, year=1990 + index % 36)
            show_ids.append(show.id)
        if long_show:
            long = library.add_show("The Long Case Files", [long_show // 25] * 25, year=1996)
            show_ids.append(long.id)
        episode_rows = db.execute("SELECT id, show_id, season, number FROM episodes").fetchall()
        db.executemany(
            "UPDATE episodes SET title = ?, air_date = ?, runtime = 45 WHERE id = ?",
            [
                (
                    sentence(rng, 3)[:-1],
                    (today - timedelta(days=9000 - season * 300 - number)).isoformat(),
                    eid,
                )
                for eid, _, season, number in episode_rows
            ],
        )
        # Watch a prefix of most shows so progress and "next" vary.
        by_show: dict[int, list[int]] = {}
        for eid, show_id, _, _ in sorted(episode_rows, key=lambda r: (r[1], r[2], r[3])):
            by_show.setdefault(show_id, []).append(eid)
        now = datetime.now(UTC)  # plays spread over two years, for the statistics
        latest = now.isoformat(timespec="seconds")
        plays = []
        for show_id, ids in by_show.items():
            for eid in ids[: rng.randint(0, len(ids))]:
                # The long show was watched last: it is the first row of the library.
                if long_show and show_id == show_ids[-1]:
                    when = latest
                else:
                    when = (now - timedelta(minutes=rng.randint(1, 2 * 365 * 24 * 60))).isoformat(
                        timespec="seconds"
                    )
                plays.append((eid, when))
        # Plays are the truth since schema v3; triggers keep `watches` in step.
        db.executemany("INSERT INTO plays(episode_id, watched_at, source) VALUES (?, ?, 'bench')", plays)
        for eid, _, _, _ in rng.sample(episode_rows, min(recaps, len(episode_rows))):
            paragraphs = "\n\n".join(sentence(rng, 40) for _ in range(5))
            library.set_recap(
                eid,
                paragraphs,
                title=sentence(rng, 6),
                source="bench",
                key_moments=[KeyMoment(sentence(rng, 15), rng.randint(0, 3600)) for _ in range(2)],
            )
        for _ in range(notes):
            eid, show_id, _, _ = rng.choice(episode_rows)
            library.add_note(show_id, sentence(rng, 12), episode_id=eid, at_seconds=rng.randint(0, 3600))
    return library


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--shows", type=int, default=1000)
    parser.add_argument("--episodes-per-show", type=int, default=60)
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--recaps", type=int, default=5000)
    parser.add_argument("--long-show", type=int, default=1100)
    args = parser.parse_args()
    started = time.perf_counter()
    library = build(
        args.data_dir, args.shows, args.episodes_per_show, args.notes, args.recaps, args.long_show
    )
    with library.transaction() as db:
        counts = {
            table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("shows", "episodes", "notes", "recaps")
        }
    print(f"built {counts} in {time.perf_counter() - started:.1f}s at {args.data_dir}")


if __name__ == "__main__":
    main()
