"""The core never imports Textual, and the CLI does not load the TUI until it needs it."""

import pkgutil
import subprocess
import sys

import episodetui.core


def _modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    )
    return set(result.stdout.split())


def test_core_never_imports_textual():
    names = [f"episodetui.core.{m.name}" for m in pkgutil.iter_modules(episodetui.core.__path__)]
    assert "episodetui.core.store" in names
    loaded = _modules_loaded_by("\n".join(f"import {name}" for name in names))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_cli_commands_do_not_load_textual():
    loaded = _modules_loaded_by("import episodetui.cli")
    assert "textual" not in loaded


def test_tui_start_loads_only_the_first_screen():
    loaded = _modules_loaded_by("import episodetui.tui.app")
    assert "episodetui.tui.library_screen" in loaded
    assert "episodetui.tui.show_screen" not in loaded
    assert "episodetui.tui.episode_screen" not in loaded
    assert "episodetui.tui.dialogs" not in loaded
