"""Cleaning outside text, masking spoiler spans in notes, and HH:MM:SS timestamps."""

from __future__ import annotations

import re
import unicodedata

from episodetui.core.errors import EpisodeTuiError

# ANSI/VT escape sequences (CSI, OSC, and two-byte escapes) are removed whole, so no
# fragment such as "[31m" is left behind; then any remaining C0/C1 control character
# except newline and tab goes too.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates can make text read differently from what it
# is ("Trojan Source"); they are removed. Lone surrogates cannot be stored or printed as
# UTF-8, so they become U+FFFD.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


# Any character one of the cleaning steps acts on (escape sequences start with a control
# character): text without one, nearly all of it, is returned as it is, in one scan.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text from outside as plain data: no escape sequences, no control characters,
    no bidi overrides, no lone surrogates."""
    if _NEEDS_CLEANING.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    text = _BIDI_CONTROL.sub("", text)
    return _LONE_SURROGATE.sub("\ufffd", text)


def clean_optional_line(text: str | None) -> str | None:
    """A one-line field that may be missing (network, status): cleaned, or None."""
    if text is None:
        return None
    return clean_line(text) or None


def clean_line(text: str) -> str:
    """A one-line field (a title): cleaned, with line breaks folded to spaces."""
    return " ".join(clean_text(text).split())


# A spoiler span in a note: ||like this|| or >!like this!<
SPOILER_SPAN = re.compile(r"\|\|(.+?)\|\||>!(.+?)!<", re.DOTALL)
MASK_CHAR = "░"


def has_spoiler_spans(text: str) -> bool:
    return SPOILER_SPAN.search(text) is not None


def mask_spoiler_spans(text: str) -> str:
    """Replace each spoiler span with a block of the same length, keeping line breaks."""

    def mask(match: re.Match[str]) -> str:
        hidden = match.group(1) if match.group(1) is not None else match.group(2)
        return "".join("\n" if ch == "\n" else MASK_CHAR for ch in hidden)

    return SPOILER_SPAN.sub(mask, text)


def without_spoiler_spans(text: str) -> str:
    """The note with its spoiler spans taken out: what search may match and count."""
    return SPOILER_SPAN.sub(" ", text)


def unwrap_spoiler_spans(text: str) -> str:
    """The note as written, with the span markers taken away (for a revealed view)."""
    return SPOILER_SPAN.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)


_TIMESTAMP = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$")


def parse_timestamp(value: str) -> int:
    """Seconds into an episode from HH:MM:SS or MM:SS."""
    match = _TIMESTAMP.match(value.strip())
    if not match:
        raise EpisodeTuiError(f"bad timestamp {value!r}: use HH:MM:SS or MM:SS, like 00:41:10")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if minutes > 59 or seconds > 59:
        raise EpisodeTuiError(f"bad timestamp {value!r}: minutes and seconds go up to 59 in HH:MM:SS")
    return hours * 3600 + minutes * 60 + seconds


def format_timestamp(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def title_key(title: str) -> str:
    """How show titles are compared: case-insensitive, whitespace folded."""
    return " ".join(title.casefold().split())


def progress_bar(watched: int, total: int, width: int = 10) -> str:
    """A text bar like ███░░░░░░░, the same in the TUI and the CLI."""
    filled = min(width, round(width * watched / total)) if total else 0
    return "█" * filled + "░" * (width - filled)


def in_days_text(days: int) -> str:
    """today, tomorrow, in 3 days: when an episode airs, the same everywhere."""
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


def as_sentence(message: str) -> str:
    """An error message ("cannot reach TVmaze") as the start of a sentence on screen."""
    return message[:1].upper() + message[1:]


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 episode", "2 episodes", "1,200 matches": a count and its noun, the same everywhere."""
    if many is None:
        many = word + ("es" if word.endswith(("ch", "sh", "s", "x")) else "s")
    return f"{count:,} {word if count == 1 else many}"


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes: Korean, Chinese and Japanese characters
    (East Asian Wide and Fullwidth) take two, combining marks none."""
    return sum(_char_cells(char) for char in text)


def fit_cells(text: str, width: int) -> str:
    """`text` cut to at most `width` cells and padded with spaces to exactly `width`, so
    columns line up whatever the script."""
    out, used = [], 0
    for char in text:
        cells = _char_cells(char)
        if used + cells > width:
            break
        out.append(char)
        used += cells
    return "".join(out) + " " * (width - used)


def _char_cells(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
