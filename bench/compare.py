"""Two versions of episodetui side by side: search per keystroke and the statistics screen.

    python bench/compare.py --data-dir DIR --old REF [--repeat 5] [--only search,stats]

REF (a commit, branch or tag) is checked out with `git archive` into a temporary
directory and run from there; "new" is the working tree. Both run in pseudo-terminals as
in bench/interact.py (its Terminal and key timing), each on its own copy of the library,
beside the bare Textual app (bench/bare_app.py), the three taking turns key by key, old
and new swapping who goes first each time, so a busy machine weighs on all alike. Every
figure is a median and a ratio to the bare app's label update measured in the same run.

- search: ctrl+f, then each query of interact.SEARCH_QUERIES typed one key at a time,
  each key timed until the status line (the count of matches) changes.
- stats: the statistics screen (S) the first time since start (a fresh process, S pressed
  a second after the first frame, as a person would), and opened again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from interact import (
    KEYS,
    SEARCH_QUERIES,
    Terminal,
    app_argv,
    bare_argv,
    ensure_library,
    library_drawn,
    search_status,
)

HERE = Path(__file__).parent
EMPTY_SEARCH = "Unwatched recaps are never searched"


def checkout(ref: str) -> Path:
    """The `src` of `ref`, extracted into a temporary directory."""
    target = Path(tempfile.mkdtemp(prefix="episodetui-compare-"))
    archive = subprocess.run(
        ["git", "-C", str(HERE.parent), "archive", ref, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def version_argv(src: Path | None, data_dir: Path) -> list[str]:
    if src is None:
        return app_argv(data_dir)
    return ["env", f"PYTHONPATH={src}", *app_argv(data_dir)]


def library_copy(data_dir: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="episodetui-compare-run-"))
    shutil.copy(data_dir / "library.sqlite3", work)
    return work


def search(
    apps: dict[str, Terminal], bare: Terminal, repeat: int, count: list[int]
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in (*apps, "bare")}
    for app in apps.values():
        app.press("ctrl+f", lambda t: EMPTY_SEARCH in t, "the search screen")
    turn = 0
    for _ in range(repeat):
        for query in SEARCH_QUERIES:
            for length in range(1, len(query) + 1):
                key = query[length - 1]
                count[0] += 1
                times["bare"].append(bare.press(key, lambda t, n=count[0]: f"pressed {n}:" in t, "a key"))
                turn += 1
                for name in sorted(apps, reverse=bool(turn % 2)):
                    app = apps[name]
                    app.settle()
                    before = search_status(app.text())
                    times[name].append(
                        app.press(
                            key,
                            lambda t, before=before: search_status(t) not in (None, before),
                            f"{name}: the results of {query[:length]!r}",
                        )
                    )
            for app in apps.values():
                for _ in query:
                    os.write(app.fd, KEYS["backspace"])
                app.wait_for(lambda t: EMPTY_SEARCH in t, "the empty search")
    for app in apps.values():
        app.press("escape", library_drawn, "the library")
    return times


def stats(argvs: dict[str, list[str]], repeat: int, again: int, wait: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for run in range(repeat):
        count = 0  # a new bare app counts from 1
        bare = Terminal(bare_argv())
        bare.wait_for(lambda t: "bare app ready" in t, "the bare app")
        apps = {name: Terminal(argv) for name, argv in argvs.items()}
        for app in apps.values():
            app.wait_for(library_drawn, "the library")
        time.sleep(wait)  # a person reads the library before pressing S
        for visit in range(1 + again):
            count += 1
            times.setdefault("bare", []).append(bare.press("S", lambda t, n=count: f"pressed {n}:" in t, "S"))
            for name in sorted(apps, reverse=bool((run + visit) % 2)):
                label = f"{name} first" if visit == 0 else f"{name} again"
                times.setdefault(label, []).append(
                    apps[name].press("S", lambda t: "Episodes watched" in t, "the statistics")
                )
                apps[name].press("escape", library_drawn, "the library")
        for app in apps.values():
            app.quit()
        bare.quit()
    return times


def report(title: str, times: dict[str, list[float]], bare: list[float]) -> None:
    base = statistics.median(bare)
    print(f"\n{title} (bare Textual label update: median {base * 1000:.1f} ms over {len(bare)})")
    for name, values in times.items():
        if name == "bare":
            continue
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else median
        print(
            f"  {name:12} median {median * 1000:6.1f} ms = {median / base:5.2f}×"
            f"   p90 {p90 * 1000:6.1f} ms   ({len(values)} keys)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True, help="a bench library (built if empty)")
    parser.add_argument("--old", required=True, help="the git ref to compare the working tree with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="search,stats")
    parser.add_argument("--stats-wait", type=float, default=1.0, help="seconds from first frame to S")
    args = parser.parse_args()
    ensure_library(args.data_dir)
    old = checkout(args.old)
    only = set(args.only.split(","))
    if "search" in only:
        apps = {
            name: Terminal(version_argv(src, library_copy(args.data_dir)))
            for name, src in (("old", old), ("new", None))
        }
        bare = Terminal(bare_argv())
        for app in apps.values():
            app.wait_for(library_drawn, "the library")
        bare.wait_for(lambda t: "bare app ready" in t, "the bare app")
        time.sleep(1.0)
        times = search(apps, bare, args.repeat, [0])
        for app in apps.values():
            app.quit()
        bare.quit()
        report(f"search per keystroke, {args.old} (old) and the working tree (new)", times, times["bare"])
    if "stats" in only:
        argvs = {
            name: version_argv(src, library_copy(args.data_dir))
            for name, src in (("old", old), ("new", None))
        }
        times = stats(argvs, args.repeat, again=2, wait=args.stats_wait)
        report(
            f"the statistics screen (S), {args.old} (old) and the working tree (new)", times, times["bare"]
        )
    shutil.rmtree(old.parent, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
