"""Black-box interaction benchmark: the app in a pseudo-terminal, timed as a user feels it.

    python bench/interact.py [--data-dir DIR] [--repeat 7]

Each app runs as its own process in a pseudo-terminal of 120x36; a terminal emulator
(pyte, a bench dependency: `pip install -e '.[bench]'`) reads what it draws. A key is
written to the terminal, and the clock stops when the output that makes the emulated
screen show the result has arrived (pyte's own reading time is left out: it is ~10 ms
for a full-screen update, well under 1 ms in a native terminal; --with-emulator counts it).
Every figure is the median of --repeat runs and is printed as a ratio to a bare Textual
app (bench/bare_app.py: one label updated per key) measured in the same run, for the
same key; the two apps take turns key by key (and launch by launch), so a busy machine
weighs on both alike. First frame (process start to the first screen with data) and peak memory
(the process's maximum RSS) are ratios to the bare app too.

Escape is sent as a terminal with the kitty keyboard protocol sends it (ESC [ 27 u, which
Textual asks for): a bare ESC byte is only recognised after Textual's input thread wakes
from its 100 ms poll, a wait that says nothing about either app.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

HERE = Path(__file__).parent
COLUMNS, LINES = 120, 36
TIMEOUT = 30.0
LONG_SHOW = "The Long Case Files"
WITH_EMULATOR = False  # stop the clock after pyte has read the output (--with-emulator)
# The apps keep their compiled bytecode (__pycache__), as an installed package does (pip
# compiles it at install). With PYTHONDONTWRITEBYTECODE set (some development setups set
# it), every start compiled episodetui's sources again, while Textual's were compiled at
# install: --compile-each-start measures that.
COMPILE_EACH_START = False
KEYS = {
    "enter": b"\r",
    "escape": b"\x1b[27u",
    "w": b"w",
    "q": b"q",
    "down": b"\x1b[B",
    "end": b"\x1b[F",
    "ctrl+f": b"\x06",
    "backspace": b"\x7f",
}
# Typed into the search screen (ctrl+f) one character at a time. Show titles end in a
# four-digit number, so each keystroke narrows the results (1,000 shows, 100, 10, 1)
# and the status line changes with every one.
SEARCH_QUERIES = ("0042", "0517", "0999", "0123")


class Terminal:
    """One app process in a pseudo-terminal, with an emulated screen to read."""

    def __init__(self, argv: list[str]) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            env = dict(
                os.environ,
                TERM="xterm-256color",
                TEXTUAL_ANIMATIONS="none",
                COLUMNS=str(COLUMNS),
                LINES=str(LINES),
            )
            if not COMPILE_EACH_START:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.arrived = self.started
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            raise RuntimeError("the app exited:\n" + self.text()) from None
        self.arrived = time.perf_counter()
        self.stream.feed(data)
        return True

    def wait_for(self, done: Callable[[str], bool], what: str) -> float:
        """Read output until `done(screen text)`; when the output that did it arrived.

        The clock stops when those bytes arrive, before pyte reads them: pyte, in pure
        Python, takes about 9 ms to read a full-screen update of 11 KB that a native
        terminal reads in well under one. With WITH_EMULATOR (--with-emulator) it stops
        after pyte has read them, as before."""
        deadline = time.perf_counter() + TIMEOUT
        finished = time.perf_counter()
        while not done(self.text()):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"timed out waiting for {what}; the screen shows:\n{self.text()}")
            if self._read(0.5):
                finished = time.perf_counter() if WITH_EMULATOR else self.arrived
        return finished

    def press(self, key: str, done: Callable[[str], bool], what: str) -> float:
        """Seconds from writing the key to the screen showing `done`."""
        self.settle()
        started = time.perf_counter()
        os.write(self.fd, KEYS.get(key, key.encode()))
        return self.wait_for(done, what) - started

    def settle(self, quiet: float = 0.15) -> None:
        """Drain output until the app has drawn nothing for `quiet` seconds."""
        while self._read(quiet):
            pass

    def quit(self) -> int:
        """Press q, wait for the exit; the peak RSS in KiB."""
        os.write(self.fd, b"q")
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            pid, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return usage.ru_maxrss
            try:
                self._read(0.05)
            except RuntimeError:
                pass
        os.kill(self.pid, signal.SIGKILL)
        raise RuntimeError("the app did not quit")


def bare_argv() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def app_argv(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "episodetui", "--data-dir", str(data_dir)]


SHOW_HEADER = re.compile(r"\d+/\d+ watched")


def library_drawn(text: str) -> bool:
    return "sorted by" in text and LONG_SHOW in text and not SHOW_HEADER.search(text)


def show_drawn(text: str) -> bool:
    return bool(SHOW_HEADER.search(text)) and LONG_SHOW in text and re.search(r"S\d\dE\d\d", text) is not None


def progress(text: str) -> str | None:
    match = re.search(r"(\d+)/(\d+) watched", text)
    return match.group(0) if match else None


def first_frames(app: list[str], bare: list[str], repeat: int) -> dict[str, float]:
    """First frame, peak RSS and the first Enter (the long show, nothing kept yet) of
    fresh processes, the bare app and episodetui taking turns so both see the same load."""
    runs: dict[str, list[float]] = {
        k: [] for k in ("app", "bare", "app_rss", "bare_rss", "app_open", "bare_open")
    }
    for _ in range(repeat):
        for name, argv, done, opened in (
            ("bare", bare, lambda t: "bare app ready" in t, lambda t: "pressed 1:" in t),
            ("app", app, library_drawn, show_drawn),
        ):
            terminal = Terminal(argv)
            runs[name].append(terminal.wait_for(done, "the first frame") - terminal.started)
            time.sleep(1.0)  # a person reads the screen before pressing a key
            runs[f"{name}_open"].append(terminal.press("enter", opened, "enter"))
            terminal.settle()
            runs[f"{name}_rss"].append(terminal.quit())
    return {k: (max(v) if k.endswith("rss") else statistics.median(v)) for k, v in runs.items()}


def keys(data_dir: Path, repeat: int) -> dict[str, float]:
    """In the app: open the long show from the library, `w` on its landing row, back to
    the library; in the bare app, the same keys. The two take turns, key by key."""
    app = Terminal(app_argv(data_dir))
    bare = Terminal(bare_argv())
    app.wait_for(library_drawn, "the library")
    bare.wait_for(lambda t: "bare app ready" in t, "the bare app")
    time.sleep(1.0)
    times: dict[str, list[float]] = {}
    count = 0
    for _ in range(repeat):
        for key, name, done in (
            ("enter", "open", show_drawn),
            ("w", "w", None),
            ("escape", "back", library_drawn),
        ):
            count += 1
            times.setdefault(f"bare_{key}", []).append(
                bare.press(key, lambda t, n=count: f"pressed {n}:" in t, key)
            )
            if done is None:
                app.settle()
                before = progress(app.text())
                done = lambda t, before=before: progress(t) not in (None, before)  # noqa: E731
            times.setdefault(name, []).append(app.press(key, done, name))
        app.settle()
        if not any(LONG_SHOW in line for line in app.screen.display):
            raise RuntimeError("the library does not show the long show after going back")
    # `W` on the last episode (every unwatched aired one up to it), confirmed with y,
    # then undone with z: hundreds of plays written, the screen updated.
    for _ in range(max(3, repeat // 3)):
        app.press("enter", show_drawn, "the show")
        app.press("end", lambda t: True, "end")
        app.settle()
        app.press("W", lambda t: "through" in t and "?" in t, "the question")
        for key, name in (("y", "W"), ("z", "undo W")):
            count += 1
            times.setdefault(f"bare_{key}", []).append(
                bare.press(key, lambda t, n=count: f"pressed {n}:" in t, key)
            )
            app.settle()
            before = progress(app.text())
            times.setdefault(name, []).append(
                app.press(key, lambda t, before=before: progress(t) not in (None, before), name)
            )
        app.press("escape", library_drawn, "the library")
    # Search as you type (ctrl+f), each keystroke timed until the results change.
    app.press("ctrl+f", lambda t: "Unwatched recaps are never searched" in t, "the search screen")
    for query in SEARCH_QUERIES * max(1, repeat // 4):
        for length in range(1, len(query) + 1):
            count += 1
            times.setdefault("bare_search", []).append(
                bare.press(query[length - 1], lambda t, n=count: f"pressed {n}:" in t, "a letter")
            )
            app.settle()
            before = search_status(app.text())
            times.setdefault("search", []).append(
                app.press(
                    query[length - 1],
                    lambda t, before=before: search_status(t) not in (None, before),
                    f"the results of {query[:length]!r}",
                )
            )
        for _ in query:
            os.write(app.fd, KEYS["backspace"])
        app.wait_for(lambda t: "Unwatched recaps are never searched" in t, "the empty search")
    app.press("escape", library_drawn, "the library")
    # The statistics screen (S), timed until its figures show (they are read on a worker).
    # The first time it counts every play; again, with nothing changed, it is kept.
    for visit in range(max(4, repeat // 2)):
        count += 1
        times.setdefault("bare_S", []).append(bare.press("S", lambda t, n=count: f"pressed {n}:" in t, "S"))
        name = "stats_first" if visit == 0 else "stats"
        times.setdefault(name, []).append(app.press("S", lambda t: "Episodes watched" in t, "the statistics"))
        app.press("escape", library_drawn, "the library")
    app.quit()
    bare.quit()
    return {key: statistics.median(values) for key, values in times.items()}


SEARCH_STATUS = re.compile(r"(?:more than )?[\d,]+ match(?:es)? in [\d,]+ shows?|No matches")


def search_status(text: str) -> str | None:
    match = SEARCH_STATUS.search(text)
    return match.group(0) if match else None


def exchange(data_dir: Path, repeat: int) -> dict[str, float]:
    """`episodetui export` of the whole library to a JSON file, and `episodetui import` of
    that file into an empty library: seconds (median) and the import's peak RSS."""
    runs: dict[str, list[float]] = {"export": [], "import": [], "import_rss": [], "size": []}
    for _ in range(max(1, repeat // 3)):
        target = Path(tempfile.mkdtemp(prefix="episodetui-bench-exchange-"))
        export = target / "library.json"
        for name, argv in (
            ("export", [*app_argv(data_dir), "export", str(export)]),
            ("import", [*app_argv(target / "new"), "import", str(export)]),
        ):
            started = time.perf_counter()
            child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(child.pid, 0)
            runs[name].append(time.perf_counter() - started)
            if status:
                raise RuntimeError(f"{name} failed: {child.stderr.read().decode() if child.stderr else ''}")
            if name == "import":
                runs["import_rss"].append(usage.ru_maxrss * 1024)
        runs["size"].append(export.stat().st_size)
        subprocess.run(["rm", "-rf", str(target)], check=True)
    return {k: (max(v) if k == "import_rss" else statistics.median(v)) for k, v in runs.items()}


def bare_switches(repeat: int) -> dict[str, float]:
    """o and Escape in bench/bare_switch.py: a full-screen switch in bare Textual, between
    two screens and between two views of one screen (a ContentSwitcher)."""
    times: dict[str, list[float]] = {}
    for mode in ("screens", "views"):
        app = Terminal([sys.executable, str(HERE / "bare_switch.py"), mode])
        app.wait_for(lambda t: "first row 00" in t, "the bare switch app")
        time.sleep(1.0)
        for _ in range(repeat):
            times.setdefault(f"{mode} open", []).append(
                app.press("o", lambda t: "second row 00" in t, "the second view")
            )
            times.setdefault(f"{mode} back", []).append(
                app.press("escape", lambda t: "first row 00" in t, "the first view")
            )
        app.quit()
    return {key: statistics.median(values) for key, values in times.items()}


def ensure_library(data_dir: Path) -> None:
    if not (data_dir / "library.sqlite3").exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_library.py"), "--data-dir", str(data_dir)], check=True
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="a bench library (built if empty)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--with-emulator",
        action="store_true",
        help="count the time pyte takes to read the output (full-screen updates pay ~10 ms)",
    )
    parser.add_argument(
        "--compile-each-start",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (compiles the sources on every start)",
    )
    args = parser.parse_args()
    global WITH_EMULATOR, COMPILE_EACH_START
    WITH_EMULATOR = args.with_emulator
    COMPILE_EACH_START = args.compile_each_start
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="episodetui-bench-"))
    ensure_library(data_dir)
    # Work on a copy: `w` changes the library.
    work = Path(tempfile.mkdtemp(prefix="episodetui-bench-run-"))
    subprocess.run(["cp", str(data_dir / "library.sqlite3"), str(work)], check=True)

    frames = first_frames(app_argv(work), bare_argv(), args.repeat)
    ours = keys(work, args.repeat)
    rows = [
        ("`w` on the 1,100-episode show", ours["w"], ours["bare_w"], "≤ 1.5×"),
        ("open that show from the library (Enter)", ours["open"], ours["bare_enter"], "≤ 3×"),
        ("  … the first time since start", frames["app_open"], frames["bare_open"], "≤ 3×"),
        ("back to the library (Escape)", ours["back"], ours["bare_escape"], "≤ 1.5×"),
        ("`W` up to the last episode (~970 marked), y", ours["W"], ours["bare_y"], "≤ 3×"),
        ("  … and z to undo it", ours["undo W"], ours["bare_z"], ""),
        ("search, per keystroke (ctrl+f, 16 keys)", ours["search"], ours["bare_search"], "≤ 1.5×"),
        ("the statistics screen (S), until its figures", ours["stats_first"], ours["bare_S"], "≤ 3×"),
        ("  … again, nothing changed since", ours["stats"], ours["bare_S"], "≤ 3×"),
        ("first frame, process start to the library", frames["app"], frames["bare"], "≤ 1.3×"),
    ]
    app_peak, bare_peak = frames["app_rss"], frames["bare_rss"]
    print(f"median of {args.repeat} runs; bare Textual app measured in the same run\n")
    print(f"| {'interaction':45} | episodetui | bare Textual | ratio | target |")
    print(f"| {'-' * 45} | ---------- | ------------ | ----- | ------ |")
    for name, ours_s, bare_s, target in rows:
        print(
            f"| {name:45} | {ours_s * 1000:7.1f} ms | {bare_s * 1000:9.1f} ms | {ours_s / bare_s:4.2f}× | {target} |"
        )
    print(
        f"| {'peak memory (max RSS), first frame + Enter':45} | {app_peak / 1024:6.0f} MiB | {bare_peak / 1024:8.0f} MiB "
        f"| {app_peak / bare_peak:4.2f}× | |"
    )
    switch = bare_switches(args.repeat)
    label = statistics.median([ours["bare_enter"], ours["bare_escape"]])
    print("\nbare Textual switching what fills the terminal (bench/bare_switch.py), to its label update:")
    for mode in ("screens", "views"):
        opened, back = switch[f"{mode} open"], switch[f"{mode} back"]
        print(
            f"| two {mode} | open {opened * 1000:.1f} ms = {opened / label:.2f}× "
            f"| back {back * 1000:.1f} ms = {back / label:.2f}× |"
        )
    moved = exchange(work, args.repeat)
    mib = 1024 * 1024
    print(f"\nexport and import of the whole library ({moved['size'] / mib:.0f} MiB of JSON), median:")
    print(f"| `episodetui export FILE` | {moved['export']:.2f} s | | | ≤ 2 s |")
    print(
        f"| `episodetui import FILE` into an empty library | {moved['import']:.2f} s "
        f"| peak RSS {moved['import_rss'] / mib:.0f} MiB = {moved['import_rss'] / moved['size']:.1f}× the file | | ≤ 4 s, < 5× |"
    )


if __name__ == "__main__":
    main()
