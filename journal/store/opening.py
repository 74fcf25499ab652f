"""Deciding whether a file is one of our journals, before anything writes to it.

Order matters: everything here reads. A file is only written after it has passed every check,
the writer lock is held, and (for an older schema) a snapshot of it has been taken.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
import threading
import weakref
from pathlib import Path

from journal.store.errors import DamagedJournal, NewerJournal, NotAJournal, ReadOnlyJournal
from journal.store.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    V1_TABLES,
    V2_STEPS,
    V3_STEPS,
    V4_TABLES,
    V6_STEPS,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

# Journals this process has open through SQLite. POSIX locks belong to the process, and closing
# any descriptor of a file drops them all: reading such a journal's header with open() would
# release its connection's lock, and the next program to open the journal for writing would
# then delete the write-ahead log the app is still writing into.
_OPEN_HERE: weakref.WeakSet = weakref.WeakSet()
_OPEN_HERE_LOCK = threading.Lock()


def opened_here(journal: object) -> None:
    """Note a journal (with `path` and `conn`, None once closed) this process has open."""
    with _OPEN_HERE_LOCK:
        _OPEN_HERE.add(journal)


def open_in_this_process(path: Path) -> bool:
    """Whether a journal this process opened through SQLite, still open, is the file `path`."""
    with _OPEN_HERE_LOCK:
        journals = list(_OPEN_HERE)
    for journal in journals:
        if getattr(journal, "conn", None) is None:
            continue
        try:
            if os.path.samefile(journal.path, path):
                return True
        except OSError:
            continue
    return False


def _version_through_sqlite(path: Path) -> int:
    """The schema version of a journal this process has open, read through SQLite, which keeps
    a descriptor of a file it holds locks on open until the last of them is released."""
    conn = connect_read_only(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def is_new_file(path: Path) -> bool:
    """A missing or zero-byte file becomes a new journal; anything else must prove itself."""
    if not path.exists():
        return True
    return path.is_file() and path.stat().st_size == 0


def check_header(path: Path) -> int:
    """Read the SQLite header without SQLite. Returns the schema version it declares.

    Raises NotAJournal, DamagedJournal or NewerJournal with a sentence for the user.
    """
    if path.is_dir():
        raise NotAJournal(path, f"{path} is a folder, not a journal file. Choose a file inside it, "
                                "or a new file name.")
    if path.exists() and not path.is_file():  # a pipe or a device: reading it could wait for ever
        raise NotAJournal(path, f"{path} is not a journal file (it is a pipe or a device). "
                                "Choose a journal file, or a new file name.")
    if open_in_this_process(path):
        # It passed these checks when it was opened, and its header must not be read with
        # open() now (see _OPEN_HERE).
        return _version_through_sqlite(path)
    try:
        with path.open("rb") as f:
            header = f.read(HEADER_SIZE)
    except PermissionError:
        raise NotAJournal(path, f"{path} cannot be read: you do not have permission to read it.") \
            from None
    except OSError as error:
        raise NotAJournal(path, f"{path} cannot be read ({error.strerror}).") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAJournal(path, f"{path} is not a Leadership Journal: it is not an SQLite database "
                                "at all. It was left untouched; open or create a journal instead.")
    if len(header) < HEADER_SIZE:
        raise DamagedJournal(path, f"{path} is damaged: the file ends inside its header. It was "
                                   "left untouched; restore it from a backup copy.")
    app_id, = struct.unpack(">I", header[68:72])
    if app_id != APPLICATION_ID:
        raise NotAJournal(path, f"{path} is an SQLite database of another program, not a "
                                "Leadership Journal. It was left untouched.")
    version, = struct.unpack(">I", header[60:64])
    if version > SCHEMA_VERSION:
        raise NewerJournal(path, newer_message(path, version))
    page_size, = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, valid_for = header[24:28], header[92:96]
    page_count, = struct.unpack(">I", header[28:32])
    if change_counter == valid_for and page_count and path.stat().st_size < page_size * page_count \
            and not _wal_pending(path):
        raise DamagedJournal(path, f"{path} is damaged: the file is shorter than it should be, "
                                   "probably cut off while copying. It was left untouched; "
                                   "restore it from a backup copy.")
    return version


def _wal_pending(path: Path) -> bool:
    """A non-empty write-ahead log beside the file. A checkpoint writes page 1 (and so the new
    page count) before the pages after it: killed in between, the file is shorter than its
    header says, and SQLite completes it from the log on the next open. Not damage."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def newer_message(path: Path, version: int) -> str:
    return (f"{path} was written by a newer version of Leadership Journal (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). It was left untouched; update the app to "
            "open it.")


def check_contents(path: Path, conn: sqlite3.Connection) -> int:
    """With a connection that has not written: confirm ids, version and tables. Returns version."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in
                  conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        raise DamagedJournal(path, f"{path} is damaged and cannot be read ({error}). It was left "
                                   "untouched; restore it from a backup copy.") from None
    if app_id != APPLICATION_ID:
        raise NotAJournal(path, f"{path} is an SQLite database of another program, not a "
                                "Leadership Journal. It was left untouched.")
    if version > SCHEMA_VERSION:
        raise NewerJournal(path, newer_message(path, version))
    missing = expected_tables(version) - tables
    if missing:
        raise DamagedJournal(path, f"{path} is damaged: it is missing part of its contents "
                                   f"({', '.join(sorted(missing))}). It was left untouched; "
                                   "restore it from a backup copy.")
    return version


def expected_tables(version: int) -> set[str]:
    """Tables a journal of this schema version must have (record tables named in CREATE TABLE)."""
    steps = {1: V1_TABLES, 2: V2_STEPS, 3: V3_STEPS, 4: V4_TABLES, 6: V6_STEPS}
    names: set[str] = set()
    for v, _name, _step in MIGRATIONS:
        if v > version:
            break
        for statement in steps.get(v, []):
            words = statement.split()
            if words[:2] == ["CREATE", "TABLE"]:
                names.add(words[2])
    return names


def backup_before_migration(path: Path, conn: sqlite3.Connection, version: int) -> Path:
    """Copy the journal before it is migrated, with SQLite's backup API (consistent even under
    WAL): a snapshot in the snapshot folder, where "Restore from snapshot…" lists it, or, if
    that folder cannot be written, a copy beside the journal (the migration never runs
    without a copy)."""
    from journal.store import snapshots  # not at start-up: an up-to-date journal never needs it

    try:
        return snapshots.take_snapshot(conn, path, snapshots.BEFORE_MIGRATION,
                                       keep=snapshots.keep_setting(conn))
    except OSError:
        pass
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = path.suffix or ".sqlite3"
    target = path.with_name(f"{path.stem}.schema-{version}-backup-{stamp}{suffix}")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def needs_migration(path: Path) -> bool:
    """True when `path` is one of our journals from an older schema (opening it will migrate).

    Reads the header only; anything unusual answers False and is reported by the real open.
    """
    try:
        return not is_new_file(path) and check_header(path) < SCHEMA_VERSION
    except Exception:
        return False


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection to `path` that never writes.

    A journal is in WAL mode, and SQLite reads a WAL database through its `-shm` index file,
    which it creates beside the journal when missing. In a folder the user cannot write to, with
    no `-shm` there, that fails ("attempt to write a readonly database"), and a healthy journal
    looked damaged. Then the file is opened as immutable: read as it is on disk, with no side
    files. That is exact when no `-wal` file holds changes not yet copied into the journal (a
    journal closed cleanly leaves none); when one does, the journal is refused with a sentence
    saying how to read it, rather than shown without its latest changes.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK) or Path(f"{path}-shm").exists():
            return conn  # some other trouble: check_contents names it
        conn.close()
    except sqlite3.DatabaseError:
        return conn  # a damaged file: check_contents says so
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyJournal(path, f"{path} cannot be read here: its latest changes are still "
                                    f"in {wal.name}, and SQLite needs to write a {path.name}-shm "
                                    "file beside it to read them, in a folder you cannot write "
                                    "to. Copy the journal and its -wal file to a folder you can "
                                    "write to, then open the copy.")
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)
