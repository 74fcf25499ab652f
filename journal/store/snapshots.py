"""Snapshots: whole copies of a journal made with SQLite's backup API, kept in the user's data
folder (`paths.snapshots_dir()`, one folder per journal), the newest N kept.

A snapshot is written into a temporary file, checked to be a complete journal, flushed to disk
and only then given its name, never over an existing file; a crash mid-copy leaves at most a
`.partial` file that the next snapshot removes. Only a file that passes the journal checks is
ever copied, so a damaged or foreign file can never push good snapshots out of the rotation.
Restoring copies a checked snapshot into the open journal with the same backup API, inside the
journal's own write lock and transaction: the file is the old journal or the restored one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain.kinds import TABLES
from journal.paths import snapshots_dir
from journal.store import opening
from journal.store.errors import DamagedJournal, JournalError, ReadOnlyJournal

KEEP_SETTING = "snapshots.keep"
DEFAULT_KEEP = 30
DAILY, MANUAL = "daily", "manual"
BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_RESTORE = "before-migration", "before-import", \
    "before-restore"
REASONS = (DAILY, MANUAL, BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_RESTORE)
_NAME = re.compile(r"^(\d{8}T\d{6})(\d{3})Z-([a-z-]+?)(?:-(\d+))?\.sqlite3$")
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: dt.datetime  # UTC
    reason: str
    size: int
    version: int | None = None  # filled by `describe`
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def folder_for(journal_path: Path) -> Path:
    """The folder of one journal's snapshots: its name and a short hash of its full path, so two
    journals called journal.sqlite3 in different folders keep their snapshots apart. The path
    is the file's own, whatever link it was reached through: one journal, one folder."""
    journal_path = Path(journal_path).resolve()
    digest = hashlib.sha256(str(journal_path).encode()).hexdigest()[:10]
    return snapshots_dir() / f"{journal_path.stem}-{digest}"


def _parse(path: Path) -> Snapshot | None:
    found = _NAME.match(path.name)
    if not found:
        return None
    stamp = dt.datetime.strptime(found[1], "%Y%m%dT%H%M%S").replace(
        microsecond=int(found[2]) * 1000, tzinfo=dt.UTC)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Snapshot(path, stamp, found[3], size)


def list_snapshots(journal_path: Path) -> list[Snapshot]:
    """This journal's snapshots, newest first (names and sizes only: see `describe`)."""
    try:
        folder = folder_for(journal_path)
    except OSError:  # the data folder cannot be made: no snapshot can be there
        return []
    if not folder.is_dir():
        return []
    found = [s for p in folder.iterdir() if (s := _parse(p)) is not None]
    return sorted(found, key=lambda s: s.taken_at, reverse=True)


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: a snapshot never changes, and no -shm or -journal file is made beside it. A
    # file with a write-ahead log beside it (a copy of a journal taken while it was open) is
    # read with its log, or its latest saves would be left out.
    try:
        pending = Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        pending = False
    if pending:  # (where its -shm cannot be made, refused with the reason)
        return opening.connect_read_only(Path(path))
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


def verify(path: Path, *, thorough: bool = True) -> int:
    """Check that `path` is a complete journal this version can open; return its schema version.
    Raises NotAJournal, DamagedJournal or NewerJournal (with a sentence) otherwise. `thorough`
    also reads every page (PRAGMA quick_check)."""
    path = Path(path)
    opening.check_header(path)
    conn = _read_only(path)
    try:
        version = opening.check_contents(path, conn)
        if thorough:
            try:
                result = conn.execute("PRAGMA quick_check").fetchall()
            except sqlite3.DatabaseError as error:
                result = [(str(error),)]
            if result != [("ok",)]:
                raise DamagedJournal(path, f"{path} is damaged ({result[0][0]}); it cannot be "
                                           "restored.")
        return version
    finally:
        conn.close()


def describe(snapshot: Snapshot) -> Snapshot:
    """The snapshot with its schema version and record counts, or None counts if unreadable."""
    try:
        conn = _read_only(snapshot.path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                  "WHERE type = 'table'")}
            if "record_counts" in tables:
                by_table = dict(conn.execute("SELECT table_name, n FROM record_counts"))
            else:
                by_table = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                            for t in TABLES.values() if t in tables}
        finally:
            conn.close()
    except (sqlite3.DatabaseError, JournalError):
        return snapshot
    counts = {kind: by_table[table] for kind, table in TABLES.items() if table in by_table}
    return Snapshot(snapshot.path, snapshot.taken_at, snapshot.reason, snapshot.size, version,
                    counts)


def keep_setting(conn: sqlite3.Connection) -> int:
    """How many snapshots to keep: the journal's `snapshots.keep` setting, else DEFAULT_KEEP."""
    import json

    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEEP_SETTING,)).fetchone()
        value = json.loads(row[0]) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError):
        value = DEFAULT_KEEP
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1000:
        return value
    return DEFAULT_KEEP


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on every platform
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _clear_partials(folder: Path) -> None:
    """Remove what an interrupted snapshot left, once it is clearly not in progress."""
    for leftover in folder.glob(f"*{PARTIAL_SUFFIX}*"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > 600:
                leftover.unlink()


def take_snapshot(source: sqlite3.Connection, journal_path: Path, reason: str, *,
                  keep: int | None = None, now: dt.datetime | None = None) -> Path:
    """Copy the journal open on `source` into its snapshot folder; return the snapshot's path.

    `source` must be a connection to the journal at `journal_path` that has passed the journal
    checks (the store's or a worker's own). With `keep`, older snapshots beyond that many are
    removed afterwards. Raises OSError if the folder cannot be written; the journal itself is
    only read.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown snapshot reason {reason!r}")
    folder = folder_for(journal_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    _clear_partials(folder)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    stem = f"{now:%Y%m%dT%H%M%S}{now.microsecond // 1000:03d}Z-{reason}"
    tmp = folder / f".{stem}.{os.getpid()}{PARTIAL_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            # A snapshot is read, never written: rollback-journal mode lets it be opened
            # read-only with no -wal or -shm file beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        verify(tmp, thorough=False)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        target = _free_name(folder, stem)
        _place(tmp, target)
        _fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    if keep is not None:
        rotate(journal_path, keep)
    return target


def _free_name(folder: Path, stem: str) -> Path:
    target = folder / f"{stem}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}.sqlite3"
        n += 1
    return target


def _place(tmp: Path, target: Path) -> None:
    """Give the checked copy its name without ever replacing a file of that name."""
    try:
        os.link(tmp, target)  # fails if target exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(tmp, target)


def rotate(journal_path: Path, keep: int) -> list[Path]:
    """Remove this journal's snapshots beyond the newest `keep` (at least one is kept)."""
    removed = []
    for old in list_snapshots(journal_path)[max(1, keep):]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def snapshot_file(journal_path: Path, reason: str, *, keep: int | None = None) -> Path:
    """Snapshot the journal at `journal_path` through a connection of its own (for a worker
    thread or the CLI; it works while the app has the journal open). Raises a JournalError,
    copying nothing, when the file is not a journal this version can read."""
    journal_path = Path(journal_path).absolute()
    opening.check_header(journal_path)
    conn = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=ro", uri=True,
                           check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        opening.check_contents(journal_path, conn)
        return take_snapshot(conn, journal_path, reason,
                             keep=keep if keep is not None else keep_setting(conn))
    finally:
        conn.close()


def taken_on(journal_path: Path, day: dt.date) -> bool:
    """Whether any snapshot of this journal was taken on the local day `day`."""
    return any(s.taken_at.astimezone().date() == day for s in list_snapshots(journal_path))


def copy_into(snapshot: Path, conn: sqlite3.Connection, journal_path: Path) -> None:
    """Replace the contents of the journal open (for writing) on `conn` by those of `snapshot`,
    in one step of the backup API, so the file holds one or the other whatever happens.
    The caller checks the snapshot first (`verify`) and reopens the journal afterwards."""
    if conn.in_transaction:
        raise RuntimeError("cannot restore inside a transaction")
    src = _read_only(Path(snapshot))
    try:
        try:
            src.backup(conn)
        except sqlite3.OperationalError as error:
            raise ReadOnlyJournal(journal_path, f"{journal_path} could not be replaced by the "
                                                f"snapshot ({error}); it was left as it was.") \
                from None
    finally:
        src.close()


def replace_damaged(journal_path: Path, snapshot: Path) -> Path:
    """Put a checked `snapshot` in place of a journal that is damaged (refused as such on
    opening), keeping the damaged file: it is renamed beside itself (with its -wal and -shm),
    never overwritten or deleted. Returns the damaged file's new path. Holds the journal's
    writer lock throughout; the new file is built beside the journal and moved into place."""
    from journal.store.errors import JournalLocked
    from journal.store.lock import LockBusy, WriterLock

    journal_path = Path(journal_path).absolute()
    lock = WriterLock(journal_path)
    try:
        lock.acquire()
    except LockBusy:
        raise JournalLocked(journal_path, f"{journal_path} is open in another Leadership Journal "
                                          "window or command. Close it first.") from None
    try:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = journal_path.with_name(f"{journal_path.name}.damaged-{stamp}")
        tmp = journal_path.with_name(f".{journal_path.name}.{os.getpid()}.restoring")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            src = _read_only(Path(snapshot))
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
                dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dest.close()
                src.close()
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            for suffix in ("", "-wal", "-shm"):
                old = Path(f"{journal_path}{suffix}")
                if old.exists():
                    os.replace(old, Path(f"{aside}{suffix}"))
            os.replace(tmp, journal_path)
            _fsync_dir(journal_path.parent)
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        return aside
    finally:
        lock.release()
