"""One writer per journal: an OS lock on a small file beside it.

The lock is held for as long as the journal is open for writing and is released by the OS when
the process ends, so a crash never leaves a stale lock behind. The lock file holds the pid of the
owner, which the refusal message names.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class LockBusy(Exception):
    def __init__(self, owner_pid: int | None):
        super().__init__(owner_pid)
        self.owner_pid = owner_pid


def lock_path_for(journal_path: Path) -> Path:
    # Beside the file itself, whatever link it was reached through: one journal, one lock. (A
    # link to nothing is replaced by the new journal: its lock stays beside the link.)
    if Path(journal_path).exists():
        journal_path = Path(journal_path).resolve()
    return journal_path.with_name(journal_path.name + ".lock")


class WriterLock:
    def __init__(self, journal_path: Path):
        self.path = lock_path_for(journal_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise LockBusy. Raises OSError when the lock file cannot be made."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            owner = _read_pid(fd)
            os.close(fd)
            raise LockBusy(owner) from None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)
        # Left behind on purpose: removing it races with another process taking it.


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
