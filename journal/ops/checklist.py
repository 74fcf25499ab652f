"""The checklist as the app and the command line use it: compute it, snooze a gap, wake one.

`compute` only reads, so it can run on a worker's read-only connection; the writes name their
initiator and go through the journal's change feed like every other edit.
"""

from __future__ import annotations

import datetime as dt

from journal.domain import kinds
from journal.domain.checklist import (
    VAGUE_LABELS,
    Checklist,
    ChecklistSettings,
    Finding,
    assemble,
)
from journal.store.checklist import (
    feedback_gaps,
    hints,
    live_snoozes,
    mentoring_gaps,
    snooze_id_of,
)
from journal.store.checklist_work import conflict_gaps, partner_gaps, review_gaps, roadmap_gaps
from journal.store.journal import Journal

_RULES = {
    "mentoring": mentoring_gaps,
    "design-reviews": review_gaps,
    "feedback": feedback_gaps,
    "roadmap": roadmap_gaps,
    "conflicts": conflict_gaps,
    "partner-teams": partner_gaps,
}


def settings_of(journal: Journal) -> ChecklistSettings:
    return ChecklistSettings.from_settings(journal.settings())


def compute(journal: Journal, today: dt.date | None = None,
            settings: ChecklistSettings | None = None) -> Checklist:
    """Every rule on `today` (default: the local date), with live snoozes set apart."""
    today = today or dt.date.today()
    settings = settings or settings_of(journal)
    gaps = {rule: find(journal, today, settings) for rule, find in _RULES.items()}
    return assemble(today, gaps, live_snoozes(journal, today), hints(journal, today, settings))


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
