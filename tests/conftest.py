"""Shared fixtures. Every test runs on a temporary data dir with a fixed clock; the
real user's data directory is pointed somewhere harmless before anything can touch it."""

from __future__ import annotations

import html
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

# Before Textual is imported: no animation, so frames are the same on every run.
os.environ["TEXTUAL_ANIMATIONS"] = "none"

import pytest

from episodetui.core.demo import build_demo_library
from episodetui.core.store import Library

FIXED_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

# A word that appears only in the hidden recap fixture: if it is on a screen or in
# any output, a spoiler leaked.
SECRET = "Quetzalcoatl"
SECRET_RECAP = f"""\
The harbour fog lifts and reveals the statue of {SECRET} on the breakwater.

Nobody in town admits to having put it there."""


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """No test may reach the real user's library or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("EPISODETUI_DATA_DIR", str(home / "default-library"))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """The default TVmaze client in tests is one whose every request fails offline."""
    import httpx

    from episodetui.core.tvmaze import API, TvMazeClient

    def offline(request):
        raise httpx.ConnectError("network is disabled in tests")

    monkeypatch.setattr(
        TvMazeClient,
        "default",
        classmethod(lambda cls: cls(http=httpx.Client(base_url=API, transport=httpx.MockTransport(offline)))),
    )


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(data_dir) -> Library:
    lib = Library.open(data_dir, clock=fixed_clock)
    yield lib
    lib.close()


@pytest.fixture
def demo(tmp_path) -> Library:
    lib = build_demo_library(tmp_path / "demo", clock=fixed_clock)
    yield lib
    lib.close()


@pytest.fixture
def secret_library(data_dir) -> Library:
    """A show with a hidden recap (episode 2, unwatched) that contains SECRET."""
    lib = Library.open(data_dir, clock=fixed_clock)
    show = lib.add_show("Harbour Lights", [4], year=2025)
    first, second = lib.episodes(show.id)[:2]
    lib.set_watched(first.id, True)
    from episodetui.core.store import KeyMoment

    lib.set_recap(
        second.id,
        SECRET_RECAP,
        title="The statue",
        key_moments=[KeyMoment(f"{SECRET} appears at dawn.", 600)],
    )
    yield lib
    lib.close()


def screen_text(app) -> str:
    """Everything the app draws right now, as plain text."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg)
    return html.unescape(text).replace("\xa0", " ")


def sql(library: Library, query: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
    """Look inside the library's own connection (per-connection pragmas, raw rows)."""
    return library._db.execute(query, params)
