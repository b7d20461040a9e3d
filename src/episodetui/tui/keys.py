"""Every key binding by its id, read from the screens themselves.

One source for `episodetui keys`, the help screen and the README's key table, so none
of them can drift from what the keys really do. An id (`show.toggle_watched`) is what a
user remaps in config.toml's [keymap].
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

# Where each set of keys applies, and the class whose bindings they are.
SCOPES: tuple[tuple[str, str], ...] = (
    ("everywhere", "episodetui.tui.app:EpisodeTuiApp"),
    ("lists", "episodetui.tui.row_list:RowList"),
    ("library", "episodetui.tui.library_screen:LibraryScreen"),
    ("show", "episodetui.tui.show_screen:ShowScreen"),
    ("episode", "episodetui.tui.episode_screen:EpisodeScreen"),
    ("upcoming", "episodetui.tui.upcoming_screen:UpcomingScreen"),
    ("search", "episodetui.tui.search_screen:SearchScreen"),
    ("statistics", "episodetui.tui.stats_screen:StatsScreen"),
    ("questions", "episodetui.tui.dialogs:ConfirmScreen"),
    ("forms", "episodetui.tui.dialogs:_Form"),
    ("recap preview", "episodetui.tui.recap_dialogs:RecapPreviewScreen"),
    ("TVmaze search", "episodetui.tui.search_dialog:ShowSearchScreen"),
)

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "asterisk": "*",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "tab": "Tab",
}


@dataclass(frozen=True)
class KeyInfo:
    id: str
    keys: str  # as a user reads them: "?, F1"
    where: str
    description: str
    key_string: str  # as Textual and config.toml write them: "question_mark,f1"


def key_display(key_string: str) -> str:
    def one(key: str) -> str:
        if key in _KEY_NAMES:
            return _KEY_NAMES[key]
        if key.startswith("f") and key[1:].isdigit():
            return key.upper()
        return key

    return ", ".join(one(key.strip()) for key in key_string.split(","))


def key_table() -> list[KeyInfo]:
    """Every binding of every scope, in the order the screens declare them."""
    table: list[KeyInfo] = []
    seen: set[str] = set()
    for where, target in SCOPES:
        module, _, name = target.partition(":")
        cls = getattr(import_module(module), name)
        for binding in _bindings_of(cls):
            if binding.id is None or binding.id in seen:
                continue
            seen.add(binding.id)
            table.append(
                KeyInfo(binding.id, key_display(binding.key), where, binding.description or "", binding.key)
            )
    return table


def _bindings_of(cls):  # type: ignore[no-untyped-def]
    """The class's bindings as declared (several keys of one binding kept together)."""
    from textual.binding import Binding

    bindings = []
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("episodetui."):
            continue  # Textual's own keys (tab, ctrl+c copy, scrolling) are Textual's
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                bindings.append(binding)
    # A subclass redefining an id wins; keep declaration order otherwise.
    by_id: dict[str | None, Binding] = {}
    for binding in bindings:
        by_id[binding.id if binding.id else f"_{id(binding)}"] = binding
    return list(by_id.values())


def unnamed_bindings() -> list[str]:
    """Bindings with no id (a test keeps this empty: every key can be remapped)."""
    missing = []
    for where, target in SCOPES:
        module, _, name = target.partition(":")
        cls = getattr(import_module(module), name)
        missing += [f"{where}: {b.key} ({b.action})" for b in _bindings_of(cls) if b.id is None]
    return missing


def markdown_table() -> str:
    """The README's key table."""
    lines = ["| key | where | id | what it does |", "| --- | --- | --- | --- |"]
    for info in key_table():
        keys = " / ".join(f"`{k.strip()}`" for k in info.keys.split(","))
        lines.append(f"| {keys} | {info.where} | `{info.id}` | {info.description} |")
    return "\n".join(lines) + "\n"
