"""Facts about an open journal for `info` and the About dialog."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from journal.domain.kinds import KIND_LABELS
from journal.store.journal import Journal


def journal_info(journal: Journal) -> dict[str, Any]:
    size = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            size += os.path.getsize(f"{journal.path}{suffix}")
    return {
        "path": str(journal.path),
        "schema_version": journal.schema_version,
        "size_bytes": size,
        # Whether the journal can be written here (the file, and its folder for the side files
        # SQLite keeps beside it), not how this look at it was opened.
        "read_only": journal.read_only and not (os.access(journal.path, os.W_OK)
                                                and os.access(journal.path.parent, os.W_OK)),
        "counts": journal.counts(),
    }


def format_info(info: dict[str, Any]) -> str:
    lines = [
        f"Journal:        {info['path']}",
        f"Schema version: {info['schema_version']}",
        f"Size:           {human_size(info['size_bytes'])}",
    ]
    if info["read_only"]:
        lines.append("Access:         read-only")
    width = max(len(label) for label in KIND_LABELS.values())
    lines.append("Records:")
    for kind, n in info["counts"].items():
        lines.append(f"  {KIND_LABELS[kind]:<{width}}  {n:>7}")
    return "\n".join(lines)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"
