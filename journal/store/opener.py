"""Opening a journal file: creating a new one, checking, locking and migrating an old one.

`journal.store.opening` decides whether a file is ours, reading only; this module acts on that:
nothing is written until every check has passed and the writer lock is held.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from journal.store import opening
from journal.store.errors import JournalLocked, ReadOnlyJournal
from journal.store.journal import Journal, new_uid
from journal.store.lock import LockBusy, WriterLock
from journal.store.paging import add_functions
from journal.store.schema import APPLICATION_ID, MIGRATION_SET, MIGRATIONS, SCHEMA_VERSION


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        # In a folder the user cannot write to, SQLite cannot make the -shm file a WAL journal
        # is read through: opening.connect_read_only knows what to do then.
        conn = opening.connect_read_only(path)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    add_functions(conn)
    return conn


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def apply_migrations(conn: sqlite3.Connection, up_to: int | None = None) -> None:
    """Apply pending migrations in order (only those up to version `up_to`, when given)."""
    # sqlite-utils is imported here, not at start-up: opening an up-to-date journal never needs it.
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for version, name, step in MIGRATIONS:
        if up_to is not None and version > up_to:
            break

        def run(db: Database, step=step, version=version) -> None:
            step(db.conn)
            db.conn.execute(f"PRAGMA user_version = {int(version)}")

        migrations(name=name)(run)
    migrations.apply(Database(conn, execute_plugins=False))


def create_new(path: Path) -> None:
    """Build a new journal in a temporary file beside `path`, then move it into place, so a crash
    never leaves a half-made file that a later start would refuse as foreign."""
    tmp = path.with_name(f".{path.name}.{new_uid()[:8]}.new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            apply_migrations(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise


def open_journal(path: Path | str, *, read_only: bool = False) -> Journal:
    """Open (or create) the journal at `path`.

    A missing or zero-byte file becomes a new journal. Anything else must be one of our journals
    of this or an older schema; an older one is backed up beside itself and then migrated. A file
    that cannot be written opens read-only. Raises a `JournalError` subclass, having written
    nothing, when the file is refused or another process holds it.
    """
    path = Path(path).expanduser().absolute()
    if opening.is_new_file(path):
        if read_only:
            raise opening.NotAJournal(path, f"{path} does not exist yet, and a read-only journal "
                                            "cannot be created.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = _take_lock(path)
        try:
            if opening.is_new_file(path):
                create_new(path)
        except BaseException:
            lock.release()
            raise
        return _open_existing(path, read_only=False, lock=lock)
    opening.check_header(path)
    read_only = read_only or not _writable(path)
    lock = None if read_only else _take_lock(path)
    try:
        return _open_existing(path, read_only=read_only, lock=lock)
    except BaseException:
        if lock:
            lock.release()
        raise


def _take_lock(path: Path) -> WriterLock:
    lock = WriterLock(path)
    try:
        lock.acquire()
    except LockBusy as busy:
        owner = f" (process {busy.owner_pid})" if busy.owner_pid else ""
        raise JournalLocked(path, f"{path} is already open in another Leadership Journal window "
                                  f"or command{owner}. Close that one first; two writers would "
                                  "overwrite each other's work.") from None
    return lock


def _open_existing(path: Path, *, read_only: bool, lock: WriterLock | None) -> Journal:
    conn = _connect(path, read_only)
    try:
        version = opening.check_contents(path, conn)
        backup = None
        if version < SCHEMA_VERSION:
            if read_only and _writable(path):  # a look that must not write was asked for
                raise ReadOnlyJournal(path, f"{path} was written by an older version of the app "
                                            "and needs updating before it can be read: open it "
                                            "in the app once (it keeps a snapshot of it first).")
            if read_only:
                raise ReadOnlyJournal(path, f"{path} was written by an older version of the app "
                                            "and needs updating, but it cannot be written here. "
                                            "Copy it somewhere you can write to, then open it.")
            backup = opening.backup_before_migration(path, conn, version)
            apply_migrations(conn)
        journal = Journal(path, conn, read_only=read_only, lock=lock, backup=backup)
        opening.opened_here(journal)
        return journal
    except BaseException:
        conn.close()
        raise


