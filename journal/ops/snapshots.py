"""Snapshots as the app and the CLI use them: take one now, once a day, before an import, and
restore one (after a snapshot of the current state).

Every function here refuses, having changed nothing, a journal that is read-only or that fails
the journal checks, and a snapshot that is not a complete journal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journal.store import snapshots
from journal.store.errors import DamagedJournal, NotAJournal, ReadOnlyJournal
from journal.store.journal import Journal, open_journal


def keep_of(journal: Journal) -> int:
    return snapshots.keep_setting(journal.conn)


def snapshot_now(journal_path: Path, reason: str = snapshots.MANUAL) -> Path:
    """A snapshot through a connection of its own (safe on a worker thread, and while the app
    has the journal open); the newest N are kept."""
    return snapshots.snapshot_file(Path(journal_path), reason)


def daily_snapshot(journal_path: Path, today: dt.date | None = None) -> Path | None:
    """A snapshot unless one was already taken today (local time); None when none was due."""
    today = today or dt.date.today()
    if snapshots.taken_on(Path(journal_path), today):
        return None
    return snapshot_now(journal_path, snapshots.DAILY)


def snapshot_before_import(journal: Journal) -> Path:
    """Call before an import writes anything (issue 13): refuses a read-only journal."""
    if journal.read_only:
        raise ReadOnlyJournal(journal.path, f"{journal.path} is open read-only; nothing can be "
                                            "imported into it.")
    return snapshots.take_snapshot(journal.conn, journal.path, snapshots.BEFORE_IMPORT,
                                   keep=keep_of(journal))


def restore(journal: Journal, snapshot: Path) -> Path:
    """Replace the contents of the open `journal` by `snapshot`; returns the snapshot taken of
    the current contents first. The journal must then be closed and opened again (an older
    snapshot is migrated on that open). Raises a JournalError, changing nothing, for a read-only
    journal or a snapshot that is not a complete journal."""
    if journal.read_only:
        raise ReadOnlyJournal(journal.path, f"{journal.path} is open read-only, so it cannot be "
                                            "restored. Copy it somewhere you can write to.")
    snapshot = Path(snapshot).absolute()
    _not_itself(journal.path, snapshot)
    snapshots.verify(snapshot)
    before = snapshots.take_snapshot(journal.conn, journal.path, snapshots.BEFORE_RESTORE)
    snapshots.copy_into(snapshot, journal.conn, journal.path)
    snapshots.rotate(journal.path, keep_of(journal))
    return before


def _not_itself(journal_path: Path, snapshot: Path) -> None:
    """Refuse the journal itself as its own snapshot: read as one (without its write-ahead
    log), it could put an older state over what the log holds."""
    import os

    try:
        same = os.path.samefile(journal_path, snapshot)
    except OSError:
        same = False
    if same:
        raise NotAJournal(snapshot, f"{snapshot} is the journal itself, not one of its "
                                    "snapshots; nothing was changed. `leadership-journal backup "
                                    "--list` shows its snapshots.")


def restore_file(journal_path: Path, snapshot: Path) -> tuple[Path, Journal]:
    """Restore the journal at `journal_path` (which no one else may have open) from `snapshot`:
    returns where what it held before now is (a snapshot; or, for a damaged journal, the
    damaged file itself, renamed beside it and kept) and the journal, opened again. A file that
    is not a journal, or is from a newer version, is refused and left as it is."""
    snapshot = Path(snapshot).absolute()
    _not_itself(Path(journal_path), snapshot)
    snapshots.verify(snapshot)  # before anything is opened for writing
    try:
        journal = open_journal(journal_path)
    except DamagedJournal:
        before = snapshots.replace_damaged(Path(journal_path), snapshot)
        return before, open_journal(journal_path)
    with journal:
        before = restore(journal, snapshot)
    return before, open_journal(journal_path)
