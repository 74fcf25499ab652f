"""Writing exported files: names that say who and when, and writes that never leave half a file."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Characters no file system on the three desktops accepts in a name, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
# Bidi controls: in a file name they can show "evil\u202egnp.exe" as if it ended in .png.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Names Windows keeps for devices, with any extension ("CON.txt" is the console too).
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                      *(f"LPT{i}" for i in range(1, 10))})
# File systems count bytes (ext4: 255); keep the stem well under, for the prefix, the date and
# the ".part" name a file is first written under.
MAX_STEM_BYTES = 150


def safe_name(text: str, limit: int = 80) -> str:
    """`text` usable as a file name everywhere: accents kept, unsafe characters dropped."""
    clean = _UNSAFE.sub(" ", _BIDI.sub("", unicodedata.normalize("NFC", text)))
    clean = " ".join(clean.split()).strip(" .")[:limit].strip(" .")
    while len(clean.encode("utf-8")) > MAX_STEM_BYTES:
        clean = clean[:-1].rstrip(" .")
    head, dot, rest = clean.partition(".")
    if head.strip().upper() in _DEVICES:
        clean = f"{head.strip()} (name){dot}{rest}"
    return clean or "untitled"


def prep_file_name(person: str, day: dt.date, extension: str) -> str:
    """"1-1 with Zoë Lefèvre 2026-11-30.pdf": the person and the date, as the issue asks."""
    return f"1-1 with {safe_name(person)} {day.isoformat()}.{extension.lstrip('.')}"


def unused(path: Path) -> Path:
    """`path`, or "name (2).ext", "name (3).ext"... when a file of that name exists already."""
    path = Path(path)
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def target_file(path: Path) -> Path:
    """The file to write for `path`: a symlink's target (a link the user keeps, to a synced
    folder say, stays a link); refused when it is a folder, a device or a pipe, which a write
    through a temporary file would replace."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        raise OSError(errno.EEXIST, "not a regular file", str(path))
    return path


def _private(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_EXCL, 0o600)


def write_atomically(path: Path, data: bytes | str | Iterable[str], *,
                     private: bool = False) -> None:
    """Write `data` (or its chunks, in order) to `path` through a temporary file beside it, so a
    crash or a full disk never leaves a half-written file under the real name. `private`: the
    file is readable by the user alone (0600), from its first byte on."""
    path = target_file(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    chunks = [data] if isinstance(data, str | bytes) else data
    try:
        with open(tmp, "wb", opener=_private if private else None) as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            f.flush()
            os.fsync(f.fileno())
        if private:
            os.chmod(tmp, 0o600)  # whatever the umask
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
