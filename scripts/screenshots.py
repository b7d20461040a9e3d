"""Regenerate the README's screenshots from the app itself, on the demo library.

    python scripts/screenshots.py [--out screenshots]

Uses a temporary data dir and a fixed clock, so the pictures change only when a
screen does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from episodetui.core.demo import build_demo_library  # noqa: E402
from episodetui.tui.app import EpisodeTuiApp  # noqa: E402

SIZE = (110, 32)


def fixed_clock() -> datetime:
    return datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


# (file name, keys pressed from the library screen before the picture)
SHOTS = [
    ("library.svg", []),
    ("show.svg", ["enter"]),
    ("episode-recap-hidden.svg", ["enter", "enter"]),
    ("episode-recap-shown.svg", ["enter", "enter", "w"]),
    ("note-editor.svg", ["enter", "enter", "n", *"the sign again: ||same painter||", "tab"]),
    ("reveal-asks.svg", ["enter", "enter", "r"]),
    ("recap-import-preview.svg", ["enter", "down", "down", "down", "down", "enter", "i", "IMPORT", "enter"]),
    ("search.svg", ["ctrl+f", *"lantern"]),
    ("stats.svg", ["S", "WAIT"]),
]

# Typed into the import dialog's path field at the "IMPORT" step.
SAMPLE_ARTICLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "recaps" / "copied_text.txt"


async def shoot(out: Path) -> None:
    for name, keys in SHOTS:
        with tempfile.TemporaryDirectory() as folder:
            library = build_demo_library(Path(folder), clock=fixed_clock)
            app = EpisodeTuiApp(library)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                for key in keys:
                    if key == "IMPORT":
                        app.screen.query_one("#path").value = str(SAMPLE_ARTICLE)
                    elif key == "WAIT":  # for a worker (the statistics) to finish
                        await app.workers.wait_for_complete()
                    else:
                        await pilot.press(key)
                    await pilot.pause()
                # Let notifications from the last key expire out of the picture.
                app.clear_notifications()
                await pilot.pause()
                app.save_screenshot(name, path=str(out))
            library.close()
        print(f"wrote {out / name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(exist_ok=True)
    asyncio.run(shoot(args.out))


if __name__ == "__main__":
    main()
