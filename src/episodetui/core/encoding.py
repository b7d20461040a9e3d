"""Turning bytes users bring (files, stdin, pastes) into text, or a clear refusal."""

from __future__ import annotations

from episodetui.core.errors import EpisodeTuiError

MAX_INPUT_BYTES = 5 * 1024 * 1024


def decode_text(data: bytes, origin: str = "the input") -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if len(data) > MAX_INPUT_BYTES:
        raise EpisodeTuiError(
            f"{origin} is {len(data) // 1024 // 1024} MiB; text over "
            f"{MAX_INPUT_BYTES // 1024 // 1024} MiB is not a recap or a library export"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise EpisodeTuiError(f"{origin} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")
