"""The README's quick start is what CI runs, and its commands exist."""

from pathlib import Path

from episodetui.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest"
    assert f"    {command}\n" in readme
    assert command in ci


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    for name in commands.choices:
        assert f"episodetui {name}" in readme, name


def test_readme_shows_screenshots_that_exist():
    readme = (ROOT / "README.md").read_text()
    for name in ("library", "show", "episode-recap-hidden", "episode-recap-shown"):
        assert f"screenshots/{name}.svg" in readme
        assert (ROOT / "screenshots" / f"{name}.svg").exists()


def test_readme_key_table_is_the_one_the_bindings_make():
    from episodetui.tui.keys import markdown_table

    readme = (ROOT / "README.md").read_text()
    assert markdown_table() in readme, "run scripts/keys_table.py and paste its table into README.md"
