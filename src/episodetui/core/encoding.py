"""Turning bytes users bring (files, stdin, pastes) into text, or a clear refusal.

One reader for every surface: the CLI and the TUI both call `read_text_file` (or
`decode_text` for standard input and pastes), so a file is refused, sized and decoded
the same way wherever it arrives.
"""

from __future__ import annotations

from pathlib import Path

from episodetui.core.errors import EpisodeTuiError

MAX_INPUT_BYTES = 5 * 1024 * 1024


def _too_big(origin: str, size: int) -> EpisodeTuiError:
    return EpisodeTuiError(
        f"{origin} is {size // 1024 // 1024} MiB; text over "
        f"{MAX_INPUT_BYTES // 1024 // 1024} MiB is not a recap or a library export"
    )


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (which no file can hold as UTF-8) become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def decode_text(data: bytes, origin: str = "the input") -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if len(data) > MAX_INPUT_BYTES:
        raise _too_big(origin, len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return scrub_surrogates(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise EpisodeTuiError(
                f"{origin} says it is UTF-16 text but is not (an odd number of bytes or a broken "
                "character); save it again as UTF-8"
            ) from None
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


def read_text_file(path: str | Path, name: str | None = None) -> str:
    """A text file's content, decoded; `name` is how errors call it (default: the path).
    Missing files, folders, devices, unreadable and oversized files are one clear error."""
    name = str(path) if name is None else name
    file = Path(path).expanduser()
    try:
        if not file.is_file():
            raise EpisodeTuiError(
                f"no such file: {name}" if not file.exists() else f"{name} is not a regular file"
            )
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise _too_big(name, size)
        with file.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise EpisodeTuiError(f"cannot read {name}: {error.strerror or 'an error'}") from None
    except ValueError:  # a path with a NUL byte in it
        raise EpisodeTuiError(f"no such file: {name}") from None
    return decode_text(data, name)
