"""What the app changes about the checklist: snoozing a gap, waking it, the vague-label list.

Each write names its initiator and goes through the journal's change feed like every other edit,
so the Checklist page judges again at once. Computing the checklist is `store.checklist_run`.
"""

from __future__ import annotations

import datetime as dt

from journal.domain import kinds
from journal.domain.checklist import VAGUE_LABELS, Finding
from journal.store.checklist import snooze_id_of
from journal.store.journal import Journal


def snooze(journal: Journal, gap: Finding, until_on: dt.date, reason: str,
           initiator: object = None) -> int:
    """Hide `gap` until `until_on` (the day it comes back) for `reason`; snoozing it again
    replaces the end and the reason. Returns the snooze's id."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValueError("a snooze needs a reason")
    rule, kind, uid = gap.snooze_key
    existing = snooze_id_of(journal, gap.snooze_key)
    if existing is not None:
        return journal.update(kinds.SNOOZE, existing, initiator=initiator, until_on=until_on,
                              reason=reason).id
    return journal.create(kinds.SNOOZE, initiator=initiator, rule=rule, record_kind=kind,
                          record_uid=uid, until_on=until_on, reason=reason).id


def wake(journal: Journal, snooze_id: int, initiator: object = None) -> None:
    """End a snooze now: its gap is open again."""
    journal.delete(kinds.SNOOZE, snooze_id, initiator=initiator)


def set_vague_labels(journal: Journal, phrases: list[str] | None,
                     initiator: object = None) -> None:
    """Store the user's list of vague labels; None (or an empty list) goes back to the
    built-in list."""
    journal.set_setting(VAGUE_LABELS, list(phrases) if phrases else None, initiator=initiator)
