"""Recap import: parse an article (pure), guess where it belongs, plan and apply.

- `parse_recap(text)`: a ParsedRecap from copied text, Markdown or a saved page.
- `guess_target(recap, titles)`: the library show and episode its headline names.
- `plan_import(...)` / `apply_import(...)` (in `plan`): the use case the CLI and the
  TUI share; they only read input and show output.
"""

from episodetui.core.recaps.guess import TargetGuess, guess_episode, guess_target
from episodetui.core.recaps.model import DROP_LABELS, Moment, ParsedRecap
from episodetui.core.recaps.parse import parse_recap
from episodetui.core.recaps.text_blocks import detect_format

__all__ = [
    "DROP_LABELS",
    "Moment",
    "ParsedRecap",
    "TargetGuess",
    "detect_format",
    "guess_episode",
    "guess_target",
    "parse_recap",
]
