"""Journal files the measures run against, generated once and cached under benchmarks/out/.

A cached file's name carries the size, seed, schema version and generator version, so a change to
any of them makes a new file instead of measuring a stale one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from unittest import mock

from benchmarks.generate import GENERATOR_VERSION, generate
from journal.store import opener as store
from journal.store.opening import expected_tables
from journal.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_CACHE = Path(__file__).resolve().parent / "out"


def _remove(path: Path) -> None:
    for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", ".lock"))):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def journal_file(size: str, seed: int, cache_dir: Path = DEFAULT_CACHE) -> Path:
    """A generated journal of `size`, made now if the cache does not have it."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    name = f"{size}-seed{seed}-schema{SCHEMA_VERSION}-gen{GENERATOR_VERSION}.sqlite3"
    target = cache_dir / name
    if not target.exists():
        # Generate beside the target and rename, so an interrupted run never leaves a half-made
        # file that later runs would measure.
        partial = cache_dir / f"{name}.partial"
        _remove(partial)
        generate(partial, size=size, seed=seed)
        os.replace(partial, target)
        _remove(partial)
    return target


def v1_journal_file(current: Path, cache_dir: Path = DEFAULT_CACHE) -> Path:
    """The rows of `current` in a journal built by the first migration only (schema 1)."""
    target = cache_dir / f"{current.stem}-as-schema1.sqlite3"
    if target.exists():
        return target
    partial = cache_dir / f"{target.name}.partial"
    _remove(partial)
    # The store's own file creation, with the migration list cut after the first step: the file
    # is exactly what version 1 of the app wrote.
    with mock.patch.object(store, "MIGRATIONS", MIGRATIONS[:1]):
        store.create_new(partial)
    conn = sqlite3.connect(partial, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(current),))
        conn.execute("BEGIN")
        for table in sorted(expected_tables(1)):
            columns = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))
            conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    os.replace(partial, target)
    _remove(partial)
    return target
