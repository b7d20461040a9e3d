"""The core never imports Textual, and the CLI does not load the TUI until it needs it."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import episodetui
import episodetui.core


def _modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
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


# -- import contract: read from the source with ast, so imports inside functions count too

SRC = Path(episodetui.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_of(path: Path) -> set[str]:
    module = _module_name(path)
    return _imports_in(
        path.read_text(encoding="utf-8"), module if path.name == "__init__.py" else module.rpartition(".")[0]
    )


def _imports_in(source: str, package: str) -> set[str]:
    """Every module the source imports, anywhere in it; `from a import b` counts as a and
    a.b; relative imports are resolved against `package`, the module's own package."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _core_files() -> list[Path]:
    files = sorted((SRC / "core").rglob("*.py"))
    assert SRC / "core" / "tvmaze.py" in files and len(files) > 20
    return files


def test_imports_are_read_from_every_kind_of_import_statement():
    source = (
        "import episodetui.tui.app\n"
        "def f():\n    from episodetui import cli\n    from ..store import Library\n    from . import parse\n"
    )
    found = _imports_in(source, "episodetui.core.recaps")
    assert {
        "episodetui.tui.app",
        "episodetui.cli",
        "episodetui.core.store",
        "episodetui.core.recaps.parse",
    } <= found


def test_core_imports_neither_the_tui_nor_the_cli():
    offenders = {
        _module_name(path): sorted(
            name
            for name in _imports_of(path)
            if _within(name, "episodetui.tui") or _within(name, "episodetui.cli")
        )
        for path in _core_files()
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_the_tvmaze_client_imports_neither_the_store_nor_the_recap_parser():
    names = _imports_of(SRC / "core" / "tvmaze.py")
    assert "episodetui.core.errors" in names  # the reader sees its imports at all
    forbidden = ("episodetui.core.store", "episodetui.core.recaps", "sqlite3")
    assert sorted(name for name in names if any(_within(name, f) for f in forbidden)) == []
