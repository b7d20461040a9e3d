"""The user's preferences: `config.toml` in the user config folder.

    theme = "gruvbox"
    advance_after_watch = true      # `w` moves on to the next episode

    [keymap]
    "show.toggle_watched" = "x"
    "app.quit" = "q,ctrl+q"

`--config FILE` or `$EPISODETUI_CONFIG` points elsewhere. The library database holds the
user's data; this file holds how they like to work. A bad line is one message naming it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.text import clean_line

ENV_CONFIG = "EPISODETUI_CONFIG"
FILE_NAME = "config.toml"

# A key as Textual names it: letters, digits, and names like ctrl+x, f1, question_mark.
_KEY = re.compile(r"^[a-z0-9_+\-]+$", re.IGNORECASE)
_SETTINGS = {"theme": str, "advance_after_watch": bool}


@dataclass
class Config:
    path: Path
    theme: str | None = None
    advance_after_watch: bool = True
    keymap: dict[str, str] = field(default_factory=dict)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_CONFIG)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("episodetui", appauthor=False)) / FILE_NAME


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Read the config; a missing file is the defaults. Raises one clear error per problem."""
    path = config_path(explicit)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise EpisodeTuiError(f"no config file at {path}") from None
        return Config(path)
    except OSError as error:
        raise EpisodeTuiError(f"cannot read {path}: {error.strerror}") from None
    import tomllib  # only with a file to read: ~2 ms of every start without one

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise EpisodeTuiError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise EpisodeTuiError(f"{path}: {error}") from None
    return _config_from(path, text, data)


def _config_from(path: Path, text: str, data: dict[str, object]) -> Config:
    config = Config(path)

    def fail(key: str, problem: str) -> EpisodeTuiError:
        return EpisodeTuiError(f"{path}{_line_of(text, key)}: {problem}")

    for key, value in data.items():
        if key == "keymap":
            if not isinstance(value, dict):
                raise fail(key, '[keymap] must be a table of binding id = "keys"')
            config.keymap = _keymap(value, fail)
        elif key in _SETTINGS:
            if not isinstance(value, _SETTINGS[key]):
                raise fail(key, f"{key} must be {'true or false' if _SETTINGS[key] is bool else 'text'}")
            setattr(config, key, clean_line(value) if isinstance(value, str) else value)
        else:
            known = ", ".join([*_SETTINGS, "[keymap]"])
            raise fail(key, f"unknown setting {clean_line(key)!r} (known: {known})")
    return config


def _keymap(table: dict[str, object], fail: Callable[[str, str], EpisodeTuiError]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            raise fail(
                binding_id, f'keys for {clean_line(binding_id)!r} must be text like "x" or "ctrl+x,f5"'
            )
        parts = [part.strip() for part in keys.split(",")]
        bad = [part for part in parts if not _KEY.match(part)]
        if bad:
            raise fail(
                binding_id, f"{clean_line(bad[0])!r} is not a key name (examples: x, X, ctrl+x, f5, space)"
            )
        keymap[binding_id] = ",".join(parts)
    return keymap


def _line_of(text: str, key: str) -> str:
    """' line N' for where `key` is set, if it can be found."""
    pattern = re.compile(rf'^\s*(?:"{re.escape(key)}"|{re.escape(key)})\s*=|^\s*\[{re.escape(key)}\]')
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return f" line {number}"
    return ""


def check_keymap(keymap: dict[str, str], known_ids: set[str], path: Path, text: str = "") -> None:
    """Refuse binding ids that do not exist: a typo should not fail silently."""
    for binding_id in keymap:
        if binding_id not in known_ids:
            if not text:
                try:
                    text = path.read_text(encoding="utf-8")
                except OSError:
                    text = ""
            raise EpisodeTuiError(
                f"{path}{_line_of(text, binding_id)}: no key binding has the id {clean_line(binding_id)!r}"
                " (episodetui keys lists them)"
            )


def save_setting(path: Path, key: str, value: str | bool) -> None:
    """Set one top-level setting, keeping the rest of the file (and its comments) as is."""
    from episodetui.core.files import write_atomic

    rendered = ("true" if value else "false") if isinstance(value, bool) else _toml_string(value)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except OSError as error:
        raise EpisodeTuiError(f"cannot read {path}: {error.strerror}") from None
    line = f"{key} = {rendered}"
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=.*$", re.MULTILINE)
    first_table = re.search(r"^\s*\[", text, re.MULTILINE)
    head = text[: first_table.start()] if first_table else text
    if pattern.search(head):
        head = pattern.sub(line.replace("\\", "\\\\"), head, count=1)
    else:
        head = (head.rstrip("\n") + "\n" if head.strip() else "") + line + "\n"
    rest = text[first_table.start() :] if first_table else ""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(path, head + ("\n" if rest and not head.endswith("\n\n") else "") + rest)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{clean_line(escaped)}"'
