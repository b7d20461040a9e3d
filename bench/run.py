"""Measure episodetui on a large synthetic library and print the figures.

    python bench/run.py [--data-dir DIR] [--repeat 7]

Builds the library with make_library.py if DIR is empty. Figures are wall-clock times
on this machine: compare them with each other, not across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def first_frame(which: str, data_dir: Path, repeat: int) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, str(HERE / "first_frame.py"), which, str(data_dir)],
            capture_output=True, text=True, check=True,
        )
        seconds, peak = result.stdout.split()[-2:]
        times.append(float(seconds))
        peaks.append(int(peak))
    return statistics.median(times), max(peaks)


async def in_app_figures(data_dir: Path, repeat: int) -> dict[str, float]:
    from episodetui.core.store import Library
    from episodetui.tui.app import EpisodeTuiApp
    from episodetui.tui.show_screen import ShowScreen

    library = Library.open(data_dir)
    long_show = library.find_show("The Long Case Files")
    open_times, watch_times, library_reload = [], [], []
    app = EpisodeTuiApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            started = time.perf_counter()
            app.open_show(long_show.id)
            await pilot.pause()
            assert isinstance(app.screen, ShowScreen)
            open_times.append(time.perf_counter() - started)
            await pilot.press("end")
            started = time.perf_counter()
            await pilot.press("w")
            await pilot.pause()
            watch_times.append(time.perf_counter() - started)
            await pilot.press("w")
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("escape")
            await pilot.pause()
            library_reload.append(time.perf_counter() - started)
    return {
        "open a show of 1,100 episodes": statistics.median(open_times),
        "w: persist and repaint (1,100-episode show)": statistics.median(watch_times),
        "back to the library of 1,001 shows (reload)": statistics.median(library_reload),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="episodetui-bench-"))
    if not (data_dir / "library.sqlite3").exists():
        subprocess.run([sys.executable, str(HERE / "make_library.py"), "--data-dir", str(data_dir)], check=True)

    bare, bare_peak = first_frame("bare", data_dir, args.repeat)
    ours, our_peak = first_frame("episodetui", data_dir, args.repeat)
    print(f"first frame, bare Textual app:          {bare * 1000:7.0f} ms  (peak RSS {bare_peak / 1024:.0f} MiB)")
    print(f"first frame, episodetui (1,001 shows):  {ours * 1000:7.0f} ms  (peak RSS {our_peak / 1024:.0f} MiB)")
    print(f"ratio:                                  {ours / bare:7.2f}x  (target <= 1.5x)")
    for name, seconds in asyncio.run(in_app_figures(data_dir, args.repeat)).items():
        print(f"{name + ':':40s} {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
