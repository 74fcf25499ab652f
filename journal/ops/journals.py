"""Opening journals for the app: the user's own and the sample one."""

from __future__ import annotations

from pathlib import Path

from journal.store.journal import Journal, open_journal


def open_sample_journal(path: Path) -> Journal:
    """Open the sample journal at `path`, writing the sample into it first if it is new or empty.

    The sample lives in its own file, so nothing in it ever mixes with the user's journal.
    """
    from journal.sample import populate

    journal = open_journal(path)
    try:
        if not journal.read_only and journal.is_empty():
            populate(journal)
    except BaseException:
        journal.close()
        raise
    return journal
