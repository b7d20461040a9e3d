"""`episodetui keys`: every key binding's id, its keys (with the user's keymap applied)
and what it does; the ids are what config.toml's [keymap] remaps."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from episodetui.cli.common import load_user_config, print_json

if TYPE_CHECKING:
    from episodetui.cli import Command


def register(command: Command) -> None:
    command(
        "keys",
        "every key binding id, its keys and what it does (remap them in config.toml)",
        cmd_keys,
        json=True,
    )


def cmd_keys(args: argparse.Namespace) -> int:
    from episodetui.tui.keys import key_display, key_table

    config = load_user_config(args)
    rows = [
        {
            "id": info.id,
            "keys": key_display(config.keymap.get(info.id, info.key_string)),
            "where": info.where,
            "does": info.description,
            "remapped": info.id in config.keymap,
        }
        for info in key_table()
    ]
    if args.json:
        print_json(rows)
        return 0
    width = max(len(row["id"]) for row in rows)
    keys_width = max(len(row["keys"]) for row in rows)
    for row in rows:
        mark = "  (remapped)" if row["remapped"] else ""
        print(f"{row['id']:<{width}}  {row['keys']:<{keys_width}}  {row['where']}: {row['does']}{mark}")
    print(f'\nRemap keys in {config.path} under [keymap], e.g. "show.toggle_watched" = "x".')
    return 0
