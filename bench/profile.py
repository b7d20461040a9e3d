"""Profile the benchmark's interactions in-process with pyinstrument (a bench extra).

    python bench/profile.py --data-dir DIR [--phase open|w|back|all] [--html OUT_DIR]

Runs the app headless on the bench library, opens the long show, presses w, goes back,
and prints a call tree per phase: where the time of each interaction goes.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path

from pyinstrument import Profiler

LONG_SHOW = "The Long Case Files"


async def run(
    data_dir: Path, phases: set[str], html: Path | None, show_all: bool = False, first: bool = False
) -> None:
    from episodetui.core.store import Library
    from episodetui.tui.app import EpisodeTuiApp

    library = Library.open(data_dir)
    app = EpisodeTuiApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        from episodetui.tui.library_screen import tune_gc

        tune_gc()  # as `episodetui` does after its first frame
        for round_ in range(2):  # the first round builds; the second is what a user repeats
            for phase, key in (("open", "enter"), ("w", "w"), ("back", "escape")):
                profiler = Profiler(interval=0.0005, async_mode="enabled")
                profiler.start()
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                profiler.stop()
                if round_ == (0 if first else 1) and (phase in phases or "all" in phases):
                    print(f"=================== {phase} ===================")
                    print(
                        profiler.output_text(
                            unicode=True,
                            color=False,
                            show_all=show_all,
                            processor_options={"filter_threshold": 0.02},
                        )
                    )
                    if html:
                        (html / f"{phase}.html").write_text(profiler.output_html())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--phase", default="all")
    parser.add_argument("--html", type=Path, default=None)
    parser.add_argument("--all-frames", action="store_true", help="do not hide library frames")
    parser.add_argument("--first", action="store_true", help="profile the first round (nothing kept yet)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="episodetui-profile-"))
    shutil.copy(args.data_dir / "library.sqlite3", work)
    asyncio.run(run(work, set(args.phase.split(",")), args.html, args.all_frames, args.first))


if __name__ == "__main__":
    main()
