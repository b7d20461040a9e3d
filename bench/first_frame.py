"""Child process for the first-frame benchmark: start an app headless, note the time
its first frame is on screen (the Ready event), leave, and print that time and peak
memory. `bare` is an empty Textual app for comparison. Interpreter start-up is the
same for both and is left out."""

import time

STARTED = time.perf_counter()

import resource  # noqa: E402
import sys  # noqa: E402


def main() -> None:
    which, data_dir = sys.argv[1], sys.argv[2]
    ready_at: list[float] = []
    if which == "bare":
        from textual.app import App

        class BareApp(App[None]):
            def on_ready(self) -> None:
                ready_at.append(time.perf_counter())
                self.exit()

        app = BareApp()
    else:
        from pathlib import Path

        from episodetui.core.store import Library

        # The same start as `episodetui`: the first data is read while Textual imports.
        library = Library.open(Path(data_dir))
        first_summaries = library.summaries_in_background()
        from episodetui.tui.app import EpisodeTuiApp

        class MeasuredApp(EpisodeTuiApp):
            def on_ready(self) -> None:
                ready_at.append(time.perf_counter())
                self.exit()

        app = MeasuredApp(library, first_summaries=first_summaries)
    app.run(headless=True, size=(120, 36))
    if app.return_code != 0 or not ready_at:
        sys.exit(f"{which} did not start cleanly (exit code {app.return_code})")
    print(ready_at[0] - STARTED, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    main()
