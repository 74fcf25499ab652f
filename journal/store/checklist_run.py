"""The whole checklist in one call: every rule's gaps, the live snoozes set apart, the hints.

It only reads, so it runs as well on a worker's read-only connection as on the app's; the app and
`leadership-journal checklist` both call `compute`.
"""

from __future__ import annotations

import datetime as dt

from journal.domain.checklist import Checklist, ChecklistSettings, assemble
from journal.store.checklist import feedback_gaps, hints, live_snoozes, mentoring_gaps
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
