"""What the user pointed at, as named files: a zip, a folder, or one file.

Every read is bounded (a zip bomb or an absurd file is refused with one sentence, never
unpacked into memory), and files that hold credentials or personal details (TV Time's
login and token tables, Trakt's profile with the e-mail) can never be opened: `read`
refuses their names whoever asks.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from episodetui.core.errors import EpisodeTuiError

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_FILES = 5000
MAX_JSON_DEPTH = 64

# Never opened, whatever a reader asks: credentials, sessions, addresses, profiles.
_SENSITIVE = re.compile(
    r"(^|[-_])(auth|login|password|token|access|refresh|session|ip[-_]address|email|e-mail"
    r"|user|users|user[-_]profile|user[-_]settings|account|device|payment)([-_.]|$)",
    re.IGNORECASE,
)
# Media files whose names contain "user" but hold only watching data.
_MEDIA_WITH_USER = re.compile(r"^user[-_](tv[-_]show[-_]data|show[-_]special[-_]status)\.csv$", re.I)


class HistoryFileError(EpisodeTuiError):
    """The file cannot be read as a history; the message says why, in one sentence."""


class PasswordNeeded(HistoryFileError):
    pass


def is_sensitive(name: str) -> bool:
    base = PurePosixPath(name).name
    if _MEDIA_WITH_USER.match(base):
        return False
    return bool(_SENSITIVE.search(PurePosixPath(base).stem + "."))


class Bundle:
    """Named files from a zip, a folder or a single file; names use '/' separators."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.opened: list[str] = []  # what was read, for the tests of what never is
        self._total = 0

    def names(self) -> list[str]:
        raise NotImplementedError

    def _open_bytes(self, name: str) -> bytes:
        raise NotImplementedError

    def find(self, *basenames: str) -> list[str]:
        """Names whose last part is one of `basenames` (case-insensitive), sorted."""
        wanted = {b.lower() for b in basenames}
        return sorted(n for n in self.names() if PurePosixPath(n).name.lower() in wanted)

    def matching(self, pattern: str) -> list[str]:
        regex = re.compile(pattern, re.IGNORECASE)
        return sorted(n for n in self.names() if regex.fullmatch(PurePosixPath(n).name))

    def read_bytes(self, name: str) -> bytes:
        if is_sensitive(name):
            raise HistoryFileError(f"{name} holds account details; episodetui does not read it")
        self.opened.append(name)
        data = self._open_bytes(name)
        self._total += len(data)
        if self._total > MAX_TOTAL_BYTES:
            raise HistoryFileError(
                f"{self.origin} holds more than {MAX_TOTAL_BYTES >> 30} GiB of data; that is not a watch history"
            )
        return data

    def read_text(self, name: str) -> str:
        return decode(self.read_bytes(name), f"{self.origin}: {name}" if name != self.origin else name)

    def read_json(self, name: str) -> object:
        return load_json(self.read_text(name), name)

    def read_csv(self, name: str) -> list[dict[str, str]]:
        return load_csv(self.read_text(name), name)


class FileBundle(Bundle):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path

    def names(self) -> list[str]:
        return [self.path.name]

    def _open_bytes(self, name: str) -> bytes:
        return _read_capped(self.path, name)


class FolderBundle(Bundle):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path
        self._names: list[str] | None = None

    def names(self) -> list[str]:
        if self._names is None:
            found = []
            for item in _walk(self.path, depth=0):
                found.append(item.relative_to(self.path).as_posix())
                if len(found) > MAX_FILES:
                    raise HistoryFileError(
                        f"{self.origin} holds more than {MAX_FILES} files; point at the export's folder"
                    )
            self._names = sorted(found)
        return self._names

    def _open_bytes(self, name: str) -> bytes:
        return _read_capped(self.path / name, name)


class ZipBundle(Bundle):
    def __init__(self, path: Path, password: bytes | None = None) -> None:
        super().__init__(str(path))
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise HistoryFileError(f"{path} is not a readable zip file ({error})") from None
        if len(infos) > MAX_FILES:
            raise HistoryFileError(
                f"{path} holds more than {MAX_FILES} files; that is not a tracker's export"
            )
        self.password = password
        self.encrypted = any(info.flag_bits & 0x1 for info in infos)
        self._infos = {
            info.filename: info
            for info in infos
            if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        }

    def names(self) -> list[str]:
        return sorted(self._infos)

    def _open_bytes(self, name: str) -> bytes:
        info = self._infos[name]
        if info.flag_bits & 0x1 and not self.password:
            raise PasswordNeeded(
                f"{self.origin} is protected by a password: run the import in a terminal to be asked"
                " for it, give it with --password-stdin, or unzip it yourself and import the folder"
            )
        if info.file_size > MAX_FILE_BYTES:
            raise HistoryFileError(
                f"{name} in {self.origin} unpacks to {info.file_size >> 20} MiB; that is not a watch history"
            )
        try:
            with self.zip.open(info, pwd=self.password) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except RuntimeError as error:  # zipfile's wrong-password and unsupported-encryption errors
            if "password" in str(error).lower():
                raise PasswordNeeded(f"the password for {self.origin} is wrong") from None
            raise HistoryFileError(
                f"{self.origin} uses an encryption Python cannot open; unzip it with 7-Zip"
                " (7z x FILE) and import the folder"
            ) from None
        except NotImplementedError:
            raise HistoryFileError(
                f"{self.origin} uses a compression Python cannot open; unzip it yourself and import the folder"
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise HistoryFileError(f"{name} in {self.origin} is damaged ({error})") from None
        if len(data) > MAX_FILE_BYTES:
            raise HistoryFileError(
                f"{name} in {self.origin} unpacks to more than {MAX_FILE_BYTES >> 20} MiB; that is not a watch history"
            )
        return data


def open_bundle(path: Path, password: bytes | None = None) -> Bundle:
    path = Path(path).expanduser()
    if path.is_dir():
        return FolderBundle(path)
    if not path.exists():
        raise HistoryFileError(f"no such file or folder: {path}")
    if not path.is_file():
        raise HistoryFileError(f"{path} is not a file or a folder")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise HistoryFileError(f"cannot read {path}: {error.strerror}") from None
    if magic.startswith(b"PK\x03\x04") or magic.startswith(b"PK\x05\x06"):
        return ZipBundle(path, password)
    return FileBundle(path)


def _walk(folder: Path, depth: int) -> Iterator[Path]:
    if depth > 6:
        return
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise HistoryFileError(f"cannot read the folder {folder}: {error.strerror}") from None
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir():
            yield from _walk(entry, depth + 1)
        elif entry.is_file():
            yield entry


def _read_capped(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise HistoryFileError(f"cannot read {name}: {error.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise HistoryFileError(
            f"{name} is larger than {MAX_FILE_BYTES >> 20} MiB; that is not a watch history"
        )
    return data


# ----------------------------------------------------------- text formats


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252: what exporters write."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise HistoryFileError(f"{origin} is not valid UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise HistoryFileError(f"{origin} is a binary file, not an export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_json(text: str, origin: str) -> object:
    depth = _max_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise HistoryFileError(f"{origin} nests deeper than any export ({depth} levels); it was not read")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        message = str(error).split("\n")[0][:120]
        if "digits" in message:
            message = "a number thousands of digits long"
        raise HistoryFileError(f"{origin} is not valid JSON ({message})") from None


def _no_constant(name: str) -> None:
    return None  # NaN and Infinity are not data


def _max_depth(text: str) -> int:
    """How deep brackets nest, ignoring strings: checked before the parser recurses."""
    depth = deepest = 0
    in_string = False
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if len(token) == 2:  # an escape: only inside strings, never a bracket
            continue
        if token == '"':
            in_string = not in_string
        elif in_string:
            continue
        elif token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        else:
            depth -= 1
    return deepest


_JSON_TOKENS = re.compile(r'\\.|["\[\]{}]', re.DOTALL)


def load_csv(text: str, origin: str) -> list[dict[str, str]]:
    """Rows as dicts keyed by the header (parsed by name, never by position)."""
    csv.field_size_limit(16 * 1024 * 1024)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if not header:
            return []
        header = [h.strip().lstrip("\ufeff") for h in header]
        rows = []
        for cells in reader:  # ragged rows: missing cells are absent, extra ones dropped
            if not any(cells):
                continue
            rows.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
        return rows
    except csv.Error as error:
        raise HistoryFileError(f"{origin} is not a readable CSV file ({error})") from None
