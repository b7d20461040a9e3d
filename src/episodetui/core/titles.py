"""How titles are compared when they come from different places (a headline, TVmaze,
the library): case, punctuation and spacing do not count."""

from __future__ import annotations


def normalize_title(title: str) -> str:
    """Case and punctuation insensitive: only letters and digits (any script) remain."""
    return "".join(ch for ch in title.casefold() if ch.isalnum())
