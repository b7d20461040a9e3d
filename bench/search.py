"""Search as you type on the benchmark library: time per keystroke of the core search.

    python bench/search.py --data-dir DIR [--repeat 5]

Types each query one character at a time, as the search screen does, and prints the
median and p95 time per keystroke (the spoiler filter, ranking, counting and snippets
included). Build DIR with bench/make_library.py first.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from episodetui.core.search import Searcher
from episodetui.core.store import Library
AS_YOU_TYPE_CAP = 1000  # as the search screen

QUERIES = ["lantern keeper", "harbour", "secret archive", "winter crossing", "the long case", "zzz", "photo 0042"]


def keystrokes(query: str) -> list[str]:
    return [query[: i + 1] for i in range(len(query))]


def measure(library: Library, repeat: int, strict: bool) -> list[float]:
    if strict:
        library.set_setting("spoiler_mode", "strict")
    searcher = Searcher(library)
    times = []
    try:
        for _ in range(repeat):
            for query in QUERIES:
                for typed in keystrokes(query):
                    started = time.perf_counter()
                    searcher.search(typed, cap=AS_YOU_TYPE_CAP)
                    times.append(time.perf_counter() - started)
    finally:
        if strict:
            library.set_setting("spoiler_mode", "recaps")
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    library = Library.open(args.data_dir)
    for strict in (False, True):
        times = measure(library, args.repeat, strict)
        label = "strict mode" if strict else "recaps mode"
        print(
            f"search per keystroke, {label}: median {statistics.median(times) * 1000:5.1f} ms,"
            f" p95 {p95(times) * 1000:5.1f} ms, max {max(times) * 1000:5.1f} ms"
            f" ({len(times)} keystrokes)"
        )


if __name__ == "__main__":
    main()
