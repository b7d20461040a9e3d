"""Episode codes as users type them: S01E02, s1e2, 1x02, or a bare 2 (season 1)."""

from __future__ import annotations

import re

from episodetui.core.errors import EpisodeTuiError

# ASCII digits only: "²" and "①" are digits to Python but not episode numbers.
_PATTERNS = (
    re.compile(r"^([0-9]{1,4})$"),
    re.compile(r"^s([0-9]{1,3})\s*e([0-9]{1,4})$", re.IGNORECASE),
    re.compile(r"^([0-9]{1,3})x([0-9]{1,4})$", re.IGNORECASE),
)


def parse_episode_code(code: str) -> tuple[int, int]:
    """(season, number) for a code; raises a user error naming the accepted forms."""
    text = code.strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            groups = match.groups()
            season, number = (1, int(groups[0])) if len(groups) == 1 else (int(groups[0]), int(groups[1]))
            if number > 0:
                return season, number
    raise EpisodeTuiError(f"bad episode {code!r}: use S01E02, 1x02, or 2 (an episode of season 1)")


def format_episode_code(season: int, number: int) -> str:
    return f"S{season:02d}E{number:02d}"


def title_or_number(title: str, number: int) -> str:
    """What names an episode: its title, or "Episode N" when it has none."""
    return title or f"Episode {number}"
