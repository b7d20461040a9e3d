"""Start-up of two (or more) versions side by side: the TUI's first frame and CLI commands.

    python bench/compare_start.py --data-dir DIR before=/path/to/old/src now=src [--rounds 7]

Each NAME=SRC is a source tree (its `src` folder: `git archive REV src | tar -x -C DIR`
makes one). Round after round the bare Textual app (bench/bare_app.py) and each version
take turns, so a busy machine weighs on all alike:

- first frame: a fresh process in a pseudo-terminal (bench/interact.py's Terminal), from
  its start to the library screen with its rows (the bare app: its label);
- then, in the same process a second later, the first Enter on the 1,100-episode show and
  the first `/` (find a show), so what start-up defers is seen where it lands;
- CLI: `episodetui list` and `episodetui show "The Long Case Files"` on the library, and
  `episodetui --version`, from process start to exit (output to a pipe), against
  `python -c pass` measured in the same rounds.

Each figure is the median over the rounds [min-max]; first frame as a ratio to the bare
app's first frame.
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

VERBOSE = False

CLI = {
    "list": ["list"],
    "show": ["show", interact.LONG_SHOW],
    "version": ["--version"],
}


def _environment(src: str | None) -> None:
    if not interact.COMPILE_EACH_START:  # see interact.py
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if src is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = src  # before the editable install's path


def _tui_round(name: str, src: str | None, data_dir: Path, times: dict[tuple[str, str], list[float]]) -> None:
    _environment(src)
    if src is None:
        terminal = interact.Terminal(interact.bare_argv())
        frame = terminal.wait_for(lambda t: "bare app ready" in t, "the bare app")
    else:
        work = Path(tempfile.mkdtemp(prefix="episodetui-start-"))
        subprocess.run(["cp", str(data_dir / "library.sqlite3"), str(work)], check=True)
        terminal = interact.Terminal(interact.app_argv(work))
        frame = terminal.wait_for(interact.library_drawn, "the library")
    times.setdefault((name, "frame"), []).append(frame - terminal.started)
    time.sleep(1.0)  # a person reads the screen before pressing a key
    if src is None:
        times.setdefault((name, "enter"), []).append(
            terminal.press("enter", lambda t: "pressed 1:" in t, "enter")
        )
        times.setdefault((name, "find"), []).append(terminal.press("/", lambda t: "pressed 2:" in t, "/"))
    else:
        times.setdefault((name, "enter"), []).append(
            terminal.press("enter", interact.show_drawn, "the first open")
        )
        terminal.press("escape", interact.library_drawn, "the library")
        times.setdefault((name, "find"), []).append(
            terminal.press("/", lambda t: "Find a show by title" in t, "the find field")
        )
        terminal.press("escape", lambda t: "Find a show by title" not in t, "the find field closed")
    terminal.settle()
    times.setdefault((name, "rss"), []).append(terminal.quit() / 1024)


def _cli_round(name: str, src: str | None, data_dir: Path, times: dict[tuple[str, str], list[float]]) -> None:
    _environment(src)
    for command, arguments in CLI.items():
        if src is None:
            argv = [sys.executable, "-c", "pass"]
        else:
            argv = [*interact.app_argv(data_dir), *arguments]
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.setdefault((name, command), []).append(time.perf_counter() - started)
        if src is None:
            break


def _cell(values: list[float], base: float | None, scale: float = 1000.0, unit: str = "ms") -> str:
    middle = statistics.median(values)
    text = f"{middle * scale:.1f} {unit} [{min(values) * scale:.0f}-{max(values) * scale:.0f}]"
    if base:
        text += f" {middle / base:.2f}x"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, required=True, help="a bench library (bench/make_library.py)"
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", default="tui,cli", help="tui, cli or both (comma separated)")
    parser.add_argument(
        "--compile-each-start",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (compiles the sources on every start)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every first frame measured")
    parser.add_argument("versions", nargs="+", help="NAME=SRC: a name and a source tree")
    args = parser.parse_args()
    global VERBOSE
    interact.COMPILE_EACH_START = args.compile_each_start
    VERBOSE = args.verbose
    versions = [tuple(v.split("=", 1)) for v in args.versions]
    only = set(args.only.split(","))
    interact.ensure_library(args.data_dir)
    # The CLI reads a copy too: `list` may run the daily backup the first time.
    cli_dir = Path(tempfile.mkdtemp(prefix="episodetui-start-cli-"))
    subprocess.run(["cp", str(args.data_dir / "library.sqlite3"), str(cli_dir)], check=True)
    times: dict[tuple[str, str], list[float]] = {}
    everyone = [("bare", None), *versions]
    for round_ in range(args.rounds):
        # Who goes first swaps each round.
        order = everyone if round_ % 2 == 0 else [everyone[0], *reversed(everyone[1:])]
        for name, src in order:
            if "tui" in only:
                _tui_round(name, src, args.data_dir, times)
            if "cli" in only:
                _cli_round(name, src, cli_dir, times)
    if "tui" in only:
        base = statistics.median(times[("bare", "frame")])
        print("first frame (process start to the library), the first Enter and / a second later, peak RSS:")
        for name, _ in everyone:
            frame = _cell(times[(name, "frame")], None if name == "bare" else base)
            enter = _cell(times[(name, "enter")], None)
            find = _cell(times[(name, "find")], None)
            rss = statistics.median(times[(name, "rss")])
            print(f"  {name:8} frame {frame} | enter {enter} | / {find} | {rss:.0f} MiB")
            if VERBOSE:
                print(
                    "           every first frame:",
                    " ".join(f"{t * 1000:.0f}" for t in times[(name, "frame")]),
                )
    if "cli" in only:
        base = statistics.median(times[("bare", "list")])
        print("command line, process start to exit (bare: python -c pass):")
        for name, _ in everyone:
            cells = [
                f"{command} {_cell(times[(name, command)], None)}"
                for command in CLI
                if (name, command) in times
            ]
            print(f"  {name:8} " + " | ".join(cells))
        del base


if __name__ == "__main__":
    main()
