"""Writing exported files: names that say who and when, and writes that never leave half a file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Characters no file system on the three desktops accepts in a name, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_name(text: str, limit: int = 80) -> str:
    """`text` usable as a file name everywhere: accents kept, unsafe characters dropped."""
    clean = _UNSAFE.sub(" ", unicodedata.normalize("NFC", text))
    clean = " ".join(clean.split()).strip(" .")[:limit].strip(" .")
    return clean or "untitled"


def prep_file_name(person: str, day: dt.date, extension: str) -> str:
    """"1-1 with Zoë Lefèvre 2026-11-30.pdf": the person and the date, as the issue asks."""
    return f"1-1 with {safe_name(person)} {day.isoformat()}.{extension.lstrip('.')}"


def write_atomically(path: Path, data: bytes | str | Iterable[str]) -> None:
    """Write `data` (or its chunks, in order) to `path` through a temporary file beside it, so a
    crash or a full disk never leaves a half-written file under the real name."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    chunks = [data] if isinstance(data, str | bytes) else data
    try:
        with open(tmp, "wb") as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
