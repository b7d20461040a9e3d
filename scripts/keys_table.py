"""Print the README's table of every key by id, from the screens' own bindings.

.venv/bin/python scripts/keys_table.py    # paste into README.md; a test checks it
"""

from episodetui.tui.keys import markdown_table

print(markdown_table(), end="")
