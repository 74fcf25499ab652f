"""The whole checklist in one call: every rule's gaps, the live snoozes set apart, the hints.

It only reads, so it runs as well on a worker's read-only connection as on the app's; the app and
`leadership-journal checklist` both call it. `recompute` runs only the rules an edit can move and
keeps what the others found last time (`domain.checklist.RULE_KINDS` says which read what).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from journal.domain.checklist import RULE_KINDS, Checklist, ChecklistSettings, Finding, assemble
from journal.store.checklist import feedback_gaps, hints, live_snoozes, mentoring_gaps
from journal.store.checklist_work import conflict_gaps, partner_gaps, review_gaps, roadmap_gaps
from journal.store.journal import Journal

_FINDERS = {
    "mentoring": mentoring_gaps,
    "design-reviews": review_gaps,
    "feedback": feedback_gaps,
    "roadmap": roadmap_gaps,
    "conflicts": conflict_gaps,
    "partner-teams": partner_gaps,
    "hints": hints,
}
assert set(_FINDERS) == set(RULE_KINDS)

Found = dict[str, tuple[Finding, ...]]  # rule id (and "hints") -> what it found, snoozed or not


def settings_of(journal: Journal) -> ChecklistSettings:
    return ChecklistSettings.from_settings(journal.settings())


def compute(journal: Journal, today: dt.date | None = None,
            settings: ChecklistSettings | None = None) -> Checklist:
    """Every rule on `today` (default: the local date), with live snoozes set apart."""
    return recompute(journal, today or dt.date.today(), None, None, settings)[0]


def recompute(journal: Journal, today: dt.date, previous: Found | None,
              rules: Iterable[str] | None, settings: ChecklistSettings | None = None
              ) -> tuple[Checklist, Found]:
    """The checklist on `today`, running only `rules` (None: all) and taking the others from
    `previous` (what an earlier call on the same day found). Snoozes are always read afresh."""
    settings = settings or settings_of(journal)
    todo = set(_FINDERS) if previous is None or rules is None else set(rules)
    found = dict(previous or {})
    for rule in todo:
        found[rule] = tuple(_FINDERS[rule](journal, today, settings))
    return assemble(today, found, live_snoozes(journal, today), found["hints"]), found
