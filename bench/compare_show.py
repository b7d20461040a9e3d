"""Two versions of episodetui side by side on the show screen, as bench/interact.py times them.

    python bench/compare_show.py --data-dir DIR before=/path/to/old/src now=src [--rounds 3]

Each NAME=SRC is a source tree (its `src` folder: `git archive REV src | tar -x -C DIR`
makes one). Round after round, the bare Textual app and each version take turns: a fresh
process, its first frame, a second's pause, then the first Enter on the 1,100-episode
show (nothing built for it yet), three times `w`, Escape (back to the library, its row
changed) and Enter (open again), and
twice `W` on the last episode confirmed with y (then z). Each figure is the median over
the rounds, as a ratio to the bare app's keypress in the same rounds [min-max].
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import interact  # noqa: E402

PHASES = ("first", "again", "w", "back", "W")


def _one_round(name: str, src: str | None, data_dir: Path, times: dict[tuple[str, str], list[float]]) -> None:
    if src is None:
        os.environ.pop("PYTHONPATH", None)
        terminal = interact.Terminal(interact.bare_argv())
        terminal.wait_for(lambda t: "bare app ready" in t, "the bare app")
    else:
        os.environ["PYTHONPATH"] = src  # before the editable install's path
        work = Path(tempfile.mkdtemp(prefix="episodetui-compare-"))
        subprocess.run(["cp", str(data_dir / "library.sqlite3"), str(work)], check=True)
        terminal = interact.Terminal(interact.app_argv(work))
        terminal.wait_for(interact.library_drawn, "the library")
    time.sleep(1.0)  # a person reads the screen before pressing a key
    presses = [0]

    def press(phase: str | None, key: str, done, what: str) -> float:  # type: ignore[no-untyped-def]
        if src is None:
            presses[0] += 1
            done = lambda t, n=presses[0]: f"pressed {n}:" in t  # noqa: E731
        took = terminal.press(key, done, what)
        if phase is not None:
            times.setdefault((name, phase), []).append(took)
        return took

    def changed(before: str | None):  # type: ignore[no-untyped-def]
        return lambda t: interact.progress(t) not in (None, before)

    press("first", "enter", interact.show_drawn, "the first open")
    for _ in range(3):
        terminal.settle()
        press("w", "w", changed(interact.progress(terminal.text())), "w")
        terminal.settle()
        press("back", "escape", interact.library_drawn, "the library")
        press("again", "enter", interact.show_drawn, "the show again")
    for _ in range(2):
        if src is None:
            press("W", "y", None, "y")
            continue
        terminal.press("end", lambda t: True, "end")
        terminal.settle()
        terminal.press("W", lambda t: "through" in t and "?" in t, "the question")
        terminal.settle()
        press("W", "y", changed(interact.progress(terminal.text())), "W")
        terminal.settle()
        terminal.press("z", changed(interact.progress(terminal.text())), "undo")
    terminal.quit()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, required=True, help="a bench library (bench/make_library.py)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("versions", nargs="+", help="NAME=SRC: a name and a source tree")
    args = parser.parse_args()
    versions = [tuple(v.split("=", 1)) for v in args.versions]
    interact.ensure_library(args.data_dir)
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for name, src in [("bare", None), *versions]:
            _one_round(name, src, args.data_dir, times)
    for name, _ in versions:
        cells = []
        for phase in PHASES:
            ours, bare = times[(name, phase)], times[("bare", phase)]
            base = statistics.median(bare)
            cells.append(
                f"{phase} {statistics.median(ours) * 1000:.1f} ms {statistics.median(ours) / base:.2f}x"
                f" [{min(ours) / base:.1f}-{max(ours) / base:.1f}]"
            )
        print(f"{name:8} " + " | ".join(cells))
    print(
        "bare     " + " | ".join(f"{p} {statistics.median(times[('bare', p)]) * 1000:.1f} ms" for p in PHASES)
    )


if __name__ == "__main__":
    main()
