"""Typed reasons a journal cannot be opened or written.

Each carries one sentence for a person (`str(error)`) and the path it is about. The UI and the CLI
show that sentence as it is; no path that raised one of these has written to the file.
"""

from __future__ import annotations

from pathlib import Path


class JournalError(Exception):
    """Base of every refusal; `str()` is a complete sentence saying what is wrong and what to do."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(message)
        self.path = Path(path)


class NotAJournal(JournalError):
    """The file exists but is not a Leadership Journal (another app's database, random bytes...)."""


class DamagedJournal(JournalError):
    """The file claims to be a journal but cannot be read in full (truncated, corrupted)."""


class NewerJournal(JournalError):
    """Written by a newer version of the app; opening it here could lose what that version added."""


class JournalLocked(JournalError):
    """Another running copy of the app (or the CLI) has this journal open for writing."""


class ReadOnlyJournal(JournalError):
    """A write was asked of a journal that was opened read-only."""


class RecordNotFound(LookupError):
    """No record of that kind with that id (it may have been deleted elsewhere)."""


class InvalidRecord(ValueError):
    """A value the schema does not accept (unknown field, bad enumeration, missing reference)."""
