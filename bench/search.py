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

QUERIES = [
    "lantern keeper",
    "harbour",
    "secret archive",
    "winter crossing",
    "the long case",
    "zzz",
    "photo 0042",
]


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


async def in_app(data_dir: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Per keystroke in the TUI (pilot: key pressed, screen updated), beside a bare
    Textual app whose Input updates a label on each key, measured in the same run."""
    from textual.app import App
    from textual.widgets import Input, Label

    from episodetui.tui.app import EpisodeTuiApp
    from episodetui.tui.search_screen import SearchScreen

    class Bare(App[None]):
        def compose(self):
            yield Input()
            yield Label()

        def on_input_changed(self, event: Input.Changed) -> None:
            self.query_one(Label).update(event.value)

    async def typing(app, before) -> list[float]:
        times = []
        async with app.run_test(size=(120, 36)) as pilot:
            await before(pilot)
            for _ in range(repeat):
                for query in QUERIES:
                    for char in query:
                        started = time.perf_counter()
                        await pilot.press(char if char != " " else "space")
                        await pilot.pause()
                        times.append(time.perf_counter() - started)
                    for _ in query:
                        await pilot.press("backspace")
                    await pilot.pause()
        return times

    async def open_search(pilot) -> None:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)

    async def nothing(pilot) -> None:
        await pilot.pause()

    library = Library.open(data_dir)
    ours = await typing(EpisodeTuiApp(library), open_search)
    bare = await typing(Bare(), nothing)
    return ours, bare


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
    import asyncio

    ours, bare = asyncio.run(in_app(args.data_dir, 1))
    print(
        f"in the TUI, key to repainted results: median {statistics.median(ours) * 1000:5.1f} ms,"
        f" p95 {p95(ours) * 1000:5.1f} ms; a bare Textual Input: median {statistics.median(bare) * 1000:5.1f} ms"
        f" (ratio of medians {statistics.median(ours) / statistics.median(bare):.1f}x)"
    )


if __name__ == "__main__":
    main()
