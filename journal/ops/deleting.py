"""Deleting a record with a way back: the one delete every page and the CLI use.

`delete_record` removes a record and exactly what `Journal.deletion_plan` names with it, and
returns an `Undo`: what changed, and the function that puts all of it back with the same ids.
The UI keeps that function on its undo list (Edit ▸ Undo); nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from journal.store.journal import Journal


class Undo(NamedTuple):
    """What an op changed (`changed`: the (kind, id) of each record touched) and how to take it
    back (`undo()`, which restores them and returns nothing). `kind` and `record_id` name the
    record the op was about, so the UI can show it again once it is back."""

    kind: str
    record_id: int
    changed: frozenset[tuple[str, int]]
    undo: Callable[[], None]


def dependents(journal: Journal, kind: str, record_id: int) -> dict[str, int]:
    """How many records of each kind a delete of this record takes with it (for the question
    that asks first). Raises the store's `JournalError` when there is no such record."""
    return journal.deletion_plan(kind, record_id).dependents()


def delete_record(journal: Journal, kind: str, record_id: int,
                  initiator: object = None) -> Undo:
    """Delete the record and its dependents in one transaction; the returned `Undo` restores
    them exactly (ids, uids, timestamps, the references other records lost)."""
    removal = journal.delete(kind, record_id, initiator=initiator)
    changed = frozenset((k, row["id"]) for k, row in removal.rows)
    changed |= {(k, rid) for k, rid, _column, _old in removal.unlinked}

    def undo() -> None:
        journal.restore(removal)

    return Undo(kind, record_id, changed, undo)
